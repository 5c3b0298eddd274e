"""Event triggers and modality cues: the span groups ``trigger`` and ``modal``.

A blank pipeline has no parser, so a trigger is a phrase from
``models/events/triggers.csv`` plus, for a generic word, a context word of the
class the lexicon names within a few tokens: "raise" counts only with
"tariffs" after it ("raise tariffs") or, for past participles and nouns, just
before it ("tariffs were raised", "tariff hike"). Context is sought inside the
sentence and never across a semicolon; for talks and deals (position
``article``) a context word in the headline (the first line) also counts, as
meetings between governments in a story about trade are trade talks; under
position ``with`` the context word follows a "with" after the trigger by at most
``WITH_REACH`` tokens ("hit Peru with tariffs": the party gets the measure). Phrases
inside a blocked name
("General Agreement on Tariffs and Trade") are neither triggers nor context.

A word of ``undo.csv`` just before a trigger cancels it ("ease restrictions"
is no restriction). Spans of ``trigger`` carry ``label`` = the event type and
``id`` = ``triggers.csv:<event type>:<strength>``, plus ``:agent`` when the
trigger has no acting subject ("tariffs take effect"), ``:name`` for the name of a measure
("reciprocal tariffs") or ``:report`` for a
verb that reports a measure ("announced"); spans of ``modal`` carry ``label`` =
planned, threatened, possible, conditional (if, once, unless: possible for the
whole clause) or negated, and ``id`` = ``modality.csv:<label>``. Which event a
cue belongs to is decided by the events stage (`pipeline.events.modality`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX, LOWER, ORTH, SENT_START
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp.base import RuleComponent, add_token_span, doc_text, rule_factory
from pipeline.rulefiles import grouped_alternation, read_rows, read_words

# Default token windows for a context word, by position (a lexicon row may override them).
WINDOW_AFTER = 8
WINDOW_BEFORE = 6
WINDOW_SENTENCE = 40
# "hit Russia and its partners with taxes, tariffs and sanctions": under the position "with", the context
# word stands at most this many tokens after a "with" that follows the trigger (the measure the party gets).
WITH_REACH = 4
POSITIONS = ("after", "around", "sentence", "article", "with")
ROLES = ("", "agent", "report", "name", "speaker")
_WORD = re.compile(r"\w+")
# Characters a case-insensitive regex takes for an ASCII letter that lower-casing does not give: "ı" (i),
# "ſ" (s), "İ" (i, and two characters in lower case).
_OTHER_FOLDS = ("\u0131", "\u017f", "\u0130")
# The class "trade" is broad: any tariff or goods word is trade context too.
TRADE_INCLUDES = ("tariff", "goods")


def _phrases(value: str) -> list[str]:
    return [p.strip() for p in value.split("|") if p.strip()]


def read_triggers(path: Path) -> list[dict[str, Any]]:
    """The trigger lexicon as dicts, checked: unknown positions or empty phrases fail with the row named."""
    rows = []
    for number, row in enumerate(read_rows(path), start=1):
        context = row["context"].strip() or "none"
        position = row["position"].strip()
        if context != "none" and position not in POSITIONS:
            raise ValueError(f"{path}, row {number}: position {position!r} is not one of {POSITIONS}")
        phrases = _phrases(row["phrases"])
        if not phrases:
            raise ValueError(f"{path}, row {number}: no phrases")
        window = row["window"].strip()
        role = (row.get("role") or "").strip()
        if role not in ROLES:
            raise ValueError(f"{path}, row {number}: role {role!r} is not one of {ROLES}")
        rows.append({"event_type": row["event_type"].strip(), "strength": row["strength"].strip(),
                     "context": context, "position": position or "after",
                     "window": int(window) if window else None, "role": role, "phrases": phrases})
    return rows


def read_undo(path: Path) -> list[dict[str, Any]]:
    """Rows of undo.csv: an event type, a token window and the words that undo its triggers."""
    return [{"event_type": row["event_type"].strip(), "window": int(row["window"]),
             "phrases": _phrases(row["phrases"])} for row in read_rows(path)]


def read_classes(path: Path, key: str) -> dict[str, list[str]]:
    """A ``key,phrases`` CSV as a mapping from the key to its phrases."""
    return {row[key].strip(): _phrases(row["phrases"]) for row in read_rows(path)}


# Reads sentence starts (clause segments).
@rule_factory("trade_triggers_v1", assigns=["doc.spans"], requires=["doc._.sentence_token_starts"])
class TradeTriggers(RuleComponent):
    """Marks event triggers (``doc.spans["trigger"]``) and modality cues (``doc.spans["modal"]``)."""

    def load_data(self, models_dir: Path) -> dict[str, Any]:
        """Read the trigger, context, modality, blocked and undo files of ``models_dir/events``."""
        folder = models_dir / "events"
        context = read_classes(folder / "context.csv", "class")
        for included in TRADE_INCLUDES:
            context["trade"] = sorted(set(context.get("trade", [])) | set(context.get(included, [])))
        triggers = read_triggers(folder / "triggers.csv")
        unknown = sorted({r["context"] for r in triggers if r["context"] != "none"} - set(context))
        if unknown:
            raise ValueError(f"{folder / 'triggers.csv'} names context classes {unknown} "
                             f"missing from context.csv (known: {sorted(context)})")
        return {"triggers": triggers, "context": context,
                "modality": read_classes(folder / "modality.csv", "modality"),
                "blocked": read_words(folder / "blocked.txt"), "undo": read_undo(folder / "undo.csv")}

    def setup(self) -> None:
        """One phrase matcher for triggers (T), context words (C:), modality cues (M:) and undo words (U)."""
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.rows = self.data.get("triggers", [])
        for index, row in enumerate(self.rows):
            self.matcher.add(f"T{index}", self._docs(row["phrases"]))
        for name, phrases in self.data.get("context", {}).items():
            self.matcher.add(f"C:{name}", self._docs(phrases))
        for name, phrases in self.data.get("modality", {}).items():
            self.matcher.add(f"M:{name}", self._docs(phrases))
        # Blocked names are found in the text, not by tokens: an earlier component may have split tokens
        # ("U.S.-Mexico" → "U.S.", "-", "Mexico"), which phrase patterns would no longer match.
        blocked = sorted(self.data.get("blocked", []), key=len, reverse=True)
        # Grouped by first letter: the same matches, the scan about twice as fast.
        self.blocked = re.compile(r"(?<!\w)(?:" + grouped_alternation(blocked, space=r"\ ") + r")(?!\w)",
                                  re.IGNORECASE) if blocked else None
        # The names in lower case by their first word: `_blocked_spans` looks for the names of the words
        # the text holds, with `str.find`, instead of scanning the alternation over the whole text.
        self.blocked_by_head: dict[str, list[str]] = defaultdict(list)
        for name in sorted({b.lower() for b in blocked}):
            head = _WORD.match(name)
            if head is None:  # no word to look for: _blocked_spans scans with the regex
                self.blocked_by_head.clear()
                break
            self.blocked_by_head[head.group()].append(name)
        self.undo_windows = {}
        for index, row in enumerate(self.data.get("undo", [])):
            self.matcher.add(f"U{index}", self._docs(row["phrases"]))
            self.undo_windows[f"U{index}"] = (row["event_type"], row["window"])

    def _docs(self, phrases: Iterable[str]) -> list[Doc]:
        return [self.nlp.make_doc(p) for p in phrases]

    def __call__(self, doc: Doc) -> Doc:
        strings = self.nlp.vocab.strings
        candidates: list[tuple[int, int, int]] = []
        context: dict[str, list[tuple[int, int]]] = defaultdict(list)
        modals: list[Span] = []
        undo: list[tuple[str, int, int]] = []  # (event type, first token it reaches, token after it)
        for key, start, end in self.matcher(doc):
            name = strings[key]
            if name in self.undo_windows:
                event_type, window = self.undo_windows[name]
                undo.append((event_type, end, end + window + 1))
            elif name.startswith("C:"):
                context[name[2:]].append((start, end))
            elif name.startswith("M:"):
                modals.append(Span(doc, start, end, label=name[2:]))
            else:
                candidates.append((int(name[1:]), start, end))
        if candidates:
            found = self._confirm(doc, candidates, context, undo)
        else:  # most articles: nothing to confirm, so no segments or blocked names to compute
            found = []
        for span in sorted(filter_spans(found), key=lambda s: s.start):
            add_token_span(doc, "trigger", span.start, span.end, label=span.label_, rule_id=span.id_)
        for span in sorted(filter_spans(modals), key=lambda s: s.start):
            add_token_span(doc, "modal", span.start, span.end, label=span.label_,
                           rule_id=f"modality.csv:{span.label_}")
        return doc

    def _confirm(self, doc: Doc, candidates: list[tuple[int, int, int]], context: dict[str, list[tuple[int, int]]],
                 undo: list[tuple[str, int, int]]) -> list[Span]:
        """The candidate triggers that are not blocked or undone and have their context."""
        text = doc_text(doc)
        blocked = [False] * len(doc)
        blocked_spans: list[tuple[int, int]] = []
        for start, end in self._blocked_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                blocked_spans.append((span.start, span.end))
                for i in range(span.start, span.end):
                    blocked[i] = True
        segment = _segments(doc)
        newline = text.find("\n")
        # The token holding the first newline (newlines are tokens of their own), or the end.
        headline_end = len(doc) if newline < 0 else int(
            numpy.searchsorted(doc.to_array(IDX), newline, side="right") - 1)
        withs: list[int] | None = None  # the tokens "with", listed the first time a row of position "with" asks
        found = []
        usable: dict[str, list[tuple[int, int]]] = {}  # context words per class, found once per article
        for index, start, end in candidates:
            if any(blocked[start:end]):
                continue
            row = self.rows[index]
            if any(t == row["event_type"] and low <= start < high for t, low, high in undo):
                continue
            words = usable.get(row["context"])
            if words is None:
                # a word inside a blocked name is no context, unless it is the whole name ("GATT" spelt out)
                words = usable[row["context"]] = [c for c in context.get(row["context"], [])
                                                  if not any(blocked[c[0]:c[1]]) or c in blocked_spans]
            if row["position"] == "with" and withs is None:
                # from one array of the lower-case forms, not a Token object per token
                withs = numpy.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings["with"]).tolist()
            if row["context"] == "none" or _has_context(row, start, end, words, segment, withs or ()) or (
                    row["position"] == "article" and _in_headline(start, end, words, headline_end)):
                rule_id = f"triggers.csv:{row['event_type']}:{row['strength']}"
                found.append(Span(doc, start, end, label=row["event_type"],
                                  span_id=rule_id + (f":{row['role']}" if row["role"] else "")))
        return found

    def _blocked_spans(self, text: str) -> list[tuple[int, int]]:
        """The character spans of ``self.blocked.finditer(text)``, found by substring search.

        The regex takes at each position the longest name with no word character on either side, then
        goes on after it. Here every such occurrence of a name whose first word the text holds (the text's
        word at the name's start is that word, as nothing but a non-word character follows it in the name)
        is listed and the same choice made: the earliest, the longest there, then the next that starts
        after it. Where lower-casing moves offsets or the regex folds case otherwise ("ı", "ſ"), the regex.
        """
        if self.blocked is None:
            return []
        lowered = text.lower()
        if not self.blocked_by_head or len(lowered) != len(text) or any(c in text for c in _OTHER_FOLDS):
            return [match.span() for match in self.blocked.finditer(text)]
        found = []
        size = len(text)
        for head in self.blocked_by_head.keys() & set(_WORD.findall(lowered)):
            for name in self.blocked_by_head[head]:
                at = lowered.find(name)
                while at >= 0:
                    end = at + len(name)
                    if (at == 0 or not _is_word(text[at - 1])) and (end == size or not _is_word(text[end])):
                        found.append((at, -len(name)))
                    at = lowered.find(name, at + 1)
        spans = []
        reached = 0
        for at, minus_length in sorted(found):
            if at >= reached:
                reached = at - minus_length
                spans.append((at, reached))
        return spans


def _segments(doc: Doc) -> list[int]:
    """For each token, the number of its clause segment: new at each sentence start and after ';'."""
    opens = numpy.zeros(len(doc), dtype=bool)
    starts = doc._.sentence_token_starts
    if starts is not None:  # set by the sentence component
        opens[starts] = True
    elif doc.has_annotation("SENT_START"):
        opens = doc.to_array(SENT_START) == 1
    orths = doc.to_array(ORTH)
    opens[1:] |= orths[:-1] == doc.vocab.strings[";"]
    if len(doc):
        opens[0] = False
    return numpy.cumsum(opens).tolist()


def _is_word(char: str) -> bool:
    """True for a character the regex ``\\w`` takes (letters, digits of any script, "_")."""
    return char.isalnum() or char == "_"


def _in_headline(start: int, end: int, words: list[tuple[int, int]], headline_end: int) -> bool:
    """True when a context word other than the trigger's own words stands in the headline."""
    return any(c_end <= headline_end and not (c_start < end and start < c_end) for c_start, c_end in words)


def _has_context(row: dict[str, Any], start: int, end: int, words: list[tuple[int, int]],
                 segment: list[int], withs: Sequence[int] = ()) -> bool:
    """True when a context word of the row's class stands where the row's position allows; ``withs``: the
    indices of the tokens "with" (position "with": the verb's party gets the measure "with" names)."""
    position, window = row["position"], row["window"]
    for c_start, c_end in words:
        if c_start < end and start < c_end:  # the trigger's own words are not its context
            continue
        if segment[c_start] != segment[start]:
            continue
        after = c_start >= end
        gap = c_start - end if after else start - c_end
        if position == "after" and after and gap < (window or WINDOW_AFTER):
            return True
        if position == "around" and ((after and gap < (window or WINDOW_AFTER))
                                     or (not after and gap < (window or WINDOW_BEFORE))):
            return True
        if position in ("sentence", "article") and gap < (window or WINDOW_SENTENCE):
            return True
        if position == "with" and after and gap < (window or WINDOW_AFTER) and any(
                end <= w and 0 < c_start - w <= WITH_REACH and segment[w] == segment[start] for w in withs):
            return True
    return False
