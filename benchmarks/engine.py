"""Engine speed: articles per second for parse, build and render, on one core.

Prints figures, asserts nothing. Each article is a fresh variant of the sample, so no cache
carries over from one article to the next (a newsroom never sends the same text twice).
The baseline is the least any pipeline must do with the same text in the same process —
split it into blocks and escape them — so the ratio says how much the engine's understanding
costs, whatever the machine.

    python benchmarks/engine.py [--seconds 2]
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digests import build, parse, render_digest  # noqa: E402
from digests.sentences import _split_sentences  # noqa: E402

LOCALES = ("en", "de", "uk", "ru")
SAMPLE = (ROOT / "sample" / "article-de.txt").read_text(encoding="utf-8")
PAGES = [ROOT / "tests" / "fixtures" / name for name in ("page-en.html", "page-ru.html")]


def variant(text: str, number: int) -> str:
    """The same article with a different number in every paragraph: no two inputs alike."""
    return text.replace(". ", f". {number} ", 1).replace("\n\n", f" {number}\n\n")


def rate(work: Callable[[int], object], seconds: float) -> tuple[float, int]:
    """Calls of `work(i)` per second of CPU time in this process."""
    count = 0
    started = time.process_time()
    while (spent := time.process_time() - started) < seconds:
        work(count)
        count += 1
    return count / spent, count


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--seconds", type=float, default=2.0, help="time per measurement")
    seconds = options.parse_args().seconds

    texts = [variant(SAMPLE, i) for i in range(5000)]
    articles = [parse(t) for t in texts[:200]]
    digests = [build(a) for a in articles]

    def fresh(i: int) -> str:
        _split_sentences.cache_clear()
        return texts[i % len(texts)]

    def baseline(i: int) -> object:
        return [html.escape(block) for block in fresh(i).split("\n\n")]

    def parse_only(i: int) -> object:
        return parse(fresh(i))

    def build_only(i: int) -> object:
        _split_sentences.cache_clear()
        return build(articles[i % len(articles)])

    def render_four(i: int) -> object:
        digest = digests[i % len(digests)]
        return [render_digest(digest, "de", locale) for locale in LOCALES]

    def pipeline(i: int) -> object:
        article = parse(fresh(i))
        digest = build(article)
        return [render_digest(digest, article.language, locale) for locale in LOCALES]

    pages = [page.read_text(encoding="utf-8") for page in PAGES]
    # Once, untimed: the language model and each language's lemma dictionary load on first
    # use, once per process; they are reported apart from the steady rate.
    started = time.process_time()
    for source in [*pages, SAMPLE]:
        build(parse(source))
    warm_up = time.process_time() - started

    print(
        f"digestbot engine benchmark — Python {sys.version.split()[0]}, pid {os.getpid()}, "
        f"{seconds:g} s CPU per figure, one core"
    )
    print(f"{'first use of the models (once)':<34}{warm_up:>12.2f} s")
    base, _ = rate(baseline, seconds)
    print(f"{'baseline (split + escape)':<34}{base:>12,.0f} articles/s")
    results = {}
    for name, work in [
        ("parse", parse_only),
        ("build", build_only),
        ("render ×4 locales", render_four),
        ("whole pipeline (4 locales)", pipeline),
    ]:
        per_second, _ = rate(work, seconds)
        results[name] = per_second
        print(f"{name:<34}{per_second:>12,.0f} articles/s   {1000 / per_second:7.2f} ms each")
    whole = results["whole pipeline (4 locales)"]
    print(f"{'pipeline cost ÷ baseline cost':<34}{base / whole:>12,.1f} ×")
    verdict = "meets" if whole >= 300 else "misses"
    print(f"goal ≥ 300 articles/s per core: {verdict} ({whole:,.0f})")

    def html_pipeline(i: int) -> object:
        page = pages[i % len(pages)].replace("</h1>", f" {i}</h1>", 1)
        article = parse(page, html=True)
        digest = build(article)
        return [render_digest(digest, article.language, locale) for locale in LOCALES]

    per_second, _ = rate(html_pipeline, seconds)
    print(
        f"{'HTML pages, whole pipeline':<34}{per_second:>12,.0f} articles/s   "
        f"{1000 / per_second:7.2f} ms each"
    )

    body = SAMPLE.split("\n\n", 3)[3].replace("Leave a Reply", "")
    big = SAMPLE.split("\n\n")[0] + "\n\n" + (body + "\n\n") * (2_000_000 // len(body))
    tracemalloc.start()
    started = time.perf_counter()
    article = parse(big)
    parsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started = time.perf_counter()
    parse(big)
    untraced = time.perf_counter() - started
    print(
        f"{'2 MB article, parse':<34}{untraced:>12.3f} s      ({len(big):,} characters, "
        f"{len(article.sections):,} sections, {len(article.quotes):,} quotes)"
    )
    print(
        f"{'2 MB article, peak traced memory':<34}{peak / 2**20:>12.1f} MiB   "
        f"(parse under tracemalloc: {parsed:.3f} s)"
    )


if __name__ == "__main__":
    main()
