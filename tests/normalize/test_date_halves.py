"""Halves of a year, fiscal years and quarter codes: found, labelled and resolved (sentences written for the tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pipeline.normalize.date_values import resolve
from tests.normalize import test_dates as base
from tests.normalize.test_dates import nlp, resources  # noqa: F401  (the fixtures: the pipeline and its word lists)

AUG_20 = datetime(2025, 8, 20, tzinfo=UTC)
FEB_20 = datetime(2025, 2, 20, tzinfo=UTC)


def values(nlp, resources, body, published):
    """``[(text, value)]`` of the DATE rows of a body."""
    return [(text, value) for text, kind, value, _ in base.dates(nlp, resources, body, published=published)
            if kind == "DATE"]


@pytest.mark.parametrize("body, published, expected", [
    # codes, with a four-digit or a two-digit year
    ("The miner sees firmer output in 2H 2025 and H1 2026 after a soft 1H25.", AUG_20,
     [("2H 2025", "2025-H2"), ("H1 2026", "2026-H1"), ("1H25", "2025-H1")]),
    # halves named by their last month, as Australian reporting periods are
    ("Earnings rose in the June half and should rise again in the December half.", AUG_20,
     [("the June half", "2025-H1"), ("the December half", "2025-H2")]),
    # written out, with a year or a year shift
    ("Orders slowed in the first half of 2024 and may pick up in the second half of next year.", AUG_20,
     [("the first half of 2024", "2024-H1"), ("the second half of next year", "2026-H2")]),
    ("Margins shrank in the back half of last year.", AUG_20, [("the back half of last year", "2024-H2")]),
    ("First-half profit at the brewer doubled.", AUG_20, [("First-half", "2025-H1")]),
    # months that make a quarter or a half of a stated year
    ("Exports sank in the last three months of 2024 and in the first six months of this year.", AUG_20,
     [("the last three months of 2024", "2024-Q4"), ("the first six months of this year", "2025-H1")]),
    # quarter codes with the number first, as broker notes write them
    ("Deliveries begin in 2Q 2026 and end by 4Q27.", AUG_20, [("2Q 2026", "2026-Q2"), ("4Q27", "2027-Q4")]),
    # fiscal years, named by the year they end in
    ("The carmaker lifted its forecast for FY 2026, FY2027 and fiscal 2025/26.", AUG_20,
     [("FY 2026", "FY2026"), ("FY2027", "FY2027"), ("fiscal 2025/26", "FY2026")]),
    ("Sales for fiscal year 2026 and the 2027 fiscal year will grow; its FY26 guidance stands.", AUG_20,
     [("fiscal year 2026", "FY2026"), ("2027 fiscal year", "FY2027"), ("FY26", "FY2026")]),
    ("Profit rose in fiscal 1987 from fiscal 1985-1986.", datetime(1987, 3, 2, tzinfo=UTC),
     [("fiscal 1987", "FY1987"), ("fiscal 1985-1986", "FY1986")]),
    # a fiscal year named by its last day keeps that day
    ("Sales were 9 mln dlrs in its Oct. 31, 2024 fiscal year.", AUG_20, [("Oct. 31, 2024", "2024-10-31")]),
])
def test_halves_and_fiscal_years(nlp, resources, body, published, expected):
    assert values(nlp, resources, body, published) == expected


@pytest.mark.parametrize("body, published, expected", [
    # without a year a half is the publication year's, moved by tense as a quarter is
    ("The chain will post a loss for the second half.", FEB_20, [("the second half", "2025-H2")]),
    ("Revenue fell in the second half, the chain said.", FEB_20, [("the second half", "2024-H2")]),
    ("The levy will lift costs in the first half.", datetime(2025, 11, 3, tzinfo=UTC), [("the first half", "2026-H1")]),
    ("Freight rates eased in the first half.", datetime(2025, 11, 3, tzinfo=UTC), [("the first half", "2025-H1")]),
])
def test_a_half_without_its_year_follows_the_tense(nlp, resources, body, published, expected):
    assert values(nlp, resources, body, published) == expected


@pytest.mark.parametrize("body", [
    "The striker scored twice in the second half of the match.",  # a half of something else
    "Vaccines against H1N1 and visas such as H1-B were discussed.",  # codes without a year
    "The plant makes H2 from gas, and a half-hour call followed.",
    "The group lost money in its fiscal first half.",  # the issuer's half: its months are unknown
    "The fund's first-half-point cut came first.",
    "The mine starts output in the second half of the year ending June 30.",  # the issuer's year
    "Net profit in the first half year 2024/25 rose.",
    "Tokyo set its 2025/26 first half beef quota.",
    "Buyers sought oil for second half May shipment.",  # half of a month
    "Bond prices fell in the first half hour of trading.",
])
def test_no_half_or_fiscal_year(nlp, resources, body):
    assert not [v for _, v in values(nlp, resources, body, AUG_20) if v and ("H" in v or v.startswith("FY"))]


def test_a_split_fiscal_year_must_run_into_the_next_year(nlp, resources):
    # "fiscal 2025/27" is no fiscal year; the crop-year skip rule keeps the split out of the dates
    assert not [v for _, v in values(nlp, resources, "Spending in fiscal 2025/27 was cut.", AUG_20)
                if v and v.startswith("FY")]


@pytest.mark.parametrize("fields, anchor, tense, expected", [
    ({"kind": "half", "half": "2", "year": "2025"}, None, None, ("2025-H2", "half", False)),
    ({"kind": "half", "half": "1"}, date(2025, 8, 20), None, ("2025-H1", "half", True)),
    ({"kind": "half", "half": "1", "yshift": "1"}, date(2025, 8, 20), None, ("2026-H1", "half", True)),
    ({"kind": "half", "half": "2"}, date(2025, 3, 1), "past", ("2024-H2", "half", True)),
    ({"kind": "half", "half": "1"}, date(2025, 9, 1), "future", ("2026-H1", "half", True)),
    ({"kind": "half", "half": "1"}, None, None, (None, None, True)),  # relative, and no anchor
    ({"kind": "fiscal", "year": "2026"}, date(2025, 8, 20), "past", ("FY2026", "fiscal_year", False)),
])
def test_resolve_halves_and_fiscal_years(fields, anchor, tense, expected):
    result = resolve(fields, anchor, tense, "")
    assert (result.value, result.granularity, result.relative) == expected


@pytest.mark.parametrize("body", [
    "Sales fell in the first six months of the year to March.",  # the issuer's year (year_bounds.txt)
    "Output rose in the last three months of the year ended June 30.",
    "Costs rose in the first six months of the year ending in September.",
    # halves of an issuer's own year: named with its fiscal year, or with the day they ended
    "The retailer's profit climbed in its fiscal 2024 second half.",
    "Net income for the first half fiscal 2024 rose by a tenth.",
    "Revenue in the first-half fiscal 2024 period was flat.",
    "Sales in the first half ended January 31 rose.",
    "Profit for the second half year ending April 30 fell.",
])
def test_months_of_an_issuers_year_are_no_half_or_quarter(nlp, resources, body):
    assert not [v for _, v in values(nlp, resources, body, AUG_20) if v and ("-H" in v or "-Q" in v)]
