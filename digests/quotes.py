"""Direct quotations and who said them.

A quotation is a quoted run of at least a few words (shorter ones are scare quotes:
„alten“, «engen»). Its speaker comes from the attribution clause after it (`„…“, betonte
X.`, `«…», — заявив X.`, `"…," X said.`) or before it (`X sagte: „…“`). A speaker who is
only a role or a pronoun ("der kasachische Staatschef", "the mayor", "he") is resolved to the
person the article named earlier with a matching role or as a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from digests.languages import GENERIC, LANGUAGES, Language, language_data
from digests.lemmas import is_known_word
from digests.model import Quote
from digests.sentences import quotation_spans, split_sentences

MIN_QUOTE_WORDS = 4
_QUOTE_MARK = re.compile(r"[„“”\"«»‚‘’‹›]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_CHARS = re.compile(r"[\w'’.-]+")
# The look-up caches of one language's lexicon are emptied past this many words.
_CACHE_WORDS = 100_000
_ATTRIBUTION_WINDOW = 300
# After a quotation: a comma, a dash or both, then the clause ("„…“, betonte …", "«…» — …").
_AFTER_START = re.compile(r"^\s*(?:,\s*)?(?:[—–-]\s*)?[^\W\d_]")
_DASH_START = re.compile(r"^\s*,?\s*[—–-]")
_CLAUSE_END = re.compile(r"[;:„“”\"«»()]")
# "Dr. Jens Albers", "J. Smith": a full stop that does not end the clause. The pattern opens
# with the stop and looks back for the title: a literal first is found ten times faster than
# a word boundary tried at every position.
_TITLES = ("Dr", "Prof", "Mr", "Mrs", "Ms", "St", "Hr", "Fr", "[A-ZА-ЯЁЄІЇҐ]")
_TITLE_DOT = re.compile(r"\.(?:" + "|".join(rf"(?<=\b{title}\.)" for title in _TITLES) + ")")
_PATRONYMIC = re.compile(r"(?:ович|евич|овна|евна|івна|ьич|ич)$")
# "Name, a/the … role" and "Name, der … Rolle": the role word follows within three words.
# Tried in two steps, for speed: what follows the last comma, then the name that ends at it.
_APPOSITION_TAIL = re.compile(
    r",\s+(?:(?:a|an|the|der|die|das|ein|eine|einer)\s+)?(?:[\w'’-]+\s+){0,2}$"
)
_APPOSITION_NAME = re.compile(r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}\Z")
_GAP = re.compile(r"\s+")
# What stands between the two parts of an interrupted quotation: ", says Munn, ".
_INTERRUPTION = re.compile(r"^\s*,?\s*[^.!?;:„“”\"«»()]{2,60},\s*$")
_CLAUSE_BREAK = re.compile(r"[.!?;:,()„“”\"«»—–]")
_BEFORE = re.compile(r"(?P<clause>[^.!?;„“”\"«»()\n]{1,160})[:,]\s*[—–-]?\s*$")


@dataclass
class Person:
    """Everything the article says about one named person, keyed by surname."""

    name: str
    positions: list[int] = field(default_factory=list)
    role_groups: set[str] = field(default_factory=set)
    role_stems: set[str] = field(default_factory=set)
    spoke: bool = False
    contexts: list[str] = field(default_factory=list)
    _stems: tuple[int, set[str]] = (-1, set())

    def context_stems(self) -> set[str]:
        """Word stems around the first mentions (computed when first needed, then kept)."""
        done, stems = self._stems
        if done != len(self.contexts):
            # Only the mentions added since: contexts are only ever appended.
            added = self.contexts[max(done, 0) :]
            new = {_stem(w) for text in added for w in _WORD.findall(text) if len(w) >= 5}
            self._stems = (len(self.contexts), stems | new)
        return self._stems[1]


_NAME_WINDOW = 100
_CONTEXT_MENTIONS = 8  # the first mentions of a person say enough about who they are
_ROLE, _VERB = 1, 2


class Lexicon:
    """One language's words for people and speech, with the look-ups the reader needs."""

    def __init__(self, data: Language) -> None:
        self.data = data
        self.group_of_stem = {
            stem: group
            for group, stems in data.role_groups.items()
            for stem in stems
            if " " not in stem
        }
        stems = sorted(map(re.escape, self.group_of_stem), key=len, reverse=True)
        # Short stems only start a word ("мер"); longer ones also end compounds
        # ("Oppositionsjournalist").
        self.role_prefix = re.compile("|".join(stems)) if stems else None
        inside = [s for s in stems if len(s) >= 4]
        self.role_inside = re.compile("|".join(inside)) if inside else None
        markers = "|".join(map(re.escape, data.source_markers))
        # Looked for first as plain text: the pattern, which opens with a lookbehind, is
        # tried at every position (14 µs a paragraph, against 1).
        self.source_words = tuple(marker.casefold() for marker in data.source_markers)
        self.source_marker = (
            re.compile(rf"(?<![\w-])(?:{markers})\s", re.IGNORECASE) if markers else None
        )
        self._groups: dict[str, str | None] = {}
        self._kinds: dict[str, int] = {}
        self._triggers: set[str] = set()  # the words of `_kinds` that are roles or verbs

    def role_group(self, token: str) -> str | None:
        """The kind of role a word names ("Präsidentin" → head_of_state), if any."""
        if token in self._groups:
            return self._groups[token]
        if len(self._groups) > _CACHE_WORDS:
            self._groups.clear()
        lowered = token.lower()
        match = None
        if self.role_prefix is not None:
            match = self.role_prefix.match(lowered)
        if match is None and self.role_inside is not None:
            match = self.role_inside.search(lowered)
        group = self.group_of_stem[match.group()] if match else None
        self._groups[token] = group
        return group

    def triggers(self, words: set[str]) -> dict[str, int]:
        """The words among `words` that name a role or are speech verbs, with their kinds.

        The hot path: most words are neither and were looked up before, so the new ones are
        found and the hits taken by set operations, not word by word."""
        new = {word for word in words.difference(self._kinds) if self.word_kind(word)}
        return {word: self.word_kind(word) for word in (words & self._triggers) | new}

    def word_kind(self, word: str) -> int:
        """_ROLE, _VERB or 0: one cached look-up per word."""
        kind = self._kinds.get(word)
        if kind is None:
            if len(self._kinds) > _CACHE_WORDS:
                self._kinds.clear()
                self._triggers.clear()
            kind = (
                _ROLE
                if self.role_group(word)
                else _VERB
                if word.lower() in self.data.speech_verbs
                else 0
            )
            self._kinds[word] = kind
            if kind:
                self._triggers.add(word)
        return kind

    def is_verb(self, token: str) -> bool:
        return token.lower() in self.data.speech_verbs

    def is_name_token(self, token: str) -> bool:
        lowered = token.lower()
        data = self.data
        return (
            token[:1].isupper()
            and _NAME_CHARS.fullmatch(token) is not None
            and self.role_group(token) is None
            and lowered not in data.determiners
            and lowered not in data.speech_verbs
            and lowered not in data.pronouns
        )


@lru_cache(maxsize=64)
def lexicon(language: str) -> Lexicon:
    """The language's lexicon; for a language without a file, every language's words."""
    data = language_data(language)
    if data is GENERIC:
        data = _every_language()
    return Lexicon(data)


def _every_language() -> Language:
    known = LANGUAGES.values()
    groups: dict[str, tuple[str, ...]] = {}
    for data in known:
        for group, stems in data.role_groups.items():
            groups[group] = (*groups.get(group, ()), *stems)
    return Language(
        code=GENERIC.code,
        speech_verbs=frozenset().union(*(d.speech_verbs for d in known)),
        source_markers=tuple(m for d in known for m in d.source_markers),
        role_groups=groups,
        pronouns=frozenset().union(*(d.pronouns for d in known)),
        titles=frozenset().union(*(d.titles for d in known)),
        determiners=frozenset().union(*(d.determiners for d in known)),
        place_genitive_endings=tuple({e for d in known for e in d.place_genitive_endings}),
    )


def _stem(token: str) -> str:
    return token.lower()[:5]


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _trailing_name(tokens: list[str], lex: Lexicon) -> list[str]:
    """The run of name tokens at the end of `tokens` (names are not led by an article)."""
    run: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        if not lex.is_name_token(tokens[index]):
            break
        run.insert(0, tokens[index])
    if run and len(tokens) > len(run) and tokens[-len(run) - 1].lower() in lex.data.determiners:
        return []
    return run[-4:]


def _leading_name(tokens: list[str], lex: Lexicon) -> list[str]:
    run: list[str] = []
    for token in tokens:
        if not lex.is_name_token(token):
            break
        run.append(token)
    return run[:4]


class PersonRegistry:
    """The people an article names, in order of mention."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.people: dict[str, Person] = {}

    def add(
        self,
        name_tokens: list[str],
        position: int,
        context: str,
        *,
        role: str | None = None,
        spoke: bool = False,
    ) -> Person | None:
        """Note a mention of a person; `role` is the role word named with them ("Präsident")."""
        name_tokens = [t for t in name_tokens if t.lower() not in self.lex.data.titles]
        if not name_tokens:
            return None
        surname = name_tokens[-1]
        person = self.people.get(surname)
        name = " ".join(name_tokens)
        if person is None:
            person = self.people[surname] = Person(name)
        elif len(name) > len(person.name):
            person.name = name
        insort(person.positions, position)
        if len(person.contexts) < _CONTEXT_MENTIONS:
            person.contexts.append(context)
        if role:
            group = self.lex.role_group(role)
            if group:
                person.role_groups.add(group)
            person.role_stems.add(_stem(role))
        person.spoke = person.spoke or spoke
        return person

    def knows(self, name_tokens: list[str]) -> bool:
        return bool(name_tokens) and name_tokens[-1] in self.people

    def full_name(self, name_tokens: list[str]) -> str:
        person = self.people.get(name_tokens[-1])
        return person.name if person else " ".join(name_tokens)

    def resolve(self, role_tokens: list[str], position: int) -> str | None:
        """The person a role-only or pronoun speaker refers to, if the article makes it clear.

        Evidence, strongest first: the same role word ("die Ministerin" after "Ministerin
        Hollmann"), a role of the same kind ("Staatschef" after "Präsident"), having spoken
        before, a shared word stem in the context ("kasachische" near "Kasachstan"), recency.
        """
        roles = [t for t in role_tokens if self.lex.role_group(t)]
        groups = {self.lex.role_group(t) for t in roles}
        stems = {_stem(t) for t in roles}
        others = {_stem(t) for t in role_tokens if len(t) >= 5 and t not in roles}
        best: tuple[float, str] | None = None
        for person in self.people.values():
            before = bisect_left(person.positions, position)
            if before == 0:
                continue  # named only after this quotation
            score = person.positions[before - 1] / max(position, 1)
            score += 4 * bool(stems & person.role_stems) + 2 * bool(groups & person.role_groups)
            score += 2 * person.spoke
            score += 2 * bool(others and others & person.context_stems())
            if best is None or score > best[0]:
                best = (score, person.name)
        if best is None:
            return None
        # A role that matches nobody's role and nothing said before stays unresolved.
        return best[1] if best[0] >= 2 or not roles else None


def _name_after_role(text: str, role_end: int, lex: Lexicon) -> list[str]:
    """The name a role introduces: "Präsident Tokajew", "міністр освіти Остап Ґалаґан"."""
    window = _TITLE_DOT.sub("", text[role_end : role_end + _NAME_WINDOW])
    tokens = _tokens(_CLAUSE_BREAK.split(window, maxsplit=1)[0])
    for skip in range(min(3, len(tokens))):
        run = _leading_name(tokens[skip : skip + 4], lex)
        if run:
            return _without_leading_place(run, lex)
    return []


def _without_leading_place(run: list[str], lex: Lexicon) -> list[str]:
    """ "Мэр Северогорска Пётр Мельников": in languages that name the place a role belongs to
    in the genitive, a third word in front of a two-word name (whose middle word is no
    patronymic) is that place. "Mayor Mary Ann Whitfield" keeps all three."""
    endings = lex.data.place_genitive_endings
    if (
        endings
        and len(run) >= 3
        and not _PATRONYMIC.search(run[-2])
        and run[0].lower().endswith(endings)
    ):
        return run[1:]
    return run


def _appositive_name(text: str, role_start: int, lex: Lexicon) -> list[str]:
    """ "Priya Raman, a security researcher, …": the name just before a role in apposition."""
    before = _TITLE_DOT.sub("", text[max(0, role_start - _NAME_WINDOW) : role_start])
    comma = before.rfind(",")
    if comma == -1 or not _APPOSITION_TAIL.match(before, comma):
        return []
    # The name is at most four words before the comma: searching from five words before it
    # finds what a search of the whole window finds, without trying every start in it.
    gaps = [m.start() for m in _GAP.finditer(before, 0, comma)]
    match = _APPOSITION_NAME.search(before, gaps[-5] if len(gaps) >= 5 else 0, comma)
    return _trailing_name(_tokens(match.group())[-4:], lex) if match else []


def _occurrences(text: str, word: str) -> list[int]:
    """Start offsets of `word` standing as a whole word in `text` (str.find is fast)."""
    found = []
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "-'’") and not (after.isalnum() or after in "-'’"):
            found.append(start)
        start = text.find(word, end)
    return found


def _note_people(registry: PersonRegistry, text: str, offset: int) -> None:
    """Register names introduced with a role ("Präsident Tokajew") or as a source or speaker."""
    lex = registry.lex
    # In the order the text names them: the first mentions of a person are kept as context.
    mentions = sorted(
        (start, word, found)
        for word, found in lex.triggers(set(_WORD.findall(text))).items()
        for start in _occurrences(text, word)
    )
    for start, word, found in mentions:
        role = found == _ROLE
        end = start + len(word)
        if role:
            run = _name_after_role(text, end, lex) or _appositive_name(text, start, lex)
        else:
            before = text[max(0, start - _NAME_WINDOW) : start]
            before = _CLAUSE_BREAK.split(before)[-1]  # the subject is in the verb's clause
            run = _trailing_name(_tokens(before)[-4:], lex)
        if run:
            context = text[max(0, start - 80) : end + 80]
            registry.add(run, offset + start, context, role=word if role else None, spoke=not role)
    if lex.source_marker is None:
        return
    folded = text.casefold()
    if not any(marker in folded for marker in lex.source_words):
        return
    for hit in lex.source_marker.finditer(text):
        run = _leading_name(_tokens(text[hit.end() : hit.end() + _NAME_WINDOW]), lex)
        if run:
            registry.add(run, offset + hit.start(), text[hit.start() : hit.end() + 120], spoke=True)


def _name_runs(tokens: list[str], lex: Lexicon) -> list[list[str]]:
    """Runs of name tokens; a capitalised word right after an article is a noun, not a name."""
    runs: list[list[str]] = []
    current: list[str] = []
    for index, token in enumerate(tokens):
        after_article = index > 0 and tokens[index - 1].lower() in lex.data.determiners
        if lex.is_name_token(token) and (current or not after_article):
            if token.lower() not in lex.data.titles:
                current.append(token)
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run[-4:] for run in runs]


@dataclass(frozen=True, slots=True)
class _Attribution:
    """The words that name a quotation's speaker, and where they stand."""

    tokens: list[str]
    after_verb: bool  # "said Whitfield" (True) or "Whitfield said" (False)
    has_verb: bool = True


def _attribution_after(paragraph: str, end: int, lex: Lexicon) -> _Attribution | None:
    """The speaker phrase in `„…“, betonte X.`, `"…," X said.` or `«…» — X.`; None if absent."""
    rest = paragraph[end : end + _ATTRIBUTION_WINDOW]
    dashed = bool(_DASH_START.match(rest))
    if not rest.strip() or not _AFTER_START.match(rest):
        return None
    sentences = split_sentences(rest.lstrip(" ,—–-"), lex.data.code)
    clause = _CLAUSE_END.split(sentences[0], maxsplit=1)[0] if sentences else ""
    parts = clause.split(",")
    tokens = _tokens(parts[0])
    verb_at = next((i for i, t in enumerate(tokens) if lex.is_verb(t)), None)
    if verb_at is None:
        if dashed and 0 < len(tokens) <= 6 and _name_runs(tokens, lex):
            return _Attribution(tokens, after_verb=True, has_verb=False)
        return None
    if verb_at == 0:
        named = _tokens(parts[1]) if len(parts) > 1 else []
        if any(lex.role_group(t) for t in tokens) and _is_whole_name(named, lex):
            # "sagt der Präsident des Malteser Hilfsdienst, Georg Khevenhüller": the role,
            # then who holds it (the organisation's capitalised words are no name).
            return _Attribution(named, after_verb=True)
        return _Attribution(tokens[1:9], after_verb=True) if tokens[1:9] else None
    return _Attribution(tokens[max(0, verb_at - 8) : verb_at], after_verb=False)


def _is_whole_name(tokens: list[str], lex: Lexicon) -> bool:
    """Two to four words that are one name and nothing else: "Georg Khevenhüller"."""
    return 2 <= len(tokens) <= 4 and _name_runs(tokens, lex) == [tokens]


def _attribution_before(paragraph: str, start: int, lex: Lexicon) -> _Attribution | None:
    """The speaker phrase in `X sagte: „…“` or `Dann sagte X: „…“`; None if absent."""
    match = _BEFORE.search(paragraph[max(0, start - _ATTRIBUTION_WINDOW) : start])
    if not match:
        return None
    tokens = _tokens(match.group("clause"))
    verb_at = next((i for i, t in enumerate(tokens) if lex.is_verb(t)), None)
    if verb_at is None:
        return None
    after_verb = tokens[verb_at + 1 :]
    if after_verb and _name_runs(after_verb, lex):
        return _Attribution(after_verb[:8], after_verb=True)
    before = tokens[max(0, verb_at - 8) : verb_at]
    return _Attribution(before, after_verb=False) if before else None


def _speaker_run(phrase: _Attribution, lex: Lexicon) -> list[str] | None:
    """The name in a speaker phrase: after its last role word ("Deputy Foreign Minister
    Orazov"), else the one nearest the verb."""
    tokens = phrase.tokens
    roles = [i for i, t in enumerate(tokens) if lex.role_group(t)]
    if roles:
        after_role = _name_runs(tokens[roles[-1] + 1 :], lex)
        if after_role:
            return after_role[0] if phrase.after_verb else after_role[-1]
    runs = _name_runs(tokens, lex)
    if not runs:
        return None
    return runs[0] if phrase.after_verb else runs[-1]


def _plausible_without_verb(run: list[str], registry: PersonRegistry, language: str) -> bool:
    """A name after a dash with no speech verb ("„…“ — Julia Steiner") is taken only when the
    article names that person elsewhere or its words are no dictionary words (German
    capitalises nouns: "— Punkte Vorsprung" is no name)."""
    return registry.knows(run) or all(is_known_word(t, language) is not True for t in run)


def _speaker_name(phrase: _Attribution, registry: PersonRegistry, position: int) -> str | None:
    lex = registry.lex
    if _is_pronoun(phrase, lex):
        return registry.resolve([], position)
    run = _speaker_run(phrase, lex)
    if run:
        if not phrase.has_verb and not _plausible_without_verb(run, registry, lex.data.code):
            return None
        return registry.full_name(run)
    if any(lex.role_group(t) for t in phrase.tokens):
        return registry.resolve(phrase.tokens, position) or " ".join(phrase.tokens[:6])
    return None


def extract_quotes(paragraphs: list[str], language: str = "und") -> tuple[Quote, ...]:
    """Every direct quotation in the article's body, in order, with its speaker."""
    lex = lexicon(language)
    quoting = [i for i, p in enumerate(paragraphs) if _QUOTE_MARK.search(p)]
    if not quoting:
        return ()  # nothing quoted: no speakers to find
    registry = PersonRegistry(lex)
    quotes: list[Quote] = []
    offset = 0
    # Who a speaker is comes from what was said before the quotation: the paragraphs after
    # the last one with a quotation mark name nobody the quotations need.
    for paragraph in paragraphs[: quoting[-1] + 1]:
        _note_people(registry, paragraph, offset)
        for start, end, text in _joined_spans(paragraph, lex):
            if len(_tokens(text)) < MIN_QUOTE_WORDS:
                continue
            phrase = _attribution_after(paragraph, end, lex) or _attribution_before(
                paragraph, start, lex
            )
            speaker = _speaker_name(phrase, registry, offset + start) if phrase else None
            pronoun = phrase is not None and _is_pronoun(phrase, lex)
            if speaker and pronoun and _named_since(paragraph[:start], speaker, lex):
                speaker = None  # "she said" may mean the one named since, whom we do not know
            if speaker:
                registry.add(speaker.split(), offset + start, paragraph[:200], spoke=True)
            quotes.append(Quote(text=text, speaker=speaker))
        offset += len(paragraph) + 2
    return _with_given_names(quotes, paragraphs, lex)


def _joined_spans(paragraph: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The paragraph's quotations as (start, end of the first part, text). A sentence the
    speaker's name interrupts is one quotation: "The people who control popularity," says
    Munn, "are the people who are not popular." („Wir wollen“, sagte sie, „dass …“.)"""
    spans = quotation_spans(paragraph)
    joined = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        text = paragraph[start + 1 : end - 1].strip(" ,")
        if index + 1 < len(spans):
            following_start, following_end = spans[index + 1]
            rest = paragraph[following_start + 1 : following_end - 1].strip(" ,")
            if (
                _INTERRUPTION.match(paragraph[end:following_start])
                and rest[:1].islower()
                and _attribution_after(paragraph, end, lex) is not None
            ):
                # A comma outside the marks is the sentence's own („Wir wollen“, sagte sie,
                # „dass …“); inside them, the interruption's ("…popularity," says Munn).
                glue = ", " if paragraph[end:following_start].lstrip().startswith(",") else " "
                text = f"{text}{glue}{rest}"
                index += 1
        joined.append((start, end, text))
        index += 1
    return joined


def _is_pronoun(phrase: _Attribution, lex: Lexicon) -> bool:
    return len(phrase.tokens) == 1 and phrase.tokens[0].lower() in lex.data.pronouns


def _named_since(before: str, speaker: str, lex: Lexicon) -> bool:
    """Someone else named by full name in `before` after the speaker's last mention: "…said
    Amnesty International. … one of the women was 25-year-old Nesma Hajjaj. “I am from Gaza
    City,” she said" — the pronoun points at her, not at the organisation."""
    surname = speaker.split()[-1]
    at = before.rfind(surname)
    since = before[at + len(surname) :] if at != -1 else before
    return any(
        len(run) >= 2
        and run[-1] != surname
        and all(is_known_word(token, lex.data.code) is not True for token in run)
        for run in _name_runs(_tokens(since), lex)
    )


def _with_given_names(
    quotes: list[Quote], paragraphs: list[str], lex: Lexicon
) -> tuple[Quote, ...]:
    """ "Ortega" → "Luis Ortega" when the article names him in full ("Dr. Luis Ortega")."""
    surnames = {q.speaker for q in quotes if q.speaker and " " not in q.speaker}
    full: dict[str, str] = {}
    for surname in surnames:
        # A given name: a capitalised word not opening a sentence, right before the surname.
        pattern = re.compile(
            rf"(?<![.!?]\s)(?<!^)\b([\w'’-]+)\s+(?:[A-ZА-Я]\s+)?{re.escape(surname)}\b"
        )
        for paragraph in paragraphs:
            match = pattern.search(_TITLE_DOT.sub("", paragraph))
            given = match.group(1) if match else ""
            if given and lex.is_name_token(given) and given.lower() not in lex.data.titles:
                full[surname] = f"{given} {surname}"
                break
    if not full:
        return tuple(quotes)
    return tuple(Quote(q.text, full.get(q.speaker or "", q.speaker)) for q in quotes)
