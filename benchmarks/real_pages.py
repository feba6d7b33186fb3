"""The engine on real web pages: what it keeps, what it drops, what a reader is shown.

For every page of a corpus laid out like `../shared/corpus/real-pages/` (`pages/*.html` and
`snippets.json`, mapping each file to its `url`, `with` fragments that belong to the article and
`without` fragments of page furniture), through the path an editor's `/ingest` takes
(`digests.parse` on the page's bytes, `build`, `render_digest`), it prints:

- pages refused (an ArticleError for a page that holds an article);
- `with` fragments kept and `without` fragments dropped, ours against bare
  `trafilatura.extract()` on the same page;
- headlines equal to one of the page's own titles (og:title, twitter:title, JSON-LD
  `headline`, an `<h1>`, `<title>`), or to one with its site name or section cut off;
- digests showing page furniture: a `without` fragment, the site name or a byline of the
  page's declared authors as a line, or a line of the shapes furniture takes (checked here with
  patterns of this script's own, not the engine's);
- digest lines cut off with "…";
- languages: ours against the page's `<html lang>`, disagreements listed;
- time per page (parse + build + render in English).

Figures, no verdicts on the build: it asserts nothing.

    python benchmarks/real_pages.py [--corpus DIR] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402
import trafilatura  # noqa: E402

from digests import ArticleError, build, parse, render_digest  # noqa: E402
from digests.telegram_html import parse as telegram_text  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real-pages"
_SPACE = re.compile(r"\s+")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—:·•»-]\s+|\s*[|]\s*")
_LABELS = re.compile(r"^(?:❓ [^:]+:\s*|• |💬 )")

# Shapes of page furniture, in the languages of the corpus; whole digest lines are checked.
FURNITURE = [
    r"(?:by|von|par|por|di|de|autor(?:in)?|author|text|written by|posted by)\s*:?\s+"
    r"[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}(?:\s*[,|/].{0,40})?",
    r"(?:stand|aktualisiert|veröffentlicht|updated|published|posted|publié|mis à jour|créé"
    r"|actualizado|publicado|aggiornato|pubblicato|opublikowano|aktualizacja|data)\b.{0,60}",
    r".{0,40}\b\d{1,2}[:.]\d{2}\s?(?:uhr|h|am|pm|hs)\b.{0,20}",
    r"\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s+\d{1,2}[:.h]\d{2}.*)?",
    r"(?:read more|read also|lesen sie (?:auch|mehr)|mehr zum thema|zum thema|see also|related"
    r"|czytaj (?:też|także|więcej)|lire aussi|leer más|leggi anche)\b.*",
    r".{0,80}\b(?:newsletter|subscribe|abonnieren|abonnez|suscríbete|iscriviti|subskryb"
    r"|sign up|anmelden|log in|einloggen)\b.*",
    r"(?:photo|foto|bild|image|picture|credit|quelle|source|fuente|fonte|źródło)s?\s*[:©].*",
    r".{0,40}(?:getty images|shutterstock|istock|pixabay|dpa|reuters|afp|ap photo)\s*\)?",
    r"\d{1,3}\s*(?:of|von|de|di|z|/)\s*\d{1,3}",
    r"(?:close|schließen|fermer|cerrar|chiudi|zamknij|share|teilen|partager|compartir"
    r"|condividi|udostępnij|tweet|print|drucken|e-?mail)[.!]?",
    r".{0,60}(?:cookies?|datenschutz|privacy policy|all rights reserved|alle rechte)\b.*",
    r".{0,40}(?:our standards|trust principles|editorial standards|redaktionelle richtlinien).*",
    r"(?:advertisement|anzeige|werbung|reklama|publicité|publicidad|pubblicità)[.:]?",
    r"(?:comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze?)\b.{0,30}",
    r".{0,80}(?:https?://|www\.|@\w+\.\w+|\+?\d[\d ()/-]{8,}\d).*",
    r"(?:tags?|schlagworte|themen|mots-clés|etiquetas|tag)\s*:.*",
]
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in FURNITURE), re.IGNORECASE)


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def comparable(text: str) -> str:
    """Text for matching titles: case-folded letters and digits only."""
    return re.sub(r"[\W_]+", "", text.casefold())


@dataclass
class PageFacts:
    """What the page itself declares, read here independently of the engine."""

    titles: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    declared_language: str | None = None


def _json_ld_objects(page: lxml.html.HtmlElement) -> list[dict]:
    found: list[dict] = []
    for script in page.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content().strip() or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return found


_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.IGNORECASE)


def page_facts(html: bytes) -> PageFacts:
    facts = PageFacts()
    declared = _META_CHARSET.search(html[:20000])
    try:
        text = html.decode("utf-8")
    except UnicodeDecodeError:
        text = html.decode(declared.group(1).decode() if declared else "cp1252", "replace")
    page = trafilatura.load_html(text)
    if page is None:
        return facts
    lang = page.get("lang") or page.get("xml:lang")
    facts.declared_language = lang.replace("_", "-").split("-")[0].lower() if lang else None
    for path in (
        "//meta[@property='og:title']/@content",
        "//meta[@name='twitter:title']/@content",
        "//title",
    ):
        for found in page.xpath(path):
            text = squash(found if isinstance(found, str) else found.text_content())
            if text:
                facts.titles.append(text)
    for path in ("//meta[@property='og:site_name']/@content",):
        facts.site_names += [squash(s) for s in page.xpath(path) if s.strip()]
    for path in ("//meta[@name='author']/@content", "//meta[@property='article:author']/@content"):
        facts.authors += [squash(s) for s in page.xpath(path) if s.strip() and "http" not in s]
    for item in _json_ld_objects(page):
        if isinstance(item.get("headline"), str):
            facts.titles.append(squash(item["headline"]))
        author = item.get("author")
        for person in author if isinstance(author, list) else [author]:
            if isinstance(person, dict) and isinstance(person.get("name"), str):
                facts.authors.append(squash(person["name"]))
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            facts.site_names.append(squash(publisher["name"]))
    # An <h1> is the article's own title when it agrees with a declared one (pages also put
    # their logo, a section name or "Navigation" in an <h1>); without any, every <h1> counts.
    declared = [comparable(t) for t in facts.titles]
    for h1 in page.xpath("//h1"):
        text = squash(h1.text_content())
        key = comparable(text)
        if text and (
            not declared or any(len(key) >= 10 and (key in d or d in key) for d in declared)
        ):
            facts.titles.append(text)
    return facts


def is_own_title(headline: str, facts: PageFacts) -> bool:
    """Equal to a title the page declares, or to one with a site or section part cut off."""
    ours = comparable(headline)
    if not ours or any(ours == comparable(site) for site in facts.site_names):
        return False
    for title in facts.titles:
        if ours == comparable(title):
            return True
        parts = [p for p in _TITLE_SEPARATORS.split(title) if p.strip()]
        for start in range(len(parts)):
            for end in range(start + 1, len(parts) + 1):
                if (end - start) < len(parts) and ours == comparable(" ".join(parts[start:end])):
                    return True
    return False


def furniture_lines(lines: list[str], facts: PageFacts, without: list[str]) -> list[str]:
    found = []
    sites = {comparable(s) for s in facts.site_names if s}
    authors = [a for a in facts.authors if len(a) > 3]
    for line in lines:
        bare = _LABELS.sub("", line).strip()
        if not bare:
            continue
        byline = any(author in bare for author in authors) and len(bare.split()) <= 8
        # A fragment of one or two words ("Liam Gavrielides", a caption's name) may also be in
        # the article's own sentences; it is furniture only as the whole line.
        fragment = any(
            f in bare if len(f.split()) >= 3 else comparable(f) == comparable(bare)
            for f in without
        )
        if _FURNITURE.fullmatch(bare) or comparable(bare) in sites or byline or fragment:
            found.append(line)
    return found


@dataclass
class PageResult:
    name: str
    refused: str | None = None
    kept: int = 0
    dropped: int = 0
    kept_bare: int = 0
    dropped_bare: int = 0
    with_count: int = 0
    without_count: int = 0
    own_headline: bool = False
    headline: str = ""
    furniture: list[str] = field(default_factory=list)
    cut: list[str] = field(default_factory=list)
    language: str = ""
    declared: str | None = None
    seconds: float = 0.0
    digest: str = ""


def article_text(article) -> str:
    """The article's text as the engine gives it: headline, teaser and sections. The photo
    caption and its credit are a field of their own, never shown in a digest, so they are
    not counted (a page's `without` fragments often are its photo credits)."""
    pieces = [article.headline, article.teaser or ""]
    for section in article.sections:
        pieces += [section.heading or "", *section.paragraphs, *section.bullets]
    return squash(" ".join(pieces))


def measure(path: Path, snippets: dict) -> PageResult:
    raw = path.read_bytes()
    result = PageResult(path.name)
    wanted, unwanted = snippets.get("with", []), snippets.get("without", [])
    result.with_count, result.without_count = len(wanted), len(unwanted)
    facts = page_facts(raw)
    result.declared = facts.declared_language
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bare = squash(trafilatura.extract(raw) or "")
    result.kept_bare = sum(squash(f) in bare for f in wanted)
    result.dropped_bare = sum(squash(f) not in bare for f in unwanted)
    started = time.process_time()
    try:
        article = parse(raw, html=True, source_url=snippets.get("url"))
        digest = build(article)
        message = render_digest(digest, article.language, "en")
    except ArticleError as error:
        result.seconds = time.process_time() - started
        result.refused = str(error)
        return result
    result.seconds = time.process_time() - started
    text = article_text(article)
    result.kept = sum(squash(f) in text for f in wanted)
    result.dropped = sum(squash(f) not in text for f in unwanted)
    result.headline = article.headline
    result.own_headline = is_own_title(article.headline, facts)
    shown = telegram_text(message)
    result.digest = shown
    lines = [line for line in shown.split("\n") if line.strip()]
    result.furniture = furniture_lines(lines, facts, [squash(f) for f in unwanted])
    result.cut = [line for line in lines if line.rstrip().endswith(("…", "..."))]
    result.language = article.language
    return result


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options.add_argument("--show", action="store_true", help="print every digest and problem")
    arguments = options.parse_args()
    if not (arguments.corpus / "snippets.json").is_file():
        options.error(f"no corpus at {arguments.corpus} (pages/ and snippets.json); use --corpus")
    snippets = json.loads((arguments.corpus / "snippets.json").read_text(encoding="utf-8"))
    pages = sorted((arguments.corpus / "pages").glob("*.html"))
    results = [measure(page, snippets.get(page.name, {})) for page in pages]
    # Time from a second round: the first paid for loading each language's data (once per
    # process: the language model, each lemma dictionary), which a running bot pays once.
    first_round = [r.seconds for r in results]
    for result, page in zip(results, pages, strict=True):
        result.seconds = measure(page, snippets.get(page.name, {})).seconds

    if arguments.show:
        for r in results:
            print(f"===== {r.name} [{r.language}] {r.seconds * 1000:.0f} ms")
            print(r.refused or r.digest)
            for label, items in (("FURNITURE", r.furniture), ("CUT", r.cut)):
                for item in items:
                    print(f"  {label}: {item}")
            if not r.refused and not r.own_headline:
                print(f"  HEADLINE NOT THE PAGE'S OWN: {r.headline}")
        print()

    accepted = [r for r in results if not r.refused]
    total_with = sum(r.with_count for r in results)
    total_without = sum(r.without_count for r in results)
    print(f"digestbot on real pages — {len(results)} pages from {arguments.corpus}")
    print(f"{'pages refused':<52}{len(results) - len(accepted):>6}")
    for r in results:
        if r.refused:
            print(f"  {r.name}: {r.refused}")
    ours_kept = sum(r.kept for r in results)
    ours_dropped = sum(r.dropped for r in results)
    bare_kept = sum(r.kept_bare for r in results)
    bare_dropped = sum(r.dropped_bare for r in results)
    print(
        f"{'article fragments kept, ours / bare trafilatura':<52}"
        f"{ours_kept:>6} / {bare_kept} of {total_with}"
    )
    print(
        f"{'furniture fragments dropped, ours / bare trafilatura':<52}"
        f"{ours_dropped:>6} / {bare_dropped} of {total_without}"
    )
    print(f"{'headline is the page’s own title':<52}{sum(r.own_headline for r in accepted):>6}"
          f" of {len(accepted)}")
    for r in accepted:
        if not r.own_headline:
            print(f"  {r.name}: {r.headline!r}")
    with_furniture = [r for r in accepted if r.furniture]
    print(f"{'digests showing furniture':<52}{len(with_furniture):>6} of {len(accepted)}")
    for r in with_furniture:
        for line in r.furniture:
            print(f"  {r.name}: {line!r}")
    lines = sum(len([x for x in r.digest.split("\n") if x.strip()]) for r in accepted)
    cut = sum(len(r.cut) for r in accepted)
    print(f"{'digest lines cut off with …':<52}{cut:>6} of {lines}")
    declared = [r for r in accepted if r.declared]
    agree = [r for r in declared if r.language == r.declared]
    print(f"{'language agrees with <html lang>':<52}{len(agree):>6} of {len(declared)}"
          f" (undetermined: {sum(r.language == 'und' for r in accepted)})")
    for r in declared:
        if r.language != r.declared:
            print(f"  {r.name}: ours {r.language}, page says {r.declared}")
    for r in accepted:
        if not r.declared:
            print(f"  {r.name}: ours {r.language}, page declares none")
    times = [r.seconds * 1000 for r in results]
    print(
        f"{'time per page (ms CPU): mean / median / max':<52}"
        f"{statistics.mean(times):>6.1f} / {statistics.median(times):.1f} / {max(times):.1f}"
    )
    print(f"{'pages per second of CPU':<52}{1000 / statistics.mean(times):>6.1f}")
    print(
        f"{'first round, with loading (ms): mean / max':<52}"
        f"{statistics.mean(first_round) * 1000:>6.1f} / {max(first_round) * 1000:.1f}"
    )


if __name__ == "__main__":
    main()
