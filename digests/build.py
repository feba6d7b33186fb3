"""Article → Digest: the headline, a gist, the key question, the analysis and the key quote.

Extractive only: every word in a digest is the article's own; long sentences are shortened by
cutting, never by rewording.
"""

from __future__ import annotations

import re

from digests.lexicon import CONCLUSION_MARKERS, DECISION_WORDS
from digests.model import Article, Digest, KeyQuestion, Quote, Section
from digests.sentences import quotation_spans, split_sentences

MAX_BULLETS = 4
BULLET_CHARS = 160
GIST_CHARS = 220
SUMMARY_CHARS = 240

_WORD = re.compile(r"[^\W\d_]{3,}")
_CLAUSE_BREAK = re.compile(r"[,;:–—](?=\s)")


def shorten(sentence: str, limit: int) -> str:
    """Cut a sentence to at most `limit` characters at a clause, else a word, boundary."""
    if len(sentence) <= limit:
        return sentence
    window = sentence[: limit - 1]
    clause_ends = [m.start() for m in _CLAUSE_BREAK.finditer(window)]
    cut = clause_ends[-1] if clause_ends and clause_ends[-1] >= limit * 0.5 else -1
    if cut == -1:
        cut = window.rfind(" ")
        if cut < limit * 0.5:
            cut = limit - 1
    return window[:cut].rstrip(" ,;:–—") + "…"


def _stems(text: str) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(text)}


def _first_sentence(section: Section, language: str) -> str | None:
    for paragraph in section.paragraphs:
        sentences = split_sentences(paragraph, language)
        if sentences:
            return sentences[0]
    return None


def analysis_section(article: Article) -> Section | None:
    """The section holding the analysis: the one with most bullets, else the last headed one."""
    with_bullets = [s for s in article.sections if s.bullets]
    if with_bullets:
        return max(with_bullets, key=lambda s: len(s.bullets))
    headed = article.headed_sections
    return headed[-1] if len(headed) >= 2 else None


def key_section(article: Article, analysis: Section | None) -> Section | None:
    """The central headed section: most in common with headline and lead, then longest."""
    candidates = [s for s in article.headed_sections if s is not analysis and s.paragraphs]
    if not candidates:
        candidates = [s for s in article.headed_sections if s.paragraphs]
    if not candidates:
        return None
    lead = article.lead
    topic = _stems(article.headline + " " + " ".join(lead.paragraphs if lead else ()))

    def centrality(section: Section) -> tuple[float, int]:
        words = _stems(" ".join(section.paragraphs) + " " + (section.heading or ""))
        overlap = len(words & topic) / (len(words) ** 0.5 or 1)
        return overlap, sum(map(len, section.paragraphs))

    return max(candidates, key=centrality)


def _sentence_score(
    sentence: str, paragraph_size: int, reference: set[str], language: str
) -> float:
    words = sentence.split()
    first = words[0].lower().strip(",") if words else ""
    lowered = sentence.lower()
    score = 0.0
    if first in CONCLUSION_MARKERS:
        score += 3
    if any(word in lowered for word in DECISION_WORDS):
        score += 2
    if paragraph_size == 1:
        score += 1.5  # a sentence standing as its own paragraph is emphasised
    if reference:
        score += 2 * len(_stems(sentence) & reference) / len(reference)
    if quotation_spans(sentence) and any(e - s > 40 for s, e in quotation_spans(sentence)):
        score -= 2  # a quotation is the quote's job, not the summary's
    if len(words) < 6 or len(sentence) > 320:
        score -= 1
    return score


def _ranked_sentences(
    paragraphs: tuple[str, ...], reference: set[str], language: str
) -> list[tuple[float, int, str]]:
    ranked: list[tuple[float, int, str]] = []
    order = 0
    for paragraph in paragraphs:
        sentences = split_sentences(paragraph, language)
        for sentence in sentences:
            score = _sentence_score(sentence, len(sentences), reference, language)
            ranked.append((score, order, sentence))
            order += 1
    return ranked


def _decisive_sentence(section: Section, reference: set[str], language: str) -> str | None:
    ranked = _ranked_sentences(section.paragraphs, reference, language)
    if not ranked:
        return None
    return max(ranked, key=lambda r: (r[0], -r[1]))[2]


def _analysis_bullets(article: Article, analysis: Section | None, exclude: set[str]) -> list[str]:
    language = article.language
    if analysis is not None and analysis.bullets:
        items = analysis.bullets
    else:
        source = analysis.paragraphs if analysis is not None else ()
        if not source:
            source = tuple(p for s in article.sections[1:] for p in s.paragraphs)
        ranked = [r for r in _ranked_sentences(source, set(), language) if r[2] not in exclude]
        best = sorted(ranked, key=lambda r: (-r[0], r[1]))[:3]
        items = tuple(r[2] for r in sorted(best, key=lambda r: r[1]))
    bullets = []
    for item in items[:MAX_BULLETS]:
        sentences = split_sentences(item, language)
        if sentences:
            bullets.append(shorten(sentences[0], BULLET_CHARS))
    return bullets


def _key_quote(article: Article) -> Quote | None:
    attributed = [q for q in article.quotes if q.speaker]
    pool = attributed or list(article.quotes)
    if not pool:
        return None
    return max(pool, key=lambda q: min(len(q.text), 240))


def build(article: Article) -> Digest:
    """The digest of one article."""
    language = article.language
    lead = article.lead or (article.sections[0] if article.sections else None)
    gist_sentence = _first_sentence(lead, language) if lead else None
    gist = shorten(gist_sentence, GIST_CHARS) if gist_sentence else None

    analysis = analysis_section(article)
    central = key_section(article, analysis)
    key_question: KeyQuestion | None = None
    if central is not None:
        sentence = _decisive_sentence(central, _stems(central.heading or ""), language)
        if sentence:
            key_question = KeyQuestion(central.heading, shorten(sentence, SUMMARY_CHARS))
    elif lead is not None:
        body = tuple(p for s in article.sections for p in s.paragraphs)
        ranked = [r for r in _ranked_sentences(body, set(), language) if r[2] != gist_sentence]
        if ranked:
            best = max(ranked, key=lambda r: (r[0], -r[1]))[2]
            key_question = KeyQuestion(None, shorten(best, SUMMARY_CHARS))

    exclude = {gist_sentence or ""}
    if key_question:
        exclude.add(key_question.summary)
    return Digest(
        headline=article.headline,
        gist=gist,
        key_question=key_question,
        bullets=tuple(_analysis_bullets(article, analysis, exclude)),
        quote=_key_quote(article),
        source_url=article.source_url,
    )
