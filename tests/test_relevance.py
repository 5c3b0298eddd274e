"""articles.trade_relevance and is_trade: the weighted lexicon of models/relevance/, on sentences of our own."""

from __future__ import annotations

import pytest

from pipeline.config import MODELS_DIR
from pipeline.relevance import compile_rules, find_terms, load_relevance, relevance, score_text

RULES = load_relevance(MODELS_DIR)


def small_rules(**scoring):
    """A lexicon of a few terms with round weights, so that scores can be worked out by hand."""
    terms = {"tariff*": 3, "duties": 1, "import duties": 3, "fiduciary duties": 0, "trade war": 3, "import*": 0.5,
             "important": 0}
    return compile_rules(terms, **{"title_weight": 3, "body_cap": 3, "threshold": 8, **scoring})


@pytest.mark.parametrize(("headline", "body"), [
    ("Canada answers U.S. steel tariffs", "Ottawa said it would impose counter-tariffs on C$30 billion of goods."),
    ("Talks resume", "The two governments resumed trade talks in Geneva. The WTO panel ruling on anti-dumping duties "
                     "on steel is due in June, and export controls on chips stay in place."),
    ("Harbour strike", "Negotiators said the trade agreement would cut import duties on cars. Import duties on "
                       "rice stay. The trade deal must pass parliament."),
])
def test_trade_stories_are_flagged(headline, body):
    found = relevance(headline, body, RULES)
    assert found.is_trade and found.trade_relevance >= 0.5


@pytest.mark.parametrize(("headline", "body"), [
    ("Bank raises dividend", "The board declared a quarterly dividend. Profit rose 4% on higher fees."),
    ("Chipmaker results", "It is important that the import of new tools went well, the chief executive said."),
    ("Board sued", "Shareholders say directors breached their fiduciary duties. The court hears the case in May."),
    ("Power prices", "The regulator cut the electricity tariff for homes. Feed-in tariffs for solar stay."),
])
def test_stories_without_trade_policy_are_not_flagged(headline, body):
    assert not relevance(headline, body, RULES).is_trade


def test_an_article_without_a_trade_word_scores_nothing():
    found = relevance("Weather", "Rain is expected in the north.", RULES)
    assert (found.score, found.trade_relevance, found.is_trade) == (0, 0, False)


def test_the_longer_term_wins_where_two_overlap():
    rules = small_rules()
    assert [term for _, _, term, _ in find_terms("Import duties rose; duties fell.", rules)] == [
        "import duties", "duties"]
    assert score_text("Import duties rose; duties fell.", rules, cap=3) == 3 + 1
    assert score_text("Directors breached their fiduciary duties.", rules, cap=3) == 0  # weight 0 cancels
    assert score_text("It is important.", rules, cap=3) == 0  # not "import*"


def test_terms_match_whole_words_any_case_and_a_hyphen_for_a_space():
    rules = small_rules()
    assert [term for _, _, term, _ in find_terms("A TRADE-WAR, tariffs, Tariffed; subtariff, trade warning", rules)] \
        == ["trade war", "tariff*", "tariff*"]


def test_a_term_counts_at_most_body_cap_times_in_the_body():
    rules = small_rules()
    assert relevance(None, "tariffs " * 10, rules).score == 3 * 3
    assert relevance(None, "tariffs " * 10, small_rules(body_cap=1)).score == 3


def test_a_term_in_the_headline_counts_title_weight_times_once():
    rules = small_rules()
    assert relevance("Tariffs, tariffs, tariffs", "", rules).score == 3 * 3
    assert relevance("Tariffs", "Tariffs again.", rules).score == 3 * 3 + 3


def test_relevance_is_one_half_at_the_threshold_and_is_trade_from_there():
    rules = small_rules(threshold=9)
    at = relevance("Tariffs", "", rules)  # score 9
    below = relevance(None, "tariffs tariffs", rules)  # score 6
    assert (at.trade_relevance, at.is_trade) == (0.5, True)
    assert below.trade_relevance == pytest.approx(6 / 15) and not below.is_trade


@pytest.mark.parametrize(("lexicon", "scoring", "message"), [
    ("term,weight\ntariff*,heavy\n", "parameter,value\ntitle_weight,3\nbody_cap,3\nthreshold,8\n", "not a number"),
    ("term,weight\ntariff*,3\n", "parameter,value\ntitle_weight,3\nbody_cap,3\n", r"missing \['threshold'\]"),
    ("term,weight\ntariff*,3\n", "parameter,value\ntitle_weight,3\nbody_cap,3\nthreshold,0\n", "threshold > 0"),
    ("term,weight\n", "parameter,value\ntitle_weight,3\nbody_cap,3\nthreshold,8\n", "empty"),
])
def test_bad_rule_files_are_refused_naming_the_problem(tmp_path, lexicon, scoring, message):
    (tmp_path / "relevance").mkdir()
    (tmp_path / "relevance" / "lexicon.csv").write_text(lexicon, encoding="utf-8")
    (tmp_path / "relevance" / "scoring.csv").write_text(scoring, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_relevance(tmp_path)


def test_articles_declare_the_two_columns():
    import pyarrow as pa

    from pipeline.schemas import schema_for

    schema = schema_for("articles")
    assert schema.field("trade_relevance").type == pa.float64() and schema.field("is_trade").type == pa.bool_()


def test_a_rate_term_is_found_only_right_after_a_number():
    rules = compile_rules({"% tariff*": 8, "tariff*": 3}, title_weight=3, body_cap=3, threshold=8)
    assert [term for _, _, term, _ in find_terms("A 25% tariff, a 10 % tariffs rule.", rules)] == ["% tariff*", "% tariff*"]
    assert [term for _, _, term, _ in find_terms("Rates rose %tariffs; the tariff stays.", rules)] == ["tariff*", "tariff*"]


@pytest.mark.parametrize("body", [
    "Ottawa said the company faces tariffs on lumber shipped to the United States.",
    "Profit fell; a 25% tariff on imported parts will raise costs, the chief executive said.",
    "Analysts expect the reciprocal tariffs to be announced next week.",
])
def test_one_tariff_named_with_its_target_rate_or_programme_makes_a_trade_story(body):
    assert relevance("Quarterly results", body, RULES).is_trade


@pytest.mark.parametrize("body", [
    "Shares fell on tariff fears. Tariff uncertainty weighed on banks amid trade tensions.",
    "Analysts asked about the impact of tariffs on margins; tariffs remain a risk, the company said.",
])
def test_general_tariff_talk_alone_does_not_make_a_trade_story(body):
    assert not relevance("Quarterly results", body, RULES).is_trade
