"""What a web page declares about its article: titles, site names, authors, date, language.

Read from the page's metadata (Open Graph, Twitter cards, JSON-LD, `<title>`, `<h1>`,
`<html lang>`, author markup). trafilatura's own metadata pass reads the same sources and
more, but costs 20 ms a real page (60 % of its extraction) and, measured on the corpus, finds
no title, site or author these miss. The headline is chosen here: the article's own title,
never the site's name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from digests.cleanup import UNSPACED_LETTERS, clean_line, comparable, word_count
from digests.furniture import NO_MASTHEAD, Masthead, is_furniture, is_time_stamp

_ARTICLE_TYPES = frozenset(
    "Article NewsArticle BlogPosting ReportageNewsArticle AnalysisNewsArticle "
    "OpinionNewsArticle ReviewNewsArticle BackgroundNewsArticle LiveBlogPosting TechArticle "
    "ScholarlyArticle Report SocialMediaPosting".split()
)
_SITE_TYPES = frozenset("WebSite Organization NewsMediaOrganization Corporation".split())
# Chinese portals join a title's parts with "_" and no spaces ("…新台阶_科技_腾讯网"): between two
# of their characters, it is never part of the headline.
_SEPARATOR = re.compile(
    r"\s+[|–—·•»:-]{1,2}\s+|\s+[|]\s*|\s*[|]\s+|\s+::\s+"
    rf"|(?<=[{UNSPACED_LETTERS}])_(?=[{UNSPACED_LETTERS}])"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHORT_HOST_LABELS = frozenset("www m mobile amp news de en blog".split())


@dataclass(frozen=True, slots=True)
class PageFacts:
    """The page's own statements about its article, each cleaned to one line of text."""

    # og:title, JSON-LD headline, twitter:title, microdata or hAtom headline, <title>
    titles: tuple[str, ...] = ()
    h1s: tuple[str, ...] = ()  # those inside <article> or <main> first
    masthead: Masthead = NO_MASTHEAD
    published: str | None = None  # ISO date
    declared_language: str | None = None
    json_ld_body: str | None = None  # JSON-LD articleBody: some pages keep their text only there
    # og:description, JSON-LD description, twitter:description, <meta name=description>,
    # in that order: the standfirst, perhaps.
    descriptions: tuple[str, ...] = ()
    url: str | None = None
    canonical: str | None = None  # <link rel="canonical">: its path may name the article


def _line(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return clean_line(value)


class _Meta:
    """The page's <meta> tags, read once: name, property or itemprop → contents."""

    def __init__(self, page: lxml.html.HtmlElement) -> None:
        self.values: dict[str, list[str]] = {}
        for tag in page.iter("meta"):
            content = tag.get("content")
            if not content or not content.strip():
                continue
            for attribute in ("property", "name", "itemprop"):
                key = (tag.get(attribute) or "").strip().lower()
                if key:
                    self.values.setdefault(key, []).append(content)

    def __call__(self, *names: str) -> list[str]:
        found = [_line(v) for name in names for v in self.values.get(name, ())]
        return [f for f in found if f]


def _json_ld(page: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every object in the page's JSON-LD blocks, nested ones and @graph members included."""
    for script in page.xpath("//script[@type='application/ld+json']"):
        source = (script.text or "").strip()
        if not source:
            continue
        try:
            data = json.loads(source, strict=False)
        except ValueError:
            continue  # broken JSON-LD is common; the page has other metadata
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {k for k in kind if isinstance(k, str)}
    return set()


def _names(value: object) -> list[str]:
    """Names of a JSON-LD author or publisher: a string, an object or a list of either."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and "http" not in name:
            names.append(_line(name))
    return [n for n in names if n]


def _iso_date(value: str | None) -> str | None:
    match = _ISO_DATE.match(value or "")
    if not match:
        return None
    try:
        return date.fromisoformat(match.group()).isoformat()
    except ValueError:
        return None  # "2024-13-45": a date no calendar has


def _host_label(url: str | None) -> str | None:
    """The name part of the site's host: "fitforfun" for www.fitforfun.de."""
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".")[:-1] if label not in _SHORT_HOST_LABELS]
    return labels[-1] if labels else None


# Where pages print their bylines: `rel="author"` links and author markup (schema.org, hCard,
# the classes news templates use). The names read there are matched against body lines.
_BYLINE_XPATH = (
    "//*[@rel='author'] | //*[@itemprop='author']//*[@itemprop='name']"
    " | //*[contains(@class, 'author-name') or contains(@class, 'byline__name')"
    " or contains(@class, 'author__name')]"
)
_MAX_AUTHOR = 60  # a name, not a paragraph about one


def _byline_names(page: lxml.html.HtmlElement) -> list[str]:
    names = [_line(e.text_content()) for e in page.xpath(_BYLINE_XPATH)[:12]]
    return [n for n in names if 2 <= len(n.split()) <= 5 and len(n) <= _MAX_AUTHOR]


def read_page(page: lxml.html.HtmlElement, url: str | None = None) -> PageFacts:
    """The facts a page states about its article."""
    meta = _Meta(page)
    titles: list[str] = meta("og:title")
    sites: list[str] = []
    authors: list[str] = []
    published: list[str] = []
    body: str | None = None
    descriptions: list[str] = meta("og:description")
    for item in _json_ld(page):
        types = _types(item)
        if types & _ARTICLE_TYPES:
            titles += [_line(item.get("headline"))]
            authors += _names(item.get("author"))
            sites += _names(item.get("publisher"))
            published.append(str(item.get("datePublished") or ""))
            descriptions.append(_line(item.get("description")))
            text = item.get("articleBody")
            if isinstance(text, str) and len(text) > len(body or ""):
                body = text
        elif types & _SITE_TYPES:
            sites += _names(item)
    titles += meta("twitter:title", "headline")
    titles += _marked_headline(page)
    descriptions += meta("twitter:description", "description")
    titles += [_without_last_part(_line(t.text_content())) for t in page.iter("title")][:1]
    sites += meta("og:site_name", "application-name", "publisher")
    authors += [a for a in meta("author", "article:author") if 2 <= len(a.split()) <= 5]
    authors += _byline_names(page)
    published += meta("article:published_time", "datepublished", "date", "pubdate")
    published += [str(v) for v in page.xpath("//time[@itemprop='datePublished']/@datetime")]
    url = url or next(iter(meta("og:url")), None)
    label = _host_label(url)
    if label:
        sites.append(label)
    h1s = [_line(h.text_content()) for h in page.xpath("//article//h1 | //main//h1")]
    h1s += [_line(h.text_content()) for h in page.iter("h1")]
    lang = page.get("lang") or page.get("xml:lang") or ""
    return PageFacts(
        titles=tuple(dict.fromkeys(t for t in titles if t)),
        h1s=tuple(dict.fromkeys(h for h in h1s if h)),
        masthead=Masthead(
            site_names=tuple(dict.fromkeys(s for s in sites if s)),
            authors=tuple(dict.fromkeys(a for a in authors if a)),
        ),
        published=next((d for d in map(_iso_date, published) if d), None),
        declared_language=lang.replace("_", "-").split("-")[0].lower() or None,
        json_ld_body=body,
        descriptions=tuple(dict.fromkeys(d for d in descriptions if d)),
        url=url,
        canonical=next(iter(page.xpath("//link[@rel='canonical']/@href")), None),
    )


# The article's title as the page marks it up in its body: schema.org microdata and the
# hAtom microformat that blog and news templates use ("<span class="headline entry-title">").
# A marked <h1> is among the page's <h1>s already, and does not confirm itself.
_MARKED_HEADLINE = (
    "//*[@itemprop='headline' or contains(concat(' ', @class, ' '), ' entry-title ')]"
)


def _marked_headline(page: lxml.html.HtmlElement) -> list[str]:
    """The one title the body marks as its article's outside an <h1>: none on an index
    page, where every teaser is marked."""
    elements = [e for e in page.xpath(_MARKED_HEADLINE) if e.tag not in ("meta", "h1")]
    marked = {_line(e.text_content()) for e in elements}
    marked.discard("")
    return list(marked) if len(marked) == 1 else []


def _is_site_name(part: str, masthead: Masthead) -> bool:
    """The site's name, or its authors' ("2012 map takes unfamiliar shape - Maggie Haberman
    and Shira Toeplitz"): a part of a title that is not the headline."""
    key = comparable(part)
    if not key:
        return True
    if any(key == comparable(author) for author in masthead.authors):
        return True
    for site in masthead.site_names:
        site_key = comparable(site)
        if site_key and (key == site_key or (len(part.split()) <= 5 and site_key in key)):
            return True
        if site_key and len(site_key) >= 4 and key in site_key and len(key) >= 4:
            return True
    return False


def without_site_name(title: str, masthead: Masthead) -> str:
    """A title without the site's name and the separators around it:
    "Headline | Site" → "Headline", "Site: Headline" → "Headline"."""
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    # "Headline - 07.12.2017 - Section - Site": a time stamp and what follows it are the
    # page's, not the headline's.
    stamp = next((i for i, p in enumerate(parts) if i and is_time_stamp(p)), len(parts))
    if stamp < len(parts):
        cut = title.find(parts[stamp], len(parts[0]))
        title, parts = title[:cut].rstrip(" |–—·•»:-"), parts[:stamp]
    kept = [p for p in parts if not _is_site_name(p, masthead)]
    if not kept or len(kept) == len(parts):
        return title
    # Rebuild from the original text, so separators inside the headline survive.
    start = title.find(kept[0])
    end = title.rfind(kept[-1]) + len(kept[-1])
    return title[start:end].strip(" |–—·•»:-") if start != -1 and end > start else kept[0]


# A headline says something: its longest part has three words or more. "Partner",
# "Aktuelles - Synchronschwimmen" and "Ansprechpartner" are the names of a page's sections.
_HEADLINE_WORDS = 3


def _without_last_part(title: str) -> str:
    """A <title> without its last part, which is the site's or the section's name ("Headline |
    Site", "Headline - Section - Site"), unless that leaves fewer than three words. A colon
    spaced as French sets it opens the headline's second half ("Loi sur le renseignement :
    que contient le texte … ?"), not a site's name."""
    parts = [m for m in _SEPARATOR.finditer(title) if m.group().strip() != ":"]
    if not parts:
        return title
    # "Headline_Section_Portal": the parts a Chinese portal joins with "_" are all its own.
    cut = next((m for m in parts if m.group() == "_"), parts[-1])
    head = title[: cut.start()].strip()
    return head if word_count(head) >= _HEADLINE_WORDS else title


def _agrees(h1: str, title: str) -> bool:
    a, b = comparable(h1), comparable(title)
    shorter, longer = sorted((a, b), key=len)
    # Half the longer one: "Kicker Headline" against "Headline" agrees, a logo does not.
    return len(shorter) >= 10 and shorter in longer and len(shorter) >= len(longer) / 2


def _says_something(title: str, masthead: Masthead) -> bool:
    parts = [p for p in _SEPARATOR.split(title) if p.strip()] or [title]
    return (
        max(word_count(p) for p in parts) >= _HEADLINE_WORDS
        and not _is_site_name(title, masthead)
        and not is_furniture(title, masthead)
    )


def choose_headline(facts: PageFacts, opening_heading: str | None = None) -> str | None:
    """The article's own title, as the page shows it, the site's name cut off:
    - an <h1>, or the heading that opens the article's text, confirmed by a declared title;
    - else the first declared title that says something;
    - else the first <h1> that says something, else that opening heading."""
    masthead = facts.masthead
    declared = [without_site_name(t, masthead) for t in facts.titles]
    declared = [t for t in declared if _says_something(t, masthead)]
    h1s = [h for h in facts.h1s if _says_something(h, masthead)]
    opening = opening_heading
    if opening and not _says_something(opening, masthead):
        opening = None
    for heading in [*h1s, *([opening] if opening else [])]:
        for title in declared:
            if _agrees(heading, title):
                # The shorter one is the headline: the heading may carry a kicker, the title
                # a site name or a section path.
                clean = without_site_name(heading, masthead)
                return clean if len(comparable(clean)) <= len(comparable(title)) else title
    if declared:
        return declared[0]
    # Nothing confirms one: the heading right above the text beats an <h1> elsewhere (a
    # page's promotion box has one too: "Hier Hotels buchen und Gutes tun").
    fallback = opening or (h1s[0] if h1s else None)
    return without_site_name(fallback, masthead) if fallback else None


# "…/story/interview-mit-sharon-stone/": an address's last part of three words or more, all
# letters, names the article; "…/2022/09/1664182299.html" or "…/artikel-12345" do not.
_SLUG_WORDS = 3
_SLUG_SEPARATOR = re.compile(r"[-_+]+")


def title_from_address(facts: PageFacts, text: str) -> str | None:
    """For a page whose only title is its site's name: the words of its address, written as
    the article writes them ("Interview mit Sharon Stone"). Every word but the first must be
    in the text, so a slug of another language, of a transliteration ("schoener") or of an
    abbreviation is no title."""
    for address in (facts.canonical, facts.url):
        if not address:
            continue
        segment = urlsplit(address).path.rstrip("/").rsplit("/", 1)[-1]
        words = _SLUG_SEPARATOR.split(re.sub(r"\.[a-z]{2,5}$", "", segment.lower()))
        if len(words) < _SLUG_WORDS or not all(w.isalpha() for w in words):
            continue
        written = [_as_written(w, text) for w in words]
        if any(w is None for w in written[1:]):
            continue
        title = " ".join(w or words[0] for w in written)
        return title[:1].upper() + title[1:]
    return None


def _as_written(word: str, text: str) -> str | None:
    found = re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text, re.IGNORECASE)
    return found.group() if found else None
