"""The rates component: percentages, points, changes, ranges, written numbers and money amounts."""

import shutil

import pytest
import spacy

from pipeline.config import MODELS_DIR
from pipeline.labels import format_label, parse_label
from pipeline.nlp.build import pipeline_version
from pipeline.nlp.rates import load_rates_data
from pipeline.nlp.regex_rules import NumberWords, last_starts
from pipeline.rulefiles import read_rows


@pytest.fixture(scope="module")
def nlp():
    pipe = spacy.blank("en")
    pipe.add_pipe("trade_sentences_v1")
    pipe.add_pipe("trade_rates_v1")
    for _, component in pipe.pipeline:
        component.initialize(models_dir=str(MODELS_DIR))
    return pipe


def spans(nlp, text, group):
    """``[(span text, label fields)]`` of one span group, in order."""
    doc = nlp(text)
    return [(span.text, parse_label(span.label_)) for span in sorted(doc.spans.get(group, []), key=lambda s: s.start)]


def rates(nlp, text):
    return [(t, float(f["value"]), f["unit"], float(f["previous"]) if "previous" in f else None)
            for t, f in spans(nlp, text, "rate")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The administration imposed 24% tariffs.", [("24%", 24, "percent", None)]),
        ("a 25 percent duty", [("25 percent", 25, "percent", None)]),
        ("100 pct tariffs", [("100 pct", 100, "percent", None)]),
        ("a 20 per cent levy", [("20 per cent", 20, "percent", None)]),
        ("an agricultural tariff of 9.2%", [("9.2%", 9.2, "percent", None)]),
        ("Japan (25%)", [("25%", 25, "percent", None)]),
        ("sixty % of it", [("sixty %", 60, "percent", None)]),
        ("60 % of the parts", [("60 %", 60, "percent", None)]),  # tokenized text puts a space before %
        ("suspending 24 percentage points of that rate", [("24 percentage points", 24, "percentage_points", None)]),
        ("a cut of 50 basis points", [("50 basis points", 50, "basis_points", None)]),
        ("twenty-five percent", [("twenty-five percent", 25, "percent", None)]),
        ("ten pct", [("ten pct", 10, "percent", None)]),
        ("one hundred percent", [("one hundred percent", 100, "percent", None)]),
        ("a rate of 8-3/4 pct", [("8-3/4 pct", 8.75, "percent", None)]),
        ("raised tariffs from 10% to 25%", [("from 10% to 25%", 25, "percent", 10)]),
        ("the duty was raised from the previous 5 per cent in 2019 to 15 per cent",
         [("from the previous 5 per cent in 2019 to 15 per cent", 15, "percent", 5)]),
        ("raised the duty to 25 pct from 10 pct", [("to 25 pct from 10 pct", 25, "percent", 10)]),
        ("rates between 10% and 50%", [("10%", 10, "percent", None), ("50%", 50, "percent", None)]),
        ("duties of 10 to 25 pct", [("10", 10, "percent", None), ("25 pct", 25, "percent", None)]),
        ("the tariff rose by 5 points", [("5 points", 5, "percentage_points", None)]),
    ],
)
def test_rates_are_found_with_value_unit_and_previous(nlp, text, expected):
    assert rates(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Dow fell 50 points in heavy trading.",  # index points: no rate word in the sentence
        "growth in the first quarter",  # a date, never a rate
        "a quarter of exports went to China",  # a share without a number
        "More than 2,000 jobs were lost.",
        "Section 232 of the Trade Expansion Act",
    ],
)
def test_no_rate(nlp, text):
    assert rates(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a $550 billion fund", [("$550 billion", "USD", 550e9)]),
        ("300 mln dlrs in tariffs", [("300 mln dlrs", "USD", 300e6)]),
        ("a US$ 40 billion contract", [("US$ 40 billion", "USD", 40e9)]),
        ("5 billion yen", [("5 billion yen", "JPY", 5e9)]),
        ("£20.1 billion", [("£20.1 billion", "GBP", 20.1e9)]),
        ("1.5 billion euros", [("1.5 billion euros", "EUR", 1.5e9)]),
        ("eight billion dlr airport", [("eight billion dlr", "USD", 8e9)]),
        ("270 million U.S. dlrs", [("270 million U.S. dlrs", "USD", 270e6)]),
        ("300 mln Canadian dlrs", [("300 mln Canadian dlrs", "CAD", 300e6)]),
        ("a $5bn deal", [("$5bn", "USD", 5e9)]),
        ("10 billion francs", [("10 billion francs", None, 10e9)]),  # French, Swiss or Belgian: unknown
        ("5 billion won", [("5 billion won", "KRW", 5e9)]),
    ],
)
def test_money_amounts(nlp, text, expected):
    found = [(t, f["currency"] or None, float(f["value"])) for t, f in spans(nlp, text, "money")]
    assert found == expected
    assert rates(nlp, text) == []  # money is never a rate


@pytest.mark.parametrize("text", ["The party won 200 seats.", "passed the 1,000 mark", "More than 50,000 US troops"])
def test_no_money(nlp, text):
    assert spans(nlp, text, "money") == []


def test_matches_never_run_across_a_paragraph(nlp):
    assert rates(nlp, "Revenue 4,880,427\npct of it") == []


def test_spans_carry_the_rule_id(nlp):
    doc = nlp("a 25 percent duty and $5 billion")
    assert [s.id_ for s in doc.spans["rate"]] == ["rates:rate"]
    assert [s.id_ for s in doc.spans["money"]] == ["rates:money_prefix"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("24", 24), ("1,500", 1500), ("9.2", 9.2), ("5/8", 0.625), ("1-1/4", 1.25), ("twenty-five", 25),
     ("two hundred", 200), ("one hundred and ten", 110), ("a", 1), ("two and a half", 2.5), ("umpteen", None)],
)
def test_number_words(text, value):
    numbers = NumberWords.from_rows(read_rows(MODELS_DIR / "rates" / "numbers.csv"))
    assert numbers.parse(text) == value


def test_labels_round_trip():
    label = format_label({"unit": "percent", "value": 24.0, "previous": 9.5})
    assert label == "unit=percent;value=24;previous=9.5"
    assert parse_label(label) == {"unit": "percent", "value": "24", "previous": "9.5"}


def test_serialization_round_trip(nlp):
    component = nlp.get_pipe("trade_rates_v1")
    restored = spacy.blank("en").add_pipe("trade_rates_v1").from_bytes(component.to_bytes())
    doc = nlp.make_doc("a 25 percent duty on $5 billion of goods")
    restored(doc)
    assert [s.text for s in doc.spans["rate"]] == ["25 percent"]
    assert [s.text for s in doc.spans["money"]] == ["$5 billion"]


def test_a_bad_unit_is_refused_naming_it(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR / "rates", models / "rates")
    with (models / "rates" / "units.csv").open("a", encoding="utf-8") as handle:
        handle.write("pc,percents,no\n")
    with pytest.raises(ValueError, match="'pc' has unit 'percents'"):
        load_rates_data(models)


def test_a_changed_rule_file_changes_the_pipeline_version(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models, ignore=shutil.ignore_patterns(".built"))
    before = pipeline_version(models)
    with (models / "rates" / "currencies.csv").open("a", encoding="utf-8") as handle:
        handle.write("kwacha,ZMW,suffix,no\n")
    assert pipeline_version(models) != before


LOOKBACK_TEXT = ("Tokyo, March 3 - Japan's imports of U.S. semiconductors rose by about twenty-five (25) pct in "
                 "the year to February, the ministry said; a 100 pct tariff on $300 mln of goods... "
                 "Counterproductive internationalization notwithstanding, telecommunications manufacturers")


@pytest.mark.parametrize("count", [1, 3, 8, 13, 40])
@pytest.mark.parametrize("position", [0, 9, 57, 121, 180, len(LOOKBACK_TEXT) - 1])
@pytest.mark.parametrize("reach", [0, 20, 200])
def test_last_starts_are_the_tail_of_every_start_in_reach(count, position, reach):
    # The plain definition: every word start or symbol in the stretch, the last `count` of them.
    low = max(0, position - reach)
    every = [i for i in range(low, position + 1)
             if not LOOKBACK_TEXT[i].isspace() and (not LOOKBACK_TEXT[i].isalnum() and LOOKBACK_TEXT[i] != "_"
                                                  or i == 0 or not (LOOKBACK_TEXT[i - 1].isalnum()
                                                                    or LOOKBACK_TEXT[i - 1] == "_"))]
    assert last_starts(LOOKBACK_TEXT, low, position, count) == every[-count:]


@pytest.mark.parametrize("component", ["trade_rates_v1", "trade_dates_v1"])
def test_triggered_rules_match_as_if_every_rule_were_tried_at_every_start_it_looks_back_to(component):
    # The plain definition, without the first-character screen: each rule of a trigger's class,
    # anchored at each of the last `lookback + 1` word starts up to the trigger, to the end of the line.
    pipe = spacy.blank("en")
    pipe.add_pipe(component).initialize(models_dir=str(MODELS_DIR))
    rules = pipe.get_pipe(component).rules
    text = (LOOKBACK_TEXT + "\nMid-June 2025 tariffs of 24% rose from 10 pct; about five years ago, on Monday, "
            "May 2, the $550 billion deal (1986) began, three weeks after 4/9/2025, twice a year, in Q3.")
    doc = pipe.make_doc(text)
    expected = set()
    for name, start, _ in rules.triggers(doc, text):
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        for rank, back, _, regex in rules.by_trigger.get(name, []):
            for position in last_starts(text, line_start, start, back + 1):
                match = regex.match(text, position, line_end)
                if match:
                    expected.add((rank, match.start(), match.end()))
    found = {(rank, match.start(), match.end()) for rank, _, match in rules.matches(doc, text)}
    assert found == expected
    assert len(found) >= 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Section 3 of Executive Order 14100 is hereby amended by striking the words \u201c10 percent\u201d and "
         "inserting in lieu thereof the words \u201c20 percent\u201d.", (20, 10)),
        ("Note 9 shall be amended by deleting \u201c60 percent\u201d, and by inserting \u201c25 percent\u201d in lieu "
         "thereof.", (25, 60)),
        ("Heading 9903.99.99 shall be amended by deleting \u201c30%\u201d each place that it appears and by "
         "inserting \u201c70%\u201d in lieu thereof.", (70, 30)),
    ],
)
def test_an_amendment_of_an_order_gives_the_inserted_rate_with_the_struck_one_before_it(nlp, text, expected):
    found = [(value, previous) for _, value, _, previous in rates(nlp, text) if previous is not None]
    assert found == [expected]
