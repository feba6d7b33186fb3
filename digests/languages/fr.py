"""French."""

from digests.languages import Language

LANGUAGE = Language(
    code="fr",
    abbreviations=frozenset(
        "m mme mlle mm me dr pr st ste cf env av apr ex no n° vol p pp "
        "janv févr avr juil sept oct nov déc".split()
    ),
    closing_abbreviations=("etc",),
    months=frozenset(
        "janvier février mars avril mai juin juillet août septembre octobre novembre "
        "décembre".split()
    ),
    weekdays=frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split()),
    function_words=frozenset(
        "le la les l un une des du de d et ou mais donc or ni car est sont était étaient ont a "
        "été être avoir il elle ils elles on nous vous je tu se s ce c cette ces cet son sa ses "
        "leur leurs qui que qu quoi dont où ne n pas plus pour par sur dans avec sans sous entre "
        "vers chez au aux en y comme si aussi très tout tous toute toutes fait faire peut doit "
        "deux trois ans année selon après avant depuis lors même autre autres".split()
    ),
    leaning_openers=frozenset(
        "il elle ils elles ce cela ceci cette ces mais et aussi pourtant cependant toutefois "
        "ainsi donc alors puis d'ailleurs néanmoins or enfin là son sa ses leur".split()
    ),
    leaning_inside=frozenset(
        "cependant pourtant aussi également "
        "donc toutefois néanmoins ainsi".split()
    ),
    expletive=(
        r"il (?:y a|y avait|faut|fallait|faudra|s'agit|s’agit|reste à)\b"
        r"|il (?:est|était|sera|semble|paraît)(?: \w+)? (?:clair|possible|impossible|probable"
        r"|important|nécessaire|difficile|facile|temps|question|prévu)\b"
    ),
    pointing_phrases=frozenset(
        (
            "voici comment",
            "voici pourquoi",
            "voici ce que",
            "voici les",
            "découvrez comment",
        )
    ),
    leaning_phrases=frozenset(
        (
            "par exemple",
            "à savoir",
            "a savoir",
            "peu après,",
            "peu de temps après,",
            "plus tard,",
            "quelques jours plus tard",
            "des années plus tard",
            "en outre",
            "de plus",
            "en effet",
            "par ailleurs",
            "d'autre part",
            "pour cette raison",
            "c'est pourquoi",
            "dans ce cas",
            "comme mentionné",
            "comme on l'a vu",
            "comme indiqué",
            "la réponse",
        )
    ),
    conclusion_headings=frozenset(
        (
            "conclusion",
            "en conclusion",
            "verdict",
            "notre verdict",
            "en bref",
            "notre avis",
        )
    ),
    conviction=r"\bje suis (?:profondément |intimement |fermement )?convaincue?\b",
    contrast_openers=frozenset("mais pourtant cependant toutefois".split()),
    conclusion_openers=frozenset(
        (
            "donc",
            "ainsi",
            "par conséquent",
            "en conséquence",
            "finalement",
            "en définitive",
            "c'est pourquoi",
            "c’est pourquoi",
        )
    ),
    decision_stems=(
        "décid",
        "décision",
        "vote",
        "référendum",
        "scrutin",
        "élection",
        "délai",
        "échéance",
        "jugement",
        "verdict",
        "interdi",
        "autoris",
    ),
    referring_words=frozenset(
        "il elle ils elles lui leur "
        "leurs ce cette ces celui celle ceux".split()
    ),
    demonstratives=frozenset(
        "ce cette ces celui celle ceux".split()
    ),
    time_words=frozenset(
        "année an semaine mois jour matin soir week-end été hiver printemps automne saison".split()
    ),
    second_person=frozenset("vous votre vos tu ton ta tes Vous Votre Tu".split()),
    first_person=frozenset("je j moi mon ma mes nous notre nos".split()),
    interview_words=("entretien", "interview"),
    question_labels=frozenset("question".split()),
    answer_labels=frozenset("réponse".split()),
    courtesies=("merci pour", "merci beaucoup", "merci de nous", "merci d'avoir"),
    clause_openers=frozenset(
        "mais alors tandis qui lequel laquelle lesquels bien car puisque".split()
    ),
    speech_verbs=frozenset(
        "dit déclaré affirmé expliqué souligné ajouté estimé indiqué précisé assuré rappelé "
        "martelé annoncé confié lancé insisté écrit prévenu averti reconnu dénoncé regretté "
        "poursuivi répondu raconté déclare affirme explique souligne ajoute estime indique "
        "précise assure rappelle confie lance insiste écrit reconnaît dénonce regrette poursuit "
        "répond raconte".split()
    ),
    source_markers=("selon", "d'après", "d’après"),
    role_groups={
        "head_of_state": ("président", "présidente", "chef de l'état"),
        "government": ("premier ministre", "première ministre", "chancelier"),
        "minister": ("ministre", "secrétaire d'état"),
        "mayor": ("maire",),
        "spokesperson": ("porte-parole",),
        "expert": (
            "expert",
            "experte",
            "analyste",
            "économiste",
            "chercheur",
            "chercheuse",
            "professeur",
            "professeure",
            "scientifique",
        ),
        "journalist": ("journaliste", "rédacteur", "reporter"),
        "official": (
            "directeur",
            "directrice",
            "chef",
            "responsable",
            "député",
            "députée",
            "sénateur",
            "sénatrice",
            "ambassadeur",
            "ambassadrice",
            "général",
            "conseiller",
            "conseillère",
            "policier",
            "gouverneur",
            "préfet",
        ),
    },
    pronouns=frozenset("il elle ils elles".split()),
    titles=frozenset("m mme mlle me dr pr monsieur madame".split()),
    determiners=frozenset("le la les l un une des du".split()),
    copulas=frozenset("est sont".split()),
    quote_marks=("«", "»"),
    credit_labels=(
        "photo",
        "photos",
        "crédit",
        "crédits",
        "illustration",
        "image",
        "source",
        "vidéo",
        "capture d'écran",
    ),
    byline_words=("par", "propos recueillis par", "texte"),
    dateline_words=(
        "publié",
        "mis à jour",
        "modifié",
        "créé",
        "actualisé",
        "il y a",
        "heures",
        "minutes",
        "min",
        "lecture",
    ),
    furniture=(
        r"(lire aussi|à lire aussi|a lire aussi|lire également|à lire également|voir aussi"
        r"|sur le même sujet|lire la suite)\b.*",
        # "Lire : Que sont les IMSI-catchers … ?", a link to another article.
        r"(à )?lire\s?:.*",
        # A live page's promotion: "Revivez le direct du vote …", "Suivez notre direct".
        r"(revivez|suivez|retrouvez) (le|notre) (direct|live)\b.*",
        r"(rectificatif|correction|note de la rédaction)\b[^:]{0,40}:.*",
        r"(partager|partager sur \w+|imprimer|envoyer|copier le lien|enregistrer)[.!:]?",
        r"(suivez-nous|abonnez-vous|s'abonner|s’abonner|inscrivez-vous)\b.{0,80}",
        r"(publicité|sponsorisé|contenu sponsorisé|newsletter)[.:]?",
        r"(tags|mots-clés|mots clés|thèmes)\s?:.*",
        r"(les plus lus|les plus populaires|à la une|dernières infos)\s?(:.*)?",
        r"(fermer|suivant|précédent|retour)[.!]?",
        r"(numéro de téléphone( portable)?|adresse e-mail|nom|prénom|code postal)\s?\*?",
    ),
    furniture_anywhere=(
        "nous utilisons des cookies",
        "ce site utilise des cookies",
        "accepter les cookies",
        "tous droits réservés",
        "réservé aux abonnés",
        "article réservé",
        "déjà abonné",
        "pour lire la suite",
        "liste de diffusion",
        "vous désabonner",
        "vous désinscrire",
        "cliquez ici",
        "cliquez sur",
        "en remplissant ce formulaire",
        "à des tiers",
        "(à gauche)",
        "(à droite)",
        "de gauche à droite",
    ),
    footer=(
        r"(laisser un commentaire|ajouter un commentaire)\b.*",
        r"(réagir|répondre)[.!]?",
        r"(commentaires?)\s?(\(?\d+\)?)?:?",
        r"votre adresse (e-mail|de messagerie) ne sera pas publiée.*",
        r"(articles similaires|à propos de l'auteur|sur le même thème)\b.*",
    ),
    back_matter=(
        r"(références|bibliographie|sources|notes)\s?:?",
        # A press release's notices after its news: the call for investors, the legal
        # disclaimer, whom the press may call.
        r"contacts? (presse|médias)\s?:?",
        r"déclarations prospectives\b.*",
    ),
    edit_links=("modifier", "modifier le code"),
)
