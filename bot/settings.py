"""Settings from the environment or `.env`; every one is documented in `.env.example`."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from digests.i18n import LANGUAGES

_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Settings(BaseSettings):
    """The bot's configuration. Names are the environment variables, upper-cased."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_base_file_url: str = "https://api.telegram.org/file/bot"
    database_url: str = "sqlite+aiosqlite:///./data/digestbot.sqlite3"
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    default_language: str = "en"
    default_timezone: str = "UTC"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    broadcast_rate: float = Field(default=30.0, ge=0)  # 0: no bot-wide cap
    group_rate_per_minute: float = Field(default=20.0, gt=0)
    paid_broadcast: bool = False
    send_concurrency: int = Field(default=8, gt=0)
    send_batch: int = Field(default=200, gt=0)
    send_max_attempts: int = Field(default=5, gt=0)
    send_lease_seconds: float = Field(default=120.0, gt=0)
    commands_per_minute: int = Field(default=20, gt=0)
    fetch_timeout: float = Field(default=20.0, gt=0)
    fetch_private_addresses: bool = False
    schedule_grace_seconds: float = Field(default=3600.0, ge=0)
    feed_poll_interval: float = Field(default=300.0, gt=0)
    leader_check_seconds: float = Field(default=2.0, gt=0)
    schedule_reload_seconds: float = Field(default=30.0, gt=0)
    health_listen: str = "127.0.0.1"
    health_port: int = Field(default=8080, ge=0, le=65535)
    log_format: Literal["text", "json"] = "text"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace(";", ",").split(",")]
            try:
                return frozenset(int(p) for p in parts if p)
            except ValueError as error:
                raise ValueError("ADMIN_IDS must be comma-separated Telegram user ids") from error
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"DEFAULT_LANGUAGE must be one of {', '.join(LANGUAGES)}")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"DEFAULT_TIMEZONE {value!r} is not an IANA time zone") from error
        return value

    @model_validator(mode="after")
    def _webhook_has_secret(self) -> Settings:
        # Without the secret anyone who guesses the address could post forged updates.
        if self.webhook_url:
            secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
            if not _WEBHOOK_SECRET.fullmatch(secret):
                raise ValueError(
                    "WEBHOOK_URL needs WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and -"
                )
        return self

    @cached_property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.default_timezone)

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids
