"""The state a Bot API method works with, and the steps several methods share."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox import errors
from bot.sandbox.errors import bad_request
from bot.sandbox.limits import Faults, Limits, RateLimiter
from bot.sandbox.models import PRIVATE, Chat
from bot.sandbox.params import Params
from bot.sandbox.state import World


@dataclass
class Runtime:
    world: World
    limits: Limits = field(default_factory=Limits)
    enforce_limits: bool = False
    faults: Faults | None = None
    closing: bool = False
    polls: int = 0
    webhook: Any = None  # bot.sandbox.webhook.Webhook while one is set
    webhook_task: asyncio.Task[None] | None = None
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.limits)

    def set_limits(self, limits: Limits) -> None:
        self.limits = limits
        self.limiter = RateLimiter(limits)

    def admit(self, chat: Chat) -> None:
        """Count a message against the flood limits, when they are enforced."""
        if self.enforce_limits:
            self.limiter.admit(chat.id, private=chat.kind == PRIVATE)

    async def inject_faults(self) -> None:
        if self.faults is None:
            return
        delay, error = self.faults.draw()
        if delay:
            await asyncio.sleep(delay)
        if error is not None:
            raise error


def reply_target(world: World, chat: Chat, params: Params) -> int | None:
    """The message being replied to, from `reply_parameters` or the older parameters."""
    reply = params.json_object("reply_parameters", "can't parse ReplyParameters JSON object")
    if reply is not None:
        message_id = reply.get("message_id")
        allow_missing = reply.get("allow_sending_without_reply") is True
    else:
        message_id = params.integer("reply_to_message_id")
        allow_missing = params.flag("allow_sending_without_reply")
    if not message_id:
        return None
    if not isinstance(message_id, int) or world.message(chat.id, message_id) is None:
        if allow_missing:
            return None
        raise bad_request(errors.REPLY_NOT_FOUND)
    return message_id
