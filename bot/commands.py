"""The command menus: one list, used for /help and for setMyCommands in every language."""

from __future__ import annotations

from collections.abc import Callable


def N_(message: str) -> str:  # noqa: N802 - the conventional name gettext tools look for
    """Mark a string for translation without translating it here."""
    return message


READER_COMMANDS: tuple[tuple[str, str], ...] = (
    ("digest", N_("The latest digest")),
    ("more", N_("Next layer of detail of the digest")),
    ("quote", N_("Key quotes of the digest, with speakers")),
    ("subscribe", N_("Get digests in this chat")),
    ("unsubscribe", N_("Stop getting digests")),
    ("language", N_("Choose the language")),
    ("settings", N_("Your settings")),
    ("forget", N_("Delete everything stored about this chat")),
    ("help", N_("What this bot does")),
)

ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("ingest", N_("Add an article: a link, a file or a reply to a text")),
    ("articles", N_("Recent articles")),
    ("preview", N_("Preview an article's digest: /preview ID [language]")),
    ("publish", N_("Send an article's digest to every subscriber")),
    ("schedule", N_("Digests on a schedule: /schedule CRON [zone] [name]")),
    ("schedules", N_("List the schedules")),
    ("unschedule", N_("Remove a schedule")),
    ("stats", N_("Subscribers and delivery figures")),
    ("addfeed", N_("Poll an RSS or Atom feed: /addfeed URL")),
    ("feeds", N_("List the feeds")),
    ("removefeed", N_("Stop polling a feed")),
)


def command_lines(commands: tuple[tuple[str, str], ...], _: Callable[[str], str]) -> list[str]:
    return [f"/{name} — {_(description)}" for name, description in commands]
