"""The trigger component: lexicon phrases, context words, blocked names, modality cues."""

from __future__ import annotations

import pytest
import spacy

from pipeline.config import MODELS_DIR
from pipeline.nlp.triggers import TradeTriggers, read_triggers


def _triggers(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(span.text, span.label_) for span in doc.spans.get("trigger", [])]


def _modals(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(span.text, span.label_) for span in doc.spans.get("modal", [])]


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington imposed 24% tariffs on Japanese imports.", [("imposed", "tariff_imposed")]),
    ("The tariffs were raised last week.", [("raised", "tariff_increased")]),
    ("Japan agreed to lower its tariffs on beef.", [("lower", "tariff_reduced")]),
    ("A tariff hike is coming.", [("tariff hike", "tariff_increased")]),
    ("He urged the US to abolish tariffs.", [("urged", "demand"), ("abolish", "tariff_removed")]),
    ("It granted a 90-day reprieve from the tariffs.", [("reprieve", "tariff_suspended")]),
    ("Trump threatened tariffs on Mexico.", [("threatened tariffs", "tariff_threatened")]),
    ("No tariffs on goods from Canada.", [("No tariffs on", "tariff_exemption")]),
    ("Japan set quotas on textile imports.", [("quotas", "trade_restriction")]),
    ("Commerce opened a Section 232 investigation into trucks.",
     [("Section 232", "investigation"), ("investigation", "investigation")]),
    ("Japan may take the United States to GATT.", [("take", "investigation")]),
    ("The two sides held trade talks in Geneva.", [("trade talks", "negotiation")]),
    ("They signed a trade deal.", [("trade deal", "agreement")]),
    ("It is a great deal for trade, he said.", [("deal", "agreement")]),
])
def test_triggers(trigger_nlp, text, expected):
    assert _triggers(trigger_nlp, text) == expected


@pytest.mark.parametrize("text", [
    "Tariffs on steel raise prices for carmakers.",  # the tariff word is the subject, not the object
    "Japan will raise its defense budget.",  # a generic verb without trade context
    "The ministers met in Paris to discuss security.",  # a meeting with no trade context
    "Disputes go to the General Agreement on Tariffs and Trade.",  # a name, not an agreement
    "He is the chief U.S. Trade Representative.",
    "The average applied tariff is 9.2%.",
    "China will ease restrictions on its exports.",  # "ease" undoes the restriction
    "The UK will reduce non-tariff barriers.",  # "tariff" inside "non-tariff" is no context
    "Exporters see a great deal of trade friction.",  # a quantity, not a deal
    "Glove makers expect better demand-supply dynamics as trade shifts.",  # the market's demand
    "The duties on steel were met with retaliation by trading partners.",  # a reception, not a meeting
])
def test_no_trigger(trigger_nlp, text):
    assert _triggers(trigger_nlp, text) == []


def test_a_trigger_without_acting_subject_says_so(trigger_nlp):
    doc = trigger_nlp("The tariffs take effect on Friday.")
    assert [(s.text, s.id_) for s in doc.spans["trigger"]] == [
        ("take effect", "triggers.csv:tariff_imposed:weak:agent")]


def test_context_does_not_cross_a_semicolon(trigger_nlp):
    assert _triggers(trigger_nlp, "Japan will raise spending; tariffs stay.") == []


def test_talks_count_in_a_story_about_trade(trigger_nlp):
    text = "Japan and U.S. eye tariff deal\n\nThe ministers met in Washington on Thursday."
    assert ("met", "negotiation") in _triggers(trigger_nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan will cut tariffs.", [("will", "planned")]),
    ("The U.S. could lift sanctions if Japan complies.", [("could", "possible"), ("if", "conditional")]),
    ("Japan did not impose tariffs.", [("not", "negated")]),
    ("Canada warned it may impose duties.", [("warned", "threatened"), ("may", "possible")]),
    ("The duties are scheduled to take effect.", [("are scheduled to", "planned")]),
])
def test_modal_cues(trigger_nlp, text, expected):
    assert _modals(trigger_nlp, text) == expected


def test_rule_ids_name_type_and_strength(trigger_nlp):
    doc = trigger_nlp("They held trade talks and raised tariffs.")
    assert [s.id_ for s in doc.spans["trigger"]] == ["triggers.csv:negotiation:strong",
                                                     "triggers.csv:tariff_increased:weak"]


def test_rule_data_round_trips(trigger_nlp):
    component = trigger_nlp.get_pipe("trade_triggers_v1")
    restored = TradeTriggers(trigger_nlp, "copy").from_bytes(component.to_bytes())
    assert restored.data == component.data


@pytest.mark.parametrize(("row", "named"), [
    ("tariff_imposed,weak,tariff,beside,,,impose", "'beside'"),
    ("tariff_imposed,weak,tariff,after,,boss,impose", "'boss'"),
])
def test_lexicon_refuses_unknown_values(tmp_path, row, named):
    bad = tmp_path / "triggers.csv"
    bad.write_text("event_type,strength,context,position,window,role,phrases\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=named):
        read_triggers(bad)


def test_every_lexicon_type_is_a_contract_type():
    from pipeline.events.types import EVENT_TYPES

    from pipeline.events.retype import read_retype_rules

    rows = read_triggers(MODELS_DIR / "events" / "triggers.csv")
    # "sanction" has no trigger of its own: impositions confirmed by "sanctions" are retyped
    retyped = {r.target for r in read_retype_rules(MODELS_DIR / "events" / "retype.csv") if r.target}
    assert {r["event_type"] for r in rows} | retyped == set(EVENT_TYPES)


def test_component_runs_without_sentence_boundaries():
    nlp = spacy.blank("en")
    nlp.add_pipe("trade_triggers_v1")
    nlp.get_pipe("trade_triggers_v1").initialize(models_dir=str(MODELS_DIR))
    assert _triggers(nlp, "Japan will hike tariffs.") == [("hike", "tariff_increased")]


@pytest.mark.parametrize("text", [
    "The General Agreement on Tariffs and Trade and the Tariff Commission met; the customs tariff commission did not.",
    "The tariff commissioner spoke of a good dealer, then of a good deal.",  # a name inside a longer word
    "in effect, the rules remain in effect.\nRemains in effect: the U.S.-Mexico-Canada Agreement.",
    "A good deal of demand for steel, in any case.",  # overlapping names: the earliest, then the longest
    "Under the Trade Policy Review_x and 2Trade Commission no name stands.",  # word characters around
    "Dıe Tarıff Commission and the ſtate İn effect.",  # letters the regex folds otherwise: the regex itself
    "",
])
def test_blocked_names_found_as_the_regex_finds_them(trigger_nlp, text):
    component = trigger_nlp.get_pipe("trade_triggers_v1")
    assert component._blocked_spans(text) == [m.span() for m in component.blocked.finditer(text)]
    assert component._blocked_spans(text.upper()) == [m.span() for m in component.blocked.finditer(text.upper())]
