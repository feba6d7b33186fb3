"""The one place that writes Telegram HTML: digests, /more pages and /quote messages.

Every piece of article text goes through `escape`; labels go through gettext in the reader's
language; dates through Babel. Messages are split only between blocks (paragraphs, bullets),
and a block too long for one message only between sentences.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from babel.dates import format_date

from digests.build import DIGEST_BUDGET, analysis_list, key_section
from digests.clauses import main_clause
from digests.i18n import translations
from digests.languages import language_data
from digests.model import Article, Digest, KeyQuestion, Quote, Section
from digests.sentences import split_sentences
from digests.telegram_html import MAX_MESSAGE, text_length, visible_length
from digests.telegram_html import parse as parse_telegram_html

MAX_QUOTE_CHARS = 3000  # with the headline (at most 250) and labels, within one message
BULLET_MARK = "•"
# Shorter lines for the last shrinking steps: a main clause of at most this many characters.
_TIGHT_LINE = 160


def escape(text: str) -> str:
    """Article text as Telegram HTML: it can never become markup."""
    return html.escape(text, quote=False)


def _link(url: str, label: str) -> str:
    if not url.startswith(("http://", "https://")):
        return escape(label)
    return f'<a href="{html.escape(url, quote=True)}">{escape(label)}</a>'


def _quoted(quote: Quote, language: str) -> str:
    opening, closing = language_data(language).quote_marks
    text = quote.text.strip()
    if text[:1] in '„“«"»' or text[-1:] in '“”»"«':
        return text
    return f"{opening}{text}{closing}"


def _gettext(locale: str) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    catalog = translations(locale)
    return catalog.gettext, catalog.ngettext


def pack(blocks: Iterable[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Join self-contained HTML blocks into as few messages as fit, splitting only between them."""
    messages: list[str] = []
    current: list[str] = []
    size = 0
    for block in blocks:
        length = visible_length(block)
        if length > limit:
            if current:
                messages.append("\n\n".join(current))
                current, size = [], 0
            messages.extend(_split_block(block, limit))
            continue
        extra = length + (2 if current else 0)
        if current and size + extra > limit:
            messages.append("\n\n".join(current))
            current, size = [], 0
            extra = length
        current.append(block)
        size += extra
    if current:
        messages.append("\n\n".join(current))
    return messages


def _split_block(block: str, limit: int) -> list[str]:
    """A block longer than a message: plain escaped text, cut between sentences, else words."""
    plain = parse_telegram_html(block)
    pieces: list[str] = []
    current = ""
    for sentence in split_sentences(plain):
        while text_length(sentence) > limit:
            cut = (
                sentence.rfind(" ", 0, limit // 2) if " " in sentence[: limit // 2] else limit // 2
            )
            pieces.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        candidate = f"{current} {sentence}".strip()
        if text_length(candidate) > limit:
            pieces.append(current)
            current = sentence
        else:
            current = candidate
    if current:
        pieces.append(current)
    return [escape(p) for p in pieces if p]


@dataclass(frozen=True, slots=True)
class DigestParts:
    """A digest message's pieces, as article text; dropped or shortened when space runs out,
    always to whole sentences or main clauses."""

    title: str | None
    number: int | None
    headline: str
    gist: str | None
    key_question: KeyQuestion | None
    bullets: tuple[str, ...]
    ranks: tuple[int, ...]  # how much each bullet matters, 0 first
    quote: Quote | None


@dataclass(frozen=True, slots=True)
class _Markup:
    """How a digest is written: as Telegram HTML, or as the plain text Telegram shows for it
    (which is what the budget counts, without parsing the HTML at every shrinking step)."""

    bold: Callable[[str], str]
    italic: Callable[[str], str]
    text: Callable[[str], str]
    html: bool


_HTML = _Markup(lambda s: f"<b>{s}</b>", lambda s: f"<i>{s}</i>", escape, html=True)
_PLAIN = _Markup(str, str, str, html=False)


def _compose(parts: DigestParts, language: str, locale: str, markup: _Markup = _HTML) -> str:
    _, _n = _gettext(locale)
    bold, italic, text = markup.bold, markup.italic, markup.text
    headline = bold(text(parts.headline))
    if parts.number is not None:
        headline = f"{bold(f'{parts.number}.')} {headline}"
    blocks = []
    if parts.title:
        blocks.append(parts.title if markup.html else parse_telegram_html(parts.title))
    blocks.append(headline + (f"\n{text(parts.gist)}" if parts.gist else ""))
    if parts.key_question:
        heading = parts.key_question.heading
        label = _("Key question")
        block = f"❓ {bold(text(label) + ':')} "
        block += f"{italic(text(heading))}\n" if heading else ""
        blocks.append(block + text(parts.key_question.summary))
    if parts.bullets:
        items = "\n".join(f"{BULLET_MARK} {text(b)}" for b in parts.bullets)
        # Translators: the heading over a digest's bullets, the article's main points.
        label = _("Key points")
        blocks.append(f"{bold(text(label))}\n{items}")
    if parts.quote:
        block = f"💬 {italic(text(_quoted(parts.quote, language)))}"
        if parts.quote.speaker:
            block += f" — {text(parts.quote.speaker)}"
        blocks.append(block)
    return "\n\n".join(blocks)


def _without_least_bullet(parts: DigestParts) -> DigestParts:
    least = max(range(len(parts.bullets)), key=lambda i: parts.ranks[i])
    keep = [i for i in range(len(parts.bullets)) if i != least]
    return replace(
        parts,
        bullets=tuple(parts.bullets[i] for i in keep),
        ranks=tuple(parts.ranks[i] for i in keep),
    )


def _first_whole(text: str, language: str) -> str:
    """The first sentence of `text`, or all of it when the first is no whole sentence on its
    own ("The the the… John Whitfield said: …" split at its ellipsis)."""
    first = split_sentences(text, language)[0]
    return text if first.rstrip(' "”“»«’)').endswith(("…", "...")) else first


def _tighter(text: str | None, language: str) -> str | None:
    """`text` down to a main clause of its first sentence, or None if it has none."""
    if not text:
        return None
    first = _first_whole(text, language)
    if len(first) <= _TIGHT_LINE:
        return first
    return main_clause(first, _TIGHT_LINE, language)


def _shrink_steps(parts: DigestParts, language: str) -> Iterator[DigestParts]:
    """Ever shorter versions, each of whole sentences: no quote; three bullets at most (the
    least informative go first); no lead beside a key question; two bullets; a one-sentence lead;
    no title; one bullet, none; then main clauses, and at last the headline alone."""
    yield (parts := replace(parts, quote=None))
    while len(parts.bullets) > 3:
        yield (parts := _without_least_bullet(parts))
    if parts.key_question and parts.gist:
        yield (parts := replace(parts, gist=None))
    while len(parts.bullets) > 2:
        yield (parts := _without_least_bullet(parts))
    if parts.gist and len(split_sentences(parts.gist, language)) > 1:
        yield (parts := replace(parts, gist=_first_whole(parts.gist, language)))
    while parts.bullets:
        yield (parts := _without_least_bullet(parts))
    yield (parts := replace(parts, title=None))
    if parts.key_question:
        question = parts.key_question
        summary = _tighter(question.summary, language)
        heading = question.heading if question.heading and len(question.heading) <= 80 else None
        yield (
            parts := replace(parts, key_question=KeyQuestion(heading, summary) if summary else None)
        )
    yield (parts := replace(parts, gist=_tighter(parts.gist, language)))
    yield (parts := replace(parts, gist=None, key_question=None))
    yield replace(parts, headline=_tighter(parts.headline, language) or parts.headline)


def _fit(parts: DigestParts, language: str, locale: str, budget: int) -> str:
    for smaller in _shrink_steps(parts, language):
        if text_length(_compose(parts, language, locale, _PLAIN)) <= budget:
            break
        parts = smaller
    return _compose(parts, language, locale)


def _parts(digest: Digest, title: str | None, number: int | None = None) -> DigestParts:
    ranks = digest.bullet_ranks or tuple(range(len(digest.bullets)))
    return DigestParts(
        title,
        number,
        digest.headline,
        digest.gist,
        digest.key_question,
        digest.bullets,
        ranks,
        digest.quote,
    )


def digest_title(locale: str, on: date | None, count: int = 1) -> str | None:
    """ "Digest · 29 November 2026" or "Digest · 3 articles · …" in the reader's language."""
    if on is None and count <= 1:
        return None
    _, ngettext = _gettext(locale)
    pieces = [_("Digest")]
    if count > 1:
        pieces.append(ngettext("%(num)d article", "%(num)d articles", count) % {"num": count})
    if on is not None:
        pieces.append(format_date(on, format="long", locale=locale))
    return f"🗞 <b>{escape(' · '.join(pieces))}</b>"


def render_digest(
    digest: Digest,
    article_language: str,
    locale: str,
    *,
    on: date | None = None,
    number: int | None = None,
    budget: int = DIGEST_BUDGET,
) -> str:
    """One article's digest as one message of at most `budget` visible characters."""
    parts = _parts(digest, digest_title(locale, on), number)
    return _fit(parts, article_language, locale, budget)


def render_digest_issue(
    items: list[tuple[Digest, str]], locale: str, *, on: date | None = None
) -> list[str]:
    """Several articles as numbered items under one title, each within the one-article budget."""
    if len(items) == 1:
        digest, language = items[0]
        return [render_digest(digest, language, locale, on=on)]
    blocks = [digest_title(locale, on, len(items)) or ""]
    for number, (digest, language) in enumerate(items, start=1):
        parts = replace(_parts(digest, None, number), quote=None)
        blocks.append(_fit(parts, language, locale, DIGEST_BUDGET))
    return pack(b for b in blocks if b)


# ---- /more: the next layer of detail, part by part ----


def more_sections(article: Article) -> list[tuple[str, list[Section]]]:
    """The /more parts in order: key question, analysis, the rest. Empty parts are skipped."""
    analysis = analysis_list(article)
    key = key_section(article)
    rest = [s for s in article.sections if s is not key and s is not analysis and not s.is_empty]
    parts: list[tuple[str, list[Section]]] = []
    if key is not None:
        parts.append(("key", [key]))
    if analysis is not None and analysis is not key:
        parts.append(("analysis", [analysis]))
    if rest:
        parts.append(("rest", rest))
    return parts


def _valid_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def more_part_count(article: Article) -> int:
    """How many /more pages an article has, the closing "that is all" page included."""
    return len(more_sections(article)) + 1


def _section_blocks(section: Section) -> list[str]:
    blocks = [f"<b>{escape(section.heading)}</b>"] if section.heading else []
    blocks.extend(escape(p) for p in section.paragraphs)
    blocks.extend(f"{BULLET_MARK} {escape(b)}" for b in section.bullets)
    return blocks


def render_more(article: Article, part: int, locale: str) -> list[str]:
    """Page `part` (1-based) of an article's detail; the last page says that is all."""
    _, _n = _gettext(locale)
    parts = more_sections(article)
    total = len(parts) + 1
    part = max(1, min(part, total))
    names = {"key": _("Key question"), "analysis": _("Analysis"), "rest": _("Background")}
    header = f"<b>{escape(article.headline)}</b>\n"
    if part == total:
        lines = [header + escape(_("That is all on this article."))]
        published = _valid_date(article.published)
        if published is not None:
            lines.append(
                escape(
                    _("Published %(date)s")
                    % {"date": format_date(published, format="long", locale=locale)}
                )
            )
        if article.source_url:
            lines.append(_link(article.source_url, _("Read the full article")))
        return ["\n".join(lines)]
    name, sections = parts[part - 1]
    label = _("Part %(part)d of %(total)d: %(name)s") % {
        "part": part,
        "total": total,
        "name": names[name],
    }
    blocks = [header + f"<i>{escape(label)}</i>"]
    for section in sections:
        blocks.extend(_section_blocks(section))
    return pack(blocks)


# ---- /quote ----


def _sentences_within(text: str, limit: int, language: str) -> str:
    """As many whole sentences of `text` as fit in `limit` characters (at least the first)."""
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in split_sentences(text, language):
        if kept and len(kept) + 1 + len(sentence) > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept[:limit]


def render_quote(article: Article, index: int, locale: str) -> str:
    """Quote `index` (0-based) of an article, with its speaker and its place in the list."""
    _, ngettext = _gettext(locale)
    quotes = article.quotes
    header = f"<b>{escape(article.headline)}</b>\n"
    if not quotes:
        return header + escape(_("This article has no direct quotes."))
    if index >= len(quotes):
        count = ngettext(
            "That was the last quote: %(num)d in all.",
            "That was the last quote: %(num)d in all.",
            len(quotes),
        )
        return header + escape(count % {"num": len(quotes)})
    quote = quotes[index]
    label = _("Quote %(number)d of %(total)d") % {"number": index + 1, "total": len(quotes)}
    speaker = quote.speaker or _("unattributed")
    text = _sentences_within(quote.text, MAX_QUOTE_CHARS, article.language)
    body = (
        f"<blockquote>{escape(_quoted(Quote(text, quote.speaker), article.language))}</blockquote>"
    )
    return f"{header}<i>{escape(label)}</i>\n{body}\n— {escape(speaker)}"
