"""The renderer: valid Telegram HTML, escaped article text, limits kept, pages and quotes."""

from __future__ import annotations

from datetime import date

import pytest

from digests import Article, Quote, Section, build, parse, render_digest, render_more, render_quote
from digests.render import digest_title, more_part_count, pack, render_digest_issue
from digests.telegram_html import MAX_MESSAGE, TelegramHTMLError, visible_length
from digests.telegram_html import parse as telegram_text
from tests.conftest import SAMPLE

LOCALES = ("en", "de", "uk", "ru")


@pytest.fixture(scope="module")
def sample() -> Article:
    return parse(SAMPLE.read_bytes())


def hostile_article() -> Article:
    return Article(
        language="en",
        headline="Bug: <script>alert(1)</script> & <b>bold</b> &lt;tag&gt;",
        sections=(
            Section(None, ("Lead with a < b > c & d. Second sentence here.",)),
            Section("Why <i> matters", ("Therefore the vote on <u>Friday</u> decides.",)),
            Section("Analysis", (), ("One <a href='x'>link</a> & more.", "Two.")),
        ),
        quotes=(Quote("<b>Never</b> trust input & output here", "Dr. <Evil>"),),
    )


@pytest.mark.parametrize("locale", LOCALES)
def test_article_text_is_never_markup(locale: str) -> None:
    article = hostile_article()
    messages = [render_digest(build(article), "en", locale)]
    messages += [
        m
        for part in range(1, more_part_count(article) + 1)
        for m in render_more(article, part, locale)
    ]
    messages.append(render_quote(article, 0, locale))
    visible = "\n".join(telegram_text(m) for m in messages)
    assert "<script>alert(1)</script> & <b>bold</b> &lt;tag&gt;" in visible
    assert "<b>Never</b> trust input & output here" in visible
    assert "Dr. <Evil>" in visible


@pytest.mark.parametrize("locale", LOCALES)
def test_sample_digest_fits_a_notification(sample: Article, locale: str) -> None:
    message = render_digest(build(sample), sample.language, locale)
    assert visible_length(message) <= 700
    assert "Volksabstimmung" in telegram_text(message)


def test_dates_are_localized(sample: Article) -> None:
    on = date(2026, 11, 29)
    assert "November 29, 2026" in telegram_text(render_digest(build(sample), "de", "en", on=on))
    assert "29. November 2026" in telegram_text(render_digest(build(sample), "de", "de", on=on))
    assert "29 листопада 2026" in digest_title("uk", on)


def test_more_pages_of_the_sample(sample: Article) -> None:
    assert more_part_count(sample) == 4
    part1 = telegram_text("\n".join(render_more(sample, 1, "en")))
    assert "Part 1 of 4: Key question" in part1
    assert "Russland will in Kasachstan ein Atomkraftwerk bauen" in part1
    assert "Volksabstimmung" in part1 and "Rosatom" in part1
    part2 = telegram_text("\n".join(render_more(sample, 2, "de")))
    assert "Teil 2 von 4: Analyse" in part2 and "Macron" in part2
    part3 = telegram_text("\n".join(render_more(sample, 3, "uk")))
    assert "Частина 3 з 4: Контекст" in part3 and "Am 8. November" in part3
    last = telegram_text("\n".join(render_more(sample, 4, "ru")))
    assert "Это всё по этой статье." in last


def test_last_page_links_the_source() -> None:
    article = Article(
        "en",
        "Title",
        sections=(Section(None, ("Body text.",)),),
        source_url='https://example.org/a?b=1&c="2"',
        published="2026-11-02",
    )
    (message,) = render_more(article, more_part_count(article), "en")
    assert '<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;">' in message
    assert "Published November 2, 2026" in telegram_text(message)


def test_quotes_in_order_then_the_end(sample: Article) -> None:
    first = telegram_text(render_quote(sample, 0, "en"))
    assert "Quote 1 of 1" in first and "Tokajew" in first and "„Wir werden" in first
    assert "That was the last quote: 1 in all." in telegram_text(render_quote(sample, 1, "en"))
    bare = Article("en", "Title", sections=(Section(None, ("Body.",)),))
    assert "no direct quotes" in telegram_text(render_quote(bare, 0, "en"))


def test_long_article_is_split_between_blocks() -> None:
    paragraphs = tuple(f"Paragraph {i}. " + "Words go on and on here. " * 60 for i in range(30))
    article = Article(
        "en", "Long", sections=(Section(None, ("Lead.",)), Section("Big", paragraphs))
    )
    messages = render_more(article, 1, "en")
    assert len(messages) > 1
    for message in messages:
        assert visible_length(message) <= MAX_MESSAGE
    joined = "\n\n".join(telegram_text(m) for m in messages)
    for paragraph in paragraphs:
        assert paragraph in joined, "a paragraph was cut although it fits in one message"


def test_a_block_longer_than_a_message_is_cut_between_sentences() -> None:
    huge = "A sentence of ten words that goes on and on. " * 300
    messages = pack(["<b>Head</b>", huge])
    assert all(visible_length(m) <= MAX_MESSAGE for m in messages)
    assert all(telegram_text(m).rstrip().endswith(".") for m in messages[1:])


def test_issue_with_several_articles(sample: Article) -> None:
    other = parse(
        "Second story\n\nThe lead of the second story is here.\n\nWhy\n\n"
        "Therefore the vote is on Friday."
    )
    messages = render_digest_issue(
        [(build(sample), "de"), (build(other), "en")], "en", on=date(2026, 1, 5)
    )
    text = telegram_text("\n".join(messages))
    assert "Digest · 2 articles · January 5, 2026" in text
    assert "1. Ein Versuch" in text and "2. Second story" in text


@pytest.mark.parametrize(
    "bad",
    [
        "<p>x</p>",
        "a & b",
        "<b>x",
        "<b>x</i>",
        "&nbsp;",
        '<a href="x" onclick="y">z</a>',
        "x > y",
        "&#0;",
    ],
)
def test_validator_rejects_what_telegram_rejects(bad: str) -> None:
    with pytest.raises(TelegramHTMLError):
        telegram_text(bad)


def test_validator_counts_utf16_units() -> None:
    assert visible_length("<b>😀</b> &amp;") == 4
