"""Reported and mixed speech in the ``quotes`` table: types, speakers and speaker kinds, end to end.

One story of our own runs through ingest, extract (the parse) and normalize;
each sentence tests one case. The parser's analysis of each was checked by eye.
"""

from __future__ import annotations

import pytest

from tests.normalize.helpers import quotes_of, row

STORY = """Japan rejects U.S. car tariffs

TOKYO

Japan's top trade negotiator Ryosei Akazawa said on Friday that Japan would not accept the 25% tariffs on cars. \
He added that the talks with Washington would continue next week.
According to the trade ministry, exports of cars fell 10% in April after the tariffs took effect.
The Commerce Ministry said it would study the new duties. It warned that retaliation was possible.
Akazawa noted that the deal was "a good first step" for both sides.
"We will not accept it," he said.
A senior official said Tokyo could retaliate against the duties.
Critics call the plan a "giveaway" to carmakers.
"""


@pytest.fixture(scope="module")
def quotes(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("reported"), STORY)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # the cue's subject, the fullest name of the person it names
        ("Japan would not accept", ("indirect", "Ryosei Akazawa", "person", "say")),
        # "he" → the person named before
        ("the talks with Washington", ("indirect", "Ryosei Akazawa", "person", "add")),
        # "according to X": the institution speaks
        ("exports of cars fell", ("indirect", "trade ministry", "organization", "according_to")),
        ("it would study", ("indirect", "Commerce Ministry", "organization", "say")),
        # "it" → the organization that spoke last
        ("retaliation was possible", ("indirect", "Commerce Ministry", "organization", "warn")),
        # a reported clause holding a quoted fragment
        ("the deal was", ("mixed", "Ryosei Akazawa", "person", "note")),
        # the fragment keeps its direct row
        ("a good first step", ("direct", "Ryosei Akazawa", "person", "note")),
        ("We will not accept it", ("direct", "Ryosei Akazawa", "person", "say")),
        # an unnamed source names no one
        ("Tokyo could retaliate", ("indirect", "senior official", "unresolved", "say")),
    ],
)
def test_types_speakers_and_kinds(quotes, start, expected):
    found = row(quotes, start)
    assert (found["quote_type"], found["speaker_name"], found["speaker_kind"], found["cue"]) == expected


def test_reported_content_spans_the_clause_without_that(quotes):
    found = row(quotes, "Japan would not accept")
    assert found["text"] == "Japan would not accept the 25% tariffs on cars"
    assert STORY.split("\n", 4)[-1].find(found["text"]) >= 0
    assert found["kind"] == "partial" and not found["unbalanced"]


def test_a_direct_quotation_is_not_repeated_as_reported_speech(quotes):
    # '"We will not accept it," he said.' has one row, the direct one
    assert [q["quote_type"] for q in quotes if "We will not accept it" in q["text"]] == ["direct"]


def test_scare_quotes_are_not_quotations(quotes):
    assert not [q for q in quotes if q["text"].startswith("giveaway")]


DESCRIBED = """Britain rejects whisky duties

LONDON

Britain's trade minister Michael Howard met European counterparts on Tuesday.
A British minister said London would not accept new duties on whisky.
A senior official said the talks could fail.
"This is unacceptable," said Japan's trade minister, Ryosei Akazawa.
"""


@pytest.fixture(scope="module")
def described(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("described"), DESCRIBED)


@pytest.mark.parametrize(
    ("start", "speaker", "kind"),
    [
        # an indefinite description with a country: the one official of that country and role named before
        ("London would not accept", "Michael Howard", "person"),
        # no official named has the role "official": an anonymous source stays unresolved
        ("the talks could fail", "senior official", "unresolved"),
        # the name in apposition after the title, right of the cue
        ("This is unacceptable", "Ryosei Akazawa", "person"),
    ],
)
def test_descriptions_and_appositions_name_the_speaker(described, start, speaker, kind):
    found = row(described, start)
    assert (found["speaker_name"], found["speaker_kind"]) == (speaker, kind)


FIRMS = """U.S. raises tariffs on copper imports

LONDON

Copper prices will rally after the U.S. raised tariffs on imports, Harbury Capital said in a note.
Stocks are thin in China, it said.
Tin prices will fall despite the tariffs, said Mosswood Research. Supply is rising, it said.
Japanese economists said the tariffs would slow growth.
Steel prices will rise after the U.S. raised tariffs on imports, Harbury analysts write.
The tariffs will likely have a limited impact on Asian mills, analysts at Kestrel Research write in a note.
"""


@pytest.fixture(scope="module")
def firms(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("firms"), FIRMS)


@pytest.mark.parametrize(
    ("start", "speaker", "kind"),
    [
        # "it" is the organization that spoke last before it in the text
        ("Stocks are thin", "Harbury Capital", "organization"),
        ("Supply is rising", "Mosswood Research", "organization"),
        # a country names no firm: its economists stay a group
        ("the tariffs would slow", "Japanese economists", "unresolved"),
        # "write" after the clause it reports, like "say"; the firm of the staff speaks, named before or after,
        # under the fuller name the story gave it before ("Harbury" → "Harbury Capital")
        ("Steel prices will rise", "Harbury Capital", "organization"),
        ("The tariffs will likely", "Kestrel Research", "organization"),
    ],
)
def test_pronouns_and_staff_in_reported_speech(firms, start, speaker, kind):
    found = row(firms, start)
    assert (found["speaker_name"], found["speaker_kind"]) == (speaker, kind)



MARKET_TALK = """U.S. raises tariffs on Asian steel

SINGAPORE

0310 GMT - Asian steel prices could fall further as the U.S. raises tariffs on imports, Westbank economist Lina Maro \
says in a note. (desk@example.com)
Exporters will cut prices to keep their market share, she adds.
Korean mills are likely to divert shipments to Europe, says Delta Research, which rates the sector neutral.
Tariff pressures are building for Asian exporters, Delta Research says, which could weigh on prices.
"""


@pytest.fixture(scope="module")
def market_talk(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("market"), MARKET_TALK)


@pytest.mark.parametrize(
    ("start", "speaker", "kind"),
    [
        # the whole clause before the attribution, and a bracketed address after the stop is no obstacle
        # (the item's clock time, "0310 GMT -", is no part of what was said)
        ("Asian steel prices could fall", "Lina Maro", "person"),
        ("Exporters will cut prices", "Lina Maro", "person"),
        # the speaker after the cue, a relative clause on it left out
        ("Korean mills are likely", "Delta Research", "organization"),
        ("Tariff pressures are building", "Delta Research", "organization"),
    ],
)
def test_attributions_after_the_clause_in_market_talk(market_talk, start, speaker, kind):
    found = row(market_talk, start)
    assert (found["quote_type"], found["speaker_name"], found["speaker_kind"]) == ("indirect", speaker, kind)


def test_a_relative_clause_after_the_attribution_is_not_reported(market_talk):
    assert [q["text"] for q in market_talk if q["text"].startswith("which")] == []


STUDY = """Harbour Agency Study Finds Rules Slowed Growth

OTTAWA

The Finance Agency published its yearly review on Monday.
Federal rules cut output and hiring over two decades, a Statistics Canada study found.
The study said the rules led to a drop of two points in output over the period.
Meanwhile, investment fell as the burden of compliance grew, the study said.
Leading Italian economists said the rules would weigh on exports to Canada.
R and K said the ratings of provincial bonds could fall further.
"""


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("study"), STUDY)


@pytest.mark.parametrize("start", ["the rules led to a drop", "Meanwhile, investment fell"])
def test_a_study_speaks_for_the_body_named_where_it_is_first_mentioned(study, start):
    # "study" is a document noun: "the study" takes the name before its first mention in the body (not the
    # headline's), though a publication noun ("Agency") stands earlier, and a country inside the name
    # ("Statistics Canada") does not hide it
    found = row(study, start)
    assert (found["quote_type"], found["speaker_name"], found["speaker_kind"]) == \
        ("indirect", "Statistics Canada", "organization")


def test_a_country_after_a_sentence_s_first_word_names_no_firm(study):
    found = row(study, "the rules would weigh")
    assert (found["speaker_name"], found["speaker_kind"]) == ("Leading Italian economists", "unresolved")


def test_two_untagged_names_joined_by_and_are_one_firm(study):
    found = row(study, "the ratings of provincial bonds")
    assert (found["speaker_name"], found["speaker_kind"]) == ("R and K", "organization")


DIGEST = """Currencies steady as traders weigh new tariffs

LONDON

Frontier currencies have held up well this year despite the tariffs, noted KBR. Tariffs remain the main risk \
for those currencies, wrote the bank on Monday.
"Nobody can tell where the tariffs stop," Westbank's Tom Harlow says in a commentary. "Still, buyers are \
taking comfort from the delay," the head of Rates Research says.
"The delay in tariffs leaves room for a deal," said R K Sundaram, chief strategist at Kestrel Securities.
Sundaram, however, took a gloomy view of the market's prospects saying that a lasting rise in shares \
looks doubtful while foreign funds keep selling. "Only lower bond yields will bring the funds back."
"""


@pytest.fixture(scope="module")
def digest(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("digest"), DIGEST)


@pytest.mark.parametrize(
    ("start", "speaker", "kind"),
    [
        # a word in capitals in running text is a firm's initials, and "the bank" after it takes it up
        ("Frontier currencies have held up", "KBR", "organization"),
        ("Tariffs remain the main risk", "KBR", "organization"),
        # "the head of <body>" is a person's role: the one who spoke just before, not the body
        ("Still, buyers are taking comfort", "Tom Harlow", "person"),
        # a participle right after a noun that names no speaker goes on from the sentence's subject, a surname
        # of the person quoted before; the next quotation keeps that speaker
        ("a lasting rise in shares", "Sundaram", "person"),
        ("Only lower bond yields", "Sundaram", "person"),
    ],
)
def test_acronyms_roles_of_bodies_and_participles(digest, start, speaker, kind):
    found = row(digest, start)
    assert (found["speaker_name"], found["speaker_kind"]) == (speaker, kind)


BANKS = """Banks report mixed quarters

NEW YORK

Kestrel Bank Canada, a unit of Kestrel Bank <KES.L> PLC said it named a new chief executive. The bank said its \
former president resigned to pursue other interests.
Lending to farmers slowed this year, said a study by Prairie Imperial Bank of Commerce. The bank said that \
loan losses had eased in the quarter.
Harbour Securities Inc said its head of trading had been suspended. The SEC charged the trader with profiting from \
inside information. "Our policy has always been that violations are not tolerated," the firm said.
A strong tremor was felt on the coast today, the Eastern Meteorological Agency said.
QT and R said its QT and R Services unit won a contract to run the base.
"""


@pytest.fixture(scope="module")
def banks(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("banks"), BANKS)


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        # "the bank" takes up no company suffix alone ("PLC"): the body rules name the bank
        ("its former president resigned", "Kestrel Bank"),
        # a regulator that acted in between is not "the firm": the firm that last spoke is
        ("Our policy has always been", "Harbour Securities Inc"),
        # a capitalized "Agency" ends a body's tagged name; it is no news agency's
        ("A strong tremor was felt", "Eastern Meteorological Agency"),
        # initials joined by "and" to a capital letter are one firm's name
        ("its QT and R Services unit", "QT and R"),
    ],
)
def test_the_bank_and_the_firm_name_whole_firms(banks, start, speaker):
    assert row(banks, start)["speaker_name"] == speaker


def test_the_bank_is_no_tail_of_a_longer_name(banks):
    # "Commerce" of "Prairie Imperial Bank of Commerce" is written nowhere alone: no firm of that name spoke
    assert row(banks, "loan losses had eased")["speaker_name"] != "Commerce"


DESKS = """Yen seen weaker on tariff fears

TOKYO

The yen is likely to weaken against the euro this year, according to Tomas Wexley of Harbour Bank Research. \
The currencies face risks from the duties, the senior currency strategist writes in a note. He expects the pair to rise.
The 150 level "marks the top for now" for the dollar, a currency trader at a bank said.
A bigger dip from here is unlikely given how fast the duties are rising, he said.
"""


@pytest.fixture(scope="module")
def desks(tmp_path_factory):
    return quotes_of(tmp_path_factory.mktemp("desks"), DESKS)


@pytest.mark.parametrize(
    ("start", "speaker", "kind"),
    [
        # a given name and a surname before "of" head an organization's tag that took them in: the person speaks,
        # and the role and "he" after take the person up
        ("The yen is likely to weaken", "Tomas Wexley", "person"),
        ("The currencies face risks", "Tomas Wexley", "person"),
        ("marks the top for now", "trader at a bank", "unresolved"),
        # "he" after an unnamed source goes on with it: no one the story names
        ("A bigger dip from here", "trader at a bank", "unresolved"),
    ],
)
def test_a_person_of_a_body_and_an_unnamed_role_at_a_body(desks, start, speaker, kind):
    found = row(desks, start)
    assert (found["speaker_name"], found["speaker_kind"]) == (speaker, kind)
