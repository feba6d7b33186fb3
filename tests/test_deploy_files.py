"""The deployment files agree with the code: .env.example, Dockerfile, compose.yaml."""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
import tomllib
from dataclasses import dataclass, field

import pytest

from bot.settings import Settings
from tests.conftest import ROOT

ENV_EXAMPLE = ROOT / ".env.example"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
COMPOSE = ROOT / "compose.yaml"
ROLES = {"all", "bot", "worker", "scheduler"}


# --- .env.example ------------------------------------------------------------------------------


def env_example() -> dict[str, str]:
    values: dict[str, str] = {}
    for number, line in enumerate(ENV_EXAMPLE.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        name, sep, value = stripped.partition("=")
        assert sep and re.fullmatch(r"[A-Z][A-Z0-9_]*", name), f"line {number}: {line!r}"
        assert name not in values, f"{name} is set twice in .env.example"
        values[name] = value.strip()
    return values


def as_written(default: object) -> str:
    """A Settings default the way .env.example writes it."""
    if default is None or default == frozenset():
        return ""
    if isinstance(default, bool):
        return str(default).lower()
    return str(default)


def same_value(written: str, default: object) -> bool:
    expected = as_written(default)
    if isinstance(default, int | float) and not isinstance(default, bool):
        try:
            return float(written) == float(default)
        except ValueError:
            return False
    return written.lower() == expected.lower() if isinstance(default, bool) else written == expected


def test_every_setting_is_in_env_example_with_its_default() -> None:
    written = env_example()
    for name, info in Settings.model_fields.items():
        key = name.upper()
        assert key in written, f"{key} is missing from .env.example"
        assert same_value(written[key], info.default), (
            f".env.example has {key}={written[key]!r}, Settings' default is {info.default!r}"
        )


def test_env_example_names_only_real_settings() -> None:
    known = {name.upper() for name in Settings.model_fields}
    unknown = sorted(set(env_example()) - known)
    assert not unknown, f"not settings: {unknown}"


def test_env_example_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    settings = Settings(_env_file=ENV_EXAMPLE)
    assert settings.database_url == Settings.model_fields["database_url"].default


# --- Dockerfile --------------------------------------------------------------------------------


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, keyword: str) -> list[str]:
        return [args for kw, args in self.instructions if kw == keyword]


def dockerfile_stages() -> list[Stage]:
    lines: list[str] = []
    pending = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        if raw.strip().startswith("#"):
            continue  # also inside a continued instruction, as Docker does
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1] + " "
            continue
        line = (pending + raw).strip()
        pending = ""
        if line:
            lines.append(line)
    assert not pending, "the Dockerfile ends inside a continued line"
    stages: list[Stage] = []
    for line in lines:
        keyword, _, args = line.partition(" ")
        keyword, args = keyword.upper(), args.strip()
        if keyword == "FROM":
            words = args.split()
            words = [w for w in words if not w.startswith("--")]
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append(Stage(words[0], name))
        elif keyword != "ARG" or stages:
            assert stages, f"{keyword} before the first FROM"
            stages[-1].instructions.append((keyword, args))
    return stages


def exec_form(args: str) -> list[str]:
    assert args.startswith("["), f"not the exec form: {args}"
    value = json.loads(args)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value)
    return value


def copy_sources(args: str) -> tuple[list[str], bool]:
    """The sources of a COPY/ADD and whether they come from another stage or image."""
    words = json.loads(args) if args.startswith("[") else shlex.split(args)
    flags = [w for w in words if w.startswith("--")]
    paths = [w for w in words if not w.startswith("--")]
    assert len(paths) >= 2, f"COPY needs a source and a destination: {args}"
    return paths[:-1], any(f.startswith("--from=") for f in flags)


def test_dockerfile_has_a_build_and_a_final_stage_on_one_python() -> None:
    stages = dockerfile_stages()
    assert len(stages) >= 2
    # The venv is copied across stages: its interpreter links must point at the same Python.
    assert stages[0].base == stages[-1].base
    assert stages[-1].base.startswith("python:3.11")


def test_dockerfile_installs_editable_and_compiles_catalogs_in_the_build_stage() -> None:
    build, final = dockerfile_stages()[0], dockerfile_stages()[-1]
    runs = " ".join(build.all("RUN"))
    # digests/i18n.py reads <source tree>/locale: a non-editable install would lose the catalogs.
    assert re.search(r"pip install (.* )?-e ", runs)
    assert "pybabel compile" in runs
    assert "--directory=locale" in runs or "-d locale" in runs
    copied = [copy_sources(args) for args in final.all("COPY")]
    from_build = {source for sources, other in copied if other for source in sources}
    assert {"/opt/venv", "/app"} <= from_build


def test_dockerfile_final_stage_runs_digestbot_as_a_user() -> None:
    final = dockerfile_stages()[-1]
    users = final.all("USER")
    assert users, "the final stage has no USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    entrypoint = final.all("ENTRYPOINT")
    assert entrypoint and exec_form(entrypoint[-1])[0] == "digestbot"
    healthcheck = final.all("HEALTHCHECK")
    assert healthcheck and healthcheck[-1].upper() != "NONE"
    assert "/healthz" in healthcheck[-1]
    assert "curl" not in healthcheck[-1] and "wget" not in healthcheck[-1]


def test_dockerfile_exposes_the_default_ports() -> None:
    exposed = {
        int(port.split("/")[0])
        for args in dockerfile_stages()[-1].all("EXPOSE")
        for port in args.split()
    }
    assert Settings.model_fields["health_port"].default in exposed
    assert Settings.model_fields["webhook_port"].default in exposed


def dockerignore_patterns() -> list[str]:
    patterns = []
    for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "!")):
            patterns.append(line.removeprefix("/").removeprefix("**/"))
    return patterns


def test_dockerfile_copies_only_files_that_exist_and_reach_the_build() -> None:
    patterns = dockerignore_patterns()
    local = []
    for stage in dockerfile_stages():
        for args in stage.all("COPY") + stage.all("ADD"):
            sources, other_stage = copy_sources(args)
            if not other_stage:
                local.extend(sources)
    assert local, "no COPY of the project"
    for source in local:
        assert "://" not in source
        matches = list(ROOT.glob(source.removeprefix("./")))
        assert matches, f"COPY source {source!r} does not exist"
        name = source.removeprefix("./").rstrip("/")
        excluded = [p for p in patterns if fnmatch.fnmatch(name, p)]
        assert not excluded, f"COPY source {source!r} is excluded by .dockerignore {excluded}"


def test_entrypoint_is_a_project_script() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entrypoint = dockerfile_stages()[-1].all("ENTRYPOINT")[-1]
    script = exec_form(entrypoint)[0]
    assert script in pyproject["project"]["scripts"]
    assert pyproject["project"]["scripts"][script] == "bot.cli:main"


# --- compose.yaml (PyYAML is not a dependency: a structural check) -----------------------------


def compose_services() -> dict[str, str]:
    """Each service's name and the text of its block, from the indentation."""
    text = COMPOSE.read_text(encoding="utf-8")
    assert "\t" not in text, "tabs in compose.yaml"
    top = re.search(r"^services:[ \t]*\n((?:[ \t]+.*\n|[ \t]*#.*\n|\s*\n)*)", text, re.MULTILINE)
    assert top, "compose.yaml has no top-level services"
    block = top.group(1)
    indent = re.search(r"^( +)[A-Za-z]", block, re.MULTILINE)
    assert indent
    width = len(indent.group(1))
    services: dict[str, str] = {}
    for match in re.finditer(
        rf"^ {{{width}}}([A-Za-z0-9][\w.-]*):[ \t]*\n((?:(?: {{{width + 1},}}.*)?\n)*)",
        block,
        re.MULTILINE,
    ):
        services[match.group(1)] = match.group(2)
    return services


def test_compose_names_its_services() -> None:
    services = compose_services()
    assert {"postgres", "bot", "worker"} <= set(services)
    assert re.search(r"image:\s*postgres:\d+", services["postgres"])
    assert "pg_isready" in services["postgres"]


def test_compose_runs_the_roles_on_postgresql() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    # Several processes: PostgreSQL, never the SQLite default.
    urls = re.findall(r"DATABASE_URL:\s*(\S+)", text)
    assert urls and all(url.startswith("postgresql+asyncpg://") for url in urls)
    assert "@postgres:" in urls[0]
    for service, role in (("bot", "all"), ("worker", "worker")):
        command = re.search(r"command:\s*(\[.*\])", compose_services()[service])
        assert command, f"{service} has no command"
        args = json.loads(command.group(1))
        assert args[0] == "run" and args[args.index("--role") + 1] == role
        assert role in ROLES


def test_compose_starts_workers_after_the_bot_has_migrated() -> None:
    services = compose_services()
    worker = services["worker"]
    assert re.search(r"depends_on:\s*\n\s+bot:\s*\n\s+condition:\s*service_healthy", worker)
    assert re.search(
        r"depends_on:\s*\n\s+postgres:\s*\n\s+condition:\s*service_healthy", services["bot"]
    )
    # Published ports of the bot stay on the loopback address.
    for port in re.findall(r"^\s*-\s*\"?([\d.:]+)\"?\s*$", services["bot"], re.MULTILINE):
        assert port.startswith("127.0.0.1:"), port
