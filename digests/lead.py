"""The lead: the news in one or two sentences, as the article tells it.

The article's first statement that fits a notification, or its main clause; the next sentence
too when the first is short. A scene or an anecdote a feature opens on gives way to the news a
sentence or two later, and news that leans on its scene is shown with it. The page's standfirst
leads when it is more about the headline than the body's first statement.
"""

from __future__ import annotations

from digests.blocks import looks_cut_off
from digests.clauses import fit_sentence, main_clause
from digests.cleanup import word_count
from digests.sentences import is_balanced, with_full_stop
from digests.sentences_pool import (
    Pool,
    Sentence,
    is_aside,
    is_question,
    is_whole,
    names_and_figures,
)

# A lead sentence this long still reads in a notification; a longer one keeps its main clause.
GIST_CHARS = 330
# A first sentence this little about the headline sets a scene; one this much about it is news.
_SCENE = 0.08
_NEWS = 0.12
_NEWS_FACTS = 3
# A headline of fewer content words ("Tridents' challenge") is a label: sharing none of them
# says nothing of a first sentence.
_TELLING_HEADLINE = 3
# A scene and the news leaning on it, shown together, still leave room for a key point.
_SCENE_AND_NEWS = 420
# How far into the opening the news may come after a scene: any of the first five statements
# (businessWeek's "I don't mean the cute little box …" reaches Apple's TV set in its fourth).
_SCENE_REACH = 5
# An opening this little about the headline and theme (a sentence about neither scores 0; the
# corpus's hooks score 0–0.17, its news openings 0.3 and more) is a hook; the first statement
# scoring this much (the corpus's nut grafs score 0.37–0.8) says what the article is about,
# looked for in the opening half of the article, as far as its 25th sentence.
_HOOK = 0.25
_NUT = 0.35
_NUT_REACH = 25
# A lead no longer than a scene and its news together (see `_SCENE_AND_NEWS`).
_LONGEST_LEAD = 420
# The lead's second sentence joins the first when the first is this short and both together
# leave room for key points.
_SHORT_LEAD = 160
_TWO_SENTENCE_LEAD = 260
_SET_UP = 60
# Before the colon, this many words tell who asks what ("Ezra Klein sets out to answer a
# simple question: …"); fewer are a label ("Die Frage: …", "Question: …").
_TELLING_WORDS = 6
# A standfirst has more words than a title: the corpus's run 20–40, its headlines under 15.
_UNPUNCTUATED_WORDS = 15


def lead_sentences(pool: Pool) -> list[str]:
    """The lead: the first statement of the article that fits a notification (or its main
    clause), and the next sentence too when the first is short."""
    # A reader's letter to a column asks; the column's answer is the article's.
    told = [s for s in pool.sentences if not s.asked] or pool.sentences
    candidates = [s for s in told if s.section == 0][:5] or told[:5]
    statements = _statements(pool, candidates)
    if not statements:
        # A first section of a kicker or a subtitle only ("Jazz Pharmaceuticals to own
        # worldwide rights to defibrotide at closing" over the release): the news opens the
        # text after it.
        candidates = told[:5]
        statements = _statements(pool, candidates)
    fallback = [s for s in candidates[:1] if is_whole(s.text)]
    ordered = statements or fallback
    topic = pool.headline_topic
    # The page's standfirst leads when it is the news in brief ("Der Norweger Marius Lindvik
    # hat … in Willingen gewonnen" over "Der Weltcup der Skispringer bleibt extrem
    # spannend."); a standfirst that is a hook ("Researchers say the bug had been reported
    # twice") gives way to a first statement more about the headline.
    body = [s for s in ordered if not s.standfirst]
    if ordered and ordered[0].standfirst and body:
        headline = pool.topic(pool.article.headline)  # the teaser's own words left out
        if pool.centrality(body[0].text, headline) > pool.centrality(ordered[0].text, headline):
            ordered = body
    # "Denn die Wintersonne kann…": a lead that leans on a line the page set above it (a
    # teaser the extraction left out) gives way to the next statement that stands alone.
    alone = [s for s in ordered[:3] if not pool.leans(s.text)]
    if (
        ordered
        and alone
        and alone[0] is not ordered[0]
        and (pool.leans_back(ordered[0].text) and not pool.concludes(ordered[0].text))
    ):
        ordered = ordered[ordered.index(alone[0]) :]
    # A feature may open on a scene ("Seesterne sind nicht nur wunderschön anzuschauen.") and
    # come to the news a few sentences later: when the first statement shares next to nothing
    # with the headline and one of the next four is clearly about it, that one leads. A first
    # sentence with names and figures is news in other words ("Regierungschefin Najla Bouden
    # hat am Montag ihr Kabinett mit 25 Mitgliedern vorgestellt" under "Neue Regierung…").
    if (
        len(ordered) > 1
        and len(topic) >= _TELLING_HEADLINE
        and pool.centrality(ordered[0].text, topic) < _SCENE
        and len(names_and_figures(ordered[0].text, pool.language)) < _NEWS_FACTS
    ):
        later = max(ordered[1:_SCENE_REACH], key=lambda s: pool.centrality(s.text, topic))
        if pool.centrality(later.text, topic) >= _NEWS:
            scene = ordered[0]
            if not pool.leans(later.text):
                ordered = ordered[ordered.index(later) :]
            elif (
                _follows(pool, scene, later)
                and len(scene.text) + len(later.text) <= _SCENE_AND_NEWS
                and not pool.leans(scene.text)
            ):
                # "Lichte Waldstrukturen sind … selten geworden. Vor diesem Hintergrund haben
                # InfoSpecies … einen Aktionsplan erarbeitet": the news leans on the scene
                # right before it, so the two lead together.
                return [scene.text, later.text]
            elif stretch := _scene_to_news(pool, scene, later):
                # "Seesterne sind nicht nur wunderschön anzuschauen. Mit ihren Füßchen … Kein
                # Wunder also, dass die filigranen Meerestiere als Namensgeber … dienen": one
                # paragraph, read as far as its news.
                return stretch
            elif (
                len(names_and_figures(later.text, pool.language)) >= _NEWS_FACTS
                and not pool.opens_leaning(later.text)
            ):
                # Further on, news that leans leads alone only when it carries its own names
                # and figures (what it leans on is background); "The answer, the Vox founder
                # suggests, is …" is nothing without its question.
                ordered = ordered[ordered.index(later) :]
    if ordered and _is_hook(pool, ordered[0]) and (nut := _nut_graf(pool, ordered[0])):
        ordered = [nut]
    for position, sentence in enumerate(ordered):
        first = fit_sentence(sentence.text, GIST_CHARS, pool.language)
        if first is None:
            continue
        if position and pool.leans(first):
            continue  # the lead after a first sentence too long to show must stand alone
        if _is_unpunctuated_standfirst(pool, sentence):
            first = with_full_stop(first)
        lead = [first]
        # The sentence right after may lean on the first ("Sie wird als erste Frau …"): shown
        # together, it has what it points at.
        following = [
            s
            for s in pool.sentences
            if s.order == sentence.order + 1
            and s.section == sentence.section
            and s.standfirst == sentence.standfirst
            and not s.asked
        ]
        # A very short first sentence ("Noch wartet Antonio Gutierrez ab.") sets up the next
        # one, which may take the whole lead's room.
        limit = GIST_CHARS if len(first) < _SET_UP else _TWO_SENTENCE_LEAD
        if (
            following
            and first == sentence.text
            and len(first) < _SHORT_LEAD
            and len(first) + len(following[0].text) < limit
            and is_whole(following[0].text)
            and not is_question(following[0].text)
            and not is_aside(following[0].text)
            # "Wir haben hier 3 Tipps … für Sie!": a call to the reader, not news ("Nun hat sie
            # auch ein Buch … geschrieben!" is news, told with a cheer).
            and not _calls_the_reader(pool, following[0].text)
        ):
            lead.append(following[0].text)
        return lead
    # Every opening statement too long for a notification and without a main clause to show
    # ("El fiscal Pedro Horrach está perfilando … por los delitos de blanqueo de capitales y
    # contra la Hacienda Pública.", 380 characters): the first that stands alone still leads,
    # if it leaves room for a key point, rather than none.
    for sentence in ordered[:2]:
        if len(sentence.text) <= _LONGEST_LEAD and not pool.leans(sentence.text):
            return [sentence.text]
    return _trailing_off(pool, candidates)


def _trailing_off(pool: Pool, candidates: list[Sentence]) -> list[str]:
    """A page that is a teaser only, its one statement trailing off into an ellipsis ("…, as
    Kelly Malloy … stopped-by and was given the royal treatment she deserved…"): its main
    clause leads, a whole statement, rather than nothing."""
    for sentence in candidates[:2]:
        text = sentence.text.rstrip()
        if not text.endswith(("…", "...")) or word_count(text) < _UNPUNCTUATED_WORDS:
            continue
        clause = main_clause(text.rstrip(".… "), GIST_CHARS, pool.language)
        if clause is not None and not pool.leans(clause):
            return [clause]
    return []


def _about(pool: Pool, sentence: Sentence) -> float:
    """How much a sentence says what the article is about: its headline, and what the whole
    article keeps coming back to (a speech's "Rede von Bundespräsident …" names no subject)."""
    return pool.centrality(sentence.text, pool.headline_topic) + 0.5 * pool.theme(sentence.text)


def _is_hook(pool: Pool, sentence: Sentence) -> bool:
    """An opening about neither the headline nor the article's theme, and without the names
    and figures news carries: a hook ("Derzeit läuft die Fußball-Weltmeisterschaft der
    Männer.", "Deutschrap befindet sich weiterhin im Diss-Modus.")."""
    return (
        len(pool.headline_topic) >= _TELLING_HEADLINE
        and _about(pool, sentence) < _HOOK
        and len(names_and_figures(sentence.text, pool.language)) < _NEWS_FACTS
    )


def _nut_graf(pool: Pool, hook: Sentence) -> Sentence | None:
    """After a hook, the first statement that says what the article is about (its "nut
    graf"), standing alone and short enough to lead, within the article's opening."""
    reach = min(_NUT_REACH, max(len(pool.sentences) // 2, 1))
    for sentence in _statements(pool, pool.sentences[hook.order + 1 : reach]):
        text = sentence.text
        if (
            len(text) <= GIST_CHARS
            and not is_aside(text)
            and not _exclaims(text)
            and not pool.leans(text)
            and _about(pool, sentence) >= _NUT
        ):
            return sentence
    return None


def _scene_to_news(pool: Pool, scene: Sentence, news: Sentence) -> list[str]:
    """The paragraph from its scene to the news that leans on it, when it fits a lead and
    says nothing but statements."""
    stretch = [s for s in pool.sentences if scene.order <= s.order <= news.order]
    if (
        any(s.paragraph != scene.paragraph or s.asked for s in stretch)
        or not all(is_whole(s.text) and not is_question(s.text) for s in stretch)
        or sum(len(s.text) + 1 for s in stretch) > _SCENE_AND_NEWS
        or pool.leans(scene.text)
    ):
        return []
    return [s.text for s in stretch]


def _follows(pool: Pool, scene: Sentence, news: Sentence) -> bool:
    """The news comes right after the scene, or opens the next paragraph leaning on it ("Vor
    diesem Hintergrund haben …"): the scene's paragraph is what it points at, and the scene,
    its first sentence, says what that paragraph is about."""
    if news.order == scene.order + 1:
        return True
    return (
        news.paragraph == scene.paragraph + 1
        and _opens_its_paragraph(pool, news)
        and _opens_its_paragraph(pool, scene)
        and pool.leans_back(news.text)
    )


def _opens_its_paragraph(pool: Pool, sentence: Sentence) -> bool:
    earlier = (s for s in pool.sentences if s.order < sentence.order)
    return all(s.paragraph != sentence.paragraph for s in earlier)


def _statements(pool: Pool, candidates: list[Sentence]) -> list[Sentence]:
    return [
        s
        for s in candidates
        if word_count(s.text) >= 5
        and not s.asked
        and not _is_broken_off(s.text)
        and (not is_question(s.text) or _tells_its_question(s.text))
        and (is_whole(s.text) or _is_unpunctuated_standfirst(pool, s))
    ]


def _is_broken_off(text: str) -> bool:
    """The rest of a sentence the page broke ("which were released online and are making the
    rounds …"): it opens on a lower-case word, not on a name written so ("iPhone", "eBay")."""
    return text[:1].islower() and text[1:2].islower()


def _exclaims(text: str) -> bool:
    return text.rstrip(' "”“»«’)').endswith("!")


def _calls_the_reader(pool: Pool, text: str) -> bool:
    return _exclaims(text) and (
        pool.asks_the_reader(text) or pool.speaks_as_author(text)
    )


def _tells_its_question(text: str) -> bool:
    """A statement that ends on the question it is about ("In Why We're Polarized, Ezra Klein
    sets out to answer a simple question: Why was America's 2016 election so normal?"): it
    tells who asks and where, so it can lead."""
    told, colon, _ = text.partition(": ")
    return bool(colon) and "?" not in told and word_count(told) >= _TELLING_WORDS


def _is_unpunctuated_standfirst(pool: Pool, sentence: Sentence) -> bool:
    """The article's opening paragraph as one sentence without a full stop ("A New York il
    Metronome si trasforma … per ridurre rapidamente le emissioni"): a standfirst, whole though
    unpunctuated, unless it is cut off or too short to be more than a title."""
    text = sentence.text
    alone = sum(1 for s in pool.sentences[:3] if s.paragraph == sentence.paragraph) == 1
    return (
        alone
        and sentence.order < 2
        and sentence.section == 0
        and word_count(text) >= _UNPUNCTUATED_WORDS
        and not text.rstrip().endswith(("…", "...", ":", ","))
        and not looks_cut_off(text, pool.language)
        and is_balanced(text)
    )
