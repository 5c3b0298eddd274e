"""Reported speech read from word order in the sentences the parser does not read (`pipeline.nlp.reported_words`)."""

from __future__ import annotations

import shutil
from functools import lru_cache

import pytest

from pipeline.config import MODELS_DIR
from pipeline.labels import parse_label, parse_offsets
from pipeline.nlp.mentions import DocRows
from pipeline.nlp.reported_speech import GROUP
from pipeline.nlp.reported_words import RULE_PREFIX, load_word_rules
from pipeline.nlp.syntax import load_gate, load_parser
from tests.nlp.test_syntax import TRADE_STORY, rule_pipeline
from tests.normalize.helpers import quotes_of


@lru_cache(maxsize=1)
def word_rules():
    return load_word_rules(MODELS_DIR)


def reports(text: str, gate=None) -> list[tuple[str, str, str, str | None, str]]:
    """``(content, cue, lemma, speaker or None, rule id)`` of every ``reported`` mention of ``text``."""
    rows = DocRows(gate, word_rules())
    rows.add(rule_pipeline()(text), "a1", "2025-05")
    if gate is not None:
        rows.parse(load_parser(MODELS_DIR))
    found = []
    for mention in rows.dicts("mentions"):
        if mention["kind"] != GROUP:
            continue
        fields = parse_label(mention["label"])
        cue = parse_offsets(fields["cue"])
        speaker = parse_offsets(fields.get("speaker"))
        found.append((mention["text"], text[cue[0]:cue[1]], fields["lemma"],
                      text[speaker[0]:speaker[1]] if speaker else None, mention["rule_id"]))
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a bare clause after the verb; the person with the title before it speaks
        ("Harbor Airlines chief executive Mara Quill said the carrier would add ten routes.",
         ("the carrier would add ten routes", "said", "say", "Harbor Airlines chief executive Mara Quill",
          "complement")),
        # "that" a few words after the cue
        ("The city council said on Monday that it had approved the new budget.",
         ("it had approved the new budget", "said", "say", "The city council", "complement")),
        # "told" and its hearer
        ("She told reporters the bank would raise rates next month.",
         ("the bank would raise rates next month", "told", "tell", "She", "complement")),
        # a relative clause on the content's subject stays in the content
        ("Brightwell Co said scientists at its lab, which makes blood tests, found a new vaccine.",
         ("scientists at its lab, which makes blood tests, found a new vaccine", "said", "say", "Brightwell Co",
          "complement")),
        # a hearer and an adjunct before "that"
        ("He tells clients in a note that the group lowered its growth outlook.",
         ("the group lowered its growth outlook", "tells", "tell", "He", "complement")),
        # a speaker noun before the firm it speaks for
        ("A spokesman for the Northfield Bank said it would not comment on the plan.",
         ("it would not comment on the plan", "said", "say", "A spokesman for the Northfield Bank", "complement")),
        # a name and its description set off by commas
        ("Lena Ortiz, the mayor of Riverton, said the bridge would reopen in May.",
         ("the bridge would reopen in May", "said", "say", "Lena Ortiz, the mayor of Riverton", "complement")),
        # a description first, then the name set off by commas
        ("The regional airline, Skyrun, announced today that it is buying five new aircraft.",
         ("it is buying five new aircraft", "announced", "announce", "The regional airline, Skyrun", "complement")),
        # a name and its short form in brackets
        ("Northfield Motors Corporation (NMC) said on Wednesday that its sales fell by a third.",
         ("its sales fell by a third", "said", "say", "Northfield Motors Corporation (NMC)", "complement")),
        # a manner adverb between the speaker and the cue
        ("The Northfield Savings Bank jointly announced that it would merge with a rival.",
         ("it would merge with a rival", "announced", "announce", "The Northfield Savings Bank", "complement")),
        ("Acme Corp formally denied that its plant had polluted the river.",
         ("its plant had polluted the river", "denied", "deny", "Acme Corp", "complement")),
        # a name after a few words that describe it
        ("Canadian furniture maker Brightwell Holdings has said that it will close two plants.",
         ("it will close two plants", "said", "say", "Canadian furniture maker Brightwell Holdings",
          "complement")),
        # adjuncts between the cue and a clause without "that": a time word, a statement
        ("The minister said on Tuesday the talks had gone well.",
         ("the talks had gone well", "said", "say", "The minister", "complement")),
        ("The Riverton council said in a statement on Monday it would cut 200 jobs.",
         ("it would cut 200 jobs", "said", "say", "The Riverton council", "complement")),
        ("The minister said this week the talks had gone well.",
         ("the talks had gone well", "said", "say", "The minister", "complement")),
        # a full stop the sentence splitter missed ends the speaker's phrase
        ("No tender is set this week, since there is no expiring pact. dealers said money was ample.",
         ("money was ample", "said", "say", "dealers", "complement")),
        ("The commissioner says bluntly the days of open-ended guarantees must end.",
         ("the days of open-ended guarantees must end", "says", "say", "The commissioner", "complement")),
        ("Northfield Motors said last year that its sales fell by a third.",
         ("its sales fell by a third", "said", "say", "Northfield Motors", "complement")),
        # a cue that may take a noun phrase reports a bare clause an auxiliary shows
        ("He added there is a relending option for the bank.",
         ("there is a relending option for the bank", "added", "add", "He", "complement")),
        # a conjunction ends the speaker's phrase
        ("Demand will stay strong, Holt said, since industry analysts predict diet sodas will gain share.",
         ("diet sodas will gain share", "predict", "predict", "industry analysts", "complement")),
        # a number joined by a hyphen to a noun opens the clause ("fourth-quarter income")
        ("Brightwell Holdings said fourth-quarter profit fell by a third.",
         ("fourth-quarter profit fell by a third", "said", "say", "Brightwell Holdings", "complement")),
        # an -ing cue after a comma reports what the sentence's subject said
        ("The firm rejected the offer, saying that it undervalued the company.",
         ("it undervalued the company", "saying", "say", "The firm", "complement")),
        ("He left the meeting early, saying he would return on Monday.",
         ("he would return on Monday", "saying", "say", "He", "complement")),
        # a verb with other senses reports a clause after "that"
        ("The Riverton Museum announced that it would close for repairs.",
         ("it would close for repairs", "announced", "announce", "The Riverton Museum", "complement")),
        # the attribution after the clause, with a hearer and an adjunct
        ("The strike will end on Friday, the union leader told reporters on Tuesday.",
         ("The strike will end on Friday", "told", "tell", "the union leader", "postposed")),
        # the speaker after the cue, with a description
        ("The plant will close next year, said Jim Brandt, the factory manager.",
         ("The plant will close next year", "said", "say", "Jim Brandt", "postposed")),
        # "according to" opening and closing the clause
        ("According to the ministry, hospital waiting times fell in March.",
         ("hospital waiting times fell in March", "According to", "according_to", "the ministry", "source")),
        ("Hospital waiting times fell sharply in March, according to the ministry.",
         ("Hospital waiting times fell sharply in March", "according to", "according_to", "the ministry",
          "source")),
        # two speakers joined by "and", opening the sentence or after a comma, both speak ...
        ("Jane Roe and Tom Poe said the metal would hit a record by June.",
         ("the metal would hit a record by June", "said", "say", "Jane Roe and Tom Poe", "complement")),
        ("Bullion demand will keep rising, Jane Roe and Tom Poe said in a note.",
         ("Bullion demand will keep rising", "said", "say", "Jane Roe and Tom Poe", "postposed")),
        # ... but a noun after a preposition is no speaker: only the phrase after "and" speaks
        ("Imports from Brazil and the ministry said prices would fall.",
         ("prices would fall", "said", "say", "the ministry", "complement")),
        # after "that" a condition opens what was said: the whole conditional is reported
        ("Acme said Monday that if it lost the case it would close the plant.",
         ("if it lost the case it would close the plant", "said", "say", "Acme", "complement")),
        # the speaker's post in lower case after the name ("currency strategist at …") adds to the attribution
        ("The 1.10 level is proving firm resistance for the euro, says Hana Vole, currency strategist at Acme Bank.",
         ("The 1.10 level is proving firm resistance for the euro", "says", "say", "Hana Vole", "postposed")),
        # a verb that states a finding attributes the clause before it
        ("Farm incomes fell sharply over the decade, the study concluded.",
         ("Farm incomes fell sharply over the decade", "concluded", "conclude", "the study", "postposed")),
        # a plural of a speaker noun names a source too ("agencies" for "agency")
        ("Grain exports fell sharply in May, according to several agencies.",
         ("Grain exports fell sharply in May", "according to", "according_to", "several agencies", "source")),
        # a relative clause on the speaker stands between it and the cue
        ("The official who helped draft the accord said in an interview the duties would stay in place.",
         ("the duties would stay in place", "said", "say", "The official", "complement")),
        # a title-case heading's "Says" reports the clause after it
        ("Harbor Air CEO Says Fuel Duties Will Ground Flights\n\nThe carrier's chief spoke on Monday.",
         ("Fuel Duties Will Ground Flights", "Says", "say", "Harbor Air CEO", "complement")),
        # a source that ends the sentence needs no comma before it
        ("Copper exports rose 4% in March according to the trade ministry.",
         ("Copper exports rose 4% in March", "according to", "according_to", "the trade ministry", "source")),
        # time words, then a subject pronoun and a clause word: a clause even after a cue that needs "that"
        ("The Riverton Museum announced Sunday it would close for repairs.",
         ("it would close for repairs", "announced", "announce", "The Riverton Museum", "complement")),
        # an answer, and what it answers, end an adjunct before a clause without "that"
        ("Mayor Dana Holt said in response the budget would be cut in June.",
         ("the budget would be cut in June", "said", "say", "Mayor Dana Holt", "complement")),
        ("The minister told reporters in reply to a question he would keep the quota.",
         ("he would keep the quota", "told", "tell", "The minister", "complement")),
        # "on <day>" between the speaker and the cue is a time adjunct, skipped as the day alone is
        ("Mayor Dana Holt on Sunday said that the bridge would reopen in May.",
         ("the bridge would reopen in May", "said", "say", "Mayor Dana Holt", "complement")),
        ("Tomas Ruiz on Friday suggested that the port deal would be signed soon.",
         ("the port deal would be signed soon", "suggested", "suggest", "Tomas Ruiz", "complement")),
        # verbs that report a statement after "that" (issue 19)
        ("Dana Holt, daughter of the late mayor, observed that the old market had changed little.",
         ("the old market had changed little", "observed", "observe", "Dana Holt, daughter of the late mayor",
          "complement")),
        ("The Riverton central bank maintained that the currency would stay broadly stable.",
         ("the currency would stay broadly stable", "maintained", "maintain", "The Riverton central bank",
          "complement")),
        ("The ministry mentioned that exports of rice had doubled last year.",
         ("exports of rice had doubled last year", "mentioned", "mention", "The ministry", "complement")),
        ("Beijing signaled that it planned to open its chip market to foreign firms.",
         ("it planned to open its chip market to foreign firms", "signaled", "signal", "Beijing", "complement")),
    ],
)
def test_reported_speech_is_read_from_the_words(sentence, expected):
    content, cue, lemma, speaker, pattern = expected
    assert reports(sentence) == [(content, cue, lemma, speaker, f"{RULE_PREFIX}:{pattern}")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Did the minister say the school would close?",  # a question
        "If the talks fail, the mayor said, the strike will go on.",  # a condition
        "He declined to say whether the plant would close.",  # a refusal
        "The union is expected to say the strike will continue.",  # an infinitive
        "He was told the factory would close.",  # a passive: no speaker
        "I said we would win the election.",  # the writer's own voice
        "The museum announced new opening hours.",  # "announced" without "that": not speech
        "The museum announced Sunday its plan to reopen in May.",  # time words before a noun phrase
        "The mayor said in response to questions about the budget from the council it would pass.",
        "The company added 3,400 new jobs in March.",  # a number is the verb's object
        "The company said in a statement.",  # nothing reported
        "The plan, which the council said would cut costs, was approved.",  # a relative clause
        "The results said nothing about the schools in the north.",  # no speaker
        "The museum announced that it would close for repairs.",  # a noun that names no speaker
        "Acme Corp, which has lost money for years, said it would cut jobs.",  # a speaker with a clause of its own
        '"We will win this," he said.',  # a quotation: the direct quote reader's
        # a noun after a cue form makes it a noun ("state appeals court"), not a verb before its "that"
        "Last month, a Riverton state appeals court upheld a jury judgment that Acme broke the law.",
        # a noun after a preposition is an object, not a speaker
        "The mayor, asked about industry reports that the plant would close, left the room.",
        "The agency under Smith also stressed prosecution of fraud cases that topped the agenda.",
        # an -ing cue whose sentence opens with no speaker, or reports no clause
        "Prices fell sharply on Monday, saying little about demand for steel.",
        "In March the mayor left the city, saying goodbye to her staff.",
        # an adjunct that ends in no statement or time word may hold the clause's subject
        "She said in a speech to the nation's farmers prices would rise.",
        # a cue that more often takes a noun phrase reports a clause only after "that"
        "The central bank added gold to its reserves for a third straight month.",
        "The minister stressed the importance of open markets for exporters.",
        "The chairman emphasized the firm's strategy to expand abroad.",
        # a condition right after the cue may be a question ("said if …"); a participle after the adjunct
        "Acme said if it lost the case it would close the plant.",
        "Acme said in a statement following the board meeting that it had cut costs.",
        # a word that may open a clause or stand in a time phrase ("this week") is left alone
        "The spokesman said today this unit would be out of operation for months.",
        # a modal behind a manner adverb still refuses the report
        "The bank would formally announce that it had agreed to the merger.",
        # lower-case words before a name that hold a verb or a preposition describe no name
        "Demand for steel imported from Brightwell said nothing about prices in the north.",
        "Most shares of Brightwell said little about the value of the plant.",
        # a relative clause before the cue whose phrase names no speaker
        "The parcel who knows where said the road would close.",
        # data is no speaker: an "according to" that cites forecasts or figures reports no one's words
        "Farmers in the south will see more rain next week, according to weather forecasts.",
        "Rice output fell 3% last year according to official figures.",
        # without a comma the source must end the sentence
        "Prices are set according to the ministry's tables for each region.",
        # a time adjunct skipped before a cue still needs a speaker before it
        "The council voted on Monday said nothing.",
        # "maintain", "mention", "signal" with a noun phrase report nothing
        "The bank maintained its forecast for growth at three percent.",
        "The minister mentioned the new port in passing.",
        "The governor signaled a pause in rate cuts.",
    ],
)
def test_no_report_where_the_words_do_not_make_one_plainly(sentence):
    assert reports(sentence) == []


def test_an_ing_cue_after_a_quotation_takes_the_attribution_s_speaker():
    # the quotation's first words are no subject of "adding": the attribution's speaker is
    found = reports('"They are so dominant in the market," he said, adding that the rules should change.')
    assert [(f[0], f[3]) for f in found if f[1] == "adding"] == [("the rules should change", "he")]


def test_a_clause_with_an_attribution_of_its_own_is_not_attributed_again():
    found = reports("Sales rose in March, according to a survey, says the Grocers Guild.")
    assert [(f[2], f[4]) for f in found] == [("according_to", f"{RULE_PREFIX}:source")]


def test_sentences_the_parser_reads_are_left_to_the_parse():
    found = reports(TRADE_STORY, gate=load_gate(MODELS_DIR))
    # the trade story's "said" sentence is parsed: one report, from the parse, none from the words
    assert [(f[0], f[4]) for f in found] == [("the talks had gone well", "reported.csv:complement")]


def test_a_parsed_sentence_the_parse_misreads_gets_its_reported_speech_from_the_words():
    # a gerund subject in the reported clause leaves the parse without a complement; the words still read it
    story = ("Tariff talks\n\nWASHINGTON, May 3 - The United States will raise tariffs on Japanese steel imports "
             "to 25 percent, officials said. Holt said raising the tariffs would hurt carmakers.")
    rows = DocRows(load_gate(MODELS_DIR), word_rules())
    rows.add(rule_pipeline()(story), "a1", "2025-05")
    rows.parse(load_parser(MODELS_DIR))
    assert all(parsed for *_, parsed, _month in rows.sentences[1:])  # the parser reads both sentences
    found = {(m["text"], m["rule_id"]) for m in rows.dicts("mentions") if m["kind"] == GROUP}
    assert found == {
        ("WASHINGTON, May 3 - The United States will raise tariffs on Japanese steel imports to 25 percent",
         "reported.csv:postposed"),
        ("raising the tariffs would hurt carmakers", f"{RULE_PREFIX}:complement")}


@pytest.mark.parametrize(
    ("sentence", "parsed_cue"),
    [("Holt said raising the tariffs would hurt carmakers, adding that the plan was rushed.", "adding"),
     ("Holt said raising the tariffs would hurt carmakers and warned that prices would rise.", "warned")])
def test_the_words_read_the_cues_a_parse_leaves_unread_beside_one_it_reads(sentence, parsed_cue):
    # the parse reads the second cue but misreads "said" (a gerund subject): the fallback is per cue, so the
    # word order's "said" stands beside the parse's report, and the word order's reading of the cue the parse
    # read is dropped
    story = ("Tariff talks\n\nWASHINGTON, May 3 - The United States will raise tariffs on Japanese steel imports "
             "to 25 percent, officials said. " + sentence)
    found = [f for f in reports(story, gate=load_gate(MODELS_DIR)) if not f[0].startswith("WASHINGTON")]
    assert sorted((f[1], f[4]) for f in found) == sorted([
        (parsed_cue, "reported.csv:complement"), ("said", f"{RULE_PREFIX}:complement")])
    assert ("raising the tariffs would hurt carmakers", "said", "say", "Holt", f"{RULE_PREFIX}:complement") in found


def test_a_story_the_parser_skips_gets_its_reported_speech_from_the_words():
    story = ("Markets calm\n\nLONDON, May 3\nShares rose in July. The chairman said results were good. "
             "Profits rose for a third year, the company said.")
    found = reports(story, gate=load_gate(MODELS_DIR))
    assert [(f[0], f[3], f[4]) for f in found] == [
        ("results were good", "The chairman", f"{RULE_PREFIX}:complement"),
        ("Profits rose for a third year", "the company", f"{RULE_PREFIX}:postposed")]


POSTS_STORY = """Gold funds draw small savers

Savers are putting more money into gold funds this year. Owen Banks, founding partner and chief strategy \
officer at Brill Wealth Advisors, says his firm does not use gold in its model portfolios.
On the launch of the plan, Dana Quill, MD and Group CEO, Harbour City said that the city is emerging as a hub.
The duties could hurt small bakeries that sell abroad, Lena Ortiz, executive director of the Harbor Bakers \
Guild, told WXRT.
"""


def test_the_person_before_a_post_speaks_not_the_firm_at_its_end(tmp_path):
    # a name no rule tags ("Owen Banks") before a post is still the person: the capitalized words before the
    # comma, not the firm's name that closes the post; so for a tagged name before a post and its body
    rows = {q["text"]: q for q in quotes_of(tmp_path, POSTS_STORY)}
    assert {text: (q["speaker_name"], q["speaker_kind"]) for text, q in rows.items()} == {
        "his firm does not use gold in its model portfolios": ("Owen Banks", "person"),
        "the city is emerging as a hub": ("Dana Quill", "person"),
        "The duties could hurt small bakeries that sell abroad": ("Lena Ortiz", "person"),
    }


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the hearer after "told" is a name: the speaker and her post stand before the cue
        ("The duties could hurt small bakeries that sell abroad, Dana Quill, executive director of the Harbor "
         "Bakers Guild, told WXRT.", "Dana Quill, executive director of the Harbor Bakers Guild"),
        ("The duties could hurt small bakeries that sell abroad, the Harbor Bakers Guild told WXRT on Monday.",
         "the Harbor Bakers Guild"),
    ])
def test_told_takes_its_speaker_from_before_it_never_from_its_hearer(sentence, speaker):
    story = "Bakers fear duties\n\nWashington imposed a 25% tariff on aluminum imports on Monday. " + sentence
    parsed = [f for f in reports(story, gate=load_gate(MODELS_DIR)) if f[1] == "told"]
    unparsed = [f for f in reports(sentence) if f[1] == "told"]
    assert [(f[0], f[3], f[4]) for f in parsed] == [
        ("The duties could hurt small bakeries that sell abroad", speaker, "reported.csv:postposed")]
    assert [(f[0], f[3], f[4]) for f in unparsed] == [
        ("The duties could hurt small bakeries that sell abroad", speaker, f"{RULE_PREFIX}:postposed")]


def test_an_unknown_word_class_is_refused(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR / "quotes", models / "quotes")
    with (models / "quotes" / "reported_words.csv").open("a", encoding="utf-8") as handle:
        handle.write("reporters,listener\n")
    with pytest.raises(ValueError, match="listener"):
        load_word_rules(models)


GENERAL_STORY = """City approves budget

RIVERTON

Mayor Lena Ortiz said the city would hire forty new teachers next year.
The new budget will cut waiting times at the clinics, the health department said.
According to the council, the library will reopen in May.
"""


def test_quote_rows_of_a_general_news_story(tmp_path):
    rows = {q["text"]: q for q in quotes_of(tmp_path, GENERAL_STORY)}
    assert {text: (q["quote_type"], q["speaker_text"], q["cue"]) for text, q in rows.items()} == {
        "the city would hire forty new teachers next year": ("indirect", "Lena Ortiz", "say"),
        "The new budget will cut waiting times at the clinics": ("indirect", "the health department", "say"),
        "the library will reopen in May": ("indirect", "the council", "according_to"),
    }


@pytest.mark.parametrize(
    ("word", "expected"),
    [("analyst", True), ("analysts", True), ("agencies", True), ("Witnesses", True), ("ministries", True),
     # a word that only ends in "s" is no plural, and a plural of no speaker noun is none
     ("press", False), ("bus", False), ("tariffs", False)],
)
def test_speaker_nouns_and_their_plurals(word, expected):
    assert word_rules().is_speaker_noun(word) is expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a second reporting verb joined by "but" with no subject of its own: the first verb's speaker speaks
        ("Lane said he would not comment on the loan, but stressed that the deal was a sign of trust.",
         [("he would not comment on the loan", "Lane"), ("the deal was a sign of trust", "Lane")]),
        # an -ing cue after a postposed attribution goes on from its speaker, after the cue or before it
        ("Margins should improve in the second half, says Westbank, noting that costs have eased.",
         [("Margins should improve in the second half", "Westbank"), ("costs have eased", "Westbank")]),
        ("Margins should improve in the second half, Westbank said, noting that costs have eased.",
         [("Margins should improve in the second half", "Westbank"), ("costs have eased", "Westbank")]),
        # after a quotation's attribution too (the quotation itself is the direct reader's)
        ("“The two firms may use their buying power,” a trade ministry spokeswoman said, adding that private "
         "firms are excluded from the scheme.",
         [("private firms are excluded from the scheme", "a trade ministry spokeswoman")]),
        # any verb of a postposed attribution hands its speaker on ("he noted, adding that …")
        ("The program will be driven by investors, he noted, adding that the notes would be held to maturity.",
         [("The program will be driven by investors", "he"), ("the notes would be held to maturity", "he")]),
        # a source set off between the hearer and "that" is no participle either
        ("Lyle told the committee, according to a statement, that the cleanup would take years.",
         [("the cleanup would take years", "Lyle")]),
        # a noun in -ing before "that" is no participle: "told the meeting that …" reports the clause
        ("Acme chairman Tom Bell told the annual meeting last week that new partners would join.",
         [("new partners would join", "Acme chairman Tom Bell")]),
    ],
)
def test_a_cue_without_a_subject_goes_on_from_the_cue_before_it(sentence, expected):
    assert [(found[0], found[3]) for found in reports(sentence)] == expected


def test_a_joined_verb_with_an_object_reports_nothing():
    # "and added" after a verb that reports nothing has no speaker to go on from
    assert reports("Lane bought the shares and added the stake to his fund.") == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # "and that" / "but that" joins a second clause: each is a report of its own, as the parse reader gives them
    ("The minister said the plant would close, and that the workers would be paid until June.",
     [("the plant would close", "The minister"), ("the workers would be paid until June", "The minister")]),
    ("Chancellor Bob Smith said in reply the bloc was still waiting for notice of any new duties but that any "
     "such step would be met with countermeasures.",
     [("the bloc was still waiting for notice of any new duties", "Chancellor Bob Smith"),
      ("any such step would be met with countermeasures", "Chancellor Bob Smith")]),
    # a relative "that" leaves the clause whole
    ("The mayor said the plan that the council adopted was unfair.",
     [("the plan that the council adopted was unfair", "The mayor")]),
])
def test_a_second_that_clause_is_a_report_of_its_own(sentence, expected):
    assert [(content, speaker) for content, _, _, speaker, _ in reports(sentence)] == expected


@pytest.mark.parametrize(("sentence", "content"), [
    # an adjunct may end in a hearer ("to investors") before the clause opens
    ("Acme chief economist Jane Doe said in a report to investors the new levies raised the cost of steel.",
     "the new levies raised the cost of steel"),
    # the adjunct's phrase ends at its last noun, not at a hearer noun inside it
    ("He said in a television interview the dispute had raised fears of a breakdown.",
     "the dispute had raised fears of a breakdown"),
])
def test_the_clause_opens_after_an_adjunct_that_ends_in_a_hearer(sentence, content):
    assert [found[0] for found in reports(sentence)] == [content]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "accused <object> of <V-ing>": the charge is what the speaker said
        ("The ministry accused Acme of breaching the supply agreement by withholding payments.",
         [("breaching the supply agreement by withholding payments", "accused", "accuse", "The ministry",
           "reported_words.csv:object")]),
        # an object with a possessive
        ("Party spokesman Tom Reyes accused Lane's husband of having ties with a foreign lobby.",
         [("having ties with a foreign lobby", "accused", "accuse", "Party spokesman Tom Reyes",
           "reported_words.csv:object")]),
        # the -ing cue after a comma speaks for the sentence's subject
        ("The union rejected the offer, accusing management of ignoring safety rules.",
         [("ignoring safety rules", "accusing", "accuse", "The union", "reported_words.csv:object")]),
        # a passive has no object: no report of its own, and the attribution after it still stands
        ("Acme was accused of dumping steel in the region, the ministry said.",
         [("Acme was accused of dumping steel in the region", "said", "say", "the ministry",
           "reported_words.csv:postposed")]),
        # a noun after "of" is no charge read here ("accused Acme of fraud")
        ("The regulator accused Acme of fraud in its filings.", []),
    ])
def test_an_accusation_reports_what_the_object_was_charged_with(sentence, expected):
    assert reports(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "called <object> "<words>"": the object and the speaker's quoted words for it, a mixed quote
        ('Trade minister Dana Quill called the new duties "a tax on farmers" at a meeting in Harbourton.',
         [('the new duties "a tax on farmers" at a meeting in Harbourton', "called", "call",
           "Trade minister Dana Quill", "reported_words.csv:description")]),
        # curly marks, a possessive in the object; a second cue joined after it ends the content and reports
        # its own clause
        ("Acme Steel called Harbour Metals’ offer “deeply flawed” and said talks were over.",
         [("Harbour Metals’ offer “deeply flawed", "called", "call", "Acme Steel",
           "reported_words.csv:description"),
          ("talks were over", "said", "say", "Acme Steel", "reported_words.csv:complement")]),
        # no quotation mark after the object: a name given, nothing reported
        ("The union called the plan a betrayal of its members.", []),
        # "called for", "called on": a preposition first
        ('The senator called for "swift action" on the duties.', []),
        # the object fronted in a relative clause: the words after the cue are no object
        ('The rules include what customs officials called a "melt and pour" test for steel.', []),
        # a pronoun object names a label more than a claim
        ('The minister called them "false claims" in a statement.', []),
    ])
def test_a_quoted_description_of_an_object_is_reported(sentence, expected):
    assert reports(sentence) == expected


def test_a_description_cue_in_a_clause_blocks_no_attribution_after_it():
    # "called" read only with a quoted object attributes no clause: the postposed speaker still speaks
    found = reports("The plan, which critics called a giveaway, will cost billions, the ministry said.")
    assert [(f[0], f[3]) for f in found] == [("The plan, which critics called a giveaway, will cost billions",
                                              "the ministry")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a person's age set off by commas
        ("Tom Reyes, 26, says he will hold gold for years.",
         [("he will hold gold for years", "says", "say", "Tom Reyes, 26", "reported_words.csv:complement")]),
        # a post at a body no list tags: lower-case words, a preposition, capitals
        ("Dana Quill, founding partner at Acme Wealth, said the firm will hold gold.",
         [("the firm will hold gold", "said", "say", "Dana Quill, founding partner at Acme Wealth",
           "reported_words.csv:complement")]),
        # two posts joined by "and" before the firm: a post longer than a speaker's phrase
        ("Tom Reyes, senior partner and chief market strategist at Brill Ferry Capital Advisors, says his firm "
         "holds no such funds.",
         [("his firm holds no such funds", "says", "say",
           "Tom Reyes, senior partner and chief market strategist at Brill Ferry Capital Advisors",
           "reported_words.csv:complement")]),
        # a post, then the firm's tie to its owner: the person before the post speaks
        ("Dana Quill, chief strategist at Harbour Crest Wealth, a division of Kestrel Partners, says she sees "
         "savers taking more risk.",
         [("she sees savers taking more risk", "says", "say",
           "Dana Quill, chief strategist at Harbour Crest Wealth, a division of Kestrel Partners",
           "reported_words.csv:complement")]),
        # "and" joining two clauses is no post
        ("Shares of Acme fell and traders at Brill Ferry, said the board would meet.", []),
        # a number after no name is no age
        ("Shares of Acme, 12, said the board would meet.", []),
        # a firm's tie to its owner (after an article) and a participle's aside are no post
        ("Kestrel Tool Corp, a unit of Harwick Brinemoor, said it raised its prices by 5 pct.", []),
        ("A spokesman, speaking from Lisbon, told reporters the offers would rise soon.", []),
        # a post set off by commas, then the body it is held at with no preposition: the person speaks
        ("On the launch of the plan, Dana Quill, MD and Group CEO, Harbour City said that the city is emerging "
         "as a hub.",
         [("the city is emerging as a hub", "said", "say", "Dana Quill, MD and Group CEO, Harbour City",
           "reported_words.csv:complement")]),
        ("Leo Brandt, chief executive officer, Kestrel Bank said that rates would fall.",
         [("rates would fall", "said", "say", "Leo Brandt, chief executive officer, Kestrel Bank",
           "reported_words.csv:complement")]),
        # ... but a description in lower case between the commas is no post of the name before it
        ("Leo Brandt, the CEO, Kestrel Bank said that rates would fall.",
         [("rates would fall", "said", "say", "Kestrel Bank", "reported_words.csv:complement")]),
    ])
def test_a_name_before_an_age_or_a_post_set_off_by_commas_speaks(sentence, expected):
    assert reports(sentence) == expected


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # a headline credits its clause to the title holder named after its last colon
        ("Copper duties will hurt small exporters: trade minister Dana Quill\n\nThe body follows here.",
         [("Copper duties will hurt small exporters", ":", "say", "trade minister Dana Quill",
           "reported_words.csv:headline")]),
        # a speaker noun in capitals
        ("Small refiners may shut two plants next year: Analysts\n\nThe body follows here.",
         [("Small refiners may shut two plants next year", ":", "say", "Analysts", "reported_words.csv:headline")]),
        # a label in title case before the colon is no claim
        ("Global Metals Roundup: Market Analysts\n\nThe body follows here.", []),
        # words after the colon that name no speaker
        ("Harbor Air expands its fleet to ten jets: What to know\n\nThe body follows here.", []),
        # a quoted clause is a quotation, left to the quotation rules
        ("'We will not back down on steel duties': Analysts\n\nThe body follows here.", []),
        # only the first line is a headline
        ("Port strike ends\n\nDockers return to work on the new shifts: Analysts\n", []),
    ])
def test_a_headline_credits_its_clause_to_the_speaker_after_its_colon(story, expected):
    assert [r for r in reports(story) if r[4].endswith(":headline")] == expected


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        # a headline's clause of three words before a postposed attribution
        ("Pact is over, says harbour minister Dana Quill\n\nThe body follows here.",
         [("Pact is over", "says", "say", "harbour minister Dana Quill", "reported_words.csv:postposed")]),
        # four words or more need no verb (a headline in capitals shows none the reader knows)
        ("COFFEE EXPORT QUOTAS UNCHANGED IN MAY, BRAZIL SAYS\n\nThe body follows here.",
         [("COFFEE EXPORT QUOTAS UNCHANGED IN MAY", "SAYS", "say", "BRAZIL", "reported_words.csv:postposed")]),
        # three words with no verb name a topic, not a claim
        ("Duties on copper, says harbour minister Dana Quill\n\nThe body follows here.", []),
        # in the body three words stay too few
        ("Port strike ends\n\nPact is over, says harbour minister Dana Quill.\n", []),
    ])
def test_a_headline_credits_a_short_clause_to_a_postposed_speaker(story, expected):
    assert [r for r in reports(story) if r[4].endswith(":postposed")] == expected


def test_as_reported_by_attributes_the_clause_before_it():
    sentence = "The plan was set out in a letter to the planning board, as reported by the Harbour Times."
    assert reports(sentence) == [("The plan was set out in a letter to the planning board", "as reported by",
                                  "according_to", "the Harbour Times", "reported_words.csv:source")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a post with "of" before the name, and a time adjunct between the name and the cue
        ("Leader of Opposition Mara Quill on Sunday said that the new duties would hurt farmers.",
         [("the new duties would hurt farmers", "said", "say", "Leader of Opposition Mara Quill",
           f"{RULE_PREFIX}:complement")]),
        # time words, then an adjunct, then "that"; "OPEC+" is an organization of the list
        ("OPEC+ said last Monday at its monthly meeting that it would keep its output steady until April.",
         [("it would keep its output steady until April", "said", "say", "OPEC+", f"{RULE_PREFIX}:complement")]),
        # a "that"-only cue before a tagged name and a verb: a clause, not an object
        ("The ministry announced President Dana Holt will impose new duties on imported cheese.",
         [("President Dana Holt will impose new duties on imported cheese", "announced", "announce",
           "The ministry", f"{RULE_PREFIX}:complement")]),
        # a noun phrase after it stays an object
        ("The ministry announced Harbor Air's results on Tuesday.", []),
        # an accusation whose charge is quoted
        ('Quill also accused Dana Holt of "sabotaging" the trade talks in the region.',
         [('sabotaging" the trade talks in the region', "accused", "accuse", "Quill", f"{RULE_PREFIX}:object")]),
        # a quoted noun is no charge
        ('Quill accused the ministry of "fraud" in its filings.', []),
    ])
def test_speakers_with_a_post_or_a_time_adjunct_and_bare_clauses_of_names(sentence, expected):
    assert reports(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the parser reads the day as the subject: the name before "on" speaks
        ("Quill on Tuesday said the plant would close.",
         ("the plant would close", "said", "say", "Quill", "reported.csv:complement")),
        # the parser hangs the adjunct on the subject: it is cut off the speaker's words
        ("Trade minister Dana Holt on Friday suggested that the duties could be lifted by summer.",
         ("the duties could be lifted by summer", "suggested", "suggest", "Trade minister Dana Holt",
          "reported.csv:complement")),
        ("The plant would close, Quill on Tuesday said.",
         ("The plant would close", "said", "say", "Quill", "reported.csv:postposed")),
    ])
def test_the_parse_keeps_a_time_adjunct_out_of_the_speaker(sentence, expected):
    story = ("Tariff talks\n\nWASHINGTON, May 3 - The United States will raise tariffs on Japanese steel imports "
             "to 25 percent, officials said. " + sentence)
    found = [f for f in reports(story, gate=load_gate(MODELS_DIR)) if not f[0].startswith("WASHINGTON")]
    assert found == [expected]


def test_the_quote_marks_come_from_reported_words_csv():
    # the straight marks and the opening curly ones (``quote_mark``), which may open a description's words
    assert word_rules().quote_marks == frozenset({'"', "'", "“", "‘"})
