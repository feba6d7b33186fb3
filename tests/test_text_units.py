"""Unit tests for the text helpers: markup repair, sentences, captions, language, boilerplate,
quotes and byte decoding."""

from __future__ import annotations

import codecs

import pytest

from digests import ArticleError
from digests.captions import split_caption
from digests.clauses import without_lead_in
from digests.cleanup import (
    clean_inline,
    repair_markup,
    unglue_sentences,
    without_reference_marks,
)
from digests.decoding import decode
from digests.furniture import (
    is_footer,
    is_furniture,
    without_edit_links,
    without_glued_credit,
)
from digests.language import detect_language
from digests.lemmas import is_known_word
from digests.model import Article, Caption, Section
from digests.quotes import extract_quotes
from digests.sentences import has_unbalanced_quote, quotation_spans, split_sentences
from digests.sentences_pool import Pool

# ---------------------------------------------------------------------------------------------
# cleanup.repair_markup
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scraped", "repaired"),
    [
        ("Die &quot ;alten&quot ; Brunnen", 'Die "alten" Brunnen'),
        ("City Hall insists the &quot ;temporary", 'City Hall insists the "temporary'),
        ("Heidjer Frucht &amp ; Knolle", "Heidjer Frucht & Knolle"),
        ("&#8222;Wir handeln&#8220;, sagte sie.", "„Wir handeln“, sagte sie."),
        ("ООО &amp;quot;Северстройинвест&amp;quot;", 'ООО "Северстройинвест"'),
        ("it&#39;s", "it's"),
        ("a &amp; b", "a & b"),
    ],
)
def test_repair_markup_decodes_broken_entities(scraped: str, repaired: str) -> None:
    assert repair_markup(scraped) == repaired


def test_repair_markup_nbsp_becomes_a_space() -> None:
    assert repair_markup("3&nbsp;Millionen") in ("3\u00a0Millionen", "3 Millionen")
    assert repair_markup("3&nbsp ;Millionen") in ("3\u00a0Millionen", "3 Millionen")


@pytest.mark.parametrize(
    "scraped",
    [
        "< p>Die Brunnen sinken.",
        "Die Brunnen sinken.</p >",
        "Die Brunnen sinken.<br/>",
        "Die Brunnen sinken.<br>",
        "Die Brunnen sinken.</ p>",
        "< p>Die Brunnen sinken.</p >\n<br/>",
    ],
)
def test_repair_markup_removes_stray_tags(scraped: str) -> None:
    repaired = repair_markup(scraped)
    assert "<" not in repaired
    assert ">" not in repaired
    assert repaired.strip() == "Die Brunnen sinken."


def test_repair_markup_turns_tags_into_line_breaks() -> None:
    assert repair_markup("eins<br/>zwei").split() == ["eins", "zwei"]
    assert "\n" in repair_markup("eins<br/>zwei")
    assert "\n" in repair_markup("eins</p >< p>zwei")
    assert repair_markup("eins</p >< p>zwei").split() == ["eins", "zwei"]


@pytest.mark.parametrize(
    ("scraped", "repaired"),
    [
        ("&lt;script&gt;", "<script>"),
        (
            "Wer &lt;script&gt;alert(1)&lt;/script&gt; eintippte",
            "Wer <script>alert(1)</script> eintippte",
        ),
        ("&lt;b&gt;fett&lt;/b&gt;", "<b>fett</b>"),
        ("x &lt; y &amp;&amp; y &gt; z", "x < y && y > z"),
    ],
)
def test_repair_markup_keeps_escaped_markup_as_text(scraped: str, repaired: str) -> None:
    assert repair_markup(scraped) == repaired


@pytest.mark.parametrize(
    "scraped",
    [
        "Die Brunnen <script>alert(1)</script>sinken.",
        "Die Brunnen <SCRIPT type='text/javascript'>var a = 1;</SCRIPT>sinken.",
        "Die Brunnen <style>p { color: red }</style>sinken.",
        "Die Brunnen <!-- ad slot -->sinken.",
        "Die <b>Brunnen</b> <span class='x'>sinken</span>.",
    ],
)
def test_repair_markup_drops_raw_tags_and_scripts(scraped: str) -> None:
    repaired = repair_markup(scraped)
    assert "alert" not in repaired
    assert "color" not in repaired
    assert "<" not in repaired
    assert " ".join(repaired.split()) == "Die Brunnen sinken."


# ---------------------------------------------------------------------------------------------
# sentences.split_sentences
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Am 8. November traf sich der Rat in Hannover. Dann fiel die Entscheidung.",
            "de",
            ("Am 8. November traf sich der Rat in Hannover.", "Dann fiel die Entscheidung."),
        ),
        (
            "Am 3. März beginnt die Saison. Die Bauern sind bereit.",
            "de",
            ("Am 3. März beginnt die Saison.", "Die Bauern sind bereit."),
        ),
        (
            # "bzw." joins two words; unlike "usw." it never ends a sentence.
            "Keine Kalorien hat Früchte- bzw. Kräutertee. Saft hat viele.",
            "de",
            ("Keine Kalorien hat Früchte- bzw. Kräutertee.", "Saft hat viele."),
        ),
        (
            "Viele Kulturen, z. B. Kartoffeln, brauchen Wasser. Andere nicht.",
            "de",
            ("Viele Kulturen, z. B. Kartoffeln, brauchen Wasser.", "Andere nicht."),
        ),
        (
            "Das gilt z. B. Für Zuckerrüben. Andere nicht.",
            "de",
            ("Das gilt z. B. Für Zuckerrüben.", "Andere nicht."),
        ),
        (
            "Laut Dr. Müller sinken die Pegel seit Jahren. Das ist neu.",
            "de",
            ("Laut Dr. Müller sinken die Pegel seit Jahren.", "Das ist neu."),
        ),
        (
            "The U.S. Army Corps of Engineers inspected the bridge. It found rust.",
            "en",
            ("The U.S. Army Corps of Engineers inspected the bridge.", "It found rust."),
        ),
        (
            "Mr. Whitfield closed the bridge. Drivers were angry.",
            "en",
            ("Mr. Whitfield closed the bridge.", "Drivers were angry."),
        ),
        (
            "Some cities, e.g. Boston, chose to replace theirs. Riverton did not.",
            "en",
            ("Some cities, e.g. Boston, chose to replace theirs.", "Riverton did not."),
        ),
        (
            "Школа ім. Шевченка працює під землею. Учні раді.",
            "uk",
            ("Школа ім. Шевченка працює під землею.", "Учні раді."),
        ),
        (
            "Потрібні парти, дошки, генератори і т. д. Гроші шукає уряд.",
            "uk",
            ("Потрібні парти, дошки, генератори і т. д.", "Гроші шукає уряд."),
        ),
        (
            "Роща, т. е. Липовая аллея, под угрозой. Жители протестуют.",
            "ru",
            ("Роща, т. е. Липовая аллея, под угрозой.", "Жители протестуют."),
        ),
        (
            "Жители г. Северогорска вышли на митинг. Суд молчит.",
            "ru",
            ("Жители г. Северогорска вышли на митинг.", "Суд молчит."),
        ),
        (
            "В 2020 г. Власти обещали сохранить парк. Обещание не выполнено.",
            "ru",
            ("В 2020 г. Власти обещали сохранить парк.", "Обещание не выполнено."),
        ),
        (
            "„Satz eins. Satz zwei.“, sagte er.",
            "de",
            ("„Satz eins. Satz zwei.“, sagte er.",),
        ),
        (
            "„Satz eins. Satz zwei.“, sagte er. Dann ging er.",
            "de",
            ("„Satz eins. Satz zwei.“, sagte er.", "Dann ging er."),
        ),
        (
            '"It is rusty. It is unsafe," said Whitfield. Then he left.',
            "en",
            ('"It is rusty. It is unsafe," said Whitfield.', "Then he left."),
        ),
        (
            "They sold apples, pears etc. Next came the bridge.",
            "en",
            ("They sold apples, pears etc.", "Next came the bridge."),
        ),
        (
            "Is it safe? Nobody knows! Maybe… Engineers disagree.",
            "en",
            ("Is it safe?", "Nobody knows!", "Maybe…", "Engineers disagree."),
        ),
        # A quotation that closes after a full stop ends the sentence, after an initial too.
        (
            "He called the idea “bullshit” with a “capital B.” He had told leaders so.",
            "en",
            ("He called the idea “bullshit” with a “capital B.”", "He had told leaders so."),
        ),
        # Chinese and Japanese end a sentence with a full-width mark and no space after it;
        # a quotation in corner brackets is one sentence with what frames it.
        (
            "会晤吸引了全世界的目光。多名专家认为，合作符合各国利益！双方会再谈吗？",
            "zh",
            ("会晤吸引了全世界的目光。", "多名专家认为，合作符合各国利益！", "双方会再谈吗？"),
        ),
        (
            "【本报讯】市政府昨日宣布新计划。【编者按：计划明年实施。】",
            "zh",
            ("【本报讯】市政府昨日宣布新计划。", "【编者按：计划明年实施。】"),
        ),
        (
            "指導者は「2度の攻撃があった。数人が負傷した」と語った。当局が調べている。",
            "ja",
            ("指導者は「2度の攻撃があった。数人が負傷した」と語った。", "当局が調べている。"),
        ),
        # Other scripts' full stops and question marks, with a space after them: Hindi's
        # danda, the Arabic question mark.
        (
            "नई दिल्ली में बुधवार को भारी बारिश हुई। कई सड़कों पर पानी भर गया। क्या स्कूल कल खुलेंगे?",
            "hi",
            ("नई दिल्ली में बुधवार को भारी बारिश हुई।", "कई सड़कों पर पानी भर गया।", "क्या स्कूल कल खुलेंगे?"),
        ),
        (
            "هل ستفتح المدارس غدا؟ قال الوزير إن القرار سيصدر اليوم.",
            "ar",
            ("هل ستفتح المدارس غدا؟", "قال الوزير إن القرار سيصدر اليوم."),
        ),
    ],
)
def test_split_sentences(text: str, language: str, expected: tuple[str, ...]) -> None:
    assert split_sentences(text, language) == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A stray mark with a space on each side, left by a broken "&quot ;", pairs with none.
        ('The " rest. He said: "Yes." Then: "No."', [(21, 27), (34, 39)]),
        # Set apart from the quotation inside it, a mark still closes.
        ("\"People say, 'I didn't care,' \" says Munn.", [(0, 31)]),
        ("« Nous partons », dit-il.", [(0, 16)]),
    ],
)
def test_quotation_spans_skip_a_stray_mark(text: str, spans: list[tuple[int, int]]) -> None:
    assert quotation_spans(text) == spans


def test_a_stray_mark_does_not_hide_a_sentence_end() -> None:
    text = 'The " the the… John Whitfield said: "Yes." The end… Mary Smith said: "No."'
    assert "The end…" in split_sentences(text, "en")
    # Neither does it open a quotation that the text then breaks off.
    assert not has_unbalanced_quote('The " council met on Monday.')
    assert has_unbalanced_quote('The council said: "We will meet on Monday.')


def test_split_sentences_of_nothing() -> None:
    assert split_sentences("", "de") == ()
    assert split_sentences("   ", "en") == ()


# ---------------------------------------------------------------------------------------------
# captions.split_caption
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "text", "credit"),
    [
        (
            "Die Familie hat im Krieg alles verloren/Collage 24 Channel",
            "Die Familie hat im Krieg alles verloren",
            "Collage 24 Channel",
        ),
        (
            "Workers inspect the corroded girders on Monday. Photo: AP",
            "Workers inspect the corroded girders on Monday.",
            "AP",
        ),
        ("Учні в підземному класі/Фото Reuters", "Учні в підземному класі", "Reuters"),
        ("Bauern auf dem Feld bei Uelzen (Foto: dpa)", "Bauern auf dem Feld bei Uelzen", "dpa"),
        ("Bauern auf dem Feld bei Uelzen Foto: dpa", "Bauern auf dem Feld bei Uelzen", "dpa"),
        (
            "Липовая роща в центре Северогорска / Фото: ТАСС",
            "Липовая роща в центре Северогорска",
            "ТАСС",
        ),
        (
            "Митинг в центре города / Фото: РИА Новости",
            "Митинг в центре города",
            "РИА Новости",
        ),
        ("Митинг / Фото: РИА Новости", "Митинг", "РИА Новости"),
        ("Школа у Харкові © Reuters", "Школа у Харкові", "Reuters"),
        # Photographer and agency: the credit is both, slash and all.
        (
            "Workers inspect the corroded girders on Monday. Photo: Jane Doe/Reuters",
            "Workers inspect the corroded girders on Monday.",
            "Jane Doe/Reuters",
        ),
        (
            "Bauern auf dem Feld bei Uelzen (Foto: Philipp Schulze/dpa)",
            "Bauern auf dem Feld bei Uelzen",
            "Philipp Schulze/dpa",
        ),
        # A video desk's or a wire's credit in capitals after the caption's full stop.
        (
            "Travelers at the Atlanta airport express concerns about the screening. VPC",
            "Travelers at the Atlanta airport express concerns about the screening.",
            "VPC",
        ),
    ],
    ids=[
        "collage-slash",
        "en-photo-label",
        "uk-foto-slash",
        "de-foto-parenthesis",
        "de-foto-glued",
        "ru-foto-tass",
        "ru-foto-ria",
        "ru-foto-ria-one-word-caption",
        "uk-copyright",
        "en-photographer-slash-agency",
        "de-photographer-slash-agency",
        "en-capitals-after-the-full-stop",
    ],
)
def test_split_caption_finds_the_credit(block: str, text: str, credit: str) -> None:
    assert split_caption(block) == Caption(text=text, credit=credit)


@pytest.mark.parametrize(
    "block",
    [
        "The pharmacy on Main Street is open 24/7 and then some, the owner joked.",
        "The hotline is staffed 24/7 and then handed to volunteers",
        "Die Löhne sollen um 5/6 Prozent steigen.",
        "Die Löhne sollen um 5/6 Prozent steigen",
        "Kunden können bar und/oder mit Karte zahlen, sagte der Händler.",
        "Landwirte und/oder Wasserversorger müssen zahlen",
        (
            "Die Landesregierung will die Entnahme von Grundwasser begrenzen. Bauern, "
            "Wasserversorger und Umweltverbände streiten seit Monaten darüber, wer wie viel "
            "Wasser entnehmen darf. Ein Foto der ausgetrockneten Felder bei Uelzen ging im "
            "Sommer durch die Medien."
        ),
        (
            "Der Streit um das Grundwasser beschäftigt den Landkreis seit Jahren. "
            "Die Bauern sagen, ohne Beregnung wachse auf den sandigen Böden kaum etwas, "
            "die Wasserversorger warnen vor sinkenden Pegeln, und die Ministerin will bis "
            "zum Herbst einen Kompromiss vorlegen, dem Landwirte und Versorger zustimmen können. "
        )
        * 2,
        "Photo: AP",
        "",
    ],
)
def test_split_caption_rejects_non_captions(block: str) -> None:
    assert split_caption(block) is None


# ---------------------------------------------------------------------------------------------
# language.detect_language
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Die Regierung will das Wasser für die Bauern begrenzen, und das ist nicht einfach.",
            "de",
        ),
        ("Niedersachsen begrenzt die Beregnung mit Grundwasser auf den Äckern.", "de"),
        ("The council said that the bridge will remain closed for the rest of the year.", "en"),
        ("Уряд шукає гроші на підземні класи, і це непросто для громад.", "uk"),
        ("Правительство ищет деньги на подземные классы, и это непросто для общин.", "ru"),
        # Ukrainian and Russian sentences that share most of their words.
        ("Він сказав, що це не так, але вона не погодилася.", "uk"),
        ("Он сказал, что это не так, но она не согласилась.", "ru"),
        ("Але в місті на вулиці не було світла до вечора, і люди чекали.", "uk"),
        ("Но в городе на улице не было света до вечера, и люди ждали.", "ru"),
        ("Парламент ухвалив закон про освіту, але президент його ще не підписав.", "uk"),
        ("Парламент принял закон об образовании, но президент его ещё не подписал.", "ru"),
        ("Президент не підписав закон про бюджет на наступний рік.", "uk"),
        ("Президент не подписал закон о бюджете на следующий год.", "ru"),
        # Languages beyond the four the interface speaks, and no language at all.
        ("Le gouvernement cherche de l'argent pour les classes souterraines du front.", "fr"),
        ("El gobierno busca dinero para las aulas subterráneas del frente.", "es"),
        ("O governo procura dinheiro para as salas de aula subterrâneas.", "pt"),
        ("Vláda hledá peníze na podzemní třídy v obcích u fronty.", "cs"),
        ("Rząd szuka pieniędzy na podziemne klasy w gminach przy froncie.", "pl"),
        ("Il governo cerca soldi per le aule sotterranee dei comuni al fronte.", "it"),
        ("2024 12 31 100 200 300", "und"),
        ("1.200.000 € — 45 % / 3,5", "und"),
        ("", "und"),
    ],
    ids=[
        "de",
        "de-umlauts",
        "en",
        "uk",
        "ru",
        "uk-shared-1",
        "ru-shared-1",
        "uk-shared-2",
        "ru-shared-2",
        "uk-shared-3",
        "ru-shared-3",
        "uk-shared-4",
        "ru-shared-4-no-marker-letters",
        "fr",
        "es",
        "pt",
        "cs",
        "pl",
        "it",
        "digits",
        "numbers-and-symbols",
        "empty",
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


# ---------------------------------------------------------------------------------------------
# furniture.is_furniture / is_footer
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Lesen Sie auch: Wie Uelzen sein Wasser rettet",
        "Read also: Riverton closes a second bridge",
        "Читайте також: Уряд шукає гроші на школи",
        "Читайте также: Суд отложил рассмотрение иска",
        "Share this article",
        "Share",
        "Artikel teilen",
        "Поділитися",
        "Поделиться",
        "• Share this article",
        "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.",
        "We use cookies to improve your experience. Accept all cookies",
        "Мы используем файлы cookie, чтобы сайт работал лучше.",
        "Ми використовуємо файли cookie для зручності.",
        "Follow us on Twitter",
        "Tags: bridge, council",
        "Advertisement",
        "© 2024 Harbor Ledger",
        # A review's disclosure: how the reviewer got the game, not what the review says.
        "Shovel Knight was reviewed using code provided by Yacht Club Games.",
        "Das Testgerät wurde uns vom Hersteller für zwei Wochen zur Verfügung gestellt.",
        # A Chinese portal's copyright line, editor and sharing.
        "【美国The Next Web作品的中文相关权益归腾讯公司独家所有。未经授权，不得转载、摘编等。】",
        "[责任编辑：alonliu]",
        "转播到腾讯微博",
        # A French site's links to other articles and its live page.
        "Lire : Que sont les IMSI-catchers, ces valises qui espionnent les téléphones ?",
        "Revivez le direct du vote à l’Assemblée avec vos questions.",
        # A Japanese site's controls and paywall, written without spaces.
        "＞ 新規会員登録",
        "記事保存",
        "有料会員の方のみご利用になれます。",
        "［有料会員限定］ この記事は会員限定です。",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_furniture(line)
    assert not is_footer(line)


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply",
        "Leave a comment",
        "Your email address will not be published.",
        "Kommentar schreiben",
        "Залишити коментар",
        "Оставить комментарий",
        "Комментарии (12)",
    ],
)
def test_footer_lines(line: str) -> None:
    assert is_footer(line)


@pytest.mark.parametrize(
    "line",
    [
        "Related to this, the minister said the bridge would stay closed until spring.",
        "Share prices of the construction firm fell sharply on Monday.",
        "Comments from residents at the hearing were mostly negative.",
        "Teilen Sie diese Sorge, fragte die Ministerin die Bauern.",
        (
            "The company said it would stop using tracking cookies next year, after regulators "
            "found that it had placed cookies on the computers of millions of users without "
            "asking them first. Under the new rules, websites must ask before they store "
            'cookies, and a banner that says "we use cookies" is no longer enough.'
        ),
    ],
)
def test_article_sentences_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)
    assert not is_footer(line)


# ---------------------------------------------------------------------------------------------
# quotes.extract_quotes
# ---------------------------------------------------------------------------------------------


def _only(paragraphs: list[str]) -> tuple[str, str | None]:
    quotes = extract_quotes(paragraphs)
    assert len(quotes) == 1, quotes
    return quotes[0].text, quotes[0].speaker


@pytest.mark.parametrize(
    ("paragraph", "said", "speaker"),
    [
        (
            "„Wir müssen das Grundwasser für alle schützen“, betonte Anna Beispiel.",
            "Wir müssen das Grundwasser für alle schützen",
            "Anna Beispiel",
        ),
        (
            "»Wir müssen das Grundwasser für alle schützen«, sagte Ministerin Anna Beispiel.",
            "Wir müssen das Grundwasser für alle schützen",
            "Anna Beispiel",
        ),
        (
            '"The bridge will stay closed until spring," said John Whitfield.',
            "The bridge will stay closed until spring",
            "John Whitfield",
        ),
        (
            '"The bridge will stay closed until spring," Whitfield said.',
            "The bridge will stay closed until spring",
            "Whitfield",
        ),
        (
            "«Ми шукаємо гроші на підземні класи», — заявив Остап Ґалаґан.",
            "Ми шукаємо гроші на підземні класи",
            "Остап Ґалаґан",
        ),
        (
            "«Мы не позволим вырубить этот парк» — отметила Анна Лебедева.",
            "Мы не позволим вырубить этот парк",
            "Анна Лебедева",
        ),
        (
            "„Die Pegel sinken seit Jahren deutlich“, sagte die Hydrogeologin Dr. Miriam Sander "
            "von der Universität Göttingen.",
            "Die Pegel sinken seit Jahren deutlich",
            "Miriam Sander",
        ),
        (
            "„Eine Investitionsoffensive ist unabdingbar“, sagt der Präsident des Malteser "
            "Hilfsdienst, Georg Khevenhüller.",
            "Eine Investitionsoffensive ist unabdingbar",
            "Georg Khevenhüller",
        ),
        (
            '"We will not back down from this fight," said the president of the union, '
            "Maria Lopez.",
            "We will not back down from this fight",
            "Maria Lopez",
        ),
        (
            '"We will not back down from this fight," said the union president, who asked '
            "not to be named.",
            "We will not back down from this fight",
            "the union president",
        ),
    ],
)
def test_quote_with_attribution_after(paragraph: str, said: str, speaker: str) -> None:
    assert _only([paragraph]) == (said, speaker)


@pytest.mark.parametrize(
    ("paragraph", "language", "speaker"),
    [
        # Brazilian and Spanish reporting verbs: "falou", "contó".
        (
            '"Em 2012 eu errei. Ele não era presidente", falou Tite ao programa "Grande Círculo".',
            "pt",
            "Tite",
        ),
        ("«No pensamos en el título todavía», contó Lionel Messi tras el partido.", "es", "Lionel Messi"),
    ],
)
def test_a_language_s_reporting_verbs_name_the_speaker(
    paragraph: str, language: str, speaker: str
) -> None:
    (quote,) = extract_quotes([paragraph], language)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("paragraph", "said", "speaker"),
    [
        (
            "Anna Beispiel sagte: „Wir müssen das Grundwasser für alle schützen.“",
            "Wir müssen das Grundwasser für alle schützen",
            "Anna Beispiel",
        ),
        (
            "Landvolk-Präsident Dr. Jens Albers erklärte: »Ohne Beregnung wächst hier nichts.«",
            "Ohne Beregnung wächst hier nichts",
            "Jens Albers",
        ),
        (
            'Dr. Lucia Ortega said: "The steel is rusted through in eleven places."',
            "The steel is rusted through in eleven places",
            "Lucia Ortega",
        ),
        (
            "Голова обласної ради Євген Сірко наголосив: «Діти мають вчитися в безпеці.»",
            "Діти мають вчитися в безпеці",
            "Євген Сірко",
        ),
    ],
)
def test_quote_with_attribution_before(paragraph: str, said: str, speaker: str) -> None:
    text, found = _only([paragraph])
    assert text.rstrip(".") == said
    assert found == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # Quoted before.
        (
            [
                '"The flaw lets anyone run code on a teacher\'s screen," said Priya Raman.',
                '"We reported it to the vendor in November," she said.',
            ],
            "Priya Raman",
        ),
        # Named before with a role.
        (
            [
                "Researcher Priya Raman found the flaw in November.",
                '"We reported it to the vendor in November," she said.',
            ],
            "Priya Raman",
        ),
        # Named before, the role in apposition.
        (
            [
                "Priya Raman, a security researcher, found the flaw in November.",
                '"We reported it to the vendor in November," she said.',
            ],
            "Priya Raman",
        ),
        (
            [
                "Ministerin Anna Beispiel stellte den Plan am Montag vor.",
                "„Wir müssen jetzt handeln, bevor es zu spät ist“, sagte sie.",
            ],
            "Anna Beispiel",
        ),
        (
            [
                "Міністр освіти Остап Ґалаґан відвідав школу в Харкові.",
                "«Ми шукаємо гроші на підземні класи», — сказав він.",
            ],
            "Остап Ґалаґан",
        ),
    ],
    ids=[
        "en-quoted-before",
        "en-named-with-role",
        "en-named-with-appositive-role",
        "de-named-with-role",
        "uk-named-with-role",
    ],
)
def test_pronoun_speaker_is_resolved(paragraphs: list[str], speaker: str) -> None:
    assert extract_quotes(paragraphs)[-1].speaker == speaker


def test_a_pronoun_after_someone_else_is_named_stays_unresolved() -> None:
    paragraphs = [
        "The move could amount to a war crime, Amnesty International said on Monday. "
        "One of the women to flee was 25-year-old Nesma Hajjaj. "
        "“I am from Gaza City and I was afraid,” she said in an interview."
    ]
    assert extract_quotes(paragraphs, "en")[-1].speaker is None


def test_role_speaker_is_resolved_to_the_person_named_with_that_role() -> None:
    quotes = extract_quotes(
        [
            "Ministerin Anna Beispiel stellte den Plan am Montag in Hannover vor.",
            "„Die Pegel sinken seit Jahren deutlich“, sagte die Hydrogeologin "
            "Dr. Miriam Sander von der Universität Göttingen.",
            "„Das Wasser gehört allen Menschen im Land“, sagte die Ministerin.",
        ]
    )
    assert [q.speaker for q in quotes] == ["Miriam Sander", "Anna Beispiel"]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                '"The bridge will stay closed until spring," said Mayor John Whitfield.',
                '"The steel is rusted through in eleven places," said Dr. Lucia Ortega.',
                '"We will not gamble with anyone\'s safety," the mayor said.',
            ],
            "John Whitfield",
        ),
        (
            [
                "Глава города Андрей Мельников пока не поддержал ни одну из сторон.",
                "«Я не подпишу ни одного документа без экспертизы», — заявил глава города.",
            ],
            "Андрей Мельников",
        ),
        # Role, the city in the genitive, then the name: the city is not part of the name.
        (
            [
                "Мэр Северогорска Пётр Мельников поддержал застройщика.",
                "«Парк останется парком, просто станет меньше», — заявил мэр.",
            ],
            "Пётр Мельников",
        ),
    ],
    ids=["en-the-mayor", "ru-glava-goroda", "ru-mayor-genitive-city"],
)
def test_role_speaker_in_english_and_russian(paragraphs: list[str], speaker: str) -> None:
    assert extract_quotes(paragraphs)[-1].speaker == speaker


@pytest.mark.parametrize(
    "paragraph",
    [
        "Die Bauern sprechen von einer „kalten Enteignung“ und vom „Wasserpfennig“.",
        'Critics call the closure a "slow disaster" for the "east side".',
        "Жители называют посадку «декорацией».",
        "Учні називають класи «шкільними бункерами».",
    ],
)
def test_scare_quotes_are_not_quotes(paragraph: str) -> None:
    assert extract_quotes([paragraph]) == ()


def test_unattributed_quote_has_no_speaker() -> None:
    quotes = extract_quotes(["„Das Wasser gehört allen Menschen im Land“ steht auf dem Plakat."])
    assert [q.text for q in quotes] == ["Das Wasser gehört allen Menschen im Land"]
    assert quotes[0].speaker is None


@pytest.mark.parametrize(
    ("paragraph", "language", "text", "speaker"),
    [
        (
            '"The people who control popularity," says Olivia Munn, "are the people who are'
            ' not popular."',
            "en",
            "The people who control popularity are the people who are not popular.",
            "Olivia Munn",
        ),
        (
            "„Wir wollen die Preise stabil halten“, sagte Ministerin Anna Keller, „damit die"
            " Betriebe planen können.“",
            "de",
            "Wir wollen die Preise stabil halten, damit die Betriebe planen können.",
            "Anna Keller",
        ),
    ],
)
def test_a_quotation_the_speaker_interrupts_is_one(
    paragraph: str, language: str, text: str, speaker: str
) -> None:
    assert [(q.text, q.speaker) for q in extract_quotes([paragraph], language)] == [
        (text, speaker)
    ]


def test_two_quotations_stay_two() -> None:
    paragraph = (
        '"We will not close the plant," said Mayor Ruth Olsen. "Every job there counts for'
        ' the town."'
    )
    assert len(extract_quotes([paragraph], "en")) == 2


# ---------------------------------------------------------------------------------------------
# decoding.decode
# ---------------------------------------------------------------------------------------------

GERMAN = "Grüße aus Köln: Die Bürger wollen mehr Wasser für die Äcker."


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (GERMAN.encode("utf-8"), GERMAN),
        ("Уряд шукає гроші на школи.".encode(), "Уряд шукає гроші на школи."),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), GERMAN),
        (GERMAN.encode("utf-16"), GERMAN),
        (codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), GERMAN),
        (codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), GERMAN),
        (GERMAN.encode("latin-1"), GERMAN),
        ("Grüße".encode("latin-1"), "Grüße"),
        ("Straße".encode("latin-1"), "Straße"),
        ("„Grüße“ – sagte er, 5 €.".encode("cp1252"), "„Grüße“ – sagte er, 5 €."),
        (b"", ""),
    ],
    ids=[
        "utf8",
        "utf8-cyrillic",
        "utf8-bom",
        "utf16",
        "utf16-le-bom",
        "utf16-be-bom",
        "latin1-sentence",
        "latin1-Gruesse",
        "latin1-Strasse",
        "cp1252-quotes-euro",
        "empty",
    ],
)
def test_decode_text(data: bytes, text: str) -> None:
    assert decode(data) == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"Die Brunnen\x00sinken",
        b"\x00" * 64,
        bytes(range(1, 9)) * 20,
    ],
)
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(ArticleError):
        decode(data)


# ---------------------------------------------------------------------------------------------
# furniture of real pages, in many languages
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Stand: 28.04.2020 18:00 Uhr",
        "By Nada Tawfik, BBC News, New York",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "-Aktualisiert am",
        "Mitteilung Correctiv",
        "A SIMPLE GUIDE: How do I protect myself?",
        "1 of 5",
        "Close",
        "Updated 3 hours ago",
        "Posted on",
        "Créé: 12.12.2019, 07h36",
        "Veröffentlicht am 17. Dezember 2019 von Simon Dückert",
        "Von Gregory Lipinski",
        "Par Stefan Häne",
        "Autor: Fritz Imhof",
        "Quelle: Livenet",
        "Foto: dpa",
        "iStock/cjp",
        "(Credits: Amazon Prime Video)",
        "Pixabay",
        "Lire aussi : Le Conseil fédéral durcit le ton",
        "Lea más: Secretaria vip: Tribunal condena a 4 años de prisión a ex contralor",
        "Czytaj też: Ten region Polski zanotował najniższe bezrobocie w całej UE",
        "Leggi anche: il clima in Europa",
        "Leia também: o que muda em 2024",
        "Čtěte také: Vláda schválila rozpočet",
        "Weitere Infos unter www.itfjuniors.de.",
        "Twitter: @BSI_Bund #DeutschlandDigitalSicherBSI",
        "Pressekontakt: presse@example.org, Tel. 030 1234567",
        "To view the full story, please subscribe to The Haitian Times.",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "Utilizamos cookies para mejorar su experiencia.",
        "Inhalt: Das erwartet Sie in diesem Artikel",
        "Correction 8/29/10 7:05 a.m. PDT:A previous version of this story misstated his title.",
        "Korrektur: In einer früheren Version hieß es, die Brücke sei gesperrt.",
        "Rectificatif : une précédente version de cet article indiquait une autre date.",
        "Contributing: Liz Szabo, Michael Winter, Associated Press.",
    ],
)
def test_furniture_of_real_pages(line: str) -> None:
    assert is_furniture(line) or is_footer(line), line


@pytest.mark.parametrize(
    "line",
    [
        "Von Berlin aus fährt der Zug in vier Stunden nach Hamburg.",
        "Von Bürgern Geld verlangen",
        "By Land, Sea and Air",
        "Bilanz für März",
        "Inflation im März gesunken",
        "Am Ende entscheidet der Rat über das Freibad.",
        "Weiter geht es mit der Debatte im Landtag.",
        "Werbung für Zigaretten ist seit 2021 verboten.",
        "Eva Welskop-Deffaa zur neuen Caritas-Präsidentin gewählt",
        "Für die Freiheit auf Rädern – Campinglösungen von Sortimo am Caravan Salon",
        "5 Gründe für den Umzug",
        "The correction of the error took three weeks and cost the city 2 million.",
        "Corrections officers said: the prison was full.",
        "Contributing factors include the heat and a broken pump.",
    ],
)
def test_lines_that_only_look_like_furniture(line: str) -> None:
    assert not is_furniture(line) and not is_footer(line), line


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("(c) proplanta Wie der Ressortchef erklärte, bleibt es dabei.", "Wie der Ressortchef"),
        ("© dpa/Bernd Weißbrod Die Polizei sperrte die Straße.", "Die Polizei"),
        ("© Reuters The minister said on Monday that talks would resume.", "The minister"),
        ("(c) 2020 Alle Rechte vorbehalten", "(c) 2020"),
        ("© Berlin ist im Sommer voll.", "© Berlin"),
        ("Der Preis stieg (c) um zehn Prozent.", "Der Preis"),
    ],
)
def test_a_credit_glued_to_a_paragraph_is_cut_off(paragraph: str, expected: str) -> None:
    assert without_glued_credit(paragraph).startswith(expected)


def test_no_space_before_a_full_stop_or_comma() -> None:
    from digests.cleanup import clean_inline

    assert clean_inline("nur 8,8 Sekunden , was  sich anfühlt .") == "nur 8,8 Sekunden, was sich anfühlt."
    assert clean_inline("Er zögerte ... dann ging er.") == "Er zögerte ... dann ging er."


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("WEST PALM BEACH — The family has launched a fund.", "The family"),
        ("KHAN YOUNIS, GAZA — The assault has left the hospitals empty.", "The assault"),
        ("München / Berlin - Bayerns Minister hat eine Initiative gestartet.", "Bayerns"),
        ("Warendorf (fn-press) – Die Beschlüsse widersprechen der Ordnung.", "Die Beschlüsse"),
        ("Mehr Sicherheit – das fordern die Verbände seit Jahren.", "Mehr Sicherheit"),
        ("Berlin - Die Stadt wächst.", "Berlin - Die"),
        ("WASHINGTON (Aug. 13) -- Declaring the soul at stake, Gates ordered it.", "Declaring"),
        ("Washington (CNN) -- Democrats pledged Friday to keep it.", "Democrats"),
        ("(CNN) -- The Pennsylvania official summed up a winter storm.", "The Pennsylvania"),
        ("(Reuters) - Oil prices rose on Monday.", "Oil prices"),
        ("NEW YORK--Verizon Communications is prepping a new app.", "Verizon"),
        ("US--China talks resumed on Monday.", "US--China"),
        ("SEOUL, Aug. 20 (Yonhap) -- North Korea's official newspaper blasted it.", "North"),
        ("دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة", "أكدت"),
        ("Berlin (dpa) - die Stadt wächst.", "Berlin (dpa)"),
        ("新华社北京11月17日电 记者17日从国家卫生健康委获悉，近阶段相关部门持续保障用药。", "记者17日"),
        ("中新网上海3月2日电（记者 张三）上海市今天发布新规。", "上海市今天"),
        ("新华社记者在北京采访了多位专家。", "新华社记者"),
        ("【6月18日 AFP】ナイジェリア北東部ボルノ州で16日夜、自爆攻撃が起きた。", "ナイジェリア"),
        ("(Wie erwartet) - das ist so.", "(Wie erwartet)"),
        ("-- Alabama's strict new immigration law may be backfiring.", "Alabama's"),
        ("ANAHEIM, Calif. — Musicians often show off lots of ring bling.", "Musicians"),
        ("SANTA FE, New Mexico — The Senate voted on Monday.", "The Senate"),
        ("— Я не знаю, — сказал он.", "— Я не знаю"),
    ],
)
def test_a_dateline_opening_a_report_is_cut_off(paragraph: str, expected: str) -> None:
    from digests.furniture import without_dateline

    assert without_dateline(paragraph).startswith(expected)


def test_a_dateline_never_reaches_the_lead() -> None:
    from digests import build, parse

    text = (
        "Brücke gesperrt\n\nKÖLN — Die Stadt Köln hat die Mülheimer Brücke für Lastwagen über "
        "7,5 Tonnen gesperrt.\n\nDie Sperrung gilt ab Montag für mindestens zwei Jahre."
    )
    assert build(parse(text)).gist.startswith("Die Stadt Köln hat")
    # A dateline with its own full stop ("Calif.") is cut before the paragraph is split.
    text = (
        "Rings that make music\n\nANAHEIM, Calif. — Musicians often wear rings on stage, but "
        "rarely have rings been thought of for making music.\n\nA set costs $24.99."
    )
    assert build(parse(text)).gist.startswith("Musicians often wear rings")


def test_a_point_typed_with_a_list_mark_is_shown_without_it() -> None:
    from digests.sentences_pool import without_enumeration

    assert without_enumeration("- Cut your time in purgatory by following the pope.") == (
        "Cut your time in purgatory by following the pope."
    )
    assert without_enumeration("6. Die Wirtschaftskammer war dagegen.") == (
        "Die Wirtschaftskammer war dagegen."
    )
    assert without_enumeration("-1.0 percent is the rate.") == "-1.0 percent is the rate."


@pytest.mark.parametrize(
    ("text", "language", "sentences"),
    [
        (
            "This year she shot to No. 8. In May, she played a reporter in Iron Man 2.",
            "en",
            ("This year she shot to No. 8.", "In May, she played a reporter in Iron Man 2."),
        ),
        ("Sie kam am 8. Mai an. Danach ging sie.", "de", ("Sie kam am 8. Mai an.", "Danach ging sie.")),
        ("Der 3. Platz ging an Stefan Kraft.", "de", ("Der 3. Platz ging an Stefan Kraft.",)),
    ],
)
def test_a_figure_ends_a_sentence_where_the_language_writes_no_ordinal_dot(
    text: str, language: str, sentences: tuple[str, ...]
) -> None:
    assert split_sentences(text, language) == sentences


def test_a_sentence_ends_where_its_quotation_closes() -> None:
    text = "Er zitiert meinen Tweet “Wien ist zu blöd. Muss man hinnehmen.” (Hier die Version.)"
    assert split_sentences(text, "de") == (
        "Er zitiert meinen Tweet “Wien ist zu blöd. Muss man hinnehmen.”",
        "(Hier die Version.)",
    )
    goes_on = "His appeal, “the mogul.” — has less to do with identity than with threat."
    assert split_sentences(goes_on, "en") == (goes_on,)


def test_an_aside_in_brackets_is_no_key_point() -> None:
    from digests.sentences_pool import is_aside

    assert is_aside("(Hier die Online-Version.)")
    assert not is_aside("(dpa) Die Stadt hat die Brücke gesperrt.")


def test_figures_and_names_are_counted_once() -> None:
    from digests.sentences_pool import names_and_figures

    found = names_and_figures("L'Office fédéral (OFEV) a trouvé 31 stations en 2019.", "fr")
    assert {"ofev", "31", "2019"} <= found
    assert "2019." not in found and "l'office" not in found


def test_the_headline_is_never_the_site_name() -> None:
    from digests.furniture import Masthead
    from digests.page import PageFacts, choose_headline

    politico = PageFacts(
        titles=("Senate passes the budget bill", "Senate passes the budget bill - POLITICO"),
        h1s=("POLITICO", "Senate passes the budget bill"),
        masthead=Masthead(site_names=("POLITICO", "politico")),
    )
    assert choose_headline(politico) == "Senate passes the budget bill"
    sidebar = PageFacts(
        titles=("Lithium-Recycling: Neue Anlage in Bayern | heise online",),
        h1s=("#heiseshow PSD2 – Was die neue Zahlungsrichtlinie bringt",),
        masthead=Masthead(site_names=("heise online", "heise")),
    )
    assert choose_headline(sidebar) == "Lithium-Recycling: Neue Anlage in Bayern"
    msn = PageFacts(
        titles=("Flooding closes the coastal road",),
        h1s=("msn back to msn home news",),
        masthead=Masthead(site_names=("MSN", "msn")),
    )
    assert choose_headline(msn) == "Flooding closes the coastal road"


def test_caches_remember_short_texts_only() -> None:
    """A page's whole text, compared once, is not kept alive by the cache."""
    from digests.cleanup import comparable

    comparable.cache_clear()
    assert comparable("Der Titel, noch einmal!") == "dertitelnocheinmal"
    assert comparable("Ein Absatz. " * 500) == "einabsatz" * 500  # 6,000 characters
    assert comparable.cache_info().currsize == 1  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------
# clauses.without_lead_in
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "shown"),
    [
        (
            "Zum Vergleich: In den zehn Jahren vor Corona gab es rund 40.000 Schließungen.",
            "de",
            "In den zehn Jahren vor Corona gab es rund 40.000 Schließungen.",
        ),
        (
            "Privatkunden: Aufgrund der festen Raten lohnt sich Leasing auch für Privatnutzer.",
            "de",
            "Aufgrund der festen Raten lohnt sich Leasing auch für Privatnutzer.",
        ),
        (
            "The bottom line: Most households will pay about 200 pounds more a year.",
            "en",
            "Most households will pay about 200 pounds more a year.",
        ),
        # A speaker, named or with a verb of saying, is no lead-in.
        (
            "Helfrich: Grüner Wasserstoff ist die dritte Säule der globalen Energiewende.",
            "de",
            None,
        ),
        ("The mayor said: We will rebuild the bridge before the winter comes.", "en", None),
        # A longer lead-in is the statement's own context.
        (
            "Für Eltern von kleinen Kindern eine typische Situation: Die Kita ruft an, das Kind "
            "hat Fieber.",
            "de",
            None,
        ),
        # After the colon, a list rather than a statement.
        ("Kolejne miejsca zajmują: Czechy (3,2 proc.) oraz Holandia (3,5 proc.).", "pl", None),
        # A figure before the colon is a time or a score, not a lead-in.
        ("Um 10:30 Uhr begann die Sitzung des Rates mit einer Schweigeminute für die Opfer.", "de", None),
    ],
    ids=["comparison", "label", "bottom-line", "speaker", "said", "context", "list", "time"],
)
def test_a_short_lead_in_before_a_colon_is_left_out(
    sentence: str, language: str, shown: str | None
) -> None:
    def is_name(word: str) -> bool:
        return word[:1].isupper() and is_known_word(word, language) is False

    assert without_lead_in(sentence, language, is_name) == (shown or sentence)


# ---------------------------------------------------------------------------------------------
# sentences_pool.Pool.leans: an expletive subject stands for nothing before it
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "leans"),
    [
        ("en", "It will be a challenging task for the team to compete without a league.", False),
        ("en", "It is unclear whether the council will approve the plan this year.", False),
        ("en", "It takes about three weeks for the seeds to germinate in spring.", False),
        ("en", "It was built in 1990 and has not been repaired since then.", True),
        ("en", "It will be a new school for about 400 pupils from the village.", True),
        ("de", "Es gibt in der Stadt mehr Fahrräder als Autos und Busse zusammen.", False),
        ("de", "Es ist noch unklar, wann die Brücke wieder geöffnet wird.", False),
        ("de", "Es wurde 1990 gebaut und seitdem nicht mehr renoviert.", True),
        ("fr", "Il y a désormais plus de vélos que de voitures dans la ville.", False),
        ("fr", "Il a été construit en 1990 et jamais rénové depuis.", True),
        # A part of what the sentence before named.
        ("de", "Speziell Gemüse hat kaum Kalorien und ist der beste Freund jeder Diät.", True),
        ("en", "Especially vegetables have few calories and help with any diet.", True),
        ("de", "Schließlich ist die fünfte Platte der Band von Perspektivwechseln geprägt.", True),
        ("pl", "Takie osoby mają te same prawa i obowiązki co wszyscy inni.", True),
        # An answer to a question the reader does not see.
        ("de", "Nein, die Werbung werden die Sender ab 2017 selbst vermarkten.", True),
        ("en", "Yes, the council will publish the full report before the vote.", True),
    ],
)
def test_an_expletive_subject_does_not_lean_on_the_sentence_before(
    language: str, sentence: str, leans: bool
) -> None:
    article = Article(
        language=language,
        headline="Titel",
        sections=(Section(heading=None, paragraphs=(sentence,)),),
    )
    assert Pool(article).leans(sentence) is leans


# ---------------------------------------------------------------------------------------------
# furniture.without_edit_links
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "bare"),
    [
        ("Plot[edit]", "Plot"),
        ("References [ edit ]", "References"),
        ("Handlung[Bearbeiten | Quelltext bearbeiten]", "Handlung"),
        ("Histoire[modifier | modifier le code]", "Histoire"),
        ("История[править | править код]", "История"),
        # A reference mark or a bracketed word of the heading's own stays.
        ("Der Bericht [1]", None),
        ("Results [updated]", None),
    ],
    ids=["en", "en-spaced", "de", "fr", "ru", "reference-mark", "own-word"],
)
def test_a_wiki_heading_loses_its_edit_links(heading: str, bare: str | None) -> None:
    assert without_edit_links(heading) == (bare or heading)


# ---------------------------------------------------------------------------------------------
# cleanup.unglue_sentences
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "spaced"),
    [
        ("Ihre Dienstleistung?Wir prüfen das.", "Ihre Dienstleistung? Wir prüfen das."),
        (
            'He called himself its "revolutionary president."Seddique Mateen is a mystery.',
            'He called himself its "revolutionary president." Seddique Mateen is a mystery.',
        ),
        ("He said “it is over.”The council met.", "He said “it is over.” The council met."),
        # A mark that opens a quotation, an address, a decimal: no sentences glued.
        ('He said."The council met."', None),
        ("Visit www.example.com today.", None),
        ("The rate rose to 3.5 percent.", None),
    ],
    ids=["question", "after-closing-quote", "after-curly-quote", "opening-quote", "www", "decimal"],
)
def test_sentences_glued_by_markup_are_spaced(glued: str, spaced: str | None) -> None:
    assert unglue_sentences(glued) == (spaced or glued)


# ---------------------------------------------------------------------------------------------
# cleanup.without_reference_marks
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "cleaned"),
    [
        (
            "Einer Umfrage von Afrobarometer zufolge (1) ziehen 73 Prozent die Demokratie vor.",
            "Einer Umfrage von Afrobarometer zufolge ziehen 73 Prozent die Demokratie vor.",
        ),
        ("He was elected in 1990.[3] He resigned in 1994.", "He was elected in 1990. He resigned in 1994."),
        # An enumeration, an age, a year and a figure's own mark stay.
        ("Es gibt zwei Wege: (1) mehr Steuern und (2) weniger Ausgaben.", None),
        ("Gründe, nämlich (1) die Kosten und (2) die Zeit.", None),
        ("Eva M. Welskop-Deffaa (62) ist zur Präsidentin gewählt worden.", None),
        ("Die Zahl stieg im Jahr (2021) deutlich an.", None),
        ("So der Arab Barometer im Jahr 2021 (2). Überwältigend viele stimmten zu.", None),
    ],
    ids=["footnote", "bracketed", "enumeration", "enumeration-2", "age", "year", "after-figure"],
)
def test_reference_marks_leave_the_running_text(paragraph: str, cleaned: str | None) -> None:
    assert without_reference_marks(paragraph) == (cleaned or paragraph)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Markus Eisenbichler wurde 11..", "Markus Eisenbichler wurde 11."),
        ("Und dann... nichts mehr.", "Und dann... nichts mehr."),
        ("den Verein zu gründen,einige Gleichgesinnte", "den Verein zu gründen, einige Gleichgesinnte"),
        ("Die Quote liegt bei 3,1 Prozent.", "Die Quote liegt bei 3,1 Prozent."),
        ("Autoren: Müller,K. und Weber,L.", "Autoren: Müller,K. und Weber,L."),
        ("Mehr unter www.example.org/a,b und ?x=1,y", "Mehr unter www.example.org/a,b und ?x=1,y"),
    ],
)
def test_clean_inline_mends_typed_stops_and_commas_but_not_figures_or_addresses(
    line: str, expected: str
) -> None:
    assert clean_inline(line) == expected


def test_a_web_address_after_a_full_stop_starts_a_new_sentence() -> None:
    """ "… erzählen. https://…mp3 Download: mp3 Lade …": the page's link and its controls run
    on after the last sentence, which stays whole; a lower-case word after a stop does not."""
    assert split_sentences(
        "Zu Gast waren Prof. Peter Heisig und Dr. Manfred Bornemann, die erzählen. "
        "https://example.org/folge-39.mp3 Download: mp3 Lade …",
        "de",
    ) == (
        "Zu Gast waren Prof. Peter Heisig und Dr. Manfred Bornemann, die erzählen.",
        "https://example.org/folge-39.mp3 Download: mp3 Lade …",
    )
    assert split_sentences("See example.com. https is a protocol.", "en") == (
        "See example.com. https is a protocol.",
    )


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel></channel></rss>',
        b'<?xml version="1.0"?>\n<?xml-stylesheet href="feed.xsl"?>\n<!-- a comment -->\n'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title></feed>',
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>',
    ],
)
def test_a_feed_is_no_article(document: bytes) -> None:
    from digests import ArticleError, parse

    with pytest.raises(ArticleError) as refused:
        parse(document)
    assert refused.value.problem == "feed"


def test_a_page_that_only_mentions_a_feed_is_an_article() -> None:
    from digests import parse

    page = (
        "<html><head><title>How feeds work</title></head><body><h1>How feeds work</h1>"
        "<p>A feed starts with &lt;rss version=\"2.0\"&gt; and lists the newest stories of "
        "a site, each with a title, a link and a short description.</p>"
        "<p>Readers poll it every hour and show what is new since the last visit.</p>"
        "</body></html>"
    )
    assert parse(page).headline == "How feeds work"


FURTHER_READING_PAGE = """<html><head><title>Institutes back a fast switch to IFRS</title></head>
<body><article><h1>Institutes back a fast switch to IFRS</h1>
<p>UK institutes have thrown their weight behind a rapid adoption of international financial
reporting standards in the United States, in answers sent to the regulator this week.</p>
<h2>Further reading</h2>
<p>ACCA said a speedy switch would help trade and the transfer of skills, and warned that a long
convergence period could make company accounts harder to compare across borders.</p>
<p>Its head of financial reporting, Richard Martin, questioned the proposed timescale of seven
years, which he said would let irregularities creep into the standards over time.</p>
<h2>A slow switch</h2>
<p>Some advocates of a slow switch argue that small domestic companies would pay for the change
and reap none of the benefits of international comparability for many years.</p>
<p>Posted by: Florida CPA, 27 Sep 2011 | 15:22</p>
<p>We do not need British accountants to tell us what to do with our own rules, frankly.</p>
</article></body></html>"""


def test_a_box_title_over_the_report_going_on_does_not_end_the_article() -> None:
    """"Further reading" over paragraphs of the report is a box's title whose links the page
    dropped; a reader's comment signed to the minute ends the article."""
    from digests import parse

    article = parse(FURTHER_READING_PAGE)
    text = " ".join(p for s in article.sections for p in s.paragraphs)
    assert "ACCA said a speedy switch" in text and "Some advocates of a slow switch" in text
    assert all(s.heading != "Further reading" for s in article.sections)
    assert "British accountants" not in text


def test_a_headline_in_a_script_without_spaces_says_something() -> None:
    """A Chinese title has no spaces between its words: still the article's own headline,
    not its first sentence."""
    from digests import build, parse

    page = (
        "<html><head><title>短缺药品保供稳价 全力保障临床用药需求-新华网</title></head><body>"
        "<h1>短缺药品保供稳价 全力保障临床用药需求</h1><p>新华社北京11月17日电 记者17日从国家卫生"
        "健康委获悉，近阶段，相关部门持续依托短缺药品供应保障工作会商联动机制，深入优化短缺药品实时监测"
        "预警与分级应对体系，全力保障人民群众临床用药需求。</p><p>据了解，短缺药品信息监测共享正在多维度"
        "推进。国家卫生健康委依托全国公立医疗卫生机构短缺药品信息直报系统开展短缺药品监测预警。</p>"
        "</body></html>"
    )
    article = parse(page)
    assert article.headline == "短缺药品保供稳价 全力保障临床用药需求"
    assert (build(article).gist or "").startswith("记者17日从国家卫生健康委获悉")


def test_a_headline_marked_in_the_body_beats_a_site_title() -> None:
    """A wire service's page whose <title> is its own name and whose headline is a span
    marked up as the entry's title (hAtom) or as schema.org's headline: that span is the
    headline. An index page marks every teaser, and none of them is."""
    from digests import parse

    story = (
        "<p>The father of the gunman came to the U.S. from Afghanistan more than 30 years ago "
        "and has made a series of rambling political videos about his former homeland.</p>"
        "<p>In one video he said he and his supporters had called on the Taliban to join a "
        "peace initiative of the current Afghan president.</p>"
    )
    for marked in ('class="headline entry-title"', 'itemprop="headline"'):
        page = (
            "<html><head><title>News from The Associated Press</title></head><body>"
            f'<p class="body"><span {marked}>Father of gunman known for rambling political '
            f"videos</span></p>{story}</body></html>"
        )
        assert parse(page).headline == "Father of gunman known for rambling political videos"
    index = (
        "<html><head><title>News from The Associated Press</title></head><body>"
        '<span class="entry-title">Storm closes the coastal road again</span>'
        '<span class="entry-title">Council votes on the new budget today</span>'
        f"{story}</body></html>"
    )
    assert parse(index).headline not in (
        "Storm closes the coastal road again",
        "Council votes on the new budget today",
    )


def test_a_long_subtitle_under_the_headline_is_the_standfirst() -> None:
    """An <h2> of a whole clause right under the <h1> is the headline's subtitle, the news
    in brief: the lead, not the title of the article's first section. A question there
    opens a section."""
    from digests import build, parse

    body = (
        "<p>Noch wartet Antonio Gutierrez ab. Doch der Aktivist der Mietergewerkschaft aus "
        "Chicago sagt auch, dass es bald zu einem Mietenstreik kommen könnte.</p>"
        "<p>Rund 50 Organisationen fordern in einer Petition die Aussetzung aller "
        "Mietzahlungen in Chicago, solange die Pandemie andauert.</p>"
        "<p>In New York wollen am 1. Mai rund 400 Familien in einen erklärten Mietenstreik "
        "gehen, wie die Organisation Housing Justice for All mitteilt.</p>"
    )
    subtitle = (
        "In den Vereinigten Staaten trommeln Aktivisten für einen Mietenstopp in der "
        "Coronakrise und warnen Vermieter"
    )
    page = (
        "<html><head><title>Einfach kein Geld mehr für die Miete</title></head><body>"
        f"<article><h1>Einfach kein Geld mehr für die Miete</h1><h2>{subtitle}</h2>{body}"
        "</article></body></html>"
    )
    article = parse(page)
    assert article.teaser == f"{subtitle}."
    assert all(s.heading != subtitle for s in article.sections)
    assert build(article).gist == f"{subtitle}."
    question = "Was passiert, wenn Mieter in den USA ihre Miete in der Coronakrise nicht zahlen?"
    asked = parse(page.replace(subtitle, question))
    assert asked.teaser is None and asked.sections[0].heading == question


TEASER_STRIP_PAGE = """<html><head><title>Fed adds a twist to its bond plan</title></head><body><article>
<h1>Fed adds a twist to its bond plan</h1>
<p>Some traders found Wednesday's Fed statement to be a bit gloomier than expected, with a new
warning about strains in global financial markets.</p>
<p>The Fed said it would replace $400 billion in short-term Treasurys with the same amount of
longer term securities, with durations of six to thirty years.</p>
<p>It also said it would reinvest the runoff from its maturing mortgage securities back into the
mortgage market, a step few analysts had expected.</p>
<ul><li>With the debt crisis shaking markets, the IMF meeting comes at the right time.</li></ul>
<ul><li>Not every CEO is a college grad, but some schools produce more top execs than others.</li></ul>
<ul><li>Some jobs aren't flashy, but they have qualities that are overlooked by most people.</li></ul>
<ul><li>A NASA satellite is headed back to earth, and our readers say where it should land.</li></ul>
</article></body></html>"""


def test_a_strip_of_one_item_lists_after_the_article_is_no_part_of_it() -> None:
    """Teasers of other stories, each a list of its own, set after the article: dropped, and
    never the digest's points. One list of the same items is the article's own."""
    from digests import build, parse

    article = parse(TEASER_STRIP_PAGE)
    texts = [t for s in article.sections for t in (*s.paragraphs, *s.bullets)]
    assert not any("NASA satellite" in t for t in texts)
    assert any("$400 billion" in t for t in texts)
    assert not any("CEO" in b for b in build(article).bullets)
    one_list = TEASER_STRIP_PAGE.replace("</li></ul>\n<ul><li>", "</li>\n<li>")
    kept = parse(one_list)
    assert any("NASA satellite" in b for s in kept.sections for b in s.bullets)


DEK_OUTSIDE_PAGE = """<html><head><title>Five Social Media Lessons for Business</title></head><body>
<div id="article_body"><h1>Five Social Media Lessons for Business</h1>
<h2>A Home Depot executive discusses the retailer's strategy for engaging consumers via
Facebook, Twitter, and blogs, relying on store associates for much of the social interaction</h2>
<p class="author">By <a href="/bios/brad-shaw">Brad Shaw</a></p>
<div class="related"><h4>Related Items</h4><ul><li><a href="/a">What to Expect at Apple's
iPhone 5 Event</a></li><li><a href="/b">Ex-Facebook Executive Invests in Yammer</a></li></ul>
</div>
<div class="article-text">
<p>At Home Depot, we first realized we needed to have a real conversation with our customers
back in 2007. A blogger flamed us about customer service in a post that drew thousands of
comments.</p>
<p>Social media has since become a way for us to improve our customer service, not merely a
vehicle for us to talk about it. In 2008 we started on Twitter.</p>
<p>One of our more important decisions was to use store associates in much of our social
interaction. They are the ones with the project and product expertise customers need.</p>
</div></div></body></html>"""


def test_a_subtitle_under_the_h1_that_the_extraction_left_out_is_the_standfirst() -> None:
    """The <h2> right under the <h1>, outside the text the extraction keeps: the page's
    subtitle still leads, in place of a first-person sentence from the middle of the story."""
    from digests import build, parse

    article = parse(DEK_OUTSIDE_PAGE)
    assert (article.teaser or "").startswith("A Home Depot executive discusses")
    assert (build(article).gist or "").startswith("A Home Depot executive discusses")
