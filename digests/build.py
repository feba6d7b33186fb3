"""Article → Digest: the headline, the lead, the key question, the analysis and a quote.

Extractive and whole: every line is one of the article's sentences (or, when one alone is too
long, its main clause), never a sentence cut off with "…".

- The lead is the article's first sentence or two: the news.
- The key question comes only when the article has one (see `key_question`); otherwise the
  lead stands in its place.
- The analysis is the article's own bullet list when it has a real one (statements, not an
  ingredient list or references), else the body's most informative sentences: central to
  the headline and lead, bringing names and figures the lead lacks, spread over the article,
  no two saying the same thing, none leaning on a sentence the reader does not see.
"""

from __future__ import annotations

from dataclasses import dataclass

from digests.clauses import fit_sentence
from digests.furniture import is_furniture
from digests.key_question import find_key_question
from digests.model import Article, Digest, Quote, Section
from digests.page import comparable
from digests.sentences import has_unbalanced_quote, split_sentences
from digests.sentences_pool import (
    Pool,
    Sentence,
    digest_sections,
    is_question,
    is_whole,
    names_and_figures,
    quoted_share,
    without_enumeration,
)

MAX_BULLETS = 4
BULLET_CHARS = 220
# A lead sentence this long still reads in a notification; a longer one keeps its main clause.
GIST_CHARS = 330
QUOTE_CHARS = 240
# A bullet list is the analysis when its items are statements, not labels or ingredients:
# five words an item on average (the seed's and real pages' analysis lists have 6–40).
_MIN_LIST_WORDS = 5
_MIN_BULLET_WORDS = 7
# Two sentences sharing more than this share of their content words say the same thing.
_SAME_THING = 0.45
# The lead's second sentence joins the first only when the first is this short.
_SHORT_LEAD = 120


def _lead_sentences(pool: Pool) -> list[str]:
    """The lead: the first statement of the article that fits a notification (or its main
    clause), and the next sentence too when the first is short."""
    candidates = [s for s in pool.sentences if s.section == 0][:5] or pool.sentences[:5]
    statements = [
        s
        for s in candidates
        if len(s.text.split()) >= 5 and not is_question(s.text) and is_whole(s.text)
    ]
    fallback = [s for s in candidates[:1] if is_whole(s.text)]
    for position, sentence in enumerate(statements or fallback):
        first = fit_sentence(sentence.text, GIST_CHARS, pool.language)
        if first is None:
            continue
        lead = [first]
        following = [s for s in statements[position + 1 :] if s.order == sentence.order + 1]
        if (
            following
            and first == sentence.text
            and len(first) < _SHORT_LEAD
            and len(first) + len(following[0].text) < GIST_CHARS
        ):
            lead.append(following[0].text)
        return lead
    return []


def _bullet_text(item: str, pool: Pool) -> str | None:
    """A list item's first sentence (or main clause); none for an item the page cut off."""
    sentences = split_sentences(without_enumeration(item), pool.language)
    if not sentences or has_unbalanced_quote(sentences[0]):
        return None
    if sentences[0].rstrip(' "”“»«’)').endswith(("…", "...")):
        return None
    return fit_sentence(sentences[0], BULLET_CHARS, pool.language)


def analysis_list(article: Article, pool: Pool | None = None) -> Section | None:
    """The section whose bullet list is the article's own analysis, if any."""
    pool = pool or Pool(article)
    topic = pool.headline_topic
    best: tuple[float, Section] | None = None
    headings = {comparable(s.heading) for s in article.sections if s.heading}
    for section in digest_sections(article):
        items = section.bullets
        if len(items) < 2:
            continue
        if sum(comparable(i) in headings for i in items) >= len(items) / 2:
            continue  # the article's table of contents
        words = sum(len(i.split()) for i in items) / len(items)
        if words < _MIN_LIST_WORDS:
            continue
        score = sum(pool.centrality(i, topic) for i in items) / len(items) + 0.02 * len(items)
        if best is None or score > best[0]:
            best = (score, section)
    return best[1] if best else None


def _list_bullets(pool: Pool, section: Section, taken: set[str]) -> list[str]:
    bullets: list[str] = []
    for item in section.bullets:
        text = _bullet_text(item, pool)
        if text and text not in taken and text not in bullets:
            bullets.append(text)
        if len(bullets) == MAX_BULLETS:
            break
    return bullets


def _bullet_score(pool: Pool, sentence: Sentence, topic: frozenset[str], known: set[str]) -> float:
    text = sentence.text
    score = pool.centrality(text, topic)
    score += 0.08 * min(len(names_and_figures(text) - known), 3)
    score += 0.15 * (1 - sentence.position)
    score -= 0.35 * pool.leans_back(text)
    score -= 0.15 * quoted_share(text)
    if not 60 <= len(text) <= BULLET_CHARS:
        score -= 0.1
    return score


def _is_candidate(sentence: Sentence, taken: set[str]) -> bool:
    text = sentence.text
    return (
        text not in taken
        and len(text.split()) >= _MIN_BULLET_WORDS
        and is_whole(text)
        and not is_question(text)
        and quoted_share(text) < 0.8
        and not is_furniture(text)
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: Sentence
    text: str  # as the bullet shows it: the sentence, or its main clause
    words: frozenset[str]
    score: float


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _sentence_bullets(
    pool: Pool, topic: frozenset[str], taken: set[str]
) -> list[tuple[Sentence, str]]:
    """The most informative body sentences, most informative first, chosen one at a time so
    that each adds something (maximal marginal relevance)."""
    known = set().union(*(names_and_figures(t) for t in taken)) if taken else set()
    candidates = []
    for sentence in pool.sentences:
        if not _is_candidate(sentence, taken):
            continue
        text = fit_sentence(without_enumeration(sentence.text), BULLET_CHARS, pool.language)
        if text is not None:
            score = _bullet_score(pool, sentence, topic, known)
            candidates.append(_Candidate(sentence, text, pool.topic(text), score))
    shown = [pool.topic(t) for t in taken]
    chosen: list[_Candidate] = []
    while candidates and len(chosen) < MAX_BULLETS:
        best: tuple[float, _Candidate] | None = None
        for candidate in candidates:
            overlap = max((_jaccard(candidate.words, other) for other in shown), default=0.0)
            if overlap > _SAME_THING:
                continue
            near = any(candidate.sentence.paragraph == c.sentence.paragraph for c in chosen)
            value = candidate.score - 0.6 * overlap - 0.1 * near
            if best is None or value > best[0]:
                best = (value, candidate)
        if best is None:
            break
        chosen.append(best[1])
        shown.append(best[1].words)
        candidates = [c for c in candidates if c is not best[1]]
    return [(c.sentence, c.text) for c in chosen]


def _key_quote(article: Article, pool: Pool, shown: list[str]) -> Quote | None:
    """The most central quotation with a named speaker that the digest does not already show."""
    topic = pool.headline_topic
    best: tuple[float, Quote] | None = None
    for quote in article.quotes:
        speaker = quote.speaker or ""
        if not any(word[:1].isupper() for word in speaker.split()) or len(quote.text) > QUOTE_CHARS:
            continue
        if any(quote.text in line for line in shown):
            continue
        score = pool.centrality(quote.text, topic) + 0.001 * min(len(quote.text), 200)
        if best is None or score > best[0]:
            best = (score, quote)
    return best[1] if best else None


def key_section(article: Article) -> Section | None:
    """The section the key question comes from, if the article has one."""
    pool = Pool(article)
    lead = _lead_sentences(pool)
    found = find_key_question(pool, pool.headline_topic | pool.topic(" ".join(lead)), set(lead))
    return found.section if found else None


def build(article: Article) -> Digest:
    """The digest of one article."""
    pool = Pool(article)
    lead = _lead_sentences(pool)
    topic = pool.headline_topic | pool.topic(" ".join(lead))
    taken = set(lead)
    found = find_key_question(pool, topic, taken)
    if found is not None:
        taken.add(found.sentence)
        taken.add(found.key_question.summary)
        lead = lead[:1]
    analysis = analysis_list(article, pool)
    bullets = _list_bullets(pool, analysis, taken) if analysis is not None else []
    ranks = list(range(len(bullets)))
    if len(bullets) < 2:
        chosen = _sentence_bullets(pool, topic, taken)
        ranks = sorted(range(len(chosen)), key=lambda i: chosen[i][0].order)
        bullets = [chosen[i][1] for i in ranks]
    shown = [*lead, *bullets, found.key_question.summary if found else ""]
    return Digest(
        headline=article.headline,
        gist=" ".join(lead) or None,
        key_question=found.key_question if found else None,
        bullets=tuple(bullets),
        quote=_key_quote(article, pool, shown),
        source_url=article.source_url,
        bullet_ranks=tuple(ranks),
    )
