"""Readings behind the 2025 tariff timeline: exclusions closed, classes of goods, recitals, retaliation.

Each sentence is written for these tests in the style of 2025 wire copy and
White House documents; the expected rows are the right reading (checked
against what the sentence says), not the rules' output copied.
"""

from __future__ import annotations

import pytest

from pipeline.events import article_events

US_CA_MX = [("Washington", "USA", "government"), ("Canada", "CAN", "name"), ("Mexico", "MEX", "name")]
FIELDS = ("event_type", "actor_iso3", "target_iso3", "product", "event_date", "is_background")


def _rows(build, resources, text: str, *, parsed: bool = True, **specs) -> list[tuple]:
    return [tuple(r[k] for k in FIELDS) for r in article_events(build(text, parsed=parsed, **specs), resources)]


@pytest.mark.parametrize("parsed", [True, False])
def test_eliminating_tariff_exclusions_removes_no_tariff(build, resources, parsed):
    text = ("Washington raised its tariffs on steel to 25%. The levies, and measures to eliminate thousands of "
            "product-specific tariff exclusions, will apply to imports from Canada and Mexico.")
    rows = _rows(build, resources, text, parsed=parsed, countries=US_CA_MX, rates=[("25%", 25.0, "tariff")])
    assert [r[0] for r in rows] == ["tariff_increased"]  # neither a removal nor an exemption


@pytest.mark.parametrize("parsed", [True, False])
def test_ending_exclusions_on_tariffs_removes_no_tariff(build, resources, parsed):
    text = "Washington will end all exclusions on steel and aluminum tariffs for Canada and Mexico."
    assert _rows(build, resources, text, parsed=parsed, countries=US_CA_MX) == []


def test_a_removal_followed_by_an_exemption_stays_a_removal(build, resources):
    text = "Washington will remove tariffs on Canada and Mexico, with exemptions for steel."
    rows = _rows(build, resources, text, countries=US_CA_MX)
    assert [(r[0], r[2], r[3]) for r in rows] == [("tariff_removed", ["CAN", "MEX"], None),
                                                   ("tariff_exemption", ["CAN", "MEX"], "steel")]


def test_an_exemption_told_as_past_is_no_exemption(build, resources):
    text = ("Washington imposed tariffs on Canada. The exemption, which previously allowed small parcels from "
            "Canada to enter tariff-free, was closed.")
    countries = [("Washington", "USA", "government"), ("Canada", "CAN", "name"), ("Canada", "CAN", "name", 1)]
    assert [r[0] for r in _rows(build, resources, text, countries=countries)] == ["tariff_imposed"]


def test_an_exemption_of_usmca_goods_names_them_as_its_product(build, resources):
    text = ("Washington put 25% tariffs on Canada and Mexico. There will be no tariffs on goods from Canada and "
            "Mexico that are claimed under and qualify for USMCA preference.")
    countries = US_CA_MX + [("Canada", "CAN", "name", 1), ("Mexico", "MEX", "name", 1)]
    rows = _rows(build, resources, text, countries=countries, rates=[("25%", 25.0, "tariff")])
    assert [(r[0], r[2], r[3]) for r in rows] == [("tariff_imposed", ["CAN", "MEX"], None),
                                                   ("tariff_exemption", ["CAN", "MEX"], "usmca goods")]


def test_a_pause_of_the_end_of_duty_free_parcels_keeps_their_exemption(build, resources):
    text = "Washington paused the end of duty-free treatment for low-value parcels from China on Friday."
    rows = _rows(build, resources, text, countries=[("Washington", "USA", "government"), ("China", "CHN", "name")])
    # the pause holds for the parcels, not for all of China's goods; the "end" it pauses is no removal, and
    # pausing that end keeps duty-free entry: an exemption (retype.csv, paused_ending), not a pause of a tariff
    assert [(r[0], r[2], r[3]) for r in rows] == [("tariff_exemption", ["CHN"], "low-value shipments")]


def test_a_product_of_a_coordinated_measure_is_not_borrowed(build, resources):
    text = "Washington suspended its tariffs on China and imposed duties on steel from Canada."
    countries = [("Washington", "USA", "government"), ("China", "CHN", "name"), ("Canada", "CAN", "name")]
    rows = _rows(build, resources, text, countries=countries)
    assert [(r[0], r[3]) for r in rows] == [("tariff_suspended", None), ("tariff_imposed", "steel")]


@pytest.mark.parametrize("parsed", [True, False])
def test_a_recital_of_an_old_proclamation_is_background(build, resources, parsed):
    text = ("In Proclamation 9705 of March 8, 2018, the President imposed a 25 percent tariff on steel imports "
            "from Canada.")
    rows = _rows(build, resources, text, parsed=parsed, published="2025-06-03", countries=[("Canada", "CAN", "name")],
                 officials=[("President", "USA", "Q22686")], dates=[("March 8, 2018", "DATE", "2018-03-08")],
                 rates=[("25 percent", 25.0, "tariff")])
    assert rows == [("tariff_imposed", "USA", ["CAN"], "steel", "2018-03-08", True)]


def test_a_recital_of_a_recent_order_takes_its_date_and_stays_news(build, resources):
    text = "In Executive Order 14257 of April 2, 2025, the President imposed tariffs on imports from China."
    rows = _rows(build, resources, text, published="2025-04-08", countries=[("China", "CHN", "name")],
                 officials=[("President", "USA", "Q22686")], dates=[("April 2, 2025", "DATE", "2025-04-02")])
    assert rows == [("tariff_imposed", "USA", ["CHN"], None, "2025-04-02", False)]


def test_an_order_cited_inside_a_sentence_still_dates_nothing(build, resources):
    text = "Washington raised the duties of Proclamation 9705 of March 8, 2018 on steel from Canada to 50 percent."
    rows = _rows(build, resources, text, published="2025-06-03",
                 countries=[("Washington", "USA", "government"), ("Canada", "CAN", "name")],
                 dates=[("March 8, 2018", "DATE", "2018-03-08")], rates=[("50 percent", 50.0, "tariff")])
    assert rows and all(r[4] is None and r[5] is False for r in rows)


def test_a_measure_of_a_past_term_is_background_and_a_new_one_is_not(build, resources):
    history = _rows(build, resources, "Trump imposed tariffs on steel from Canada during his first term.",
                    published="2025-02-10", countries=[("Canada", "CAN", "name")],
                    officials=[("Trump", "USA", "Q22686")])
    assert [(r[0], r[5]) for r in history] == [("tariff_imposed", True)]
    news = _rows(build, resources, "Trump raised the tariffs on steel from Canada that he imposed during his first term.",
                 published="2025-02-10", countries=[("Canada", "CAN", "name")], officials=[("Trump", "USA", "Q22686")])
    assert ("tariff_increased", False) in [(r[0], r[5]) for r in news]


@pytest.mark.parametrize("parsed", [True, False])
def test_the_retaliating_side_acts_in_an_absolute_clause(build, resources, parsed):
    text = ("The dispute has already seen Washington impose 10% tariffs on all Chinese imports, with Beijing "
            "responding by placing 15% tariffs on U.S. coal.")
    countries = [("Washington", "USA", "government"), ("Chinese", "CHN", "demonym"), ("Beijing", "CHN", "government"),
                 ("U.S.", "USA", "abbreviation")]
    rows = article_events(build(text, parsed=parsed, countries=countries,
                                rates=[("10%", 10.0, "tariff"), ("15%", 15.0, "tariff")]), resources)
    assert [(r["actor_iso3"], r["target_iso3"], r["rate_value"], r["product"]) for r in rows] == [
        ("USA", ["CHN"], 10.0, None), ("CHN", ["USA"], 15.0, "energy")]


TRUMP = [("Trump", "USA", "Q22686")]


def test_considering_a_measure_is_possible_though_the_parse_hangs_the_gerund_on_its_object(build, resources):
    text = "President Trump is considering imposing 10% tariffs on Chinese goods."
    rows = article_events(build(text, parsed=True, countries=[("Chinese", "CHN", "demonym")], officials=TRUMP,
                                rates=[("10%", 10.0, "tariff")]), resources)
    assert [(r["event_type"], r["modality"]) for r in rows] == [("tariff_imposed", "possible")]


def test_a_cue_right_before_the_trigger_governs_it_in_a_misparsed_clause(build, resources):
    text = ("Shares of the phone maker fell, especially with President Trump considering imposing 10% import "
            "tariffs on Chinese goods.")
    rows = article_events(build(text, parsed=True, countries=[("Chinese", "CHN", "demonym")], officials=TRUMP,
                                rates=[("10%", 10.0, "tariff")]), resources)
    assert [(r["event_type"], r["modality"]) for r in rows] == [("tariff_imposed", "possible")]


def test_a_headline_infinitive_is_a_plan(build, resources):
    text = "Trump to announce 25% tariffs on steel and lumber, plans reciprocal duties"
    rows = article_events(build(text, parsed=True, officials=TRUMP, rates=[("25%", 25.0, "tariff")]), resources)
    assert [(r["event_type"], r["modality"], r["product"]) for r in rows] == [("tariff_imposed", "planned", "steel")]


def test_duties_a_class_of_countries_has_imposed_are_no_event(build, resources):
    countries = [("U.S.", "USA", "abbreviation")]
    standing = article_events(build("Trump plans reciprocal tariffs on any country that has imposed levies on U.S. "
                                    "goods.", parsed=True, officials=TRUMP, countries=countries), resources)
    assert standing == []
    reported = article_events(build("Trump announced tariffs on any country that has imposed levies on U.S. goods.",
                                    parsed=True, officials=TRUMP, countries=countries), resources)
    assert [(r["event_type"], r["actor_iso3"]) for r in reported] == [("tariff_imposed", "USA")]  # the announcement


US_CA_MX_CN = US_CA_MX + [("China", "CHN", "name"), ("Washington", "USA", "government", 1)]
PACKAGE_RATES = [("25%", 25.0, "tariff"), ("10%", 10.0, "tariff")]


@pytest.mark.parametrize("parsed", [True, False])
def test_a_pause_of_a_package_at_several_rates_takes_no_targets(build, resources, parsed):
    text = ("Washington imposed tariffs of 25% on Canada and Mexico, and of 10% on China.  "
            "Washington later paused the tariffs for 30 days.")
    rows = _rows(build, resources, text, parsed=parsed, countries=US_CA_MX_CN, rates=PACKAGE_RATES)
    # which of the measures was paused, the text does not say: not all three, not the last named
    assert [(r[0], r[2]) for r in rows if r[0] == "tariff_suspended"] == [("tariff_suspended", [])]


@pytest.mark.parametrize("parsed", [True, False])
def test_a_pause_of_one_measure_takes_its_targets(build, resources, parsed):
    text = "Washington imposed tariffs of 25% on Canada and Mexico. Washington later paused the tariffs for 30 days."
    countries = US_CA_MX + [("Washington", "USA", "government", 1)]
    rows = _rows(build, resources, text, parsed=parsed, countries=countries, rates=[("25%", 25.0, "tariff")])
    assert [(r[0], r[2]) for r in rows if r[0] == "tariff_suspended"] == [("tariff_suspended", ["CAN", "MEX"])]


@pytest.mark.parametrize("parsed", [True, False])
def test_an_exemption_naming_what_it_falls_on_takes_no_earlier_targets(build, resources, parsed):
    text = "Washington imposed tariffs on Canada and Mexico. Washington will put no tariffs on data flows."
    countries = US_CA_MX + [("Washington", "USA", "government", 1)]
    rows = _rows(build, resources, text, parsed=parsed, countries=countries)
    assert [(r[2], r[3]) for r in rows if r[0] != "tariff_imposed"] in ([], [([], None)])


def test_words_that_refer_back_keep_the_earlier_targets(build, resources):
    text = "Washington imposed tariffs on Canada. Washington then paused the tariffs on its goods."
    countries = [("Washington", "USA", "government"), ("Canada", "CAN", "name"), ("Washington", "USA", "government", 1)]
    rows = _rows(build, resources, text, countries=countries)
    assert [(r[0], r[2]) for r in rows if r[0] == "tariff_suspended"] == [("tariff_suspended", ["CAN"])]


def test_a_speculation_lends_no_targets_to_a_later_measure(build, resources):
    text = "Washington could raise tariffs on Canada if talks fail. Washington granted a tariff exemption."
    countries = [("Washington", "USA", "government"), ("Canada", "CAN", "name"), ("Washington", "USA", "government", 1)]
    rows = _rows(build, resources, text, countries=countries)
    assert [(r[0], r[2]) for r in rows if r[0] == "tariff_exemption"] == [("tariff_exemption", [])]


def test_a_negated_measure_still_names_whom_a_later_report_concerns(build, resources):
    text = "Washington has not yet set a quota on Canada. Newspapers said Washington had set a quota of 10,000 cars."
    countries = [("Washington", "USA", "government"), ("Canada", "CAN", "name"), ("Washington", "USA", "government", 1)]
    rows = _rows(build, resources, text, countries=countries)
    assert [r[2] for r in rows if r[0] == "trade_restriction"] == [["CAN"], ["CAN"]]


def test_a_measure_in_a_heading_takes_no_targets_from_before_it(build, resources):
    countries = [("Washington", "USA", "government"), ("China", "CHN", "name")]
    for heading, targets in (("Suspension of Ad Valorem Rates of Duty.", []),
                             ("The United States suspended the rates of duty.", ["CHN"])):
        rows = _rows(build, resources, "Washington imposed a 10% tariff on China. " + heading, countries=countries,
                     rates=[("10%", 10.0, "tariff")])
        # a heading opens a new part: its suspension is of no measure named before it; a sentence is not one
        assert [r[2] for r in rows if r[0] == "tariff_suspended"] == [targets]


def test_parcels_named_by_the_de_minimis_value_are_low_value_shipments(build, resources):
    text = "Washington paused the end of duty-free treatment for packages under $800 from China on Friday."
    rows = _rows(build, resources, text, countries=[("Washington", "USA", "government"), ("China", "CHN", "name")])
    # (the pause of an ending keeps the exemption: retype.csv, paused_ending)
    assert [(r[0], r[2], r[3]) for r in rows] == [("tariff_exemption", ["CHN"], "low-value shipments")]


@pytest.mark.parametrize(("second", "product"), [
    ("an additional rate of duty of 10 percent on certain energy resources", None),  # the energy is the 10%'s
    ("the same rate on energy resources", "energy"),  # no other rate: the energy is the measure's own
])
def test_goods_another_rate_falls_on_are_not_the_measures(build, resources, second, product):
    text = ("Washington imposed an additional rate of duty of 25 percent on certain articles that are products of "
            f"Canada and {second} that are products of Canada.")
    rates = [("25 percent", 25.0, "duty", None, "certain articles")]
    if "10 percent" in second:
        rates.append(("10 percent", 10.0, "duty", None, "certain energy resources"))
    countries = [("Washington", "USA", "government"), ("Canada", "CAN", "name"), ("Canada", "CAN", "name", 1)]
    rows = _rows(build, resources, text, countries=countries, rates=rates)
    found = [(r[0], r[2], r[3]) for r in rows]
    assert found[0] == ("tariff_imposed", ["CAN"], product)
    # "and an additional rate of duty of 10 percent on …" is a measure of its own, joined to the first
    # (`pipeline.events.coordinated`): its goods are its own, never the first measure's
    assert found[1:] == ([("tariff_imposed", ["CAN"], "energy")] if "10 percent" in second else [])
