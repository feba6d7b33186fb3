"""Word lists the engine reads articles with: speech verbs, role nouns, connectives.

Kept together so that adding a language means adding its words here and a profile in
`language.py`. Everything is lower case.
"""

from __future__ import annotations

SPEECH_VERBS: frozenset[str] = frozenset(
    # de
    "sagte sagt sagten betonte betont erklärte erklärt meinte meint schrieb schreibt warnte "
    "warnt behauptete behauptet unterstrich unterstreicht kritisierte kritisiert fügte ergänzte "
    "ergänzt bekräftigte bekräftigt versprach verspricht räumte mahnte mahnt forderte fordert "
    "antwortete antwortet berichtete berichtet erläuterte erläutert so widersprach widerspricht "
    "versicherte versichert betonten erklärten warnten "
    # en
    "said says told tells added adds stressed stresses noted notes explained explains wrote "
    "writes warned warns argued argues insisted insists claimed claims declared declares "
    "stated states replied replies asked asks admitted admits announced announces promised "
    "promises conceded concedes countered recalled recalls "
    # uk
    "сказав сказала сказали каже заявив заявила заявили заявляє зазначив зазначила зазначили "
    "зазначає наголосив наголосила наголосили наголошує додав додала додали пояснив пояснила "
    "написав написала повідомив повідомила підкреслив підкреслила підкреслює вважає відповів "
    "відповіла переконаний запевнив запевнила заперечив заперечила пообіцяв пообіцяла уточнив "
    "уточнила визнав визнала нагадав нагадала "
    # ru
    "сказал сказала сказали говорит заявил заявила заявили заявляет отметил отметила отметили "
    "отмечает подчеркнул подчеркнула подчеркнули добавил добавила добавили пояснил пояснила "
    "написал написала сообщил сообщила считает ответил ответила уверен заверил заверила возразил "
    "возразила пообещал пообещала уточнил уточнила признал признала напомнил напомнила".split()
)

# Words that introduce a source: "laut Tokajew", "according to Smith", "за словами Петренка".
SOURCE_MARKERS: tuple[str, ...] = (
    "laut",
    "according to",
    "за словами",
    "по словам",
    "як каже",
    "как говорит",
)

# Role nouns, grouped by what they refer to; a role in a speaker phrase is resolved to the
# person named with a role of the same group earlier in the article.
ROLE_GROUPS: dict[str, tuple[str, ...]] = {
    "head_of_state": tuple(
        "präsident staatschef staatsoberhaupt kremlchef president президент очільник лидер "
        "лідер".split()
    ),
    "government": tuple("kanzler premier regierungschef chancellor прем’єр премьер".split()),
    "minister": tuple("minister міністр министр secretary staatssekretär".split()),
    "mayor": tuple("bürgermeister mayor мер мэр".split()),
    "spokesperson": tuple(
        "sprecher spokesman spokeswoman spokesperson речник пресс-секретар прес-секретар "
        "представитель представник".split()
    ),
    "expert": tuple(
        "experte expertin analyst ökonom forscher professor wissenschaftler expert economist "
        "researcher scientist експерт аналітик економіст науков эксперт аналитик экономист учен "
        "професор профессор".split()
    ),
    "journalist": tuple("journalist reporter журналіст журналист редактор editor".split()),
    "official": tuple(
        "chef chief head leiter direktor director vorsitzend chair governor gouverneur губернатор "
        "керівник руководител директор голова глава official beamt abgeordnet lawmaker senator "
        "депутат botschafter ambassador посол general генерал commander командувач командующ "
        "berater adviser advisor радник советник officer polizei police поліці полици politiker "
        "politician політик политик superintendent principal schulleiter rektor ректор".split()
    ),
}

PRONOUNS: frozenset[str] = frozenset("er sie he she they він вона вони он она они".split())

# Titles before a name that are not part of it.
TITLES: frozenset[str] = frozenset("dr prof mr mrs ms mx sir dame herr frau".split())

DETERMINERS: frozenset[str] = frozenset(
    "der die das den dem des ein eine einen einem eines einer the a an".split()
)

# Sentence openers that mark a conclusion or a decision.
CONCLUSION_MARKERS: frozenset[str] = frozenset(
    "daher deshalb deswegen folglich somit also letztlich schließlich endgültig therefore thus "
    "hence so ultimately finally consequently тому отже відтак зрештою тож остаточно поэтому итак "
    "следовательно таким окончательно".split()
)

DECISION_WORDS: tuple[str, ...] = (
    "entscheid",
    "abstimmung",
    "volksabstimmung",
    "referendum",
    "beschlie",
    "beschluss",
    "wahl",
    "frist",
    "stichtag",
    "decision",
    "decide",
    "vote",
    "referendum",
    "deadline",
    "ballot",
    "ruling",
    "verdict",
    "рішен",
    "референдум",
    "голосуван",
    "вибор",
    "термін",
    "решени",
    "голосовани",
    "выбор",
    "срок",
)

CAPTION_CREDIT_LABELS: tuple[str, ...] = (
    "photo",
    "photos",
    "foto",
    "fotos",
    "bild",
    "image",
    "picture",
    "credit",
    "quelle",
    "source",
    "collage",
    "illustration",
    "grafik",
    "video",
    "фото",
    "колаж",
    "коллаж",
    "ілюстрація",
    "иллюстрация",
    "джерело",
    "источник",
    "скриншот",
    "screenshot",
)
