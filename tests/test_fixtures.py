"""Golden tests: each fixture article parses into what a careful reader says it contains."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digests import build, parse, render_digest
from digests.telegram_html import parse as telegram_text
from tests.conftest import FIXTURES

CASES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))


def _expected(source: Path) -> dict:
    return json.loads(source.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.fixture(params=CASES, ids=[p.name for p in CASES])
def case(request: pytest.FixtureRequest) -> tuple[dict, dict, list[str]]:
    source: Path = request.param
    article = parse(source.read_bytes(), html=source.suffix == ".html")
    digest = build(article)
    messages = [render_digest(digest, article.language, lang) for lang in ("en", "de", "uk", "ru")]
    output = {"article": article.to_dict(), "digest": digest.to_dict("en")}
    return _expected(source), output, messages


def test_language_headline_teaser(case) -> None:
    expected, output, _ = case
    article = output["article"]
    assert article["language"] == expected["language"]
    assert article["headline"] == expected["headline"]
    assert article["teaser"] == expected["teaser"]


def test_caption_and_credit(case) -> None:
    expected, output, _ = case
    assert output["article"]["caption"] == expected["caption"]


def test_headings(case) -> None:
    expected, output, _ = case
    headings = [s["heading"] for s in output["article"]["sections"] if s["heading"]]
    assert headings == expected["headings"]
    assert output["article"]["sections"][0]["heading"] is None, "the lead has no heading"


def test_bullets(case) -> None:
    expected, output, _ = case
    bullets = [b for s in output["article"]["sections"] for b in s["bullets"]]
    assert len(bullets) == len(expected["bullets"])
    for bullet, prefix in zip(bullets, expected["bullets"], strict=True):
        assert bullet.startswith(prefix)


def test_quotes_and_speakers(case) -> None:
    expected, output, _ = case
    quotes = output["article"]["quotes"]
    for want in expected["quotes"]:
        matches = [q for q in quotes if want["text_contains"] in q["text"]]
        assert matches, f"no quote containing {want['text_contains']!r} in {quotes}"
        assert want["speaker_contains"] in (matches[0]["speaker"] or ""), matches[0]


def test_digest(case) -> None:
    expected, output, _ = case
    digest = output["digest"]
    assert digest["headline"] == expected["headline"]
    assert expected["gist_contains"] in digest["gist"]
    assert digest["key_question"]["heading"] == expected["key_question"]["heading"]
    assert expected["key_question"]["summary_contains"] in digest["key_question"]["summary"]
    assert 1 <= len(digest["bullets"]) <= 4
    assert all(len(b) <= 160 for b in digest["bullets"])


def test_nothing_absent_leaks(case) -> None:
    expected, output, messages = case
    everything = json.dumps(output, ensure_ascii=False) + "".join(map(telegram_text, messages))
    for absent in expected["absent"]:
        assert absent not in everything


def test_messages_fit_a_notification(case) -> None:
    _, _, messages = case
    for message in messages:
        assert len(telegram_text(message)) <= 700
