"""Blind judging of digests against Lead-3, the classic baseline of news summarisation.

`prepare` writes, for pages of a corpus laid out like `../shared/corpus/real-pages/`, one packet
per page: the article's text (bare `trafilatura.extract()`, with the standfirst the page shows
above it when the extraction dropped it) and two digests in shuffled order, labelled A and B:
ours as `digestbot preview PAGE --format text --lang en` prints it, and Lead-3 (the page title
and the first three sentences of that text). The key (which
is which) goes beside the packets' directory (`DIR.key.json`), where judges are not sent.
Judges (people or helper agents) read a packet and write their verdict as JSON next to it;
`tally` reads the verdicts and the key and prints the figures: mean scores, wins, complaints.

    python benchmarks/judging.py prepare --out DIR [--pages 20] [--seed 9] [--skip 0]
    python benchmarks/judging.py tally --out DIR

A verdict file `<packet>.verdict.json` holds
`{"A": {"score": 1-5, "complaints": ["…"]}, "B": {…}, "winner": "A" | "B" | "tie"}`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from digests import ArticleError, build, parse, render_digest  # noqa: E402
from digests.sentences import split_sentences  # noqa: E402
from digests.telegram_html import parse as telegram_text  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real-pages"
# What a judge reads of a long article: all of the corpus's (the longest, a speech, runs to
# 32,000 characters). Cut shorter, a point from beyond the cut was judged "not in the article".
ARTICLE_CHARS = 40000

RUBRIC = """You are a news editor judging two short digests of the same article, A and B, as a
reader would take them in from a phone notification. Read the article, then both digests.

Score each digest from 1 (useless) to 5 (an editor would publish it), considering:
- faithful: it says only what the article says; no page furniture (bylines, time stamps, site
  or section names, "read more", newsletter or subscription lines, photo credits, gallery or
  share controls, comment text);
- main point: a reader gets what the article is about and what matters most;
- informative: it carries the article's key facts, names and figures, not filler;
- readable: whole sentences, no duplicates, no sentence cut off, the right headline.
Then pick the better one (or "tie" if they are truly equal).

Answer with JSON only, in this form:
{"A": {"score": 4, "complaints": ["…"]}, "B": {"score": 3, "complaints": ["…"]},
 "winner": "A"}
Complaints are short phrases naming what is wrong (an empty list if nothing is)."""


def article_text(html: bytes) -> str:
    """The article as the page shows it: `trafilatura.extract()`, and before it the page's
    standfirst (one of its descriptions: `og:description` and the like) when the page shows
    that above its text and the extraction dropped it, as it does on many pages. A judge who
    is not shown it takes a digest line from it for something the article does not say."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = trafilatura.extract(html) or ""
        declared = [trafilatura.extract_metadata(html).description or ""]
    page = trafilatura.load_html(html)  # decoded as the page declares, unlike lxml's guess
    if page is None:
        return text
    declared += page.xpath(
        "//meta[@property='og:description' or @name='twitter:description'"
        " or @name='description']/@content"
    )
    for element in page.xpath("//script | //style | //head | //noscript"):
        element.drop_tree()
    shown, extracted = _plain(page.text_content()), _plain(text)
    for description in declared:
        if len(description.split()) < _STANDFIRST_WORDS:
            continue  # a site's name or slogan, not a standfirst
        if description.rstrip().endswith(("...", "…")):
            continue  # cut off for the metadata: not what the page shows
        opening = _plain(description)[:_OPENING_CHARS]
        if opening in shown and opening not in extracted:
            return f"{' '.join(description.split())}\n{text}"
    return text


# A standfirst runs to 20–40 words; fewer are a title, a site's name or a slogan.
_STANDFIRST_WORDS = 10
# The description's opening, letters and digits only, found in the text: it is the text's own
# first paragraph again, perhaps spaced or punctuated otherwise.
_OPENING_CHARS = 60


def _plain(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def lead3(html: bytes, text: str, language: str) -> str:
    """The page title and the first three sentences of `text`, the article a judge is
    shown."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        title = trafilatura.extract_metadata(html).title or ""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        sentences.extend(split_sentences(paragraph.strip(), language))
        if len(sentences) >= 3:
            break
    return "\n".join([title, " ".join(sentences[:3])]).strip()


def ours(html: bytes) -> tuple[str, str]:
    article = parse(html, html=True)
    return telegram_text(render_digest(build(article), article.language, "en")), article.language


def prepare(corpus: Path, out: Path, count: int, seed: int, skip: int) -> None:
    pages = sorted((corpus / "pages").glob("*.html"))
    random.Random(seed).shuffle(pages)
    pages = pages[skip:]
    out.mkdir(parents=True, exist_ok=True)
    key: dict[str, dict[str, str]] = {}
    chosen = 0
    for page in pages:
        if chosen == count:
            break
        raw = page.read_bytes()
        try:
            digest, language = ours(raw)
        except ArticleError:
            continue  # counted by real_pages.py; a refused page has nothing to judge
        article = article_text(raw)
        baseline = lead3(raw, article, language)
        pair = [("ours", digest), ("lead3", baseline)]
        random.Random(f"{seed}:{page.name}").shuffle(pair)
        name = f"packet-{chosen + 1:02d}"
        key[name] = {"page": page.name, "A": pair[0][0], "B": pair[1][0]}
        (out / f"{name}.txt").write_text(
            f"{RUBRIC}\n\n=== ARTICLE ===\n{article[:ARTICLE_CHARS]}\n\n"
            f"=== DIGEST A ===\n{pair[0][1]}\n\n=== DIGEST B ===\n{pair[1][1]}\n",
            encoding="utf-8",
        )
        chosen += 1
    _key_path(out).write_text(json.dumps(key, indent=2), encoding="utf-8")
    print(f"{chosen} packets in {out}; the key, kept from the judges, is {_key_path(out)}")


def _key_path(out: Path) -> Path:
    """Beside the packets' directory, not in it: judges are shown the directory."""
    return out.parent / f"{out.name}.key.json"


def tally(out: Path) -> None:
    key = json.loads(_key_path(out).read_text(encoding="utf-8"))
    scores: dict[str, list[float]] = {"ours": [], "lead3": []}
    wins: Counter[str] = Counter()
    complaints: dict[str, Counter[str]] = {"ours": Counter(), "lead3": Counter()}
    for name, entry in sorted(key.items()):
        path = out / f"{name}.verdict.json"
        if not path.exists():
            path = out / f"{name}.txt.verdict.json"
        if not path.exists():
            print(f"{name}: no verdict yet")
            continue
        text = path.read_text(encoding="utf-8")
        verdict = json.loads(re.search(r"\{.*\}", text, re.DOTALL).group())  # type: ignore[union-attr]
        for label in ("A", "B"):
            system = entry[label]
            scores[system].append(float(verdict[label]["score"]))
            for complaint in verdict[label].get("complaints", []):
                complaints[system][complaint.strip().lower()] += 1
        winner = verdict.get("winner", "tie")
        wins[entry[winner] if winner in ("A", "B") else "tie"] += 1
        print(
            f"{name} {entry['page'][:48]:<48} ours {verdict[_label_of(entry, 'ours')]['score']}"
            f"  lead3 {verdict[_label_of(entry, 'lead3')]['score']}"
            f"  winner {entry.get(winner, 'tie')}"
        )
    judged = len(scores["ours"])
    print(f"\n{judged} packets judged")
    for system in ("ours", "lead3"):
        if scores[system]:
            print(f"{system:<6} mean score {statistics.mean(scores[system]):.2f} of 5, "
                  f"wins {wins[system]}")
    print(f"ties   {wins['tie']}")
    for system in ("ours", "lead3"):
        print(f"\nmost common complaints about {system}:")
        for complaint, number in complaints[system].most_common(8):
            print(f"  {number} × {complaint}")


def _label_of(entry: dict[str, str], system: str) -> str:
    return "A" if entry["A"] == system else "B"


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("action", choices=("prepare", "tally"))
    options.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options.add_argument("--out", type=Path, required=True)
    options.add_argument("--pages", type=int, default=20)
    options.add_argument("--seed", type=int, default=9)
    options.add_argument(
        "--skip", type=int, default=0, help="leave out the first N pages of the shuffled order"
    )
    arguments = options.parse_args()
    if arguments.action == "prepare":
        if not (arguments.corpus / "pages").is_dir():
            options.error(f"no corpus at {arguments.corpus} (pages/); use --corpus")
        prepare(arguments.corpus, arguments.out, arguments.pages, arguments.seed, arguments.skip)
    else:
        tally(arguments.out)


if __name__ == "__main__":
    main()
