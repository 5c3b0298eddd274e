"""The rates and money normalizers: what a percentage is a rate of, what it applies to, amounts."""

from datetime import UTC, datetime

import pytest

from pipeline.config import MODELS_DIR
from pipeline.nlp.build import build_nlp
from pipeline.nlp.mentions import doc_rows
from pipeline.normalize.money import normalize_money
from pipeline.normalize.rates import NORMALIZER, load_rates, normalize_rates
from pipeline.schemas import conform
from pipeline.views import ArticleView, Mention, Sentence


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_rates_v1", "trade_dates_v1"))


@pytest.fixture(scope="module")
def resources():
    return load_rates(MODELS_DIR)


def extract(nlp, body):
    """``(article view, mentions, sentences)`` of a body laid out like ``articles.text``."""
    text = "Headline\n\n" + body
    mention_rows, sentence_rows = doc_rows(nlp(text), "a1", "x")
    mentions = sorted((Mention(r["mention_id"], r["kind"], r["text"], r["start_char"], r["end_char"],
                               r["sentence_index"], r["rule_id"], r["label"]) for r in mention_rows),
                      key=lambda m: (m.start, m.end, m.kind))
    sentences = [Sentence(r["sentence_index"], r["start_char"], r["end_char"], r["paragraph_index"])
                 for r in sentence_rows]
    return ArticleView("a1", text, 10, "Headline", None, datetime(2025, 5, 2, tzinfo=UTC)), mentions, sentences


def rates(nlp, resources, body):
    """``[(value, unit, rate_kind, previous_value, applies_to)]`` for a body."""
    view, mentions, sentences = extract(nlp, body)
    return [(r["value"], r["unit"], r["rate_kind"], r["previous_value"], r["applies_to"])
            for r in normalize_rates(view, mentions, sentences, {}, resources)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Trump administration imposed 24% tariffs on Japanese imports as part of reciprocal tariffs.",
         [(24, "percent", "tariff", None, "Japanese imports")]),
        ("Canada agreed to impose a 15 pct duty on its softwood lumber exports earlier this year.",
         [(15, "percent", "duty", None, "softwood lumber exports")]),
        ("Producers are seeking a 43 pct tariff on Canada's shipments.",
         [(43, "percent", "tariff", None, "Canada's shipments")]),
        ("The reciprocal tariff rate of 10%, as originally announced, is in effect.",
         [(10, "percent", "tariff", None, None)]),
        ("Vehicles are subject to the reciprocal rate of 10% and others to 25% rates.",
         [(10, "percent", "tariff", None, None), (25, "percent", "tariff", None, None)]),
        ("The UK average applied agricultural tariff is 9.2% while the U.S. average (prior to April 2) was 5%.",
         [(9.2, "percent", "tariff", None, None), (5, "percent", "other", None, None)]),
        ("The UK imposes tariffs that can exceed 125% on meat, poultry, and dairy products.",
         [(125, "percent", "tariff", None, "meat")]),
        ("The U.S. will modify the additional ad valorem rate of duty on articles of China set forth in "
         "Executive Order 14257 of April 2, 2025, by suspending 24 percentage points of that rate.",
         [(24, "percentage_points", "duty", None, None)]),
        ("A lower 10% tariff on those energy products imported from Canada.",
         [(10, "percent", "tariff", None, "energy products imported from Canada")]),
        ("A 25% tariff on steel and aluminum takes effect.", [(25, "percent", "tariff", None, "steel and aluminum")]),
        ("Tariffs were raised from 10% to 25% last year.", [(25, "percent", "tariff", 10, None)]),
        ("On copper, the tariff rate was raised from the previous 5 per cent in 2019 to 15 per cent.",
         [(15, "percent", "tariff", 5, None)]),
        ("The tariff was 10% in 1990.", [(10, "percent", "tariff", None, None)]),  # history is still a rate
        ("Britain's VAT of 20 pct applies.", [(20, "percent", "tax", None, None)]),
        ("A levy of 5 pct was added.", [(5, "percent", "levy", None, None)]),
        ("GDP grew 2% despite the tariffs.", [(2, "percent", "other", None, None)]),
        ("Exports rose 24 pct while tariffs stayed.", [(24, "percent", "other", None, None)]),
        ("Taxes jumped 51.3 pct to 92 mln francs in 1986.", [(51.3, "percent", "other", None, None)]),
        ("The government depends on export duties for about 60 pct of its revenue.",
         [(60, "percent", "other", None, None)]),
        ("A poll gave the party 35 percent.", [(35, "percent", "other", None, None)]),
        ("Illegal crossings fell to the lowest level ever recorded, down 96% from the high.",
         [(96, "percent", "other", None, None)]),
        ("The company's effective tax rate rose to 44.6 pct from 37.6 pct.", [(44.6, "percent", "tax", 37.6, None)]),
        ("A 10 pct tariff on Tuesday hit exports.", [(10, "percent", "tariff", None, None)]),
    ],
)
def test_rate_rows(nlp, resources, body, expected):
    assert rates(nlp, resources, body) == expected


def test_a_list_of_rates_takes_the_kind_of_its_introduction(nlp, resources):
    body = ("Countries will be subject to a revised reciprocal tariff rate.\n"
            "The President may send more letters in the coming days.\n"
            "The countries he sent letters to today include:\n"
            "Japan (25%)\nKorea (25%)\nLaos (40%)")
    assert [(v, k) for v, _, k, _, _ in rates(nlp, resources, body)] == [(25, "tariff"), (25, "tariff"), (40, "tariff")]


def test_a_list_without_an_introduction_stays_other(nlp, resources):
    assert rates(nlp, resources, "Poll results:\nSmith (25%)\nJones (40%)") == [
        (25, "percent", "other", None, None), (40, "percent", "other", None, None)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the level a clause gives its subject, the measure word farther than a rate's usual reach
        ("The reciprocal tariff on goods from countries that run a trade surplus with the United States "
         "would be a minimum of 10%.", [(10, "percent", "tariff", None, None)]),
        ("Levies imposed on Chinese electric vehicles by the administration in Washington will remain at 100%.",
         [(100, "percent", "levy", None, None)]),
        ("Tariffs on Canadian goods not covered by the trade pact will increase from 25 per cent to 35 per cent.",
         [(35, "percent", "tariff", 25, None)]),
        ("The European Union's counter-tariffs would remain at 25% through the end of the year.",
         [(25, "percent", "tariff", None, None)]),
        ("Duties on steel will rise from 25% to 50% next month.", [(50, "percent", "duty", 25, None)]),
        # a change verb's object names what changes, however long the citation after it
        ("The order will increase the ad valorem rate of duty set forth in section 3(b) of Order 101, as "
         "amended by the order of March 3, 2025, from 40 percent to 60 percent.", [(60, "percent", "tariff", 40, None)]),
        # the trade word before a comma is not the subject; a change without a level stays a change
        ("Despite the tariffs, unemployment in the manufacturing states of the Midwest would be 5% next year.",
         [(5, "percent", "other", None, None)]),
        ("Despite the new tariffs imposed by Washington on the island's semiconductor makers, exports jumped 12%.",
         [(12, "percent", "other", None, None)]),
        ("Despite the tariffs, the firm will increase its output, as planned by its board, from 40 percent "
         "to 60 percent.", [(60, "percent", "other", 40, None)]),
    ],
)
def test_levels_stated_of_the_subject(nlp, resources, body, expected):
    assert rates(nlp, resources, body) == expected


def test_rows_conform_to_the_schema(nlp, resources):
    view, mentions, sentences = extract(nlp, "A 25 percent duty on $5 billion of imports.")
    rows = normalize_rates(view, mentions, sentences, {}, resources)
    table = conform("rates", [{**r, "run_id": "r", "published_month": "2025-05"} for r in rows])
    assert table.num_rows == 1


def test_a_label_without_a_unit_is_refused_naming_the_mention(resources):
    view = ArticleView("a1", "Headline\n\n24 things", 10, "Headline", None, None)
    mention = Mention("m1", "rate", "24", 10, 12, 0, "test", "value=24")
    with pytest.raises(ValueError, match=r"rate mention m1 '24' has label 'value=24'"):
        normalize_rates(view, [mention], [], {}, resources)


def test_the_normalizer_is_registered_for_the_rates_table():
    assert NORMALIZER.table == "rates" and NORMALIZER.load is load_rates


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Japan pledged $550 billion.", [("$550 billion", 550e9, "USD")]),
        ("Tariffs on 300 mln dlrs of goods.", [("300 mln dlrs", 300e6, "USD")]),
        ("A 5 billion yen and 10 billion francs deal.",
         [("5 billion yen", 5e9, "JPY"), ("10 billion francs", 10e9, None)]),
    ],
)
def test_money_rows(nlp, body, expected):
    view, mentions, sentences = extract(nlp, body)
    rows = normalize_money(view, mentions, sentences, {}, None)
    assert [(r["text"], r["value"], r["currency"]) for r in rows] == expected
    conform("money", [{**r, "run_id": "r", "published_month": "2025-05"} for r in rows])


def test_an_amended_rate_takes_the_kind_of_the_sentences_before(nlp, resources):
    body = ("In Executive Order 14100 I imposed an additional ad valorem duty on the goods of that country.\n\n"
            "Sec. 2. Amendment.\n\n"
            "Section 3 of Executive Order 14100 is hereby amended by striking the words \u201c10 percent\u201d and "
            "inserting in lieu thereof the words \u201c20 percent\u201d.")
    assert [(v, k, p) for v, _, k, p, _ in rates(nlp, resources, body)] == [(20, "duty", 10)]


def test_an_amended_percentage_in_a_text_of_no_measure_stays_other(nlp, resources):
    body = ("The club revised its rules for the year ahead after a long debate among its many members.\n\n"
            "Rule 3 is hereby amended by striking the words \u201c10 percent\u201d and inserting in lieu thereof the "
            "words \u201c20 percent\u201d.")
    assert [(v, k, p) for v, _, k, p, _ in rates(nlp, resources, body)] == [(20, "other", 10)]


def test_a_rate_amended_in_the_tariff_schedule_is_a_tariff_rate(nlp, resources):
    body = ("Effective for goods entered on or after 12:01 a.m. on May 1, 2025, the schedule shall change as follows:\n"
            "(a) heading 9903.99.99 of the HTSUS shall be amended by deleting \u201c30%\u201d each place that it "
            "appears and by inserting \u201c70%\u201d in lieu thereof.")
    assert [(v, k, p) for v, _, k, p, _ in rates(nlp, resources, body)] == [(70, "tariff", 30)]
