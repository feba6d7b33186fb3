"""The engine's value types: what an article is made of and what a digest says."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption and the credit that was glued to it."""

    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation and the person it is attributed to (None when unattributed)."""

    text: str
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """A run of body text: the lead (no heading) or a headed section."""

    heading: str | None
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.paragraphs and not self.bullets


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed article: every string is clean text, never markup."""

    language: str
    headline: str
    teaser: str | None = None
    caption: Caption | None = None
    sections: tuple[Section, ...] = ()
    quotes: tuple[Quote, ...] = ()
    source_url: str | None = None
    published: str | None = None  # ISO date as found in the source, if any

    @property
    def lead(self) -> Section | None:
        first = self.sections[0] if self.sections else None
        return first if first is not None and first.heading is None else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sections"] = [
            {"heading": s.heading, "paragraphs": list(s.paragraphs), "bullets": list(s.bullets)}
            for s in self.sections
        ]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        caption = data.get("caption")
        return cls(
            language=data["language"],
            headline=data["headline"],
            teaser=data.get("teaser"),
            caption=Caption(**caption) if caption else None,
            sections=tuple(
                Section(
                    s.get("heading"), tuple(s.get("paragraphs", ())), tuple(s.get("bullets", ()))
                )
                for s in data.get("sections", ())
            ),
            quotes=tuple(Quote(**q) for q in data.get("quotes", ())),
            source_url=data.get("source_url"),
            published=data.get("published"),
        )


@dataclass(frozen=True, slots=True)
class KeyQuestion:
    """The question an article turns on: its central section and that section's decisive line."""

    heading: str | None
    summary: str


@dataclass(frozen=True, slots=True)
class Digest:
    """A short, extractive digest of one article: every word comes from the article."""

    headline: str
    gist: str | None
    key_question: KeyQuestion | None
    bullets: tuple[str, ...] = field(default_factory=tuple)
    quote: Quote | None = None
    source_url: str | None = None
    # How much each bullet matters, 0 first: what a short message keeps. Empty: in order.
    bullet_ranks: tuple[int, ...] = ()

    def to_dict(self, language: str) -> dict[str, Any]:
        return {
            "language": language,
            "headline": self.headline,
            "gist": self.gist,
            "key_question": asdict(self.key_question) if self.key_question else None,
            "bullets": list(self.bullets),
            "quote": asdict(self.quote) if self.quote else None,
        }
