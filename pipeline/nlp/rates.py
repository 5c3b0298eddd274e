"""Rates and money: percentages, percentage points, basis points and currency amounts.

Rules live in ``models/rates/patterns.ini``: regular expressions over the
article text whose ``{NAME}`` placeholders are filled with the word lists of
``models/rates/`` (units, number words, scales, currencies). A rule is tried
only just before its trigger words ("%", "pct", currency words), found first
by a `PhraseMatcher` (`TriggeredRules`). Every match becomes a span; where
matches overlap the longest wins, then the rule listed first.

Spans and their labels (``key=value`` pairs joined by ``;``, read by
`pipeline.normalize.rates` and `pipeline.normalize.money`):

- ``doc.spans["rate"]``: ``unit=percent;value=24`` — unit one of
  ``percent``, ``percentage_points``, ``basis_points``; a change ("from 10% to
  25%", one span) adds ``previous=10``; a range ("between 10% and 50%") gives
  two spans, the first taking the unit of the second.
- ``doc.spans["money"]``: ``currency=USD;value=550000000000`` — ISO 4217 code,
  empty when the form is shared by several currencies ("francs").

``span.id_`` is ``rates:<rule>``. "a quarter" is never a rate: "first quarter"
is a date and "a quarter of exports" a share without a number. The rule
machinery (reading rules, number words, trying rules near their triggers) is
`pipeline.nlp.regex_rules`, shared with `pipeline.nlp.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline.labels import format_label
from pipeline.nlp.base import RuleComponent, add_span, doc_text, rule_factory
from pipeline.nlp.regex_rules import (Candidate, NumberWords, TriggeredRules, alternation, choose, compile_rule,
                                      number_macros, read_rules)
from pipeline.rulefiles import read_rows, read_words

FOLDER = "rates"
GROUPS = ("rate", "money")
UNITS = ("percent", "percentage_points", "basis_points")


# -- the component ---------------------------------------------------------------------------------

def load_rates_data(models_dir: Path) -> dict[str, Any]:
    """All the rate and money rule data under ``models_dir/rates`` as one JSON-able dict."""
    folder = models_dir / FOLDER
    units = read_rows(folder / "units.csv")
    for row in units:
        if row["unit"] not in UNITS or row["needs_context"] not in ("yes", "no"):
            raise ValueError(f"units.csv: {row['form']!r} has unit {row['unit']!r} / needs_context "
                             f"{row['needs_context']!r}; allowed units {UNITS}, needs_context yes or no")
    currencies = read_rows(folder / "currencies.csv")
    for row in currencies:
        if row["position"] not in ("prefix", "suffix") or row["needs_scale"] not in ("yes", "no"):
            raise ValueError(f"currencies.csv: {row['form']!r} has position {row['position']!r} / needs_scale "
                             f"{row['needs_scale']!r}; expected prefix or suffix, yes or no")
    return {
        "rules": read_rules(folder / "patterns.ini", GROUPS),
        "numbers": read_rows(folder / "numbers.csv"),
        "units": units,
        "scales": read_rows(folder / "scales.csv"),
        "currencies": currencies,
        "rate_words": read_words(folder / "rate_words.txt"),
    }


@rule_factory("trade_rates_v1", assigns=["doc.spans"])
class RateFinder(RuleComponent):
    """Adds ``rate`` and ``money`` spans (see the module docstring)."""

    def load_data(self, models_dir: Path) -> dict[str, Any]:
        return load_rates_data(models_dir)

    def setup(self) -> None:
        data = self.data
        self.numbers = NumberWords.from_rows(data.get("numbers", []))
        self.units = {row["form"].lower(): row["unit"] for row in data.get("units", [])}
        self.scales = {row["form"] if row["case"] == "exact" else row["form"].lower(): float(row["factor"])
                       for row in data.get("scales", [])}
        currencies = data.get("currencies", [])
        self.currencies = {row["form"].lower(): row["iso"] or None for row in currencies}
        units = data.get("units", [])
        scales = data.get("scales", [])
        fold_scales = alternation(r["form"] for r in scales if r["case"] == "fold")
        exact_scales = alternation(r["form"] for r in scales if r["case"] == "exact")
        macros = {
            **number_macros(self.numbers),
            "UNIT": r"\s?%|[\s-](?:" + alternation(r["form"] for r in units
                                                   if r["needs_context"] == "no" and r["form"] != "%") + r")\b",
            "POINTS": r"[\s-](?:" + alternation(r["form"] for r in units if r["needs_context"] == "yes") + ")",
            "SCALE": rf"{fold_scales}|(?-i:{exact_scales})" if exact_scales else fold_scales,
            "CUR_PREFIX": alternation(r["form"] for r in currencies if r["position"] == "prefix"),
            "CUR_SUFFIX": alternation(r["form"] for r in currencies
                                      if r["position"] == "suffix" and r["needs_scale"] == "no"),
            "CUR_SCALED": alternation(r["form"] for r in currencies
                                      if r["position"] == "suffix" and r["needs_scale"] == "yes"),
        }
        self.rules = TriggeredRules(
            self.nlp.vocab,
            [(rule, compile_rule(rule["id"], rule["pattern"], macros)) for rule in data.get("rules", [])],
            {"PERCENT": [r["form"] for r in units if r["needs_context"] == "no"] + ["cent"],
             "POINTS": [r["form"] for r in units if r["needs_context"] == "yes"],
             "CURRENCY": [r["form"] for r in currencies]})
        self.rate_words = re.compile(r"%|\b(?:percent|per\scent|pct|" + alternation(data.get("rate_words", []))
                                     + r")\b", re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        for cand in choose(self.candidates(doc, text)):
            add_span(doc, cand.group, cand.start, cand.end, label=cand.label, rule_id=cand.rule_id)
        return doc

    def candidates(self, doc: Doc, text: str) -> Iterable[Candidate]:
        """Every rule match in ``text`` as candidates (a range yields one per value)."""
        for rank, rule, match in self.rules.matches(doc, text):
            rule_id = f"rates:{rule['id']}"
            if rule.get("needs_context") == "yes" and not self._rate_context(text, match.start(), match.end()):
                continue
            if rule["group"] == "money":
                label = self._money_label(match)
                if label:
                    yield Candidate(match.start(), match.end(), "money", label, rule_id, rank)
                continue
            unit = self._unit(match.group("unit"))
            value = self.numbers.parse(match.group("num"))
            if unit is None or value is None:
                continue
            groups = match.groupdict()
            if groups.get("num0") is not None:
                first = self.numbers.parse(groups["num0"])
                if first is not None:
                    end0 = match.end("unit0") if groups.get("unit0") else match.end("num0")
                    yield Candidate(match.start("num0"), end0, "rate", format_label({"unit": unit, "value": first}),
                                    rule_id, rank)
                yield Candidate(match.start("num"), match.end(), "rate",
                                format_label({"unit": unit, "value": value}), rule_id, rank)
                continue
            fields: dict[str, Any] = {"unit": unit, "value": value}
            if groups.get("prev") is not None:
                fields["previous"] = self.numbers.parse(groups["prev"])
            yield Candidate(match.start(), match.end(), "rate", format_label(fields), rule_id, rank)

    def _unit(self, text: str | None) -> str | None:
        form = " ".join((text or "").replace("-", " ").split()).lower()
        return self.units.get(form) or self.units.get(form.replace(" ", "-"))

    def _money_label(self, match: re.Match) -> str | None:
        value = self.numbers.parse(match.group("num"))
        if value is None:
            return None
        scale = match.groupdict().get("scale")
        if scale:
            factor = self.scales.get(scale) or self.scales.get(scale.lower())
            if factor is None:
                return None
            value *= factor
        currency = " ".join(match.group("cur").split()).lower()
        return format_label({"currency": self.currencies.get(currency), "value": value})

    def _rate_context(self, text: str, start: int, end: int) -> bool:
        """True when the sentence-ish stretch around ``[start, end)`` holds a percentage or a rate word."""
        left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start))
        right_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0]
        right = min(right_candidates) if right_candidates else len(text)
        return bool(self.rate_words.search(text, left + 1, right))
