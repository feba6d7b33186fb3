"""Plain text as scrapers leave it → blocks: paragraphs, bullet lists, candidate headings."""

from __future__ import annotations

import re

from digests.blocks import Block, Kind
from digests.cleanup import (
    clean_inline,
    normalize_space,
    repair_markup,
    unglue_sentences,
    without_broken_tags,
)
from digests.furniture import is_footer, is_furniture
from digests.sentences import ends_sentence

_BULLET = re.compile(
    r"^\s*(?:[•●▪◦·►▶✓✔■□*]|(?P<dash>[-–])|(?P<number>\d{1,2})[.)])\s+(?P<text>\S.*)$"
)


def _bullet(line: str) -> tuple[str, str, str] | None:
    """(kind, number, text) of a bullet line: kind is "mark", "dash" or "number"."""
    match = _BULLET.match(line)
    if not match:
        return None
    kind = "dash" if match.group("dash") else "number" if match.group("number") else "mark"
    return kind, match.group("number") or "", match.group("text").strip()


def _is_list(lines: list[str]) -> bool:
    """Dashes and numbers also start dialogue lines and dates: trust them only in runs."""
    marks = [_bullet(line) for line in lines]
    kinds = [m[0] for m in marks if m]
    if not kinds:
        return False
    if "mark" in kinds:
        return True
    if len(kinds) < 2:
        return False
    if kinds[0] == "number":
        numbers = [int(m[1]) for m in marks if m and m[0] == "number"]
        return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    return True


def _paragraphs(lines: list[str]) -> list[str]:
    """Join soft-wrapped lines; break after a line that ends a sentence or stands out short."""
    widest = max(len(line) for line in lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        current.append(line)
        short_title = len(line) < 0.6 * widest and not re.search(r"[.!?…:;,]$", line)
        if ends_sentence(line) or (short_title and len(current) == 1 and len(lines) > 1):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return [unglue_sentences(p) for p in paragraphs]


def _block_of_lines(lines: list[str]) -> list[Block]:
    if _is_list(lines):
        blocks: list[Block] = []
        items: list[str] = []
        prose: list[str] = []
        for line in lines:
            mark = _bullet(line)
            if mark:
                if prose:
                    blocks.extend(Block(Kind.PARAGRAPH, p) for p in _paragraphs(prose))
                    prose = []
                items.append(mark[2])
            elif items:
                items[-1] = f"{items[-1]} {line}"  # a wrapped bullet
            else:
                prose.append(line)
        if prose:
            blocks.extend(Block(Kind.PARAGRAPH, p) for p in _paragraphs(prose))
        blocks.append(Block(Kind.BULLETS, items=items))
        return blocks
    return [Block(Kind.PARAGRAPH, p) for p in _paragraphs(lines)]


def _merge_single_item_lists(blocks: list[Block], raw: list[list[str]]) -> list[Block]:
    """Bullets written one per paragraph ("- a", blank, "- b") are still one list."""
    merged: list[Block] = []
    for block, lines in zip(blocks, raw, strict=True):
        single = len(lines) == 1 and _bullet(lines[0]) is not None
        if single and merged and merged[-1].kind is Kind.BULLETS:
            merged[-1].items.append(_bullet(lines[0])[2])  # type: ignore[index]
            continue
        merged.append(block)
    return merged


def text_blocks(text: str, *, scraped: bool = True) -> list[Block]:
    """Split text into blocks. Scraped text (the default) is first repaired (stray tags,
    broken entities) and loses its furniture lines and everything after a footer line; text
    that a page's markup gave (`scraped=False`) is split only."""
    text = normalize_space(repair_markup(text) if scraped else without_broken_tags(text))
    groups: list[list[str]] = [[]]
    first_line = True
    for raw_line in text.split("\n"):
        line = clean_inline(raw_line) if not _BULLET.match(raw_line) else raw_line.strip()
        if not line:
            if groups[-1]:
                groups.append([])
            continue
        if scraped and is_footer(line):
            break
        if scraped and is_furniture(line, by_shape=not first_line):
            continue
        first_line = False
        groups[-1].append(line)
    groups = [g for g in groups if g]
    blocks: list[Block] = []
    raw: list[list[str]] = []
    for lines in groups:
        made = _block_of_lines(lines)
        blocks.extend(made)
        raw.extend([lines] * len(made))
    # Lone dash lines in a row form a list; a single one stays prose (dialogue, an aside).
    singles = [i for i, lines in enumerate(raw) if len(lines) == 1 and _bullet(lines[0])]
    for i in singles:
        neighbour = (i - 1 in singles) or (i + 1 in singles)
        if neighbour and blocks[i].kind is Kind.PARAGRAPH:
            blocks[i] = Block(Kind.BULLETS, items=[_bullet(raw[i][0])[2]])  # type: ignore[index]
    return _merge_single_item_lists(blocks, raw)
