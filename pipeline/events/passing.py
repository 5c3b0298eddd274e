"""A measure in force named in passing: a government's tariff named as a noun phrase, with no verb to trigger it.

Market and company copy names a measure already in force as the argument of
some other predicate: "Trump's recent steel tariffs could disrupt drilling",
"worries over Ottawa's duties on U.S. goods", "the U.S. levies on Chinese
goods weighed on shares". The annotators' brief counts it as one event,
asserted, when both its actor and the measure are identifiable; "tariffs",
"trade tensions" or "Trump's tariff policies" name no measure. A phrase is such
a measure (`passing_cues`) when

- its head is a measure noun (``measure_nouns`` of ``models/events/passing.json``),
- a government owns it, right before the head with at most ``max_modifiers``
  lower-case words or "and" between: in the possessive ("Trump's", "the
  administration's": the owner nouns of ``arguments.json``), as an
  abbreviation or an official's name without it ("U.S. levies", "Trump
  tariffs"), or as a demonym when the phrase names another target ("American
  duties on Chinese steel"; "Chinese tariffs" is as often a measure on China),
- no function word stands among those words (``function_words``: "Reagan's
  opposition to an oil import duty" is another phrase),
- no verb of a level (``level_verbs``: "averaged", "totaled") follows in its
  clause: "Japan's tariffs on rice averaged 500%" states a figure,
- it names what it hits: goods among the words before the head ("steel and
  aluminum tariffs"), or a target government or goods after a word of
  ``target_cases`` ("on imports from Mexico", "against Canada"),
- no word before the head makes it a measure to come or a threat
  (``plan_words``: "proposed", "threatened", "any"),
- no tariff trigger stands in its clause but a threat: such a trigger
  reports a measure and reads its arguments itself, and the phrase would be
  that measure twice ("Trump imposed tariffs on steel").

The cue is an imposition without an acting subject (rule id `RULE_ID`, ending
``:agent``): its owner acts. A candidate made from it is asserted whatever its
predicate says ("could disrupt" hedges the effect, not the
measure), and the rules that drop a measure explaining a price move, a
forecast effect or a criticism (`PASSING_REASONS`) do not apply to it: those
rules drop a trigger because nothing is reported, while the phrase reports
the measure by naming it. An article that reports the same measure otherwise
keeps that report only (`without_repeats`: a shared target or shared goods),
and a target the article names only as that of a measure to come ("the
potential 30% tariff on Peru imports") is no target of the measure in force
(`without_targets_to_come`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from typing import TYPE_CHECKING

from pipeline.events.syntax import POSSESSIVE_MARK_PATTERN
from pipeline.events.types import TARIFF_TYPES, Candidate, Cue, Party
from pipeline.rulefiles import alternation

if TYPE_CHECKING:  # arguments reads the resources, which read this module's words
    from pipeline.events.arguments import Region
    from pipeline.events.syntax import SentenceParse

RULE_ID = "phrase:tariff_imposed:weak:agent"
THREAT = "tariff_threatened"
# Reasons of `pipeline.events.non_events.non_event` that do not drop a measure named in passing (module doc).
PASSING_REASONS = frozenset({"circumstance", "effect", "criticism", "standing"})
# The types a report of the same measure may have: a passing mention of it adds nothing (`without_repeats`).
SAME_MEASURE_TYPES = frozenset({"tariff_imposed", "tariff_increased", "tariff_threatened"})
# Relations that open a clause of their own inside a noun phrase ("tariffs that hit steel", "tariffs, which …"):
# not the phrase's words.
CLAUSE_RELATIONS = frozenset({"acl", "acl:relcl", "relcl", "appos", "parataxis"})
# Where a phrase read by word order ends: punctuation, a full stop that is no abbreviation's ("U.S. goods"), a
# comma before a lower-case word but a conjunction ("on steel, which …"; "from Mexico, Canada, and China" goes on).
_PHRASE_END = re.compile(r"[;:!?()\"“”]|\.(?=\s+[A-Z]|\s*$)|,(?=\s+(?!(?:and|or)\b)[a-z])")
_WORD = re.compile(r"[A-Za-z][\w’'-]*|\S")
# A possessive mark ending its word ("Trump's", "the US' "), not the start of a longer one.
_POSSESSIVE = re.compile(POSSESSIVE_MARK_PATTERN + r"(?!\w)")


@dataclass(frozen=True)
class PassingWords:
    """The words of ``models/events/passing.json``."""

    measure_nouns: frozenset[str]
    plan_words: frozenset[str]
    function_words: frozenset[str]
    level_verbs: frozenset[str]
    in_force_words: frozenset[str]
    target_cases: frozenset[str]
    bare_owner_forms: frozenset[str]
    demonym_owners: frozenset[str]
    max_modifiers: int
    target_reach_chars: int
    # Compiled once at load (`read_passing_words`), since every sentence of every article is tried against them:
    # any measure noun as a whole word, and a measure to come with its case ("the potential 30% tariff on").
    measure_noun: re.Pattern[str]
    planned_measure: re.Pattern[str]


# How many words (rates, adjectives, goods) may stand between a word of a plan and the measure noun it qualifies
# ("the potential 25% tariff on …").
_PLAN_REACH_WORDS = 4


def read_passing_words(path: Path) -> PassingWords:
    """The lists of ``passing.json``, with the patterns built from them; a missing key fails naming the file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        (nouns, plans, function_words, level_verbs, in_force, cases, bare_owners, demonyms) = (
            frozenset(w.lower() for w in data[key]) for key in (
                "measure_nouns", "plan_words", "function_words", "level_verbs", "in_force_words", "target_cases",
                "bare_owner_forms", "demonym_owners"))
        max_modifiers, reach = int(data["max_modifiers"]), int(data["target_reach_chars"])
    except KeyError as missing:
        raise ValueError(f"{path}: no {missing}") from None
    measure_noun = re.compile(rf"(?i)\b(?:{alternation(nouns)})\b")
    planned_measure = re.compile(rf"(?i)\b(?:{alternation(plans)})\s+(?:[\w%.$-]+\s+){{0,{_PLAN_REACH_WORDS}}}?"
                                 rf"(?:{alternation(nouns)})\s+(?:{alternation(cases)})\b")
    return PassingWords(nouns, plans, function_words, level_verbs, in_force, cases, bare_owners, demonyms,
                        max_modifiers, reach, measure_noun, planned_measure)


# How far before a measure noun a word of a plan that qualifies it may start: the plan word and
# `_PLAN_REACH_WORDS` words ("a 70% probability of a 10% U.S. tariff on").
_PLAN_REACH_CHARS = 80


def _to_come(text: str, head: int, clause: Region, words: PassingWords) -> bool:
    """True when a word of a plan before the owner qualifies the measure noun at ``head`` (``planned_measure``:
    "the potential U.S. tariffs on", "a 70% probability of a 10% U.S. tariff on copper"): a forecast or a
    measure to come, no measure in force, whoever owns it. The words between the owner and the noun are read
    by `_measure_after` itself."""
    start = max(clause.start, head - _PLAN_REACH_CHARS)
    return any(m.start() < head < m.end() for m in words.planned_measure.finditer(text, start, clause.end))


def is_passing(cue: Cue) -> bool:
    """True for the cue of a measure named in passing (made by `passing_cues`)."""
    return cue.rule_id == RULE_ID


def measure_noun_pattern(words: PassingWords) -> str:
    """A case-insensitive regular expression matching any measure noun as a whole word."""
    return words.measure_noun.pattern


def may_name_in_passing(text: str, words: PassingWords | None) -> bool:
    """True when ``text`` holds a measure noun at all: only then may an article without a trigger name one."""
    return words is not None and words.measure_noun.search(text) is not None


def _owner_end(text: str, party: Party, owner_nouns: re.Pattern[str]) -> tuple[int, bool] | None:
    """Where the owner's words end after ``party`` and whether they are a possessive ("Trump's",
    "the Trump administration's"), or None when an owner noun is not followed by one."""
    end = party.end
    noun = owner_nouns.match(text, end)
    if noun is not None:
        end = noun.end()
    possessive = _POSSESSIVE.match(text, end)
    if possessive is not None:
        return possessive.end(), True
    return (end, False) if noun is None else None


def _names_goods(text: str, products: Sequence[tuple[str, re.Pattern[str]]]) -> bool:
    return any(pattern.search(text) for _, pattern in products)


def rate_phrase_names_goods(text: str, rate_end: int, limit: int,
                            products: Sequence[tuple[str, re.Pattern[str]]]) -> bool:
    """True when the phrase after a stated rate names goods ("Trump's 25% tariffs on steel and aluminum",
    "the U.S. 10% steel duty"): the words from the rate up to the next punctuation, at most to ``limit``."""
    after = text[rate_end:limit]
    return _names_goods(_PHRASE_END.split(after, maxsplit=1)[0], products)


def passing_cues(text: str, parties: Sequence[Party], triggers: Sequence[Cue], clauses: Sequence[Region],
                 words: PassingWords, owner_nouns: re.Pattern[str],
                 products: Sequence[tuple[str, re.Pattern[str]]]) -> list[Cue]:
    """A cue for each measure named in passing in the given ``clauses`` (see the module doc); ``owner_nouns``
    matches an owner noun after a name (" administration"), ``products`` the goods of ``products.csv``."""
    out: list[Cue] = []
    for clause in clauses:
        if any(clause.start <= t.start < clause.end and t.label in TARIFF_TYPES and t.label != THREAT
               for t in triggers):
            continue
        for party in parties:
            if not clause.start <= party.start < clause.end:
                continue
            owned = _owner_end(text, party, owner_nouns)
            if owned is None:
                continue
            end, possessive = owned
            demonym = party.source == "country" and party.form in words.demonym_owners
            if not possessive and party.source == "country" and party.form not in words.bare_owner_forms \
                    and not demonym:
                continue
            cue = _measure_after(text, end, clause, party, parties, words, products, demonym and not possessive,
                                 possessive)
            if cue is not None and all(c.start != cue.start for c in out):
                out.append(cue)
    return out


def _measure_after(text: str, start: int, clause: Region, owner: Party, parties: Sequence[Party],
                   words: PassingWords, products: Sequence[tuple[str, re.Pattern[str]]],
                   needs_target: bool, possessive: bool) -> Cue | None:
    """The cue of the measure noun heading the words from ``start`` (the owner's end), or None. After an owner
    without the possessive only goods and "and" may stand before the head: "the U.S. said tariffs …" has a
    verb there, and the words read by word order cannot tell it from an adjective."""
    position, modifiers = start, []
    for _ in range(words.max_modifiers + 1):
        match = _WORD.search(text, position, clause.end)
        if match is None or text[position:match.start()].strip():
            return None
        word = match.group().lower()
        if word in words.measure_nouns:
            before = text[start:match.start()]
            rest = {w.lower() for w in _WORD.findall(text, match.end(), clause.end)}
            if any(w in words.plan_words for w in modifiers) or rest & words.level_verbs:
                return None
            if _to_come(text, match.start(), clause, words):
                return None
            after = text[match.end():min(clause.end, match.end() + words.target_reach_chars)]
            after = _PHRASE_END.split(after, maxsplit=1)[0]
            case = _WORD.match(after.lstrip())
            targeted = case is not None and case.group().lower() in words.target_cases
            target = targeted and any(match.end() <= p.start < match.end() + len(after) and p.iso3 != owner.iso3
                                      for p in parties)
            goods = _names_goods(before, products) or (targeted and _names_goods(after, products))
            if (needs_target and not target) or not (target or goods):
                return None
            return Cue(f"passing{match.start()}", match.start(), match.end(), "tariff_imposed", RULE_ID)
        # a modifier: a lower-case word or a conjunction between goods ("steel and aluminum", "recent")
        if not (match.group().islower() and match.group()[0].isalpha()) or word in words.function_words:
            return None
        if not possessive and word != "and" and not _names_goods(word, products):
            return None
        modifiers.append(word)
        position = match.end()
    return None


def _same_measure(mention: Candidate, report: Candidate) -> bool:
    if report.actor != mention.actor or report.event_type not in SAME_MEASURE_TYPES:
        return False
    if report.products and mention.products and not set(report.products) & set(mention.products):
        return False  # "steel tariffs" named in passing are no measure on oil reported after them
    # a shared target or shared goods: a report naming neither may be of another measure ("sanctions imposed")
    return bool(set(report.targets) & set(mention.targets) or set(report.products) & set(mention.products))


def without_repeats(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` but each measure named in passing that another candidate of the article reports (same
    actor; a shared target, shared goods, or neither naming a target): the report tells it already, and a
    passing mention of the same measure is no second event."""
    reports = [c for c in candidates if not is_passing(c.trigger)]
    return [c for c in candidates if not is_passing(c.trigger) or not any(_same_measure(c, r) for r in reports)]


def phrase_end(text: str, cue: Cue, limit: int, words: PassingWords, parse: SentenceParse | None) -> int:
    """Where the phrase of a measure named in passing ends (at most at ``limit``): its head noun with the words
    that depend on it in the parse ("tariffs on imports from Mexico"), else (no parse, or none of those words),
    read by word order, the words after a word of ``target_cases`` up to the next punctuation within
    ``target_reach_chars``. Its targets are read in the phrase only: "Trump's steel tariffs could disrupt
    drilling in Canada" hits no Canada."""
    token = parse.at(cue.start, cue.end) if parse is not None else None
    if token is not None:
        words_of_head = parse.with_serial_tail(parse.subtree(token, skip=CLAUSE_RELATIONS))
        end = min(limit, max(cue.end, *(t.end for t in words_of_head)))
        if end > cue.end:  # a head the parse gives no words of its own ("U.S. Tariffs" read as a name): word order
            return end
    after = text[cue.end:min(limit, cue.end + words.target_reach_chars)]
    case = _WORD.match(after.lstrip())
    if case is None or case.group().lower() not in words.target_cases:
        return cue.end
    return cue.end + len(_PHRASE_END.split(after, maxsplit=1)[0])


def targets_to_come(text: str, parties: Sequence[Party], words: PassingWords) -> frozenset[str]:
    """The governments a measure still to come falls on, by the article's own words: a word of ``plan_words``
    before a measure noun followed by a word of ``target_cases`` ("the potential 30% tariff on Peru
    imports", "the proposed duties against Canada"): the parties named from that word to the phrase's end."""
    out: set[str] = set()
    for match in words.planned_measure.finditer(text):
        reach = text[match.end():match.end() + words.target_reach_chars]
        end = match.end() + len(_PHRASE_END.split(reach, maxsplit=1)[0])
        out.update(p.iso3 for p in parties if match.end() <= p.start < end)
    return frozenset(out)


def without_targets_to_come(candidates: list[Candidate], text: str, parties: Sequence[Party],
                            words: PassingWords | None) -> list[Candidate]:
    """``candidates`` with each measure named in passing cut to the targets it falls on in force: a target the
    article names only as that of a measure to come (`targets_to_come`: "U.S. tariffs on goods from Peru
    and Chile … the potential 30% tariff on Peru imports") is not hit by a measure in force. A mention left
    with no target is dropped: it names the measure to come, which its own words report."""
    if words is None or not any(is_passing(c.trigger) and c.targets for c in candidates):
        return candidates
    future = targets_to_come(text, parties, words)
    out = []
    for candidate in candidates:
        kept = tuple(t for t in candidate.targets if t not in future)
        if not is_passing(candidate.trigger) or kept == candidate.targets:
            out.append(candidate)
        elif kept:
            out.append(replace(candidate, targets=kept, scope="bilateral" if len(kept) == 1 else "multilateral"))
    return out
