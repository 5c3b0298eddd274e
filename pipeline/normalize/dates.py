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
  narration (the default), the next one after it when the sentence speaks of
  the future ("will meet on Wednesday"); "last"/"next"/"this" say it outright;
- a bare month (or month and day) without a year is in the anchor's year,
  unless the sentence is past and the month is after the anchor's (the
  previous year: "In November, Trump promised" in March 2025 → 2024-11) or
  future and before it (the next year); "as early as" counts as future;
- the tense is the nearest cue word (``models/dates/tense.csv``, or a verb in
  "-ed") within the expression's clause: 8 words before, 6 after;
- modifiers: inside the span from the label ("about five years" APPROX,
  "late last year" END), else the words right before it
  (``models/dates/modifiers.csv``: "as early as June" AS_EARLY_AS, "by" and
  "before" BEFORE, "since" and "after" AFTER);
- numeric dates ("4/9/2025", month first) are read by ``datetime.strptime``:
  a two-digit year is 1969-2068 ("12/31/86" → 1986-12-31), a day the month
  does not have ("2/30/2025") makes no date;
- spans overlapping a ``rate`` or ``money`` mention are skipped.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any


from pipeline.labels import parse_label
from pipeline.normalize.phrases import phrase_alternation
from pipeline.normalize.types import ArticleView, Mention, Sentence
from pipeline.stages.normalize import Normalizer

TENSES = ("past", "future", "report", "none", "boundary", "joins")
TIMEX_TYPES = {"date": "DATE", "duration": "DURATION", "set": "SET"}
MASKING_KINDS = frozenset({"rate", "money"})
# The kinds of date whose value `resolve` moves by tense, when no year is stated and an anchor is known
# (finding the tense reads the clause word by word, so it is done only for these).
TENSE_KINDS = frozenset({"calendar", "month", "quarter", "weekday", "weekend"})
WORDS_BEFORE = 8
WORDS_AFTER = 6
AFTER_PENALTY = 3
# How far from the anchor a month or day without a year may be moved by tense (see `year_by_tense`).
REACH_MONTHS = 6
REACH_DAYS = 183
# How far the dateline's day may be from the publication date and still be the reporter's day.
DATELINE_SLACK_DAYS = 3
# Characters that end the stretch of text whose words set the tense of an expression.
_CLAUSE_BREAK = re.compile(r"[;:“”\"()\n]|\s[-–—]+\s")
_WORD = re.compile(r"[\w'’]+")
_BE_FORMS = frozenset({"be", "been", "being", "is", "are", "am", "'s", "’s"})
_PRESENT_BE = frozenset({"is", "are", "am"})
_PAST_VERB = re.compile(r"[a-z]{2,}ed", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateResources:
    """The word lists the dates normalizer reads from ``models/dates/``."""

    months: Mapping[str, int]
    dateline_day: re.Pattern
    tenses: Mapping[str, str]
    tense_cues: re.Pattern
    modifiers_before: re.Pattern
    modifier_codes: Mapping[str, str]
    longest_cue: int  # words in the longest tense cue


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def load_dates(models_dir: Path) -> DateResources:
    """Read the months, tense cues and modifiers under ``models_dir/dates``."""
    folder = models_dir / "dates"
    months = {row["form"].upper(): int(row["month"]) for row in _rows(folder / "months.csv")}
    tenses = {}
    for row in _rows(folder / "tense.csv"):
        if row["tense"] not in TENSES:
            raise ValueError(f"tense.csv: {row['word']!r} has tense {row['tense']!r}; expected one of {TENSES}")
        tenses[" ".join(row["word"].lower().split())] = row["tense"]
    plain = [w for w in tenses if w[0].isalnum()]
    clitics = [w for w in tenses if not w[0].isalnum()]  # "'ll" follows its pronoun without a space
    # Word lists as tries (`pipeline.normalize.phrases`): these patterns run for every date mention.
    cue_pattern = rf"(?<![\w'’])(?:{phrase_alternation(plain, ignore_case=True)})(?![\w'’])"
    if clitics:
        cue_pattern += rf"|(?:{phrase_alternation(clitics, ignore_case=True)})(?!\w)"
    modifiers = _rows(folder / "modifiers.csv")
    codes = {" ".join(row["phrase"].lower().split()).rstrip("-"): row["modifier"] for row in modifiers}
    month_forms = list(months) + [m.title() for m in months]
    return DateResources(
        months=months,
        dateline_day=re.compile(rf"(?-i:({phrase_alternation(month_forms, ignore_case=False)}))"
                                r"\s+(3[01]|[12]\d|0?[1-9])\b"),
        tenses=tenses,
        tense_cues=re.compile(cue_pattern, re.IGNORECASE),
        modifiers_before=re.compile(rf"(?:^|(?<=[^\w-]))({phrase_alternation(list(codes), ignore_case=True)})[\s-]*$",
                                    re.IGNORECASE),
        modifier_codes=codes,
        longest_cue=max((len(word.split()) for word in tenses), default=1),
    )


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


# -- context: tense and modifiers ------------------------------------------------------------------

def tense_near(text: str, start: int, end: int, bounds: tuple[int, int], resources: DateResources) -> str | None:
    """``past``, ``future`` or None: the tense cue nearest to ``[start, end)`` within its clause.

    Cues count up to `WORDS_BEFORE` words before the expression and `WORDS_AFTER` after it; one
    after counts `AFTER_PENALTY` words farther, as a verb after a date more often opens a
    participle ("from July 1, followed by ...") than governs it.
    """
    left = text[bounds[0]:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    right = text[end:bounds[1]]
    first_break = _CLAUSE_BREAK.search(right)
    if first_break:
        right = right[:first_break.start()]
    # Only the words within reach can hold a cue that counts; a cue's length and the word before it
    # (an auxiliary) are the most that a cue within reach looks beyond it. Cutting the rest first
    # spares scanning long sentences word by word, which was most of the normalizer's time.
    margin = resources.longest_cue + 1
    before = _WORD.findall(left)[-(WORDS_BEFORE + margin):]
    after = _WORD.findall(right)[:WORDS_AFTER + margin]
    # A conjunction opens another clause: its words do not tell this expression's tense.
    for index in range(len(before) - 1, -1, -1):
        if resources.tenses.get(before[index].lower()) == "boundary":
            before = before[index + 1:]
            break
    for index, word in enumerate(after):
        if resources.tenses.get(word.lower()) in ("boundary", "joins"):
            after = after[:index]
            break
    best: tuple[int, int, str] | None = None
    for side, words in ((0, before), (1, after)):
        for index, tense in _cues(words, resources):
            distance = len(words) - 1 - index if side == 0 else index
            if distance >= (WORDS_BEFORE if side == 0 else WORDS_AFTER):
                continue
            if tense == "report":
                if side == 1:
                    continue  # "a deal in June, he said": the saying, not what was said
                tense = "past"
            key = (distance + side * AFTER_PENALTY, side, tense)
            best = min(best or key, key)
    return best[2] if best else None


def _cues(words: Sequence[str], resources: DateResources) -> list[tuple[int, str]]:
    """``(index of the cue's last word, tense)`` for every tense cue among ``words``."""
    found = []
    joined = " ".join(words)
    for match in resources.tense_cues.finditer(joined):
        tense = resources.tenses.get(" ".join(match.group(0).lower().split()))
        index = joined[:match.end()].count(" ")
        preceding = words[index - len(match.group(0).split())].lower() if index >= len(match.group(0).split()) else ""
        if tense == "past" and preceding in _BE_FORMS:
            continue  # "to be held", "will be made": the auxiliary carries the tense
        if tense in ("past", "future", "report"):
            found.append((index, tense))
    previous = ""
    for index, word in enumerate(words):
        lowered = word.lower()
        if previous in _PRESENT_BE and lowered.endswith("ing") and len(word) > 5:
            found.append((index, "future"))  # "is meeting on Thursday": the progressive with a date
        elif lowered.endswith("ed") and previous not in _BE_FORMS and lowered not in resources.tenses \
                and _PAST_VERB.fullmatch(word) and not word[0].isupper():
            found.append((index, "past"))  # a verb in "-ed" (a passive's auxiliary decides instead)
        previous = lowered
    return found


def modifier_before(text: str, start: int, bounds: tuple[int, int], resources: DateResources) -> str | None:
    """The modifier stated right before the span ("as early as", "by", "since" …), if any."""
    before = text[max(bounds[0], start - 40):start]
    match = resources.modifiers_before.search(before)
    return resources.modifier_codes.get(" ".join(match.group(1).lower().split())) if match else None


# -- calendar arithmetic ---------------------------------------------------------------------------

def iso_week(day: date) -> str:
    """TIMEX3 week value: 2025-05-02 → ``2025-W18``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months``."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def quarter_of(month: int) -> int:
    """The quarter (1-4) a month is in."""
    return (month - 1) // 3 + 1


def year_by_tense(anchor: date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) stated without one: the anchor's, moved by tense.

    Past narration moves a later month or day back a year, the future an earlier one forward, but
    only within `REACH_MONTHS` months (`REACH_DAYS` days) of the anchor: "In November, Trump
    promised" written in March is last November, "will take effect on January 5" written in
    November next January. Farther off, the cue was more likely a passing verb ("said its board
    voted to seek approval at its April 27 meeting", written in March) and a story that meant
    another year would name it.
    """
    stated = (month, day or 0)
    reference = (anchor.month, anchor.day if day else 0)
    if tense == "past" and stated > reference and _within_reach(anchor, anchor.year - 1, month, day):
        return anchor.year - 1
    if tense == "future" and stated < reference and _within_reach(anchor, anchor.year + 1, month, day):
        return anchor.year + 1
    return anchor.year


def _within_reach(anchor: date, year: int, month: int, day: int | None) -> bool:
    if day is None:
        return abs((year - anchor.year) * 12 + month - anchor.month) <= REACH_MONTHS
    try:
        return abs((date(year, month, day) - anchor).days) <= REACH_DAYS
    except ValueError:  # February 29 outside a leap year
        return False


def weekday_by_tense(anchor: date, weekday: int, shift: int | None, tense: str | None) -> date:
    """The date of a weekday (ISO number) relative to the anchor."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if shift == 0:  # "this Friday": in the anchor's week
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    if shift == -1:
        return anchor - timedelta(days=back or 7)
    if shift is not None and shift > 0 or tense == "future":
        return anchor + timedelta(days=ahead or 7)
    return anchor - timedelta(days=back)


def format_amount(value: float) -> str:
    """90.0 → "90", 2.5 → "2.5"."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def duration_value(num: float, unit: str) -> str:
    """TIMEX3 duration: (90, D) → ``P90D``; (48, H) → ``PT48H``; (30, MIN) → ``PT30M``."""
    if unit == "H":
        return f"PT{format_amount(num)}H"
    if unit == "MIN":
        return f"PT{format_amount(num)}M"
    return f"P{format_amount(num)}{unit}"


@lru_cache(maxsize=8192)
def parse_numeric(text: str) -> date | None:
    """A numeric date, month first ("4/9/2025", "12/31/86"); None when ``text`` is not one."""
    year = text.rpartition("/")[2]
    try:
        return datetime.strptime(text, "%m/%d/%Y" if len(year) == 4 else "%m/%d/%y").date()
    except ValueError:
        return None


# -- resolution ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Resolution:
    """A TIMEX3 value, its granularity and whether the anchor was used."""

    value: str | None
    granularity: str | None
    relative: bool


UNRESOLVED = Resolution(None, None, True)


def _int(fields: Mapping[str, str], key: str) -> int | None:
    value = fields.get(key)
    return int(float(value)) if value not in (None, "") else None


def resolve(fields: Mapping[str, str], anchor: date | None, tense: str | None, text: str,
            previous_week: str | None) -> Resolution:
    """The TIMEX3 value of one DATE mention from its label ``fields`` (see the module docstring)."""
    kind = fields.get("kind")
    month, day, year = _int(fields, "month"), _int(fields, "day"), _int(fields, "year")
    shift, yshift = _int(fields, "shift"), _int(fields, "yshift")
    unit = fields.get("unit")
    num = float(fields["num"]) if fields.get("num") else 1.0
    try:
        if kind == "numeric":
            parsed = parse_numeric(text)
            return Resolution(parsed.isoformat(), "day", False) if parsed else Resolution(None, None, False)
        if kind == "year" and year:
            return Resolution(f"{year:04d}", "year", False)
        if kind == "calendar" and month and day:
            if year:
                return Resolution(date(year, month, day).isoformat(), "day", False)
            if anchor is None:
                return UNRESOLVED
            return Resolution(_calendar_without_year(anchor, month, day, _int(fields, "weekday"), shift,
                                                     tense).isoformat(), "day", True)
        if kind == "month" and month:
            if year:
                return Resolution(f"{year:04d}-{month:02d}", "month", False)
            if anchor is None:
                return UNRESOLVED
            if yshift is not None:
                resolved_year = anchor.year + yshift
            elif shift == -1:
                resolved_year = anchor.year if month < anchor.month else anchor.year - 1
            elif shift is not None and shift > 0:
                resolved_year = anchor.year if month > anchor.month else anchor.year + 1
            elif shift == 0:
                resolved_year = anchor.year
            else:
                resolved_year = year_by_tense(anchor, month, None, tense)
            return Resolution(f"{resolved_year:04d}-{month:02d}", "month", True)
        if kind == "quarter" and fields.get("quarter"):
            quarter = _int(fields, "quarter")
            if year:
                return Resolution(f"{year:04d}-Q{quarter}", "quarter", False)
            if anchor is None:
                return UNRESOLVED
            if yshift is not None:
                resolved_year = anchor.year + yshift
            else:
                resolved_year = anchor.year
                current = quarter_of(anchor.month)
                if tense == "past" and quarter > current:
                    resolved_year -= 1
                elif tense == "future" and quarter < current:
                    resolved_year += 1
            return Resolution(f"{resolved_year:04d}-Q{quarter}", "quarter", True)
        if anchor is None:
            return UNRESOLVED
        if kind == "dayword":
            return Resolution((anchor + timedelta(days=shift or 0)).isoformat(), "day", True)
        if kind == "weekday" and fields.get("weekday"):
            return Resolution(weekday_by_tense(anchor, _int(fields, "weekday"), shift, tense).isoformat(), "day", True)
        if kind == "shift" and unit:
            return Resolution(*_shifted(anchor, unit, shift or 0), True)
        if kind == "week_after":
            if previous_week:
                year_text, week_text = previous_week.split("-W")
                monday = date.fromisocalendar(int(year_text), int(week_text[:2]), 1)
                return Resolution(iso_week(monday + timedelta(weeks=1)), "week", True)
            return Resolution(iso_week(anchor + timedelta(weeks=1)), "week", True)
        if kind == "weekend":
            if shift is None:  # "the weekend": the last one in past narration, the coming one in future
                if tense == "future":
                    shift = 0 if anchor.isoweekday() < 6 else 1
                else:
                    shift = 0 if anchor.isoweekday() >= 6 else -1
            return Resolution(iso_week(anchor + timedelta(weeks=shift)) + "-WE", "week", True)
        if kind == "ago" and unit:
            return Resolution(*_ago(anchor, num, unit), True)
    except (ValueError, OverflowError):  # "February 30", "4,000,000 weeks ago": no calendar date
        return Resolution(None, None, anchor is not None)
    return Resolution(None, None, False)


# The same labels ("kind=year;year=1987") come back in every article, and with the same anchor day so do
# their values (three in four resolutions repeat one before): both are pure, so their answers are kept.
LABEL_CACHE_SIZE = 16_384
# What `tense_near` can answer besides None.
TENSE_ANSWERS = ("past", "future")


@lru_cache(maxsize=LABEL_CACHE_SIZE)
def _label_fields(label: str | None) -> Mapping[str, str]:
    """`parse_label`, kept: shared by every mention with that label, so only ever read."""
    return parse_label(label)


@lru_cache(maxsize=3 * LABEL_CACHE_SIZE)  # a label may be resolved with no tense, past and future
def _resolution(label: str | None, anchor: date | None, tense: str | None, text: str,
                previous_week: str | None) -> Resolution:
    """`resolve` of the label's fields, kept."""
    return resolve(_label_fields(label), anchor, tense, text, previous_week)


def _calendar_without_year(anchor: date, month: int, day: int, weekday: int | None, shift: int | None,
                           tense: str | None) -> date:
    if shift == -1:  # "last March 27": the latest one before the anchor
        candidate = date(anchor.year, month, day)
        return candidate if candidate < anchor else date(anchor.year - 1, month, day)
    if shift is not None and shift > 0:
        candidate = date(anchor.year, month, day)
        return candidate if candidate > anchor else date(anchor.year + 1, month, day)
    year = year_by_tense(anchor, month, day, tense)
    if weekday:  # "Tuesday, March 4": prefer the year in which the weekday fits
        for candidate_year in (year, anchor.year, anchor.year - 1, anchor.year + 1):
            try:
                if date(candidate_year, month, day).isoweekday() == weekday:
                    return date(candidate_year, month, day)
            except ValueError:
                continue
    return date(year, month, day)


def _shifted(anchor: date, unit: str, shift: int) -> tuple[str, str]:
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=shift)), "week"
    if unit == "M":
        year, month = add_months(anchor.year, anchor.month, shift)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "Q":
        year, month = add_months(anchor.year, anchor.month, 3 * shift)
        return f"{year:04d}-Q{quarter_of(month)}", "quarter"
    if unit == "Y":
        return f"{anchor.year + shift:04d}", "year"
    if unit == "D":
        return (anchor + timedelta(days=shift)).isoformat(), "day"
    raise ValueError(f"unit {unit!r} cannot be shifted")


def _ago(anchor: date, num: float, unit: str) -> tuple[str, str]:
    # Fractions go down one unit: "two and a half years ago" is 30 months ago.
    if not float(num).is_integer():
        unit, num = {"Y": ("M", num * 12), "Q": ("M", num * 3), "M": ("D", num * 30), "W": ("D", num * 7)}.get(
            unit, (unit, num))
    amount = round(num)
    if unit == "D":
        return (anchor - timedelta(days=amount)).isoformat(), "day"
    if unit == "W":
        return iso_week(anchor - timedelta(weeks=amount)), "week"
    if unit == "M":
        year, month = add_months(anchor.year, anchor.month, -amount)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "Q":
        year, month = add_months(anchor.year, anchor.month, -3 * amount)
        return f"{year:04d}-Q{quarter_of(month)}", "quarter"
    if unit == "Y":
        return f"{anchor.year - amount:04d}", "year"
    raise ValueError(f"unit {unit!r} makes no date")


# -- the normalizer --------------------------------------------------------------------------------

def sentence_bounds(position: int, sentences: Sequence[Sentence], starts: Sequence[int],
                    text: str) -> tuple[int, int]:
    """The sentence holding ``position`` (``starts``: the sorted sentence starts); its line when none does."""
    index = bisect_right(starts, position) - 1
    if index >= 0 and sentences[index].start <= position < sentences[index].end:
        return sentences[index].start, sentences[index].end
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, (end if end >= 0 else len(text))


def normalize_dates(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                    done: Mapping[str, list[dict]], resources: DateResources) -> list[dict[str, Any]]:
    """One ``dates`` row per date, duration and set mention of the article."""
    anchor = anchor_day(article, resources)
    anchor_text = anchor.isoformat() if anchor is not None else None
    masks = [(m.start, m.end) for m in mentions if m.kind in MASKING_KINDS]
    ordered = sorted(sentences, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    rows: list[dict[str, Any]] = []
    weeks: dict[int, str] = {}  # sentence start → the last week named in it ("the week after")
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
            previous_week = weeks.get(bounds[0])
            result = _resolution(mention.label, anchor, None, mention.text, previous_week)
            # Finding the tense reads the clause word by word, and nine dates in ten resolve the same
            # whatever it is ("March" written in March, "next Friday"): it is read only when it matters.
            if anchor is not None and not fields.get("year") and fields.get("kind") in TENSE_KINDS \
                    and any(_resolution(mention.label, anchor, tense, mention.text, previous_week) != result
                            for tense in TENSE_ANSWERS):
                tense = tense_near(article.text, mention.start, mention.end, bounds, resources)
                if tense is None and modifier == "AS_EARLY_AS":
                    tense = "future"
                result = _resolution(mention.label, anchor, tense, mention.text, previous_week)
            row.update(value=result.value, granularity=result.granularity, resolved=result.value is not None,
                       anchor=anchor_text if result.relative and result.value else None)
            if result.granularity == "week" and result.value:
                weeks[bounds[0]] = result.value[:8]
        elif fields.get("value"):
            row["value"] = fields["value"]
        elif fields.get("unit"):
            row["value"] = duration_value(float(fields.get("num") or 1), fields["unit"])
        else:
            row["resolved"] = False
        rows.append(row)
    return rows


NORMALIZER = Normalizer("dates", normalize_dates, load_dates)
