"""Article → Digest: the headline, the lead, the key question, the analysis and a quote.

Extractive and whole: every line is one of the article's sentences (or, when one alone is too
long, its main clause), never a sentence cut off with "…".

- The lead is the article's first sentence or two: the news (see `lead`).
- The key question comes only when the article has one (see `key_question`); otherwise the
  lead stands in its place.
- The analysis is the article's own bullet list when it has a real one (statements, not an
  ingredient list or references), else the body's most informative sentences: central to
  the headline and lead, bringing names and figures the lead lacks, spread over the article,
  no two saying the same thing, none leaning on a sentence the reader does not see.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from digests.clauses import fit_sentence, without_lead_in
from digests.cleanup import comparable, word_count
from digests.furniture import is_furniture
from digests.interviews import with_speaker
from digests.key_question import Found, find_key_question
from digests.lead import lead_sentences
from digests.lemmas import is_known_word
from digests.model import Article, Digest, KeyQuestion, Quote, Section
from digests.sentences import (
    ends_sentence,
    has_unbalanced_quote,
    join_sentences,
    split_sentences,
)
from digests.sentences_pool import (
    Pool,
    Sentence,
    digest_sections,
    is_aside,
    is_question,
    is_whole_paragraph,
    jaccard,
    names_and_figures,
    quoted_share,
    without_enumeration,
)
from digests.steps import Steps, numbered_steps

MAX_BULLETS = 4
# A guide's numbered steps, when their headings say what each is, are shown all together up
# to this many (the corpus's guides have 3 and 8; a digest of eight short steps still fits).
MAX_STEPS = 8
DIGEST_BUDGET = 700  # visible characters: what a notification shows and a reader takes in
# What a digest spends besides its lines: labels ("❓ Key question:", "Key points", in the
# longest of the reader languages), blank lines, and per bullet its mark and line break.
_LABELS = 45
_PER_BULLET = 3
BULLET_CHARS = 250
# A longer sentence may still be a bullet when nothing shorter says as much ("…fordern, dass
# der Mittelansatz … von derzeit 0,14% auf mindestens 0,5% … erhöht wird", 337 characters);
# it scores lower, and two of them with a lead still fit the budget.
LONGEST_BULLET = 340
QUOTE_CHARS = 240
# A bullet list is the analysis when its items are statements, not labels or ingredients:
# five words an item on average (the seed's and real pages' analysis lists have 6–40).
_MIN_LIST_WORDS = 5
# A list of points this long is the article's own analysis wherever it stands (the sample's
# points run 25–40 words); a shorter one only near the top or when it is about the headline.
_LONG_ITEM_WORDS = 12
_CENTRAL_LIST = 0.1
_SAME_AS_HEADING = 0.6
_MIN_BULLET_WORDS = 7
# Two sentences sharing more than this share of their content words say the same thing.
_SAME_THING = 0.45
# Two points of which the shorter has this share of its content words in the longer say the
# same thing, however much more the longer says. Not so a point and the lead: a point that
# names the lead's event again brings its details ("Bei den … Championships 2022 schlagen
# acht Juniorinnen auf, die unter den Top-100 …").
_CONTAINED = 0.6
# With most of its names and figures shown already (two of three), less in common says the
# same again: "Karl Geiger hat sich … das Gelbe Trikot zurück erobert, das er … an Ryoyu Kobayashi
# verloren hatte" after "Karl Geiger holte sich … die Weltcupführung von Ryoyu Kobayashi
# zurück" shares 0.41 of its words.
_MOSTLY_SHOWN = 0.6
_SAME_NAMES_SAME_THING = 0.3
# A point this much of whose words a shown line holds says it again, unless it brings a new
# figure. Of the corpus's chosen points, all but five have under 0.45 of their words in the
# lead; of those five (0.6–0.67), three tell its news in detail with a figure and two restate
# it, one judged blind as filler.
_INSIDE_SHOWN = 0.6
# How many of the best sentences each get to lead a choice of bullets: the three best cover
# every corpus page where a long first pick crowded out better sets.
_FIRST_PICKS = 3
# How many of a step's first statements may stand for it.
_STEP_OPENING = 2
# A sentence with fewer content words than this carries little a reader can use.
_FEW_WORDS = 5
# What a new name is worth in a point; a new figure is worth two.
_FACT = 0.06
# The weight of what the article keeps coming back to, beside what the headline and lead say.
_THEME = 0.15
# Below this share of first-person sentences an article is a report and its author's "ich"
# is a promotion or an aside: the corpus's reports run 0–0.17, its blogs, speeches and
# interviews 0.25 and more.
_AUTHOR_VOICE = 0.2
# Enough to outweigh leaning back (0.4) and to rank with the points most about the headline.
_VERDICT = 0.8
# Early rather than late, by this much from first to last: against the editors' reference
# digests 0.15 does best of 0.05–0.45 (more crowds out later facts, less the news).
_EARLY = 0.15


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
    headings = [s.heading for s in article.sections if s.heading]
    sections = digest_sections(article)
    for index, section in enumerate(sections):
        items = section.bullets
        if len(items) < 2:
            continue
        if sum(_names_a_heading(pool, i, headings) for i in items) >= len(items) / 2:
            continue  # the article's table of contents
        if sum(i[:1].islower() for i in items[1:]) >= len(items[1:]) / 2:
            continue  # one sentence set out in lines ("Sie vermindern …,", "sie verringern …")
        if sum(_is_record(i) for i in items) >= len(items) / 2:
            continue  # a data table's rows ("Wayne Morse – OR – Senate – R to I – 1952")
        words = sum(word_count(i) for i in items) / len(items)
        centrality = sum(pool.centrality(i, topic) for i in items) / len(items)
        # Statements, not labels or ingredients; and a list that says what the article is
        # about: a summary box above the first heading, long points, or one on the headline.
        near_top = not any(s.heading for s in sections[: index + 1])
        if words < _MIN_LIST_WORDS or not (
            near_top or words >= _LONG_ITEM_WORDS or centrality >= _CENTRAL_LIST
        ):
            continue
        score = centrality + 0.02 * len(items)
        if best is None or score > best[0]:
            best = (score, section)
    return best[1] if best else None


def _is_record(item: str) -> bool:
    """A row of cells, as a data table's rows are read ("Strom Thurmond – SC – Senate – D to
    R – 1964"), not a statement."""
    return item.count(" – ") >= 2 and not ends_sentence(item)


def _names_a_heading(pool: Pool, item: str, headings: list[str]) -> bool:
    """A list item that names one of the article's headings: a table of contents ("Faster
    builds by installing requirements first" over "Faster builds with requirements.txt")."""
    words = pool.topic(item)
    for heading in headings:
        named = pool.topic(heading)
        if comparable(item) == comparable(heading):
            return True
        if named and len(named & words) >= _SAME_AS_HEADING * len(named):
            return True
    return False


def _list_bullets(pool: Pool, section: Section, taken: set[str]) -> list[str]:
    bullets: list[str] = []
    for item in section.bullets:
        text = _bullet_text(item, pool)
        if text and text not in taken and text not in bullets:
            bullets.append(text)
        if len(bullets) == MAX_BULLETS:
            break
    return bullets


def _bullet_score(
    pool: Pool, sentence: Sentence, topic: frozenset[str], known: set[str], after_shown: bool
) -> float:
    """What a sentence is worth as a bullet: about the headline and lead (with its section's
    heading, when it opens the section), bringing names and figures the digest lacks, early
    rather than late, standing on its own, or `after_shown`, the sentence it leans on."""
    text = sentence.text
    score = pool.centrality(text, topic)
    if sentence.opens_section:
        heading = pool.article.sections[sentence.section].heading or ""
        score += 0.5 * pool.centrality(heading, topic)
    new = names_and_figures(text, pool.language) - known
    figures = sum(1 for n in new if n[0].isdigit())
    score += _FACT * (2 * min(figures, 3) + min(len(new) - figures, 3))
    score -= 0.1 if not new else 0
    # The article's theme, told with a name or a figure: "Drei Trainingseinheiten pro Woche
    # genügen" rather than "Der Weltcup der Skispringer bleibt extrem spannend."
    score += _THEME * pool.theme(text) * (1 if new else 0.3)
    score += _EARLY * (1 - sentence.position)
    if not after_shown:
        score -= 0.4 * pool.leans_back(text)
        score -= 0.25 * pool.refers_back(text)
    if len(pool.topic(text)) < _FEW_WORDS:
        score -= 0.2  # says little: "Florian Wüthrich führte mit ihr einen Livenet-Talk."
    score -= 0.15 * quoted_share(text)
    if pool.introduces(text):
        score -= 0.2  # who someone is, what a word means: background to the news
    if not 60 <= len(text) <= BULLET_CHARS:
        score -= 0.1
    if sentence is pool.verdict:
        score += _VERDICT  # an opinion's conclusion leans on its argument, and is its point
    return score


def _is_candidate(pool: Pool, sentence: Sentence, taken: set[str]) -> bool:
    text = sentence.text
    return (
        text not in taken
        and not sentence.asked  # an interviewer's set-up: the answers are the article's
        and word_count(text) >= _MIN_BULLET_WORDS
        # "ist für den Endkunden eine Leitung …": the rest of a sentence the page broke.
        and not text[:1].islower()
        and is_whole_paragraph(text)
        and not is_question(text)
        and not is_aside(text)
        # "Home Gym: So gelingt auch zuhause das perfekte Workout!": a teaser or a cheer; a
        # key point states.
        and not text.endswith("!")
        and quoted_share(text) < 0.8
        and not is_furniture(text)
        and not pool.is_courtesy(text)
        # A report's own "ich" or "we": a promotion, an aside, a sign-off; in an interview's
        # answer, the voice of the person answering.
        and not (
            pool.speaks_as_author(text)
            and pool.author_voice < _AUTHOR_VOICE
            and not sentence.speaker
            and sentence is not pool.verdict  # its thesis: "Ich bin davon überzeugt: …"
        )
        and not pool.in_another_language(text)
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: Sentence
    text: str  # as the bullet shows it: the sentence, or its main clause
    words: frozenset[str]
    facts: frozenset[str]  # its names and figures
    score: float
    alone: bool  # stands on its own: leans on no sentence the reader does not see


def _sentence_bullets(
    pool: Pool,
    topic: frozenset[str],
    taken: set[str],
    room: int,
    steps: Steps | None = None,
) -> list[tuple[Sentence, str]]:
    """The most informative body sentences, most informative first, chosen one at a time so
    that each adds something (maximal marginal relevance) and fits in what is left of the
    `room` a notification has: a shorter sentence beats a longer one that would not fit. In a
    guide told in `steps`, one sentence from each step."""
    known = set().union(*(names_and_figures(t, pool.language) for t in taken)) if taken else set()
    # The sentences right after one the digest shows whole: what they lean on ("Danach muss
    # der Diensteanbieter …" after "… gegen § 13 Abs. 6 TMG verstößt.") is right above them.
    after_shown = {
        (s.section, s.order + 1) for s in pool.sentences if s.text in taken and not s.asked
    }
    candidates = []
    for sentence in pool.sentences:
        if steps is not None and sentence.section not in steps.sections:
            continue
        if not _is_candidate(pool, sentence, taken):
            continue
        text = without_lead_in(without_enumeration(sentence.text), pool.language, pool.is_name)
        if len(text) > LONGEST_BULLET:
            text = fit_sentence(text, BULLET_CHARS, pool.language)
        if text is not None and sentence.speaker:
            text = with_speaker(text, sentence.speaker)
        if text is not None:
            resolved = (sentence.section, sentence.order) in after_shown
            candidates.append(
                _Candidate(
                    sentence,
                    text,
                    pool.topic(text),
                    frozenset(names_and_figures(text, pool.language)),
                    _bullet_score(pool, sentence, topic, known, resolved),
                    resolved or sentence is pool.verdict or not pool.leans(text),
                )
            )
    if steps is None:
        candidates += _with_what_they_lean_on(pool, candidates, topic, known)
    if steps is not None:
        # A step says what it is at its start; further on come its details and asides ("Nur
        # drei Dinge können die ständig frische Ernte … einschränken.").
        seen: Counter[int] = Counter()
        opening = []
        for candidate in candidates:
            seen[candidate.sentence.section] += 1
            if seen[candidate.sentence.section] <= _STEP_OPENING:
                opening.append(candidate)
        candidates = opening
    # Sentences that lean on what the reader does not see ("Der Post bewegt ihn nun jedoch…")
    # come in only when the article has too few that stand alone.
    if sum(c.alone for c in candidates) >= MAX_BULLETS - 1:
        candidates = [c for c in candidates if c.alone]
    # Each line shown, and all of them as one: a point may repeat what the lead says over
    # two sentences ("Najla Bouden ist die erste Regierungschefin … Am Montag … hat sie eine
    # neue Regierung ernannt" and "… hat Regierungschefin Najla Bouden ihr Team am Montag
    # bekannt gegeben").
    shown = [pool.topic(t) for t in taken]
    if len(taken) > 1:
        shown.append(frozenset().union(*shown))
    # Greedy choice may spend the room on one long sentence where two short ones say more
    # (a 250-character point against a date and a place): the best few each get to go
    # first, and the set worth most wins.
    starts = sorted(candidates, key=lambda c: c.score, reverse=True)[:_FIRST_PICKS]
    one_each = steps is not None
    best_total, best_choice = _choose(candidates, shown, known, room, None, one_each)
    for first in starts:
        total, choice = _choose(candidates, shown, known, room, first, one_each)
        if total > best_total:
            best_total, best_choice = total, choice
    return [(c.sentence, c.text) for c in best_choice]


def _with_what_they_lean_on(
    pool: Pool, candidates: list[_Candidate], topic: frozenset[str], known: set[str]
) -> list[_Candidate]:
    """Each point that leans on the sentence right before it, in one paragraph, told together
    with it ("New York will lose two seats. The same is true for Ohio, …"), when the two fit
    one point: worth what the better of them is, standing alone."""
    whole = {c.sentence.order: c for c in candidates if c.alone and c.text == c.sentence.text}
    pairs = []
    for candidate in candidates:
        sentence, text = candidate.sentence, candidate.text
        before = whole.get(sentence.order - 1)
        if (
            candidate.alone
            or before is None
            or before.sentence.paragraph != sentence.paragraph
            or text != sentence.text
            or len(before.text) + 1 + len(text) > LONGEST_BULLET
        ):
            continue
        joined = join_sentences((before.text, text))
        told_on = _bullet_score(pool, sentence, topic, known, after_shown=True)
        pairs.append(
            _Candidate(
                before.sentence,
                joined,
                pool.topic(joined),
                before.facts | candidate.facts,
                max(before.score, told_on),
                True,
            )
        )
    return pairs


def _choose(
    candidates: list[_Candidate],
    shown: list[frozenset[str]],
    known: set[str],
    room: int,
    first: _Candidate | None,
    one_each: bool = False,
) -> tuple[float, list[_Candidate]]:
    """Bullets chosen one at a time by marginal value within `room` (`first` first), and the
    sum of their values; with `one_each`, no two from one section."""
    shown, known, left = list(shown), set(known), list(candidates)
    chosen: list[_Candidate] = []
    total = 0.0
    while left and len(chosen) < MAX_BULLETS:
        best: tuple[float, _Candidate] | None = None
        for candidate in [first] if first is not None and not chosen else left:
            if len(candidate.text) + _PER_BULLET > room:
                continue
            if one_each and any(candidate.sentence.section == c.sentence.section for c in chosen):
                continue
            overlap = max((jaccard(candidate.words, other) for other in shown), default=0.0)
            repeats = len(candidate.facts & known) / len(candidate.facts) if candidate.facts else 0
            if any(_is_measure(f) for f in candidate.facts - known):
                # A new measure is news of its own, whatever names it shares with the lead
                # ("Die von InfoSpecies erstellte Liste … umfasst 234 Arten …").
                repeats = 0
            said = repeats >= _MOSTLY_SHOWN and overlap > _SAME_NAMES_SAME_THING
            if overlap > _SAME_THING or said or _contained(candidate, chosen):
                continue
            near = any(candidate.sentence.paragraph == c.sentence.paragraph for c in chosen)
            # Its names and figures shown already: it says again what a bullet said, all
            # of it or in part ("Die 20. FINA-WM in Doha … soll nun im Januar 2024 stattfinden"
            # after "…die 20. Schwimm-WM in Doha (Katar) auf Januar 2024").
            value = candidate.score - 0.6 * overlap - 0.1 * near - 0.3 * repeats
            if _said_again(candidate, shown, known):
                value -= 0.3
            if best is None or value > best[0]:
                best = (value, candidate)
        if best is None:
            break
        value, picked = best
        chosen.append(picked)
        total += value
        room -= len(picked.text) + _PER_BULLET
        shown.append(picked.words)
        known |= picked.facts
        left = [c for c in left if c is not picked]
    return total, chosen


def _said_again(
    candidate: _Candidate, shown: list[frozenset[str]], known: set[str]
) -> bool:
    """Most of a point's words are in a line shown already and it brings no new figure: the
    lead again in other words ("Der Dialog mit den zivilgesellschaftlichen Gruppen hat sich in
    den G7-Präsidentschaften … etabliert." under a lead about the G7 presidency and the
    Women7 dialogue). With a new figure it is the lead's news in detail ("W całej UE stopa
    bezrobocia … wyniosła w marcu 7,3 proc.")."""
    words = candidate.words
    if not words or any(fact[0].isdigit() for fact in candidate.facts - known):
        return False
    return any(len(words & line) >= _INSIDE_SHOWN * len(words) for line in shown)


def _contained(candidate: _Candidate, chosen: list[_Candidate]) -> bool:
    """Most of the shorter of two points is in the longer: the same news, once in brief
    ("Parallel startete der zivilgesellschaftliche Dialog der Women7." beside "Bereits am
    20. Januar startete … der zivilgesellschaftliche Zusammenschluss …, die „Women7“ …"); or
    all the shorter's names and figures are in the longer, with a measure among them, told
    in some of the same words ("W całej UE stopa bezrobocia … wyniosła w marcu 7,3 proc."
    beside "… W całej Unii Europejskiej wskaźnik ten wyniósł 7,3 proc. w marcu …")."""
    words = candidate.words
    for other in chosen:
        shorter = min(len(words), len(other.words))
        common = len(words & other.words)
        # and about the same one: a name or figure in common, not only "rate", "rose", "March"
        if (
            shorter >= _FEW_WORDS
            and common >= _CONTAINED * shorter
            and candidate.facts & other.facts
        ):
            return True
        brief, full = sorted((candidate.facts, other.facts), key=len)
        if (
            brief <= full
            and any(_is_measure(fact) for fact in brief)
            and common >= _SAME_NAMES_SAME_THING * shorter
        ):
            return True
    return False


def _is_measure(fact: str) -> bool:
    """A figure that measures something ("7,3", "534", "40%"), not a year, a day or a rank,
    which many sentences of one article share."""
    if not fact[0].isdigit():
        return False
    if not fact.isdigit():
        return True
    return int(fact) > 31 and not (len(fact) == 4 and fact[:2] in ("19", "20"))


def _key_quote(article: Article, pool: Pool, shown: list[str]) -> Quote | None:
    """The most central quotation with a named speaker that the digest does not already show."""
    topic = pool.headline_topic
    best: tuple[float, Quote] | None = None
    for quote in article.quotes:
        if not _is_a_name(quote.speaker, pool.language) or len(quote.text) > QUOTE_CHARS:
            continue
        if any(quote.text in line for line in shown):
            continue
        score = pool.centrality(quote.text, topic) + 0.001 * min(len(quote.text), 200)
        if best is None or score > best[0]:
            best = (score, quote)
    return best[1] if best else None


def _is_a_name(speaker: str | None, language: str) -> bool:
    """A person's name, not a role left unresolved ("Buchautorin", "the mayor")."""
    words = (speaker or "").split()
    return (
        bool(words)
        and all(w[:1].isupper() for w in words)
        and (len(words) >= 2 or is_known_word(words[0], language) is not True)
    )


def _lead_and_key_question(
    pool: Pool, steps: Steps | None
) -> tuple[list[str], frozenset[str], Found | None]:
    """The lead, what it and the headline are about, and the key question, if any: a guide
    told in numbered `steps` has none, its steps are what it turns on."""
    lead = lead_sentences(pool)
    topic = pool.headline_topic | pool.topic(" ".join(lead))
    if steps is not None:
        return lead, topic, None
    return lead, topic, find_key_question(pool, topic, set(lead))


def _attributed(pool: Pool, line: str) -> str:
    """A lead from an interview's answer, with who says it: "Stone: Jeder Beruf …" (the
    sentence after it is theirs too). The line is an answer's sentence or its main clause,
    which the sentence begins with."""
    opening = line.rstrip(".")
    for sentence in pool.sentences:
        if sentence.speaker and sentence.text.startswith(opening):
            return with_speaker(line, sentence.speaker)
    return line


def _read_on(
    pool: Pool, points: list[tuple[Sentence, str]], ranks: list[int]
) -> tuple[list[str], list[int]]:
    """The points in the article's order, one that leans on the point right before it read on
    in it ("Die schwarze Wirtschaftskammer war schon 1980 gegen den Bau der U3 … Heute ist sie
    halt gegen die Fuzo."), with the rank of the one that matters more."""
    texts: list[str] = []
    merged: list[int] = []
    previous: Sentence | None = None  # the last point's sentence, when it is shown whole
    for (sentence, text), rank in zip(points, ranks, strict=True):
        if (
            previous is not None
            and sentence.order == previous.order + 1
            and sentence.paragraph == previous.paragraph  # a new paragraph, a new thought
            and text == sentence.text
            and (pool.leans(text) or pool.points_back(text))
            # a second thing, not the same one told on: "…, ask the deli manager for a
            # discount … Also, keep an eye out for online coupons: …" (370 characters)
            and len(texts[-1]) + 1 + len(text) <= LONGEST_BULLET
        ):
            texts[-1] = f"{texts[-1]} {text}"
            merged[-1] = min(merged[-1], rank)
        else:
            texts.append(text)
            merged.append(rank)
        # whole: the sentence, or the sentence without its enumeration ("6. Die schwarze …")
        previous = sentence if sentence.text.endswith(text) else None
    order = sorted(range(len(merged)), key=lambda i: merged[i])
    return texts, [order.index(i) for i in range(len(merged))]


def _leaning_on_the_lead(
    pool: Pool, lead: list[str], chosen: list[tuple[Sentence, str]]
) -> tuple[Sentence, str] | None:
    """The chosen point that is the sentence right after the lead's last, whole, and leans on
    it: the lead's own next sentence."""
    if not lead:
        return None
    last = next((s for s in pool.sentences if s.text == lead[-1]), None)
    if last is None:
        return None
    for point in chosen:
        sentence, text = point
        if (
            sentence.order == last.order + 1
            and sentence.section == last.section
            and text == sentence.text
            and pool.leans(text)
        ):
            return point
    return None


def _answered_by_the_lead(pool: Pool, found: Found, lead: list[str]) -> Found | None:
    """The key question with the lead as its answer, when the lead is a statement of the
    section whose heading asks it."""
    heading = found.key_question.heading
    if not lead or not heading or found.section is None:
        return None
    opening = lead[0].rstrip(".")
    for sentence in pool.sentences:
        if sentence.text.startswith(opening):
            section = pool.article.sections[sentence.section]
            if section is found.section and section.heading == heading:
                return Found(KeyQuestion(heading, lead[0]), sentence.text, section, found.score)
            return None
    return None


def key_section(article: Article) -> Section | None:
    """The section the key question comes from, if the article has one."""
    _, _, found = _lead_and_key_question(Pool(article), numbered_steps(article))
    return found.section if found else None


def build(article: Article) -> Digest:
    """The digest of one article."""
    pool = Pool(article)
    steps = numbered_steps(article)
    lead, topic, found = _lead_and_key_question(pool, steps)
    taken = set(lead)
    if found is not None and (answered := _answered_by_the_lead(pool, found, lead)):
        # The lead answers the question its section's heading asks: shown as its answer, the
        # reader meets question and answer together, not the answer first and then a lesser
        # one ("Müssen Hunde im Winter auch Schneeschuhe anziehen?" over "Bei Hunden mit
        # gesunden Pfoten sind … keine Pfotenschuhe notwendig.").
        found, lead = answered, []
    if found is not None:
        taken.add(found.sentence)
        taken.add(found.key_question.summary)
        taken.update(found.also)
        lead = lead[:1]
    lead = [_attributed(pool, lead[0]), *lead[1:]] if lead else lead
    room = DIGEST_BUDGET - _LABELS - len(article.headline) - len(join_sentences(lead))
    if found is not None:
        room -= len(found.key_question.heading or "") + len(found.key_question.summary)
    analysis = analysis_list(article, pool)
    if steps is not None and steps.telling and len(steps.headings) > MAX_BULLETS:
        bullets = steps.fitting(room, MAX_STEPS, _PER_BULLET)
    else:
        bullets = _list_bullets(pool, analysis, taken) if analysis is not None else []
    ranks = list(range(len(bullets)))
    if len(bullets) < 2:
        chosen = _sentence_bullets(pool, topic, taken, room, steps)
        if found is None and (follows := _leaning_on_the_lead(pool, lead, chosen)):
            # "Deshalb fordern ASB, DLRG, Johanniter und Malteser …" reads on from the lead;
            # set apart as a point under "Key points", its "Deshalb" dangles.
            lead = [*lead, follows[1]]
            taken.add(follows[1])
            room -= len(follows[1]) + 1
            chosen = _sentence_bullets(pool, topic, taken, room, steps)
        ranks = sorted(range(len(chosen)), key=lambda i: chosen[i][0].order)
        bullets, ranks = _read_on(pool, [chosen[i] for i in ranks], ranks)
    shown = [*lead, *bullets, found.key_question.summary if found else ""]
    return Digest(
        headline=article.headline,
        gist=join_sentences(lead) or None,
        key_question=found.key_question if found else None,
        bullets=tuple(bullets),
        quote=_key_quote(article, pool, shown),
        source_url=article.source_url,
        bullet_ranks=tuple(ranks),
    )
