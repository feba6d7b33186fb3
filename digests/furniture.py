"""Page furniture: the lines of a page, or of text copied from one, that are not the article.

Bylines, datelines and time stamps, picture credits, gallery and share controls, "read more"
and related-article lines, newsletter, subscription and paywall lines, contact blocks, site
names. Each language's words are in `digests.languages`; every language's are tried, since
a page's furniture is often in another language than its article ("Share", "Cookies").

A *furniture line* is dropped on its own; a *footer line* (a comment form, "About the
author") ends the article, so it and everything after it are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from digests.cleanup import comparable, word_count
from digests.languages import LANGUAGES
from digests.lemmas import is_known_word
from digests.sentences import ends_sentence


@dataclass(frozen=True, slots=True)
class Masthead:
    """What a page declares about itself: the site's names and the article's authors."""

    site_names: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()


NO_MASTHEAD = Masthead()

# A furniture line is short; a long paragraph that mentions cookies is an article about them.
# The longest furniture lines in the corpus (paywall notices, contact blocks) stay under 320.
_MAX_FURNITURE = 320
_MAX_SHORT_LINE = 200


def _union(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _words_pattern(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ALL = LANGUAGES.values()
_LINE = _union([p for data in _ALL for p in data.furniture])
# Notices are phrases, looked up by their longest word: a union of thirty patterns took half a
# millisecond a line, and every line of every article is checked.
_WORD = re.compile(r"\w+")
_ANYWHERE: dict[str, tuple[str, ...]] = {}
# Phrases of a script written without spaces ("会員限定です") are no words to look up: they
# are looked for as they stand.
_UNSPACED_NOTICES: tuple[str, ...] = ()
for _phrase in sorted({p for data in _ALL for p in data.furniture_anywhere}):
    if _phrase.count(" ") == 0 and word_count(_phrase) > 1:
        _UNSPACED_NOTICES += (_phrase,)
        continue
    _key = max(_WORD.findall(_phrase), key=len)
    _ANYWHERE[_key] = (*_ANYWHERE.get(_key, ()), _phrase)
_FOOTER = _union([p for data in _ALL for p in data.footer])
_EDIT_LINK_WORDS = _words_pattern({w for data in _ALL for w in data.edit_links})
_EDIT_LINKS = re.compile(
    rf"\s*\[\s*(?:{_EDIT_LINK_WORDS})(?:\s*\|\s*(?:{_EDIT_LINK_WORDS}))*\s*\]\s*$", re.IGNORECASE
)
_BACK_MATTER = _union([p for data in _ALL for p in data.back_matter])

_NAME = r"[^\W\d_][\w.'’-]*"
_BYLINE = re.compile(
    rf"(?:{_words_pattern({w for d in _ALL for w in d.byline_words})})\s*:?\s+"
    rf"(?P<name>{_NAME})(?:[\s,&|/]+[\w.'’()&-]+){{0,10}}",
    re.IGNORECASE,
)
_BYLINE_LANGUAGE = {w: d.code for d in _ALL for w in d.byline_words}
_BYLINE_WORDS = re.compile(
    rf"\b(?:{_words_pattern({w for d in _ALL for w in d.byline_words} | {'and', 'und'})})\b",
    re.IGNORECASE,
)

_DATELINE_WORD = re.compile(
    rf"\b(?:{_words_pattern({w for d in _ALL for w in d.dateline_words})})\b", re.IGNORECASE
)
# Looked up word by word: searching a line with the pattern above tries its 78 words at every
# position (27 µs a line, against 3 µs); a phrase of several words is confirmed by the pattern.
_DATELINE_WORDS = frozenset(w for d in _ALL for w in d.dateline_words if " " not in w)
_DATELINE_PHRASE_WORDS = frozenset(
    w.split()[0] for d in _ALL for w in d.dateline_words if " " in w
)
# Month and day names belong to a time stamp, but alone they are no evidence of one.
_CALENDAR_WORD = re.compile(
    rf"\b(?:{_words_pattern({w for d in _ALL for w in (*d.months, *d.weekdays)})})\b",
    re.IGNORECASE,
)
# A number standing as a word opens with a digit no word character precedes: "\d(?<!\w\d)"
# is "\b\d", but a pattern that opens with a digit is scanned for it three times faster than
# one that tries a word boundary at every position.
_DATE_OR_TIME = re.compile(
    r"\d(?<!\w\d)\d{0,3}(?:[./-]\d{1,2}){1,2}(?:[./-]\d{2,4})?\b"  # 28.04.2020, 2020-04-28, 6.2.
    r"|\d(?<!\w\d)\d?[:.h]\d{2}\b"  # 18:00, 07h36
)
_NUMBER = re.compile(r"\d(?<!\w\d)\d*\b")
_FUNCTION_WORDS = frozenset(w for d in _ALL for w in d.function_words)
_LEFTOVER_WORD = re.compile(r"[^\W\d_]{2,}")
_CREDIT_LABEL = re.compile(
    rf"\(?(?:{_words_pattern({w for d in _ALL for w in d.credit_labels} | {'credits'})})s?\b"
    r"\s*(?P<mark>[:©]|by\b|von\b|par\b|por\b|di\b)?\s*",
    re.IGNORECASE,
)
_AGENCIES = (
    "getty images|gettyimages|istock|istockphoto|shutterstock|pixabay|unsplash|imago|"
    "picture alliance|picture-alliance|adobe stock|alamy|keystone|dpa|afp|ap|reuters|epa|"
    "anp|ansa|efe|pap|ctk|čtk|tass|ria novosti|unian|ukrinform|xinhua|flickr|wikimedia commons"
)
_AGENCY_ONLY = re.compile(
    rf"\(?(?:©\s*)?(?:{_AGENCIES})(?:\s*[/|,]\s*[\w .'’-]{{1,40}})?\)?[.]?", re.IGNORECASE
)
_SLASHED_CREDIT = re.compile(r"\(?[\w.'’-]+(?:\s[\w.'’-]+)?/[\w.'’ -]{2,40}\)?")
_GALLERY = re.compile(
    r"(?:(?:bild|foto|photo|image|slide|picture|zdjęcie|фото)\s+)?\d{1,3}\s*"
    r"(?:of|von|de|di|z|из|з|/|\|)\s*\d{1,3}",
    re.IGNORECASE,
)
_EMAIL_OR_HANDLE = re.compile(r"[\w.+-]+@[\w-]+\.\w|(?:^|\s)@\w{2,}")
_NUMBERED_CONTACT = re.compile(
    r"\b(?:tel|fax|phone|telefon|тел)\.?\s*:?\s*\+?\d"  # phone
    r"|\+\d{2,3}[\s\d()/-]{7,}"
    r"|\b(?:iban|bic)\b\s*:?\s*[A-Z]{2}"  # bank details
    r"|^\d{4,5}\s+[A-ZÄÖÜ][\w-]+$"  # a postcode and a town
    r"|(?:straße|strasse|str\.|gasse|weg|platz|allee|street|avenue|road)\s+\d+\w?\b"
    r".{0,40}\b\d{4,5}\b",  # a street, its number and a postcode
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_WEB = re.compile(r"https?://|www\.\w", re.IGNORECASE)
# A pointer to a web address is a few words around it; with more words it is a sentence.
_MAX_POINTER_WORDS = 8
_DOMAIN = re.compile(r"\b[\w-]{2,}\.(?:com|org|net|de|at|ch|pl|fr|es|it|pt|cz|uk|ru|ua|eu|info)\b")
# A contact block line is short; a paragraph that mentions an address is not one.
_MAX_ADDRESS_LINE_WORDS = 25
# "A SIMPLE GUIDE: How do I protect myself?": a promotion box's kicker in capitals.
_CAPS_KICKER = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ]+[\s-]+){1,5}[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ]{2,}\s*:"
)
_WRAPPER_CHARS = " \t-–—•*|<>·"


def _bare(line: str) -> str:
    return line.strip(_WRAPPER_CHARS)


def _leftover_words(text: str) -> list[str]:
    """The words of a line that are not part of a time stamp (nor function words)."""
    rest = _CALENDAR_WORD.sub(" ", _DATELINE_WORD.sub(" ", text))
    rest = _NUMBER.sub(" ", _DATE_OR_TIME.sub(" ", rest))
    return [w for w in _LEFTOVER_WORD.findall(rest) if w.lower() not in _FUNCTION_WORDS]


# The longest time stamp with a byline: "Veröffentlicht am 17. Dezember 2019 von Simon Dückert".
_MAX_DATELINE_WORDS = 14


def _has_dateline_word(text: str) -> bool:
    """A dateline word ("Stand", "Updated", "mis à jour") stands in `text` as a word."""
    words = set(_WORD.findall(text.lower()))
    if words & _DATELINE_WORDS:
        return True
    return bool(words & _DATELINE_PHRASE_WORDS) and _DATELINE_WORD.search(text) is not None


def _is_dateline(bare: str) -> bool:
    """A time stamp: dates, times and dateline words ("Stand", "Updated") with at most one
    other word (a place), perhaps followed by a byline."""
    if len(bare.split()) > _MAX_DATELINE_WORDS:
        return False
    if not (_DATE_OR_TIME.search(bare) or _has_dateline_word(bare)):
        return False
    if len(_leftover_words(bare)) <= 1:
        return True
    # "Veröffentlicht am 17. Dezember 2019 von Simon Dückert": a time stamp, then a byline.
    for byline in _BYLINE.finditer(bare):
        head, tail = bare[: byline.start()], bare[byline.start() :]
        stamped = _DATE_OR_TIME.search(head) or _has_dateline_word(head)
        if stamped and len(_leftover_words(head)) <= 1 and _is_byline(tail):
            return True
    return False


def is_time_stamp(line: str) -> bool:
    """A date or a time with at most one other word: "07.12.2017", "Stand: 28.04.2020"."""
    return _is_dateline(_bare(line))


def _is_byline(bare: str) -> bool:
    """ "By Nada Tawfik, BBC News, New York", "Von Gregory Lipinski", "Autor: Fritz Imhof":
    the byline word, then a name of capitalised words (German capitalises nouns too, so
    "Von Regierung enttäuscht" is no byline)."""
    if len(bare.split()) > _MAX_DATELINE_WORDS:
        return False
    match = _BYLINE.fullmatch(bare)
    if not match or not match.group("name")[0].isupper():
        return False
    if ends_sentence(bare) and not bare.endswith((" Jr.", " Sr.", ".)")):
        return False
    name = bare[match.start("name") :].split(",")[0].split("|")[0].split("/")[0].split()
    if len(name) > 1 and not all(word[:1].isupper() for word in name[:2]):
        return False
    # "Von Bürgern Geld verlangen": nouns of the byline word's language are no name.
    language = _BYLINE_LANGUAGE.get(bare[: match.start("name")].strip(" :").lower())
    return not language or not all(is_known_word(w, language) for w in name[:2])


def _is_credit(bare: str) -> bool:
    """A picture credit standing alone: "Foto: dpa", "(Credits: Amazon)", "iStock/cjp"."""
    if len(bare.split()) > 10:
        return False
    if _AGENCY_ONLY.fullmatch(bare) or "©" in bare:
        return True
    if ends_sentence(bare.rstrip(")")):
        return False
    if _SLASHED_CREDIT.fullmatch(bare):
        return True
    label = _CREDIT_LABEL.match(bare)
    if not label or label.end() == len(bare):
        return False
    if label.group("mark"):
        return True
    # "Foto Reuters": without a colon, only names may follow the label.
    return all(word[:1].isupper() or word[:1].isdigit() for word in bare[label.end() :].split())


def _names_the_masthead(bare: str, masthead: Masthead) -> bool:
    """A short line made of the site's name or the authors' names and little else."""
    key = comparable(bare)
    if not key:
        return False
    words = len(bare.split())
    for site in masthead.site_names:
        site_key = comparable(site)
        # "Top-Themen bei FIT FOR FUN": the site's name is much of a short line; a headline
        # that mentions the brand ("…zur neuen Caritas-Präsidentin gewählt") is not.
        if site_key and (
            key == site_key or (site_key in key and words <= 8 and len(site_key) >= 0.4 * len(key))
        ):
            return not ends_sentence(bare) or words <= 4
    rest = bare
    for author in masthead.authors:
        rest = rest.replace(author, " ")
    if rest != bare and words <= 12:
        return len(_leftover_words(_BYLINE_WORDS.sub(" ", rest))) <= 3
    return False


def is_furniture(line: str, masthead: Masthead = NO_MASTHEAD, *, by_shape: bool = True) -> bool:
    """Whether `line` is page furniture rather than article text. `by_shape=False` asks only
    for the furniture the languages' word lists name, not for lines shaped like a byline, a
    time stamp or a credit (a text's first line is its headline unless it says otherwise)."""
    if len(line) > _MAX_FURNITURE + 20:
        return False
    bare = _bare(line)
    if not bare or len(bare) > _MAX_FURNITURE:
        return False
    if _has_notice(bare):
        return True
    if _address_line(bare):
        return True
    if len(bare) > _MAX_SHORT_LINE:
        return False
    if not by_shape:
        return bool(_LINE.fullmatch(bare) or _GALLERY.fullmatch(bare))
    return _short_furniture(bare, masthead)


def _has_notice(bare: str) -> bool:
    """A notice ("we use cookies", "already a subscriber") opens the line; an article about
    cookies may quote one further on."""
    opening = bare[: _MAX_SHORT_LINE + 40].lower()
    for word in set(_WORD.findall(opening)) & _ANYWHERE.keys():
        if any(phrase in opening for phrase in _ANYWHERE[word]):
            return True
    return not opening.isascii() and any(phrase in opening for phrase in _UNSPACED_NOTICES)


_CONTACT_SIGNS = (
    "tel", "fax", "phone", "тел", "+", "iban", "bic", "str", "gasse", "weg", "platz", "allee",
    "street", "avenue", "road",
)


def _maybe_numbered_contact(bare: str) -> bool:
    """Cheap test before the contact pattern: one of its words is there, or the line is a
    postcode and a town."""
    lowered = bare.lower()
    return bare[:1].isdigit() or any(sign in lowered for sign in _CONTACT_SIGNS)


def _address_line(bare: str) -> bool:
    """Contact details: a short line with an e-mail address or a phone number, or a line of a
    few words pointing to a web address ("Weitere Infos unter www.itfjuniors.de.")."""
    words = bare.count(" ") + 1
    if words > _MAX_ADDRESS_LINE_WORDS:
        return False
    # Each pattern only where its sign is: an "@", a digit, a dot.
    at = bare.find("@")
    if at != -1 and _EMAIL_OR_HANDLE.search(bare, max(0, at - 64), at + 64):
        return True
    if _DIGIT.search(bare) and _maybe_numbered_contact(bare) and _NUMBERED_CONTACT.search(bare):
        return True
    if words > _MAX_POINTER_WORDS or "." not in bare:
        return False
    return bool(_WEB.search(bare) or _DOMAIN.search(bare))


@lru_cache(maxsize=8192)
def _short_furniture_line(bare: str) -> bool:
    return bool(
        _LINE.fullmatch(bare)
        or _GALLERY.fullmatch(bare)
        or _is_dateline(bare)
        or _is_byline(bare)
        or _is_credit(bare)
        or (_CAPS_KICKER.match(bare) and len(bare.split()) <= 15)
    )


def _short_furniture(bare: str, masthead: Masthead) -> bool:
    return _short_furniture_line(bare) or _names_the_masthead(bare, masthead)


# "(c) proplanta Wie der Ressortchef … erklärte", "© dpa/Bernd Weißbrod Die Polizei …": a
# picture's credit the page set right before the paragraph under it, glued on by the
# extraction. The sentence starts at its first capitalised function word ("Wie", "Die"), or,
# after a one-word credit in lower case, at the next word; credits run to four words.
_GLUED_CREDIT_MARK = re.compile(r"^(?:\(c\)|©)\s*", re.IGNORECASE)
_CREDIT_WORDS = 4


def without_glued_credit(paragraph: str) -> str:
    """A paragraph without a picture credit glued to its start."""
    mark = _GLUED_CREDIT_MARK.match(paragraph)
    if mark is None:
        return paragraph
    words = paragraph[mark.end() :].split(" ", _CREDIT_WORDS + 1)
    if not any(c.isalpha() for c in words[0]):
        return paragraph  # "© 2020 Alle Rechte vorbehalten": a copyright line, not a credit
    for index, word in enumerate(words[1 : _CREDIT_WORDS + 1], start=1):
        if word[:1].isupper() and word.lower() in _FUNCTION_WORDS:
            return " ".join(words[index:])
    if len(words) > 2 and words[0].islower() and words[1][:1].isupper():
        return " ".join(words[1:])
    return paragraph


# A dateline opening a report: the place (in capitals, or places joined by "/"), perhaps
# the agency in brackets, or the agency alone, then a dash: "WEST PALM BEACH — ", "KHAN
# YOUNIS, GAZA — ", "ANAHEIM, Calif. — " (a state after the place), "München / Berlin - ",
# "Warendorf (fn-press) – ", "(CNN) -- ". A capitalised word must follow.
_PLACE = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ][\w.'’-]+"
_CAPS_PLACE = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ][A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ.'’-]+"
_DATELINE_PREFIX = re.compile(
    rf"^(?:{_CAPS_PLACE}(?:[ ,]+{_CAPS_PLACE}){{0,3}}"  # WEST PALM BEACH, KHAN YOUNIS, GAZA
    rf"(?:,\s*{_PLACE}(?: {_PLACE})?)?"  # , Calif. / , New Mexico
    r"(?: \d{1,2})?(?:\s*\([\w./ -]{2,24}\))?"  # "SEOUL, Aug. 20 (Yonhap) -- "
    rf"|{_PLACE}(?:\s*/\s*{_PLACE}){{1,3}}"  # München / Berlin
    rf"|{_PLACE}(?: {_PLACE})?\s*\([\w./ -]{{2,24}}\)"  # Warendorf (fn-press)
    rf"|\({_PLACE}(?: {_PLACE})?\))"  # the agency alone: "(CNN) -- ", "(Reuters) - "
    r"\s+(?:--|[-–—])\s+(?=[^\W\d_])"  # a typewriter's "--" too: "WASHINGTON (Aug. 13) --"
    # Or a typewriter's dash alone, its place dropped by the page: "-- Alabama's strict new
    # law …" (not "— ", which opens a line of dialogue).
    r"|^--\s+(?=[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ])"
    # Or, in a script without capitals, a place or two and the agency before a typewriter's
    # dash: "دمشق، سوريا (CNN) -- ".
    r"|^[^\W\d_A-Za-z][^()\n]{0,40}?\s*\([\w./ -]{2,24}\)\s+--\s+(?=[^\W\d_])"
)


# A wire's dateline set without spaces: "NEW YORK--Verizon Communications is …" (a place of
# four letters or more: "US--China talks" is no dateline).
_GLUED_DATELINE = re.compile(
    rf"^{_CAPS_PLACE}(?: {_CAPS_PLACE}){{0,3}}(?<=[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ.]{{4}})--(?=[^\W\d_])"
)


# A Chinese wire's dateline: the agency, the place and the day, "电" (wired), perhaps the
# reporters in brackets: "新华社北京11月17日电 记者17日从…", "中新网上海3月2日电（记者 张三）";
# a Japanese one in lenticular brackets: "【6月18日 AFP】ナイジェリア北東部…".
_CJK_DATELINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}[社网][\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电"
    r"(?:\s*[（(][^）)]{0,30}[）)])?|【[^】]{2,24}】)\s*"
)


def without_dateline(paragraph: str) -> str:
    """A report's first sentence without the dateline that opens it."""
    cjk = _CJK_DATELINE.match(paragraph)
    if cjk and len(paragraph) > cjk.end():
        return paragraph[cjk.end() :]
    match = _DATELINE_PREFIX.match(paragraph) or _GLUED_DATELINE.match(paragraph)
    if match is None or not _opens_a_sentence(paragraph[match.end() :][:1]):
        return paragraph
    return paragraph[match.end() :]


def _opens_a_sentence(letter: str) -> bool:
    """A capital, or a letter of a script without capitals (Arabic, Chinese)."""
    return letter.isupper() or (letter.isalpha() and not letter.islower())


def is_footer(line: str) -> bool:
    """Whether `line` ends the article: a comment form, "About the author", "Related posts"."""
    if len(line) > _MAX_SHORT_LINE + 20:
        return False
    bare = _bare(line)
    return len(bare) <= _MAX_SHORT_LINE and _FOOTER.fullmatch(bare) is not None


def is_back_matter(heading: str) -> bool:
    """Whether a heading opens the article's back matter: "References", "Literatur",
    "References — Papers of particular interest"."""
    if len(heading) > _MAX_SHORT_LINE:
        return False
    bare = _bare(heading)
    return _BACK_MATTER.fullmatch(bare.split(" — ", 1)[0]) is not None


def without_edit_links(heading: str) -> str:
    """A wiki's heading without its links to edit the section: "Plot[edit]" is "Plot"."""
    return _EDIT_LINKS.sub("", heading) if heading.endswith("]") else heading
