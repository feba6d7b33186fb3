"""Digests against reference digests an editor chose: a quick, repeatable measure of content.

Blind judging (`judging.py`) is the measure that counts, but it takes judges and varies from
round to round. This one takes seconds and gives the same figures every time, so a change to
the engine can be tried on the whole corpus before it goes to judges. For every page with a
reference (`reference_digests.json`: page → the lead and the 2–4 key points an editor copied
from the article, under 600 characters, chosen from the article text alone), it compares the
reference with our digest and with Lead-3 (the page title and its first three sentences):

- content words (lemmas, function words left out) of the reference found in the digest
  (recall), of the digest found in the reference (precision), and their harmonic mean (F);
- reference sentences the digest shows (a line sharing at least half their content words).

    python benchmarks/references.py score [--corpus DIR] [--references FILE] [--pages]
    python benchmarks/references.py prepare --out DIR [--corpus DIR]   # tasks for editors
    python benchmarks/references.py collect --out DIR [--references FILE]

`prepare` writes one task per page (the instructions and the article, as judges see it);
an editor writes the answer as JSON beside it (`<task>.answer.json`), and `collect` gathers
the answers into a references file. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from judging import ARTICLE_CHARS, DEFAULT_CORPUS, article_text, lead3, ours  # noqa: E402

from digests import ArticleError  # noqa: E402
from digests.lemmas import topic_words  # noqa: E402
from digests.sentences import split_sentences  # noqa: E402

DEFAULT_REFERENCES = ROOT / "benchmarks" / "reference_digests.json"
# A digest line shows a reference sentence when it has half its content words: the same
# sentence, or its main clause.
_SHOWN = 0.5
TASK = """\
You are a senior news editor. Below is an article as a web page shows it. A reader will see a
short digest of it in a phone notification: the headline, then the news in one or two sentences
(the lead), then 2 to 4 key points. Choose the best digest you can make by COPYING SENTENCES
VERBATIM from the article (whole sentences, unchanged): a lead that tells the news, and key
points that carry the article's most important facts, names and figures, each understandable on
its own (no dangling "he", "the hospital", "this"), no filler, none repeating another.
Everything together (lead and points, not the headline) must stay under 600 characters. If the
article is too thin for key points, give fewer.

Answer with JSON only: {"headline": "…", "lead": ["sentence", …], "points": ["sentence", …]}"""
_LABELS = re.compile(r"^(?:• |❓ [^:]*: |Key points$)")


@dataclass
class Overlap:
    recall: float
    precision: float
    shown: int  # reference sentences the digest shows

    @property
    def f(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


def overlap(reference: list[str], lines: list[str], language: str) -> Overlap:
    """How much of the reference the digest's `lines` carry, and how much of them it holds."""
    wanted = [topic_words(sentence, language) for sentence in reference]
    given = [topic_words(line, language) for line in lines]
    expected = frozenset().union(*wanted)
    offered = frozenset().union(*given)
    common = len(expected & offered)
    shown = sum(
        any(len(words & line) >= _SHOWN * len(words | line) for line in given)
        for words in wanted
        if words
    )
    return Overlap(
        common / len(expected) if expected else 0.0,
        common / len(offered) if offered else 0.0,
        shown,
    )


def digest_lines(text: str) -> list[str]:
    """The lines a digest shows below its headline, without labels and the quote."""
    lines = []
    for line in text.split("\n")[1:]:
        line = line.strip()
        if not line or line.startswith("💬"):
            continue
        line = _LABELS.sub("", line).strip()
        if line:
            lines.append(line)
    return lines


def score(corpus: Path, references: Path, per_page: bool) -> None:
    chosen = json.loads(references.read_text(encoding="utf-8"))
    results: dict[str, list[Overlap]] = {"ours": [], "lead3": []}
    total_sentences = 0
    for name, reference in sorted(chosen.items()):
        page = corpus / "pages" / name
        sentences = reference["lead"] + reference["points"]
        if not page.exists() or not sentences:
            continue
        raw = page.read_bytes()
        try:
            digest, language = ours(raw)
        except ArticleError:
            digest, language = "", "und"
        baseline = lead3(raw, article_text(raw), language)
        body = baseline.partition("\n")[2]
        ours_overlap = overlap(sentences, digest_lines(digest), language)
        lead3_overlap = overlap(sentences, split_sentences(body, language), language)
        results["ours"].append(ours_overlap)
        results["lead3"].append(lead3_overlap)
        total_sentences += len(sentences)
        if per_page:
            print(f"{ours_overlap.f:5.2f} {lead3_overlap.f:5.2f}  {name[:60]}")
    pages = len(results["ours"])
    print(f"digests against editors' references — {pages} pages, {total_sentences} sentences")
    print(f"{'':<8}{'recall':>8}{'precision':>11}{'F':>7}{'sentences shown':>18}")
    for system, found in results.items():
        if not found:
            continue
        recall = statistics.mean(o.recall for o in found)
        precision = statistics.mean(o.precision for o in found)
        f = statistics.mean(o.f for o in found)
        shown = sum(o.shown for o in found)
        print(
            f"{system:<8}{recall:>8.3f}{precision:>11.3f}{f:>7.3f}"
            f"{shown:>11} of {total_sentences}"
        )


def prepare(corpus: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted((corpus / "pages").glob("*.html"))
    for number, page in enumerate(pages, start=1):
        text = article_text(page.read_bytes())[:ARTICLE_CHARS]
        task = out / f"task-{number:03d}.txt"
        task.write_text(f"{TASK}\n\n=== ARTICLE ===\n{text}\n", encoding="utf-8")
    names = {f"task-{n:03d}.txt": page.name for n, page in enumerate(pages, start=1)}
    (out.parent / f"{out.name}.pages.json").write_text(json.dumps(names, indent=1))
    print(f"{len(pages)} tasks in {out}; answers go beside them as <task>.answer.json")


def collect(out: Path, references: Path) -> None:
    names = json.loads((out.parent / f"{out.name}.pages.json").read_text())
    gathered = {}
    for task, page in sorted(names.items(), key=lambda item: item[1]):
        answer = out / f"{task}.answer.json"
        if not answer.exists():
            continue
        found = re.search(r"\{.*\}", answer.read_text(encoding="utf-8"), re.DOTALL)
        if found is None:
            continue
        chosen = json.loads(found.group())
        gathered[page] = {"lead": chosen.get("lead", []), "points": chosen.get("points", [])}
    text = json.dumps(gathered, indent=1, ensure_ascii=False) + "\n"
    references.write_text(text, encoding="utf-8")
    print(f"{len(gathered)} references in {references}")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("action", choices=("score", "prepare", "collect"))
    options.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options.add_argument("--references", type=Path, default=DEFAULT_REFERENCES)
    options.add_argument("--out", type=Path)
    options.add_argument("--pages", action="store_true", help="print each page's F")
    arguments = options.parse_args()
    warnings.simplefilter("ignore")  # trafilatura's notes on odd markup, not ours
    if arguments.action == "score":
        score(arguments.corpus, arguments.references, arguments.pages)
    elif arguments.out is None:
        options.error("--out is required")
    elif arguments.action == "prepare":
        prepare(arguments.corpus, arguments.out)
    else:
        collect(arguments.out, arguments.references)


if __name__ == "__main__":
    main()
