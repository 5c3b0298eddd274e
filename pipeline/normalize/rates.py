"""Rate mentions → ``rates`` rows: value, unit, what the rate is of (rate_kind) and what it applies to.

The extract stage labels each ``rate`` mention ``unit=…;value=…[;previous=…]``
(see `pipeline.nlp.rates`). Here each one gets:

- ``rate_kind``, decided in this order:

  1. a percent followed by "of" is a share ("60 pct of its revenue"): other;
     a rate an amendment of an order inserts ("the HTSUS shall be amended by
     deleting "34%" and by inserting "84%"") takes the nearest such word of
     its clause, else the last one of the sentences before it (the amended
     order's account of its duty), as a list entry does (5);
  2. the nearest word of ``models/rates/kinds.csv`` up to 8 words before the
     rate or 3 after it, in its clause (the sentence up to ";"); at equal
     distance the one before wins. A trade-measure word before a percent with
     a change word between ("Taxes jumped 51.3 pct", ``change_words.txt``)
     and no level word ("rose to 25 pct") counts as other: that is an
     amount growing, not a rate;
  3. a rate next to the word "rate" with no such word near ("suspending 24
     percentage points of that rate") takes the nearest trade-measure word
     anywhere in its clause;
  4. a rate stated as the level its clause gives its subject, with no such
     word near ("… would be a minimum of 10%", "… will remain at 25%", a change
     "from 25% to 50%"; ``level_phrases.txt``), takes the nearest
     trade-measure word before it in its clause and after its last comma
     (the subject's); a change "from X to Y" without one takes the
     trade-measure word a change verb has as its object ("increase the ad
     valorem rate of duty set forth in …, as modified by …, from 90 percent
     to 120 percent"; `changed_object_kind`);
  5. a rate alone on a short line ("Japan (25%)" in a list of letters) takes
     the kind of the last such word in the sentences that introduce the list;
  6. otherwise other: a percentage is a trade rate only when the text says so.

- ``applies_to``: the "on …" phrase right after the rate and its measure word
  ("24% tariffs on Japanese imports" → "Japanese imports"), up to punctuation,
  a date, or a word of ``applies_to_stops.txt``; leading determiners dropped.

A rate stated as history ("tariffs were 10% last year") is still a rate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.labels import parse_label
from pipeline.normalize.registry import Normalizer
from pipeline.rulefiles import grouped_alternation, read_function_words, read_rows, read_words
from pipeline.views import ArticleView, Mention, Sentence

KINDS = ("tariff", "duty", "tax", "levy", "other")
TRADE_KINDS = frozenset({"tariff", "duty", "tax", "levy"})
UNITS = ("percent", "percentage_points", "basis_points")
# A line this short holding a rate is a list entry ("Japan (25%)"), explained by the text before it.
LIST_ITEM_WORDS = 8
# How many sentences before a list the kind word may be in.
LOOKBACK_SENTENCES = 3
MAX_APPLIES_TO_WORDS = 8
WORDS_BEFORE = 8
WORDS_AFTER = 3
_WORD = re.compile(r"[\w%$£€¥][\w'’.%-]*")
_DATE_KINDS = frozenset({"date", "duration", "set"})
# Words between a rate and "on" that show the "on" belongs to another clause.
_CLAUSE_WORDS = frozenset({"and", "or", "so", "it", "they", "we", "he", "she", "them"})
# Words right before the number that state a level ("rose to 25 pct"), not a change.
_LEVEL_WORDS = frozenset({"to", "at", "of", "is", "was", "are", "were", "be", "been", "from", "a", "an", "the"})
_SHARE = re.compile(r"\s+of\s+(?!which\b)", re.IGNORECASE)
_GENERIC_RATE = re.compile(r"\brates?\b", re.IGNORECASE)
# Rules whose span is a change of level ("from 25% to 50%", "to 50% from 25%"): the rate its clause's subject reaches.
LEVEL_CHANGE_RULES = frozenset({"rates:change_from_to", "rates:change_to_from"})
# Words from a change verb to its object's measure word ("increase the ad valorem rate"; "raise the
# additional duty"): the verb and at most two words between.
OBJECT_GAP = 3
# Rules whose span is the rate an amendment of an order inserts (models/rates/patterns.ini, "amendment").
AMENDMENT_RULES = frozenset({"rates:amendment"})


@dataclass(frozen=True, slots=True)
class RateResources:
    """The word lists the rates normalizer uses (``models/rates/``, and one use of the function words)."""

    kinds: Mapping[str, str]
    kind_pattern: re.Pattern
    stops: frozenset[str]
    skips: tuple[str, ...]
    changes: frozenset[str]
    # Dropped from the front of what a rate applies to ("the imports" → "imports"; lexicons/function_words.csv).
    leading_drops: frozenset[str]
    level_before: re.Pattern  # a level phrase ending right before a rate ("remain at", "a minimum of")


def load_rates(models_dir: Path) -> RateResources:
    """Read ``kinds.csv``, ``applies_to_stops.txt``, ``applies_to_skip.txt``, ``change_words.txt`` and
    ``level_phrases.txt`` under ``models_dir/rates``, and the words dropped before what a rate applies to
    (``lexicons/function_words.csv``)."""
    folder = models_dir / "rates"
    kinds: dict[str, str] = {}
    for row in read_rows(folder / "kinds.csv"):
        phrase, kind = row.get("phrase", ""), row.get("kind", "")
        if kind not in KINDS or not phrase:
            raise ValueError(f"kinds.csv: row {row!r} has kind {kind!r}; allowed kinds {KINDS}")
        kinds[" ".join(phrase.lower().split())] = kind
    pattern = re.compile(r"(?<![\w-])(?:" + grouped_alternation(kinds) + r")(?![\w-])", re.IGNORECASE)
    return RateResources(kinds, pattern, frozenset(w.lower() for w in read_words(folder / "applies_to_stops.txt")),
                         tuple(w.lower() for w in read_words(folder / "applies_to_skip.txt")),
                         frozenset(w.lower() for w in read_words(folder / "change_words.txt")),
                         frozenset(read_function_words(models_dir)["applies_to_drop"]),
                         re.compile(r"(?<![\w-])(?:" + grouped_alternation(read_words(folder / "level_phrases.txt"))
                                    + r")\s*$", re.IGNORECASE))


def word_count(text: str) -> int:
    """Number of words in ``text``."""
    return len(_WORD.findall(text))


def clause_bounds(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The part of the sentence around ``[start, end)`` between semicolons."""
    left = text.rfind(";", sentence[0], start)
    right = text.find(";", end, sentence[1])
    return (left + 1 if left >= 0 else sentence[0]), (right if right >= 0 else sentence[1])


def _cues(text: str, bounds: tuple[int, int], resources: RateResources) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), resources.kinds[" ".join(m.group(0).lower().split())])
            for m in resources.kind_pattern.finditer(text, bounds[0], bounds[1])]


def nearest_kind(text: str, bounds: tuple[int, int], start: int, end: int, unit: str,
                 resources: RateResources) -> str | None:
    """The kind of the nearest cue word: up to `WORDS_BEFORE` words before the rate or
    `WORDS_AFTER` after it ("24% tariffs", "a 25 percent ad valorem duty"); at equal distance the
    one before wins. A percent after its measure word and a change word ("Taxes jumped 51.3 pct")
    is a change of an amount: other.
    """
    best: tuple[int, int, str] | None = None
    for cue_start, cue_end, kind in _cues(text, bounds, resources):
        if cue_start < end and start < cue_end:
            continue  # inside the rate itself
        before = cue_end <= start
        gap_words = _WORD.findall(text[cue_end:start] if before else text[end:cue_start])
        if len(gap_words) > (WORDS_BEFORE if before else WORDS_AFTER):
            continue
        if before and kind != "other" and unit == "percent":
            # A change span starts with its own "to"/"from": that word states the level.
            lead = _WORD.findall(text[start:end])[:1]
            words = gap_words + [w for w in lead if w.lower() in _LEVEL_WORDS]
            if any(w.lower() in resources.changes for w in words) and words[-1].lower() not in _LEVEL_WORDS:
                kind = "other"
        key = (len(gap_words), 0 if before else 1, kind)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def last_kind(text: str, bounds: tuple[int, int], resources: RateResources) -> str | None:
    """The kind of the last cue word inside ``bounds`` (the one nearest to what follows)."""
    cues = _cues(text, bounds, resources)
    return cues[-1][2] if cues else None


def sentence_kind(text: str, bounds: tuple[int, int], start: int, end: int, resources: RateResources) -> str | None:
    """The kind of the nearest trade-measure word anywhere in ``bounds`` (no distance limit)."""
    best: tuple[int, str] | None = None
    for cue_start, cue_end, kind in _cues(text, bounds, resources):
        if kind == "other":
            continue
        distance = start - cue_end if cue_end <= start else cue_start - end
        if distance >= 0 and (best is None or distance < best[0]):
            best = (distance, kind)
    return best[1] if best else None


def changed_object_kind(text: str, bounds: tuple[int, int], resources: RateResources) -> str | None:
    """The kind of the trade-measure word a change verb takes as its object before a change "from X to Y"
    ("increase the ad valorem rate of duty set forth in section 2(c)(i) of …, as modified by …, from 90
    percent to 120 percent"): the last such word in ``bounds`` with a change word (``change_words.txt``) at
    most `OBJECT_GAP` words before it, determiners and adjectives between. The object names what changes
    from one level to the other, however long the citation after it; None without one."""
    found = None
    for cue_start, _, kind in _cues(text, bounds, resources):
        if kind == "other":
            continue
        words = _WORD.findall(text[bounds[0]:cue_start])[-OBJECT_GAP:]
        if any(w.lower() in resources.changes for w in words):
            found = kind
    return found


def line_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the line (paragraph) holding ``position``."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, (end if end >= 0 else len(text))


def rate_kind(article: ArticleView, mention: Mention, unit: str, sentences: Sequence[Sentence],
              resources: RateResources) -> str:
    """What the rate is of (see the module docstring)."""
    text = article.text
    if unit == "percent" and _SHARE.match(text, mention.end):
        return "other"  # "60 pct of its revenue": a share
    sentence = _sentence_bounds(mention, sentences, text)
    clause = clause_bounds(text, sentence, mention.start, mention.end)
    if mention.rule_id in AMENDMENT_RULES:
        # "heading 9903.01.63 of the HTSUS shall be amended by deleting "34%" …": the amendment states the level
        # (its "by" changes no amount); with no measure word in its clause ("section 2(a) of Executive Order
        # 14195 is amended by striking …"), the rate of the amended text, which the sentences before name.
        return sentence_kind(text, clause, mention.start, mention.end, resources) \
            or kind_before(text, sentence[0], sentences, resources) or "other"
    kind = nearest_kind(text, clause, mention.start, mention.end, unit, resources)
    if kind:
        return kind
    near = text[max(clause[0], mention.start - 30):min(clause[1], mention.end + 30)]
    if _GENERIC_RATE.search(near):
        # "suspending 24 percentage points of that rate": the rate named earlier in the sentence.
        return sentence_kind(text, clause, mention.start, mention.end, resources) or "other"
    if mention.rule_id in LEVEL_CHANGE_RULES or resources.level_before.search(text, clause[0], mention.start):
        # "The reciprocal tariff on goods from ... would be a minimum of 10%": the level of the clause's subject,
        # which holds no comma ("Despite the tariffs, unemployment would be 5%" is no tariff).
        subject_start = max(clause[0], text.rfind(",", clause[0], mention.start) + 1)
        kind = sentence_kind(text, (subject_start, mention.start), mention.start, mention.end, resources)
        if kind:
            return kind
    if mention.rule_id in LEVEL_CHANGE_RULES:
        kind = changed_object_kind(text, (clause[0], mention.start), resources)
        if kind:
            return kind
    line = line_bounds(text, mention.start)
    if word_count(text[line[0]:line[1]]) > LIST_ITEM_WORDS:
        return "other"
    # A list entry: walk back over the other entries to the sentences that introduce the list.
    return kind_before(text, line[0], sentences, resources) or "other"


def kind_before(text: str, position: int, sentences: Sequence[Sentence], resources: RateResources) -> str | None:
    """The kind of the last cue word in the last `LOOKBACK_SENTENCES` sentences of more than `LIST_ITEM_WORDS`
    words ending before ``position`` (shorter ones, list entries or headings such as "Sec. 2.", are passed over)."""
    looked = 0
    for previous in sorted((s for s in sentences if s.end <= position), key=lambda s: s.start, reverse=True):
        if word_count(text[previous.start:previous.end]) <= LIST_ITEM_WORDS:
            continue
        kind = last_kind(text, (previous.start, previous.end), resources)
        if kind:
            return kind
        looked += 1
        if looked >= LOOKBACK_SENTENCES:
            break
    return None


def applies_to(article: ArticleView, mention: Mention, mentions: Sequence[Mention],
               resources: RateResources) -> str | None:
    """The "on …" phrase after the rate (and its measure word), or None when none is stated."""
    text = article.text
    line_end = line_bounds(text, mention.end)[1]
    after = text[mention.end:line_end]
    # At most three words (the measure: "tariffs", "ad valorem duty") between the rate and "on",
    # none of which opens another clause ("21 percent and calculate it on ...").
    match = re.match(r"\s*(?:[\w-]+\s+){0,3}?on\s+", after)
    if not match or re.search(r"[,;:.()]", after[: match.end()]):
        return None
    between = after[: match.end()].split()[:-1]
    if any(word.lower() in resources.stops or word.lower() in _CLAUSE_WORDS for word in between):
        return None
    start = mention.end + match.end()
    stop = min([m.start for m in mentions if m.kind in _DATE_KINDS and m.start >= start] + [line_end])
    words: list[str] = []
    for word in re.finditer(r"[^\s,;:()\[\]“”\"]+|[,;:()\[\]“”\"]", text[start:stop]):
        token = word.group(0)
        if not re.match(r"[\w$£€¥]", token) or token.lower() in resources.stops:
            break
        if token.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", token):
            words.append(token.rstrip("."))
            break  # the end of the sentence
        words.append(token)
        if len(words) >= MAX_APPLIES_TO_WORDS:
            break
    while words and words[0].lower() in resources.leading_drops:
        words.pop(0)
    phrase = " ".join(words).strip()
    if not phrase or any(re.match(rf"{re.escape(skip)}\b", phrase.lower()) for skip in resources.skips):
        return None
    return phrase


def _sentence_bounds(mention: Mention, sentences: Sequence[Sentence], text: str) -> tuple[int, int]:
    for sentence in sentences:
        if sentence.start <= mention.start < sentence.end or sentence.index == mention.sentence_index:
            return sentence.start, sentence.end
    return line_bounds(text, mention.start)


def normalize_rates(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                    done: Mapping[str, list[dict]], resources: RateResources) -> list[dict[str, Any]]:
    """One ``rates`` row per ``rate`` mention of the article."""
    rows = []
    for mention in mentions:
        if mention.kind != "rate":
            continue
        fields = parse_label(mention.label)
        unit = fields.get("unit")
        if unit not in UNITS:
            raise ValueError(f"rate mention {mention.mention_id} {mention.text!r} has label {mention.label!r}; "
                             f"expected unit one of {UNITS}")
        previous = fields.get("previous")
        rows.append({
            "article_id": article.article_id,
            "mention_id": mention.mention_id,
            "text": mention.text,
            "value": float(fields["value"]) if fields.get("value") else None,
            "unit": unit,
            "rate_kind": rate_kind(article, mention, unit, sentences, resources),
            "previous_value": float(previous) if previous else None,
            "applies_to": applies_to(article, mention, mentions, resources),
            "start_char": mention.start,
            "end_char": mention.end,
        })
    return rows


NORMALIZER = Normalizer("rates", normalize_rates, load_rates)
