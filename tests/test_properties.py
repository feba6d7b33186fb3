"""Property tests: the engine never crashes on junk, and everything it renders is valid Telegram HTML.

Strategies:
- arbitrary text and bytes (wide alphabet: Cyrillic, umlauts, quotation marks, bullets, markup
  characters, control characters) must either parse or raise `ArticleError`;
- article-like text (headline, paragraphs, headings, bullet lists, quotes) with injected scraper
  faults must parse, build and render into messages Telegram accepts and that fit its limits;
- article text that looks like markup must reach the reader as text.
"""

from __future__ import annotations

import codecs
import datetime
import html
from datetime import date

import pytest
from hypothesis import HealthCheck, event, example, given, note, settings
from hypothesis import strategies as st

import digests
from digests import Article, ArticleError, Quote, Section
from digests.clauses import fit_sentence
from digests.render import more_part_count
from digests.sentences import split_sentences
from digests.telegram_html import TelegramHTMLError, visible_length
from digests.telegram_html import parse as telegram_text

LOCALES = ("en", "de", "uk", "ru")
MAX_MESSAGE = 4096
DIGEST_BUDGET = 700
RAW_FAULTS = ("&quot ;", "< p>")

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(SETTINGS, max_examples=100)

# ---------------------------------------------------------------------------------------------
# Arbitrary text
# ---------------------------------------------------------------------------------------------

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯіїєґІЇЄҐ"
GERMAN = "äöüßÄÖÜẞ"
QUOTES = "„“”«»\"'‚‘’‹›"
BULLETS = "•-–—*·▪►"
MARKUP = "<>&;#/=!"
CONTROL = "\n\n\n\r\t\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\u00a0\u00ad\u200b\u2028\ufeff"
PUNCTUATION = " .,:!?…()[]"
ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
SPECIAL_CHARS = CYRILLIC + GERMAN + QUOTES + BULLETS + MARKUP + CONTROL + PUNCTUATION + ASCII

# Any character text can hold once decoded; lone surrogates cannot come out of bytes or JSON.
wide_char = st.one_of(st.sampled_from(SPECIAL_CHARS), st.characters(codec="utf-8"))
wide_text = st.text(alphabet=wide_char, max_size=400)

# Fragments that steer arbitrary text into the parser's interesting branches.
FRAGMENTS = (
    "&quot ;",
    "&amp ;",
    "&amp;quot;",
    "&#8222;",
    "&#x201C;",
    "&#0;",
    "&#99999999;",
    "&nbsp;",
    "&lt;script&gt;",
    "<p>",
    "</p>",
    "< p>",
    "</p >",
    "<br/>",
    "<b>",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "<html>",
    "<body>",
    "<!doctype html>",
    "<h1>",
    "</h1>",
    "<div class='x'>",
    "\n\n",
    "\n",
    "• ",
    "- ",
    "– ",
    "* ",
    "1. ",
    "2) ",
    "Leave a Reply",
    "Read also: x",
    "Lesen Sie auch: y",
    "Share this article",
    "Поділитися",
    "Photo: AP",
    "/Фото Reuters",
    "„Das ist ein Zitat mit Wörtern“, sagte Anna Beispiel.",
    '"This is a quote with words," she said.',
    "«Це цитата з кількох слів», — заявив Петро.",
    "Dr. ",
    "z. B. ",
    "U.S. ",
    "т. д. ",
    "Am 8. November ",
    "…",
)

junk_text = st.one_of(
    wide_text,
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), wide_text), max_size=25).map("".join),
)


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


junk_bytes = st.one_of(
    st.binary(max_size=600),
    st.builds(
        _encoded,
        junk_text,
        st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "koi8-r", "cp1251"]),
    ),
    st.builds(
        lambda prefix, body: prefix + body,
        st.sampled_from(
            [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\x89PNG", b"%PDF"]
        ),
        st.binary(max_size=300),
    ),
)


def _messages_of(article: Article, locales: tuple[str, ...] = LOCALES) -> list[tuple[str, str]]:
    """Every message the engine can send about `article`: (what, message) pairs."""
    digest = digests.build(article)
    messages: list[tuple[str, str]] = []
    for locale in locales:
        messages.append(("digest", digests.render_digest(digest, article.language, locale)))
        for part in range(1, more_part_count(article) + 1):
            messages.extend(("more", m) for m in digests.render_more(article, part, locale))
        for index in range(len(article.quotes) + 1):
            messages.append(("quote", digests.render_quote(article, index, locale)))
    return messages


def _check_messages(messages: list[tuple[str, str]]) -> None:
    assert messages
    for kind, message in messages:
        note(f"{kind}: {message!r}")
        try:
            visible = telegram_text(message)
        except TelegramHTMLError as error:
            raise AssertionError(
                f"invalid Telegram HTML ({error}) in {kind}: {message!r}"
            ) from None
        length = visible_length(message)
        assert length <= MAX_MESSAGE, (kind, length)
        if kind == "digest":
            assert length <= DIGEST_BUDGET, (kind, length)
        for fault in RAW_FAULTS:
            assert fault not in message, (kind, fault)
            assert fault not in visible, (kind, fault)


@SETTINGS
@given(junk_text)
def test_parse_arbitrary_text_raises_only_article_error(text: str) -> None:
    try:
        digests.parse(text)
    except ArticleError as error:
        assert str(error)


@SETTINGS
@given(junk_bytes)
def test_parse_arbitrary_bytes_raises_only_article_error(data: bytes) -> None:
    try:
        digests.parse(data)
    except ArticleError as error:
        assert str(error)


@FEW
@given(junk_text)
def test_parse_arbitrary_text_as_html_raises_only_article_error(text: str) -> None:
    try:
        digests.parse(text, html=True)
    except ArticleError as error:
        assert str(error)


@FEW
@given(junk_text)
# A broken tag in a page's text ("< p>", a space after its "<") is no word of the article.
@example(text="<H1>0</H1>0 0 0 < p>")
def test_whatever_parses_from_junk_renders_valid_messages(text: str) -> None:
    try:
        article = digests.parse(text)
    except ArticleError:
        event("ArticleError")
        return
    event("parsed")
    _check_messages(_messages_of(article, ("en",)))


# ---------------------------------------------------------------------------------------------
# Article-like text with scraper faults
# ---------------------------------------------------------------------------------------------

WORDS = {
    "de": (
        "die der das und ist nicht mit den für von auf auch wird Regierung Wasser Bauern Brunnen "
        "Grundwasser Ministerin Landkreis Müller Größe Straße Überschwemmung begrenzen möchte "
        "Pegel sinken Jahren deutlich Felder Kartoffeln Zuckerrüben z. B. u. a. Dr. Nr. ca. "
        "8. März 1.200 Liter"
    ).split(" "),
    "en": (
        "the and of to is in that it was for on are with as said bridge council city repair "
        "replacement Riverton engineers closed traffic budget Mr. Dr. U.S. e.g. Feb. million "
        "dollars 7 p.m. mayor"
    ).split(" "),
    "uk": (
        "і та що на не як це від до уряд школи громади підземні класи гроші міністр освіти "
        "учні вчителі ім. т. д. р. тис. грн обласна рада Ґалаґан їхні є"
    ).split(" "),
    "ru": (
        "и что на не как это от до застройщик парк город деревья жители вырубка мэр т. е. "
        "г. т. д. тыс. руб. роща Северогорск площадь суд ещё"
    ).split(" "),
}
NAMES = {
    "de": ("Anna Beispiel", "Jens Albers", "Dr. Miriam Sander"),
    "en": ("John Whitfield", "Dr. Lucia Ortega", "Priya Raman"),
    "uk": ("Остап Ґалаґан", "Євген Сірко", "Ірина Коваль"),
    "ru": ("Игорь Васильев", "Анна Лебедева", "Пётр Мельников"),
}
QUOTE_FORMS = {
    "de": ("„{q}“, sagte {n}.", "{n} erklärte: „{q}.“", "»{q}«, betonte {n}.", "„{q}“, sagte sie."),
    "en": ('"{q}," said {n}.', '"{q}," {n} said.', '{n} said: "{q}."', '"{q}," she said.'),
    "uk": ("«{q}», — заявив {n}.", "{n} наголосив: «{q}.»", "«{q}», — зазначив міністр."),
    "ru": ("«{q}», — сказал {n}.", "«{q}» — отметила {n}.", "«{q}», — заявил глава города."),
}
HEADINGS = {
    "de": ("Was jetzt passiert", "Die Folgen für die Bauern", "Wer zahlt?"),
    "en": ("What happens next", "The cost of repair", "Who pays?"),
    "uk": ("Що далі", "Гроші для шкіл", "Хто платить?"),
    "ru": ("Что дальше", "Судьба парка", "Кто заплатит?"),
}
# Scraper faults injected between words of a paragraph.
INLINE_FAULTS = ("&quot ;", "< p>", "</p >", "<br/>", "&amp ;", "&nbsp;", "&amp;quot;", "&#8222;")
# Page furniture injected as lines of their own.
LINE_FAULTS = (
    "Read also: x",
    "Lesen Sie auch: Wasser wird knapp",
    "Читайте також: школи",
    "Share this article",
    "Поделиться",
    "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.",
    "< p>",
    "</p >",
)
EXTRA_CHARS = ("🚜", "𝔸", "&", "<", ">", "&lt;", "<b>", "ß", "ё")


@st.composite
def sentences(draw: st.DrawFn, language: str, max_words: int = 25) -> str:
    words = draw(st.lists(st.sampled_from(WORDS[language]), min_size=3, max_size=max_words))
    if draw(st.booleans()) and draw(st.booleans()):
        at = draw(st.integers(0, len(words)))
        words.insert(at, draw(st.sampled_from(EXTRA_CHARS)))
    text = " ".join(words)
    ending = draw(st.sampled_from([".", ".", ".", "!", "?", "…"]))
    return text[:1].upper() + text[1:] + ending


@st.composite
def quote_sentences(draw: st.DrawFn, language: str) -> str:
    said = draw(sentences(language, max_words=12)).rstrip(".!?…")
    form = draw(st.sampled_from(QUOTE_FORMS[language]))
    return form.format(q=said, n=draw(st.sampled_from(NAMES[language])))


@st.composite
def paragraphs(draw: st.DrawFn, language: str, faults: bool = True) -> str:
    parts = draw(
        st.lists(
            st.one_of(sentences(language), quote_sentences(language)),
            min_size=1,
            max_size=5,
        )
    )
    text = " ".join(parts)
    if draw(st.integers(0, 9)) == 0:  # now and then a paragraph too long for one message
        text = " ".join([text] * draw(st.integers(8, 30)))
    words = text.split(" ")
    for _ in range(draw(st.integers(0, 3 if faults else 0))):
        # Between two words: a fault at the very end would make a paragraph look cut off.
        at = draw(st.integers(1, len(words) - 1))
        words.insert(at, draw(st.sampled_from(INLINE_FAULTS)))
    return " ".join(words)


@st.composite
def bullet_lists(draw: st.DrawFn, language: str) -> str:
    mark = draw(st.sampled_from(["•", "  •", "-", "–", "*", "number"]))
    items = draw(st.lists(sentences(language, max_words=15), min_size=2, max_size=6))
    if mark == "number":
        return "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))
    return "\n".join(f"{mark} {item}" for item in items)


@st.composite
def articles(draw: st.DrawFn) -> str:
    language = draw(st.sampled_from(sorted(WORDS)))
    headline = draw(sentences(language, max_words=14)).rstrip(".!?…")
    blocks = [headline, draw(paragraphs(language))]
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "heading", "bullets", "fault"]))
        if kind == "paragraph":
            blocks.append(draw(paragraphs(language)))
        elif kind == "heading":
            blocks.append(draw(st.sampled_from(HEADINGS[language])))
            blocks.append(draw(paragraphs(language)))
        elif kind == "bullets":
            blocks.append(draw(bullet_lists(language)))
        else:
            blocks.append(draw(st.sampled_from(LINE_FAULTS)))
    if draw(st.booleans()):
        blocks.append("Leave a Reply")  # a footer: it and everything after it go
        blocks.append(draw(paragraphs(language)))
    separator = draw(st.sampled_from(["\n\n", "\n\n", "\r\n\r\n", "\n \n", "\n\n\n"]))
    return separator.join(blocks)


@SETTINGS
@given(articles(), st.none() | st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_article_like_text_renders_valid_telegram_html(text: str, on: date | None) -> None:
    note(text)
    article = digests.parse(text)
    digest = digests.build(article)
    messages = _messages_of(article)
    for locale in LOCALES:
        messages.append(("digest", digests.render_digest(digest, article.language, locale, on=on)))
        issue = digests.render_digest_issue([(digest, article.language)] * 3, locale, on=on)
        messages.extend(("issue", m) for m in issue)
    _check_messages(messages)


@FEW
@given(articles())
def test_article_like_bytes_render_valid_telegram_html(text: str) -> None:
    article = digests.parse(text.encode("utf-8"))
    _check_messages(_messages_of(article, ("de",)))


# Telegram counts UTF-16 code units: a headline, heading and summary within their character
# limits can still overrun the digest budget when they are written in astral-plane characters.
ASTRAL_ARTICLE = "\n\n".join(
    [
        " ".join(["🚜🚜🚜🚜"] * 50)[:249],
        "Die Regierung will das Wasser für die Bauern begrenzen und das ist nicht einfach.",
        "Was jetzt passiert mit den Brunnen und Feldern im Landkreis " + "🚜" * 17,
        "Daher " + "wird die Regierung das Wasser 🚜🚜 für die Bauern begrenzen " * 6 + ".",
        "Die Folgen",
        "- eins ist gut\n- zwei ist gut\n- drei",
    ]
)


@settings(SETTINGS, max_examples=50)
@example(text=ASTRAL_ARTICLE)
@given(articles())
def test_article_like_text_digest_fits_the_budget_in_utf16(text: str) -> None:
    article = digests.parse(text)
    digest = digests.build(article)
    for locale in LOCALES:
        message = digests.render_digest(digest, article.language, locale)
        assert visible_length(message) <= DIGEST_BUDGET, (locale, message)


def _digest_lines(digest: digests.Digest, language: str) -> list[str]:
    # The lead's sentences one by one: a scene and the news that leans on it lead together,
    # though other sentences of the scene's paragraph stand between them.
    lines = [*split_sentences(digest.gist or "", language), *digest.bullets]
    if digest.key_question:
        lines += [digest.key_question.heading or "", digest.key_question.summary]
    return [line for line in lines if line]


@SETTINGS
@given(articles(), st.sampled_from(LOCALES), st.none() | st.dates(date(2000, 1, 1)))
# A scene that is not its paragraph's first sentence does not lead with the news the next
# paragraph opens on: "Что и и и и! И и и и застройщик." skipped "И и и." between them.
@example(
    text="Застройщик парк город\n\n«И и и», — сказал Игорь Васильев. Что и и и и! И и и.\n\n"
    "И и и и застройщик.",
    locale="en",
    on=None,
)
# A stray straight quotation mark (a broken "&quot ;") paired every later mark the wrong way
# round, so that "The the the…" stood inside a quotation and did not end a sentence.
@example(
    text='The the the\n\nThe &quot ; the the… John Whitfield said: "The the the." '
    + 'The the the… John Whitfield said: "The the the." ' * 7,
    locale="en",
    on=None,
)
# A broken tag inside a quotation ends its line: the next line opens on the quotation's
# closing mark, which opens nothing ("the the." The the the… John …").
@example(
    text='The the the\n\nThe the the… John Whitfield said: "The < p> the the." '
    + 'The the the… John Whitfield said: "The the the." ' * 7,
    locale="en",
    on=None,
)
def test_no_digest_line_is_cut_off(text: str, locale: str, on: date | None) -> None:
    """Whatever the article, every line a digest shows is a whole sentence or main clause
    of the article's own: none ends in an ellipsis, and every one is in the article."""
    article = digests.parse(text)
    digest = digests.build(article)
    body = " ".join(p for s in article.sections for p in (*s.paragraphs, *s.bullets))
    headings = [s.heading for s in article.sections if s.heading]
    for line in _digest_lines(digest, article.language):
        assert not line.rstrip(" \"”“»«’)").endswith(("…", "...")), line
        assert line in body or line[:-1] in body or line in headings, line
    shown = telegram_text(digests.render_digest(digest, article.language, locale, on=on))
    assert visible_length(digests.render_digest(digest, article.language, locale, on=on)) <= 700
    for line in shown.split("\n"):
        if line.strip() in (digest.headline, ""):
            continue  # the article's own title, as the page wrote it
        assert not line.rstrip(" \"”“»«’)").endswith(("…", "...")), (line, shown)


# ---------------------------------------------------------------------------------------------
# HTML pages
# ---------------------------------------------------------------------------------------------


def _escaped(text: str) -> str:
    return html.escape(text, quote=False)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    language = draw(st.sampled_from(sorted(WORDS)))
    headline = draw(sentences(language, max_words=14)).rstrip(".!?…")
    if draw(st.integers(0, 4)) == 0:  # some sites' headlines run long
        headline = " ".join([headline] * draw(st.integers(2, 8)))
    published = draw(st.none() | st.dates(date(1990, 1, 1), date(2099, 12, 31)).map(str))
    head = f"<title>{_escaped(headline)} | Harbor Ledger</title>"
    if published:
        head += f'<meta property="article:published_time" content="{published}T08:00:00Z">'
    body = [f"<h1>{_escaped(headline)}</h1>"]
    if draw(st.booleans()):
        body.append(f'<p class="standfirst">{_escaped(draw(sentences(language)))}</p>')
    if draw(st.booleans()):
        caption = draw(sentences(language, max_words=10))
        body.append(
            f"<figure><img src='a.jpg'><figcaption>{_escaped(caption)} Photo: AP"
            "</figcaption></figure>"
        )
    for _ in range(draw(st.integers(2, 9))):
        kind = draw(st.sampled_from(["p", "p", "p", "h2", "ul", "quote", "noise"]))
        if kind == "p":
            # Escaped text on a page is what its author wrote, so no scraper faults here.
            body.append(f"<p>{_escaped(draw(paragraphs(language, faults=False)))}</p>")
        elif kind == "h2":
            heading = draw(st.sampled_from(HEADINGS[language]))
            if draw(st.integers(0, 4)) == 0:
                heading = " ".join([heading] * draw(st.integers(2, 12)))
            body.append(f"<h2>{_escaped(heading)}</h2>")
        elif kind == "ul":
            items = draw(st.lists(sentences(language, max_words=15), min_size=2, max_size=5))
            body.append("<ul>" + "".join(f"<li>{_escaped(i)}</li>" for i in items) + "</ul>")
        elif kind == "quote":
            said = _escaped(draw(sentences(language, max_words=15)))
            who = _escaped(draw(st.sampled_from(NAMES[language])))
            body.append(f"<blockquote><p>{said}</p><cite>{who}</cite></blockquote>")
        else:
            body.append(
                draw(
                    st.sampled_from(
                        [
                            "<script>var a = '<p>x</p>';</script>",
                            '<div class="cookie-banner">We use cookies. <button>OK</button></div>',
                            "<p>Read also: x</p>",
                            "<p>Share this article</p>",
                            "<style>p { color: red }</style>",
                        ]
                    )
                )
            )
    nav = "<nav><ul>" + "".join(f"<li><a href='/{i}'>Link {i}</a></li>" for i in range(6))
    nav += "</ul></nav>"
    return (
        f"<!doctype html><html><head>{head}</head><body>{nav}<main><article>"
        + "\n".join(body)
        + "</article></main><footer>© Harbor Ledger</footer></body></html>"
    )


# A news page whose section heading is really a standfirst set as <h2>: the headline, heading
# and decisive sentence are each of a plausible length, together too long for the budget.
LONG_HEADLINE_PAGE = (
    "<!doctype html><html><head><title>Bridge</title></head><body><article><h1>"
    "Riverton council keeps the corroded Harbor Street bridge closed for the rest of the year"
    " while engineers, businesses and commuters argue over what the city can afford to do</h1>"
    "<p>The council said that the bridge will remain closed for the rest of the year.</p>"
    "<h2>The engineers who inspected the bridge in February found corrosion in eleven of its"
    " fourteen steel girders, and the city now has to choose between a repair that would cost"
    " 40 million dollars and buy twenty years, or a replacement that would cost three times"
    " as much, take four years to build and last for a century, according to the report</h2>"
    "<p>Therefore the council has to decide on the budget before the end of March, because"
    " the state grant that would pay for most of the replacement expires in April and cannot"
    " be renewed, and without it the city could afford nothing but the cheaper repair.</p>"
    "<h2>What happens next</h2><ul><li>The council will vote in March.</li>"
    "<li>The bridge stays closed until the vote.</li></ul></article></body></html>"
)

SHORT_PAGE = (
    "<!doctype html><html><head><title>Bridge</title></head><body><article>"
    "<h1>Riverton keeps the Harbor Street bridge closed</h1>"
    "<p>The council said that the bridge will remain closed for the rest of the year.</p>"
    "<h2>The cost of repair</h2><p>Therefore the council has to decide on the budget soon."
    " The engineers said the repair will cost more than the city can pay this year.</p>"
    "<h2>What happens next</h2><ul><li>The council will vote in March.</li>"
    "<li>The bridge stays closed until the vote.</li></ul></article></body></html>"
)


@settings(SETTINGS, max_examples=60)
@example(page=LONG_HEADLINE_PAGE)
@given(html_pages())
def test_html_pages_render_valid_telegram_html(page: str) -> None:
    note(page)
    try:
        article = digests.parse(page, html=True)
    except ArticleError:
        event("ArticleError")
        return
    event("parsed")
    _check_messages(_messages_of(article))


@settings(SETTINGS, max_examples=30)
@example(published="2024-13-45")
@given(st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"))
def test_html_page_with_any_date_like_publication_date_renders(published: str) -> None:
    """A real date is kept as found; one no calendar has is dropped, and nothing breaks."""
    page = SHORT_PAGE.replace(
        "<head>", f'<head><meta property="article:published_time" content="{published}">'
    )
    article = digests.parse(page, html=True)
    try:
        valid = datetime.date.fromisoformat(published).isoformat() == published
    except ValueError:
        valid = False
    assert article.published == (published if valid else None)
    _check_messages(_messages_of(article))


# ---------------------------------------------------------------------------------------------
# Article text that looks like markup stays text
# ---------------------------------------------------------------------------------------------

DANGEROUS = ("<script>", "<b>", "&", "&lt;", "</b>", "<a href='x'>", "&amp;", "<i>", "&#60;")
plain_text = st.text(
    alphabet=st.sampled_from(ASCII + CYRILLIC + GERMAN + " .,"), min_size=0, max_size=40
)


@st.composite
def with_markup(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(plain_text, st.sampled_from(DANGEROUS)), max_size=6))
    pieces.insert(draw(st.integers(0, len(pieces))), draw(st.sampled_from(DANGEROUS)))
    text = " ".join(pieces).strip()
    return f"X {text} Y"


@SETTINGS
@given(with_markup(), with_markup(), with_markup(), with_markup(), st.sampled_from(LOCALES))
def test_article_text_that_looks_like_markup_is_shown_as_text(
    headline: str, paragraph: str, said: str, speaker: str, locale: str
) -> None:
    article = Article(
        language="en",
        headline=headline,
        sections=(Section(None, (paragraph, "A second paragraph here.")),),
        quotes=(Quote(said, speaker),),
    )
    digest = digests.build(article)
    visible = telegram_text(digests.render_digest(digest, "en", locale))
    assert headline in visible
    more = [
        telegram_text(m)
        for part in range(1, more_part_count(article) + 1)
        for m in digests.render_more(article, part, locale)
    ]
    assert any(headline in m for m in more)
    assert any(paragraph in m for m in more)
    quote = telegram_text(digests.render_quote(article, 0, locale))
    assert said in quote
    assert speaker in quote
    assert headline in quote


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"),
        ("&lt;b&gt;fett&lt;/b&gt;", "<b>fett</b>"),
        ("Heidjer Frucht &amp; Knolle", "Heidjer Frucht & Knolle"),
        ("a &amp;lt; b", "a < b"),
    ],
)
def test_escaped_markup_in_scraped_text_reaches_the_reader_as_text(source: str, shown: str) -> None:
    text = (
        "Schulen melden Sicherheitslücke\n\n"
        f"Die Forscherin fand den Fehler, als sie {source} in das Feld tippte.\n\n"
        "Der Hersteller hat das Problem inzwischen behoben."
    )
    article = digests.parse(text)
    pages = [
        telegram_text(m)
        for locale in LOCALES
        for part in range(1, more_part_count(article) + 1)
        for m in digests.render_more(article, part, locale)
    ]
    assert any(shown in page for page in pages), pages


# ---------------------------------------------------------------------------------------------
# Sentences and shortening
# ---------------------------------------------------------------------------------------------


@SETTINGS
@given(junk_text, st.sampled_from(["de", "en", "uk", "ru", "und"]))
def test_split_sentences_loses_and_invents_nothing(text: str, language: str) -> None:
    found = split_sentences(text, language)
    assert all(s == s.strip() and s for s in found)
    assert " ".join(" ".join(found).split()) == " ".join(text.split())


@SETTINGS
@given(
    st.sampled_from(sorted(WORDS)).flatmap(lambda lang: st.tuples(paragraphs(lang), st.just(lang)))
)
def test_split_sentences_on_article_paragraphs_loses_nothing(case: tuple[str, str]) -> None:
    text, language = case
    found = split_sentences(text, language)
    assert " ".join(" ".join(found).split()) == " ".join(text.split())


@SETTINGS
@given(junk_text, st.integers(20, 300), st.sampled_from(["de", "en", "uk", "ru", "fr", "und"]))
def test_a_fitted_sentence_is_whole_or_its_main_clause(text: str, limit: int, language: str) -> None:
    fitted = fit_sentence(text, limit, language)
    if len(text) <= limit:
        assert fitted == text
    elif fitted is not None:
        assert len(fitted) <= limit
        assert not fitted.endswith("…")
        assert fitted.endswith(".")
        assert text.startswith(fitted[:-1].rstrip())
