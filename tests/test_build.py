"""Digests of articles shaped unlike the sample: no bullets, no headings, no connective, one
long bullet, lists that are no analysis; and whole sentences, always."""

from __future__ import annotations

import pytest

from digests import Article, Section, build, parse
from digests.build import BULLET_CHARS
from digests.clauses import fit_sentence, main_clause
from digests.interviews import with_speaker
from digests.sentences_pool import Pool

NO_BULLETS = """Stadt stoppt Bau der Seilbahn

Die Stadt Wuppertal hat den Bau der geplanten Seilbahn vorerst gestoppt. Der Rat will zunächst ein neues Gutachten abwarten.

Warum der Rat zögert

Die Kosten sind seit 2021 um mehr als die Hälfte gestiegen. Anwohner fürchten Lärm und Schatten über ihren Gärten.

Deshalb entscheiden die Bürger im Juni in einem Bürgerentscheid über das Projekt.

Was Kritiker sagen

Die Verkehrsbetriebe halten die Seilbahn trotzdem für die schnellste Verbindung zur Universität. Sie verweisen auf ähnliche Projekte in Koblenz und Bozen, die gut angenommen wurden. Ohne die Seilbahn müssten mehr Busse fahren, was die Innenstadt zusätzlich belastet. Ein Sprecher nannte den Stopp einen Rückschlag für die Verkehrswende.
"""


def test_article_without_bullets_gets_its_strongest_sentences() -> None:
    article = parse(NO_BULLETS)
    digest = build(article)
    assert article.language == "de"
    assert digest.key_question is not None
    assert digest.key_question.heading == "Warum der Rat zögert"
    assert digest.key_question.summary.startswith("Deshalb entscheiden die Bürger")
    assert 2 <= len(digest.bullets) <= 4
    body = " ".join(p for s in article.sections for p in s.paragraphs)
    assert all(b in body for b in digest.bullets)
    assert digest.gist == "Die Stadt Wuppertal hat den Bau der geplanten Seilbahn vorerst gestoppt."
    assert digest.gist not in digest.bullets
    assert digest.key_question.summary not in digest.bullets


def test_article_without_headings_or_questions_has_no_key_question() -> None:
    article = parse(
        "Council backs new library\n\nThe council voted on Tuesday to build a new library. "
        "The old building has leaked for years. Therefore the final decision on the site will "
        "be taken in a referendum next spring. Critics say the money is needed elsewhere."
    )
    digest = build(article)
    assert digest.key_question is None
    assert digest.gist is not None
    assert digest.gist.startswith("The council voted on Tuesday to build a new library.")
    assert any("referendum" in b for b in digest.bullets) or "referendum" in digest.gist


PAWS = """Healthy paws: what dog owners should know about boots, salt and coats

Many people still remember the long, white winters of their childhood with a smile. Today they have become rare in our region.

Do dogs need boots for winter walks?

Sled teams in Alaska race for days across the frozen Yukon river. For dogs with healthy paws, boots are not needed on normal winter walks, even in snow and road salt. After the walk, wash the paws with warm water and check them for cracks and small wounds. A balm made for paws keeps the pads supple through the cold months.

Do dogs need a coat?

Most breeds need no coat, because their fur protects them well against the cold. Old dogs, puppies and breeds with short fur may freeze on long walks and are grateful for a coat.
"""


def test_a_lead_that_answers_the_key_question_is_shown_as_its_answer() -> None:
    """After a hook the lead is the nut graf; when that sits under a question heading, the
    reader gets the question and then the lead as its answer, not the answer first and the
    section's opening (a side remark) under the question."""
    digest = build(parse(PAWS))
    assert digest.key_question is not None
    assert digest.key_question.heading == "Do dogs need boots for winter walks?"
    assert digest.key_question.summary.startswith("For dogs with healthy paws, boots are not")
    assert digest.gist is None
    assert digest.key_question.summary not in digest.bullets


PEN_NAMES = """Readers fight the library's real-name rule in court

The city library has closed the accounts of 240 readers who had signed up under a pen name. A lawyer for the readers argues that this breaks section 13 of the Telemedia Act.

That section requires a provider to let people use an online service anonymously or under a pen name where this is technically possible. The library says its lending system cannot work without real names, because overdue books are billed to the reader. The readers' lawyer, Anna Berg, calls that a pretext: the billing needs an address, not a name on the screen. Other cities, among them Leipzig and Kassel, let readers choose a pen name for the online catalogue.

The court in Halle will hear the case on 12 March. Until then, the closed accounts stay closed, and the 240 readers cannot renew their loans online.
"""


def test_a_sentence_leaning_on_the_lead_reads_on_from_it() -> None:
    """A sentence that leans on the one before ("That section requires …") may be chosen when
    the digest shows that sentence whole, as its lead; it then reads on in the lead, where
    what it points at is right before it, not as a point of its own under "Key points"."""
    digest = build(parse(PEN_NAMES))
    assert digest.gist is not None
    assert "section 13 of the Telemedia Act. That section requires a provider" in digest.gist
    assert not any(b.startswith("That section") for b in digest.bullets)
    assert digest.bullets  # the room the lead leaves still holds points


def test_an_explicit_question_in_the_text_is_the_key_question() -> None:
    article = parse(
        "Riverton weighs the cost of its bridges\n\n"
        "The city of Riverton must decide this spring what to do with the Mill Street bridge. "
        "Inspectors closed it in February after finding corrosion in eleven places.\n\n"
        "Should the city repair the Mill Street bridge or replace it? Engineers estimate that a "
        "repair would cost 4 million dollars and last about fifteen years. A new bridge would "
        "cost three times as much.\n\n"
        "The council will hear both plans on Monday, and residents may speak at the hearing."
    )
    digest = build(article)
    assert digest.key_question is not None
    assert (
        digest.key_question.heading
        == "Should the city repair the Mill Street bridge or replace it?"
    )
    assert digest.key_question.summary.startswith("Engineers estimate that a repair")


@pytest.mark.parametrize(
    ("text", "set_up", "turn"),
    [
        (
            "Kind krank: Was Eltern im Job zusteht\n\n"
            "Ist ein Kind krank, dürfen Eltern ihrem Job fernbleiben, wenn niemand sonst im "
            "Haushalt das kranke Kind betreuen kann. Das steht Müttern wie Vätern zu.\n\n"
            "Was, wenn das Kind länger krank ist?\n\n"
            "Gerade der erste Kita-Winter ist hart, kleine Kinder sind dann ständig krank. "
            "Doch mehr als 30 Tage Freistellung im Jahr stehen Eltern pro Kind nicht zu. "
            "Wer länger fehlt, muss Urlaub nehmen oder im Homeoffice arbeiten.\n\n"
            "Die Krankenkasse zahlt in dieser Zeit ein Kinderkrankengeld an die Eltern.",
            "Gerade der erste Kita-Winter ist hart",
            "Doch mehr als 30 Tage Freistellung",
        ),
        (
            "A sick child: what parents may ask of their employer\n\n"
            "The nursery calls, the child has a fever and must be picked up at once. Parents "
            "may then leave work when nobody else at home can look after the child.\n\n"
            "What if the child is ill for longer?\n\n"
            "The first winter at nursery is hard, and small children catch every cold. "
            "But parents are entitled to no more than 30 days off a year for each child. "
            "Whoever stays away longer takes holiday or works from home.\n\n"
            "Health insurers pay parents a sick-child benefit for those days.",
            "The first winter at nursery is hard",
            "But parents are entitled to no more than 30 days",
        ),
    ],
)
def test_an_answer_that_turns_against_its_set_up_is_told_with_the_turn(
    text: str, set_up: str, turn: str
) -> None:
    """The first sentence under a question concedes ("the first winter is hard"); the one
    that turns against it in the same paragraph ("But …") is what answers the question."""
    digest = build(parse(text))
    assert digest.key_question is not None
    summary = digest.key_question.summary
    assert summary.startswith(set_up) and turn in summary
    assert not any(b.startswith(turn) for b in digest.bullets)


def test_a_heading_that_is_the_headline_again_is_no_key_question() -> None:
    article = parse(
        "Bakery closes after 90 years\n\n"
        "The Müller bakery in Altstadt closed on Saturday after ninety years in the family. "
        "Customers queued around the block for the last loaves.\n\n"
        "Bakery closes after 90 years\n\n"
        "The owner, Karl Müller, said that rising energy costs had made baking at night "
        "unaffordable. Therefore the family decided to sell the building to a developer.\n\n"
        "What comes next\n\n"
        "The developer plans flats and a café on the ground floor, opening in 2026."
    )
    digest = build(article)
    assert digest.key_question is None or digest.key_question.heading != article.headline


def test_a_heading_without_a_question_or_a_decision_is_no_key_question() -> None:
    article = parse(
        "Three tips for harvesting Jerusalem artichokes\n\n"
        "Jerusalem artichokes can be harvested all winter long, straight from the garden bed. "
        "They keep best in the ground until the day they are eaten.\n\n"
        "Tip 1: Harvest Jerusalem artichokes after the first frost\n\n"
        "The tubers taste sweeter once the plants have died back. Dig them up with a fork, "
        "taking care not to damage the skin.\n\n"
        "Tip 2: Store them in damp sand\n\n"
        "Tubers that are dug up dry out within days. In a box of damp sand they keep for weeks."
    )
    digest = build(article)
    assert digest.key_question is None
    assert digest.gist is not None
    assert len(digest.bullets) >= 2


def test_long_bullets_keep_their_main_clause_or_give_way_never_an_ellipsis() -> None:
    long_bullet = (
        "This single bullet goes on and on, listing every consideration, every caveat, "
        "every number and every name that a thorough reporter could find in the records of "
        "the council, whereas the reader wanted only the gist of it and a figure or two, well "
        "past any notification's length. Second sentence."
    )
    article = Article(
        "en",
        "Title of the story",
        sections=(
            Section(None, ("The lead sentence of this story says what happened today.",)),
            Section(
                "Analysis",
                (),
                (
                    long_bullet,
                    "The second point is short and clear enough.",
                    "The third point adds a figure: 42 percent.",
                    "The fourth point names a person, Jane Doe.",
                ),
            ),
        ),
    )
    digest = build(article)
    assert len(digest.bullets) == 4
    assert all(len(b) <= BULLET_CHARS for b in digest.bullets)
    assert not any(b.endswith(("…", "...")) for b in digest.bullets)
    assert digest.bullets[0] == (
        "This single bullet goes on and on, listing every consideration, every caveat, every "
        "number and every name that a thorough reporter could find in the records of the "
        "council."
    )


def test_a_list_of_labels_is_not_the_analysis() -> None:
    article = parse(
        "Vegan noodles for a weeknight\n\n"
        "These stir-fried rice noodles take twenty minutes and need no meat at all. The trick "
        "is a very hot wok and a little dark soy sauce for colour.\n\n"
        "Ingredients\n\n"
        "• 200 g rice noodles\n• 1 block of tofu\n• 2 tbsp oil\n• Soy sauce\n\n"
        "Method\n\n"
        "Fry the diced tofu until it is golden on every side, then set it aside on paper. "
        "Toss the noodles in the hot oil with the garlic for two minutes. Add the tofu back "
        "and season with the soy sauce before serving hot."
    )
    digest = build(article)
    assert "200 g rice noodles" not in digest.bullets
    assert all(len(b.split()) >= 7 for b in digest.bullets)


@pytest.mark.parametrize(
    ("sentence", "limit", "expected"),
    [
        (
            "The council approved the plan on Tuesday, although three members voted against it.",
            60,
            "The council approved the plan on Tuesday.",
        ),
        (
            "Der Rat hat den Plan am Dienstag beschlossen, obwohl drei Mitglieder dagegen waren.",
            60,
            "Der Rat hat den Plan am Dienstag beschlossen.",
        ),
        # The abbreviation's full stop ends the clause: no second one.
        (
            "Mateen maintained a high profile on social media in the U.S., but is a mystery to "
            "Afghan authorities.",
            70,
            "Mateen maintained a high profile on social media in the U.S.",
        ),
        # No clause boundary: the sentence is not cut at a word.
        ("A sentence of many words that never stops for any comma at all.", 30, None),
        # A comma before "and" in a list is no clause boundary.
        (
            "Since the war began, miscarriages, premature births, and fetal deaths have tripled.",
            50,
            None,
        ),
    ],
)
def test_main_clause(sentence: str, limit: int, expected: str | None) -> None:
    assert main_clause(sentence, limit, "de" if "Rat" in sentence else "en") == expected


def test_fit_sentence_keeps_what_fits() -> None:
    assert fit_sentence("Short and whole.", 100, "en") == "Short and whole."


INTERVIEW = """Neue Regierung in Tunis vereidigt

Regierungschefin Najla Bouden hat am Montag ihr Kabinett mit 25 Mitgliedern vorgestellt, darunter neun Frauen.

Die Regierung soll zuerst den Haushalt für 2022 vorlegen, den der Internationale Währungsfonds als Bedingung für neue Kredite verlangt.

Der Gewerkschaftsbund UGTT fordert Lohnerhöhungen für 700.000 Beschäftigte im öffentlichen Dienst.

Afrobarometer (2021): Les Tunisiens ont confiance en leurs tribunaux mais pensent que les gens ne sont pas égaux devant la loi.

Die Opposition im Parlament verlangt einen Zeitplan für Neuwahlen bis spätestens Ende 2022.

Wir bedanken uns für das Interview und das offene Gespräch!
"""


def test_no_bullet_in_another_language_or_a_closing_thanks() -> None:
    digest = build(parse(INTERVIEW))
    assert digest.bullets
    assert not any("Tunisiens" in b for b in digest.bullets)
    assert not any("bedanken" in b for b in digest.bullets)
    assert any("UGTT" in b for b in digest.bullets)


STANDFIRST = """Stadtwerke senken den Strompreis

Die Stadtwerke Kassel senken zum 1. März den Strompreis für rund 120.000 Haushalte um durchschnittlich acht Prozent und geben damit gesunkene Einkaufspreise weiter

Der Arbeitspreis sinkt von 38 auf 35 Cent je Kilowattstunde, der Grundpreis bleibt gleich.

Jetzt Tarif wechseln und sparen!

Dabei war der Preis erst im Herbst gestiegen.

Die Gaspreise sollen im Sommer um fünf Prozent sinken, kündigte Geschäftsführer Jan Böhm an.

Wer einen Festpreisvertrag hat, profitiert erst nach dessen Ende im kommenden Jahr.
"""


def test_a_standfirst_without_a_full_stop_leads_and_a_cheer_is_no_key_point() -> None:
    digest = build(parse(STANDFIRST))
    assert digest.gist.startswith("Die Stadtwerke Kassel senken zum 1. März")
    assert not any(b.endswith("!") for b in digest.bullets)
    # "Dabei" points at a moment the reader has not seen; no name nearby says which.
    assert not any(b.startswith("Dabei") for b in digest.bullets)
    assert any("35 Cent" in b for b in digest.bullets)


def test_a_photo_gallery_s_slides_are_no_key_points() -> None:
    slides = "".join(
        f"\n\nBilder vom Parteitag\n\nSlide {n}: Die Delegierten applaudieren in Halle {n} der Messe."
        for n in range(1, 5)
    )
    text = (
        "Partei wählt neue Vorsitzende\n\nDie Partei hat Anna Berger mit 87 Prozent der Stimmen "
        "zur neuen Vorsitzenden gewählt.\n\nBerger folgt auf Jan Kraus, der nach acht Jahren "
        "nicht mehr antrat.\n\nIhre erste Aufgabe ist der Wahlkampf für die Landtagswahl im "
        "Mai 2026.\n\nDer Parteitag in Erfurt dauerte zwei Tage und kostete 1,2 Millionen Euro."
        + slides
    )
    digest = build(parse(text))
    assert digest.bullets
    assert not any("applaudieren" in b for b in digest.bullets)


def test_a_report_s_own_first_person_and_a_bio_line_are_no_key_points() -> None:
    text = (
        "Stadtrat beschließt neuen Busplan\n\n"
        "Der Stadtrat von Halle hat am Dienstag mit 31 zu 12 Stimmen einen neuen Busplan für "
        "2027 beschlossen.\n\n"
        "Die Linie 7 fährt künftig alle zehn Minuten bis zum Hauptbahnhof und zum Klinikum.\n\n"
        "Die Stadtwerke rechnen mit Mehrkosten von 4,5 Millionen Euro im ersten Jahr.\n\n"
        "Gegen den Plan stimmten die Fraktionen der FDP und der Freien Wähler im Rat.\n\n"
        "Der Fahrgastverband Pro Bahn begrüßte den Beschluss als überfällig.\n\n"
        "Bisher fuhr die Linie 7 nur alle zwanzig Minuten und endete am Marktplatz.\n\n"
        "Verkehrsdezernentin Maria Vogt sagte, der Plan sei „ein großer Schritt für die "
        "Pendler in der Region“.\n\n"
        "Maria Vogt ist eine erfahrene Verkehrsplanerin aus dem Süden der Republik.\n\n"
        "Neben diesem Bericht biete ich auch eine wöchentliche Sprechstunde zum Nahverkehr an."
    )
    article = parse(text)
    digest = build(article)
    assert len(digest.bullets) >= 2
    assert not any("biete ich" in b for b in digest.bullets)
    assert not any("erfahrene Verkehrsplanerin" in b for b in digest.bullets)


def test_the_first_person_of_a_quotation_or_a_name_is_not_the_author_s() -> None:
    from digests.sentences_pool import Pool

    pool = Pool(parse("Titel\n\nEin Satz für den Anfang der Meldung über die Stadt."))
    assert pool.speaks_as_author("Neben Kursen biete ich auch Seminare an.")
    assert pool.speaks_as_author("Wir haben den Wagen zwei Wochen lang gefahren.")
    assert not pool.speaks_as_author("„Wir fordern mehr Geld“, sagte der Präsident.")
    english = Pool(parse("Title\n\nA sentence to open the report about the city council."))
    assert english.speaks_as_author("I drove the car for two weeks.")
    assert not english.speaks_as_author("His brother started a Go Fund Me page this month.")
    assert not english.speaks_as_author("The US and the EU signed the treaty on Monday.")


def test_a_follow_up_question_is_no_key_question_but_one_on_the_lead_is() -> None:
    follow_up = build(
        parse(
            "Freenet will Antennenfernsehen in HD verkaufen\n\n"
            "Freenet will mit einem neuen Angebot sieben Millionen Haushalte erreichen, die "
            "Antennenfernsehen nutzen.\n\n"
            "Bleibt dieses Angebot der Anstalten für ihre Abnehmer weiterhin kostenlos?\n\n"
            "Absolut richtig – diese Kanäle wird es weiterhin ohne jede Gebühr geben.\n\n"
            "Der Dienst startet im Juni in 40 Städten und kostet 5 Euro im Monat."
        )
    )
    assert follow_up.key_question is None
    on_the_lead = build(
        parse(
            "Gelbwesten legen Paris lahm\n\n"
            "Seit drei Wochen protestieren in Frankreich Zehntausende Gelbwesten gegen die "
            "Regierung.\n\n"
            "Warum diese Proteste gerade jetzt in Frankreich?\n\n"
            "Die Regierung hat die Steuer auf Diesel zum Januar um 6,5 Cent je Liter erhöht.\n\n"
            "Am Samstag gingen in Paris 36.000 Menschen auf die Straße."
        )
    )
    assert on_the_lead.key_question is not None
    assert on_the_lead.key_question.heading == "Warum diese Proteste gerade jetzt in Frankreich?"


def test_a_demonstrative_further_in_is_looked_for_only_as_far_as_asked() -> None:
    from digests.sentences_pool import Pool

    pool = Pool(parse("Titel\n\nEin Satz für den Anfang der Meldung über die Stadt."))
    pointing = "Ein Klassiker im Gespräch, vielleicht mussten Sie diese Frage schon beantworten."
    assert not pool.refers_back(pointing)
    assert pool.refers_back(pointing, reach=12)
    resolved = "Viele Hunderassen brauchen keine Winterkleidung, da sie ein dichtes Fell haben."
    assert not pool.refers_back(resolved, reach=12)


def test_a_point_that_leans_on_the_point_before_reads_on_in_it() -> None:
    """Two chosen sentences in a row, the second pointing back ("Heute ist sie halt gegen die
    Fuzo."): one point, which keeps the rank of the one that matters more."""
    from digests.build import _read_on
    from digests.sentences_pool import Pool

    pool = Pool(
        parse(
            "Die Fuzo teilt Wien\n\n"
            "Die Stadt lässt im März über die Fußgängerzone abstimmen. Die Wirtschaftskammer "
            "war schon 1980 gegen den Bau der U3, die heute die Kunden bringt. Heute ist sie "
            "halt gegen die Fuzo. Die Grünen verteidigen die Zone seit Jahren."
        )
    )
    first, second, third = pool.sentences[1:4]
    texts, ranks = _read_on(
        pool, [(first, first.text), (second, second.text), (third, third.text)], [2, 0, 1]
    )
    assert texts == [f"{first.text} {second.text}", third.text]
    assert ranks == [0, 1]


CENSUS = """Census estimates reshape the 2012 electoral map

If the newest Census Bureau estimates hold, President Barack Obama's path to reelection could look very different from the one that took him to the White House in 2008.

Texas is expected to gain four electoral votes and Florida two, both states that Obama lost. New York, which he carried easily, is projected to lose two electoral votes. The same is true for Ohio, another state carried by the president, which also will lose two. Nothing will be official until December, when the bureau completes its count.

Strategists in Chicago say the campaign will spend more time in Nevada and Colorado, where the Hispanic vote has grown fastest since 2008.
"""


def test_a_point_that_leans_on_the_sentence_before_comes_with_it() -> None:
    """"New York, which he carried easily, …" leans on the sentence before it, which the
    digest would not show: told together, in one point, it stands."""
    digest = build(parse(CENSUS))
    assert any(
        "both states that Obama lost. New York, which he carried easily" in b
        for b in digest.bullets
    )
    assert not any(b.startswith("New York, which he") for b in digest.bullets)


def test_a_first_sentence_that_tells_its_question_leads() -> None:
    """ "Klein sets out to answer a question: Why …?" names who asks and where: the lead,
    although it ends on a question mark. A bare question does not lead."""
    article = parse(
        "The GOP is the problem\n\n"
        "In Why We're Polarized, Ezra Klein sets out to answer a simple question: Why was "
        "America's 2016 election so normal? Klein argues that party loyalty now outweighs "
        "almost everything else voters know about a candidate.\n\n"
        "Why did so many voters stay loyal? The book traces the answer to the 1960s, when the "
        "two parties began to sort voters by race, religion and region."
    )
    assert build(article).gist.startswith("In Why We're Polarized, Ezra Klein sets out")
    bare = parse(
        "The GOP is the problem\n\n"
        "Why was America's 2016 election so normal? Ezra Klein argues in his new book that "
        "party loyalty now outweighs almost everything else voters know about a candidate."
    )
    assert build(bare).gist.startswith("Ezra Klein argues")


@pytest.mark.parametrize(
    ("second", "joins"),
    [
        ("Wir haben hier drei Tipps rund um die Ernte für Sie!", False),
        ("Nun hat sie auch ein Buch über ihre Jahre auf dem Jakobsweg geschrieben!", True),
    ],
    ids=["call-to-the-reader", "news-with-a-cheer"],
)
def test_a_lead_takes_news_told_with_a_cheer_but_no_call_to_the_reader(
    second: str, joins: bool
) -> None:
    article = parse(
        "Topinambur im Winter ernten\n\n"
        f"Birgit Kelle erntet ihren Topinambur den ganzen Winter über frisch. {second}\n\n"
        "Topinamburknollen sind erntereif, sobald das Laub im Herbst braun ist. Im Kühlschrank "
        "halten die Knollen in ein feuchtes Tuch eingeschlagen etwa 14 Tage."
    )
    assert (second in (build(article).gist or "")) is joins


def test_one_sentence_set_out_in_lines_is_no_analysis_list() -> None:
    article = parse(
        "Rau fordert eine Reform des Föderalismus\n\n"
        "Bundespräsident Johannes Rau hat vor den Landesparlamenten eine Reform des "
        "Föderalismus gefordert. Die Zahl der zustimmungspflichtigen Gesetze sei zu hoch.\n\n"
        "Nach seinen Worten haben die Entwicklungen drei Folgen:\n\n"
        "- Sie vermindern den Bereich der autonomen Eigenverantwortung der Länder,\n"
        "- sie verringern die Zuständigkeiten und die Bedeutung der Parlamente der Länder\n"
        "- und sie stärken vor allem die Regierungen des Bundes und der Länder.\n\n"
        "Rau schlug vor, die Gesetzgebung klarer zwischen Bund und Ländern aufzuteilen. Die "
        "Länder sollten dafür mehr eigene Steuern erheben dürfen, sagte er in Berlin."
    )
    assert any(s.bullets for s in article.sections)
    digest = build(article)
    assert not any(b[:1].islower() or b.startswith("Sie vermindern") for b in digest.bullets)


def test_the_rest_of_a_broken_sentence_is_no_key_point() -> None:
    """ "ist für … eine Leitung mit 16 Mbit nötig" is what is left of a sentence the page broke
    over two paragraphs, however many names and figures it holds."""
    article = parse(
        "Freenet startet Antennenfernsehen in HD\n\n"
        "Der Mobilfunkanbieter Freenet startet im März ein eigenes Fernsehangebot über Antenne "
        "und will damit bis 2018 eine Million Haushalte gewinnen.\n\n"
        "ist für Freenet-Kunden in Berlin, Hamburg und München eine Leitung mit 16 Mbit nötig, "
        "sagte Vorstandschef Christoph Vilanek am Dienstag in Büdelsdorf.\n\n"
        "Freenet zahlt für den Sendernetzbetreiber Media Broadcast 295 Millionen Euro."
    )
    digest = build(article)
    assert digest.bullets
    assert not any(b.startswith("ist für") for b in digest.bullets), digest.bullets


def test_an_interviewer_s_turn_is_no_key_point_but_a_named_person_s_clause_is() -> None:
    """ "Herr Vilanek, in Deutschland gibt es … Glauben Sie …?" sets up a question; the
    answers are what the article reports. "Herr Böhm, der …, sagte" turns to nobody."""
    article = parse(
        "Freenet will Antennenfernsehen in HD verkaufen\n\n"
        "Der Mobilfunkanbieter Freenet übernimmt den Sendernetzbetreiber Media Broadcast und "
        "will Antennenfernsehen in HD-Qualität gegen eine Gebühr anbieten.\n\n"
        "Herr Vilanek, in Deutschland gibt es sieben Millionen TV-Haushalte, die DVB-T nutzen. "
        "Glauben Sie, dass diese Haushalte für HD-Fernsehen über Antenne zahlen werden?\n\n"
        "Christoph Vilanek: Freenet will 2018 eine Million zahlende Kunden für das Angebot "
        "gewinnen, zu einem Preis von 69 Euro im Jahr.\n\n"
        "Herr Böhm, der Sprecher des Verbands Privater Medien, nannte den Preis von 69 Euro "
        "im Jahr angemessen für 40 Sender in HD.\n\n"
        "Die Umstellung auf DVB-T2 beginnt am 29. März 2017 in den großen Städten."
    )
    digest = build(article)
    assert not any("sieben Millionen" in b for b in [digest.gist or "", *digest.bullets])
    assert any("eine Million" in b for b in digest.bullets), digest.bullets
    asked = {s.text[:12] for s in Pool(article).sentences if s.asked}
    assert "Herr Vilanek" in asked and "Herr Böhm, d" not in asked


@pytest.mark.parametrize(
    ("title", "question", "answer"), [("Q&A", "", ""), ("Interview", "Q: ", "A: ")]
)
def test_an_interview_s_answers_say_who_speaks(title: str, question: str, answer: str) -> None:
    """A page that calls itself an interview and names one person: what a digest takes from
    the answers is attributed ("Lopez: We will …", in place of a bare "A:"), the questions
    are never shown."""
    article = parse(
        f"{title}: Maria Lopez on the new harbour tunnel\n\n"
        "The city's transport chief Maria Lopez opened the harbour tunnel on Monday after "
        "six years of building and 1.2 billion dollars of spending.\n\n"
        f"{question}How many cars will use the tunnel each day?\n\n"
        f"{answer}We expect 40,000 cars a day by the end of 2027, and our models say traffic "
        "on the old bridge will fall by a third.\n\n"
        f"{question}Why did the project take two years longer than planned?\n\n"
        f"{answer}The soil under the harbour was softer than the 2018 surveys showed, so we "
        "had to freeze 300 metres of ground before digging.\n\n"
        f"{question}Will drivers pay a toll?\n\n"
        f"{answer}Drivers will pay 3 dollars at peak hours and nothing at night, a rule the "
        "council approved in March."
    )
    digest = build(article)
    assert digest.bullets
    assert not any("A: " in b for b in digest.bullets), digest.bullets
    questions = ("How many", "Why did", "Will drivers", "Q: ")
    for line in [digest.gist or "", *digest.bullets]:
        assert not line.startswith(questions), line
    answers = [b for b in digest.bullets if not b.startswith("The city")]
    assert answers and all(b.startswith("Lopez: ") for b in answers), digest.bullets


OPINION = """Warum die Stadt den Radweg am Ring braucht

Seit Jahren streitet der Stadtrat über einen Radweg am Ring, und ich fahre dort jeden Tag.

Im vergangenen Jahr zählte die Polizei am Ring 212 Unfälle, 48 davon mit Radfahrern.

Die Händler fürchten, dass mit 140 Parkplätzen weniger auch ihre Kunden ausbleiben.

Ich halte das für falsch: In Münster und Freiburg stiegen die Umsätze nach dem Umbau.

Der Umbau kostet nach Schätzung der Verwaltung 3,4 Millionen Euro, die Hälfte zahlt das Land.

Ich kenne die Sorgen der Händler, ich kaufe selbst am Ring ein, und ich verstehe sie gut.

Wir sollten den Radweg also bauen, bevor der nächste Radfahrer am Ring stirbt.
"""


def test_an_opinion_s_conclusion_is_a_key_point_and_a_report_s_closing_line_is_none() -> None:
    """A piece in the author's voice ends on its verdict ("Wir sollten den Radweg also
    bauen …"): leaning on its argument, it is still the point an editor keeps. A report has
    no author's verdict, whatever its last sentence says."""
    opinion = build(parse(OPINION))
    assert any(b.startswith("Wir sollten den Radweg also bauen") for b in opinion.bullets)
    report = parse(
        OPINION.replace("und ich fahre dort jeden Tag", "sagt die Verwaltung")
        .replace("Ich halte das für falsch:", "Der Verband hält das für falsch:")
        .replace(
            "Ich kenne die Sorgen der Händler, ich kaufe selbst am Ring ein, und ich verstehe "
            "sie gut.",
            "Die Händler wollen nun eine Umfrage unter ihren Kunden machen lassen.",
        )
        .replace("Wir sollten den Radweg also bauen", "Der Stadtrat will den Radweg also bauen")
    )
    assert Pool(report).verdict is None
    assert Pool(parse(OPINION)).verdict is not None


def test_news_that_opens_a_paragraph_leaning_on_the_scene_leads_with_its_first_sentence() -> None:
    """ "Vor diesem Hintergrund haben …" points at the paragraph before it: the lead shows
    that paragraph's first sentence with it, not the news dangling on its own."""
    article = parse(
        "Aktionsplan soll seltene Moorfrösche im Emsland retten\n\n"
        "Nasse Wiesen sind in den letzten Jahrzehnten rar geworden, vor allem wegen neuer "
        "Gräben. Viele Tiere, die auf flache Tümpel angewiesen sind, finden kaum noch Platz.\n\n"
        "Vor diesem Hintergrund haben der Landkreis Emsland, der NABU Niedersachsen und die "
        "Universität Osnabrück einen Aktionsplan für Moorfrösche erarbeitet. Er sieht vor, "
        "bis 2030 vierzig neue Tümpel anzulegen.\n\n"
        "Die Kosten von 1,2 Millionen Euro trägt zum größten Teil das Land Niedersachsen."
    )
    gist = build(article).gist or ""
    assert gist.startswith("Nasse Wiesen sind in den letzten Jahrzehnten rar geworden")
    assert "Vor diesem Hintergrund haben der Landkreis Emsland" in gist


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("es", "Poco después, se unió al grupo juvenil de su pueblo y ejerció de interventora."),
        ("en", "Shortly afterwards, the company moved its offices to a larger building."),
        ("de", "Kurz darauf wechselte der Trainer zum Verein aus der Nachbarstadt."),
        ("fr", "Peu après, la mairie a fermé la piscine pour des travaux de plusieurs mois."),
    ],
)
def test_a_sentence_that_opens_on_what_happened_just_before_leans(
    language: str, sentence: str
) -> None:
    assert _leans_back(language, sentence)


def test_a_time_phrase_with_its_own_point_of_reference_does_not_lean() -> None:
    sentence = "Poco después de la reunión, el alcalde anunció el cierre de la piscina."
    assert not _leans_back("es", sentence)


@pytest.mark.parametrize(
    ("language", "sentence", "leans"),
    [
        ("en", "So-called smart guns are firearms that only their owners can fire.", False),
        ("en", "This summer an analyst found evidence that Apple is testing a television.", False),
        ("en", "This shows that the company has been testing a television for a year.", True),
        ("de", "Diese Woche hat der Stadtrat den Haushalt für 2025 beschlossen.", False),
        ("fr", "A savoir trois journaux, La Provence, Corse Matin et Nice Matin.", True),
        # A clitic does not hide the pronoun; a French elision is a word of its own.
        ("en", "It's not quite as unfair as a clock tower, but at points it comes close.", True),
        ("en", "They're planning a new school for about 400 pupils from the village.", True),
        ("fr", "L'Office fédéral a décidé de retirer le fongicide du marché suisse.", False),
    ],
)
def test_an_opener_leans_only_as_a_word_of_its_own_and_not_as_a_time(
    language: str, sentence: str, leans: bool
) -> None:
    assert _pool_of(language, sentence).leans(sentence) is leans


def _leans_back(language: str, sentence: str) -> bool:
    return _pool_of(language, sentence).leans_back(sentence)


def _pool_of(language: str, sentence: str) -> Pool:
    """The sentences of an article of one sentence."""
    article = Article(
        language=language, headline="Titel", sections=(Section(heading=None, paragraphs=(sentence,)),)
    )
    return Pool(article)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Here's how the researchers tallied the oil-spill totals."),
        ("fr", "Voici comment les chercheurs ont compté les litres de pétrole."),
        ("de", "So funktioniert das neue Pfandsystem an den Automaten der Stadt."),
    ],
)
def test_a_set_up_for_the_sentences_after_it_does_not_stand_alone(
    language: str, sentence: str
) -> None:
    assert _pool_of(language, sentence).leans(sentence)


def test_a_speech_s_stated_conviction_is_its_thesis_and_a_key_point() -> None:
    """A speech reports more than it says "ich": its conclusion is no opinion's, but the
    conviction its speaker states outside quotation marks is its thesis."""
    paragraphs = [
        "Der Konvent der Landesparlamente tagt heute zum ersten Mal in Lübeck.",
        "Im Jahr 1948 reiste ein Berater durch die Besatzungszonen und sammelte Entwürfe.",
        "Die Länder hatten damals eigene Verfassungen, die Parlamente tagten in Schulen.",
        "Heute beraten Bund und Länder in mehr als dreihundert Gremien über ihre Politik.",
        "Ich bin davon überzeugt: Es kommt entscheidend darauf an, die Landesparlamente "
        "wieder zu stärken.",
        "Die Zahl der zustimmungspflichtigen Gesetze ist seit 1949 stark gestiegen.",
        "Artikel 84 des Grundgesetzes macht rund die Hälfte aller Fälle aus.",
        "Die Bürger wissen oft nicht mehr, wer für eine Entscheidung verantwortlich ist.",
        "Die Kommission soll bis Ende nächsten Jahres einen Vorschlag vorlegen.",
        "Viele Abgeordnete haben Vorschläge für eine Reform mitgebracht.",
    ]
    article = parse(
        "Rede des Bundespräsidenten beim Konvent der Landesparlamente\n\n"
        + "\n\n".join(paragraphs)
    )
    digest = build(article)
    assert (
        "Es kommt entscheidend darauf an, die Landesparlamente wieder zu stärken."
        in digest.bullets
    )


def test_the_section_that_sums_a_review_up_gives_its_judgement_as_a_key_point() -> None:
    """A test's "Fazit" closes on its judgement: the last statement of its first paragraph."""
    article = parse(
        "Der neue Kombi im Test\n\n"
        "Der Kombi kommt mit einem neuen Motor und mehr Platz auf den Markt.\n\n"
        "Antrieb\n\n"
        "Der Motor leistet 150 PS und verbraucht im Test 6,1 Liter auf 100 Kilometer.\n\n"
        "Das Getriebe schaltet sanft, in der Stadt aber manchmal etwas spät.\n\n"
        "Platz\n\n"
        "Der Kofferraum fasst 610 Liter, mit umgeklappter Rückbank 1.650 Liter.\n\n"
        "Hinten sitzen auch große Erwachsene bequem, die Kopffreiheit reicht gut.\n\n"
        "Fazit\n\n"
        "Der Wagen fährt ruhig und bietet viel Raum für Gepäck und Kinder. Ein besseres "
        "Familienauto gibt es in dieser Klasse derzeit nicht.\n\n"
        "Die Ausstattung lässt sich mit drei Paketen für je 1.200 Euro erweitern."
    )
    assert "Ein besseres Familienauto gibt es in dieser Klasse derzeit nicht." in (
        build(article).bullets
    )


def test_an_answer_whose_label_lost_its_space_shows_the_name_once() -> None:
    """ "McKelvey:Everyone needs …": the page's own label, glued to the answer."""
    assert with_speaker("Lopez:Drivers will pay 3 dollars.", "Lopez") == (
        "Lopez: Drivers will pay 3 dollars."
    )


def test_the_rest_of_a_sentence_the_page_broke_does_not_lead() -> None:
    text = (
        "Kate Henshaw is looking stunning in new photos\n\n"
        "Photos\n\n"
        "which were released online and are making the rounds on social media, show the "
        "actress Kate Henshaw looking absolutely stunning in new photos.\n\n"
        "Kate Henshaw\n\n"
        "Veteran Nollywood actress Kate Henshaw, who won the Africa Movie Academy Award in "
        "2008, has shared new photos of herself on her Instagram page. She flaunted a hand "
        "bag in the colours of the Nigerian flag. The 47-year-old was one of the guests at an "
        "event hosted by the media mogul Debola Lagos in Lagos.\n"
    )
    digest = build(parse(text))
    assert digest.gist is not None and digest.gist.startswith("Veteran Nollywood actress")


def test_an_opening_too_long_to_shorten_still_leads() -> None:
    """Opening sentences of 380 and 368 characters with no main clause to cut to: the first
    leads, as the news, rather than a digest without a lead."""
    first = (
        "El fiscal Pedro Horrach está perfilando con el jefe de la Fiscalía Anticorrupción, "
        "Antonio Salinas, en Madrid, la estrategia jurídica que seguirá tras el auto dictado "
        "por el juez José Castro en el que acuerda citar en calidad de imputada a la infanta "
        "Cristina de Borbón y Grecia el próximo 8 de marzo en Palma por los delitos de "
        "blanqueo de capitales y contra la Hacienda Pública."
    )
    text = (
        "Anticorrupción decidirá en Madrid si recurre la imputación de la Infanta\n\n"
        f"{first}\n\n"
        "Horrach duda si insistir en su postura de dejar al margen a la hija menor del Rey de "
        "los indicios incriminatorios citados por el instructor del ‘caso Nóos’, como ya lo "
        "hizo por escrito el pasado mes de noviembre o, por el contrario, se limita exponer "
        "de manera sucinta su punto de vista para apoyar el recurso que ya ha anunciado el "
        "abogado de la Infanta, Miquel Roca.\n\n"
        "Consenso\n\n"
        "El fiscal anticorrupción se entrevistó ayer con su superior, Antonio Salinas, con "
        "el objetivo de analizar el extenso auto de Castro y consensuar una postura común. "
        "El juez señala en el auto que hay indicios claros de que la hija menor del Rey pudo "
        "haber cometido delitos fiscales a través de la empresa Aizoon.\n"
    )
    article = parse(text)
    assert article.language == "es" and len(first) > 330
    assert build(article).gist == first


def test_a_scene_and_the_news_that_leans_on_it_lead_as_one_stretch_of_the_paragraph() -> None:
    """ "Kein Wunder also, dass …" leans on the scene two sentences before it, in the same
    paragraph: the lead reads the paragraph as far as its news."""
    article = parse(
        "Levelpässe für das Synchronschwimmen können ab sofort bestellt werden\n\n"
        "Seesterne sind nicht nur wunderschön anzuschauen. Mit ihren Füßchen können sie sich "
        "im Wasser geschickt bewegen. Kein Wunder also, dass die Meerestiere den ersten sechs "
        "Stufen des neuen Level-Systems für das Synchronschwimmen ihre Namen geben.\n\n"
        "Die Abteilung trainiert seit Jahren in drei Gruppen am Olympiastützpunkt.\n\n"
        "Die Trainerinnen kommen aus Hamburg, Berlin und Bremen."
    )
    gist = build(article).gist or ""
    assert gist.startswith("Seesterne sind nicht nur wunderschön anzuschauen.")
    assert gist.endswith("ihre Namen geben.")


def test_the_news_after_a_scene_of_three_sentences_leads() -> None:
    """A column may open on a scene of three sentences before it comes to its news."""
    article = parse(
        "Here comes Apple's real television set\n\n"
        "I don't mean the little box that plugs into your screen to stream films. Nobody in "
        "my family watches much on it anyway. My son prefers his phone, my daughter her "
        "laptop. An analyst at Piper Jaffray found evidence that Apple is building a real "
        "television set, to be sold by late 2012.\n\n"
        "The average cable bill is 75 dollars a month."
    )
    assert (build(article).gist or "").startswith("An analyst at Piper Jaffray found evidence")


def test_after_a_hook_the_statement_that_says_what_the_article_is_about_leads() -> None:
    """A guide that opens on a hook about something else (a football cup) and comes to its
    subject six sentences later: the hook is no news, the nut graf leads."""
    article = parse(
        "Warum Chefs die Stärken ihrer Mitarbeitenden fördern sollten\n\n"
        "Derzeit läuft in Katar die Fußball-Weltmeisterschaft der Männer. Sie trainieren "
        "eine Mannschaft. Im Kader stehen zwei Spieler, Keller und Mayer. Keller schießt "
        "viele Tore, verteidigt aber schwach. Mayer verteidigt gut und trifft fast nie.\n\n"
        "Wer als Chef die Stärken der Mitarbeitenden fördert, bindet Fachkräfte länger, "
        "wie mehrere Studien zeigen.\n\n"
        "Rund zwei Millionen Stellen sind in Deutschland unbesetzt. Mitarbeitende mit "
        "gefördertem Talent kündigen seltener. Die Stärken zeigen sich im Alltag. Ein "
        "Gespräch im Jahr genügt nicht, um Stärken zu erkennen. Fördern heißt, Aufgaben "
        "nach Stärken zu verteilen. Auch Mitarbeitende selbst kennen ihre Stärken oft nicht."
    )
    assert (build(article).gist or "").startswith("Wer als Chef die Stärken der Mitarbeitenden")


def test_a_point_told_again_in_brief_is_shown_once() -> None:
    """ "Der … Dialog der Women7 startete im Januar." says again, in brief, what a longer
    point says with its details: most of its words are in it, and so is its name."""
    article = parse(
        "Kabinett legt Schwerpunkte der G7-Präsidentschaft fest\n\n"
        "Am Mittwoch hat sich das Bundeskabinett auf ein Programm für die deutsche "
        "G7-Präsidentschaft verständigt. Klimaschutz und Gleichstellung stehen an erster "
        "Stelle.\n\n"
        "Der G7-Gipfel findet vom 26. bis 28. Juni auf Schloss Elmau in Bayern statt.\n\n"
        "Am 20. Januar startete unter dem Motto „Time to deliver“ der zivilgesellschaftliche "
        "Zusammenschluss deutscher und internationaler Frauenorganisationen, die Women7, in die "
        "deutsche G7-Präsidentschaft, mit Forderungen zu Lohngleichheit, Pflege und "
        "Gewaltschutz.\n\n"
        "Der zivilgesellschaftliche Dialog der Women7 startete im Januar.\n\n"
        "Das Programm nennt sieben Dialogprozesse mit Gewerkschaften und Jugendverbänden."
    )
    bullets = build(article).bullets
    assert sum("Women7" in bullet for bullet in bullets) == 1


def test_a_question_an_aside_raises_on_the_argument_before_it_is_no_key_question() -> None:
    """ "Which invites the question: Why did Klein …?" comes out of the reviewer's argument;
    the article does not turn on it."""
    article = parse(
        "Klein's book on polarization asks the wrong question\n\n"
        "In his new book, Ezra Klein explains why American politics became so polarized "
        "over the last fifty years.\n\n"
        "Klein argues that voters sort themselves into two parties by identity, region and "
        "religion, and that both parties now fear each other more than they like themselves.\n\n"
        "Which invites the question: Why did Klein make polarization the central question of "
        "his book?\n\n"
        "Even when Klein is spotlighting the limits of his framework, an impulse to keep the "
        "book's thematic integrity muddies the analysis of his polarization chapters.\n\n"
        "The book sold 200,000 copies in its first month, according to its publisher."
    )
    assert build(article).key_question is None


def test_news_after_a_scene_that_opens_on_a_leaning_word_does_not_lead() -> None:
    """ "Also, keep an eye out for online coupons …" carries its own names, but shown first
    its "Also" dangles: the lead stays with the article's opening."""
    article = parse(
        "How to save money on groceries\n\n"
        "Shopping late in the day pays off for careful families.\n\n"
        "Some stores mark down bakery items in the evening because they cannot sell them the "
        "next day. A cake may cost half as much after seven. Also, keep an eye out for online "
        "coupons from TheGroceryGame.com, ShopAtHome.com and CouponMom.com, which many grocery "
        "stores accept.\n\n"
        "Ask the deli manager for a discount of 5 to 10 percent on catering orders for a party."
    )
    assert not (build(article).gist or "").startswith("Also")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (
            "How to water a potted bougainvillea\n\n"
            "Question: I need some help with my bougainvillea and its watering. We will be out "
            "of town for two weeks.\n\n"
            "Can I put saucers under the pots to keep them watered?\n\n"
            "Cindy, Charleston\n\n"
            "Answer: A potted bougainvillea drinks a lot of water in the warm months of the "
            "year, so a saucer under the pot helps for a week or two.\n\n"
            "Water it deeply every fourth day and let the soil dry between waterings.",
            "A potted bougainvillea drinks a lot of water",
        ),
        (
            "Wie gieße ich meinen Zitronenbaum im Urlaub?\n\n"
            "Frage: Wir fahren drei Wochen in den Urlaub. Wie bekommt mein Zitronenbaum dann "
            "genug Wasser?\n\n"
            "Antwort: Ein Zitronenbaum im Kübel übersteht drei Wochen mit einem Tonkegel, der "
            "Wasser aus einem Eimer in die Erde leitet.\n\n"
            "Stellen Sie den Kübel vorher in den Halbschatten und gießen Sie kräftig.",
            "Ein Zitronenbaum im Kübel übersteht drei Wochen",
        ),
    ],
)
def test_a_column_s_answer_leads_not_the_reader_s_letter(text: str, answer: str) -> None:
    """A question-and-answer column: the reader's letter ("Question: …" up to "Answer: …")
    asks; the answer, without its label, is the article's news."""
    gist = build(parse(text)).gist or ""
    assert gist.startswith(answer)


def test_a_figure_told_again_in_other_words_is_shown_once() -> None:
    """ "Across the EU the jobless rate came to 7.3 percent in March." and a longer point with
    that 7.3 percent and more share few words ("EU" against "European Union"), yet all the
    shorter's names and figures are in the longer: the same measure, told twice."""
    article = parse(
        "Poland keeps the lowest unemployment in the EU\n\n"
        "Poland's unemployment rate stayed at 3.1 percent in March, the lowest in the EU, "
        "Eurostat said on Friday. The number of jobless people fell to 534,000.\n\n"
        "Czechia follows with 3.2 percent and the Netherlands with 3.5 percent.\n\n"
        "Across the EU the harmonised jobless rate came to 7.3 percent in March.\n\n"
        "Markets had expected 8.3 percent for the euro area. Across the European Union this "
        "rate stood at 7.3 percent in March, against 7.4 percent a month earlier.\n\n"
        "The national statistics office counts registered unemployment differently and puts "
        "it at 6.4 percent for the end of March."
    )
    bullets = build(article).bullets
    assert sum("7.3 percent" in bullet for bullet in bullets) == 1


PRESS_RELEASE = """<!doctype html><html lang="en"><head><title>Northwind Energy to acquire
Harbor Solar for $410 million</title></head><body><article>
<h1>Northwind Energy to acquire Harbor Solar for $410 million</h1>
<p>BOSTON, March 3, 2025 — Northwind Energy Inc. today announced an agreement to acquire Harbor
Solar, a developer of rooftop solar parks in New England, for $410 million in cash.</p>
<p>The purchase adds 1.2 gigawatts of projects in development to Northwind's portfolio and is
expected to close in the third quarter, subject to regulatory approval.</p>
<p>Harbor Solar's 240 employees will join Northwind, and its founder Maria Okafor will lead the
combined solar business from Providence.</p>
<h2>Conference Call Information</h2>
<p>Northwind will host a conference call and live audio webcast today at 8:30 a.m. EST to
discuss this transaction and its outlook for the year.</p>
<p>Listeners in the United States may dial in at +1 866 555 0143 with passcode 4471.</p>
<h2>Forward-Looking Statements</h2>
<p>This press release contains forward-looking statements that involve risks and uncertainties,
and actual results could differ materially from those anticipated in such statements.</p>
<h2>Media Contact</h2>
<p>Jane Smith, Vice President, Corporate Communications, Northwind Energy Inc.</p>
</article></body></html>"""


def test_a_press_release_s_notices_after_its_news_are_no_key_points() -> None:
    """The conference call for investors, the legal disclaimer and the press contact follow a
    release's news under headings of their own: back matter, as references are."""
    digest = build(parse(PRESS_RELEASE, html=True))
    shown = " ".join([digest.gist or "", *digest.bullets])
    assert "1.2 gigawatts" in shown or "240 employees" in shown
    for notice in ("conference call", "dial in", "forward-looking", "Jane Smith"):
        assert notice not in shown


def test_a_video_s_description_over_the_article_is_its_caption_not_its_lead() -> None:
    """ "… at the gates. VPC": a description with its credit in capitals above the text is a
    caption; the news leads."""
    article = parse(
        "Liberia says Dallas Ebola patient lied on exit documents\n\n"
        "Travelers at the Atlanta airport express concerns about the screening measures in "
        "place at the gates. VPC\n\n"
        "Liberian authorities said Thursday they will prosecute Dallas Ebola patient Thomas "
        "Eric Duncan when he returns home for lying on his departure questionnaire.\n\n"
        "On the form obtained by the Associated Press, Duncan answered no to questions about "
        "whether he had cared for an Ebola patient.\n\n"
        "Duncan is in serious condition in a Dallas hospital, where he has been treated since "
        "Sunday."
    )
    assert article.caption is not None and article.caption.credit == "VPC"
    assert (build(article).gist or "").startswith("Liberian authorities said Thursday")


def _wiki_section(title: str, body: str) -> str:
    return (
        f'<h2><span class="mw-headline">{title}</span><span class="mw-editsection">'
        f'<span class="mw-editsection-bracket">[</span><a href="/w/index.php?action=edit">edit'
        f'</a><span class="mw-editsection-bracket">]</span></span></h2>{body}'
    )


def test_a_wiki_s_references_under_a_heading_with_its_edit_link_are_back_matter() -> None:
    """ "References[edit]" is "References": its entries ("^ ADV Films Shuts Down …") are no
    key points, however much they name the headline."""
    paragraphs = "".join(
        f"<p>{text}</p>"
        for text in (
            "Now and Then, Here and There is a thirteen-episode anime series directed by "
            "Akitaro Daichi, which premiered in Japan on the WOWOW station on October 14, 1999.",
            "The story was conceived by the director, and the series ran until January 20, 2000.",
        )
    )
    plot = "".join(
        f"<p>{text}</p>"
        for text in (
            "While walking home from school, Shu sees a girl sitting on top of a smokestack "
            "and is drawn into a war in a desert world ruled by the king Hamdo.",
            "Shu is trapped in this new reality, where he is beaten and forced to fight in "
            "Hamdo's army of child soldiers.",
        )
    )
    references = "<ul>" + "".join(
        f"<li>{entry}</li>"
        for entry in (
            "^ ADV Adds Grave of the Fireflies, Now and Then, Here and There Anime News "
            "Network 2009/05/05",
            '^ "ADV Films Shuts Down, Transfers Assets To Other Companies, Now and Then, Here '
            'and There Included".',
            "^ Now and Then, Here and There Vol. #1 | Mania.com review of the series",
        )
    ) + "</ul>"
    page = (
        "<!doctype html><html lang=\"en\"><head><title>Now and Then, Here and There - "
        "Wikipedia</title></head><body><div id=\"content\"><h1>Now and Then, Here and There"
        "</h1><div id=\"mw-content-text\">"
        + paragraphs
        + _wiki_section("Plot", plot)
        + _wiki_section("References", references)
        + "</div></div></body></html>"
    )
    digest = build(parse(page, html=True))
    assert not any(b.startswith("^") or "Mania.com" in b for b in digest.bullets)


def test_a_teaser_that_trails_off_leads_with_its_main_clause() -> None:
    """A page that holds only a teaser, its one statement trailing off into an ellipsis:
    the lead is that statement's main clause, whole, not nothing and not a line cut off."""
    article = parse(
        "B&C Morning Show: American Hero Kelly Malloy\n\n"
        "Boomer & Craig were thrilled to welcome an American Hero into the Allstate Studio, as "
        "Kelly Malloy (pictured next to Boomer, along with a couple of friends) stopped by and "
        "was given the royal treatment she deserved…"
    )
    digest = build(article)
    assert digest.gist == (
        "Boomer & Craig were thrilled to welcome an American Hero into the Allstate Studio."
    )


def test_a_standfirst_set_without_its_full_stop_leads_as_a_sentence() -> None:
    """An opening paragraph set as one sentence without a full stop leads, ending with one."""
    article = parse(
        "Il Climate Clock ha iniziato a scorrere\n\n"
        "A New York il Metronome si trasforma in un gigantesco orologio che fa il countdown "
        "dell’emergenza climatica e ricorda al mondo l’urgenza di agire per ridurre le emissioni"
        "\n\n"
        "L’orologio del clima è opera di un gruppo di artisti, attivisti e scienziati e reca un "
        "messaggio chiaro sulla scadenza della Terra. Il conto alla rovescia verso il giorno 0 è "
        "già iniziato e segna 7 anni e un centinaio di giorni."
    )
    gist = build(article).gist or ""
    assert gist.startswith("A New York il Metronome") and gist.endswith("le emissioni.")


MEASURE_TEXT = """Zielartenförderung im lichten Wald dank Aktionsplan

Lichte Waldstrukturen sind im letzten Jahrhundert selten geworden, etwa wegen veränderter Waldbewirtschaftung. Vor diesem Hintergrund haben InfoSpecies und die Arbeitsgruppe Waldbiodiversität des Schweizerischen Forstvereins, finanziell unterstützt durch das BAFU, einen Aktionsplan für die Zielarten im lichten Wald erarbeitet, um die Lebensraumförderung und Artenförderung aufeinander abzustimmen.

Bei der Massnahmenplanung zur Schaffung von lichtem Wald gilt es nun, die tatsächlich und potenziell vorkommenden Zielarten und deren Habitatansprüche möglichst zu berücksichtigen. Die von InfoSpecies erstellte Liste der Zielarten des lichten Waldes umfasst 234 Arten von Flechten, Pilzen, Blütenpflanzen, Käfern und Tagfaltern.

Der vorliegende Aktionsplan ist deshalb auch ein Pilotprojekt für die Zielartenförderung in anderen Lebensräumen.
"""


def test_a_point_with_a_new_figure_is_not_held_back_by_the_names_it_shares() -> None:
    """Room for one point after a long lead: the one with a new measure ("234 Arten"), though
    it names the lead's InfoSpecies again, rather than a general planning sentence."""
    digest = build(parse(MEASURE_TEXT))
    assert digest.bullets and "234 Arten" in digest.bullets[0]


SAID_AGAIN_TEXT = """Bundeskabinett legt Schwerpunkte der Präsidentschaft fest

Klimaschutz, Pandemiebekämpfung, Gleichstellung und ein starkes Miteinander: Das Bundeskabinett hat sich auf ein Programm für die diesjährige deutsche Präsidentschaft in der Gruppe der Sieben verständigt. Parallel startete der zivilgesellschaftliche Dialog der Women7.

Der Dialog mit den zivilgesellschaftlichen Gruppen hat sich in den G7-Präsidentschaften der letzten Jahre etabliert. Erstmals unter der Leitung des Deutschen Frauenrates trafen sich rund 230 Teilnehmende aus aller Welt für den Dialogprozess.

Der G7-Gipfel findet vom 26. bis 28. Juni auf Schloss Elmau in Bayern statt. Ziel ist, vor dem Gipfel gemeinsame Empfehlungen der W7 an die G7 zu erarbeiten.
"""


def test_a_point_that_says_the_lead_again_without_a_new_figure_gives_way() -> None:
    """"Der Dialog mit den zivilgesellschaftlichen Gruppen hat sich … etabliert." has most of
    its words in the lead and nothing new: a point with a figure or a date comes first."""
    digest = build(parse(SAID_AGAIN_TEXT))
    assert not any(b.startswith("Der Dialog mit den zivilgesellschaftlichen") for b in digest.bullets)
    assert any("230 Teilnehmende" in b for b in digest.bullets)


# A Thai report (from newspaper4k's test pages, MIT): Thai sets no mark at a sentence's end.
THAI_REPORT = "\n\n".join(
    [
        (
            'ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย'
        ),
        (
            '21 ม.ค.2561 เวลาประมาณ 12.00 น. ผู้สื่อข่าวได้รับแจ้งจากนาย '
            "ต.(ไม่ประสงค์เปิดเผยชื่อ) บุตรชายของ 'ภูชนะ' คนสนิทของนายสุร"
            'ชัย แซ่ด่าน ที่หายไปว่า ผลการตรวจ DNA โดยใช้เนื้อเยื่อของศพท'
            'ี่ถูกสังหารด้วยการมัดแขน รัดคอ ทุบจนใบหน้าเละ และท้องถูกผ่าย'
            'ัดเสาปูนที่ลอยมาติดที่ อ.ธาตุพนม จ.นครพนม นั้น เมื่อตรวจสอบแ'
            'ล้วมีความเกี่ยวพันทางสายเลือดกับนาย ต.จริง'
        ),
        (
            'ภูชนะ (นามแฝง) เป็นคนใกล้ชิดของนายสุรชัย ด่านวัฒนานุสรณ์ หรื'
            'อ สุรชัย แซ่ด่าน นักเคลื่อนไหวทางการเมืองที่ลี้ภัยออกจากประเ'
            'ทศไทยและได้หายตัวไปจากที่พักในประเทศเพื่อนบ้านในช่วงคืนวันที'
            '่ 12-13 ธ.ค.2561 พร้อมกันกับสุรชัยและคนสนิทอีกคนหนึ่ง'
        ),
        (
            'ปรานี ด่านวัฒนานุสรณ์ ภรรยาของสุรชัยกล่าวว่า ได้ทราบข่าวจากบ'
            'ุตรชายของภูชนะแล้ว แต่ยังไม่ขอพูดอะไร โดยเบื้องต้นได้ทำใจแต่'
            'แรกแล้วว่าเหตุการณ์ลักษณะนี้จะต้องเกิดขึ้นสักวันหนึ่ง'
        ),
        (
            'สุรชัย (78 ปี) ภูชนะ (54 ปี) กาสะลอง (47 ปี) เป็นนักเคลื่อนไ'
            'หวทางการเมือง และเป็นผู้ลี้ภัยจากเหตุการณ์รัฐประหาร 2557 ไปย'
            'ังประเทศเพื่อนบ้านได้หายออกจากที่พักในประเทศเพื่อนบ้านโดยที่'
            'ไม่มีใครสามารถติดต่อได้จนปัจจุบันนับเป็นเวลานาน 1 เดือน กับอ'
            'ีก 10 วัน'
        ),
    ]
)


def test_a_thai_report_has_key_points_as_well_as_a_lead() -> None:
    """Thai ends a sentence with no mark: a paragraph that ends on a Thai letter is whole,
    and can be a point, not only the lead."""
    digest = build(parse(THAI_REPORT))
    assert (digest.gist or "").startswith("21 ม.ค.2561")
    assert digest.bullets and digest.bullets[0].startswith("สุรชัย (78 ปี)")
