"""Real `digestbot` processes for tests: readers seeded, settings given, output kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.local import add_readers
from bot.sandbox.process import SandboxProcess
from bot.settings import Settings
from bot.storage.database import Database


async def seed_readers(database_url: str, chats: range) -> None:
    """English private readers, subscribed, in one bulk insert."""
    db = Database(database_url)
    try:
        await add_readers(db, chats)
    finally:
        await db.dispose()


def environment(sandbox: SandboxProcess, database_url: str, **settings: str) -> dict[str, str]:
    """The test's settings only: none of the developer's digestbot variables leak in."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name.lower() not in Settings.model_fields
    }
    given = {name.upper(): value for name, value in settings.items()}
    return {**inherited, **sandbox.bot_environment(), "DATABASE_URL": database_url, **given}


def start(
    arguments: list[str], env: dict[str, str], directory: Path, log: Path
) -> subprocess.Popen[bytes]:
    """`digestbot ARGUMENTS…` in `directory` (which has no `.env`), its output appended to `log`."""
    script = Path(sys.executable).with_name("digestbot")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    with log.open("ab") as output:
        return subprocess.Popen(
            [*command, *arguments], env=env, cwd=directory, stdout=output, stderr=subprocess.STDOUT
        )


def kill(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait()
