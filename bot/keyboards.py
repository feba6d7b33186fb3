"""Inline keyboards. Labels through gettext; callback data only through `bot.callbacks`."""

from __future__ import annotations

from collections.abc import Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import ArticlesPage, ChooseLanguage, More, NextQuote, ToggleSubscription, encode
from digests.i18n import LANGUAGES, language_name

Gettext = Callable[[str], str]


def digest_keyboard(digest_id: int, items: int, _: Gettext) -> InlineKeyboardMarkup:
    """More and Quote for each item of a digest (numbered when there are several)."""
    rows = []
    for item in range(1, items + 1):
        prefix = f"{item}. " if items > 1 else ""
        rows.append(
            [
                InlineKeyboardButton(
                    prefix + _("More"), callback_data=encode(More(digest_id, item))
                ),
                InlineKeyboardButton(
                    prefix + _("Quote"), callback_data=encode(NextQuote(digest_id, item))
                ),
            ]
        )
    return InlineKeyboardMarkup(rows)


def more_keyboard(digest_id: int, item: int, _: Gettext) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(_("More"), callback_data=encode(More(digest_id, item))),
            ]
        ]
    )


def quote_keyboard(digest_id: int, item: int, _: Gettext) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    _("Next quote"), callback_data=encode(NextQuote(digest_id, item))
                ),
            ]
        ]
    )


def language_keyboard(current: str) -> InlineKeyboardMarkup:
    """Each language in its own name; the current one marked."""
    buttons = [
        InlineKeyboardButton(
            ("✓ " if code == current else "") + language_name(code),
            callback_data=encode(ChooseLanguage(code)),
        )
        for code in LANGUAGES
    ]
    return InlineKeyboardMarkup([buttons[:2], buttons[2:]])


def settings_keyboard(subscribed: bool, _: Gettext) -> InlineKeyboardMarkup:
    toggle = _("Unsubscribe") if subscribed else _("Subscribe")
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    toggle, callback_data=encode(ToggleSubscription(not subscribed))
                )
            ],
            [InlineKeyboardButton(_("Change language"), callback_data=encode(ChooseLanguage("")))],
        ]
    )


def pager_keyboard(page: int, pages: int, _: Gettext) -> InlineKeyboardMarkup | None:
    buttons = []
    if page > 0:
        buttons.append(
            InlineKeyboardButton("◀ " + _("Newer"), callback_data=encode(ArticlesPage(page - 1)))
        )
    if page + 1 < pages:
        buttons.append(
            InlineKeyboardButton(_("Older") + " ▶", callback_data=encode(ArticlesPage(page + 1)))
        )
    return InlineKeyboardMarkup([buttons]) if buttons else None
