"""Italian."""

from digests.languages import Language

LANGUAGE = Language(
    code="it",
    abbreviations=frozenset(
        "sig sigg dott prof avv ing on pag n gen mons sen geom arch rag "
        "gen feb mar apr mag giu lug ago set ott nov dic".split()
    ),
    closing_abbreviations=("ecc", "etc"),
    months=frozenset(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre".split()
    ),
    weekdays=frozenset("lunedì martedì mercoledì giovedì venerdì sabato domenica".split()),
    function_words=frozenset(
        "il lo la i gli le l un uno una del dello della dei degli delle al allo alla ai agli "
        "alle di da in con su per tra fra e ed o ma però che chi cui non è sono era erano fu "
        "stato stata essere ha hanno aveva avere si ci ne suo sua suoi sue loro questo questa "
        "questi queste quello quella come più molto anche già ancora se tutto tutti tutta tutte "
        "altro altra altri due tre anno anni secondo dopo prima".split()
    ),
    leaning_openers=frozenset(
        "questo questa questi queste ciò esso essa lui lei loro ma e anche inoltre tuttavia "
        "però quindi così poi lì qui suo sua ce".split()
    ),
    leaning_inside=frozenset(
        "tuttavia però anche "
        "inoltre quindi dunque invece".split()
    ),
    pointing_phrases=frozenset(
        (
            "ecco come",
            "ecco perché",
            "ecco cosa",
            "ecco i",
            "ecco le",
            "scopri come",
        )
    ),
    leaning_phrases=frozenset(
        (
            "per esempio",
            "poco dopo,",
            "poco prima,",
            "più tardi,",
            "giorni dopo,",
            "anni dopo,",
            "ad esempio",
            "in effetti",
            "d'altra parte",
            "o, almeno",
            "ora lo",
            "per questo motivo",
            "per questa ragione",
            "in questo caso",
            "come già detto",
            "come accennato",
            "la risposta",
        )
    ),
    conclusion_headings=frozenset(
        (
            "conclusione",
            "conclusioni",
            "verdetto",
            "in sintesi",
            "il nostro giudizio",
        )
    ),
    conviction=r"\bsono (?:fermamente |profondamente )?convint[oa]\b",
    contrast_openers=frozenset("ma però tuttavia eppure".split()),
    conclusion_openers=frozenset(
        (
            "quindi",
            "pertanto",
            "dunque",
            "perciò",
            "di conseguenza",
            "infine",
            "insomma",
            "per questo",
        )
    ),
    decision_stems=(
        "decis",
        "decid",
        "vot",
        "referendum",
        "elezion",
        "scadenz",
        "sentenz",
        "verdett",
        "divieto",
        "vieta",
        "approv",
    ),
    referring_words=frozenset(
        "lui lei loro questo questa questi "
        "queste quel quello quella suo sua".split()
    ),
    demonstratives=frozenset(
        "questo questa questi queste quel quello quella".split()
    ),
    time_words=frozenset(
        "anno settimana mese giorno mattina sera estate inverno primavera autunno stagione".split()
    ),
    second_person=frozenset("tu tuo tua voi vostro vostra Tu Voi".split()),
    first_person=frozenset("io me mio mia miei mie noi nostro nostra nostri nostre".split()),
    interview_words=("intervista",),
    question_labels=frozenset("domanda".split()),
    answer_labels=frozenset("risposta".split()),
    courtesies=("grazie per", "grazie mille", "grazie di"),
    clause_openers=frozenset(
        "ma mentre sebbene benché perché che il quale la quale cui dove quando".split()
    ),
    speech_verbs=frozenset(
        "detto dichiarato affermato spiegato sottolineato aggiunto osservato precisato "
        "ricordato scritto commentato annunciato ammesso avvertito raccontato dice afferma "
        "spiega sottolinea aggiunge osserva precisa ricorda scrive commenta dichiara "
        "racconta".split()
    ),
    source_markers=("secondo", "stando a"),
    role_groups={
        "head_of_state": ("presidente", "capo dello stato"),
        "government": ("premier", "presidente del consiglio", "cancelliere"),
        "minister": ("ministro", "ministra", "sottosegretario"),
        "mayor": ("sindaco", "sindaca"),
        "spokesperson": ("portavoce",),
        "expert": (
            "esperto",
            "esperta",
            "analista",
            "economista",
            "ricercatore",
            "ricercatrice",
            "professore",
            "professoressa",
            "scienziato",
            "scienziata",
        ),
        "journalist": ("giornalista", "cronista", "redattore"),
        "official": (
            "direttore",
            "direttrice",
            "capo",
            "responsabile",
            "deputato",
            "deputata",
            "senatore",
            "senatrice",
            "ambasciatore",
            "ambasciatrice",
            "generale",
            "consigliere",
            "consigliera",
            "governatore",
            "prefetto",
            "questore",
        ),
    },
    pronouns=frozenset("lui lei loro egli ella".split()),
    titles=frozenset("sig dott prof avv ing on signor signora".split()),
    determiners=frozenset("il lo la i gli le un uno una".split()),
    copulas=frozenset("è sono".split()),
    quote_marks=("«", "»"),
    credit_labels=("foto", "immagine", "credito", "crediti", "fonte", "illustrazione", "video"),
    byline_words=("di", "a cura di", "redazione", "testo di"),
    dateline_words=("aggiornato", "pubblicato", "ore", "minuti", "min", "lettura"),
    furniture=(
        r"(leggi anche|leggi di più|vedi anche|potrebbe interessarti|correlati|articoli "
        r"correlati|per saperne di più)\b.*",
        r"(condividi|condividi su \w+|stampa|invia|copia link|salva)[.!:]?",
        r"(seguici|iscriviti|abbonati|registrati)\b.{0,80}",
        r"(pubblicità|sponsorizzato|contenuto sponsorizzato|newsletter)[.:]?",
        r"(tag|argomenti|temi)\s?:.*",
        r"(i più letti|più letti|ultime notizie)\s?(:.*)?",
        r"(chiudi|successivo|precedente|indietro)[.!]?",
    ),
    furniture_anywhere=(
        "utilizziamo i cookie",
        "usiamo i cookie",
        "questo sito utilizza cookie",
        "questo sito utilizza i cookie",
        "accetta i cookie",
        "accetta cookie",
        "tutti i diritti riservati",
        "riproduzione riservata",
        "riservato agli abbonati",
        "sei già abbonato",
        "abbonati per continuare",
        "clicca qui",
        "(a sinistra)",
        "(a destra)",
        "da sinistra a destra",
    ),
    footer=(
        r"(lascia un commento|scrivi un commento)\b.*",
        r"commenta[.!]?",
        r"(commenti)\s?(\(?\d+\)?)?:?",
        r"il tuo indirizzo email non sarà pubblicato.*",
    ),
    back_matter=(
        r"(riferimenti|bibliografia|fonti|note)\s?:?",
        # A press release's notices after its news: the call for investors, the legal
        # disclaimer, whom the press may call.
        r"contatti (stampa|per la stampa)\s?:?",
        r"dichiarazioni previsionali\b.*",
    ),
    edit_links=("modifica", "modifica wikitesto"),
)
