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

from digests.lexicon import (
    DETERMINERS,
    PRONOUNS,
    ROLE_GROUPS,
    SOURCE_MARKERS,
    SPEECH_VERBS,
    TITLES,
)
from digests.model import Quote
from digests.sentences import quotation_spans, split_sentences

MIN_QUOTE_WORDS = 4
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CAPITALIZED = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ][\w'’.-]*$")
_ATTRIBUTION_WINDOW = 300
# After a quotation: a comma, a dash or both, then the clause ("„…“, betonte …", "«…» — …").
_AFTER_START = re.compile(r"^\s*(?:,\s*)?(?:[—–-]\s*)?[^\W\d_]")
_DASH_START = re.compile(r"^\s*,?\s*[—–-]")
_CLAUSE_END = re.compile(r"[;:„“”\"«»()]")
# "Dr. Jens Albers", "J. Smith": a full stop that does not end the clause.
_TITLE_DOT = re.compile(r"\b(Dr|Prof|Mr|Mrs|Ms|St|Hr|Fr|[A-ZА-ЯЁЄІЇҐ])\.")
_PATRONYMIC = re.compile(r"(?:ович|евич|овна|евна|івна|ьич|ич)$")
# "Name, a/the … role" and "Name, der … Rolle": the role word follows within three words.
_APPOSITION = re.compile(
    r"([^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}),\s+"
    r"(?:(?:a|an|the|der|die|das|ein|eine|einer)\s+)?(?:[\w'’-]+\s+){0,2}$"
)
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
        if self._stems[0] != len(self.contexts):
            stems = {_stem(w) for text in self.contexts for w in _WORD.findall(text) if len(w) >= 5}
            self._stems = (len(self.contexts), stems)
        return self._stems[1]


_GROUP_OF_STEM = {stem: group for group, stems in ROLE_GROUPS.items() for stem in stems}
# Short stems only start a word ("мер"); longer ones also end compounds ("Oppositionsjournalist").
_ROLE_PREFIX = re.compile("|".join(sorted(map(re.escape, _GROUP_OF_STEM), key=len, reverse=True)))
_ROLE_INSIDE = re.compile(
    "|".join(sorted((re.escape(s) for s in _GROUP_OF_STEM if len(s) >= 4), key=len, reverse=True))
)


_NAME_WINDOW = 100
_CONTEXT_MENTIONS = 8  # the first mentions of a person say enough about who they are
_SOURCE_MARKER = re.compile(
    r"(?<![\w-])(?:" + "|".join(map(re.escape, SOURCE_MARKERS)) + r")\s", re.IGNORECASE
)
# Any word holding a role stem; `_role_group` then decides.


@lru_cache(maxsize=65536)
def _role_group(token: str) -> str | None:
    lowered = token.lower()
    match = _ROLE_PREFIX.match(lowered) or _ROLE_INSIDE.search(lowered)
    return _GROUP_OF_STEM[match.group()] if match else None


def _stem(token: str) -> str:
    return token.lower()[:5]


def _is_name_token(token: str) -> bool:
    return (
        bool(_CAPITALIZED.match(token))
        and _role_group(token) is None
        and (
            token.lower() not in DETERMINERS
            and token.lower() not in SPEECH_VERBS
            and token.lower() not in PRONOUNS
        )
    )


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _trailing_name(tokens: list[str]) -> list[str]:
    """The run of name tokens at the end of `tokens` (names are not led by an article)."""
    run: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        if not _is_name_token(tokens[index]):
            break
        run.insert(0, tokens[index])
    if run and len(tokens) > len(run) and tokens[-len(run) - 1].lower() in DETERMINERS:
        return []
    return run[-4:]


def _leading_name(tokens: list[str]) -> list[str]:
    run: list[str] = []
    for token in tokens:
        if not _is_name_token(token):
            break
        run.append(token)
    return run[:4]


class PersonRegistry:
    """The people an article names, in order of mention."""

    def __init__(self) -> None:
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
        if not name_tokens:
            return None
        name_tokens = [t for t in name_tokens if t.lower() not in TITLES]
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
            group = _role_group(role)
            if group:
                person.role_groups.add(group)
            person.role_stems.add(_stem(role))
        person.spoke = person.spoke or spoke
        return person

    def full_name(self, name_tokens: list[str]) -> str:
        person = self.people.get(name_tokens[-1])
        return person.name if person else " ".join(name_tokens)

    def resolve(self, role_tokens: list[str], position: int) -> str | None:
        """The person a role-only or pronoun speaker refers to, if the article makes it clear.

        Evidence, strongest first: the same role word ("die Ministerin" after "Ministerin
        Hollmann"), a role of the same kind ("Staatschef" after "Präsident"), having spoken
        before, a shared word stem in the context ("kasachische" near "Kasachstan"), recency.
        """
        roles = [t for t in role_tokens if _role_group(t)]
        groups = {_role_group(t) for t in roles}
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


def _name_after_role(text: str, role_end: int) -> list[str]:
    """The name a role introduces: "Präsident Tokajew", "міністр освіти Остап Ґалаґан"."""
    window = _TITLE_DOT.sub(r"\1", text[role_end : role_end + _NAME_WINDOW])
    tokens = _tokens(_CLAUSE_BREAK.split(window, maxsplit=1)[0])
    for skip in range(min(3, len(tokens))):
        run = _leading_name(tokens[skip : skip + 4])
        if run:
            return _without_leading_place(run)
    return []


def _without_leading_place(run: list[str]) -> list[str]:
    """ "Мэр Северогорска Пётр Мельников": a name is two words unless the middle one is a
    patronymic, so a third word in front is the place or body the role belongs to."""
    if len(run) >= 3 and not _PATRONYMIC.search(run[-2]):
        return run[-2:]
    return run


def _appositive_name(text: str, role_start: int) -> list[str]:
    """ "Priya Raman, a security researcher, …": the name just before a role in apposition."""
    before = _TITLE_DOT.sub(r"\1", text[max(0, role_start - _NAME_WINDOW) : role_start])
    match = _APPOSITION.search(before)
    return _trailing_name(_tokens(match.group(1))[-4:]) if match else []


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


_ROLE, _VERB = 1, 2


@lru_cache(maxsize=65536)
def _word_kind(word: str) -> int:
    """_ROLE, _VERB or 0: one cached look-up per word on the hot path."""
    if _role_group(word):
        return _ROLE
    return _VERB if word.lower() in SPEECH_VERBS else 0


def _note_people(registry: PersonRegistry, text: str, offset: int) -> None:
    """Register names introduced with a role ("Präsident Tokajew") or as a source or speaker."""
    triggers = [word for word in set(_WORD.findall(text)) if _word_kind(word)]
    for word in triggers:
        role = _word_kind(word) == _ROLE
        for start in _occurrences(text, word):
            end = start + len(word)
            if role:
                run = _name_after_role(text, end) or _appositive_name(text, start)
            else:
                before = text[max(0, start - _NAME_WINDOW) : start]
                before = _CLAUSE_BREAK.split(before)[-1]  # the subject is in the verb's clause
                run = _trailing_name(_tokens(before)[-4:])
            if run:
                context = text[max(0, start - 80) : end + 80]
                registry.add(
                    run, offset + start, context, role=word if role else None, spoke=not role
                )
    for hit in _SOURCE_MARKER.finditer(text):
        run = _leading_name(_tokens(text[hit.end() : hit.end() + _NAME_WINDOW]))
        if run:
            registry.add(run, offset + hit.start(), text[hit.start() : hit.end() + 120], spoke=True)


def _name_runs(tokens: list[str]) -> list[list[str]]:
    """Runs of name tokens; a capitalised word right after an article is a noun, not a name."""
    runs: list[list[str]] = []
    current: list[str] = []
    for index, token in enumerate(tokens):
        after_article = index > 0 and tokens[index - 1].lower() in DETERMINERS
        if _is_name_token(token) and (current or not after_article):
            if token.lower() not in TITLES:
                current.append(token)
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run[-4:] for run in runs]


def _attribution_after(paragraph: str, end: int) -> list[str] | None:
    """The speaker phrase in `„…“, betonte X.`, `"…," X said.` or `«…» — X.`; None if absent."""
    rest = paragraph[end : end + _ATTRIBUTION_WINDOW]
    dashed = bool(_DASH_START.match(rest))
    if not rest.strip() or not _AFTER_START.match(rest):
        return None
    sentences = split_sentences(rest.lstrip(" ,—–-"))
    clause = _CLAUSE_END.split(sentences[0], maxsplit=1)[0] if sentences else ""
    tokens = _tokens(clause.split(",")[0])
    verb_at = next((i for i, t in enumerate(tokens) if t.lower() in SPEECH_VERBS), None)
    if verb_at is None:
        return tokens if dashed and 0 < len(tokens) <= 6 and _name_runs(tokens) else None
    if verb_at == 0:
        return tokens[1:9] or None
    return tokens[max(0, verb_at - 8) : verb_at]


def _attribution_before(paragraph: str, start: int) -> list[str] | None:
    """The speaker phrase in `X sagte: „…“` or `Dann sagte X: „…“`; None if absent."""
    match = _BEFORE.search(paragraph[max(0, start - _ATTRIBUTION_WINDOW) : start])
    if not match:
        return None
    tokens = _tokens(match.group("clause"))
    verb_at = next((i for i, t in enumerate(tokens) if t.lower() in SPEECH_VERBS), None)
    if verb_at is None:
        return None
    after_verb = tokens[verb_at + 1 :]
    if after_verb and _name_runs(after_verb):
        return after_verb[:8]
    return tokens[max(0, verb_at - 8) : verb_at] or None


def _speaker_name(phrase: list[str], registry: PersonRegistry, position: int) -> str | None:
    if len(phrase) == 1 and phrase[0].lower() in PRONOUNS:
        return registry.resolve([], position)
    runs = _name_runs(phrase)
    if runs:
        return registry.full_name(max(runs, key=len))
    if any(_role_group(t) for t in phrase):
        return registry.resolve(phrase, position) or " ".join(phrase[:6])
    return None


def extract_quotes(paragraphs: list[str]) -> tuple[Quote, ...]:
    """Every direct quotation in the article's body, in order, with its speaker."""
    registry = PersonRegistry()
    quotes: list[Quote] = []
    offset = 0
    for paragraph in paragraphs:
        _note_people(registry, paragraph, offset)
        for start, end in quotation_spans(paragraph):
            text = paragraph[start + 1 : end - 1].strip(" ,")
            if len(_tokens(text)) < MIN_QUOTE_WORDS:
                continue
            phrase = _attribution_after(paragraph, end) or _attribution_before(paragraph, start)
            speaker = _speaker_name(phrase, registry, offset + start) if phrase else None
            if speaker:
                registry.add(speaker.split(), offset + start, paragraph[:200], spoke=True)
            quotes.append(Quote(text=text, speaker=speaker))
        offset += len(paragraph) + 2
    return _with_given_names(quotes, paragraphs)


def _with_given_names(quotes: list[Quote], paragraphs: list[str]) -> tuple[Quote, ...]:
    """ "Ortega" → "Luis Ortega" when the article names him in full ("Dr. Luis Ortega")."""
    surnames = {q.speaker for q in quotes if q.speaker and " " not in q.speaker}
    full: dict[str, str] = {}
    for surname in surnames:
        # A given name: a capitalised word not opening a sentence, right before the surname.
        pattern = re.compile(
            rf"(?<![.!?]\s)(?<!^)\b([\w'’-]+)\s+(?:[A-ZА-Я]\s+)?{re.escape(surname)}\b"
        )
        for paragraph in paragraphs:
            match = pattern.search(_TITLE_DOT.sub(r"\1", paragraph))
            if match and _is_name_token(match.group(1)) and match.group(1).lower() not in TITLES:
                full[surname] = f"{match.group(1)} {surname}"
                break
    if not full:
        return tuple(quotes)
    return tuple(Quote(q.text, full.get(q.speaker or "", q.speaker)) for q in quotes)
