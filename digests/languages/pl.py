"""Polish."""

from digests.languages import Language

LANGUAGE = Language(
    code="pl",
    abbreviations=frozenset(
        "ok np tzn tj m in ul al pl prof dr hab inż mgr godz ws br ub ds gen płk red ks abp "
        "bp św sp zo o nr wg pt st mjr kpt ppłk".split()
    ),
    closing_abbreviations=("itd", "itp", "proc", "r", "tys", "mln", "mld", "zł"),
    months=frozenset(
        "styczeń stycznia styczniu luty lutego lutym marzec marca marcu kwiecień kwietnia "
        "kwietniu maj maja maju czerwiec czerwca czerwcu lipiec lipca lipcu sierpień sierpnia "
        "sierpniu wrzesień września wrześniu październik października październiku listopad "
        "listopada listopadzie grudzień grudnia grudniu".split()
    ),
    weekdays=frozenset(
        "poniedziałek wtorek środa środę czwartek piątek sobota sobotę niedziela niedzielę".split()
    ),
    day_dot=False,
    function_words=frozenset(
        "i w we z ze na do o od po za przez dla przy pod nad przed między bez u a ale lub albo "
        "czy że się nie jest są był była było byli były być ma mają miał miała może mogą to ten "
        "ta te tego tej tym tych jego jej ich ich który która które którzy co jak także też już "
        "jeszcze tylko bardzo więcej roku lat latach dwa trzy proc według również oraz jako "
        "tak gdy gdzie kiedy tam tu".split()
    ),
    leaning_openers=frozenset(
        "to ten ta te tego on ona oni one ale i a także również jednak natomiast ponadto więc "
        "zatem dlatego wtedy tam tu jego jej ich".split()
    ),
    leaning_inside=frozenset(
        "jednak również także "
        "też natomiast więc zatem".split()
    ),
    leaning_phrases=frozenset(
        (
            "na przykład",
            "z drugiej strony",
            "poza tym",
            "z tego powodu",
            "w tym przypadku",
            "jak już wspomniano",
            "jak wspomniałem",
            "odpowiedź",
            "dlatego też",
        )
    ),
    conclusion_headings=frozenset(
        (
            "podsumowanie",
            "wnioski",
            "werdykt",
            "nasza opinia",
        )
    ),
    conviction=r"\bjestem (?:głęboko |mocno )?przekonan[ya]\b",
    contrast_openers=frozenset("ale jednak lecz".split()),
    conclusion_openers=frozenset(
        (
            "dlatego",
            "zatem",
            "więc",
            "w związku z tym",
            "tym samym",
            "ostatecznie",
            "w efekcie",
            "w rezultacie",
        )
    ),
    decision_stems=(
        "decyz",
        "głosow",
        "referend",
        "wybor",
        "termin",
        "wyrok",
        "zakaz",
        "zatwierdz",
        "uchwał",
    ),
    referring_words=frozenset(
        "on ona ono oni one jego jej "
        "ich ten ta to te tego tej tym taki taka takie takich takim".split()
    ),
    demonstratives=frozenset(
        "ten ta to ci te tamten tamta taki taka takie takich takim".split()
    ),
    time_words=frozenset(
        "roku rok tygodniu tydzień miesiącu dnia dzień sezonie".split()
    ),
    copulas=frozenset("jest są to".split()),
    second_person=frozenset("ty twój twoja wy wasz Ty Wy".split()),
    first_person=frozenset(
        "ja mnie mój moja moje moim my nas nam nasz nasza nasze naszych".split()
    ),
    interview_words=("wywiad", "rozmowa z"),
    question_labels=frozenset("pytanie".split()),
    answer_labels=frozenset("odpowiedź".split()),
    courtesies=("dziękuję za", "dziękujemy za", "dziękuję bardzo"),
    clause_openers=frozenset(
        "ale lecz jednak który która które którzy choć chociaż ponieważ bo gdy".split()
    ),
    speech_verbs=frozenset(
        "powiedział powiedziała powiedzieli mówi mówił mówiła stwierdził stwierdziła podkreślił "
        "podkreśliła dodał dodała zaznaczył zaznaczyła wyjaśnił wyjaśniła ocenił oceniła "
        "przekonywał przekonywała napisał napisała poinformował poinformowała zapowiedział "
        "zapowiedziała przyznał przyznała ostrzegł ostrzegła zauważył zauważyła odpowiedział "
        "odpowiedziała tłumaczy tłumaczył tłumaczyła twierdzi uważa podkreśla dodaje "
        "zaznacza".split()
    ),
    source_markers=("według", "jak podaje", "jak mówi", "zdaniem"),
    role_groups={
        "head_of_state": ("prezydent",),
        "government": ("premier", "premiera"),
        "minister": ("minister", "wiceminister"),
        "mayor": ("burmistrz", "prezydent miasta", "wójt"),
        "spokesperson": ("rzecznik", "rzeczniczka"),
        "expert": (
            "ekspert",
            "analityk",
            "analityczka",
            "ekonomist",
            "badacz",
            "profesor",
            "naukow",
        ),
        "journalist": ("dziennikar", "reporter", "redaktor"),
        "official": (
            "dyrektor",
            "prezes",
            "szef",
            "poseł",
            "posłanka",
            "senator",
            "ambasador",
            "generał",
            "doradc",
            "wojewod",
            "starost",
            "przewodnicząc",
            "komendant",
            "prokurator",
        ),
    },
    pronouns=frozenset("on ona oni one".split()),
    titles=frozenset("pan pani dr prof inż mgr hab".split()),
    quote_marks=("„", "”"),
    credit_labels=("fot", "foto", "zdjęcie", "zdjęcia", "źródło", "ilustracja", "grafika", "wideo"),
    byline_words=("autor", "autorka", "oprac", "opracowanie", "tekst"),
    dateline_words=(
        "aktualizacja",
        "opublikowano",
        "data",
        "godz",
        "dodano",
        "czas czytania",
        "min",
        "temu",
    ),
    furniture=(
        r"(czytaj też|czytaj także|czytaj więcej|zobacz też|zobacz także|przeczytaj też"
        r"|przeczytaj także|polecamy|warto przeczytać)\b.*",
        r"(udostępnij|podziel się|drukuj|skopiuj link|zapisz)[.!:]?",
        r"(obserwuj nas|subskrybuj|zapisz się)\b.{0,80}",
        r"(reklama|artykuł sponsorowany|materiał partnera|newsletter)[.:]?",
        r"(tagi|tematy)\s?:.*",
        r"(najczęściej czytane|najpopularniejsze|najnowsze)\s?(:.*)?",
        r"(zamknij|następny|poprzedni|wróć)[.!]?",
        r"(red|oprac)\.(\s?\w+)?",
    ),
    furniture_anywhere=(
        "używamy plików cookie",
        "ta strona używa plików cookie",
        "ta strona wykorzystuje pliki cookie",
        "ta strona internetowa używa plików cookie",
        "wszelkie prawa zastrzeżone",
        "treść dostępna dla subskrybentów",
        "wykup dostęp",
        "zaloguj się, aby",
        "kliknij tutaj",
        "(od lewej)",
        "od lewej:",
    ),
    footer=(
        r"(dodaj komentarz|zostaw komentarz)\b.*",
        r"skomentuj[.!]?",
        r"(komentarze)\s?(\(?\d+\)?)?:?",
        r"twój adres e-mail nie zostanie opublikowany.*",
        r"(podobne artykuły|zobacz również)\b.*",
    ),
    back_matter=(
        r"(bibliografia|literatura|przypisy|źródła)\s?:?",
        # A press release's notice after its news: whom the press may call.
        r"kontakt dla (mediów|prasy)\s?:?",
    ),
    edit_links=("edytuj", "edytuj kod"),
)
