"""Lines that are page furniture, not article: share prompts, read-also links, cookie notices.

Two kinds: a *boilerplate line* is dropped on its own; a *footer line* (a comment form, a
newsletter box) ends the article, so it and everything after it are dropped.
"""

from __future__ import annotations

import re

_BOILERPLATE = [
    # read also / related
    r"(lesen sie auch|lesen sie mehr|siehe auch)\b.*",
    r"(mehr zum thema|auch interessant)\s?(:.*)?",
    r"(read also|read more)\b.*",
    r"(see also)\s?(:.*)?",
    r"(related|related articles?|related stories|more on this|recommended)\s?(:.*)?",
    r"(читайте також|читайте більше|дивіться також|також читайте)\b.*",
    r"(по темі|більше новин)\s?(:.*)?",
    r"(читайте также|читайте еще|читайте ещё|смотрите также|также читайте)\b.*",
    r"(по теме|больше новостей)\s?(:.*)?",
    # share / follow / subscribe prompts
    r"(share( this( article| story| post)?)?|share on \w+|tweet|email|print|copy link)[.!:]?",
    r"(teilen|artikel teilen|auf \w+ teilen|drucken|link kopieren)[.!:]?",
    r"(поділитися|поширити|поширити в \w+|друкувати)[.!:]?",
    r"(поделиться|поделиться в \w+|распечатать)[.!:]?",
    r"(follow us|subscribe to|sign up for|join us on)\b.*",
    r"(folgen sie uns|abonnieren sie|melden sie sich .*newsletter)\b.*",
    r"(підписуйтесь|підписуйтеся|стежте за нами)\b.*",
    r"(подписывайтесь|подпишитесь|следите за нами)\b.*",
    # cookies, ads, rights, tags
    r"(advertisement|sponsored|anzeige|werbung|реклама|партнерский материал)[.:]?",
    r"(©|\(c\)|copyright)\s.*",
    r"(tags|schlagworte|теги|метки|мітки)\s?:.*",
    r"(most read|meistgelesen|найпопулярніше|самое читаемое|популярное)\s?(:.*)?",
]

# Notices recognised wherever they stand in a short line.
_ANYWHERE = [
    r"\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|cookie policy)\b",
    r"\b(wir verwenden cookies|diese (web)?seite verwendet cookies|cookies akzeptieren)\b",
    r"\b(ми використовуємо (файли )?cookie|сайт використовує (файли )?cookie)\b",
    r"\b(мы используем (файлы )?cookie|сайт использует (файлы )?cookie)\b",
    r"\b(all rights reserved|alle rechte vorbehalten|всі права захищені|все права защищены)\b",
]

_FOOTER = [
    r"(leave a reply|leave a comment|post a comment|add a comment|cancel reply)\b.*",
    r"your email address will not be published.*",
    r"(hinterlassen sie einen kommentar|kommentar hinterlassen|kommentar schreiben)\b.*",
    r"(залишити коментар|залиште коментар|додати коментар)\b.*",
    r"(оставить комментарий|оставьте комментарий|добавить комментарий)\b.*",
    r"(kommentare|comments|коментарі|комментарии)\s?(\(?\d+\)?)?:?",
]

_BOILERPLATE_LINE = re.compile("|".join(f"(?:{p})" for p in _BOILERPLATE), re.IGNORECASE)
_FOOTER_LINE = re.compile("|".join(f"(?:{p})" for p in _FOOTER), re.IGNORECASE)
_ANYWHERE_LINE = re.compile("|".join(f"(?:{p})" for p in _ANYWHERE), re.IGNORECASE)
_WRAPPER_CHARS = " \t-–—•*|<>"

# A furniture line is short; a long paragraph that mentions cookies is an article about them.
_MAX_FURNITURE = 200


def _bare(line: str) -> str:
    return line.strip(_WRAPPER_CHARS)


def is_boilerplate(line: str) -> bool:
    if len(line) > _MAX_FURNITURE + 20:
        return False
    bare = _bare(line)
    if len(bare) > _MAX_FURNITURE:
        return False
    return bool(_BOILERPLATE_LINE.fullmatch(bare) or _ANYWHERE_LINE.search(bare))


def is_footer(line: str) -> bool:
    if len(line) > _MAX_FURNITURE + 20:
        return False
    bare = _bare(line)
    return len(bare) <= _MAX_FURNITURE and _FOOTER_LINE.fullmatch(bare) is not None
