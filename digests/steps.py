"""An article told in numbered steps or tips: its steps are what a digest shows.

A guide ("Wie kann ich schnell abnehmen? Der Schlachtplan zum Wunschgewicht") or a list of
tips ("Topinambur ernten: 3 Profi-Tipps") heads each step with its number: "1. Ernährung
umstellen …", "Tipp 2: So lagern Sie Topinambur am besten". Its key points are those steps, in
their order, not sentences picked from here and there: the reader of a notification wants the
eight tips, not three details of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests.model import Article
from digests.sentences_pool import digest_sections

# "3. Abends keine …", "Tipp 1: Den richtigen …", "Step 4) Add …", "#2 – …": a number of one
# or two digits, a label word before it or not, and a mark after it (a label word alone will
# do: "Schritt 3 Den Teig …"). A year ("2022 war …") has four digits and is no step.
_NUMBERED = re.compile(
    r"^(?:#|(?P<label>[^\W\d_]{2,12})\.?\s+)?(?P<number>\d{1,2})"
    r"(?:\s*[.:)–—-]\s+|(?(label)\s+|(?!)))(?P<step>\S.*)$"
)
# Fewer steps are sections that happen to start with a number.
_MIN_STEPS = 3
# Steps whose headings say what to do ("Satt essen bei den Mahlzeiten", "Keine Verbote
# aufstellen") are the points themselves; shorter ones ("1. Barzahlung") are only labels.
_TELLING_WORDS = 3


@dataclass(frozen=True, slots=True)
class Steps:
    """The article's numbered steps: their headings and the sections under them."""

    headings: tuple[str, ...]
    sections: tuple[int, ...]  # indexes into the article's sections

    @property
    def telling(self) -> bool:
        """Whether the headings alone say what each step is."""
        words = [len(_step_text(h).split()) for h in self.headings]
        return sum(words) >= _TELLING_WORDS * len(words) and min(words) >= 2

    def fitting(self, room: int, most: int, per_line: int) -> list[str]:
        """The step headings, in order, as many as fit in `room` characters (`most` at most),
        each line costing `per_line` besides its text."""
        shown: list[str] = []
        for heading in self.headings[:most]:
            room -= len(heading) + per_line
            if room < 0:
                break
            shown.append(heading)
        return shown


def numbered_steps(article: Article) -> Steps | None:
    """The article's numbered steps, 1, 2, 3 … in order under one label, if it has three
    or more."""
    best: list[tuple[str, int]] = []
    run: list[tuple[str, int]] = []
    label: str | None = None
    for index, section in enumerate(digest_sections(article)):
        found = _NUMBERED.match(section.heading or "")
        if found is None:
            continue  # a section between steps ("Warum nehme ich nicht ab?") breaks no run
        number, this_label = int(found["number"]), (found["label"] or "").casefold()
        if number == len(run) + 1 and (not run or this_label == label):
            run.append((section.heading or "", index))
        elif number == 1:
            run = [(section.heading or "", index)]
        else:
            continue
        label = this_label
        if len(run) > len(best):
            best = list(run)
    if len(best) < _MIN_STEPS:
        return None
    return Steps(tuple(h for h, _ in best), tuple(i for _, i in best))


def _step_text(heading: str) -> str:
    found = _NUMBERED.match(heading)
    return found["step"] if found else heading
