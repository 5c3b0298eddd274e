"""Background: events an article recounts rather than reports, read from the parse, the words and the dates.

Background: the trigger's clause is reported or judged by a non-government
speaker ("analysts expect Washington to raise tariffs", `is_commentary`), or
the event's date ends more than ``background_days`` before the publication
date ("in 1985 Washington imposed …", `before_window`), or a phrase of a past
term of office or period modifies the trigger's clause or a measure noun's own participle ("tariffs he
imposed during his first term", "exemptions granted over the previous four years", `recounts_history`),
or its actor is titled "then-" ("then-President Smith raised tariffs", `past_office_holder`), or a measure told as
done is done by one titled "former" ("former President Smith granted exemptions"), or the clause tells an undated act in the
past perfect outside reported speech ("had later granted quotas to allies",
`past_perfect`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from pipeline.events.dates import date_range, in_other_relative_clause
from pipeline.events.resources import EventResources, SyntaxRules
from pipeline.events.syntax import SentenceParse, Token
from pipeline.events.types import ArticleInputs, Candidate, Cue, TimeRef


def is_commentary(parse: SentenceParse, trigger: Token, resources: EventResources) -> bool:
    """True when a verb of speech or opinion above the trigger's clause has a non-government subject
    ("economists expect the U.S. to raise tariffs", "analysts said Japan would retaliate")."""
    rules = resources.syntax
    assert rules is not None
    for token in parse.chain(parse.clause(trigger, resources.syntax.clause_verbs)):
        if token.lemma.lower() not in rules.commentary_verbs:
            continue
        subject = next((c for c in parse.children(token, "nsubj")), None)
        if subject is not None and resources.private.fullmatch(subject.text) is not None:
            return True
    return False


def recounts_history(parse: SentenceParse, trigger: Token, resources: EventResources) -> bool:
    """True when an adjunct of the trigger or its clause names a past term of office (``history_phrases``:
    "during his first term", "under the previous administration"): the measure is history, whatever its
    date. Only the clause's own adjuncts count: in "tariffs, first imposed during his first term, were
    raised to 25%" the phrase dates "imposed", not "raised"."""
    rules = resources.syntax
    assert rules is not None
    clause = parse.clause(trigger, rules.clause_verbs)
    heads = [trigger, clause]
    if trigger.upos in ("NOUN", "PROPN"):
        # "exemptions provided over the previous four years": a participle that tells the measure's own past
        heads += [c for c in parse.children(trigger, "acl") if c.feature("VerbForm") == "Part"]
    for head in dict.fromkeys(heads):
        for child in parse.children(head, "obl", "nmod", "advmod", "advcl"):
            words = " ".join(t.lower for t in parse.subtree(child))
            if any(f" {phrase} " in f" {words} " for phrase in rules.history_phrases):
                return True
    return False


# "then-President Smith exempted …", "set by then-Commerce Secretary Jones": the office a person held when
# acting. Read on the words, as the parser often misreads a hyphenated title at the start of a sentence.
_THEN_TITLED_BEFORE = re.compile(r"\b(?i:then)[-‑–](?:[A-Z][\w.’'-]*\s+){1,5}(?:(?:also|later|had|has|[a-z]+ly)\s+)?$")
_THEN_TITLED_AGENT = re.compile(r"\s+by\s+(?i:then)[-‑–][A-Z]")
# "Trump and former President Smith granted exemptions": a measure done by a former office holder is one of their
# term, history; only one told as done (a former president's threat or plan is news: a campaign's)
_FORMER_TITLED_BEFORE = re.compile(r"\b(?i:former)\s+(?:[A-Z][\w.’'-]*\s+){1,5}(?:(?:also|later|had|has|[a-z]+ly)\s+)?"
                                   r"(?:[a-z]+ed\s+)?$")  # a trigger noun after its verb: "granted exemptions"
# "then-President Smith acknowledged the ties with Kyiv and exempted its steel": the trigger is the second verb of
# the then-titled subject, joined by "and" with no subject of its own
_THEN_TITLED_CONJUNCT = re.compile(r"\b(?i:then)[-‑–](?:[A-Z][\w.’'-]*\s+){1,5}[a-z][\w-]*\b[^.;:]*?\s+and\s+"
                                   r"(?:(?:also|later|[a-z]+ly)\s+)?$")


def past_office_holder(text: str, start: int, end: int, trigger: Cue) -> bool:
    """True when the trigger's actor, right before it, as the subject of a verb it follows after "and", or as its
    "by" agent, is titled "then-" ("then-President Smith exempted Canadian steel", "then-President Smith
    praised Kyiv and exempted its steel", "duties set by then-Commerce Secretary Jones"): an act of a past office,
    history. ``start``/``end`` bound the trigger's sentence."""
    return (_THEN_TITLED_BEFORE.search(text, start, trigger.start) is not None
            or _THEN_TITLED_CONJUNCT.search(text, start, trigger.start) is not None
            or _THEN_TITLED_AGENT.match(text, trigger.end, end) is not None)


def past_perfect(parse: SentenceParse, trigger: Token, rules: SyntaxRules) -> bool:
    """True when the trigger's clause is in the past perfect ("had imposed", "had later granted quotas"):
    an act before the past the story tells. The parser may read "had" as the main verb and the participle
    as a clause under it ("Ottawa had after long talks imposed duties"); that reading counts too. Not in
    reported speech, where the past perfect is the shifted present perfect ("China said it had imposed
    duties" reports that it has)."""
    clause = parse.clause(trigger, rules.clause_verbs)
    if clause.base_dep == "ccomp" or any(
            t.lemma.lower() in rules.commentary_verbs for t in parse.chain(clause)):
        return False
    if any(a.lower == "had" for a in parse.children(clause, "aux")):
        return True
    head = parse.head(clause)
    return (head is not None and head.lower == "had" and head.index < clause.index
            and clause.base_dep in ("advcl", "xcomp", "ccomp") and clause.feature("Tense") == "Past")


def history_background(candidates: list[Candidate], inputs: ArticleInputs,
                       resources: EventResources) -> list[Candidate]:
    """The candidates, those whose parsed clause recounts a past term of office (`recounts_history`), or
    tells in the past perfect, outside quotations and reported speech (`_quoted`), an act the article does
    not date (`past_perfect`), marked ``is_background``.
    A dated past perfect stays news when its date is in the article's window ("had imposed the duties on
    March 4"); one dated before it is background by its date (`before_window`)."""
    if resources.syntax is None:
        return candidates
    out = []
    for candidate in candidates:
        parse = inputs.parses.get(candidate.sentence.index)
        token = parse.at(candidate.trigger.start, candidate.trigger.end) if parse is not None else None
        if not candidate.is_background and past_office_holder(inputs.text, candidate.sentence.start,
                                                              candidate.sentence.end, candidate.trigger):
            candidate = replace(candidate, is_background=True)
        if not candidate.is_background and candidate.modality == "asserted" and _FORMER_TITLED_BEFORE.search(
                inputs.text, candidate.sentence.start, candidate.trigger.start) is not None:
            candidate = replace(candidate, is_background=True)
        if token is not None and not candidate.is_background and (
                recounts_history(parse, token, resources)
                or (candidate.event_date is None and not _quoted(candidate, inputs)
                    and past_perfect(parse, token, resources.syntax))):
            candidate = replace(candidate, is_background=True)
        out.append(candidate)
    return out


def _quoted(candidate: Candidate, inputs: ArticleInputs) -> bool:
    """True when the trigger stands in a quotation or reported speech of the quotes table: its past perfect
    may be the speaker's shifted present perfect ("The department had already ruled …, Vastagh said")."""
    return any(q.start <= candidate.trigger.start < q.end for q in inputs.quotes)


def period_end(value: str) -> date | None:
    """Last day of a TIMEX3 date value (``2025`` → 2025-12-31, ``2025-06`` → 2025-06-30), or None."""
    period = date_range(value)
    return period.end if period else None


def told_as_history(event: Candidate, times: Sequence[TimeRef], published: date | None, days: int) -> bool:
    """True for an undated event whose sentence dates only history: every resolved date in it ends more than
    ``days`` before publication ("In 2018, Trump imposed tariffs … the Canadian and Mexican duties
    were removed a year on": the lifting has no date of its own, but the sentence tells of 2018)."""
    if event.event_date is not None or published is None:
        return False
    dated = [t for t in times if t.timex_type == "DATE" and t.value and t.resolved
             and event.sentence.start <= t.start and t.end <= event.sentence.end]
    return bool(dated) and all(before_window(t.value, published, days) for t in dated)


def before_window(event_date: str | None, published: date | None, days: int) -> bool:
    """True when the event's date ends more than ``days`` before the publication date (history, not news)."""
    if not event_date or published is None:
        return False
    end = period_end(event_date)
    return end is not None and end < published - timedelta(days=days)


def is_history(candidate: Candidate, inputs: ArticleInputs, rules: SyntaxRules | None) -> bool:
    """True when the candidate is history: dated before the article's window (`before_window`), or undated in
    a sentence that dates only history (`told_as_history`); without ``rules``, never."""
    if rules is None:
        return False
    days = rules.background_days
    return (before_window(candidate.event_date, inputs.published, days)
            or told_as_history(candidate, _times_of_its_clauses(candidate, inputs), inputs.published, days))


def _times_of_its_clauses(candidate: Candidate, inputs: ArticleInputs) -> tuple[TimeRef, ...]:
    """The dates of the article but those in a relative clause of the candidate's sentence that does not hold its
    trigger ("China, which produced half the world's graphite in 2023, curbed exports": 2023 tells of the
    producer, not of the curbs, and makes no history of them)."""
    parse = inputs.parses.get(candidate.sentence.index)
    token = parse.at(candidate.trigger.start, candidate.trigger.end) if parse is not None else None
    if parse is None or token is None:
        return tuple(inputs.times)
    sentence = candidate.sentence
    return tuple(t for t in inputs.times if not (sentence.start <= t.start and t.end <= sentence.end
                                                 and in_other_relative_clause(parse, token, t)))
