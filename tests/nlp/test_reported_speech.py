"""Reported speech from the parse: the ``reported`` spans the parser's last component adds.

Each sentence was checked by eye against the committed parser's analysis (the
relation the rule reads is the one the parser gives it).
"""

from __future__ import annotations

import shutil

import pytest

from pipeline.config import MODELS_DIR
from pipeline.labels import parse_label
from pipeline.nlp.mentions import DocRows
from pipeline.nlp.reported_speech import GROUP, load_speech_rules, shift_label
from pipeline.nlp.syntax import load_gate, load_parser
from tests.nlp.test_syntax import rule_pipeline


def reports(sentence: str) -> list[tuple[str, str, str, str | None, str]]:
    """``(content, cue, speaker or None, pattern)`` of every report of speech in ``sentence``."""
    doc = load_parser(MODELS_DIR)(sentence)
    found = []
    for span in doc.spans[GROUP] if GROUP in doc.spans else []:
        fields = parse_label(span.label_)
        cue_start, cue_end = map(int, fields["cue"].split("-"))
        speaker = None
        if fields.get("speaker"):
            start, end = map(int, fields["speaker"].split("-"))
            speaker = sentence[start:end]
        found.append((span.text, sentence[cue_start:cue_end], fields["lemma"], speaker, span.id_))
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a bare clause after the verb; the parser hangs "Japan" on "said": it still opens the content
        ("Akazawa said Japan would not accept the new tariffs on cars.",
         ("Japan would not accept the new tariffs on cars", "said", "say", "Akazawa", "reported.csv:complement")),
        # "that" and a time phrase before the clause stay out
        ("The ministry said on Friday it would retaliate against the duties.",
         ("it would retaliate against the duties", "said", "say", "The ministry", "reported.csv:complement")),
        ("She added that exports had fallen sharply in March.",
         ("exports had fallen sharply in March", "added", "add", "She", "reported.csv:complement")),
        ("Officials warned that the talks could collapse.",
         ("the talks could collapse", "warned", "warn", "Officials", "reported.csv:complement")),
        # the hearer is not the content; the parser hangs the clause on "reporters"
        ("The minister told reporters that the tariffs were unfair.",
         ("the tariffs were unfair", "told", "tell", "The minister", "reported.csv:complement")),
        # a participle takes the subject of the verb it depends on
        ("Bessent met Akazawa on Thursday, saying the talks were constructive.",
         ("the talks were constructive", "saying", "say", "Bessent", "reported.csv:complement")),
        # the speaker's whole noun phrase, up to its head
        ("A spokesman for the Commerce Ministry said the duties would take effect in May.",
         ("the duties would take effect in May", "said", "say", "A spokesman for the Commerce Ministry",
          "reported.csv:complement")),
        # the parser reads "official" as an adjective and the clause as a relative clause of "said":
        # a clause with its own subject still counts, and the words before the cue are the speaker
        ("A senior official said Tokyo could retaliate against the duties.",
         ("Tokyo could retaliate against the duties", "said", "say", "A senior official",
          "reported.csv:complement")),
        # the attribution after the clause
        ("Trade talks will resume in June, the ministry said in a statement.",
         ("Trade talks will resume in June", "said", "say", "the ministry", "reported.csv:postposed")),
        ("Japan will not give in, Akazawa told reporters.",
         ("Japan will not give in", "told", "tell", "Akazawa", "reported.csv:postposed")),
        ("The tariffs will stay, said Kevin Hassett, the White House economic adviser.",
         ("The tariffs will stay", "said", "say", "Kevin Hassett", "reported.csv:postposed")),
        # a name set off by a comma before a post with no comma after it: the person whose post it is
        ("Copper prices rose on tariff worries, Mara Quill, metals strategist at Pinecrest Securities writes in a note.",
         ("Copper prices rose on tariff worries", "writes", "write", "Mara Quill", "reported.csv:postposed")),
        ("Cocoa prices fell, hurt by a stronger dollar and better weather, Dana Lim, commodities analyst at Harbor "
         "Nova writes in a note.",
         ("Cocoa prices fell, hurt by a stronger dollar and better weather", "writes", "write", "Dana Lim",
          "reported.csv:postposed")),
        # the parser hangs the subject on the auxiliary ("Weber" under "has"): still the cue's subject
        ("However, Chancellor Weber has since announced he will double port fees on foreign cargo ships, which "
         "would hurt Norway and Chile most.",
         ("he will double port fees on foreign cargo ships, which would hurt Norway and Chile most", "announced",
          "announce", "Chancellor Weber", "reported.csv:complement")),
        # "according to X" before or after its clause
        ("According to the ministry, talks will resume next week.",
         ("talks will resume next week", "According to", "according_to", "the ministry", "reported.csv:source")),
        ("Talks will resume next week, according to the ministry.",
         ("Talks will resume next week", "according to", "according_to", "the ministry", "reported.csv:source")),
        ("Copper exports rose 4% in March according to the trade ministry.",
         ("Copper exports rose 4% in March", "according to", "according_to", "the trade ministry",
          "reported.csv:source")),
        # two subjects joined by "and" both speak
        ("Brokers and dealers have warned that the duties could disrupt supply.",
         ("the duties could disrupt supply", "warned", "warn", "Brokers and dealers", "reported.csv:complement")),
    ],
)
def test_reported_speech_is_found_with_its_cue_and_speaker(sentence, expected):
    assert reports(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the attribution after the clause, however the parser joins the two: the whole clause before the
        # comma is the content (not its last part), the words between comma and cue the speaker
        ("Exporters are likely to cut prices further, Westbank economist Lina Maro says in a note.",
         ("Exporters are likely to cut prices further", "says", "say", "Westbank economist Lina Maro",
          "reported.csv:postposed")),
        # a bracketed address after the final stop does not hide the sentence's end
        ("Tariffs will weigh on consumer spending this year, he adds. (jane.doe@example.com)",
         ("Tariffs will weigh on consumer spending this year", "adds", "add", "he", "reported.csv:postposed")),
        # a relative clause after the cue comments on the speaker; it is not what was said
        ("Tariff pressures are building for exporters, Delta Research says, which could weigh on metal prices.",
         ("Tariff pressures are building for exporters", "says", "say", "Delta Research", "reported.csv:postposed")),
        ("Copper demand is likely to soften in the second half, says Delta Research, which rates the sector neutral.",
         ("Copper demand is likely to soften in the second half", "says", "say", "Delta Research",
          "reported.csv:postposed")),
        # a speaker set off by commas before the cue is the speaker, not part of the content
        ("The ministers will meet in Geneva next week, his chief negotiator Mark Olsen, said on Tuesday.",
         ("The ministers will meet in Geneva next week", "said", "say", "his chief negotiator Mark Olsen",
          "reported.csv:postposed")),
        # a participle after the attribution belongs to it
        ("Freight costs could double by the summer, the shipping group warned, citing congestion at the ports.",
         ("Freight costs could double by the summer", "warned", "warn", "the shipping group",
          "reported.csv:postposed")),
        # ", adding:" announces what follows; it does not report the clause before it
        ("Demand for soybeans will fall further, Wo told reporters, adding:",
         ("Demand for soybeans will fall further", "told", "tell", "Wo", "reported.csv:postposed")),
        # "according to X" closing the sentence sources all of it, wherever the parser hangs X
        ("Exporters need a weaker currency to stay competitive, according to Ana Ruiz, chief economist at Delta Bank.",
         ("Exporters need a weaker currency to stay competitive", "according to", "according_to", "Ana Ruiz",
          "reported.csv:source")),
        # a "that" clause a few words after the cue
        ("The minister told Kyodo in an interview that Japan would seek an exemption from the duties.",
         ("Japan would seek an exemption from the duties", "told", "tell", "The minister",
          "reported.csv:complement")),
        # "that" opens the content even when an adjunct stands before the clause's subject
        ("The minister said that under the new law the government had wide powers to curb imports.",
         ("under the new law the government had wide powers to curb imports", "said", "say", "The minister",
          "reported.csv:complement")),
        # a subject with an apposition that the parser hangs on the cue does not hide the complement
        ("Rep. Ann Porter, a Texas Democrat and longtime free trader, said she will try to soften the tariff bill.",
         ("she will try to soften the tariff bill", "said", "say", "Rep. Ann Porter", "reported.csv:complement")),
        # a parenthetical cue with its subject reports the clause after it
        ("In fact, the commission's report said, such import curbs could make domestic products less competitive.",
         ("such import curbs could make domestic products less competitive", "said", "say",
          "the commission's report", "reported.csv:complement")),
        # the clause's subject, parsed as the verb's object or a clause of its own, opens the content
        ("The White House said Canada, along with Spain, both levy digital taxes on U.S. companies.",
         ("Canada, along with Spain, both levy digital taxes on U.S. companies", "said", "say", "The White House",
          "reported.csv:complement")),
        ("Analysts said an official rate cut could trigger a buying spree on the bond market.",
         ("an official rate cut could trigger a buying spree on the bond market", "said", "say", "Analysts",
          "reported.csv:complement")),
        # the hearer's apposition ends with a comma; the clause after it is still the content
        ("Porter told Hale, a Kansas Republican, she backed parts of the bill on steel quotas.",
         ("she backed parts of the bill on steel quotas", "told", "tell", "Porter", "reported.csv:complement")),
        # a speaker after the cue runs through a possessive
        ("Copper demand is likely to soften in the second half, says Westbank's Lina Maro in a note.",
         ("Copper demand is likely to soften in the second half", "says", "say", "Westbank's Lina Maro",
          "reported.csv:postposed")),
        # a newspaper's report after the clause it attributes
        ("The carmaker is in talks with regulators about the new duties, the Nikkei newspaper reported on Friday.",
         ("The carmaker is in talks with regulators about the new duties", "reported", "report",
          "the Nikkei newspaper", "reported.csv:postposed")),
        # a clause of its own after the attribution (", because …") does not undo it
        ("Exports will recover in the second half, Lyng said, because Japan does not want a trade war.",
         ("Exports will recover in the second half", "said", "say", "Lyng", "reported.csv:postposed")),
    ],
)
def test_reported_speech_read_from_the_words_where_the_parse_is_loose(sentence, expected):
    assert reports(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the clause's subject the parser hung on the adjunct before it ("statement Smith") opens the content
        ("The mayor said in a statement Smith would work with state agencies to fight the drug trade.",
         ("Smith would work with state agencies to fight the drug trade", "said", "say", "The mayor",
          "reported.csv:complement")),
        # a subject with a clause of its own ("plan to cut …") read as the verb's object still opens the content
        ("Acme said Brown's plan to cut the sales tax reflects the weight of the retail sector.",
         ("Brown's plan to cut the sales tax reflects the weight of the retail sector", "said", "say", "Acme",
          "reported.csv:complement")),
        # "that" after a time word opens the content, wherever the parser hung it
        ("The mayor said Friday that Acme's plan to buy the mill would become an investment instead.",
         ("Acme's plan to buy the mill would become an investment instead", "said", "say", "The mayor",
          "reported.csv:complement")),
        # a clause of time after "that" is part of what was said, not an embedded question
        ("The officials said that when the accord was signed, the yen was already rising.",
         ("when the accord was signed, the yen was already rising", "said", "say", "The officials",
          "reported.csv:complement")),
        # a conditional after "that" is part of what was said
        ("Vole says that if the central bank does not cut rates next week it would be a shock to markets.",
         ("if the central bank does not cut rates next week it would be a shock to markets", "says", "say",
          "Vole", "reported.csv:complement")),
        # a "that" after an article's noun opens a relative clause on the subject, not the content
        ("Steel makers said the new duties that Canada imposed were unfair to them.",
         ("the new duties that Canada imposed were unfair to them", "said", "say", "Steel makers",
          "reported.csv:complement")),
    ],
)
def test_the_content_opens_at_the_clause_subject(sentence, expected):
    assert reports(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        # a cue after "but" is a verb of the clause, with an object, not an attribution of what precedes
        "Exports rose sharply in March, but officials acknowledged problems with the data.",
        # a "that" clause far from the cue belongs to the noun before it
        "This confirms the view of the bank's own economists that rates will stay high for longer.",
        # "That said," is a connective, not a report
        "That said, traders are still watching tariffs closely even though weariness seems to be growing.",
        # an embedded question is what was left open, not what was said
        "Lee did not say when the new fees will take effect.",
        "Higher costs for the plant may explain why the new rules were not announced on Tuesday.",
        # data is no speaker: the parse's "according to" over forecasts or figures reports no one's words
        "Farmers in the south will see more rain next week, according to weather forecasts.",
        "Rice output in the delta fell 3% last year according to official figures.",
        # a sentence that ends as a question reports nothing (a headline's or the writer's question)
        "The minister says export duties are coming, so what will they cost?",
    ],
)
def test_no_attribution_where_the_words_do_not_make_one(sentence):
    assert reports(sentence) == []


def test_a_relative_clause_after_the_speaker_is_not_what_was_said():
    # ", says Acme, which had …" describes the speaker: the clause before the attribution is the content
    sentence = "The group expects higher costs, says Acme, which had a neutral view on the stock."
    assert [found[0] for found in reports(sentence)] == ["The group expects higher costs"]


def test_a_relative_clause_is_not_an_attribution_of_the_sentence():
    # "which Brussels says" reports on the noun before it, not on the sentence's main clause
    sentence = ("The EC is also asking Japan to ease its checks on imported cars, "
                "which Brussels says is a trade barrier.")
    assert [found for found in reports(sentence) if sentence.startswith(found[0])] == []


def test_a_quoted_fragment_stays_inside_the_reported_clause():
    # a mixed quote: the normalizer types it from the quotation marks inside the content
    assert reports('He noted that the deal was "a good first step" for both sides.') == [
        ('the deal was "a good first step" for both sides', "noted", "note", "He", "reported.csv:complement")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The figures showed that exports rose.",  # "show" reports no speaker
        "Steel prices rose in March.",  # no cue
        "The report was said to be late.",  # a passive names no speaker and no content clause
    ],
)
def test_no_report_without_a_speech_verb_and_its_clause(sentence):
    assert reports(sentence) == []


def test_labels_move_from_the_sentence_to_the_article():
    assert shift_label("lemma=say;cue=8-12;speaker=0-7", 100) == "lemma=say;cue=108-112;speaker=100-107"
    assert shift_label("lemma=say;cue=8-12;speaker=", 100) == "lemma=say;cue=108-112;speaker="


def test_reported_mentions_index_the_article_text():
    text = ("Japan rejects car tariffs\n\nTOKYO\n"
            "The United States imposed tariffs of 25% on cars. "
            "Akazawa said Japan would not accept the tariffs.")
    rows = DocRows(load_gate(MODELS_DIR))
    rows.add(rule_pipeline()(text), "a1", "2025-05")
    rows.parse(load_parser(MODELS_DIR))
    reported = [m for m in rows.dicts("mentions") if m["kind"] == "reported"]
    assert [(m["text"], m["rule_id"]) for m in reported] == [
        ("Japan would not accept the tariffs", "reported.csv:complement")]
    mention = reported[0]
    assert text[mention["start_char"]:mention["end_char"]] == mention["text"]
    fields = parse_label(mention["label"])
    cue_start, cue_end = map(int, fields["cue"].split("-"))
    speaker_start, speaker_end = map(int, fields["speaker"].split("-"))
    assert (text[cue_start:cue_end], text[speaker_start:speaker_end]) == ("said", "Akazawa")
    sentence_index = mention["sentence_index"]
    assert [s["parsed"] for s in rows.dicts("sentences") if s["sentence_index"] == sentence_index] == [True]


def test_a_pattern_name_outside_the_list_is_refused(tmp_path):
    shutil.copytree(MODELS_DIR / "quotes", tmp_path / "quotes")
    (tmp_path / "quotes" / "reported.csv").write_text("lemma,patterns\nsay,complement aside\n", encoding="utf-8")
    with pytest.raises(ValueError, match="reported.csv: row 2"):
        load_speech_rules(tmp_path)


def test_a_question_inside_a_closing_quotation_leaves_the_report():
    sentence = ('Lamb said steel trade should be judged by the WTO, adding "if it is judged by one country, '
                'what happens to the rest of us?"')
    assert [found[0].startswith("steel trade should be judged by the WTO") for found in reports(sentence)][:1] \
        == [True]


def test_a_relative_that_after_the_clause_subject_opens_no_content():
    # the parser reads "the duties" as the cue's subject and "that …" as a relative clause on it: the words
    # after that "that" are no content of their own
    sentence = ("Rita Vale, a trade lawyer, said the reciprocal duties that the president envisioned would result "
                "in a vast undertaking for the steel industry.")
    assert not [found for found in reports(sentence) if found[0].startswith("the president")]


def test_a_second_that_clause_joined_to_the_first_is_a_report_of_its_own():
    """"said that A, and that B" / "said A but that B": each clause is one report, with the cue's speaker."""
    found = reports("The governor said that prices were rising too fast, and that the bank would act soon.")
    assert [(content, speaker) for content, _, _, speaker, _ in found] == [
        ("prices were rising too fast", "The governor"), ("the bank would act soon", "The governor")]
    found = reports("The minister said the union had not yet been notified but that any new duty would be answered.")
    assert [(content, speaker) for content, _, _, speaker, _ in found] == [
        ("the union had not yet been notified", "The minister"), ("any new duty would be answered", "The minister")]


def test_a_relative_that_inside_the_content_leaves_it_whole():
    found = reports("The mayor said the plan, and the money that funds it, would be ready by June.")
    assert len(found) == 1


@pytest.mark.parametrize(("sentence", "content", "lemma"), [
    ("The senator alleged that the agency had ignored the warnings.", "the agency had ignored the warnings", "allege"),
    ("The chairman revealed that the firm was in talks with two buyers.", "the firm was in talks with two buyers",
     "reveal"),
])
def test_allege_and_reveal_report_a_that_clause(sentence, content, lemma):
    assert [(c, l) for c, _, l, _, _ in reports(sentence)] == [(content, lemma)]


def test_a_subject_the_parser_hung_on_the_adjunct_opens_the_content():
    """"said in a note to clients the recent rise … raised …": the parser reads the clause's subject as an
    object inside the adjunct; the noun phrase that opens with its determiner right after the adjunct's noun
    is where the content begins."""
    found = reports("Acme Bank economist Paul Garner said in a note to clients the sudden imposition of tariffs "
                    "lowered the odds of a rate cut.")
    assert [(content, speaker) for content, _, _, speaker, _ in found] == [
        ("the sudden imposition of tariffs lowered the odds of a rate cut", "Acme Bank economist Paul Garner")]


def test_a_clause_of_time_or_reason_after_the_cue_is_not_what_was_said():
    # the parser hangs "as he threatens …" on "says" as its complement; "as" opens a clause of time
    assert reports("Opec is finished, says Putin as he threatens member states with higher output") == []
    # a clause of reason inside the reported clause leaves it whole
    assert reports("The minister said exports would fall because the duties had doubled.") == [
        ("exports would fall because the duties had doubled", "said", "say", "The minister",
         "reported.csv:complement")]
    # a clause of contrast after "that", with the clause said after its comma, stays the content
    assert reports("But some importers said that while the duties would hurt them at first, their rivals would "
                   "lose more in the long run.") == [
        ("while the duties would hurt them at first, their rivals would lose more in the long run", "said", "say",
         "some importers", "reported.csv:complement")]


def test_speaker_bounds_take_the_name_after_a_descriptor():
    # "Hedge fund Marbeck warned …" with the name hung on "fund" as its object (as the parser reads it at
    # times): the name after the descriptor belongs to the speaker; a name set off by punctuation does not
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.nlp.reported_clauses import speaker_bounds

    words = ["Hedge", "fund", "Marbeck", "also", "warned", "clients", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 4, 1, 4, 4, 4, 4],
              deps=["nmod", "nsubj", "obj", "advmod", "ROOT", "obj", "punct"],
              pos=["NOUN", "NOUN", "ADJ", "ADV", "VERB", "NOUN", "PUNCT"])
    assert speaker_bounds(doc[1]) == (0, 2)
    words = ["The", "fund", ",", "Marbeck", ",", "warned", "clients", "."]
    doc = Doc(Vocab(), words=words, heads=[1, 5, 3, 1, 3, 5, 5, 5],
              deps=["det", "nsubj", "punct", "appos", "punct", "ROOT", "obj", "punct"],
              pos=["DET", "NOUN", "PUNCT", "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT"])
    assert speaker_bounds(doc[1]) == (0, 1)
