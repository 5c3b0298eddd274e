"""Temporal expressions: dates, durations and sets, found by rules (never by a date parser's search).

Rules live in ``models/dates/patterns.ini``: regular expressions over the
article text whose ``{NAME}`` placeholders are word lists of ``models/dates/``
(months, weekdays, units, shifts, modifiers …) and the number words of
``models/rates/numbers.csv``. A rule is tried only just before its trigger
words (months, weekdays, units, years …), which a `PhraseMatcher` finds first
(`pipeline.nlp.regex_rules.TriggeredRules`). Where matches overlap the longest wins,
then the rule listed first; a ``skip`` rule blocks the text it covers ("five
or six years" has no single value). Matches overlapping a ``rate`` or ``money`` span
(the rates component runs first) are dropped, so "24%" and "1986 dlrs" are
never dates.

Spans go to ``doc.spans["date"]``, ``["duration"]`` and ``["set"]`` with
``span.id_`` = ``dates:<rule>`` and ``span.label_`` = ``key=value`` pairs
joined by ``;`` for the normalizer (`pipeline.normalize.dates`):

``kind``
    how to resolve it: calendar, month, year, quarter, season, half, fiscal (a
    fiscal year, by the year it ends in), shift, dayword, weekday, weekend,
    week_of_month ("the last week of March"), ago, numeric, duration, set.
``month``, ``day``, ``year``, ``weekday``, ``quarter``
    calendar numbers as written (weekday 1 = Monday).
``season``
    the TIMEX3 season code (SP, SU, FA, WI).
``half``
    the half of a year (1 or 2; "the June half" 1).
``week``
    the place of a week or weekend in its month (1 to 4, -1 the last: "the
    first weekend in February" week=1, unit=WE).
``num``, ``unit``
    an amount of a TIMEX3 unit (D, W, M, Q, Y, H, MIN; a decade is 10 Y).
``shift``, ``yshift``
    offsets relative to the anchor: "last week" shift=-1; "July this year"
    yshift=0.
``mod``
    a modifier stated inside the span (APPROX, START, MID, END …).
``value``
    the TIMEX3 value of a set word ("daily" → P1D).

Nothing here reads a clock: resolving against the publication date is the
normalizer's work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline.labels import format_label
from pipeline.nlp.base import RuleComponent, add_span, doc_text, rule_factory
from pipeline.nlp.regex_rules import (
    DIGITS,
    Candidate,
    NumberWords,
    TriggeredRules,
    alternation,
    choose,
    compile_rule,
    read_rules,
)
from pipeline.rulefiles import read_rows, read_words

FOLDER = "dates"
GROUPS = ("date", "duration", "set", "skip")
KINDS = ("calendar", "month", "year", "quarter", "season", "half", "fiscal", "shift", "dayword", "weekday",
         "weekend", "week_of_month", "ago", "numeric", "duration", "set", "none")
# Modifiers that say where in a period ("late last year") and how much of it ("about five years").
PART_MODIFIERS = ("START", "MID", "END")
AMOUNT_MODIFIERS = ("APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE")
MODIFIERS = (*PART_MODIFIERS, *AMOUNT_MODIFIERS, "AS_EARLY_AS", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER")
TIMEX_UNITS = ("D", "W", "M", "Q", "Y", "H", "MIN")
DATE_UNITS = ("D", "W", "M", "Q", "Y")
YEAR = r"(?<![\d.,$£€#])(?:19|20)\d\d(?!\d)"
DAY = r"(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|\s?%|:\d|[.,]\d)"
MASKED_GROUPS = ("rate", "money")
# Trigger words that are numbers: the years a bare four-digit number may be, quarter codes.
YEARS = [str(year) for year in range(1900, 2100)]
QUARTER_CODES = ["Q1", "Q2", "Q3", "Q4"]
# Triggers that are shapes: digits around "/" ("4/9/2025"); quarter codes with the number first ("2Q 2026"),
# half codes ("2H25", "H1 2025") and fiscal-year codes ("FY2026", "FY 26") before their year, which the
# tokenizer may keep in one token with it; a word hyphened to a year ("mid-2024").
# Each pattern with the substrings one of which every match holds: the text is scanned only when it holds
# one ("H" alone is in nearly every article; "H1", "2H" … in few, and a few substring searches cost less
# than the scan).
TRIGGER_PATTERNS = {"SLASH": ("/", re.compile(r"\d/\d")),
                    "QCODE_FIRST": (("1Q", "2Q", "3Q", "4Q"), re.compile(r"(?<![\w-])[1-4]Q(?=[\s'’]?\d)")),
                    "HCODE": (("H1", "H2", "1H", "2H"), re.compile(r"(?<![\w-])(?:H[12]|[12]H)(?=[\s'’]?\d)")),
                    "FYCODE": ("FY", re.compile(r"(?<![\w-])FY(?=[\s'’]?\d)")),
                    # a word hyphened to a year ("mid-2024", "late-2025"), which the tokenizer keeps in one token
                    "HYPHEN_YEAR": (("-19", "-20"), re.compile(r"(?<![\w-])[A-Za-z]+-(?=(?:19|20)\d\d(?!\d))"))}
# The last quarter or half of a year, for "the last three months of 2024" (group "part" other than "first").
LAST_PART = {"quarter": 4, "half": 2}


def load_dates_data(models_dir: Path) -> dict[str, Any]:
    """All the date rule data under ``models_dir/dates`` (and the number words) as one JSON-able dict."""
    folder = models_dir / FOLDER
    rules = read_rules(folder / "patterns.ini", GROUPS)
    for rule in rules:
        if rule.get("kind") not in KINDS:
            raise ValueError(f"patterns.ini: rule [{rule['id']}] has kind {rule.get('kind')!r}; allowed: {KINDS}")
    units = read_rows(folder / "units.csv")
    for row in units:
        if row["unit"] not in TIMEX_UNITS:
            raise ValueError(f"units.csv: {row['form']!r} has unit {row['unit']!r}; allowed: {TIMEX_UNITS}")
    modifiers = read_rows(folder / "modifiers.csv")
    for row in modifiers:
        if row["modifier"] not in MODIFIERS or row["position"] not in ("inside", "before"):
            raise ValueError(f"modifiers.csv: {row['phrase']!r} has modifier {row['modifier']!r} / position "
                             f"{row['position']!r}; allowed modifiers {MODIFIERS}, positions inside or before")
    return {
        "rules": rules,
        "months": read_rows(folder / "months.csv"),
        "weekdays": read_rows(folder / "weekdays.csv"),
        "units": units,
        "shifts": read_rows(folder / "shifts.csv"),
        "days": read_rows(folder / "days.csv"),
        "sets": read_rows(folder / "sets.csv"),
        "ordinals": read_rows(folder / "ordinals.csv"),
        "halves": read_rows(folder / "halves.csv"),
        "week_positions": read_rows(folder / "week_positions.csv"),
        "seasons": read_rows(folder / "seasons.csv"),
        "modifiers": modifiers,
        "context": read_rows(folder / "date_context.csv"),
        "quantities": read_words(folder / "quantities.txt"),
        "year_bounds": read_words(folder / "year_bounds.txt"),
        "numbers": read_rows(models_dir / "rates" / "numbers.csv"),
    }


def cased_forms(forms: Iterable[str]) -> str:
    """Case-sensitive alternation of ``forms`` in title and upper case ("June", "JUNE"; never "june")."""
    variants = {variant for form in forms for variant in (form, form.upper())}
    return rf"(?-i:\b(?:{alternation(variants)}))"


# Reads rate and money spans, which no date may overlap.
@rule_factory("trade_dates_v1", assigns=["doc.spans"], requires=["doc.spans"])
class DateFinder(RuleComponent):
    """Adds ``date``, ``duration`` and ``set`` spans (see the module docstring)."""

    def load_data(self, models_dir: Path) -> dict[str, Any]:
        return load_dates_data(models_dir)

    def setup(self) -> None:
        data = self.data
        self.numbers = NumberWords.from_rows(data.get("numbers", []))
        months = data.get("months", [])
        self.months = {row["form"].upper(): int(row["month"]) for row in months}
        self.weekdays = {row["form"].upper(): int(row["weekday"]) for row in data.get("weekdays", [])}
        self.units = {row["form"].lower(): (row["unit"], int(row["factor"])) for row in data.get("units", [])}
        self.shifts = {row["word"].lower(): int(row["offset"]) for row in data.get("shifts", [])}
        self.days = {row["word"].lower(): int(row["offset"]) for row in data.get("days", [])}
        self.sets = {row["word"].lower(): row["value"] for row in data.get("sets", [])}
        self.ordinals = {row["word"].lower(): int(row["value"]) for row in data.get("ordinals", [])}
        self.halves = {row["word"].lower(): int(row["value"]) for row in data.get("halves", [])}
        self.week_positions = {row["word"].lower(): int(row["value"]) for row in data.get("week_positions", [])}
        seasons = data.get("seasons", [])
        self.seasons = {row["word"].lower(): row["season"] for row in seasons}
        modifiers = data.get("modifiers", [])
        self.modifiers = {row["phrase"].lower().rstrip("-"): row["modifier"]
                          for row in modifiers if row["position"] == "inside"}
        context = data.get("context", [])
        macros = {
            "MONTH": cased_forms(row["form"] for row in months),
            "MONTH_BARE": cased_forms(row["form"] for row in months if row["bare"] == "yes"),
            "WEEKDAY": cased_forms(row["form"] for row in data.get("weekdays", [])),
            "SEASON": alternation(self.seasons),
            "SEASON_BARE": alternation(row["word"] for row in seasons if row["bare"] == "yes"),
            "YEAR": YEAR,
            "DAY": DAY,
            "NUM": f"{DIGITS}|{self.numbers.pattern()}",
            "UNIT": alternation(self.units),
            "DATE_UNIT": alternation(form for form, (unit, _) in self.units.items() if unit in DATE_UNITS),
            # Phrases such as "after next" belong to their own rules, not to every {SHIFT}.
            "SHIFT": alternation(word for word in self.shifts if " " not in word),
            "DAYWORD": alternation(self.days),
            "SETWORD": alternation(self.sets),
            "ORDINAL": alternation(word for word in self.ordinals if not word.isdigit()),
            "HALF_ORDINAL": alternation(self.halves),
            "WEEK_POSITION": alternation(self.week_positions),
            "QMOD": alternation(row["phrase"] for row in modifiers
                                if row["position"] == "inside" and row["modifier"] in AMOUNT_MODIFIERS),
            "PMOD": alternation({row["phrase"].rstrip("-") for row in modifiers
                                 if row["position"] == "inside" and row["modifier"] in PART_MODIFIERS}),
            "YEAR_CONTEXT": alternation(row["word"] for row in context if row["years"] == "yes"),
            "MONTH_CONTEXT": alternation(row["word"] for row in context if row["months"] == "yes"),
            "QUANTITY": alternation(data.get("quantities", [])),
            "YEAR_BOUND": alternation(data.get("year_bounds", [])),
        }
        self.rules = TriggeredRules(
            self.nlp.vocab,
            [(rule, compile_rule(rule["id"], rule["pattern"], macros)) for rule in data.get("rules", [])],
            {"MONTH": [row["form"] for row in months], "WEEKDAY": [row["form"] for row in data.get("weekdays", [])],
             "UNIT": list(self.units), "DAYWORD": list(self.days), "SETWORD": list(self.sets),
             "WEEKEND": ["weekend"], "SEASON": list(self.seasons), "HALF": ["half"], "FISCAL": ["fiscal"],
             "YEAR": YEARS, "QCODE": QUARTER_CODES},
            TRIGGER_PATTERNS)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        masks = [(span.start_char, span.end_char) for group in MASKED_GROUPS for span in doc.spans.get(group, [])]
        found = [cand for cand in self.candidates(doc, text)
                 if not any(cand.start < end and start < cand.end for start, end in masks)]
        for cand in choose(found):
            if cand.group != "skip":
                add_span(doc, cand.group, cand.start, cand.end, label=cand.label, rule_id=cand.rule_id)
        return doc

    def candidates(self, doc: Doc, text: str) -> Iterable[Candidate]:
        """Every rule match near its trigger words (a "day2" range yields two candidates)."""
        for rank, rule, match in self.rules.matches(doc, text):
            rule_id = f"dates:{rule['id']}"
            group = rule["group"]
            if group == "skip":
                yield Candidate(match.start(), match.end(), group, "", rule_id, rank)
                continue
            groups = match.groupdict()
            fields = self.fields(rule["kind"], groups)
            if fields is None:
                continue
            if groups.get("day2"):
                second = {**fields, "day": int(re.sub(r"\D", "", groups["day2"]))}
                yield Candidate(match.start(), match.end("day"), group, format_label(fields), rule_id, rank)
                yield Candidate(match.start("day2"), match.end(), group, format_label(second), rule_id, rank)
                continue
            start, end = match.span("t") if groups.get("t") else match.span()
            yield Candidate(start, end, group, format_label(fields), rule_id, rank)

    def fields(self, kind: str, groups: Mapping[str, str | None]) -> dict[str, Any] | None:
        """The label fields of one match, or None when a word does not read as the lexicon says."""
        fields: dict[str, Any] = {"kind": kind}
        value = groups.get
        if value("month"):
            month = self.months.get(value("month").upper()) or self.months.get(value("month").upper() + ".")
            if month is None:
                return None
            fields["month"] = month
        if value("mnum"):
            fields["month"] = int(value("mnum"))
        if value("day"):
            fields["day"] = int(re.sub(r"\D", "", value("day")))
        if value("year"):
            fields["year"] = int(value("year"))
        if value("yy"):  # "FY26", "1H25": 1969-2068, as numeric dates read a two-digit year ("12/31/86")
            fields["year"] = datetime.strptime(value("yy"), "%y").year
        if value("split"):  # "fiscal 2025/26" is the fiscal year that ends in 2026
            if not value("split")[1:].endswith(f"{(fields['year'] + 1) % 100:02d}"):
                return None
            fields["year"] += 1
        if value("weekday"):
            fields["weekday"] = self.weekdays.get(value("weekday").upper())
        if value("ord"):
            fields["quarter"] = self.ordinals.get(value("ord").lower())
        if value("half"):
            fields["half"] = int(value("half"))
        if value("hord"):
            fields["half"] = self.halves[value("hord").lower()]
        if value("part"):  # "the first/last three months of 2024": the first or last quarter (half)
            fields["half" if kind == "half" else "quarter"] = 1 if value("part").lower() == "first" else LAST_PART[kind]
        if value("wpos"):  # "the last week of March": the month's last week (-1)
            fields["week"] = self.week_positions[value("wpos").lower()]
        if value("season"):
            fields["season"] = self.seasons[value("season").lower()]
        if value("dayword"):
            fields["shift"] = self.days[value("dayword").lower()]
        if value("shift"):
            fields["shift"] = self.shifts[" ".join(value("shift").lower().split())]
        if value("yshift"):
            fields["yshift"] = self.shifts[" ".join(value("yshift").lower().split())]
        amount = value("num")
        unit = value("unit")
        if unit:
            if unit.lower() == "weekend":
                fields["unit"] = "WE"
            else:
                letter, factor = self.units[unit.lower()]
                number = self.numbers.parse(amount) if amount else 1.0
                if number is None:
                    return None
                fields["num"] = number * factor
                fields["unit"] = letter
        if value("set"):
            fields["value"] = self.sets[value("set").lower()]
        modifier = value("pmod") or value("qmod")
        if modifier:
            fields["mod"] = self.modifiers.get(" ".join(modifier.lower().split()))
        return fields
