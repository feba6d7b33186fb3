"""Telegram's HTML parse mode: what it accepts, and how long a message is once parsed.

The renderer uses `visible_length` to stay within Telegram's limits; the tests and the Bot API
sandbox use `parse` to reject what Telegram would reject.
"""

from __future__ import annotations

import re

MAX_MESSAGE = 4096

ALLOWED_TAGS = frozenset(
    "b strong i em u ins s strike del a code pre blockquote tg-spoiler span tg-emoji".split()
)
_ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "code": {"class"},
    "blockquote": {"expandable"},
    "span": {"class"},
    "tg-emoji": {"emoji-id"},
}
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:=\"[^\"<>]*\"|='[^'<>]*'|=[^\s\"'<>]+)?)*)\s*>|&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|[<>&]"
)
_ATTRIBUTE = re.compile(r"([\w-]+)(?:=(\"[^\"]*\"|'[^']*'|[^\s\"'<>]+))?")


class TelegramHTMLError(ValueError):
    """Markup Telegram would answer with "Bad Request: can't parse entities"."""


def parse(html: str) -> str:
    """The plain text Telegram shows for `html`; raises TelegramHTMLError where Telegram would."""
    out: list[str] = []
    stack: list[str] = []
    position = 0
    for match in _TOKEN.finditer(html):
        out.append(html[position : match.start()])
        position = match.end()
        token = match.group()
        if match.group(2):
            closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3)
            if tag not in ALLOWED_TAGS:
                raise TelegramHTMLError(f"Unsupported start tag {tag!r}")
            if closing:
                if not stack or stack[-1] != tag:
                    raise TelegramHTMLError(f"Can't find end tag corresponding to {tag!r}")
                stack.pop()
                continue
            for name, _value in _ATTRIBUTE.findall(attributes):
                if name.lower() not in _ALLOWED_ATTRIBUTES.get(tag, set()):
                    raise TelegramHTMLError(f"Unsupported attribute {name!r} of tag {tag!r}")
            stack.append(tag)
        elif match.group(4):
            entity = match.group(4)
            if entity.startswith("#"):
                number = int(entity[2:], 16) if entity[1] in "xX" else int(entity[1:])
                if not 0 < number <= 0x10FFFF:
                    raise TelegramHTMLError(f"Invalid character reference {token!r}")
                out.append(chr(number))
            elif entity in _NAMED:
                out.append(_NAMED[entity])
            else:
                raise TelegramHTMLError(f"Unsupported HTML entity {token!r}")
        else:
            raise TelegramHTMLError(f"Unescaped {token!r} in text")
    if stack:
        raise TelegramHTMLError(f"Can't find end tag corresponding to {stack[-1]!r}")
    out.append(html[position:])
    return "".join(out)


def text_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def visible_length(html: str) -> int:
    return text_length(parse(html))
