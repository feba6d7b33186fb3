"""Webhook mode: the sandbox posts updates to the bot's webhook server on 127.0.0.1, with the
secret; a post without the right secret is refused with 403 and nothing is handled."""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any

import httpx
import pytest

from bot import metrics
from tests.harness import BEN, Harness, run_bot, visible

SECRET = "s3cret_Token-for-tests"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def help_update(update_id: int) -> dict[str, Any]:
    """What Telegram posts when Ben sends /help."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": BEN, "type": "private", "first_name": "Ben"},
            "from": {"id": BEN, "is_bot": False, "first_name": "Ben", "language_code": "en"},
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


def webhook_settings(port: int) -> dict[str, Any]:
    return {
        "webhook_url": f"http://127.0.0.1:{port}/telegram/hook",
        "webhook_secret": SECRET,
        "webhook_listen": "127.0.0.1",
        "webhook_port": port,
    }


def handled_updates() -> float:
    return sum(
        sample.value
        for family in metrics.UPDATES.collect()
        for sample in family.samples
        if sample.name.endswith("_total")
    )


def test_updates_arrive_through_the_webhook_with_the_secret(database_url: str) -> None:
    port = free_port()

    async def scenario(bot: Harness) -> None:
        info = await bot.app.bot.get_webhook_info()
        assert info.url == f"http://127.0.0.1:{port}/telegram/hook"
        (reply,) = await bot.send(BEN, "/help")
        assert "/more" in visible(reply)

    run_bot(database_url, scenario, **webhook_settings(port))


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}],
    ids=["missing secret", "wrong secret"],
)
def test_posts_without_the_right_secret_get_403_and_nothing_is_handled(
    database_url: str, headers: dict[str, str]
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"

    async def scenario(bot: Harness) -> None:
        before_messages, before_updates = len(bot.sandbox.sent(BEN)), handled_updates()
        async with httpx.AsyncClient() as client:
            refused = await client.post(url, json=help_update(900_001), headers=headers)
            await asyncio.sleep(0.5)
            assert refused.status_code == 403
            assert len(bot.sandbox.sent(BEN)) == before_messages
            assert handled_updates() == before_updates

            # The same update with the secret is handled: the refusal was the secret's doing.
            accepted = await client.post(
                url,
                json=help_update(900_002),
                headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
            )
        assert accepted.status_code == 200
        (reply,) = await bot.sandbox.wait_for_messages(BEN, 1, after=0, timeout=10)
        assert "/more" in visible(reply)
        assert handled_updates() == before_updates + 1

    run_bot(database_url, scenario, **webhook_settings(port))
