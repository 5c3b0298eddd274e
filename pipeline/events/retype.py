"""Retyping event candidates by the words around their trigger: sanctions and polarity.

The trigger lexicon types a candidate by its trigger and a context word; some
types need a wider look (``models/events/retype.csv``, first rule that applies
wins):

- ``sanction``: an imposition or threat confirmed only by "sanctions" (no
  tariff word, rate or goods in the sentence) is a non-tariff economic
  sanction, and so is one whose sentence names a sanctions instrument
  (CAATSA, the SDN list, an asset freeze). Lifting or easing such sanctions
  has no type of its own and is dropped rather than counted as a tariff
  removal. Where the article has a tariff measure of the same actor on the
  same targets, "sanctions" names that measure (1987 wire copy calls the
  retaliatory tariffs on Japan "sanctions") and the type stays.
- Announced reciprocal tariffs: a report of a plan ("will announce reciprocal
  tariffs next week", "unveiled his plan for reciprocal tariffs") is a threat
  until the tariffs are imposed, as reciprocal tariffs by definition wait on
  what each partner charges; an imposition of them ("imposed reciprocal
  tariffs") keeps its type. So is a plan of them ("plans to issue reciprocal
  tariffs", "might impose") and a future announcement of any tariffs ("is
  expected to announce tariffs"), unless the sentence gives the measure a date
  it takes effect or the candidate names a rate ("will announce 25% tariffs on
  steel" is decided): rules that name a ``modality`` apply only to candidates
  of it, rules of ``rate`` "none" only to candidates without a rate. A candidate retyped as a threat is ``threatened`` (negated stays negated).
- Polarity: "close loopholes and exemptions" ends an exemption (the tariff
  it restores is its own event), so the exemption is dropped; a cut "to zero"
  is a removal; an imposition of duty-free entry or zero tariffs is an
  exemption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.events.passing import is_passing
from pipeline.events.types import EVENT_TYPES, MODALITIES, TARIFF_TYPES, Candidate, Cue
from pipeline.rulefiles import alternation, read_rows

NEAR = ("before", "after", "around", "sentence", "before_phrase", "after_phrase", "trigger")
# Where a phrase ends for ``before_phrase``/``after_phrase``: punctuation that closes it, or a word that
# starts another part of the clause ("removed tariffs on Canada with exemptions for steel": the exemptions
# are not the object of "removed").
PHRASE_END = re.compile(r"[,;:()\[\]–—]|\s-\s|\b(?:with|without|but|while|although|except|as|after|before|"
                        r"which|that|who)\b", re.IGNORECASE)
DROP = "none"
KEEP = "keep"
REPORT = "report"
NAME = "name"  # rules for a measure's name only ("reciprocal tariffs": triggers.csv role name)
NO_RATE = "none"
THREAT = "tariff_threatened"
INQUIRY = "investigation"  # the type of a study ordered (rule ordered_study)


@dataclass(frozen=True)
class RetypeRule:
    """One row of ``retype.csv``: candidates of ``sources`` become ``target`` (None: dropped)."""

    rule: str
    sources: frozenset[str]
    target: str | None
    near: str
    window: int
    words: re.Pattern[str]
    unless: re.Pattern[str] | None
    keep_for_article_tariffs: bool = False
    reports_only: bool = False
    # the candidate's modality must be one of these; empty: any ("will announce tariffs", not "announced")
    modalities: frozenset[str] = frozenset()
    # only candidates naming no rate: "will announce 25% tariffs on steel" names a decided measure
    unrated_only: bool = False
    # only a trigger that names a measure by itself ("might sign reciprocal levies")
    names_only: bool = False


def _pattern(value: str) -> re.Pattern[str] | None:
    forms = [f.strip() for f in value.split("|") if f.strip()]
    if not forms:
        return None
    # "0%" ends in a non-word character: bound by "not a word character" on both sides, not by \b
    return re.compile(r"(?<![\w-])(?:" + alternation(forms) + r")(?![\w-])", re.IGNORECASE)


def read_retype_rules(path: Path) -> tuple[RetypeRule, ...]:
    """The rules of ``retype.csv`` in file order; unknown types or positions fail with the rule named."""
    rules = []
    for row in read_rows(path):
        sources = frozenset(t.strip() for t in row["from"].split("|") if t.strip())
        target = None if row["to"] == DROP else row["to"]
        unknown = sorted((sources | ({target} if target else set())) - set(EVENT_TYPES))
        if unknown:
            raise ValueError(f"{path}: rule {row['rule']!r} names unknown event types {unknown}")
        if row["near"] not in NEAR:
            raise ValueError(f"{path}: rule {row['rule']!r}: near {row['near']!r} is not one of {NEAR}")
        words = _pattern(row["words"])
        if words is None:
            raise ValueError(f"{path}: rule {row['rule']!r} has no words")
        if row["article"] not in ("", KEEP):
            raise ValueError(f"{path}: rule {row['rule']!r}: article {row['article']!r} is not empty or {KEEP!r}")
        trigger = row.get("trigger") or ""
        if trigger not in ("", REPORT, NAME):
            raise ValueError(f"{path}: rule {row['rule']!r}: trigger {trigger!r} is not empty, {REPORT!r} or {NAME!r}")
        modalities = frozenset(m.strip() for m in (row.get("modality") or "").split("|") if m.strip())
        if modalities - set(MODALITIES):
            raise ValueError(f"{path}: rule {row['rule']!r} names unknown modalities {sorted(modalities - set(MODALITIES))}")
        rate = row.get("rate") or ""
        if rate not in ("", NO_RATE):
            raise ValueError(f"{path}: rule {row['rule']!r}: rate {rate!r} is not empty or {NO_RATE!r}")
        rules.append(RetypeRule(row["rule"], sources, target, row["near"], int(row["window"] or 0), words,
                                _pattern(row["unless"]), row["article"] == KEEP, trigger == REPORT, modalities,
                                rate == NO_RATE, trigger == NAME))
    return tuple(rules)


def _clause_sides(text: str, candidate: Candidate, clause_boundary: re.Pattern[str]) -> tuple[str, str]:
    """The text of the trigger's clause before and after the trigger (``clause_boundary``: "approved a reciprocal
    tariffs plan, but did not apply the levies at once": "reciprocal" does not reach "apply")."""
    sentence, trigger = candidate.sentence, candidate.trigger
    before = text[sentence.start:trigger.start]
    after = text[trigger.end:sentence.end]
    ends = list(clause_boundary.finditer(before))
    end = clause_boundary.search(after)
    return (before[ends[-1].end():] if ends else before), (after[:end.start()] if end else after)


def _window(text: str, candidate: Candidate, near: str, window: int, clause_sides: tuple[str, str]) -> str:
    """The words of ``text`` a rule of position ``near`` reads around the candidate's trigger. The words
    before and after count only within the trigger's clause (``clause_sides``, `_clause_sides`)."""
    sentence, trigger = candidate.sentence, candidate.trigger
    if near in ("before", "after", "around"):
        before, after = clause_sides
    else:
        before = text[sentence.start:trigger.start]
        after = text[trigger.end:sentence.end]
    if near == "sentence":
        return text[sentence.start:sentence.end]
    if near == "trigger":  # the trigger's own words: "plans for" names a plan
        return text[trigger.start:trigger.end]
    if near == "before_phrase":  # back to the last phrase end before the trigger
        ends = list(PHRASE_END.finditer(before))
        before, near = (before[ends[-1].end():] if ends else before), "before"
    elif near == "after_phrase":  # on to the first phrase end after the trigger
        end = PHRASE_END.search(after)
        after, near = (after[:end.start()] if end else after), "after"
    parts = []
    if near in ("before", "around"):
        words = re.findall(r"\S+", before)
        parts.append(" ".join(words[-window:]) if window else "")
    if near in ("after", "around"):
        parts.append(" ".join(re.findall(r"\S+", after)[:window]))
    return " … ".join(parts)


def applies(rule: RetypeRule, text: str, candidate: Candidate, clause_sides: tuple[str, str]) -> bool:
    """True when ``rule`` retypes ``candidate``: its type is a source, the words are near (in the trigger's
    clause, `_window`; ``clause_sides``: `_clause_sides`), nothing stops it."""
    if candidate.event_type not in rule.sources or (rule.reports_only and not candidate.trigger.reports):
        return False
    if rule.names_only and not candidate.trigger.names_measure:
        return False
    if rule.modalities and candidate.modality not in rule.modalities:
        return False
    if rule.unrated_only and candidate.rate_value is not None:
        return False
    if rule.words.search(_window(text, candidate, rule.near, rule.window, clause_sides)) is None:
        return False
    sentence = text[candidate.sentence.start:candidate.sentence.end]
    return rule.unless is None or rule.unless.search(sentence) is None


def _names_a_tariff(candidate: Candidate, tariffs: list[Candidate]) -> bool:
    """True when a tariff measure of the article has the candidate's actor and compatible targets.

    An untargeted candidate may be any of the actor's tariffs; a targeted one only a tariff on the same
    targets: sanctions on Iran are not the untargeted tariffs of a story that names both.
    """
    return any(t.actor == candidate.actor and (not candidate.targets or set(t.targets) == set(candidate.targets))
               for t in tariffs)


def retype(candidates: list[Candidate], text: str, rules: tuple[RetypeRule, ...],
           clause_boundary: re.Pattern[str]) -> list[Candidate]:
    """The candidates with the first applying rule's type; those a rule drops are left out. A rule's
    ``before``/``after``/``around`` words count only within the trigger's clause (``clause_boundary``, the
    clause boundaries of ``arguments.json``).

    A rule marked ``keep`` does not apply when the article has a tariff measure no rule retypes, by the
    same actor on compatible targets: the sanctions of that sentence are the article's tariffs.
    """
    # the clause around a trigger is cut once per candidate, not at each rule that reads it
    chosen = [next((r for r in rules if applies(r, text, c, sides)), None)
              for c in candidates for sides in [_clause_sides(text, c, clause_boundary)]]
    # a measure named in passing ("Trump's steel tariffs could disrupt drilling") is no report of the article's
    # measure: the sanctions an oil story reports stay sanctions beside it
    tariffs = [c for c, r in zip(candidates, chosen, strict=True)
               if r is None and c.event_type in TARIFF_TYPES and not is_passing(c.trigger)]
    kept = [rule is not None and rule.keep_for_article_tariffs and _names_a_tariff(candidate, tariffs)
            for candidate, rule in zip(candidates, chosen, strict=True)]
    # one sentence's sanctions are one kind of measure: when the reading that names them with their object
    # ("sanctions on an international network") is no tariff of the article, neither is the verb's reading of
    # the same word ("The U.S. imposed sanctions on …", whose target was carried over from a tariff story)
    sanctioned = {(candidate.sentence.start, rule.rule)
                  for candidate, rule, keep in zip(candidates, chosen, kept, strict=True)
                  if rule is not None and rule.keep_for_article_tariffs and not keep}
    out = []
    for candidate, rule, keep in zip(candidates, chosen, kept, strict=True):
        if keep and (candidate.sentence.start, rule.rule) not in sanctioned:
            rule = None
        if rule is None:
            out.append(candidate)
        elif rule.target is not None:
            rate = rule.target in ("tariff_imposed", "tariff_increased", "tariff_reduced")
            # a hedged measure ("might impose reciprocal tariffs") becomes a threat that stays possible, the
            # guideline's "possible (could, may, considering)"; a negation stays too
            threat = rule.target == THREAT and candidate.modality not in ("negated", "possible")
            # an inquiry ordered ("directed agencies to study how to impose tariffs") is opened by the order:
            # the hedge or threat read off the measure studied is not the order's (docs/events.md section 18)
            ordered = rule.target == INQUIRY and candidate.modality in ("possible", "threatened")
            # a name's threat taken up by a verb of imposing ("signed his plan for reciprocal tariffs") is the
            # measure decided: the threat the name carried is no longer its mood
            signed = rule.names_only and candidate.modality == "threatened" and rule.target != THREAT
            out.append(replace(candidate, event_type=rule.target,
                               modality="threatened" if threat else "asserted" if ordered or signed
                               else candidate.modality,
                               rate_value=candidate.rate_value if rate else None,
                               rate_previous=candidate.rate_previous if rate else None))
    return out


# Types whose measure a threat leaves untaken: a threatened imposition or rise is the guideline's threat.
THREATENABLE = frozenset({"tariff_imposed", "tariff_increased"})
# The modality cues that tell a measure's own mood (modality.csv); "conditional" cues stand anywhere.
MOOD_CUES = ("planned", "threatened", "possible")


def _threat_cue_nearest(event: Candidate, modals: tuple[Cue, ...]) -> bool:
    """Whether the cue nearest before the event's trigger in its sentence is a threat ("vowed to impose"),
    not a plan of its own ("the Bank vowed to keep the currency stable despite the US' plans to impose
    tariffs": "plans to" is the measure's cue, "vowed to" another verb's)."""
    start = event.trigger.start
    before = [c for c in modals
              if c.label in MOOD_CUES and event.sentence.start <= c.start and c.end <= start]
    return bool(before) and max(before, key=lambda c: c.end).label == "threatened"


def threat_typed(events: list[Candidate], modals: tuple[Cue, ...]) -> list[Candidate]:
    """An imposition or a rise whose merged event stays threatened by a threat cue right before it becomes
    ``tariff_threatened``.

    A threat cue before the measure's verb ("vowed to impose reciprocal tariffs", "warned it would raise
    duties", modality.csv) leaves the verb's type and makes the reading threatened; the guideline pairs the
    two ("tariff_threatened / threatened when it is a threat or conditional"). Read after the article's
    readings are merged, so that a measure told first as a plan ("plans to impose duties on steel") and then
    as a vow ("a statement vowing to slap duties on steel") stays the one planned imposition the merge keeps
    (its first reading's modality), and only a measure whose first telling is the threat is typed a threat.
    The threat must be the cue nearest the trigger (`_threat_cue_nearest`): a threat of another verb in a
    clause the parse joins to the measure's is not the measure's.
    """
    return [replace(e, event_type=THREAT)
            if e.event_type in THREATENABLE and e.modality == "threatened" and _threat_cue_nearest(e, modals)
            else e for e in events]
