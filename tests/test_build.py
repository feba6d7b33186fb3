"""Digests of articles shaped unlike the sample: no bullets, no headings, one long bullet."""

from __future__ import annotations

from digests import Article, Section, build, parse
from digests.build import BULLET_CHARS, shorten

NO_BULLETS = """Stadt stoppt Bau der Seilbahn

Die Stadt Wuppertal hat den Bau der geplanten Seilbahn vorerst gestoppt. Der Rat will zunächst ein neues Gutachten abwarten.

Warum der Rat zögert

Die Kosten sind seit 2021 um mehr als die Hälfte gestiegen. Anwohner fürchten Lärm und Schatten über ihren Gärten.

Deshalb entscheiden die Bürger im Juni in einem Bürgerentscheid über das Projekt.

Was Kritiker sagen

Die Verkehrsbetriebe halten die Seilbahn trotzdem für die schnellste Verbindung zur Universität. Sie verweisen auf ähnliche Projekte in Koblenz und Bozen, die gut angenommen wurden. Ohne die Seilbahn müssten mehr Busse fahren, was die Innenstadt zusätzlich belastet. Ein Sprecher nannte den Stopp einen Rückschlag für die Verkehrswende.
"""


def test_article_without_bullets_gets_its_strongest_sentences() -> None:
    article = parse(NO_BULLETS)
    digest = build(article)
    assert article.language == "de"
    assert digest.key_question is not None
    assert digest.key_question.heading == "Warum der Rat zögert"
    assert digest.key_question.summary.startswith("Deshalb entscheiden die Bürger")
    assert 1 <= len(digest.bullets) <= 3
    source = " ".join(article.sections[2].paragraphs)
    assert all(b.rstrip("…") in source for b in digest.bullets)
    assert digest.gist == "Die Stadt Wuppertal hat den Bau der geplanten Seilbahn vorerst gestoppt."


def test_article_without_headings_still_has_a_key_question() -> None:
    article = parse(
        "Council backs new library\n\nThe council voted on Tuesday to build a new library. "
        "The old building has leaked for years. Therefore the final decision on the site will "
        "be taken in a referendum next spring. Critics say the money is needed elsewhere."
    )
    digest = build(article)
    assert digest.key_question is not None
    assert digest.key_question.heading is None
    assert "referendum" in digest.key_question.summary
    assert digest.gist == "The council voted on Tuesday to build a new library."


def test_bullets_are_condensed_and_extractive() -> None:
    long_bullet = (
        "This single bullet goes on and on, listing every consideration, every caveat, "
        "every number and every name that a thorough reporter could find, without end "
        "and without mercy, well past any notification's length. Second sentence."
    )
    article = Article(
        "en",
        "Title",
        sections=(
            Section(None, ("Lead sentence here.",)),
            Section(
                "Analysis", (), (long_bullet, "Short one.", "Two.", "Three.", "Four.", "Five.")
            ),
        ),
    )
    digest = build(article)
    assert len(digest.bullets) == 4
    assert all(len(b) <= BULLET_CHARS for b in digest.bullets)
    assert digest.bullets[0].endswith("…")
    assert long_bullet.startswith(digest.bullets[0].rstrip("…"))


def test_shorten_cuts_at_clause_then_word() -> None:
    sentence = "First clause is here, second clause follows, and a third one ends it all."
    assert shorten(sentence, 200) == sentence
    assert shorten(sentence, 50) == "First clause is here, second clause follows…"
    assert len(shorten("x" * 500, 100)) <= 100
