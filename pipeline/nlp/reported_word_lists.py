"""The word lists and the article's spans the word-order reader of reported speech reads
(`pipeline.nlp.reported_words`): ``models/quotes/reported_words.csv``, the shared ``words.csv`` and ``sources.csv``,
and each lemma's patterns from ``reported.csv``."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from pipeline.nlp.reported_speech import load_patterns
from pipeline.rulefiles import read_rows

FOLDER = "quotes"
WORDS_FILE = "reported_words.csv"
WORD_CLASSES = ("hearer", "not_opener", "clause_word", "hypothetical", "conditional", "preposition", "bare_clause",
                "adjunct_noun", "time_word", "period_opener", "absolute_opener", "data_source", "cue_joiner",
                "object_link", "fronted_object", "time_preposition", "quote_mark")
# The rule pipeline's span groups that name a speaker or a hearer.
NAMED_GROUPS = ("person", "official", "organization", "title")
# The span groups of a person's name, and of a title.
PERSON_GROUPS = ("person", "official")
TITLE_GROUP = "title"
CUE_GROUP = "cue"


@dataclass(frozen=True)
class WordRules:
    """The word lists the reader reads (see `pipeline.nlp.reported_words`), lower case."""

    patterns: dict[str, frozenset[str]]
    hearers: frozenset[str]
    not_openers: frozenset[str]
    clause_words: frozenset[str]
    hypothetical: frozenset[str]
    conditional: frozenset[str]
    prepositions: frozenset[str]
    bare_clause: frozenset[str]
    adjunct_nouns: frozenset[str]
    time_words: frozenset[str]
    period_openers: frozenset[str]
    absolute_openers: frozenset[str]
    fillers: frozenset[str]
    boundaries: frozenset[str]
    be: frozenset[str]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    self_words: frozenset[str]
    speaker_nouns: frozenset[str]
    data_sources: frozenset[str] = frozenset()
    cue_joiners: frozenset[str] = frozenset()
    object_links: frozenset[str] = frozenset()
    fronted_objects: frozenset[str] = frozenset()
    time_prepositions: frozenset[str] = frozenset()
    quote_marks: frozenset[str] = frozenset()  # may open the words after a "description" cue's object

    def is_speaker_noun(self, word: str) -> bool:
        """True for a speaker noun of ``sources.csv`` or its regular plural ("analysts", "agencies",
        "witnesses"); a word that only ends in "s" is not a plural ("boss", "press")."""
        lower = word.lower()
        if lower in self.speaker_nouns:
            return True
        singulars = []
        if lower.endswith("ies"):
            singulars.append(lower[:-3] + "y")
        if lower.endswith("es"):
            singulars.append(lower[:-2])
        if lower.endswith("s") and not lower.endswith("ss"):
            singulars.append(lower[:-1])
        return any(singular in self.speaker_nouns for singular in singulars)


def load_word_rules(models_dir: Path) -> WordRules:
    """Read the reader's lists from ``models_dir/quotes`` (``reported_words.csv``, ``words.csv``,
    ``sources.csv``) and each lemma's patterns from ``reported.csv``."""
    folder = models_dir / FOLDER
    own: dict[str, set[str]] = {name: set() for name in WORD_CLASSES}
    for number, row in enumerate(read_rows(folder / WORDS_FILE), start=2):
        if row["class"] not in own or not row["word"]:
            raise ValueError(f"{folder / WORDS_FILE}: row {number} {row!r}: class must be one of {WORD_CLASSES}")
        own[row["class"]].add(row["word"].lower())
    shared: dict[str, set[str]] = {}
    for row in read_rows(folder / "words.csv"):
        shared.setdefault(row["class"], set()).add(row["word"].lower())
    patterns = {lemma: frozenset(names) for lemma, names in load_patterns(models_dir).items()}
    nouns = frozenset(row["noun"].lower() for row in read_rows(folder / "sources.csv"))
    return WordRules(
        patterns=patterns, hearers=frozenset(own["hearer"]), not_openers=frozenset(own["not_opener"]),
        clause_words=frozenset(own["clause_word"]), hypothetical=frozenset(own["hypothetical"]),
        conditional=frozenset(own["conditional"]), prepositions=frozenset(own["preposition"]),
        bare_clause=frozenset(own["bare_clause"]), adjunct_nouns=frozenset(own["adjunct_noun"]),
        time_words=frozenset(own["time_word"]), period_openers=frozenset(own["period_opener"]),
        absolute_openers=frozenset(own["absolute_opener"]),
        # a filler that is also a refusal ("would", "will") is read as a refusal
        fillers=frozenset(shared.get("filler", set()) - own["hypothetical"]),
        boundaries=frozenset(shared.get("boundary", set())), be=frozenset(shared.get("be", set())),
        pronouns=frozenset(shared.get("person_pronoun", set()) | shared.get("group_pronoun", set())
                           | shared.get("thing_pronoun", set())),
        determiners=frozenset(shared.get("determiner", set())), self_words=frozenset(shared.get("self", set())),
        speaker_nouns=nouns, data_sources=frozenset(own["data_source"]), cue_joiners=frozenset(own["cue_joiner"]),
        object_links=frozenset(own["object_link"]), fronted_objects=frozenset(own["fronted_object"]),
        time_prepositions=frozenset(own["time_preposition"]), quote_marks=frozenset(own["quote_mark"]))


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue of the ``cue`` span group: its tokens ``[start, end)``, lemma and sense."""

    start: int
    end: int
    lemma: str
    sense: str


class ArticleSpans:
    """The article's cues and named spans, indexed by token, built once per article (the names only when a
    sentence with a cue gets that far: most cues are in sentences refused at once or read by the parser)."""

    def __init__(self, doc: Doc, rules: WordRules, text: str) -> None:
        self.doc, self.text = doc, text
        self.cues: list[Cue] = []
        for span in doc.spans[CUE_GROUP] if CUE_GROUP in doc.spans else ():
            if span.label_ in rules.patterns:
                self.cues.append(Cue(span.start, span.end, span.label_, span.id_.rsplit(":", 1)[-1]))
        self.cues.sort(key=lambda cue: cue.start)
        self.cue_starts = [cue.start for cue in self.cues]
        self._named: tuple[dict[int, int], dict[int, int], set[int]] | None = None
        self._persons: dict[int, int] | None = None
        self._titles: dict[int, int] | None = None

    @property
    def named_by_end(self) -> dict[int, int]:
        """Last token of each name, title or organization → its first token."""
        return self._names()[0]

    @property
    def named_by_start(self) -> dict[int, int]:
        """First token of each name, title or organization → its last token."""
        return self._names()[1]

    @property
    def named_tokens(self) -> set[int]:
        """Every token inside a name, a title or an organization."""
        return self._names()[2]

    def _names(self) -> tuple[dict[int, int], dict[int, int], set[int]]:
        if self._named is None:
            by_end: dict[int, int] = {}
            by_start: dict[int, int] = {}
            inside: set[int] = set()
            for group in NAMED_GROUPS:
                for span in self.doc.spans[group] if group in self.doc.spans else ():
                    by_end[span.end - 1] = min(span.start, by_end.get(span.end - 1, span.start))
                    by_start[span.start] = max(span.end - 1, by_start.get(span.start, 0))
                    inside.update(range(span.start, span.end))
            self._named = by_end, by_start, inside
        return self._named

    @property
    def person_by_end(self) -> dict[int, int]:
        """Last token of each person's name → its first token (the ``person`` and ``official`` spans)."""
        if self._persons is None:
            self._persons = {}
            for group in PERSON_GROUPS:
                for span in self.doc.spans[group] if group in self.doc.spans else ():
                    self._persons[span.end - 1] = min(span.start, self._persons.get(span.end - 1, span.start))
        return self._persons

    @property
    def title_by_end(self) -> dict[int, int]:
        """Last token of each title ("CEO", "chief executive officer") → its first token."""
        if self._titles is None:
            self._titles = {span.end - 1: span.start
                            for span in (self.doc.spans[TITLE_GROUP] if TITLE_GROUP in self.doc.spans else ())}
        return self._titles

    def cues_in(self, first: int, end: int) -> list[Cue]:
        """The cues within tokens ``[first, end)``."""
        return self.cues[bisect_left(self.cue_starts, first):bisect_left(self.cue_starts, end)]
