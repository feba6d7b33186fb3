"""setWebhook: the sandbox posts each update to the bot's address, as Telegram does.

Updates go one at a time, oldest first, with the secret in `X-Telegram-Bot-Api-Secret-Token`;
one leaves the queue only when the bot answers 2xx, so a bot that is down loses nothing.
While a webhook is set, getUpdates is refused with 409, as on Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from bot.sandbox.errors import bad_request
from bot.sandbox.params import Params
from bot.sandbox.runtime import Runtime

_log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
RETRY_SECONDS = 0.5


@dataclass(frozen=True)
class Webhook:
    url: str
    secret: str | None


async def set_webhook(rt: Runtime, params: Params) -> bool:
    url = params.text("url") or ""
    if not url:
        await _stop(rt)
        return True
    if urlsplit(url).scheme not in ("http", "https"):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = params.text("secret_token") or None
    allowed = params.json_value("allowed_updates", "can't parse allowed_updates JSON object")
    if allowed is not None:
        rt.world.updates.set_allowed(allowed)
    if params.flag("drop_pending_updates"):
        rt.world.updates.clear()
    await _stop(rt)
    rt.webhook = Webhook(url, secret)
    rt.webhook_task = asyncio.create_task(_push(rt, rt.webhook))
    return True


async def delete_webhook(rt: Runtime, params: Params) -> bool:
    if params.flag("drop_pending_updates"):
        rt.world.updates.clear()
    await _stop(rt)
    return True


async def get_webhook_info(rt: Runtime, params: Params) -> dict[str, Any]:
    return {
        "url": rt.webhook.url if rt.webhook else "",
        "has_custom_certificate": False,
        "pending_update_count": len(rt.world.updates),
    }


async def _stop(rt: Runtime) -> None:
    task, rt.webhook, rt.webhook_task = rt.webhook_task, None, None
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _push(rt: Runtime, hook: Webhook) -> None:
    """Post pending updates to the hook until it is replaced or deleted."""
    headers = {SECRET_HEADER: hook.secret} if hook.secret else {}
    updates = rt.world.updates
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as http:
        while rt.webhook is hook and not rt.closing:
            pending = await rt.world.notifier.wait_for(lambda: updates.take(1), 1.0)
            if not pending:
                continue
            (update,) = pending
            try:
                async with http.post(hook.url, json=update, headers=headers) as answer:
                    delivered = 200 <= answer.status < 300
            except (aiohttp.ClientError, TimeoutError) as error:
                _log.debug("webhook %s unreachable: %s", hook.url, error)
                delivered = False
            if delivered:
                updates.acknowledge(update["update_id"] + 1)
            else:
                await asyncio.sleep(RETRY_SECONDS)
