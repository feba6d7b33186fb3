"""Guides told in numbered steps or tips: their steps are the digest's key points, in order."""

from __future__ import annotations

import pytest

from digests import build, parse, render_digest
from digests.steps import numbered_steps
from digests.telegram_html import parse as telegram_text
from tests.conftest import FIXTURES

HEATING = """Five ways to cut your heating bill this winter

Heating costs have doubled for many households since 2021. Energy advisers say a few simple habits can save a typical family several hundred pounds a year.

1. Turn the thermostat down by one degree

Each degree lower cuts the heating bill by about ten percent. Most people do not notice the difference after a few days.

2. Bleed your radiators every autumn

Trapped air keeps the top of a radiator cold and wastes energy. A radiator key costs less than two pounds at any hardware shop.

3. Close curtains as soon as it gets dark

Heavy curtains keep the warmth of the day inside the room. Lined curtains work best on old single-glazed windows.

4. Seal the gaps around doors and windows

Draughts can account for a fifth of the heat a home loses. Self-adhesive strips fit most frames and take minutes to fit.

5. Heat only the rooms you use

Radiator valves let you keep spare rooms cool. The advisers suggest keeping bedrooms at about 18 degrees.
"""

TOPINAMBUR = """Topinambur ernten: 3 Profi-Tipps

Im Winter Gemüse frisch aus dem Garten ernten können – mit der knollenbildenden Verwandten der Sonnenblume ist das möglich.

Tipp 1: Den richtigen Erntezeitpunkt erkennen

Topinamburknollen sind erntereif, sobald das Laub im Herbst braun ist. Meist beginnt die Erntereife Ende Oktober, Anfang November. Nur drei Dinge können die ständig frische Ernte über den Winter einschränken.

Warum Topinambur so gesund ist

Die Knollen enthalten viel Inulin, einen Ballaststoff, der den Blutzucker kaum ansteigen lässt.

Tipp 2: So lagern Sie Topinambur am besten

Im Kühlschrank halten die Knollen in ein feuchtes Tuch eingeschlagen im Plastikbeutel circa 14 Tage. Für eine längere Lagerung schlagen Sie die Knollen in feuchten Sand ein.

Tipp 3: Unbekannte Sorten ausprobieren

Von der auch als Erdartischocke bezeichneten Pflanze gibt es viele Sorten. Die ertragreiche Sorte Rote Zonenkugel verwendet man auch zum Schnapsbrennen.
"""


def test_a_guide_s_telling_steps_are_its_key_points_in_order() -> None:
    article = parse(HEATING)
    digest = build(article)
    assert digest.bullets == tuple(s.heading for s in article.sections[1:])
    assert digest.key_question is None  # the steps are what the guide turns on
    assert digest.gist and digest.gist.startswith("Heating costs have doubled")
    shown = telegram_text(render_digest(digest, "en", "en"))
    assert all(f"• {step}" in shown for step in digest.bullets), shown
    assert len(shown) <= 700


def test_a_few_tips_each_give_their_opening_statement() -> None:
    """Three tips: one point from each, in order, from what the tip says first rather
    than from a section between them or a detail further on."""
    article = parse(TOPINAMBUR)
    steps = numbered_steps(article)
    assert steps is not None
    assert steps.headings == (
        "Tipp 1: Den richtigen Erntezeitpunkt erkennen",
        "Tipp 2: So lagern Sie Topinambur am besten",
        "Tipp 3: Unbekannte Sorten ausprobieren",
    )
    digest = build(article)
    assert len(digest.bullets) == 3
    tips = [article.sections[i] for i in steps.sections]
    for bullet, tip in zip(digest.bullets, tips, strict=True):
        assert bullet in " ".join(tip.paragraphs[:1]), (bullet, tip.heading)
    assert not any("Inulin" in b or "Nur drei Dinge" in b for b in digest.bullets)


@pytest.mark.parametrize(
    "headings",
    [
        ["1. Erster Punkt hier", "2. Zweiter Punkt hier"],  # two: chance, not a guide
        ["1. Step one is here", "3. Step three is here", "4. Step four is here"],  # a gap
        ["2021 war ein gutes Jahr", "2022 war ein besseres Jahr", "2023 wird noch besser"],
        ["Tipp 1: Früh ernten", "Schritt 2: Gut lagern", "Tipp 3: Sorten wählen"],  # two labels
    ],
    ids=["two", "gap", "years", "labels"],
)
def test_numbers_that_are_no_run_of_steps(headings: list[str]) -> None:
    text = "Ein Titel über etwas Wichtiges\n\nDer erste Absatz sagt, worum es geht, und zwar genau.\n\n"
    text += "".join(f"{h}\n\nDazu steht hier ein ganzer Satz mit einigen Worten.\n\n" for h in headings)
    assert numbered_steps(parse(text)) is None


def test_a_real_guide_page_shows_its_eight_steps() -> None:
    article = parse((FIXTURES / "real" / "gofeminin.de.abnehmen.html").read_bytes(), html=True)
    digest = build(article)
    assert digest.bullets[:2] == (
        "1. Ernährung umstellen, um schnell abzunehmen",
        "2. Satt essen bei den Mahlzeiten",
    )
    assert len(digest.bullets) == 8
    assert digest.bullets[-1] == "8. Mit sich ins Reine kommen"
    assert len(telegram_text(render_digest(digest, article.language, "de"))) <= 700
