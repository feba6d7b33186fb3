"""Every field of every fixture's parse, digest and messages, compared with a reviewed snapshot.

After a deliberate change to the engine, regenerate with `UPDATE_GOLDEN=1 pytest
tests/test_golden.py` and review the diff of `tests/golden/` line by line before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from digests import build, parse, render_digest, render_more, render_quote
from digests.render import more_part_count
from tests.conftest import FIXTURES, ROOT, SAMPLE

GOLDEN = ROOT / "tests" / "golden"
SOURCES = [SAMPLE, *sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))]


def snapshot(source: Path) -> dict:
    article = parse(source.read_bytes(), html=source.suffix == ".html")
    digest = build(article)
    return {
        "article": article.to_dict(),
        "digest": digest.to_dict("en"),
        "messages": {
            locale: render_digest(digest, article.language, locale)
            for locale in ("en", "de", "uk", "ru")
        },
        "more": [
            render_more(article, part, "en") for part in range(1, more_part_count(article) + 1)
        ],
        "quotes": [render_quote(article, i, "en") for i in range(len(article.quotes) + 1)],
    }


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_matches_reviewed_snapshot(source: Path) -> None:
    golden = GOLDEN / f"{source.stem}.json"
    actual = json.loads(json.dumps(snapshot(source), ensure_ascii=False))
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    for key in expected:
        assert actual[key] == expected[key], f"{source.name}: {key} differs from the snapshot"
