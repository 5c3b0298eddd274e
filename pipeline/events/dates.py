"""An event's date as dates: the first and last day of its TIMEX3 value, and its granularity.

``event_date`` keeps the TIMEX3 value the article gives; beside it the events
tables carry ``event_date_start`` and ``event_date_end`` (inclusive) and
``event_date_granularity``:

| value | granularity | start – end |
|---|---|---|
| ``2025-05-01`` | day | the day |
| ``2025-W18`` | week | Monday – Sunday of the ISO week |
| ``2025-06`` | month | first – last day of the month |
| ``2025-Q2`` | quarter | first day of April – last day of June |
| ``2025-H2`` | half | first day of July – last day of December (``H1``: January – June) |
| ``2025-SU`` | season | the meteorological season of the northern hemisphere: spring March – May, summer June – August, autumn September – November, winter December – February of the next year |
| ``2025`` | year | January 1 – December 31 |

Anything else (a decade ``198X``, ``PRESENT_REF``, a fiscal year ``FY2026``)
has no dates and no granularity: a fiscal year's months are the issuer's
(the US government's FY2026 begins in October 2025, Australia's in July
2025), which the value does not say. A season's dates let a season after the publication date make
a measure planned ("enabling tariff increases this summer"), as a month does.

A date that names a law or a cited order ("the Trade Act of 1974",
"Executive Order 14257 of April 2, 2025") dates the law, not the event: such
dates are left out before a date is chosen (`event_times`), with the patterns
of ``models/events/citations.txt`` matched on the words just before the date.
One form is kept: a recital that opens with the cited order ("In Proclamation
9705 of March 8, 2018, the President imposed …", the opening of
``recital_openings`` in ``models/events/arguments.json``) tells what that
order did, and its date is that act's date (and, years before the article,
makes the act history: ``is_background``).

Which of a sentence's dates can date the event at a trigger (`own_times`):
not a date right after "until" (``period_end_cases`` of
``models/events/syntax.json``: "delayed the tariffs for a month until March
4" ends the delay on March 4, it does not date it), and, where the sentence
was parsed, not a date outside the adverbial clause the trigger stands in
(an ``advcl`` on the trigger's chain of heads, opened by a word of
``subordinating_connectives``): in "Stock futures fell Tuesday as Trump
announced tariffs" Tuesday dates the fall, and the announcement is undated;
nor a date on the other side of a participle modifying a noun: in "a rate
lower than the rate initially announced on April 2" April 2 dates the other
rate's announcement, and in "announced adjustments today to tariffs imposed on
imports" today does not date the imposition; nor a date in a coordinated clause with
its own subject that does not hold the trigger (`in_other_conjunct`: "…, OPEC+ sticking with its plan to
raise output in April"). Parsed or not, a date before a
connective that opens the trigger's clause is the other clause's
(`behind_connective`: "fell on February 4 as the dollar firmed after
Trump slapped tariffs").
A phrase that places the trigger's noun before or after another moment
(`in_sequence_phrase`, ``sequence_cases``: "ahead of", "after", "before" …)
does not take a date of the clause it modifies: in "the rupee rose on Tuesday
ahead of the leaders' meeting" Tuesday dates the rise. A date after a phrase
naming the report's source (`after_source_phrase`, ``source_phrases``:
"according to a Thursday filing") dates the source. When the clause a verb
of speech reports (``ccomp``) holds the trigger and a date, a date outside it
dates the saying (`in_reported_clause`: "said on Tuesday that Ottawa would
impose duties on Friday" dates the duties Friday; a deadline, ``deadline_cases``
"by Friday", does not).
A date an effective-day cue introduces ("effective from March 4") gives way to a date on the trigger's line of
heads that dates the act setting the measure (`act_date_over_effective`: "signed an order Monday imposing …,
effective from March 4" is dated Monday).
A threat keeps the date the article gives it, after the publication date too
("might impose tariffs next week" is dated next week), as the annotation
guideline dates every event by the date the article gives it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pipeline.events.syntax import SentenceParse, Token
from pipeline.events.types import TimeRef
from pipeline.rulefiles import read_words

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12])")
_YEAR = re.compile(r"\d{4}")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
# The parts of a year by their letter: how many months each has, and its granularity (2025-Q2 is April - June,
# 2025-H2 July - December).
YEAR_PARTS = {"Q": (3, "quarter"), "H": (6, "half")}
# The first month of each season and how many years its last month lies after it (winter ends in February).
SEASON_MONTHS = {"SP": (3, 0), "SU": (6, 0), "FA": (9, 0), "WI": (12, 1)}
# How far back from a date a citation pattern may reach ("Executive Order 14257 of ").
CITATION_REACH = 60


@dataclass(frozen=True, slots=True)
class DateRange:
    """The days a TIMEX3 value covers (both inclusive) and how fine it is."""

    start: date
    end: date
    granularity: str


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def date_range(value: str | None) -> DateRange | None:
    """The ``DateRange`` of a TIMEX3 date value, or None when it names no calendar period (module doc)."""
    if not value:
        return None
    try:
        if match := _DAY.fullmatch(value):
            day = date(*map(int, match.groups()))
            return DateRange(day, day, "day")
        if match := _WEEK.fullmatch(value):
            monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            return DateRange(monday, monday + timedelta(days=6), "week")
        if match := _MONTH.fullmatch(value):
            year, month = int(match.group(1)), int(match.group(2))
            return DateRange(date(year, month, 1), _month_end(year, month), "month")
        if match := _PART.fullmatch(value):
            year, (letter, number) = int(match.group(1)), match.group(2)
            months, granularity = YEAR_PARTS[letter]
            first = months * (int(number) - 1) + 1
            return DateRange(date(year, first, 1), _month_end(year, first + months - 1), granularity)
        if match := _SEASON.fullmatch(value):
            year = int(match.group(1))
            first, later = SEASON_MONTHS[match.group(2)]
            last_year, last_month = year + later, (first + 2 - 1) % 12 + 1
            return DateRange(date(year, first, 1), _month_end(last_year, last_month), "season")
        if _YEAR.fullmatch(value):
            year = int(value)
            return DateRange(date(year, 1, 1), date(year, 12, 31), "year")
    except ValueError:  # month 13, week 54: not a calendar period
        return None
    return None


def dates_agree(a: str | None, b: str | None) -> bool:
    """Two TIMEX3 values that can date one event: equal, one missing, or one a finer form of the other."""
    return a is None or b is None or a == b or a.startswith(b + "-") or b.startswith(a + "-")


def dates_near(a: str | None, b: str | None, days: int) -> bool:
    """True when two TIMEX3 values agree (`dates_agree`) or their periods lie at most ``days`` apart
    ("Monday" and "Sunday"; not "April 20" and "January")."""
    if dates_agree(a, b):
        return True
    first, second = date_range(a), date_range(b)
    if first is None or second is None:
        return False
    gap = max((second.start - first.end).days, (first.start - second.end).days, 0)
    return gap <= days


def read_citations(path: Path) -> re.Pattern[str]:
    """The citation patterns of ``citations.txt`` as one pattern that must end where the date begins."""
    patterns = read_words(path)
    if not patterns:
        raise ValueError(f"{path}: no citation patterns")
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\s*$", re.IGNORECASE)


def citation_start(text: str, time: TimeRef, citations: re.Pattern[str]) -> int | None:
    """Where the law or cited order the date at ``time`` belongs to begins ("Trade Act of 1974"), or None."""
    reach = max(0, time.start - CITATION_REACH)
    found = citations.search(text[reach:time.start])
    return reach + found.start() if found else None


def cites(text: str, time: TimeRef, citations: re.Pattern[str]) -> bool:
    """True when the date at ``time`` is part of a named law or a cited order ("Trade Act of 1974")."""
    return citation_start(text, time, citations) is not None


def recites(text: str, time: TimeRef, citations: re.Pattern[str], opening: re.Pattern[str]) -> bool:
    """True when the date at ``time`` is that of an order cited at the opening of a recital: "In
    Proclamation 9705 of March 8, 2018, the President imposed …" tells what that order did, on its date."""
    start = citation_start(text, time, citations)
    return start is not None and opening.search(text[max(0, start - CITATION_REACH):start]) is not None


def event_times(text: str, times: tuple[TimeRef, ...], citations: re.Pattern[str] | None,
                recital_opening: re.Pattern[str] | None = None) -> tuple[TimeRef, ...]:
    """The dates an event may take: every date but those of named laws and cited orders, except the
    date of an order a recital opens with (`recites`), which dates what the recital tells."""
    if citations is None:
        return times
    return tuple(t for t in times if not cites(text, t, citations) or (
        recital_opening is not None and recites(text, t, citations, recital_opening)))


# Words looked at before a subordinate clause's first word for the word that opens it: the parser may hang
# "as" on the clause's subject ("as President Donald Trump announced").
OPENING_WORDS = 4


def ends_a_period(text: str, time: TimeRef, period_end_cases: frozenset[str]) -> bool:
    """True when the word right before the date ends a period at it ("until March 4", "through June")."""
    before = re.findall(r"[\w']+", text[max(0, time.start - 20):time.start].lower())
    return bool(before) and before[-1] in period_end_cases


def _opened_by(parse: SentenceParse, clause: Token, connectives: frozenset[str]) -> bool:
    first = parse.subtree(clause)[0]
    before = parse.tokens[max(0, first.index - OPENING_WORDS):first.index]
    return any(t.lower in connectives for t in [first, *before])


def outside_subordinate(parse: SentenceParse, trigger: Token, time: TimeRef, connectives: frozenset[str]) -> bool:
    """True when the date hangs on the clause that an adverbial clause ("as …", "after …") holding the
    trigger modifies: the date is that clause's ("futures fell Tuesday as Trump announced tariffs"). A date
    higher up is kept: in "Trump said Friday that the two sides are talking after meeting" Friday dates
    what he reports."""
    dated = parse.at(time.start, time.end)
    if dated is None:
        return False
    for token in [trigger, *parse.chain(trigger)]:
        if token.base_dep == "advcl" and _opened_by(parse, token, connectives):
            return dated.head == token.head and dated.index not in {t.index for t in parse.subtree(token)}
    return False


@dataclass(frozen=True)
class Connectives:
    """The words that open an adverbial clause (``subordinating_connectives`` of ``models/events/syntax.json``),
    and, for "as", the words around it that make it no opener: a comparison or a list before it ("such as",
    "as well as"), a preposition's object after it ("as part of", "as a response")."""

    words: frozenset[str]
    as_comparison_before: frozenset[str] = frozenset()
    as_preposition_after: frozenset[str] = frozenset()


# Punctuation that closes a subordinate clause opened before the trigger ("On March 4, after a pause, Trump …").
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_WORD = re.compile(r"[\w']+")


def behind_connective(text: str, time: TimeRef, trigger_start: int, connectives: Connectives) -> bool:
    """True when a subordinating connective stands between the date and the trigger after it, with no
    punctuation between the connective and the trigger: the trigger is in the clause the connective opens,
    and the date in the clause that clause modifies. In "The peso fell past 20 per dollar on February 4
    as the dollar firmed after Washington slapped tariffs" February 4 dates the peso's fall. Read from the
    words, so it holds where the parser hangs the clauses wrongly or the sentence was not parsed. A "that"
    before the connective makes the date a saying's, which dates what it reports, and ends the search."""
    if time.end > trigger_start:
        return False
    words = list(_WORD.finditer(text, time.end, trigger_start))
    for position, word in enumerate(words):
        lower = word.group().lower()
        if lower == "that":
            # "Trump said Friday that the two sides are talking after meeting": the date is the saying's,
            # higher up than the clause the connective opens, and dates what it reports (module doc).
            return False
        if lower not in connectives.words or _CLAUSE_BREAK.search(text, word.end(), trigger_start):
            continue
        if lower == "as" and (
                (position > 0 and words[position - 1].group().lower() in connectives.as_comparison_before)
                or (position + 1 < len(words)
                    and words[position + 1].group().lower() in connectives.as_preposition_after)):
            continue
        return True
    return False


# Relations inside a noun phrase: a participle on a noun of the trigger's own phrase describes the trigger's
# noun ("a pact on microchip trade signed last September", where the parser hangs "signed" on "trade").
PHRASE_RELATIONS = frozenset({"nmod", "compound", "flat", "amod", "nummod"})


def _participle_clause(parse: SentenceParse, token: Token) -> bool:
    """A past participle modifying a noun, without subject, auxiliary or "to" of its own: "the rate
    initially announced on April 2", "tariffs imposed on imports" (the parser may mark it finite)."""
    return (token.dep == "acl" and token.upos == "VERB" and token.feature("Tense") == "Past"
            and not parse.children(token, "nsubj", "aux", "mark"))


def _in_phrase_of(parse: SentenceParse, token: Token, line: set[int]) -> bool:
    """True when ``token`` is on ``line`` or reaches it through noun-phrase relations alone."""
    for current in [token, *parse.chain(token)]:
        if current.index in line:
            return True
        if current.base_dep not in PHRASE_RELATIONS:
            return False
    return False


def across_participle(parse: SentenceParse, trigger: Token, time: TimeRef) -> bool:
    """True when a participle clause modifying a noun (`_participle_clause`) holds the date or the trigger
    but not both: the clause tells an earlier act on that noun. In "countries will be subject to a rate
    lower than the rate initially announced on April 2" April 2 dates the announcement of the other rate;
    in "Today, Trump announced adjustments to tariffs imposed on imports" today dates the adjustments,
    not the imposition. A participle on the trigger's own noun phrase keeps its date ("new tariffs
    announced Monday"), and one the parser hangs on the date itself is a misparse of the main verb
    ("The committee this week called on …")."""
    dated = parse.at(time.start, time.end)
    if dated is None:
        return False
    trigger_line = [trigger, *parse.chain(trigger)]
    above_trigger = {t.index for t in trigger_line}
    meeting = None
    for token in [dated, *parse.chain(dated)]:  # up from the date to the trigger's line of heads
        if token.index in above_trigger:
            meeting = token
            break
        if _participle_clause(parse, token) and not _in_phrase_of(parse, parse.tokens[token.head], above_trigger):
            return True
    if meeting is None:
        return False
    below_meeting = trigger_line[:trigger_line.index(meeting)]
    return any(_participle_clause(parse, token) and token.head != dated.index for token in below_meeting)


def _below_trigger_line(parse: SentenceParse, trigger: Token, time: TimeRef) -> list[Token]:
    """The date's token and its heads up to, not including, the first on the trigger's line of heads; empty for
    a date the parse does not hold."""
    dated = parse.at(time.start, time.end)
    if dated is None:
        return []
    above_trigger = {trigger.index, *(t.index for t in parse.chain(trigger))}
    below = []
    for token in [dated, *parse.chain(dated)]:
        if token.index in above_trigger:
            break
        below.append(token)
    return below


def in_other_conjunct(parse: SentenceParse, trigger: Token, time: TimeRef) -> bool:
    """True when the date stands in a coordinated clause with a subject of its own that does not hold the
    trigger: in "futures fell as the market weighed Chinese tariffs, OPEC+ sticking with its plan to raise
    output in April" April dates OPEC's plan, not the tariffs."""
    for token in _below_trigger_line(parse, trigger, time):
        if token.base_dep == "conj" and parse.children(token, "nsubj"):
            return True
    return False


def in_other_relative_clause(parse: SentenceParse, trigger: Token, time: TimeRef) -> bool:
    """True when the date stands in a relative clause that does not hold the trigger: in "Chile, which mined
    a third of the world's copper in 2022, placed export curbs on ore" 2022 dates the mining the clause tells
    of the subject, not the curbs. Only a clause on a subject counts (or on a root: the parser may cut the
    subject off); a clause on an object or another phrase often dates the meeting or the pact the event is
    about ("a summit, which will take place in June"), and one on the trigger's own noun dates the event
    ("the talks, which were announced yesterday")."""
    on_line = {trigger.index, *(t.index for t in parse.chain(trigger))}
    for token in _below_trigger_line(parse, trigger, time):
        if token.dep == "acl:relcl":
            antecedent = parse.head(token)
            return (antecedent is not None and antecedent.index not in on_line
                    and antecedent.base_dep in ("nsubj", "ROOT"))
    return False


def in_sequence_phrase(parse: SentenceParse, trigger: Token, time: TimeRef, sequence_cases: frozenset[str]) -> bool:
    """True when the trigger stands in a phrase that places it before or after another moment (its case words
    one of ``sequence_cases``: "ahead of", "after", "before" …) and the date hangs on the clause that phrase
    modifies: in "the rupee rose on Tuesday ahead of the leaders' meeting" Tuesday dates the rise, not the
    meeting. A date inside the phrase stays ("after talks on Tuesday"), and so does a date after it, which the
    parser often hangs above the phrase though it is the noun's ("after negotiations in Washington this week")."""
    dated = parse.at(time.start, time.end)
    if dated is None:
        return False
    for token in [trigger, *parse.chain(trigger)]:
        if token.base_dep not in ("obl", "nmod"):
            continue
        # the case word with its fixed words and the adverb before it ("ahead of", "prior to")
        marks = [c for c in parse.children(token, "case", "advmod") if c.index < token.index]
        marks += [f for c in marks for f in parse.children(c, "fixed", "case")]
        words = [t.lower for t in sorted(marks, key=lambda t: t.index)]
        if not words:
            return False
        if any(" ".join(words[i:]) in sequence_cases for i in range(len(words))):  # "just ahead of"
            # only a date before the phrase: one after its noun is often the noun's own, hung higher by the
            # parser ("extended the pact after negotiations in Washington this week")
            first = min(t.start for t in marks)
            return (time.end <= first and dated.head == token.head
                    and dated.index not in {t.index for t in parse.subtree(token)})
        return False
    return False


def after_source_phrase(text: str, time: TimeRef, trigger_start: int, source_phrases: frozenset[str]) -> bool:
    """True when a phrase naming the report's source ("according to") stands between the trigger and the date
    after it: the date is the source's ("tariffs were declared, according to a Thursday filing")."""
    if time.start < trigger_start:
        return False
    between = " ".join(_WORD.findall(text[trigger_start:time.start].lower()))
    return any(re.search(rf"\b{re.escape(phrase)}\b", between) for phrase in source_phrases)


def in_reported_clause(text: str, parse: SentenceParse, trigger: Token, times: tuple[TimeRef, ...],
                       deadline_cases: frozenset[str] = frozenset()) -> tuple[TimeRef, ...]:
    """The dates of the clause reported by a verb of speech (the nearest ``ccomp`` on the trigger's line) when
    that clause holds one, else ``times``: in "the minister said on Tuesday that Ottawa would impose duties on
    Friday" Friday dates the duties and Tuesday the saying. A date outside the sentence's parse is kept; a
    reported clause without a date of its own leaves the saying's date ("said on Tuesday it would impose
    duties" stays dated Tuesday), and so does one whose clause gives only a deadline (``deadline_cases``: "said
    on Tuesday it plans to impose duties by Friday")."""
    clause = next((t for t in [trigger, *parse.chain(trigger)] if t.base_dep == "ccomp"), None)
    if clause is None:
        return times
    deadlines = {parse.at(t.start, t.end) for t in times if ends_a_period(text, t, deadline_cases)} - {None}
    inside, outside = [], []
    for time in times:
        dated = parse.at(time.start, time.end)
        if dated is None:
            continue
        line = {dated.index, *(t.index for t in parse.chain(dated))}
        if clause.index not in line:
            outside.append(time)
        elif dated not in deadlines and not (dated.base_dep == "conj" and parse.head(dated) in deadlines):
            inside.append(time)  # "by Monday or Tuesday": the second day is a deadline too
    if not inside or not outside:
        return times
    return tuple(t for t in times if t not in outside)


def own_times(text: str, times: tuple[TimeRef, ...], parse: SentenceParse | None, trigger: Token | None,
              period_end_cases: frozenset[str], connectives: Connectives,
              trigger_start: int | None = None, *, sequence_cases: frozenset[str] = frozenset(),
              source_phrases: frozenset[str] = frozenset(),
              deadline_cases: frozenset[str] = frozenset()) -> tuple[TimeRef, ...]:
    """The dates that may date the event at ``trigger`` (module doc): not the end of a period ("until
    March 4"), nor a date before a connective that opens the trigger's clause (`behind_connective`, from
    the words at ``trigger_start``), nor, with a parse, a date outside the adverbial clause the trigger
    stands in, nor a date on the other side of a participle clause (`across_participle`), nor one in a
    coordinated clause with its own subject that does not hold the trigger (`in_other_conjunct`) or in a
    relative clause that does not (`in_other_relative_clause`), nor one outside a phrase that places the trigger before or after another moment (`in_sequence_phrase`), nor one
    after a phrase naming the report's source (`after_source_phrase`), nor, when the clause a verb of speech
    reports holds a date, one outside it (`in_reported_clause`)."""
    kept = tuple(t for t in times if not ends_a_period(text, t, period_end_cases) and not (
        trigger_start is not None and (behind_connective(text, t, trigger_start, connectives)
                                       or after_source_phrase(text, t, trigger_start, source_phrases))) and not (
        parse is not None and trigger is not None and (outside_subordinate(parse, trigger, t, connectives.words)
                                                       or across_participle(parse, trigger, t)
                                                       or in_other_conjunct(parse, trigger, t)
                                                       or in_other_relative_clause(parse, trigger, t)
                                                       or in_sequence_phrase(parse, trigger, t, sequence_cases))))
    return kept if parse is None or trigger is None else in_reported_clause(text, parse, trigger, kept,
                                                                                     deadline_cases)


# How far before a date an effective-day cue may begin ("on or after 12:01 a.m. eastern daylight time on "); one
# reach for the act's date here and the effective day itself (`pipeline.events.effective.cued_days`).
EFFECTIVE_CUE_REACH = 120


def introduced_as_effective(text: str, time: TimeRef, effective_cue: re.Pattern[str], *, floor: int = 0) -> bool:
    """True when the words right before the date say the measure takes effect on it ("effective from March 4",
    "takes effect on Tuesday": ``effective_day_cues`` of ``models/events/arguments.json``); the words are read
    from ``floor`` at the earliest (a sentence's start, `pipeline.events.effective.cued_days`)."""
    return effective_cue.search(text[max(floor, time.start - EFFECTIVE_CUE_REACH):time.start]) is not None


def act_date_over_effective(text: str, when: TimeRef | None, times: Callable[[], Sequence[TimeRef]],
                            parse: SentenceParse | None, trigger: Token | None, effective_cue: re.Pattern[str] | None,
                            usable: Callable[[TimeRef], bool]) -> TimeRef | None:
    """The date of the act that sets a measure, in place of ``when`` when ``when`` is only the day the measure takes
    effect: in "signed an order Monday imposing a 25% tariff on steel and raising duties on aluminum, both effective
    from March 4" Monday dates both measures (March 4 is their ``effective_date``, `pipeline.events.effective`),
    though March 4 stands nearer the second trigger. ``times`` gives the sentence's dates, asked for only once
    ``when`` proves an effective day (most triggers' dates are not, and sorting a sentence's dates costs a walk of
    its parse). The act's date is a date of ``times()`` (``usable``, not itself
    so introduced) that hangs on a word of the trigger's line of heads ("signed", above "imposing" and
    "raising"), the nearest to the trigger; without one, or without a parse, ``when`` stays ("the tariffs will
    take effect on March 4")."""
    if when is None or parse is None or trigger is None or effective_cue is None \
            or not introduced_as_effective(text, when, effective_cue):
        return when
    line = {trigger.index, *(t.index for t in parse.chain(trigger))}
    acts = []
    for time in times():
        if time is when or not usable(time) or introduced_as_effective(text, time, effective_cue):
            continue
        dated = parse.at(time.start, time.end)
        if dated is not None and dated.index not in line and dated.head in line:
            acts.append(time)
    return min(acts, key=lambda t: (abs(t.start - trigger.start), t.start), default=when)


# A weekend as TIMEX3 writes it ("2025-W06-WE"): the ISO week it belongs to is the first group.
_WEEKEND = re.compile(r"(\d{4}-W\d{2})-WE")


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _alternative_day(text: str, when: TimeRef, times: tuple[TimeRef, ...], joiners: frozenset[str]) -> date | None:
    """The other day of two days joined as alternatives around ``when`` ("on Tuesday or Wednesday"), or None."""
    for other in times:
        if other is when or other.timex_type != "DATE" or not other.value or not _DAY.fullmatch(other.value):
            continue
        between = text[when.end:other.start] if other.start >= when.end else text[other.end:when.start]
        words = _WORD.findall(between.lower())
        if len(words) == 1 and words[0] in joiners and not re.search(r"[;:.]", between):
            return date.fromisoformat(other.value)
    return None


def event_date_value(text: str, when: TimeRef, times: tuple[TimeRef, ...], joiners: frozenset[str]) -> str | None:
    """The ``event_date`` the date ``when`` gives an event: its value, in the forms an event date takes (a day, a
    month, a week …), with two changes.

    - Two days offered as alternatives (joined by a word of ``joiners``: "will announce tariffs on Tuesday or
      Wednesday") date the event by the ISO week that holds both; in different weeks the day chosen stays.
    - A weekend ("over the weekend", TIMEX3 ``2025-W06-WE``) dates it by its ISO week (``2025-W06``): the
      annotation gives an event's date as a day, a month or a week, and dates what was done "over the weekend"
      by the week.
    """
    value = when.value
    if value is None:
        return None
    if match := _WEEKEND.fullmatch(value):
        return match.group(1)
    if _DAY.fullmatch(value) and (other := _alternative_day(text, when, times, joiners)) is not None:
        day = date.fromisoformat(value)
        if _iso_week(day) == _iso_week(other):
            return _iso_week(day)
    return value
