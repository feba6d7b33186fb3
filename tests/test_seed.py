"""The article the product was specified from, checked through the CLI as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from digests.telegram_html import parse as telegram_text
from tests.conftest import SAMPLE, SEED

COPIES = [SAMPLE, *([SEED] if SEED.exists() else [])]


@pytest.fixture(params=COPIES, ids=lambda p: str(p.parent.name))
def preview(request: pytest.FixtureRequest) -> dict:
    path: Path = request.param
    result = CliRunner().invoke(app, ["preview", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_headline_and_caption(preview: dict) -> None:
    article = preview["article"]
    assert article["language"] == "de"
    assert article["headline"] == (
        "Ein Versuch, einen „alten“ Freund zurückzuholen: Putin flog nach Kasachstan"
    )
    assert article["teaser"] is None
    assert article["caption"] == {
        "text": "Russland hat seine Sonderrolle für Kasachstan verloren",
        "credit": "Collage 24 Channel",
    }


def test_sections_and_bullets(preview: dict) -> None:
    sections = preview["article"]["sections"]
    assert [s["heading"] for s in sections] == [
        None,
        "Russland will in Kasachstan ein Atomkraftwerk bauen",
        "Putin hat „besondere Bedeutung“ für verloren Kasachstan",
    ]
    bullets = sections[2]["bullets"]
    assert [b.split()[0] for b in bullets] == ["Eines", "Dies", "Erinnern"]
    assert sections[2]["paragraphs"] == []
    assert sections[1]["paragraphs"][0].startswith("Kasim-Schomart Tokajew sagte")


def test_quote_with_resolved_speaker(preview: dict) -> None:
    quotes = preview["article"]["quotes"]
    assert len(quotes) == 1
    assert "Wir werden uns über den aktuellen Stand" in quotes[0]["text"]
    assert "Tokajew" in quotes[0]["speaker"]
    assert preview["digest"]["quote"] == quotes[0]


def test_digest(preview: dict) -> None:
    digest = preview["digest"]
    assert digest["language"] == "en"
    assert digest["key_question"] == {
        "heading": "Russland will in Kasachstan ein Atomkraftwerk bauen",
        "summary": "Daher wird die endgültige Entscheidung über den Bau eines Kernkraftwerks "
        "in einer Volksabstimmung getroffen.",
    }
    assert digest["gist"].startswith("Am 8. November traf der Kremlchef")
    assert [b.split()[0] for b in digest["bullets"]] == ["Eines", "Dies", "Erinnern"]
    assert all(len(b) <= 160 for b in digest["bullets"])


def test_no_scraping_faults_survive(preview: dict) -> None:
    everything = json.dumps(preview, ensure_ascii=False)
    visible = "".join(telegram_text(m) for m in preview["messages"])
    for fault in ("&quot ;", "&quot", "< p>", "Es wird versucht", "Leave a Reply"):
        assert fault not in everything
        assert fault not in visible


def test_message_is_short_and_valid(preview: dict) -> None:
    (message,) = preview["messages"]
    text = telegram_text(message)
    assert len(text) <= 700
    assert "Key question" in text
    assert "Volksabstimmung" in text
