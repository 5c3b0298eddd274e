"""Date, duration and set mentions → ``dates`` rows with TIMEX3 values resolved against an anchor.

The extract stage finds the expressions and labels them with what they say
(`pipeline.nlp.dates`: ``kind=weekday;weekday=4``, ``kind=shift;shift=1;unit=M``
…); this module turns each into a TIMEX3 value. Deterministic: the
language is fixed (English), the time zone is UTC, nothing reads the clock.

The anchor is the reporter's day: the month and day of the dateline when it
carries one ("TAUPO, New Zealand, March 23" on a story stamped 1987-03-22
22:08 UTC is 1987-03-23), with the year of ``published_at`` (adjusted across
a year boundary); else the UTC date of ``published_at``. Without a
publication date relative expressions stay unresolved (``value`` null,
``resolved`` false); absolute ones ("April 2, 2025", "1986") still resolve.

Resolution rules:

- granularity is kept: "June" → ``2025-06``, "this week" → ``2025-W18``,
  "1986" → ``1986``, "next quarter" → ``2025-Q3``;
- a bare weekday is the latest such day on or before the anchor in past
  narration (the default), the first on or after it when the sentence speaks of
  the future ("will meet on Wednesday"); the anchor's own weekday is the anchor
  either way ("on Friday" in a Friday story); "last"/"next"/"this" say it outright;
- a bare month (or month and day) without a year is in the anchor's year,
  unless the sentence is past and the month is after the anchor's (the
  previous year: "In November, Trump promised" in March 2025 → 2024-11) or
  future and before it (the next year); "as early as" counts as future;
  without a tense cue it is the nearest such month: last year's when more than
  half a year ahead ("output shrank in December", written in February), except
  after "by", "until", "for", "a" … (``date_context.csv``, column ``nearest``);
- a week or weekend of a month ("the last week of March", "the first weekend in
  February") takes the month's year as a bare month does, then the ISO week holding
  the month's n-th (or last) Thursday, or the weekend of its n-th Saturday
  (``2025-W13``, ``2025-W05-WE``; ``models/dates/week_positions.csv``);
- a bare weekday in the future that is the day before the anchor, in a story
  stamped before `EVENING_BEFORE_UTC_HOURS` UTC without a dateline day, is that
  day: the reporter's own ("will sign on Monday" stamped 02:30 UTC Tuesday);
  and when such a story names that day's weekday bare and never the UTC day's
  ("the loonie closed higher on Monday"), it says it was written that evening:
  the day before is the anchor of all its dates ("take effect today" is that
  Monday, "Last Tuesday" the Tuesday before it);
- a season without a year is the anchor's year's (the winter under way in
  January), moved by "last"/"next" or by tense as a quarter is: "until the
  fall", written in February 2025, is ``2025-FA``;
- a quarter without a year or tense cue is the nearest such quarter
  ("fourth-quarter profit" reported in February is last year's);
- a half ("the second half", "2H 2025", "the June half": ``2025-H2``, ``2025-H1``)
  without a year is the anchor's, moved by "next year"/"last year" or by
  tense as a quarter is; a fiscal year is named by the year it ends in
  ("fiscal 2025/26", "FY26": ``FY2026``, granularity ``fiscal_year``) and
  never resolved against the anchor: which months it covers is the issuer's;
- the tense of a weekday or weekend is its governing verb's where the
  sentence was parsed (`pipeline.normalize.date_tense`: its auxiliaries,
  tense and form in ``tokens``; the present makes it future);
- elsewhere, or where the parse says nothing, the tense is the nearest cue word
  (``models/dates/tense.csv``, or a verb in "-ed") within the expression's
  clause: 8 words before, 6 after; for a weekday or weekend with no cue there,
  up to 20 words before (``models/dates/tense_reach.csv``) ("will meet farm groups at 0900 GMT and the trade
  committee the same time Wednesday");
- modifiers: inside the span from the label ("about five years" APPROX,
  "late last year" END), else the words right before it
  (``models/dates/modifiers.csv``: "as early as June" AS_EARLY_AS, "by" and
  "before" BEFORE, "since" and "after" AFTER, "around" APPROX), never an
  amount ("over the weekend" is no MORE_THAN);
- numeric dates ("4/9/2025", month first) are read by ``datetime.strptime``:
  a two-digit year is 1969-2068 ("12/31/86" → 1986-12-31), a day the month
  does not have ("2/30/2025") makes no date;
- spans overlapping a ``rate`` or ``money`` mention are skipped.

The word lists and the tense and modifier look-ups are in `pipeline.normalize.date_context`,
the tense from the parse in `pipeline.normalize.date_tense`, the values in
`pipeline.normalize.date_values`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import date, timedelta, timezone
from functools import lru_cache
from typing import Any

from pipeline.labels import parse_label
from pipeline.normalize.date_context import DateResources, load_dates, modifier_before, tense_near, word_before
from pipeline.normalize.date_tense import ParsedSentence, sentences_by_index, simple_past_in, tense_from_parse
from pipeline.normalize.date_values import SIMPLE_PAST, STAY, Resolution, duration_value, resolve
from pipeline.normalize.registry import Normalizer
from pipeline.views import ArticleView, Mention, Sentence

TIMEX_TYPES = {"date": "DATE", "duration": "DURATION", "set": "SET"}
MASKING_KINDS = frozenset({"rate", "money"})
# The kinds of date whose value `resolve` moves by tense, when no year is stated and an anchor is known
# (finding the tense reads the clause word by word, so it is done only for these).
TENSE_KINDS = frozenset({"calendar", "month", "week_of_month", "quarter", "season", "half", "weekday", "weekend"})
# The kinds whose tense is read from the parse where there is one (see `clause_tense`).
PARSE_KINDS = frozenset({"weekday", "weekend"})
# The kinds that, without a tense cue, are the nearest such period, except after the words of
# ``date_context.csv`` marked ``nearest: no`` ("by December"), where they stay in the anchor's year.
NEAREST_KINDS = frozenset({"calendar", "month", "week_of_month"})
# How far the dateline's day may be from the publication date and still be the reporter's day.
DATELINE_SLACK_DAYS = 3


# -- the anchor ------------------------------------------------------------------------------------

def anchor_day(article: ArticleView, resources: DateResources) -> date | None:
    """The day relative expressions are resolved from (see the module docstring), or None."""
    if article.published_at is None:
        return None
    published = article.published_at.astimezone(timezone.utc).date()
    match = resources.dateline_day.search(article.dateline or "")
    if not match:
        return published
    month = resources.months.get(match.group(1).upper())
    day = int(match.group(2))
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except (TypeError, ValueError):
            continue
    if not candidates:
        return published
    nearest = min(candidates, key=lambda d: abs((d - published).days))
    return nearest if abs((nearest - published).days) <= DATELINE_SLACK_DAYS else published


# A story stamped before this hour (UTC) may have been written the evening before in the Americas (00:00 UTC
# is 8 p.m. in New York in summer, 4 p.m. in Los Angeles). A future weekday that is the UTC day before is
# moved to it (`told_on_the_evening_before`); "today" only when the story itself names the day before as its
# own and never the UTC day (`written_the_evening_before`), as it otherwise says nothing of where it was written.
EVENING_BEFORE_UTC_HOURS = 6


def evening_before(article: ArticleView, anchor: date | None, resources: DateResources) -> date | None:
    """The UTC day before the anchor when the story may have been written on it: the dateline names no day
    (a dated dateline, "TOKYO, Oct 19", is the reporter's own day even when it is the UTC day), the anchor
    is the UTC publication day and the stamp is before `EVENING_BEFORE_UTC_HOURS`; else None."""
    if anchor is None or article.published_at is None or resources.dateline_day.search(article.dateline or ""):
        return None
    published = article.published_at.astimezone(timezone.utc)
    if published.date() != anchor or published.hour >= EVENING_BEFORE_UTC_HOURS:
        return None
    return anchor - timedelta(days=1)


def written_the_evening_before(article: ArticleView, mentions: Sequence[Mention], eve: date | None) -> bool:
    """The story says it was written on the evening before its UTC stamp: it names the eve's weekday bare
    ("the loonie closed higher on Monday", stamped 01:00 UTC Tuesday) and never the stamp's own. Its "today",
    "last Tuesday" and "this week" are then the reporter's: "China's duties take effect today" is Monday, and
    "Last Tuesday" written on a Tuesday is the one a week before, not that same day. A stamp of midnight
    exactly is a date without a time (many sources give only the day), which says nothing of an evening."""
    if eve is None or article.published_at is None:
        return False
    stamp = article.published_at.astimezone(timezone.utc)
    if (stamp.hour, stamp.minute, stamp.second) == (0, 0, 0):
        return False
    named = {fields.get("weekday") for fields in (_label_fields(m.label) for m in mentions if m.kind == "date")
             if fields.get("kind") == "weekday" and not fields.get("shift")}
    return str(eve.isoweekday()) in named and str((eve + timedelta(days=1)).isoweekday()) not in named


def told_on_the_evening_before(fields: Mapping[str, str], tense: str | None, eve: date | None) -> bool:
    """A bare weekday in the future that is the day before the anchor, in a story stamped in the early UTC
    hours: the reporter's own day ("will speak on Monday" stamped 02:00 UTC Tuesday is that Monday, not
    the next; a weekday six days ahead is written "next Monday")."""
    return (eve is not None and tense == "future" and fields.get("kind") == "weekday" and not fields.get("shift")
            and fields.get("weekday") == str(eve.isoweekday()))


# -- the normalizer --------------------------------------------------------------------------------

# The same labels ("kind=year;year=1987") come back in every article, and with the same anchor day so do
# their values (three in four resolutions repeat one before): both are pure, so their answers are kept.
LABEL_CACHE_SIZE = 16_384
# What `clause_tense` and the rules after it can answer besides None.
TENSE_ANSWERS = ("past", "future", SIMPLE_PAST, STAY)


@lru_cache(maxsize=LABEL_CACHE_SIZE)
def _label_fields(label: str | None) -> Mapping[str, str]:
    """`parse_label`, kept: shared by every mention with that label, so only ever read."""
    return parse_label(label)


@lru_cache(maxsize=3 * LABEL_CACHE_SIZE)  # a label may be resolved with no tense, past and future
def _resolution(label: str | None, anchor: date | None, tense: str | None, text: str) -> Resolution:
    """`resolve` of the label's fields, kept."""
    return resolve(_label_fields(label), anchor, tense, text)


def sentence_bounds(position: int, sentences: Sequence[Sentence], starts: Sequence[int],
                    text: str) -> tuple[int, int]:
    """The sentence holding ``position`` (``starts``: the sorted sentence starts); its line when none does."""
    index = bisect_right(starts, position) - 1
    if index >= 0 and sentences[index].start <= position < sentences[index].end:
        return sentences[index].start, sentences[index].end
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, (end if end >= 0 else len(text))


def clause_tense(text: str, mention: Mention, kind: str | None, bounds: tuple[int, int],
                 parses: Mapping[int, ParsedSentence], resources: DateResources) -> str | None:
    """``past``, ``future``, `SIMPLE_PAST` or None: the tense a date without a year is resolved by.

    For a weekday or a weekend in a parsed sentence, the tense of its governing verb
    (`tense_from_parse`; the present makes it future: "duties apply from Wednesday"). Elsewhere,
    and where the parse says nothing, the cue words near the date (`tense_near`); for a weekday
    or weekend without one in reach, the clause farther back (``far_before`` of ``tense_reach.csv``).
    Months, days of a month and quarters keep the cue words: on the Reuters archive the governing
    verb's tense moved more of them wrongly than rightly, as a past verb often sets a later date
    ("put a deadline of October 1", "a meeting has been arranged for April 21"). One reading of a
    bare month by its verb is kept: an "in" adverbial of a simple past verb ("was fired in July",
    written in March, is last July; `simple_past_in`), which those misreadings do not take.
    """
    if kind in ("month", "week_of_month") and (sentence := parses.get(mention.sentence_index)) is not None \
            and simple_past_in(sentence, mention.start, mention.end):
        return SIMPLE_PAST  # "was fired in July", written in March: last July
    parsed = parses.get(mention.sentence_index) if kind in PARSE_KINDS else None
    if parsed is not None:
        tense = tense_from_parse(parsed, mention.start, mention.end, resources.tenses, resources.tense_predicates,
                                 resources.auxiliaries)
        if tense is not None:
            return "future" if tense == "present" else tense
    tense = tense_near(text, mention.start, mention.end, bounds, resources)
    if tense is None and kind in PARSE_KINDS:  # no cue near a weekday: its clause's verb may lie farther back
        tense = tense_near(text, mention.start, mention.end, bounds, resources, far=True)
    return tense


def set_or_duration_value(timex_type: str, num: float, unit: str) -> str:
    """The value of a duration or a set: "every quarter" is ``P3M``, as "quarterly" is (``sets.csv``);
    a duration keeps its quarters ("two consecutive quarters" ``P2Q``)."""
    if timex_type == "SET" and unit == "Q":
        return duration_value(3 * num, "M")
    return duration_value(num, unit)


def normalize_dates(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                    done: Mapping[str, list[dict]], resources: DateResources) -> list[dict[str, Any]]:
    """One ``dates`` row per date, duration and set mention of the article."""
    anchor = anchor_day(article, resources)
    eve = evening_before(article, anchor, resources)
    if written_the_evening_before(article, mentions, eve):
        anchor, eve = eve, None
    anchor_text = anchor.isoformat() if anchor is not None else None
    masks = [(m.start, m.end) for m in mentions if m.kind in MASKING_KINDS]
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    rows: list[dict[str, Any]] = []
    parses: dict[int, ParsedSentence] | None = None  # the parsed sentences, indexed when a date needs one
    # Only the date kinds are sorted (a fifth of the mentions): the same order, as the sort is stable.
    for mention in sorted((m for m in mentions if m.kind in TIMEX_TYPES), key=lambda m: (m.start, m.end)):
        timex_type = TIMEX_TYPES[mention.kind]
        if any(mention.start < end and start < mention.end for start, end in masks):
            continue
        fields = _label_fields(mention.label)
        bounds = sentence_bounds(mention.start, ordered, starts, article.text)
        modifier = fields.get("mod")
        if modifier is None and timex_type == "DATE":  # "after eight days" does not bound a duration
            modifier = modifier_before(article.text, mention.start, bounds, resources)
        row = {"article_id": article.article_id, "mention_id": mention.mention_id, "text": mention.text,
               "timex_type": timex_type, "value": None, "granularity": None, "anchor": None,
               "modifier": modifier, "resolved": True, "start_char": mention.start, "end_char": mention.end}
        if timex_type == "DATE":
            result = _resolution(mention.label, anchor, None, mention.text)
            # Finding the tense reads the clause word by word, and nine dates in ten resolve the same
            # whatever it is ("March" written in March, "next Friday"): it is read only when it matters.
            if anchor is not None and not fields.get("year") and fields.get("kind") in TENSE_KINDS \
                    and any(_resolution(mention.label, anchor, tense, mention.text) != result
                            for tense in TENSE_ANSWERS):
                if parses is None:
                    parses = sentences_by_index(article.tokens)
                tense = clause_tense(article.text, mention, fields.get("kind"), bounds, parses, resources)
                if tense is None and modifier == "AS_EARLY_AS":
                    tense = "future"
                elif tense is None and fields.get("kind") in NEAREST_KINDS \
                        and word_before(article.text, mention.start, bounds) in resources.stay_after:
                    tense = STAY  # "by December": no cue, and no sign it is past
                result = _resolution(mention.label, anchor, tense, mention.text)
                if told_on_the_evening_before(fields, tense, eve):
                    result = _resolution(mention.label, anchor - timedelta(days=1), tense, mention.text)
            row.update(value=result.value, granularity=result.granularity, resolved=result.value is not None,
                       anchor=anchor_text if result.relative and result.value else None)
        elif fields.get("value"):
            row["value"] = fields["value"]
        elif fields.get("unit"):
            row["value"] = set_or_duration_value(timex_type, float(fields.get("num") or 1), fields["unit"])
        else:
            row["resolved"] = False
        rows.append(row)
    return rows


NORMALIZER = Normalizer("dates", normalize_dates, load_dates)
