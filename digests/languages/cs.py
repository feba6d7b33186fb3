"""Czech."""

from digests.languages import Language

LANGUAGE = Language(
    code="cs",
    abbreviations=frozenset(
        "tzv tj např mil mld tis kč resp min max č odst sb str viz doc ing mgr judr mudr "
        "phdr bc ul nám roč př n l".split()
    ),
    closing_abbreviations=("atd", "apod"),
    months=frozenset(
        "leden ledna lednu únor února únoru březen března březnu duben dubna dubnu květen "
        "května květnu červen června červnu červenec července červenci srpen srpna srpnu září "
        "říjen října říjnu listopad listopadu prosinec prosince prosinci".split()
    ),
    weekdays=frozenset(
        "pondělí úterý středa středu čtvrtek pátek sobota sobotu neděle neděli".split()
    ),
    day_dot=True,
    function_words=frozenset(
        "a i v ve z ze na do o od po za přes pro při pod nad před mezi bez u k ke s se ale "
        "nebo že je jsou byl byla bylo byli být má mají měl měla může mohou to ten ta te "
        "toho té tím jeho její jejich který která které kteří co jak také už ještě jen velmi "
        "více roku let dva tři podle jako tak když kde tam zde již".split()
    ),
    leaning_openers=frozenset(
        "to ten ta tento tato toto on ona oni ale a také však navíc proto tedy tam zde jeho "
        "její jejich".split()
    ),
    leaning_inside=frozenset(
        "však také "
        "rovněž proto tedy".split()
    ),
    leaning_phrases=frozenset(
        (
            "například",
            "na druhou stranu",
            "kromě toho",
            "z tohoto důvodu",
            "v tomto případě",
            "jak již bylo zmíněno",
            "jak už bylo řečeno",
            "odpověď",
        )
    ),
    conclusion_headings=frozenset(
        (
            "závěr",
            "shrnutí",
            "verdikt",
        )
    ),
    conviction=r"\bjsem (?:pevně |hluboce )?přesvědčen[ao]?\b",
    contrast_openers=frozenset("ale však avšak přesto".split()),
    conclusion_openers=frozenset(
        ("proto", "tedy", "tudíž", "a proto", "nakonec", "v důsledku toho", "díky tomu")
    ),
    decision_stems=(
        "rozhod",
        "hlasov",
        "referend",
        "volb",
        "lhůt",
        "rozsud",
        "verdikt",
        "zákaz",
        "schvál",
    ),
    referring_words=frozenset(
        "on ona ono oni jeho její "
        "jejich ten ta to tento tato toto".split()
    ),
    demonstratives=frozenset(
        "tento tato toto tito tyto ten ta to".split()
    ),
    time_words=frozenset(
        "roce rok týdnu týden měsíci den sezóně".split()
    ),
    copulas=frozenset("je jsou to".split()),
    second_person=frozenset("vy váš vaše ty tvůj Vy Ty".split()),
    first_person=frozenset("já mě mně mnou my nás nám můj moje moji naše náš naši".split()),
    interview_words=("rozhovor",),
    question_labels=frozenset("otázka".split()),
    answer_labels=frozenset("odpověď".split()),
    courtesies=("děkuji za", "děkujeme za", "díky za"),
    clause_openers=frozenset("ale avšak který která které kteří ačkoli protože když".split()),
    speech_verbs=frozenset(
        "řekl řekla řekli uvedl uvedla uvedli dodal dodala prohlásil prohlásila vysvětlil "
        "vysvětlila zdůraznil zdůraznila upozornil upozornila napsal napsala sdělil sdělila "
        "poznamenal poznamenala míní uvádí říká dodává tvrdí tvrdil tvrdila odpověděl "
        "odpověděla připustil připustila".split()
    ),
    source_markers=("podle", "dle"),
    role_groups={
        "head_of_state": ("prezident",),
        "government": ("premiér",),
        "minister": ("ministr",),
        "mayor": ("starost", "primátor"),
        "spokesperson": ("mluvčí",),
        "expert": ("expert", "odborn", "analyti", "ekonom", "výzkumn", "profesor", "vědec"),
        "journalist": ("novinář", "reportér", "redaktor"),
        "official": (
            "ředitel",
            "šéf",
            "poslan",
            "senátor",
            "velvyslan",
            "generál",
            "poradc",
            "hejtman",
            "předsed",
            "policist",
            "politi",
        ),
    },
    pronouns=frozenset("on ona oni ony".split()),
    titles=frozenset("pan paní dr doc prof ing mgr judr mudr phdr".split()),
    quote_marks=("„", "“"),
    credit_labels=("foto", "snímek", "zdroj", "ilustrace", "obrázek", "video"),
    byline_words=("autor", "autorka", "text", "redakce"),
    dateline_words=(
        "aktualizováno",
        "publikováno",
        "vydáno",
        "hodinami",
        "minutami",
        "čtení",
        "min",
    ),
    furniture=(
        r"(čtěte také|čtěte též|přečtěte si také|související|související články"
        r"|mohlo by vás zajímat)\b.*",
        r"(sdílet|sdílejte|tisk|vytisknout|kopírovat odkaz|uložit)[.!:]?",
        r"(sledujte nás|odebírat|přihlaste se)\b.{0,80}",
        r"(reklama|komerční sdělení|newsletter)[.:]?",
        r"(štítky|témata)\s?:.*",
        r"(nejčtenější|nejnovější)\s?(:.*)?",
        r"(zavřít|další|předchozí|zpět)[.!]?",
    ),
    furniture_anywhere=(
        "používáme cookies",
        "používáme soubory cookies",
        "tento web používá cookies",
        "tento web používá soubory cookies",
        "přijmout cookies",
        "všechna práva vyhrazena",
        "pouze pro předplatitele",
        "jste již předplatitel",
        "klikněte zde",
        "(zleva)",
        "zleva doprava",
    ),
    footer=(
        r"(přidat komentář|napsat komentář)\b.*",
        r"(diskuse|diskuze)\s?(\(?\d+\)?)?:?",
        r"(komentáře)\s?(\(?\d+\)?)?:?",
        r"vaše e-mailová adresa nebude zveřejněna.*",
    ),
    back_matter=(
        r"(literatura|zdroje|poznámky|reference)\s?:?",
        # A press release's notice after its news: whom the press may call.
        r"kontakt pro (média|novináře)\s?:?",
    ),
    edit_links=("editovat", "editovat zdroj"),
)
