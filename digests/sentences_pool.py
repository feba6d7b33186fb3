"""An article's sentences as digest candidates: where each stands and what it is about.

The features are the ones an editor reads a sentence by: how much it shares with the
headline and lead (lemmas, so inflected forms count), which names and figures it brings,
whether it leans on the sentence before it, whether it is a question, a quotation or a
lead-in to a list.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Set
from dataclasses import dataclass
from functools import cache, cached_property

from digests.cleanup import word_count
from digests.furniture import is_back_matter, without_dateline, without_glued_credit
from digests.interviews import interview_turns, without_answer_label
from digests.languages import LANGUAGES, Language, language_data
from digests.lemmas import is_known_word, is_name, topic_words
from digests.model import Article, Section
from digests.sentences import (
    ends_sentence,
    is_balanced,
    is_question,
    quotation_spans,
    split_sentences,
)
from digests.transcripts import transcript_turns, without_speaker_label
from digests.voice import addresses_the_reader, in_first_person

# A number without the sentence's full stop ("2019." is 2019), or a capitalised word after a
# space, a bracket or an opening quotation mark ("(OFEV)", "«MIRO").
_NAME_OR_FIGURE = re.compile(
    r"\d(?:[\d.,]*\d)?%?|(?<=[\s(«„“\"])[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ][\w’'-]{2,}"
)
# French and Italian elision: "L'Office" is the name "Office".
_ELISION = re.compile(r"^[^\W\d_]['’](?=[^\W\d_])")
_OPENING_MARKS = '„“"«»‚(–—- '
_FIRST_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Words split at an apostrophe too: French "j'ai" holds the pronoun "j", "you’ve" "you".
_REFERRING_WINDOW = 6
# A name of up to three words and a title before it: "Dr. Faouzi Sboui ist …".
_INTRODUCED_WORDS = 4
# "L'OFAG retire donc…", "Gegen Vollkornbrot ist jedoch…": a connective a few words in
# still points back.
_LEANING_WINDOW = 6
_FOREIGN_WORDS = 2
# Fewer sentences than this have no theme to speak of: every word is in one or two.
_THEMED_SENTENCES = 8
# A teaser of fewer words is a kicker or a title, not the news in brief.
_TEASER_WORDS = 8
# A piece with this share of its sentences in the author's "ich" or "we" is told in the
# author's voice (the corpus's reports stay under 0.2, its blogs and opinions reach 0.25 to
# 0.9); its conclusion is in its last quarter, a conclusion word among its first 8 words.
_OWN_VOICE = 0.2
_FINAL_STRETCH = 0.75
_VERDICT_WORDS = 8
# A conviction is stated at a sentence's start ("Nun zum Inhalt: Ich bin überzeugt …").
_CONVICTION_CHARS = 60
# A sentence more than half quoted is someone else's words, not the article's judgement.
_QUOTED = 0.5


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article's body and where it stands."""

    text: str
    section: int  # index of its section in the article
    paragraph: int  # index of its paragraph in the whole article
    order: int  # index of the sentence in the whole article
    in_lead: bool
    position: float  # 0 at the article's start, 1 at its end
    opens_section: bool = False  # the first sentence under a heading
    standfirst: bool = False  # from the page's teaser, above the body
    asked: bool = False  # in an interviewer's turn: "Herr Vilanek, in Deutschland … ?"
    speaker: str | None = None  # who says it, in an interview's answer: "Vilanek"


class Pool:
    """The sentences of an article's paragraphs, with the features the digest chooses by."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.language = article.language
        self.words: Language = language_data(article.language)
        sentences: list[Sentence] = []
        openers: set[int] = set()
        paragraph = 0
        gallery = _gallery_headings(article)
        turns = interview_turns(article)
        transcript = transcript_turns(article)
        speakers = transcript.speakers
        # The page's standfirst, when it is whole statements, is the news in brief: the
        # lead draws on it first.
        for sentence in standfirst_sentences(article):
            sentences.append(
                Sentence(sentence, 0, paragraph, len(sentences), True, 0, standfirst=True)
            )
        paragraph += bool(sentences)
        for index, section in enumerate(digest_sections(article)):
            if section.heading in gallery:
                continue  # a photo gallery's slides: captions, not the article's text
            if section.heading:
                openers.add(len(sentences))
            lead = _lead(article, index)
            for number, text in enumerate(section.paragraphs):
                asked = (index, number) in turns.asked
                speaker = turns.speaker if (index, number) in turns.answered else None
                if (index, number) in turns.labelled_answers:
                    text = without_answer_label(text)  # a column's "Answer: The …"
                if (index, number) in transcript.labelled:
                    text = without_speaker_label(text)  # a broadcast's "JON SIEBEN: It is …"
                speaker = speakers.get((index, number), speaker)
                # The wire's dateline goes before the paragraph is split: "ANAHEIM, Calif. —"
                # ends with a full stop of its own.
                for sentence in split_sentences(without_dateline(text), self.language):
                    # What the article keeps but a digest line does without: a credit glued
                    # on ("(c) proplanta Wie der …"), the wire's dateline ("WEST PALM BEACH —").
                    sentence = without_dateline(without_glued_credit(sentence))
                    sentences.append(
                        Sentence(
                            *(sentence, index, paragraph, len(sentences), lead, 0),
                            asked=asked,
                            speaker=speaker,
                        )
                    )
                paragraph += 1
        total = max(len(sentences) - 1, 1)
        self.sentences = [
            Sentence(
                s.text,
                s.section,
                s.paragraph,
                s.order,
                s.in_lead,
                s.order / total,
                opens_section=s.order in openers,
                standfirst=s.standfirst,
                asked=s.asked,
                speaker=s.speaker,
            )
            for s in sentences
        ]

    def topic(self, text: str) -> frozenset[str]:
        return topic_words(text, self.language)

    @cached_property
    def headline_topic(self) -> frozenset[str]:
        return self.topic(self.article.headline + " " + (self.article.teaser or ""))

    @cached_property
    def document_frequency(self) -> dict[str, int]:
        """In how many sentences each lemma occurs: a word in every sentence says little."""
        counts: dict[str, int] = {}
        for sentence in self.sentences:
            for word in self.topic(sentence.text):
                counts[word] = counts.get(word, 0) + 1
        return counts

    def theme(self, text: str) -> float:
        """How much `text` speaks of what the whole article keeps coming back to (its words
        found in other sentences too, the more often the more), 0…~1: the centroid of
        classic summarisation, for articles whose headline names their subject only
        loosely ("Rede von Bundespräsident Johannes Rau…")."""
        words = self.topic(text)
        if not words or len(self.sentences) < _THEMED_SENTENCES:
            return 0.0
        counts = self.document_frequency
        total = math.log(len(self.sentences))
        shared = sum(math.log(counts.get(w, 1)) / total for w in words if counts.get(w, 1) > 1)
        return shared / math.sqrt(len(words))

    def weight(self, word: str) -> float:
        """Inverse sentence frequency within the article, 1 for a word in one sentence."""
        total = len(self.sentences) or 1
        return math.log(1 + total / self.document_frequency.get(word, 1)) / math.log(1 + total)

    def centrality(self, text: str, reference: frozenset[str]) -> float:
        """How much `text` is about what `reference` is about, 0…~1, longer texts not favoured."""
        return self.centrality_of_words(self.topic(text), reference)

    def centrality_of_words(self, words: frozenset[str], reference: frozenset[str]) -> float:
        if not words or not reference:
            return 0.0
        shared = sum(self.weight(w) for w in words & reference)
        return shared / math.sqrt(len(words) * len(reference)) * 2

    def section_words(self, section: int) -> frozenset[str]:
        """The lemmas of a section's sentences."""
        return frozenset().union(
            *(self.topic(s.text) for s in self.sentences if s.section == section)
        )

    def similarity(self, a: str, b: str) -> float:
        """Share of content words two texts have in common (Jaccard on lemmas)."""
        return jaccard(self.topic(a), self.topic(b))

    def _past_expletive(self, text: str) -> str:
        """"It will be a challenging task … to compete" without its "It", which stands for
        nothing before it."""
        pattern = _expletive(self.language)
        if pattern is None or pattern.match(text) is None:
            return text
        return text.split(" ", 1)[-1]

    def leans_back(self, text: str) -> bool:
        """Points at the sentence before: opens with such a word ("Dies zeigt…", "He
        added…"), or draws a conclusion within its first words ("L'OFAG retire donc…")."""
        text = self._past_expletive(text)
        words = _first_words(text, _LEANING_WINDOW)
        if self._opens_leaning(text, words):
            return True
        if self.opens_with(text, self.words.leaning_phrases):
            return True
        inside = self.words.leaning_inside
        return any(w in inside for w in words[1:]) or self._concludes_within(words)

    def opens_leaning(self, text: str) -> bool:
        """Its first word leans on the sentence before ("Also, keep an eye out …", "Dies
        zeigt …"): shown first, it dangles."""
        text = self._past_expletive(text)
        return self._opens_leaning(text, _first_words(text, _LEANING_WINDOW))

    def _opens_leaning(self, text: str, words: list[str]) -> bool:
        """The opener is a word that leans, and the word itself: not part of a word
        ("So-called 'smart guns' are …"), not "this" of a time ("This summer Piper Jaffray
        analyst …")."""
        if not words or words[0] not in self.words.leaning_openers:
            return False
        first = text.lstrip(_OPENING_MARKS).split(maxsplit=1)[0] if text.strip() else ""
        if "-" in first.strip(",;:"):
            return False
        data = self.words
        return not (
            len(words) > 1 and words[0] in data.demonstratives and words[1] in data.time_words
        )

    def _concludes_within(self, words: list[str]) -> bool:
        """A conclusion word after the first of `words` ("L'OFAG retire donc…"). Short ones
        are left out: "so" concludes at the start, inside it is a degree word."""
        return any(len(w) >= 4 and w in self.words.conclusion_openers for w in words[1:])

    def refers_back(self, text: str, reach: int = _REFERRING_WINDOW) -> bool:
        """A pronoun or demonstrative among the first words: the sentence speaks of someone
        or something the reader of a digest has not met. A name before or just after a
        pronoun ("15 Tage nach ihrer Ernennung hat Regierungschefin Najla Bouden…") says whom
        it means; a demonstrative ("dabei", "this point") stays unresolved, and is looked for
        as far as `reach` words in (further in, a pronoun has had its noun: "Viele
        Hunderassen brauchen keine Winterkleidung, da sie…")."""
        text = self._past_expletive(text)
        words = _FIRST_WORDS.findall(text[:200])
        lowered = [_without_clitic(w.lower()) for w in words]
        data = self.words
        pronoun = False
        for i, word in enumerate(lowered[: max(reach, _REFERRING_WINDOW)]):
            if word not in data.referring_words:
                continue
            if word in data.demonstratives and not (i and word in data.copulas):
                if i + 1 < len(lowered) and lowered[i + 1] in data.time_words:
                    continue  # "diese Woche", "this year": when, not what
                if i < reach:
                    return True
            elif i < _REFERRING_WINDOW:
                pronoun = True
        return pronoun and not any(
            w[:1].isupper() and i and is_known_word(w, self.language) is False
            for i, w in enumerate(words[: 2 * _REFERRING_WINDOW])
        )

    def points_back(self, text: str) -> bool:
        """A pronoun or demonstrative among the first words, whatever names follow ("Heute
        ist sie halt gegen die Fuzo."): `refers_back` without the names that may resolve it,
        for joining a sentence to the one before, where being sure costs nothing."""
        referring = self.words.referring_words
        return any(w in referring for w in _first_words(text, _REFERRING_WINDOW))

    def is_name(self, word: str) -> bool:
        """A capitalised word the language's dictionary does not know: "Helfrich", "Azad"."""
        return is_name(word, self.language)

    def leans(self, text: str) -> bool:
        """Leans on a sentence before it, refers to something the reader has not met, or
        points at what comes after it ("Here's how UGA tallied the oil-spill totals.")."""
        return (
            self.leans_back(text)
            or self.refers_back(text)
            or self.opens_with(text, self.words.pointing_phrases)
        )

    def asks_the_reader(self, text: str) -> bool:
        """A question put to the reader ("Sie kennen Topinambur nur als Knollen?", "Do you
        need a coat?"): rhetoric, not the question an article turns on."""
        return addresses_the_reader(text, self.words)

    def speaks_as_author(self, text: str) -> bool:
        """The first person outside quotation marks ("Neben Welpengruppen biete ich auch
        Kurse an", "We will spoil the plot"): the author's own voice, not what is reported."""
        return in_first_person(text, self.words)

    @cached_property
    def author_voice(self) -> float:
        """The share of the article's sentences in the author's own voice: most of a blog, a
        speech or an interview; a line here and there in a report."""
        if not self.sentences:
            return 0.0
        return sum(self.speaks_as_author(s.text) for s in self.sentences) / len(self.sentences)

    def introduces(self, text: str) -> bool:
        """Says who or what something is, and nothing more ("Robin Tschöpe ist einer der
        Gründer von LeasingMarkt.de", "Fermentation ist die chemische Umwandlung…"): a name
        or a noun, a copula, a determiner, and no figure. Background, not news."""
        data = self.words
        words = text.split()[: _INTRODUCED_WORDS + 2]
        for i, word in enumerate(words[1 : _INTRODUCED_WORDS + 1], start=1):
            if word in data.copulas and i + 1 < len(words):
                subject = words[:i]
                return (
                    words[i + 1].lower() in data.determiners
                    and all(w[:1].isupper() for w in subject)
                    and subject[0].lower() not in data.function_words
                    and not any(c.isdigit() for c in text)
                )
        return False

    def is_courtesy(self, text: str) -> bool:
        """Thanks that close an interview ("HSS: Wir bedanken uns für das Interview!")."""
        lowered = text.lower()
        return any(phrase in lowered for phrase in self.words.courtesies)

    def in_another_language(self, text: str) -> bool:
        """A sentence quoted in another language, such as a French study's title in a German
        article: none of the article language's function words, at least two of another's
        (one alone is often shared: "la", "die", "a")."""
        if self.language not in LANGUAGES:
            return False
        words = [w.lower() for w in _FIRST_WORDS.findall(text)]
        if any(w in self.words.function_words for w in words):
            return False
        return any(
            sum(w in other.function_words for w in words) >= _FOREIGN_WORDS
            for code, other in LANGUAGES.items()
            if code != self.language
        )

    def opens_with(self, text: str, phrases: frozenset[str]) -> bool:
        lowered = text.lstrip(_OPENING_MARKS).lower()
        if not lowered.startswith(_as_prefixes(phrases)):
            return False  # the common case, told by one call
        return any(
            lowered.startswith(p) and lowered[len(p) : len(p) + 1] in (" ", ",", ":", "")
            for p in phrases
        )

    def contrasts(self, text: str) -> bool:
        """Opens by setting itself against the sentence before ("Doch …", "But …")."""
        return self.opens_with(text, self.words.contrast_openers)

    def concludes(self, text: str) -> bool:
        """Opens with a conclusion ("Daher…", "Therefore…"), not a look-alike ("So far…")."""
        return self.opens_with(text, self.words.conclusion_openers) and not self.opens_with(
            text, self.words.not_conclusions
        )

    @cached_property
    def verdict(self) -> Sentence | None:
        """The author's conclusion, in a piece told in the author's own voice (an opinion, a
        blog, a review): the last statement of its final stretch that draws one ("Blöd sind
        also nicht die Wiener, …", "Vor diesem Hintergrund erscheint es mir rechtlich
        problematisch, …", "In other words: The Republican Party must …"). What an editor
        keeps of such a piece beside its subject; a report's closing line has none. Without
        one, the first conviction its author states ("Ich bin davon überzeugt: Es kommt
        entscheidend darauf an, den Parlamentarismus … zu stärken."): a speech's thesis."""
        summed_up = self._summing_up()
        if summed_up is not None:
            return summed_up
        found = self._conclusion()
        # Asked last: how much of the article speaks as its author is the dearer question.
        if found is not None and self.author_voice >= _OWN_VOICE:
            return found
        # A conviction outside quotation marks is the author's own voice, however rare.
        return self._conviction()

    def _summing_up(self) -> Sentence | None:
        """The last statement of the first paragraph of the section that sums the article up
        ("Wrap Up:", "Fazit"): "Shovel Knight is so much more than a love letter to the genre
        — it is, in fact, the kind of game people write love letters about." The paragraph
        closes on its judgement; a pull quote before it is no statement."""
        headings = self.words.conclusion_headings
        summing = [
            i
            for i, section in enumerate(digest_sections(self.article))
            if section.heading and section.heading.strip(" :.").lower() in headings
        ]
        if not summing:
            return None
        statements = [
            s
            for s in self.sentences
            if s.section == summing[-1] and _states(s.text) and quoted_share(s.text) < _QUOTED
        ]
        first = [s for s in statements if s.paragraph == statements[0].paragraph]
        return first[-1] if first else None

    def _conclusion(self) -> Sentence | None:
        for sentence in reversed(self.sentences):
            text = sentence.text
            if sentence.position < _FINAL_STRETCH:
                return None
            if not _states(text):
                continue
            if (
                self.concludes(text)
                or self.opens_with(text, self.words.leaning_phrases)
                or self._concludes_within(_first_words(text, _VERDICT_WORDS))
            ):
                return sentence
        return None

    def _conviction(self) -> Sentence | None:
        if self.words.conviction is None:
            return None
        pattern = re.compile(self.words.conviction, re.IGNORECASE)
        for sentence in self.sentences:
            text = sentence.text
            if not _states(text) or quoted_share(text) > 0:
                continue
            if pattern.search(text[:_CONVICTION_CHARS]):
                return sentence
        return None

    @cached_property
    def _decision_words(self) -> re.Pattern[str] | None:
        stems = "|".join(map(re.escape, self.words.decision_stems))
        return re.compile(rf"\b(?:{stems})", re.IGNORECASE) if stems else None

    def decides(self, text: str) -> bool:
        """Speaks of a decision, a vote or a deadline."""
        return self._decision_words is not None and bool(self._decision_words.search(text))


def _states(text: str) -> bool:
    """A whole sentence that is no question: what a conclusion or a judgement is."""
    return is_whole(text) and not is_question(text)


def _first_words(text: str, count: int) -> list[str]:
    """The first `count` words of `text`, in lower case, an English clitic left off ("It's"
    is "it", "they're" "they"); French elisions stay whole ("l'office")."""
    return [_without_clitic(w.lower()) for w in _FIRST_WORDS.findall(text[:80])[:count]]


_CLITIC = re.compile(r"['’](?:s|re|ve|ll|d|m)$")


def _without_clitic(word: str) -> str:
    return _CLITIC.sub("", word)


def jaccard(a: Set[str], b: Set[str]) -> float:
    """The share of words two sets have in common, 0 when either is empty."""
    return len(a & b) / len(a | b) if a and b else 0.0


@cache
def _as_prefixes(phrases: frozenset[str]) -> tuple[str, ...]:
    return tuple(phrases)


def standfirst_sentences(article: Article) -> tuple[str, ...]:
    """The teaser's sentences, when all are whole statements ("Der Norweger Marius Lindvik
    hat … gewonnen."); none for a teaser cut off or a mere line ("Bund &amp ;Länder ringen
    um die Fin")."""
    if not article.teaser:
        return ()
    sentences = split_sentences(article.teaser, article.language)
    if word_count(article.teaser) < _TEASER_WORDS or not all(
        is_whole(s) and not is_question(s) for s in sentences
    ):
        return ()
    return sentences


@cache
def _expletive(language: str) -> re.Pattern[str] | None:
    pattern = language_data(language).expletive
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def digest_sections(article: Article) -> tuple[Section, ...]:
    """The sections a digest draws on: all of them up to the back matter ("References")."""
    for index, section in enumerate(article.sections):
        if section.heading and is_back_matter(section.heading):
            return article.sections[:index]
    return article.sections


# A heading over this many sections is a photo gallery's, repeated over every slide
# ("Delegiertenversammlung 2021 Freiburg" seven times); two alike may be chance.
_GALLERY_SLIDES = 3


def _gallery_headings(article: Article) -> frozenset[str]:
    counts = Counter(s.heading for s in article.sections if s.heading)
    return frozenset(h for h, n in counts.items() if n >= _GALLERY_SLIDES)


def _lead(article: Article, section: int) -> bool:
    return section == 0 and article.sections[0].heading is None


def is_aside(text: str) -> bool:
    """A sentence wholly in brackets ("(Hier die Online-Version.)"): an aside or a link's
    label, not a statement of the article."""
    return text.startswith("(") and text.rstrip(" .!?").endswith(")")


def quoted_share(text: str) -> float:
    """How much of `text` is inside quotation marks."""
    spans = quotation_spans(text)
    return sum(end - start for start, end in spans) / max(len(text), 1)


# Thai, Lao and Khmer set no mark at a sentence's end: a paragraph ends its last sentence.
_UNMARKED_END = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff]$")


def is_whole_paragraph(text: str) -> bool:
    """`is_whole`, or a paragraph of a script that ends its sentences with no mark, whole
    unless a bracket or quotation is left open."""
    if is_whole(text):
        return True
    return bool(_UNMARKED_END.search(text.rstrip(' "”“»«’)'))) and is_balanced(text)


def is_whole(text: str) -> bool:
    """A sentence a reader can take on its own: it ends with a full stop (not an ellipsis)
    and leaves no bracket or quotation open."""
    bare = text.rstrip(' "”“»«’)')
    return ends_sentence(text) and not bare.endswith(("…", "...")) and is_balanced(text)


# A number or a typed list mark before a point: "6. ", "(2) ", "- ", "• ", "* ".
_ENUMERATION = re.compile(r"^(?:\(?\d{1,2}[.)]|[-–—•*·▪►])\s+(?=\S)")


def without_enumeration(text: str) -> str:
    """ "6. Die Wirtschaftskammer war …" → "Die Wirtschaftskammer war …", "- Cut your time in
    purgatory …" → "Cut your time in purgatory …": the digest marks its own points."""
    return _ENUMERATION.sub("", text)


def names_and_figures(text: str, language: str = "und") -> set[str]:
    """Numbers, and names: capitalised words inside the sentence that the language's
    dictionary does not know (German capitalises every noun; "Moncler" is a name, "Pelz" not).
    What is new in a sentence, and what a reader remembers of it."""
    found = set()
    for match in _NAME_OR_FIGURE.finditer(" " + text):
        word = _ELISION.sub("", match.group())
        if word[0].isdigit() or is_known_word(word, language) is not True:
            found.add(word.lower())
    return found
