"""What the engine knows of each language: one data object per language, one file each.

Every module in this package defines `LANGUAGE = Language(...)`; the registry below finds them
all, so adding a language is adding a file. An article in a language without a file still gets
a digest: `GENERIC` has no word lists, and the rules that need none (sentence shapes, dates,
figures, names, addresses, page metadata) do the work alone.

Words are lower case. Stems (`decision_stems`, role stems) match the start of a word.
Patterns are regular expressions matched case-insensitively against a whole line; phrases are
lower-case text found inside one.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Language:
    """One language's words and patterns. Every field is optional but `code`."""

    code: str

    # --- reading sentences
    abbreviations: frozenset[str] = frozenset()  # written with a full stop, no sentence end
    closing_abbreviations: tuple[str, ...] = ()  # may end a sentence: "usw.", "etc.", "т. д."
    months: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    day_dot: bool = False  # "am 8. November": a full stop after a day or an ordinal number

    # --- what sentences are about
    function_words: frozenset[str] = frozenset()  # carry no topic: "der", "the", "и"
    # Openers that lean on the sentence before ("Dies zeigt…", "He added…", "But…").
    leaning_openers: frozenset[str] = frozenset()
    # Words that point back from a few words in ("Gegen Vollkornbrot ist jedoch nichts…").
    leaning_inside: frozenset[str] = frozenset()
    # Openers of more than one word that lean on what came before: "for example", "nicht nur".
    leaning_phrases: frozenset[str] = frozenset()
    # Openers that point at what comes next ("Here's how UGA tallied the totals.", "Voici
    # comment"): a set-up, empty without the sentences after it.
    pointing_phrases: frozenset[str] = frozenset()
    conclusion_openers: frozenset[str] = frozenset()  # "Daher", "Therefore"
    # Openers that set what follows against the sentence before: "Doch", "But", "Mais".
    contrast_openers: frozenset[str] = frozenset()
    # Headings of the section that sums an article up ("Fazit", "Verdict", "Wrap Up"):
    # a review's or a test's judgement closes it. Whole headings, lower case.
    conclusion_headings: frozenset[str] = frozenset()
    # How an author states a conviction ("Ich bin überzeugt, dass …", "I am convinced"):
    # in a speech or an opinion, its thesis. A pattern found case-insensitively.
    conviction: str | None = None
    not_conclusions: frozenset[str] = frozenset()  # two-word openers that only look so: "so far"
    decision_stems: tuple[str, ...] = ()  # "entscheid", "referendum", "vote"
    # Pronouns and demonstratives: near a sentence's start they point at something before it
    # ("…, in dieser Aufgabe", "He said…"), which a reader of the digest has not seen.
    referring_words: frozenset[str] = frozenset()
    # The referring words a name nearby does not resolve: "dabei", "this", "diesem" point at
    # a thing or a moment the reader has not seen, whoever the sentence names ("…war dabei
    # der Höhepunkt"). Before a word of time they say when: "diese Woche", "this year".
    demonstratives: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    # A sentence's opening whose pronoun stands for nothing before it (an expletive subject):
    # "It will be a challenging task … to", "Es gibt", "Il y a". A pattern matched
    # case-insensitively at the sentence's start.
    expletive: str | None = None
    # Words that address the reader ("du", "you", "vous"): a question with one is rhetoric.
    # Case matters: German "Sie" (you) is not "sie" (she, they).
    second_person: frozenset[str] = frozenset()
    # Words of the first person ("ich", "we", "nous"), in lower case; a capital at a sentence's
    # start matches too. Outside quotation marks in a reported article they are the author's
    # own voice: a promotion ("biete ich auch Kurse an"), an aside, a sign-off.
    first_person: frozenset[str] = frozenset()
    # Courtesies that close an interview or a letter ("Vielen Dank für das Gespräch"): a
    # sentence with one tells the reader nothing about the news. Lower case, matched inside.
    courtesies: tuple[str, ...] = ()
    # Words after which a clause may be dropped and the sentence still says what it meant:
    # coordinating and concessive conjunctions, relative pronouns of a trailing clause.
    clause_openers: frozenset[str] = frozenset()
    # Words a page that is an interview calls itself by, in its headline: "Interview mit
    # Sharon Stone", "entretien". Lower case, matched inside.
    interview_words: tuple[str, ...] = ()
    # The labels of a question-and-answer column's turns, in lower case: "Question: I need
    # some help …" (a reader's letter) and "Answer: The Bougainvillea plant …".
    question_labels: frozenset[str] = frozenset()
    answer_labels: frozenset[str] = frozenset()

    # --- quotes and the people who say them
    speech_verbs: frozenset[str] = frozenset()
    source_markers: tuple[str, ...] = ()  # "laut", "according to"
    role_groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    pronouns: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()  # before a name, not part of it: "dr", "mr"
    determiners: frozenset[str] = frozenset()
    # The present tense of "to be": "Robin Tschöpe ist einer der Gründer…", a name and a
    # copula and a determiner, says who someone is, not what happened. Some are
    # demonstratives too (Polish "to", Russian "это"): after a noun, the copula.
    copulas: frozenset[str] = frozenset()
    # "Мэр Северогорска Пётр Мельников": a role word may be followed by the place it belongs
    # to (a genitive), then the name; these are the endings such a place word has.
    place_genitive_endings: tuple[str, ...] = ()
    quote_marks: tuple[str, str] = ("“", "”")

    # --- page furniture
    credit_labels: tuple[str, ...] = ()  # "foto", "photo": the word before a picture credit
    byline_words: tuple[str, ...] = ()  # "by", "von": the word before an author's name
    # Words that only time stamps are made of: "Stand", "updated", "Lesezeit" (not "am", "on").
    dateline_words: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()  # whole lines: "read more…", "share", "advertisement"
    # Phrases (not patterns) found anywhere near the start of a line: "we use cookies".
    furniture_anywhere: tuple[str, ...] = ()
    footer: tuple[str, ...] = ()  # whole lines that end the article: "leave a reply"
    # Headings of the article's back matter ("References", "Literatur"): kept with the
    # article, never drawn on for its digest.
    back_matter: tuple[str, ...] = ()
    # A wiki's links to edit a section, in brackets after its heading ("Plot[edit]",
    # "Handlung[Bearbeiten | Quelltext bearbeiten]"): lower case, one entry per link.
    edit_links: tuple[str, ...] = ()


GENERIC = Language("und")


def _discover() -> dict[str, Language]:
    found: dict[str, Language] = {}
    for module in pkgutil.iter_modules(__path__):
        data = importlib.import_module(f"{__name__}.{module.name}").LANGUAGE
        found[data.code] = data
    return found


LANGUAGES: Mapping[str, Language] = MappingProxyType(_discover())


def language_data(code: str | None) -> Language:
    """The data of language `code`, or GENERIC for a language the engine has no file for."""
    return LANGUAGES.get(code or "", GENERIC)
