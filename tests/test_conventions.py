"""Articles that break the conventions the first fixtures share (a headed key section whose
decisive sentence opens with Daher/Therefore, bullets in the analysis section, two-word names):
the engine must read them as well as the ones that follow them."""

from __future__ import annotations

from digests import build, parse
from digests.quotes import extract_quotes
from tests.conftest import FIXTURES

NEWS_EN = (FIXTURES / "news-en.txt").read_text(encoding="utf-8")


def test_without_its_conclusion_connective_a_plain_heading_is_no_key_question() -> None:
    """news-en's key section decides with "Therefore, the City Council will vote…"; written
    as plain reporting, its heading (no question in it) is no longer the key question."""
    plain = NEWS_EN.replace("Therefore, the City Council", "The City Council")
    article = parse(plain)
    digest = build(article)
    assert digest.key_question is None
    assert digest.gist is not None and "Harmon Street Bridge" in digest.gist
    assert 2 <= len(digest.bullets) <= 4


def test_also_and_so_far_open_no_english_conclusion() -> None:
    article = parse(
        "Council delays the library vote\n\n"
        "The city council postponed its vote on the new library on Tuesday, citing costs.\n\n"
        "What the council decided\n\n"
        "Also, the council has not published the consultants' report on the site. So far, "
        "no date for the vote has been set, and the mayor declined to comment on the delay.\n\n"
        "Reactions\n\n"
        "Residents who backed the project said they were disappointed by the decision."
    )
    digest = build(article)
    assert article.language == "en"
    assert digest.key_question is None
    assert digest.gist == (
        "The city council postponed its vote on the new library on Tuesday, citing costs."
    )


def test_german_also_still_concludes_in_german() -> None:
    article = parse(
        "Gemeinde stimmt über das Freibad ab\n\n"
        "Die Gemeinde Altdorf streitet seit Monaten über die Zukunft ihres Freibads.\n\n"
        "Wer über das Freibad entscheidet\n\n"
        "Die Sanierung würde vier Millionen Euro kosten. Der Rat konnte sich nicht einigen.\n\n"
        "Also entscheiden die Bürger im Mai in einem Bürgerentscheid über das Freibad.\n\n"
        "Was Anwohner sagen\n\n"
        "Viele Familien aus dem Ort nutzen das Bad im Sommer jeden Tag."
    )
    digest = build(article)
    assert digest.key_question is not None
    assert digest.key_question.summary.startswith("Also entscheiden die Bürger")


def test_bullets_outside_the_analysis_section_are_the_article_s_own_points() -> None:
    """A summary box above the first heading, as news sites set one."""
    article = parse(
        "Wasserstoff soll die Stahlwerke retten\n\n"
        "• Die Bundesregierung fördert drei Stahlwerke mit zwei Milliarden Euro\n"
        "• Ab 2030 soll dort Stahl ohne Kohle entstehen\n"
        "• Kritiker bezweifeln, dass genug grüner Wasserstoff verfügbar sein wird\n\n"
        "Die Bundesregierung will die Umstellung der Stahlindustrie auf Wasserstoff mit zwei "
        "Milliarden Euro fördern. Das gab das Wirtschaftsministerium am Montag in Berlin "
        "bekannt.\n\n"
        "Was die Werke planen\n\n"
        "Die Werke in Salzgitter, Duisburg und Eisenhüttenstadt wollen ihre Hochöfen bis 2030 "
        "durch Direktreduktionsanlagen ersetzen."
    )
    digest = build(article)
    assert digest.bullets[0].startswith("Die Bundesregierung fördert drei Stahlwerke")
    assert len(digest.bullets) == 3


def test_three_part_names_and_titles_before_a_role() -> None:
    quotes = extract_quotes(
        [
            '"The bridge will stay closed until spring," said Mayor Mary Ann Whitfield.',
            "Deputy Foreign Minister Orazov said the talks would resume in March. "
            '"We are ready to sign the agreement this year," Deputy Foreign Minister Orazov '
            "said.",
        ],
        "en",
    )
    assert [q.speaker for q in quotes] == ["Mary Ann Whitfield", "Orazov"]


def test_a_truncated_teaser_holding_an_entity_is_no_heading() -> None:
    for text, teaser in (
        (
            "Bund und Länder streiten über die Finanzierung der Flüchtlingsunterkünfte\n\n"
            "Bund &amp ;Länder ringen um die Fin\n\n"
            "Ein Flüchtlingsheim in Berlin / Foto: dpa\n\n",
            "Bund &Länder ringen um die Fin",
        ),
        (
            "Moldova and Romania agree on a new power line\n\n"
            "Chisinau &amp ;Bucharest sign a deal on a new li\n\n"
            "The border crossing at Sculeni / Photo: Reuters\n\n",
            "Chisinau &Bucharest sign a deal on a new li",
        ),
    ):
        body = (
            "The governments signed the agreement on Monday after two years of talks. "
            "Construction is to start next spring and to be finished by 2027.\n\n"
            "What the deal covers\n\n"
            "The line will carry 400 kilovolts over 150 kilometres between the two grids."
        )
        article = parse(text + body)
        headings = [s.heading for s in article.sections if s.heading]
        assert teaser not in headings
        assert all("&" not in h for h in headings)
        digest = build(article)
        assert digest.key_question is None or teaser not in (digest.key_question.heading or "")


def test_an_html_caption_glued_to_its_credit_is_split() -> None:
    page = (
        "<html><head><title>Storm hits the coast</title></head><body><article>"
        "<h1>Storm hits the coast</h1><figure><img src='x.jpg'><figcaption>Waves over the "
        "pier on Monday<span class='credit'>Photo: Daniel Price</span></figcaption></figure>"
        "<p>A storm with gusts of up to 120 kilometres an hour hit the coast on Monday, "
        "closing the harbour and cutting power to 30,000 homes.</p>"
        "<p>The weather service expects the wind to ease by Wednesday evening.</p>"
        "</article></body></html>"
    )
    article = parse(page, html=True)
    assert article.caption is not None
    assert article.caption.text == "Waves over the pier on Monday"
    assert article.caption.credit == "Daniel Price"


def test_a_glued_credit_without_markup_is_split_too() -> None:
    from digests.captions import split_caption

    caption = split_caption("Waves over the pier on MondayPhoto: Daniel Price")
    assert caption is not None
    assert (caption.text, caption.credit) == ("Waves over the pier on Monday", "Daniel Price")
