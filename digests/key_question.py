"""The key question an article turns on, when it has one, and its decisive sentence.

Three kinds of evidence, each required to be about the headline and lead:
- a question heading ("Helfen fermentierte Lebensmittel wirklich?") with its answer;
- an explicit question in the text, outside quotations, answered by what follows it;
- a headed section central to the headline and lead whose decisive sentence states a
  conclusion or a decision ("Daher wird … in einer Volksabstimmung getroffen.").
Otherwise there is none, and the lead takes its place. Never the headline again, never the
lead's own sentence, never a heading without a question or a decision in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from digests.clauses import fit_sentence, without_lead_in
from digests.cleanup import comparable, word_count
from digests.furniture import is_furniture
from digests.model import KeyQuestion, Section
from digests.sentences import join_sentences, quotation_spans
from digests.sentences_pool import Pool, Sentence, is_question, is_whole, quoted_share

MAX_HEADING = 120
SUMMARY_CHARS = 260
# A question or section must share this much with the headline and lead to be central; 0.12
# is one weighty shared word in a heading of a few words, and it keeps how-to tips
# ("Tipp 1: …") and service boxes out.
MIN_CENTRALITY = 0.12
_ANSWER_SENTENCES = 3  # the answer to a question is in the sentences right after it
_MIN_QUESTION_WORDS = 4


@dataclass(frozen=True, slots=True)
class Found:
    key_question: KeyQuestion
    sentence: str  # the decisive sentence, as the article has it
    section: Section | None  # the section it belongs to, for /more
    score: float
    also: tuple[str, ...] = ()  # the sentences the answer goes on with, as the article has them


_MIN_ANSWER_WORDS = 8  # "Daher kann ich nichts dazu sagen." answers nothing
_ANSWER_REACH = 12


def _plausible(pool: Pool, text: str) -> bool:
    return (
        not is_question(text)
        and quoted_share(text) <= 0.5
        and word_count(text) >= _MIN_ANSWER_WORDS
        and is_whole(text)
        and not is_furniture(text)
    )


def _decisive(pool: Pool, candidates: list[Sentence], reference: frozenset[str]) -> str | None:
    """The sentence that settles it: a conclusion or a decision, else the most central one,
    earlier ones first; never a question or mostly a quotation."""
    best: tuple[float, str] | None = None
    for rank, sentence in enumerate(candidates):
        text = sentence.text
        if not _plausible(pool, text):
            continue
        score = pool.centrality(text, reference) - 0.1 * rank
        score += 1.0 * pool.concludes(text) + 0.6 * pool.decides(text)
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best else None


def _answer(pool: Pool, following: list[Sentence]) -> list[Sentence]:
    """The answer to a question: the first statement after it that stands on its own (one
    leaning on what came before, "Daher …", "Dies …", answers something else), and the
    sentence after it when that one turns against it in the same paragraph: the set-up
    concedes, the turn answers ("Gerade der erste Kita-Winter ist hart, … Doch mehr als die
    aktuell 30 Tage unbezahlter Freistellung … stehen Arbeitnehmern nicht zu.")."""
    for index, sentence in enumerate(following):
        text = sentence.text
        if is_question(text):
            continue
        # "Absolut richtig – diese Kanäle …" answers a question the reader was not asked; an
        # answer shown beside its question stands on its own further in too ("…, vielleicht
        # mussten Sie diese Frage schon beantworten").
        if (
            _plausible(pool, text)
            and not pool.leans_back(text)
            and not pool.refers_back(text, reach=_ANSWER_REACH)
        ):
            turn = following[index + 1 : index + 2]
            if (
                turn
                and turn[0].paragraph == sentence.paragraph
                and pool.contrasts(turn[0].text)
                and _plausible(pool, turn[0].text)
            ):
                return [sentence, turn[0]]
            return [sentence]
        return []
    return []


def _told(pool: Pool, answer: list[Sentence], taken: set[str]) -> tuple[str, tuple[str, ...]]:
    """The answer as the digest shows it, and the sentences it goes on with: the turn when
    the two fit, else the first alone; nothing when the first is shown already."""
    first = _usable(pool, answer[0].text if answer else None, taken)
    if first is None:
        return "", ()
    turns = [s.text for s in answer[1:] if s.text not in taken]
    told = join_sentences([first, *turns])
    if turns and len(told) <= SUMMARY_CHARS:
        return told, tuple(turns)
    return first, ()


def _usable(pool: Pool, text: str | None, taken: set[str]) -> str | None:
    if not text or text in taken:
        return None
    return fit_sentence(
        without_lead_in(text, pool.language, pool.is_name), SUMMARY_CHARS, pool.language
    )


def _section_sentences(pool: Pool, index: int) -> list[Sentence]:
    return [s for s in pool.sentences if s.section == index]


def _question_headings(pool: Pool, topic: frozenset[str], taken: set[str]) -> list[Found]:
    found = []
    for index, section in enumerate(pool.article.sections):
        heading = section.heading
        if not heading or not is_question(heading) or len(heading) > MAX_HEADING:
            continue
        if pool.asks_the_reader(heading) or _raised_by_the_argument(pool, heading):
            continue  # an interviewer's or a rhetorical question, not the article's
        score = pool.centrality(heading, topic)
        if score < MIN_CENTRALITY:
            continue
        sentences = _section_sentences(pool, index)[:_ANSWER_SENTENCES]
        answer, also = _told(pool, _answer(pool, sentences), taken)
        if answer:
            found.append(
                Found(KeyQuestion(heading, answer), answer, section, score + 0.2, also)
            )
    return found


def _raised_by_the_argument(pool: Pool, text: str) -> bool:
    """"Which invites the question: Why did Klein make …?": a question its lead-in ties to
    the argument before it, an aside the article does not turn on."""
    return _asked(text) != text and pool.leans_back(text)


def _asked(text: str) -> str:
    """The question itself: "… a simple question: Why was …?" → "Why was …?"."""
    _, colon, rest = text.rpartition(": ")
    if colon and is_question(rest) and word_count(rest) >= _MIN_QUESTION_WORDS:
        return rest
    return text


def _questions_in_text(pool: Pool, topic: frozenset[str], taken: set[str]) -> list[Found]:
    found = []
    sentences = pool.sentences
    for position, sentence in enumerate(sentences):
        text = sentence.text
        if not is_question(text) or text in taken or quoted_share(text) > 0.3:
            continue
        question = _asked(text)
        if word_count(question) < _MIN_QUESTION_WORDS or len(question) > MAX_HEADING:
            continue
        if pool.asks_the_reader(question) or _points_at_the_unseen(pool, question, topic):
            continue  # rhetoric, or a follow-up ("Bleibt dieses Angebot …?") of an interview
        if _raised_by_the_argument(pool, text):
            continue
        score = pool.centrality(question, topic)
        if score < MIN_CENTRALITY:
            continue
        following = [
            s
            for s in sentences[position + 1 : position + 1 + _ANSWER_SENTENCES]
            if s.section == sentence.section
        ]
        answer, also = _told(pool, _answer(pool, following), taken)
        if answer:
            section = pool.article.sections[sentence.section]
            found.append(Found(KeyQuestion(question, answer), answer, section, score, also))
    return found


def _points_at_the_unseen(pool: Pool, question: str, topic: frozenset[str]) -> bool:
    """Refers to something the digest does not show: "Bleibt dieses Angebot …?" after an
    interview's answer, but not "Why these protests now?" under a lead about the protests."""
    return pool.refers_back(question) and not any(
        pool.topic(word) & topic for word in question.split()[:_REFERRING_WORDS]
    )


_REFERRING_WORDS = 4  # "Why these protests now": the thing pointed at comes right after


def _central_sections(pool: Pool, topic: frozenset[str], taken: set[str]) -> list[Found]:
    found = []
    headline = comparable(pool.article.headline)
    for index, section in enumerate(pool.article.sections):
        heading = section.heading
        if (
            not heading
            or not section.paragraphs
            or comparable(heading) == headline
            or heading.rstrip().endswith(("…", "..."))
        ):
            continue
        # Central by its heading or by what it says: "Kontingente statt Einzelgenehmigungen"
        # shares no word with the lead, but its paragraphs are all about the lead's law.
        score = max(
            pool.centrality(heading, topic),
            pool.centrality_of_words(pool.section_words(index) | pool.topic(heading), topic),
        )
        if score < MIN_CENTRALITY:
            continue
        sentences = _section_sentences(pool, index)
        # A heading states no question; what makes its section the one the article turns on
        # is a conclusion that decides: "Daher wird die endgültige Entscheidung … in einer
        # Volksabstimmung getroffen." A conclusion alone ("So if you build …") or a mere
        # mention of a decision is any section's.
        decisive = [s for s in sentences if pool.concludes(s.text) and pool.decides(s.text)]
        answer = _usable(pool, _decisive(pool, decisive, topic), taken)
        if answer:
            found.append(Found(KeyQuestion(heading, answer), answer, section, score))
    return found


# A heading sharing this much of its words with the headline is the headline again.
_HEADLINE_AGAIN = 0.8


def find_key_question(pool: Pool, topic: frozenset[str], taken: set[str]) -> Found | None:
    """The article's key question, or None. `taken` holds sentences the digest already shows."""
    headline = pool.article.headline
    for finder in (_question_headings, _questions_in_text, _central_sections):
        candidates = [
            f
            for f in finder(pool, topic, taken)
            if pool.similarity(f.key_question.heading or "", headline) < _HEADLINE_AGAIN
            and comparable(f.key_question.heading or "") != comparable(headline)
            and not _is_quoted_heading(f.key_question.heading)
            and not is_furniture(f.key_question.heading or "")
        ]
        if candidates:
            return max(candidates, key=lambda f: f.score)
    return None


def _is_quoted_heading(heading: str | None) -> bool:
    """A heading that is a quotation ("„Ich musste mal zur Ruhe kommen“") is a pull quote."""
    if not heading:
        return False
    spans = quotation_spans(heading)
    return bool(spans) and spans[0][1] - spans[0][0] >= len(heading.strip()) - 2
