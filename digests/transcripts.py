"""A broadcast's transcript: who says each paragraph, from the speakers' labels in capitals.

Radio and television transcripts set each turn under its speaker's name in capitals: "JON
SIEBEN: It is a shame that funding has been cut …", and the paragraphs after it are the same
turn until the next label. The label is not part of what is said. A digest line shows the
words, and, for someone who speaks for themselves (an interviewee: "I don't think it
should."), who says them, as an interview's answers do ("Sieben: …"). The presenter's and the
reporter's turns tell the story in the programme's own voice, like an article's sentences.
The interviewees' turns are the transcript's quotations, for `/quote`, though no quotation
marks set them apart.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from digests.languages import language_data
from digests.model import Article, Quote
from digests.voice import in_first_person

Place = tuple[int, int]  # a paragraph: its section's index, its index in the section

# One to four words and a colon at a paragraph's start; all in capitals (checked apart: the
# pattern's letter classes cannot tell case in every script).
_LABEL = re.compile(r"^([^\W\d_][\w’'.-]*(?: [^\W\d_][\w’'.-]*){0,3}): (?=\S)")
# Fewer labelled turns or speakers than these are a page's shouted kicker ("UPDATE: …") or
# an organisation's questions ("HSS: …"), not a conversation.
_MIN_TURNS = 3
_MIN_SPEAKERS = 2
# A speaker with a first-person word in this share of their paragraphs speaks for
# themselves: an interviewee ("I don't think it should."). In the ABC transcript among the
# test pages, the presenter's and the reporter's turns have none, the two interviewees' have
# one in 5 of 7 and in 1 of 3 paragraphs.
_OWN_VOICE = 0.25


@dataclass(frozen=True, slots=True)
class Transcript:
    """The paragraphs that open with a speaker's label, and the names of those who speak for
    themselves, for each paragraph of their turns."""

    labelled: frozenset[Place]
    names: dict[Place, str]  # in full, as the article writes them: "Jon Sieben"

    @property
    def speakers(self) -> dict[Place, str]:
        """The surnames to show with their paragraphs' lines: "Sieben"."""
        return {place: name.split()[-1] for place, name in self.names.items()}


NO_TRANSCRIPT = Transcript(frozenset(), {})


def speaker_label(paragraph: str) -> str | None:
    """The label in capitals a paragraph opens with: "JON SIEBEN: It is …" → "JON SIEBEN"."""
    match = _LABEL.match(paragraph)
    if match is None:
        return None
    label = match.group(1)
    letters = [c for c in label if c.isalpha()]
    return label if len(letters) >= 2 and label.isupper() else None


def without_speaker_label(paragraph: str) -> str:
    """The words said: "JON SIEBEN: It is a shame …" → "It is a shame …"; a paragraph with
    no label as it is."""
    return paragraph.partition(": ")[2] if speaker_label(paragraph) else paragraph


def transcript_turns(article: Article) -> Transcript:
    """The turns of `article`, if it is a transcript."""
    places = [
        ((number, index), text)
        for number, section in enumerate(article.sections)
        for index, text in enumerate(section.paragraphs)
    ]
    labels = {place: label for place, text in places if (label := speaker_label(text))}
    if len(labels) < _MIN_TURNS or len(set(labels.values())) < _MIN_SPEAKERS:
        return NO_TRANSCRIPT
    turn_of: dict[Place, str] = {}
    speaking = None
    for place, _ in places:
        speaking = labels.get(place, speaking)
        if speaking is not None:
            turn_of[place] = speaking
    said = dict(places)
    words = language_data(article.language)
    paragraphs: Counter[str] = Counter(turn_of.values())
    own_voice: Counter[str] = Counter(
        label
        for place, label in turn_of.items()
        if in_first_person(without_speaker_label(said[place]), words)
    )
    interviewees = {
        label: _name(label, article)
        for label in paragraphs
        if own_voice[label] >= _OWN_VOICE * paragraphs[label]
    }
    return Transcript(
        frozenset(labels),
        {place: interviewees[label] for place, label in turn_of.items() if label in interviewees},
    )


def _name(label: str, article: Article) -> str:
    """How the article writes the name in its own sentences ("Jon Sieben says …"), or the
    label's words capitalised."""
    words = r"\s+".join(map(re.escape, label.split()))
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)
    for section in article.sections:
        for paragraph in section.paragraphs:
            for match in pattern.finditer(paragraph):
                if not match.group().isupper():
                    return " ".join(match.group().split())
    return " ".join(word.capitalize() for word in label.split())


def with_turns_quoted(article: Article, transcript: Transcript) -> tuple[Quote, ...]:
    """The article's quotations, and each paragraph an interviewee says, in the order of the
    paragraphs: a broadcast's turns are its quotations, given without quotation marks."""
    if not transcript.names:
        return article.quotes
    quoted = list(article.quotes)
    found: list[Quote] = []
    for number, section in enumerate(article.sections):
        for index, paragraph in enumerate(section.paragraphs):
            inside = []  # the marked quotations of this paragraph: they come in order
            while quoted and quoted[0].text[:_OPENING] in paragraph:
                inside.append(quoted.pop(0))
            name = transcript.names.get((number, index))
            # An interviewee's turn holds what it quotes ("… to say that "yes, OK …"").
            found += [Quote(without_speaker_label(paragraph), name)] if name else inside
    return (*found, *quoted)


# Enough of a quotation's opening to find the paragraph it stands in (a quotation that the
# speaker's name interrupts is joined, so the whole of it may be in no paragraph as it is).
_OPENING = 30
