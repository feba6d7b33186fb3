"""An interview's turns: who answers, which paragraphs ask and which answer.

An interview is told in questions (headings or paragraphs ending with "?") and answers. The
answers are what the article reports, in the words of the person interviewed, often in the
first person ("Wir prüfen gerade verschiedene Preispunkte"); a digest line from one says who
is speaking ("Vilanek: Wir prüfen …"), as an editor's teaser of an interview does. The
interviewer's turns set up questions and report nothing.

The person answering is the one the answers are labelled with ("Christoph Vilanek: HD
Bildqualität kostet …"), or, when the page calls itself an interview ("Interview mit Sharon
Stone"), the person its headline names. Without one of the two, nothing is attributed: a
guide told in question headings ("Was, wenn das Kind länger krank ist?") is no interview.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from digests.languages import Language, language_data
from digests.lemmas import is_name
from digests.model import Article
from digests.sentences import is_question

# Fewer question turns than this are questions an article asks, not an interview's.
_MIN_QUESTIONS = 3
_CAPITAL = "[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ]"
_NAME_WORD = rf"{_CAPITAL}[\w’'-]+"
# A speaker's label: one to three capitalised words and a colon, at a paragraph's start.
_LABEL = re.compile(rf"^((?:{_CAPITAL}[\w’'.-]+ ){{0,2}}{_NAME_WORD}): ")
# "Q: …", "A: …", "F: …": a turn marked by one letter, not a name.
_TURN_MARK = re.compile(rf"^{_CAPITAL}: ")
_CAPITALISED = re.compile(_NAME_WORD)
# Labels on this share of the labelled answers name the one person answering; a surname
# alone, on this many answers.
_MOST_LABELS = 0.5
_LABELLED_ANSWERS = 2


Place = tuple[int, int]  # a paragraph: its section's index, its index in the section


@dataclass(frozen=True, slots=True)
class Turns:
    """The paragraphs that ask and those that answer, and the surname of the person
    answering (None when the article is no interview: then nothing answers)."""

    speaker: str | None
    asked: frozenset[Place]
    answered: frozenset[Place]
    # A question-and-answer column's answers, which open on their label ("Answer: …").
    labelled_answers: frozenset[Place]


def interview_turns(article: Article) -> Turns:
    """The turns of `article`. Any article's paragraph that turns to someone by name and
    asks is an interviewer's; in an interview with one person answering, so is every
    paragraph that ends with a question, and the paragraphs after the first question answer."""
    words = language_data(article.language)
    places: list[tuple[Place, str, bool]] = []  # where, text, first under a question heading
    questions = 0
    for number, section in enumerate(article.sections):
        asked_by_heading = bool(section.heading) and is_question(section.heading or "")
        questions += asked_by_heading
        for index, text in enumerate(section.paragraphs):
            places.append(((number, index), text, asked_by_heading and index == 0))
            questions += is_question(text)
    letters, labelled_answers = _column_turns(article, words)
    addressing = letters | {p for p, text, _ in places if _addresses_by_name(text, words)}
    speaker = None
    if questions >= _MIN_QUESTIONS:
        speaker = _labelled_speaker(places, article.language) or _named_speaker(article, words)
    if speaker is None:
        return Turns(None, addressing, frozenset(), labelled_answers)
    asked, answered = set(addressing), set()
    started = False
    for place, text, after_heading in places:
        if is_question(text) or place in addressing:
            asked.add(place)
            started = True
        elif started or after_heading:
            answered.add(place)
            started = True
    return Turns(speaker, frozenset(asked), frozenset(answered), labelled_answers)


def _column_turns(article: Article, words: Language) -> tuple[frozenset[Place], frozenset[Place]]:
    """A question-and-answer column's letters and answers: from a paragraph or heading
    labelled as the question ("Question: I need some help with Bougainvillea care …",
    "Frage: Wie …?") up to the paragraph labelled as the answer ("Answer: The Bougainvillea
    plant …"), the reader asks; the column answers."""
    letters: set[Place] = set()
    answers: set[Place] = set()
    letter: list[Place] | None = None  # the paragraphs of the letter still open
    for number, section in enumerate(article.sections):
        if _turn_label(section.heading or "") in words.question_labels:
            letter = []
        for index, text in enumerate(section.paragraphs):
            label = _turn_label(text)
            if label in words.question_labels:
                letter = [(number, index)]
            elif label in words.answer_labels and letter is not None:
                letters.update(letter)
                answers.add((number, index))
                letter = None
            elif letter is not None:
                letter.append((number, index))
    return frozenset(letters), frozenset(answers)


def _turn_label(text: str) -> str | None:
    """The one-word label a paragraph opens with, in lower case: "Question: …" → "question"."""
    head, colon, _ = text.partition(":")
    return head.strip().lower() if colon and len(head.split()) == 1 else None


def without_answer_label(text: str) -> str:
    """A column's answer without its label: "Answer: The Bougainvillea plant …" → "The
    Bougainvillea plant …"."""
    return text.partition(":")[2].lstrip()


def _labelled_speaker(places: list[tuple[Place, str, bool]], language: str) -> str | None:
    """The surname on the answers' labels: a label right after a question ("Christoph
    Vilanek: HD Bildqualität …" after "… Glauben Sie …?"), a person's name ("Helfrich"
    thrice, or a first name and a surname once), not an organisation's ("HSS: …")."""
    labels: Counter[str] = Counter()
    full: set[str] = set()
    previous = ""
    for _, text, after_heading in places:
        match = _LABEL.match(text)
        if match and (after_heading or is_question(previous)):
            words = match.group(1).split()
            if is_name(words[-1], language) and not words[-1].isupper():
                labels[words[-1]] += 1
                if len(words) > 1:
                    full.add(words[-1])
        previous = text
    if not labels:
        return None
    surname, count = labels.most_common(1)[0]
    if count < _MOST_LABELS * sum(labels.values()):
        return None
    return surname if surname in full or count >= _LABELLED_ANSWERS else None


def _named_speaker(article: Article, words: Language) -> str | None:
    """The person a page that calls itself an interview names in its headline: "Interview
    mit Sharon Stone" → "Stone". A name is two or three capitalised words in a row (the
    dictionary knows famous names, so it cannot tell), and the headline has one."""
    title = article.headline
    if not any(word in title.lower() for word in words.interview_words):
        return None
    runs: list[list[str]] = [[]]
    for token in title.split():
        word = token.strip(",.:;!?\"'„“”«»()")
        capitalised = _CAPITALISED.fullmatch(word) and word.lower() not in words.function_words
        if capitalised and word.lower() not in words.interview_words:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
        if word != token.strip() and runs[-1]:
            runs.append([])  # punctuation ends a name: "Interview: Sharon Stone"
    names = [run for run in runs if 2 <= len(run) <= 3]
    return names[0][-1] if len(names) == 1 else None


def _addresses_by_name(paragraph: str, words: Language) -> bool:
    """A paragraph that turns to someone by title and name and asks ("Herr Vilanek, in
    Deutschland gibt es … Glauben Sie, dass …?"): an interviewer's setting up of a question.
    "Herr Müller, der seit 1990 …, sagte" asks nothing."""
    pattern = _addressed(words.code)
    return pattern is not None and "?" in paragraph and bool(pattern.match(paragraph))


@cache
def _addressed(language: str) -> re.Pattern[str] | None:
    titles = language_data(language).titles
    if not titles:
        return None
    alternatives = "|".join(sorted((re.escape(t) for t in titles), key=len, reverse=True))
    # The title, capitalised; one to three capitalised words of the name; the comma.
    return re.compile(rf"(?i:{alternatives})\.? (?:{_NAME_WORD} ){{0,2}}{_NAME_WORD}, ")


def with_speaker(text: str, speaker: str) -> str:
    """An answer's sentence as a digest shows it: "Vilanek: Wir prüfen …"; one the page
    labelled already ("Helfrich: Grüner Wasserstoff …") stays as it is, and a bare turn mark
    ("A: We expect …") gives way to the name."""
    if _LABEL.match(text):
        return text
    # The page's own label without its space ("McKelvey:Everyone needs …") is the name.
    glued = re.match(rf"{re.escape(speaker)}:\s*", text)
    rest = text[glued.end() :] if glued else _TURN_MARK.sub("", text, count=1)
    return f"{speaker}: {rest}"
