"""The sandbox in a process of its own, driven through its control API.

A crash test kills the bot and must keep the emulator's record of what arrived; a benchmark
measures the bot's CPU and must not count the emulator's. Both need the sandbox outside the
process under test, started on a free loopback port and always stopped again.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from bot.sandbox.server import TOKEN

START_TIMEOUT = 30.0


@dataclass
class SandboxProcess:
    """A running `python -m bot.sandbox` and a client for its control API."""

    process: subprocess.Popen[str]
    api_url: str
    file_url: str
    control_url: str
    client: httpx.Client
    token: str = TOKEN

    def bot_environment(self) -> dict[str, str]:
        """The settings that point a digestbot process at this sandbox."""
        return {
            "TELEGRAM_BOT_TOKEN": self.token,
            "TELEGRAM_API_BASE_URL": self.api_url,
            "TELEGRAM_API_BASE_FILE_URL": self.file_url,
        }

    def call(self, method: str, name: str, **options: Any) -> Any:
        response = self.client.request(method, f"{self.control_url}/{name}", **options)
        body = response.json()
        if not body.get("ok"):
            raise RuntimeError(f"sandbox {name}: {body.get('description')}")
        return body["result"]

    def add_readers(self, first_id: int, count: int, language_code: str = "en") -> int:
        body = {"first_id": first_id, "count": count, "language_code": language_code}
        return int(self.call("POST", "users", json=body)["added"])

    def add_users(self, user_ids: list[int], language_code: str = "en") -> int:
        body = [
            {"user_id": user_id, "first_name": f"Reader {user_id}", "language_code": language_code}
            for user_id in user_ids
        ]
        return int(self.call("POST", "users", json=body)["added"])

    def sent(self, after: int = 0) -> list[dict[str, Any]]:
        """Every message the bot sent after sequence number `after`."""
        return list(self.call("GET", "sent", params={"after": after}))

    def stats(self) -> dict[str, Any]:
        """Requests per method, responses per status, and `sent`, the number of messages."""
        return dict(self.call("GET", "stats"))


def _read_addresses(process: subprocess.Popen[str]) -> dict[str, str]:
    """The three addresses the sandbox prints once it listens (`name: url` lines)."""
    assert process.stdout is not None
    watchdog = threading.Timer(START_TIMEOUT, process.kill)  # a sandbox that never answers
    watchdog.start()
    addresses: dict[str, str] = {}
    try:
        while len(addresses) < 3:
            line = process.stdout.readline()
            if not line:
                raise RuntimeError(f"the sandbox exited before listening ({process.poll()})")
            name, _, url = line.partition(": ")
            addresses[name.strip()] = url.strip()
    finally:
        watchdog.cancel()
    return addresses


def stop(process: subprocess.Popen[Any], timeout: float = 5.0) -> None:
    """Terminate a child and reap it; kill it if it does not go in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    process.wait()


@contextmanager
def sandbox_process(*, enforce_limits: bool = False) -> Iterator[SandboxProcess]:
    """Start a sandbox on a free port of 127.0.0.1; stopped and reaped however the block ends."""
    command = [sys.executable, "-m", "bot.sandbox", "--port", "0"]
    if enforce_limits:
        command.append("--enforce-limits")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        addresses = _read_addresses(process)
        with httpx.Client(timeout=60.0) as client:
            yield SandboxProcess(
                process,
                api_url=addresses["Bot API base_url"],
                file_url=addresses["Bot API base_file_url"],
                control_url=addresses["control API"],
                client=client,
            )
    finally:
        stop(process)
        if process.stdout is not None:
            process.stdout.close()
