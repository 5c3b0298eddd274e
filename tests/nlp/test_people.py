"""The people component: titles and names, appositions, surnames, organizations, negative cases."""

from __future__ import annotations

import shutil

import pytest
import spacy

import pipeline.nlp.people  # noqa: F401  (registers trade_people_v1)
import pipeline.nlp.sentences  # noqa: F401  (registers trade_sentences_v1)
from pipeline.config import MODELS_DIR
from pipeline.names import surname_keys as name_keys
from pipeline.nlp.build import build_nlp
from pipeline.nlp.people import load_people_data
from pipeline.nlp.people_tokens import is_name_word, slug_words


def _blank_pipeline():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_people_v1"))


@pytest.fixture(scope="module")
def nlp():
    return _blank_pipeline()


def spans(doc, group):
    return [(s.text, s.label_) for s in doc.spans.get(group, [])]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Treasury Secretary Scott Bessent met them on Thursday.", "Scott Bessent", "Treasury Secretary"),
        ("Japanese Prime Minister Shigeru Ishiba urged the US to act.", "Shigeru Ishiba", "Prime Minister"),
        ("U.S. Trade Representative Clayton Yeutter said so.", "Clayton Yeutter", "Trade Representative"),
        ("Sen. John Danforth spoke on the floor.", "John Danforth", "Sen."),
        ("The tariffs were announced by President Reagan on Friday.", "Reagan", "President"),
        ("EC External Trade Commissioner Willy De Clercq wrote a letter.", "Willy De Clercq",
         "External Trade Commissioner"),
        ("They met Vice Premier He Lifeng in Geneva.", "He Lifeng", "Vice Premier"),
        ("Secretary of the Treasury Scott Bessent spoke.", "Scott Bessent", "Secretary of the Treasury"),
        ("He wrote to special U.S. Trade Representative Clayton Yeutter.", "Clayton Yeutter", "Trade Representative"),
        ("New Zealand trade minister Mike Moore told his colleagues.", "Mike Moore", "trade minister"),
        ("Talks with the Deputy U.S. Trade Representative, Michael Smith, and others.", "Michael Smith",
         "Deputy Trade Representative"),
        ("Less so than his Trade and Industry Minister, Hajime Tamura, who spoke.", "Hajime Tamura",
         "Trade and Industry Minister"),
        ("White House spokesman Marlin Fitzwater said yesterday.", "Marlin Fitzwater", "spokesman"),
        ("In the Commons, Liberal member Lloyd Axworthy branded the ruling.", "Lloyd Axworthy", "Liberal member"),
        ("Fact Sheet: President Donald J. Trump Adjusts Tariffs on Canada", "Donald J. Trump", "President"),
        ("Meetings with the Under Secretary of Commerce, Bruce Smart.", "Bruce Smart", "Under Secretary of Commerce"),
        # abbreviated titles of market copy
        ("Pres Trump and Japan PM Ishiba held talks at the White House.", "Trump", "Pres"),
        ("Pres Trump and Japan PM Ishiba held talks at the White House.", "Ishiba", "PM"),
        ("Earlier, Pres. Lula told reporters he would answer.", "Lula", "Pres."),
    ],
)
def test_title_and_name_make_an_official(nlp, text, name, title):
    doc = nlp(text)
    assert (name, title) in spans(doc, "official")
    assert title in [label for _, label in spans(doc, "title")]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Ryosei Akazawa, Japan's top trade negotiator, met them.", "Ryosei Akazawa", "top trade negotiator"),
        ("Chen Shibiao, commercial counsellor at the Chinese embassy, said so.", "Chen Shibiao",
         "commercial counsellor"),
        ("The paper printed an article by China's commercial counsellor in its Washington embassy, Chen Shibiao, "
         "who said so.", "Chen Shibiao", "commercial counsellor"),
        ("Makoto Kuroda, vice minister of Japan's Ministry of International Trade and Industry (MITI), is to hold "
         "talks.", "Makoto Kuroda", "vice minister"),
        ("The representatives will be Scott Bessent, Secretary of the Treasury, and Jamieson Greer, United States "
         "Trade Representative.", "Jamieson Greer", "Trade Representative"),
    ],
)
def test_apposition_makes_an_official(nlp, text, name, title):
    assert (name, title) in spans(nlp(text), "official")


def test_a_title_said_before_names_the_speaker_introduced_next(nlp):
    doc = nlp("A deal is possible, according to Japan’s top trade negotiator.\n"
              "“A deal can only be struck when everything is agreed,” Ryosei Akazawa told reporters.")
    assert spans(doc, "official") == [("Ryosei Akazawa", "top trade negotiator")]


def test_surnames_elsewhere_are_mentions_of_the_same_person(nlp):
    doc = nlp("Japanese Prime Minister Shigeru Ishiba urged the US on Wednesday.\n"
              "“It will not change,” Ishiba told reporters.\n"
              "Ahead of Ishiba’s trip, officials met. Later the Ishiba cabinet met.")
    found = [(s.text, s.id_) for s in doc.spans["official"]]
    assert found[0] == ("Shigeru Ishiba", "people:title")
    assert [text for text, _ in found] == ["Shigeru Ishiba", "Ishiba", "Ishiba", "Ishiba"]
    assert ("Ishiba", "people:surname") in found
    assert spans(doc, "person") == []


def test_all_caps_headline_surname_is_a_mention(nlp):
    doc = nlp("YEUTTER SEES U.S., JAPAN VERGING ON TRADE CONFLICT\n\n"
              "U.S. Trade Representative Clayton Yeutter said so.")
    assert [s.text for s in doc.spans["official"]] == ["YEUTTER", "Clayton Yeutter"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Toyota president Akio Toyoda said sales would rise.", "Akio Toyoda"),
        ("UBS analyst David Strauss said the plane was bigger.", "David Strauss"),
        ("Northrop Grumman CEO Ron Sugar said in an interview that it was a home run.", "Ron Sugar"),
        ("The AFL-CIO union leader Richard Trumka said workers would suffer.", "Richard Trumka"),
        ("Steve Jobs, the Apple Chief Executive Officer, spoke.", "Steve Jobs"),
        ("“We are worried,” said Paul Nesbit, who follows the industry.", "Paul Nesbit"),
    ],
)
def test_executives_analysts_union_leaders_are_persons_not_officials(nlp, text, person):
    doc = nlp(text)
    assert (person, person) in spans(doc, "person")
    assert spans(doc, "official") == []


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The deal was criticized by former President Jimmy Carter on Monday.", "Jimmy Carter", "former President"),
        ("Former Trade Minister Ana Castro set the duties in 2019.", "Ana Castro", "Former Trade Minister"),
    ],
)
def test_a_former_office_makes_an_official_with_a_former_title(nlp, text, name, title):
    doc = nlp(text)
    assert [s.text for s in doc.spans["official"]] == [name]
    assert [(s.text, s.id_) for s in doc.spans["title"]] == [(title, "titles.csv:former")]


def test_a_former_title_alone_introduces_no_one(nlp):
    doc = nlp("The plan was drafted by the former minister. Ana Castro told reporters it would pass.")
    assert spans(doc, "official") == []


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the talks would resume.",
        "Imports rose sharply. Exports fell.",
        "But Tokyo said it would respond.",
        "Japan said on Tuesday it would respond.",
        "The Commission said it would act.",
        "Tomorrow night, before departing Vilnius, the President will give a speech.",
        "Today, on the anniversary of Victory Day for World War II, the talks began.",
    ],
)
def test_capitalized_words_that_are_no_names(nlp, text):
    doc = nlp(text)
    assert spans(doc, "official") == [] and spans(doc, "person") == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Tokyo-based Kyodo News reported the talks.", "Kyodo News"),
        ("A MITI official said the ministry would act.", "Ministry of International Trade and Industry|JPN"),
        ("The case goes before the Commerce Department's trade division.", "Commerce Department|USA"),
        ("A spokesman for Toshiba Corp said it would comply.", "Toshiba"),
        ("A spokesman for Acme Widget Corp said it would comply.", "Acme Widget Corp"),
        ("The GATT council set up a panel.", "General Agreement on Tariffs and Trade"),
        ("The Central Bureau of Statistics said the deficit widened.", "Central Bureau of Statistics"),
        # "Markets" ends a firm's name: no person "Harbor Global" before a cue
        ("Volumes doubled last year, according to Harbor Global Markets.", "Harbor Global Markets"),
    ],
)
def test_organizations(nlp, text, org):
    assert org in [label for _, label in spans(nlp(text), "organization")]


def test_a_company_name_holding_a_shorter_capitalized_run_stays_whole(nlp):
    doc = nlp("International Business Machine Corp said its profit rose.")
    assert spans(doc, "organization") == [("International Business Machine Corp", "International Business Machine Corp")]


def test_a_lone_government_title_is_a_title_mention(nlp):
    doc = nlp("The president said he would sign it. A spokesman declined to comment.")
    assert spans(doc, "title") == [("president", "president"), ("spokesman", "spokesman")]
    assert [s.id_ for s in doc.spans["title"]] == ["titles.csv:government", "titles.csv:other"]


@pytest.mark.parametrize(
    ("words", "keys"),
    [
        (["Ryosei", "Akazawa"], {"ryosei akazawa", "akazawa"}),
        (["Willy", "de", "Clercq"], {"willy de clercq", "de clercq", "clercq"}),
        (["He", "Lifeng"], {"he lifeng", "lifeng", "he"}),
        (["Reagan"], {"reagan"}),
    ],
)
def test_name_keys(words, keys):
    data = load_people_data(MODELS_DIR)
    family_first = frozenset(w for w, role in data["name_parts"] if role == "family_first")
    particles = frozenset(w.lower() for w, role in data["name_parts"] if role == "particle")
    assert name_keys(words, particles, family_first) == keys


@pytest.mark.parametrize(("word", "expected"), [("Akazawa", True), ("McCain", True), ("O'Leary", True),
                                                ("MITI", False), ("said", False), ("J.", False)])
def test_is_name_word(word, expected):
    assert is_name_word(word) is expected


def test_slug_words_drop_initials_and_possessives():
    assert slug_words("Donald J. Trump’s") == ["Donald", "Trump"]


def test_serialization_round_trip(nlp, tmp_path):
    text = "Japanese Prime Minister Shigeru Ishiba met Toyota president Akio Toyoda. Ishiba said so."
    expected = {group: spans(nlp(text), group) for group in ("official", "person", "title", "organization")}
    assert expected["official"] and expected["person"] and expected["organization"]
    nlp.to_disk(tmp_path / "people")
    from_disk = spacy.load(tmp_path / "people")
    from_bytes = spacy.blank("en")
    from_bytes.add_pipe("trade_sentences_v1")
    from_bytes.add_pipe("trade_people_v1")
    from_bytes.from_bytes(nlp.to_bytes())
    for restored in (from_disk, from_bytes):
        assert {group: spans(restored(text), group) for group in expected} == expected


def test_bad_rule_data_fails_naming_the_value(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR / "people", models / "people")
    titles = models / "people" / "titles.csv"
    titles.write_text(titles.read_text(encoding="utf-8").replace("prime minister,yes,", "prime minister,maybe,"),
                      encoding="utf-8")
    with pytest.raises(ValueError, match="'maybe'"):
        load_people_data(models)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Markets fell after Carney's remarks on lumber.", [("Carney", "people:listed")]),
        ("Keir Starmer's plan for steel was welcomed.", [("Keir Starmer", "people:listed")]),
        ("Carney meets governors in Toronto", [("Carney", "people:listed")]),
        # another given name, a suffix, a building or a firm: not the listed person
        ("Shares rose after Ann Carney and Keir Starmer Jr. left.", []),
        ("Visitors crowded Starmer Tower and Starmer Media on Sunday.", []),
        ("Shares of Carney <CRNY.O> rose in North Carney on Friday.", []),
        ("Carney Industrial Corp said Hughes would merge with Carney.", []),
        ("Lawyers said D. J. Carney filed it.", []),
        # one-word aliases that are given names or common family names anchor nothing alone
        ("Steel prices rose after Li's remarks.", []),
    ],
)
def test_a_listed_office_holders_name_is_a_name_alone(nlp, text, expected):
    doc = nlp(text)
    found = [(s.text, s.id_) for s in [*doc.spans["person"], *doc.spans["official"]] if s.id_ == "people:listed"]
    assert found == expected


def test_a_listed_name_beside_its_government_body_is_still_the_office_holder(nlp):
    # a company opening with the name makes the name the firm's; a government body ("the Starmer
    # Government") does not: the bare name elsewhere is still the listed person
    doc = nlp("Starmer plans to lift duties on grain next month. Exporters cheered as the Starmer Government "
              "dropped the levy on barley.")
    assert [(s.text, s.id_) for s in doc.spans["person"]] == [("Starmer", "people:listed")]
    firm = nlp("Carney said it would sell a plant. Carney Industrial Corp fell 3%.")
    assert [s.text for s in [*firm.spans["person"], *firm.spans["official"]] if s.id_ == "people:listed"] == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Farmers protested as the Starmer Government raised the levy.", "Starmer Government|GBR"),
        ("The Reagan Administration set duties on Japanese chips.", "Reagan Administration|USA"),
        # a name listed for no office-holder: a body of no known country
        ("The Hollings Administration set duties on Japanese chips.", "Hollings Administration"),
    ],
)
def test_a_listed_office_holders_government_body_has_their_country(nlp, text, label):
    doc = nlp(text)
    assert [s.label_ for s in doc.spans["organization"]] == [label]


def test_a_listed_name_found_otherwise_keeps_its_rule(nlp):
    doc = nlp("Carney told reporters in Ottawa. Later Carney's cabinet met.")
    assert [(s.text, s.id_) for s in doc.spans["person"]] == [("Carney", "people:speech"), ("Carney", "people:surname")]


@pytest.mark.parametrize("text", [
    "The market closes at 4 pm Eastern Time on Friday.",
    "Talks resumed at 2 pm Monday in Geneva.",
    "Shares fell at 1 PM Wednesday.",
])
def test_a_clock_time_is_no_prime_minister(nlp, text):
    # "PM" is a title only beside a name (`alone` = no): the "pm" of a time names no one
    assert spans(nlp(text), "title") == []


# Title-case headlines (own sentences): there every word is capitalized, so a capital is no evidence of a
# name; names come from the listed office-holders or from the body, where a name keeps its capital mid-sentence.
@pytest.mark.parametrize(
    ("text", "people", "organizations"),
    [
        # a verb after a title is no official; a verb before a company word makes no firm
        ("Bloc President Pledges Swift Reply After Starmer Slaps Steel, Copper Duties\n\n"
         "The bloc's president pledged a reply to Starmer's new duties on steel.",
         [("Starmer", "people:listed"), ("Starmer", "people:listed")], []),
        # a listed name between two capitalized verbs is still the listed name
        ("Shares Slide As Investors Weigh Carney Levies On Lumber\n\nInvestors sold shares.",
         [("Carney", "people:listed")], []),
        # a name and a firm the body writes in normal case stay names in the headline
        ("Acme Widget Corp Chief Jane Okafor Warns Of Higher Costs\n\n"
         "Jane Okafor, chief executive of Acme Widget Corp, said costs would rise.",
         [("Jane Okafor", "people:speech"), ("Jane Okafor", "people:apposition")],
         ["Acme Widget Corp", "Acme Widget Corp"]),
        # a company word ending a run of headline verbs and nouns makes no organization
        ("Markets Shrug Off Tariff News As Exporters Seek Relief From Steel Duties\n\nMarkets rose on Monday.",
         [], []),
    ],
)
def test_a_title_case_headline_takes_names_only_with_evidence(nlp, text, people, organizations):
    doc = nlp(text)
    found = sorted((s.text, s.id_) for s in [*doc.spans["person"], *doc.spans["official"]])
    assert found == sorted(people)
    assert sorted(s.text for s in doc.spans["organization"]) == sorted(organizations)


def test_a_name_in_an_ordinary_sentence_needs_no_evidence(nlp):
    # the evidence rule is for title-case lines only: in a sentence the capital is the name's own
    doc = nlp("Bloc president Marta Kessel pledged a reply on Tuesday.")
    assert [s.text for s in doc.spans["official"]] == ["Marta Kessel"]


def test_a_title_case_list_in_a_body_keeps_its_names(nlp):
    # only the head block is a headline: a body line listing firms is as capitalized, and means them
    doc = nlp("Bank Sets Bond Terms\n\nUnderwriters are Wood Harbor Corp, Kessel Fenwick Inc, Acme Widget Corp this week.")
    assert sorted(s.text for s in doc.spans["organization"]) == ["Acme Widget Corp", "Kessel Fenwick Inc",
                                                                 "Wood Harbor Corp"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a country's name that is also a given name, set off with a post: the person's name opens with it
        ("The settlers cheered, like Israel Pellow, Chair of the Harbour council, who spoke first.", "Israel Pellow"),
        ("Jordan Vellacott, a trade lawyer at Kestrel Partners, spoke first.", "Jordan Vellacott"),
    ],
)
def test_a_given_name_that_is_a_country_name(nlp, text, person):
    assert (person, person) in spans(nlp(text), "person")


def test_a_country_before_an_ordinary_word_names_no_person(nlp):
    # "Korea Zinc, the smelter": an ordinary word after the country is a firm's name, no person's
    doc = nlp("Korea Zinc, chairman of the smelters group, spoke first.")
    assert not any(text.startswith("Korea") for text, _ in spans(doc, "person"))
