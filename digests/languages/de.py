"""German."""

from digests.languages import Language

LANGUAGE = Language(
    code="de",
    abbreviations=frozenset(
        "z b dr prof bzw ca usw vgl etc nr str st hr fr frau ggf inkl sog u a d h o v chr mio mrd "
        "jh jhd bspw evtl abs min max tel geb gest bzgl ehem insb zzgl dt engl franz jan feb mär "
        "apr jun jul aug sep sept okt nov dez art abb bd hg kap ff".split()
    ),
    closing_abbreviations=("usw", "etc", "usf"),
    months=frozenset(
        "januar februar märz april mai juni juli august september oktober november dezember "
        "jänner".split()
    ),
    weekdays=frozenset("montag dienstag mittwoch donnerstag freitag samstag sonntag".split()),
    day_dot=True,
    function_words=frozenset(
        "der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn "
        "ist sind war waren wird werden wurde wurden worden hat haben hatte hatten habe hätte "
        "sein seine seiner seinen seinem ihr ihre ihrer ihren ihrem es er sie wir ich du man sich "
        "uns nicht auch noch schon nur mit von zu zum zur im in am an auf aus bei beim für über "
        "unter nach vor seit bis durch gegen ohne um als wie wenn dass ob so da dort hier dann "
        "damit dies diese dieser dieses diesen diesem jene alle allen viele vielen mehr sehr kann "
        "können konnte konnten muss müssen musste soll sollen sollte will wollen wollte würde "
        "würden wäre was wer wo warum welche welcher welches kein keine keinen vom ins etwa rund "
        "jetzt heute gestern immer wieder bereits andere anderen ganz gibt gab geht neue neuen "
        "neu ab zwei drei jahr jahren prozent sei seien jede jeder jedes jeden jedem etwas "
        "dabei dazu davon darum daher denn nun mal eben ja nein wieder sowie dafür dass weil "
        "wurde worden sehr mehr weniger viel wenig einmal ihnen ihm ihn euch eure euer".split()
    ),
    leaning_openers=frozenset(
        "dies diese dieser dieses das damit dabei dazu dafür darüber davon er sie es auch "
        "außerdem zudem aber doch jedoch und oder denn allerdings trotzdem dennoch hier dort "
        "daher deshalb deswegen somit also zwar sein seine ihr ihre dann ebenso ebenfalls "
        "darunter daraufhin danach davor dagegen demnach zuvor hierbei hierzu dennoch "
        "gleichzeitig parallel zusätzlich seither seitdem weiterhin daneben übrigens "
        "ansonsten stattdessen schließlich "
        # A part of what the sentence before named: "Speziell Gemüse hat kaum Kalorien".
        "speziell insbesondere "
        # An answer to a question the digest does not show: "Nein, das werden wir …".
        "ja nein genau richtig".split()
    ),
    leaning_inside=frozenset(
        "zuvor danach später damals davor seitdem inzwischen "
        "jedoch allerdings dennoch trotzdem ebenfalls zudem außerdem "
        "daher deshalb deswegen somit nämlich schließlich dagegen daraufhin".split()
    ),
    expletive=(
        r"es (?:gibt|gab|geht um|ging um|bleibt abzuwarten|fehlt an|mangelt an)\b"
        r"|es (?:ist|war|wird|bleibt|scheint)(?: \w+)?(?: \w+)? (?:klar|unklar|wichtig|möglich"
        r"|unmöglich|nötig|notwendig|fraglich|schwer|schwierig|leicht|zu erwarten|geplant"
        r"|vorgesehen|bekannt|unbekannt|das erste mal|zeit)\b"
    ),
    pointing_phrases=frozenset(
        (
            "so funktioniert",
            "so geht",
            "hier erfahren sie",
            "hier lesen sie",
            "das erfahren sie",
            "lesen sie hier",
        )
    ),
    leaning_phrases=frozenset(
        (
            "nicht nur",
            "kurz darauf",
            "kurz danach",
            "bald darauf",
            "wenig später",
            "kurz zuvor",
            "tage später",
            "wochen später",
            "monate später",
            "jahre später",
            "auch noch",
            "zum beispiel",
            "vor allem",
            "im gegenteil",
            "aus diesem grund",
            "aus diesen gründen",
            "vor diesem hintergrund",
            "in diesem fall",
            "wie schon erwähnt",
            "wie bereits erwähnt",
            "wie erwähnt",
            "wie gesagt",
            "die antwort",
        )
    ),
    conclusion_headings=frozenset(
        (
            "fazit",
            "unser fazit",
            "mein fazit",
            "das fazit",
            "zusammenfassung",
            "schlussfolgerung",
            "schlussfolgerungen",
            "unser urteil",
        )
    ),
    conviction=r"\bich bin (?:fest |davon |zutiefst |mir )*(?:überzeugt|sicher)\b",
    contrast_openers=frozenset("doch aber jedoch allerdings dennoch trotzdem".split()),
    conclusion_openers=frozenset(
        "daher deshalb deswegen folglich somit also letztlich schließlich fazit".split()
    ),
    decision_stems=(
        "entscheid",
        "abstimm",
        "volksabstimm",
        "referendum",
        "beschlie",
        "beschluss",
        "wahlen",
        "wahlgang",
        "stichwahl",
        "frist",
        "stichtag",
        "urteil",
        "verbot",
        "genehmig",
    ),
    referring_words=frozenset(
        "er sie es ihm ihn ihr ihnen sein seine seiner seinen ihre ihrer ihren "
        "dies diese dieser dieses diesem diesen jene jener dort damals dabei dazu "
        "darauf solch solche solchen solcher solches "
        "genannte genannten genannter erwähnte erwähnten obige obigen besagte besagten".split()
    ),
    demonstratives=frozenset(
        "dies diese dieser dieses diesem diesen jene jener jenem jenen dort damals dabei dazu "
        "darauf solch solche solchen solcher solches genannte genannten genannter "
        "erwähnte erwähnten obige obigen besagte besagten".split()
    ),
    time_words=frozenset(
        "jahr jahres woche monat monats tag tages morgen abend nachmittag wochenende sommer "
        "winter frühjahr frühling herbst saison zeit".split()
    ),
    second_person=frozenset(
        "du dich dir dein deine deinen deinem euch "
        "eure euer Sie Ihnen Ihr Ihre Ihren Ihrem".split()
    ),
    first_person=frozenset(
        "ich mich mir mein meine meinen meinem meiner "
        "wir uns unser unsere unseren unserem unserer".split()
    ),
    interview_words=("interview", "im gespräch", "gespräch mit"),
    question_labels=frozenset("frage".split()),
    answer_labels=frozenset("antwort".split()),
    courtesies=(
        "vielen dank für",
        "danke für das gespräch",
        "bedanken uns für",
        "bedanke mich für",
        "herzlichen dank für",
    ),
    clause_openers=frozenset(
        "aber doch während wobei weil obwohl obgleich denn welche welcher welches womit "
        "wodurch nachdem bevor sodass um".split()
    ),
    speech_verbs=frozenset(
        "sagte sagt sagten betonte betont erklärte erklärt meinte meint schrieb schreibt warnte "
        "warnt behauptete behauptet unterstrich unterstreicht kritisierte kritisiert fügte "
        "ergänzte ergänzt bekräftigte bekräftigt versprach verspricht räumte mahnte mahnt "
        "forderte fordert antwortete antwortet berichtete berichtet erläuterte erläutert so "
        "widersprach widerspricht versicherte versichert betonten erklärten warnten".split()
    ),
    source_markers=("laut",),
    role_groups={
        "head_of_state": ("präsident", "staatschef", "staatsoberhaupt", "kremlchef"),
        "government": ("kanzler", "premier", "regierungschef"),
        "minister": ("minister", "staatssekretär"),
        "mayor": ("bürgermeister", "oberbürgermeister"),
        "spokesperson": ("sprecher",),
        "expert": (
            "experte",
            "expertin",
            "analyst",
            "ökonom",
            "forscher",
            "professor",
            "wissenschaftler",
        ),
        "journalist": ("journalist", "reporter", "redakteur"),
        "official": (
            "chef",
            "leiter",
            "direktor",
            "vorsitzend",
            "gouverneur",
            "beamt",
            "abgeordnet",
            "botschafter",
            "general",
            "berater",
            "polizei",
            "politiker",
            "schulleiter",
            "rektor",
        ),
    },
    pronouns=frozenset("er sie".split()),
    titles=frozenset("dr prof herr frau".split()),
    determiners=frozenset("der die das den dem des ein eine einen einem eines einer".split()),
    copulas=frozenset("ist sind".split()),
    quote_marks=("„", "“"),
    credit_labels=(
        "foto",
        "fotos",
        "bild",
        "bilder",
        "quelle",
        "grafik",
        "collage",
        "illustration",
        "video",
        "screenshot",
        "bildquelle",
    ),
    byline_words=(
        "von",
        "text",
        "autor",
        "autorin",
        "aufgezeichnet von",
        "ein beitrag von",
        "ein kommentar von",
        "interview",
    ),
    dateline_words=(
        "stand",
        "aktualisiert",
        "veröffentlicht",
        "zuletzt",
        "erstellt",
        "geändert",
        "uhr",
        "datum",
        "lesezeit",
        "minuten",
        "min",
        "stunden",
        "ort",
    ),
    furniture=(
        r"(lesen sie auch|lesen sie mehr|lesen sie hier|siehe auch|weiterlesen|mehr lesen)\b.*",
        # Die Korrektur der Redaktion: "Korrektur: In einer früheren Version hieß es …".
        r"(korrektur|berichtigung|anmerkung der redaktion|hinweis der redaktion)\b[^:]{0,40}:.*",
        r"(mehr zum thema|auch interessant|zum thema|passend zum thema|empfehlungen?)\s?(:.*)?",
        r"(teilen|artikel teilen|beitrag teilen|auf \w+ teilen|drucken|link kopieren"
        r"|per e-mail versenden)[.!:]?",
        r"(folgen sie uns|abonnieren sie|jetzt abonnieren|melden sie sich .*newsletter)\b.*",
        r"(anzeige|werbung|sponsored content|newsletter|newsletter abonnieren)[.:]?",
        r"(schlagworte|stichworte|themen)\s?:.*",
        r"(meistgelesen|meistgelesene artikel|top-themen|top-artikel)\b.{0,40}",
        r"(weitere artikel|mehr artikel)( zum thema| aus .{0,30}| von .{0,30})?:?",
        r"(startseite|zur startseite|zurück|weiter|schließen|bildergalerie|galerie"
        r"|alle bilder)[.!]?",
        r"bild \d+ von \d+.*",
        r"(pressekontakt|pressestelle|kontakt|ansprechpartner(in)?)\s?:.+",
        r"(navigation|hauptnavigation|navigation und service|menü|quicklinks|zum inhalt"
        r"( springen)?|springe zum (inhalt|hauptinhalt)|inhalt|inhaltsverzeichnis)\s?:?"
        r"( das erwartet sie in diesem artikel)?",
        r"(iban|bic|swift|ust-idnr|steuernummer|amtsgericht)\b.*",
        r"(presse)?mitteilung( \w+)?",
        r"(redaktionelle richtlinien|unsere standards)\b.*",
        r"(jetzt )?(zum|für den) newsletter anmelden.*",
    ),
    furniture_anywhere=(
        "wir verwenden cookies",
        "das testgerät wurde uns",
        "das testmuster wurde uns",
        "rezensionsexemplar wurde",
        "testgerät zur verfügung gestellt",
        "diese seite verwendet cookies",
        "diese webseite verwendet cookies",
        "cookies akzeptieren",
        "alle rechte vorbehalten",
        "um den artikel zu lesen",
        "um den vollständigen artikel zu lesen",
        "um diesen artikel zu lesen",
        "um den artikel weiter zu lesen",
        "jetzt abonnieren",
        "bereits abonnent",
        "mit einem abo",
        "nur für abonnenten",
        "abo abschließen",
        "klicken sie hier",
        "hier klicken",
        # a photo caption set as a paragraph: "(2. von rechts)", "v. l. n. r."
        "(links)",
        "(rechts)",
        "von links)",
        "von rechts)",
        "v. l. n. r.",
        "v.l.n.r.",
        "von links nach rechts",
    ),
    footer=(
        r"(hinterlassen sie einen kommentar|kommentar hinterlassen|kommentar schreiben"
        r"|kommentieren)\b.*",
        r"(kommentare)\s?(\(?\d+\)?)?:?",
        r"(über den autor|über die autorin|das könnte sie auch interessieren"
        r"|ähnliche artikel|verwandte artikel|das könnte dich auch interessieren)\b.*",
        r"(ansprechpartner(in)?|pressekontakt|kontakt)\s?:?",
        # Eine Bezahlschranke: der Rest der Seite verkauft ein Abo.
        r"(lesen sie (jetzt )?(weiter|den ganzen artikel|den vollständigen artikel) mit"
        r"|(dieser|der) artikel ist (nur )?für abonnenten|jetzt weiterlesen mit).*",
    ),
    back_matter=(
        r"(literatur|literaturverzeichnis|literaturhinweise|quellen|quellenangaben|fußnoten"
        r"|anmerkungen|weiterführende links)\s?:?",
        # A press release's notices after its news: the call for investors, the legal
        # disclaimer, whom the press may call.
        r"(presse|medien)kontakte?\s?:?",
        r"kontakt für (die )?(medien|presse)\s?:?",
        r"zukunftsgerichtete aussagen\b.*",
    ),
    edit_links=("bearbeiten", "quelltext bearbeiten"),
)
