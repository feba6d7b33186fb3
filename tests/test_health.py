"""/healthz and /metrics of a running bot, and the JSON log lines operators collect."""

from __future__ import annotations

import asyncio
import io
import json
import logging

import httpx

from bot.health import HealthServer
from bot.logs import configure_logging
from bot.storage.database import Database
from tests.harness import BEN, EDITOR, Harness, run_bot
from tests.test_webhook import free_port


def test_healthz_and_metrics_of_a_running_bot(database_url: str) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"

    async def scenario(bot: Harness) -> None:
        article = await bot.ingest_sample()
        await bot.send(BEN, "/start")
        await bot.send(EDITOR, "/start")
        await bot.send(EDITOR, f"/publish {article}", expect=1)
        await bot.sandbox.wait_for_messages(BEN, 2, after=0, timeout=10)
        async with httpx.AsyncClient() as client:
            health = await client.get(f"{base}/healthz")
            assert health.status_code == 200
            body = health.json()
            assert body["status"] == "ok" and body["database"] == "ok"
            assert body["role"] == "all"
            assert body["leading"] == ["scheduler", "updates"]
            assert body["alive"] == {"scheduler": True, "updates": True, "delivery": True}

            await asyncio.sleep(0.2)  # the last outcome's commit
            text = (await client.get(f"{base}/metrics")).text
        values = {
            line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line and not line.startswith("#")
        }
        assert values["digestbot_messages_sent_total"] >= 2
        assert values['digestbot_updates_total{kind="command"}'] >= 3
        assert values['digestbot_outbox_messages{state="pending"}'] == 0
        assert values['digestbot_leading{duty="scheduler"}'] == 1
        assert values["digestbot_send_rate"] > 0

    run_bot(database_url, scenario, health_port=port)


def test_healthz_says_503_when_the_database_does_not_answer() -> None:
    async def main() -> None:
        db = Database("postgresql+asyncpg://postgres@127.0.0.1:9/nowhere")
        server = HealthServer(db, lambda: {"role": "worker", "alive": {}}, "127.0.0.1", 0)
        await server.start()
        try:
            async with httpx.AsyncClient() as client:
                answer = await client.get(f"http://127.0.0.1:{server.port}/healthz")
                metrics = await client.get(f"http://127.0.0.1:{server.port}/metrics")
        finally:
            await server.stop()
            await db.dispose()
        assert answer.status_code == 503
        assert answer.json()["status"] == "unhealthy"
        assert answer.json()["database"].startswith("unavailable")
        assert metrics.status_code == 200  # the process's own counters are still served

    asyncio.run(main())


def test_json_logs_are_one_object_per_line_without_the_token() -> None:
    token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij"
    stream = io.StringIO()
    root = logging.getLogger()
    handler = logging.StreamHandler(stream)
    saved = root.handlers[:], root.level
    root.handlers[:] = [handler]
    try:
        configure_logging(logging.INFO, token, "json")
        logging.getLogger("bot.test").info(
            "POST https://api.telegram.org/bot%s/sendMessage", token, extra={"chat": 42}
        )
        try:
            raise ValueError("boom")
        except ValueError:
            logging.getLogger("bot.test").exception("it failed")
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["level"] == "INFO" and first["logger"] == "bot.test"
    assert first["message"] == "POST https://api.telegram.org/bot<token>/sendMessage"
    assert first["chat"] == 42
    assert "ValueError: boom" in second["exception"]
    assert token not in stream.getvalue()
