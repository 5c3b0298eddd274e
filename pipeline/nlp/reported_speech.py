"""Reported speech from the dependency parse: span group ``reported`` on the parser's sentences.

Direct quotations are found by their marks (`pipeline.nlp.quotes`); what a
speaker said without marks is found here, from the parse of the sentences the
parser reads (`pipeline.nlp.syntax`: the gate picks the sentences with a
reporting word in articles with a trade-event trigger, so reported speech is
found where the parse runs). The component runs last in the parser's pipeline
and reads its cues and patterns from ``models/quotes/cues.csv`` (a cue's forms
and lemma) and ``models/quotes/reported.csv`` (which lemma reports speech in
which pattern):

- ``complement``: the cue's clausal complement is what was said ("Akazawa said
  Japan would not accept …", "told reporters that …", a "that" clause a few
  words after the cue however the parser hung it); the speaker is the cue's
  subject, or the subject of the clause a participle or a conjoined verb
  hangs on (", saying …", "and added that …");
- ``postposed``: the cue's clause follows, after a comma, the clause it
  attributes and ends the sentence ("Talks will resume, the ministry said.",
  "…, says Citi in a note", "…, Nomura analysts say, citing …"); read from the
  words, since the parser often splits such a sentence in two; the content is
  the whole sentence before the comma;
- ``source``: "according to X" attached to a clause that it opens, or closing
  the sentence (the content is then the sentence before it).

Where each pattern finds its content, cue and speaker is `pipeline.nlp.reported_clauses`;
an embedded question ("did not say when …") and a relative clause describing
the speaker (", says Acme, which had …") are no content, and a sentence that
ends as a question ("Acme says prices will rise, but for how long?") reports
nothing, as in the word-order reader.

Each span covers the content (without "that", the sentence's final
punctuation or the comma before an attribution); its ``label_`` holds the
cue's lemma and the cue's and the speaker's offsets within the sentence
(`pipeline.labels` form: ``lemma=say;cue=9-13;speaker=0-7``), its ``id_`` is
``reported.csv:<pattern>``. Whether the content is a quotation after all
(``"…," he said``), holds a quoted fragment (a mixed quote) or lies inside a
quotation is the quotes normalizer's to decide, from the quote mentions.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.labels import format_label, format_offsets, parse_label, parse_offsets
from pipeline.nlp.base import RuleComponent, add_span, rule_factory
from pipeline.nlp.reported_clauses import (NOMINAL, complement, conjoined_clauses, is_finite_verb, is_passive,
                                           left_words, postposed, source, speaker_bounds, subject_of)
from pipeline.rulefiles import read_function_words, read_rows

GROUP = "reported"
FACTORY = "trade_reported_speech_v1"
FOLDER = "quotes"
# The class of ``reported_words.csv`` naming data an "according to" may cite ("forecasts", "figures").
DATA_SOURCE_CLASS = "data_source"
# ``reported_words.csv`` classes of a time adjunct before a cue ("Holt on Friday said"), read here to keep the
# adjunct out of the speaker's words
TIME_WORD_CLASS = "time_word"
TIME_PREPOSITION_CLASS = "time_preposition"
# The parts of speech a subject's words before "on <day>" may have when the parser read the day as the subject
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET"})
# ``object``: "<speaker> accused <someone> of <V-ing> …", read by the word-order reader only
# (`pipeline.nlp.reported_words`); the parse reader takes no such cue. ``description``: "<speaker> called
# <object> "<words>"", the speaker's own quoted words for the object (a mixed quote), word order only too.
PATTERNS = ("complement", "postposed", "source", "object", "description")
# The patterns that read an object after the cue and attribute no clause before it.
OBJECT_PATTERNS = frozenset({"object", "description"})
# A content shorter than this many words is not a report of speech ("he said so").
MIN_CONTENT_WORDS = 2


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """One report of speech in a parsed sentence: content, cue and speaker as offsets within the sentence."""

    start: int
    end: int
    pattern: str
    lemma: str
    cue_start: int
    cue_end: int
    speaker_start: int | None
    speaker_end: int | None

    def label(self) -> str:
        """The span label: lemma, cue and speaker offsets (``speaker`` empty when the parse names none)."""
        speaker = None if self.speaker_start is None else format_offsets(self.speaker_start, self.speaker_end)
        return format_label({"lemma": self.lemma, "cue": format_offsets(self.cue_start, self.cue_end),
                             "speaker": speaker})


def shift_label(label: str, offset: int) -> str:
    """A ``reported`` label with its cue and speaker offsets moved by ``offset`` (sentence → article)."""
    fields = parse_label(label)
    for key in ("cue", "speaker"):
        bounds = parse_offsets(fields.get(key))
        if bounds is not None:
            fields[key] = format_offsets(bounds[0] + offset, bounds[1] + offset)
    return format_label(fields)


def load_patterns(models_dir: Path) -> dict[str, list[str]]:
    """Each cue lemma's patterns, as ``reported.csv`` lists them (a lemma with no known pattern is an error)."""
    path = models_dir / FOLDER / "reported.csv"
    patterns: dict[str, list[str]] = {}
    for number, row in enumerate(read_rows(path), start=2):
        names = row["patterns"].split()
        unknown = [n for n in names if n not in PATTERNS]
        if not row["lemma"] or not names or unknown:
            raise ValueError(f"{path}: row {number} {row!r} needs a lemma and patterns among {PATTERNS}")
        patterns[row["lemma"]] = names
    return patterns


def load_speech_rules(models_dir: Path) -> dict[str, Any]:
    """Cue forms by lemma (``cues.csv``), each lemma's patterns (``reported.csv``), the nouns of data
    and of time (``reported_words.csv``) and the function words a complement's bounds read (``lexicons/function_words.csv``:
    ``clause_article``, ``embedded_question``, ``adverbial_mark``), as one JSON-able dict."""
    folder = models_dir / FOLDER
    patterns = load_patterns(models_dir)
    forms = sorted({(row["form"].lower(), row["lemma"]) for row in read_rows(folder / "cues.csv")
                    if row["lemma"] in patterns})
    words = list(read_rows(folder / "reported_words.csv"))
    data_sources = sorted(row["word"].lower() for row in words if row["class"] == DATA_SOURCE_CLASS)
    time_words = sorted(row["word"].lower() for row in words if row["class"] == TIME_WORD_CLASS)
    time_prepositions = sorted(row["word"].lower() for row in words if row["class"] == TIME_PREPOSITION_CLASS)
    function_words = read_function_words(models_dir)
    return {"patterns": patterns, "forms": [list(pair) for pair in forms], "data_sources": data_sources,
            "time_words": time_words, "time_prepositions": time_prepositions,
            "clause_articles": sorted(function_words["clause_article"]),
            "question_openers": sorted(function_words["embedded_question"]),
            "adverbial_marks": sorted(function_words["adverbial_mark"])}


def is_data_source(words: Sequence[str], data_sources: frozenset[str]) -> bool:
    """True for a source that is data, not a speaker: lower-case words ending in a noun of ``data_sources``
    ("according to weather forecasts", "according to official figures"). A name keeps its voice: "according
    to LSEG data" speaks for LSEG."""
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    return bool(letters) and letters[-1].lower() in data_sources and all(w.islower() for w in letters)


def find_reported_speech(doc: Doc, forms: dict[str, list[tuple[list[str], str]]],
                         patterns: dict[str, frozenset[str]], *,
                         data_sources: frozenset[str] = frozenset(), clause_articles: frozenset[str] = frozenset(),
                         question_openers: frozenset[str] = frozenset(),
                         adverbial_marks: frozenset[str] = frozenset(),
                         time_words: frozenset[str] = frozenset(),
                         time_prepositions: frozenset[str] = frozenset()) -> Iterator[ReportedSpeech]:
    """Every report of speech in a parsed sentence (see the module docstring for the patterns).

    ``forms`` maps a cue form's first word (lower case) to its words and lemma;
    ``patterns`` maps a lemma to the patterns it reports speech in; a source whose
    words are data (`is_data_source` over ``data_sources``) reports no speech.
    """
    if _ends_as_question(doc):
        return
    for token in doc:
        for words, lemma in forms.get(token.lower_, ()):
            if [t.lower_ for t in doc[token.i:token.i + len(words)]] != words:
                continue
            allowed = patterns.get(lemma, frozenset())
            cue_end = doc[token.i + len(words) - 1]
            found = None
            speaker: tuple[int, int] | None = None
            if "source" in allowed:
                bounds = source(doc, token, len(words))
                if bounds is not None and is_data_source(
                        [t.text for t in doc[bounds[1][0]:bounds[1][1] + 1]], data_sources):
                    bounds = None
                if bounds is not None:
                    (found, speaker), pattern = bounds, "source"
            elif not is_passive(token) and (token.dep_ not in NOMINAL or is_finite_verb(token)):
                pattern = "complement"
                found = complement(doc, token, lemma, clause_articles=clause_articles,
                                   question_openers=question_openers,
                                   adverbial_marks=adverbial_marks) if "complement" in allowed else None
                if found is None and "postposed" in allowed:
                    pattern = "postposed"
                    found, speaker = postposed(doc, token, lemma) or (None, None)
                cue_subject = subject_of(token) if found is not None and speaker is None else None
                if cue_subject is not None:
                    speaker = speaker_bounds(cue_subject)
                elif found is not None and speaker is None:
                    speaker = left_words(token)
            if found is None or sum(1 for t in doc[found[0]:found[1] + 1] if t.is_alpha) < MIN_CONTENT_WORDS:
                continue
            if speaker is not None:
                speaker = _without_time_adjunct(doc, speaker, time_words, time_prepositions)
            if speaker is not None and (speaker[0] > speaker[1] or found[0] <= speaker[0] <= found[1]):
                speaker = None  # a subject inside the content is the clause's, not the speaker's
            # "said that A, and that B": one report for each clause, with the cue's speaker
            parts = conjoined_clauses(doc, *found) if pattern == "complement" else [found]
            for first, last in parts:
                yield ReportedSpeech(doc[first].idx, doc[last].idx + len(doc[last]), pattern, lemma,
                                     token.idx, cue_end.idx + len(cue_end),
                                     doc[speaker[0]].idx if speaker else None,
                                     doc[speaker[1]].idx + len(doc[speaker[1]]) if speaker else None)
            break


def _without_time_adjunct(doc: Doc, speaker: tuple[int, int], time_words: frozenset[str],
                          time_prepositions: frozenset[str]) -> tuple[int, int] | None:
    """The speaker's words without a time adjunct that ends them ("Holt on Friday" → "Holt"). When the
    parser read the day itself as the subject ("Quill on Tuesday said" with "Tuesday" as ``nsubj``), the
    speaker is the run of nouns, names and determiners before the preposition back to the sentence's start
    or a comma; None when no such run stands there (a day is no speaker)."""
    first, last = speaker
    if doc[last].lower_ not in time_words or last - 1 < 0 or doc[last - 1].lower_ not in time_prepositions:
        return speaker
    if last - 2 >= first:
        return first, last - 2
    end = last - 2
    start = end + 1
    while start - 1 >= 0 and doc[start - 1].pos_ in _NAME_POS and not doc[start - 1].is_punct:
        start -= 1
    if start > end or (start > 0 and doc[start - 1].text != ","):
        return None
    return start, end


def _ends_as_question(doc: Doc) -> bool:
    """True when the sentence ends with a question mark of its own (one inside a closing quotation is the
    quoted speaker's: "…, adding "what is to happen to the rest of us?"")."""
    last = next((t for t in reversed(doc) if not t.is_space), None)
    return last is not None and last.text.endswith("?")


# -- the component ----------------------------------------------------------------------------------------

@rule_factory(FACTORY, assigns=["doc.spans"], requires=["token.dep", "token.head", "token.pos"])
class ReportedSpeechFinder(RuleComponent):
    """Adds ``doc.spans["reported"]``: the content of each report of speech (see the module docstring)."""

    def load_data(self, models_dir: Path) -> dict[str, Any]:
        return load_speech_rules(models_dir)

    def setup(self) -> None:
        self.forms: dict[str, list[tuple[list[str], str]]] = {}
        for form, lemma in self.data.get("forms", []):
            words = form.split()
            self.forms.setdefault(words[0], []).append((words, lemma))
        self.patterns = {lemma: frozenset(names) for lemma, names in self.data.get("patterns", {}).items()}
        self.data_sources = frozenset(self.data.get("data_sources", []))
        self.clause_articles = frozenset(self.data.get("clause_articles", []))
        self.question_openers = frozenset(self.data.get("question_openers", []))
        self.adverbial_marks = frozenset(self.data.get("adverbial_marks", []))
        self.time_words = frozenset(self.data.get("time_words", []))
        self.time_prepositions = frozenset(self.data.get("time_prepositions", []))

    def __call__(self, doc: Doc) -> Doc:
        for found in find_reported_speech(doc, self.forms, self.patterns, data_sources=self.data_sources,
                                          clause_articles=self.clause_articles,
                                          question_openers=self.question_openers,
                                          adverbial_marks=self.adverbial_marks,
                                          time_words=self.time_words,
                                          time_prepositions=self.time_prepositions):
            add_span(doc, GROUP, found.start, found.end, label=found.label(), rule_id=f"reported.csv:{found.pattern}")
        return doc


def add_to_parser(parser: Language, models_dir: Path) -> None:
    """Append the component to the parser's pipeline and load its rule data from ``models_dir``."""
    component = parser.add_pipe(FACTORY, last=True)
    component.initialize(models_dir=str(models_dir))
