"""The quotes normalizer: speakers from cues, pronouns, neighbours, labels and the people table.

Quote, cue and sentence rows come from the real sentence and quote components;
person, title and organization mentions and ``people`` rows are built by hand,
so these tests do not depend on the people rules.
"""

from datetime import UTC, datetime

import pytest

from pipeline.config import MODELS_DIR, make_settings
from pipeline.nlp.build import build_nlp
from pipeline.nlp.mentions import doc_rows
from pipeline.normalize.quotes import NORMALIZER, load, normalize_quotes
from pipeline.schemas import conform
from pipeline.views import ArticleView, Mention, Sentence
from tests.conftest import needs_shared
from tests.normalize.helpers import quotes_of

LEXICON = load(MODELS_DIR)


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_quotes_v1"))


def occurrences(text, surface):
    start = text.find(surface)
    while start >= 0:
        yield start
        start = text.find(surface, start + 1)


def run(nlp, text, *, people=(), titles=(), organizations=(), body_start=0, extra=()):
    """``quotes`` rows for ``text``; ``people`` is ``[(fullest name, [surfaces], official_id, title)]``;
    ``extra`` holds more mentions (``reported`` ones, as the parse would leave them)."""
    doc = nlp(text)
    rows, sentence_rows = doc_rows(doc, "a1", "2025-05")
    mentions = [Mention(r["mention_id"], r["kind"], r["text"], r["start_char"], r["end_char"], r["sentence_index"],
                        r["rule_id"], r["label"]) for r in rows] + list(extra)
    people_rows = []
    for index, (name, surfaces, official_id, title) in enumerate(people):
        ids = []
        for surface in surfaces:
            for start in occurrences(text, surface):
                ids.append(f"person:{start}")
                mentions.append(Mention(ids[-1], "person", surface, start, start + len(surface), 0, "test", name))
        people_rows.append({"article_id": "a1", "person_id": f"p{index}", "name": name,
                            "is_official": official_id is not None, "official_id": official_id, "title": title,
                            "organization": None, "mention_ids": ids})
    for kind, surfaces in (("title", titles), ("organization", organizations)):
        for surface in surfaces:
            for start in occurrences(text, surface):
                mentions.append(Mention(f"{kind}:{start}", kind, surface, start, start + len(surface), 0, "test",
                                        surface))
    mentions.sort(key=lambda m: (m.start, m.end, m.kind))
    sentences = [Sentence(r["sentence_index"], r["start_char"], r["end_char"], r["paragraph_index"])
                 for r in sentence_rows]
    view = ArticleView("a1", text, body_start, text.split("\n")[0], None, datetime(2025, 5, 2, tzinfo=UTC))
    return normalize_quotes(view, mentions, sentences, {"people": people_rows, "officials": []}, LEXICON)


def speakers(rows):
    return [(" ".join(r["text"].split()[:3]), r["speaker_name"], r["speaker_text"], r["cue"]) for r in rows]


AKAZAWA = ("Ryosei Akazawa", ["Ryosei Akazawa", "Akazawa"], "ryosei-akazawa", "top trade negotiator")


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        # the speaker named after the quotation, and the cue's lemma
        ("“A deal can only be struck when everything is agreed,” Ryosei Akazawa told reporters.", [AKAZAWA],
         [("A deal can", "Ryosei Akazawa", "Ryosei Akazawa", "tell")]),
        # "he" is the person last named as a subject, by the fullest name
        ("Akazawa said the talks went well.\nWhether Japan could strike a deal in June, he said, "
         "“It'd be good if we can enter that phase.”", [AKAZAWA],
         [("It'd be good", "Ryosei Akazawa", "he", "say")]),
        # a possessive is never the subject; a pronoun-led sentence keeps the earlier subject
        ("Ahead of Akazawa's visit, Prime Minister Shigeru Ishiba spoke.\nHe met reporters in Manila.\n"
         "\"Japan's stance is unchanged,\" he said.",
         [AKAZAWA, ("Shigeru Ishiba", ["Shigeru Ishiba"], None, None)],
         [("Japan's stance is", "Shigeru Ishiba", "he", "say")]),
        # a split quotation: both halves, one speaker
        ("Trade minister Mike Moore spoke on Monday.\n\"But if both sides agree,\" he said, "
         "\"it does not mean the end.\"", [("Mike Moore", ["Mike Moore"], None, None)],
         [("But if both", "Mike Moore", "he", "say"), ("it does not", "Mike Moore", "he", "say")]),
        # a partial quotation inside the reporter's sentence
        ("Akazawa said he again urged the administration to “remove the auto and other tariffs.”", [AKAZAWA],
         [("remove the auto", "Ryosei Akazawa", "he", "urge")]),
        # "X, who said"
        ("The paper printed an article by its counsellor, Chen Shibiao, who said that \"all kinds of "
         "restrictions\" were in place.", [("Chen Shibiao", ["Chen Shibiao"], None, None)],
         [("all kinds of", "Chen Shibiao", "Chen Shibiao", "say")]),
        # an apposition between the name and the cue
        ("Kaoru Yosano, the Japanese minister of fiscal policy, said \"The downtrend will continue.\"",
         [("Kaoru Yosano", ["Kaoru Yosano"], None, None)],
         [("The downtrend will", "Kaoru Yosano", "Kaoru Yosano", "say")]),
        # "quoted ... as saying": the one quoted speaks, not the outlet
        ("Prime Minister Yasuhiro Nakasone spoke.\n\"Japan wants talks,\" he was quoted by Kyodo News as saying.",
         [("Yasuhiro Nakasone", ["Yasuhiro Nakasone"], None, None)],
         [("Japan wants talks,", "Yasuhiro Nakasone", "he", "quote")]),
        ("Ali Khamenei spoke on Friday.\nThe U.S. \"is in a difficult situation,\" the radio quoted him as saying.",
         [("Ali Khamenei", ["Ali Khamenei"], None, None)],
         [("is in a", "Ali Khamenei", "him", "quote")]),
        # an outlet relaying a person's words yields to the person
        ("Khamenei said the U.S. had to act, \"but any violent act will harm it,\" the radio reported.",
         [("Ali Khamenei", ["Khamenei"], None, None)],
         [("but any violent", "Ali Khamenei", "Khamenei", "say")]),
        # an epithet for the person just named
        ("\"The economy is fragile,\" Sen. Paul Sarbanes said.\n\"We are skating on thin ice,\" the Maryland "
         "Democrat said.", [("Paul Sarbanes", ["Paul Sarbanes"], None, None)],
         [("The economy is", "Paul Sarbanes", "Paul Sarbanes", "say"),
          ("We are skating", "Paul Sarbanes", "the Maryland Democrat", "say")]),
        # a participle after a comma speaks for the sentence's subject
        ("Marvin Sambur defended the plan, saying, \"This was not a competitive bid.\"",
         [("Marvin Sambur", ["Marvin Sambur"], None, None)],
         [("This was not", "Marvin Sambur", "Marvin Sambur", "say")]),
        # ... and for the person named between commas after the subject's title ("by saying" after a long clause)
        ("Harbour Air CEO, Dana Quill, justified his choice of the jet by saying, \"It is the most reliable.\"",
         [("Dana Quill", ["Dana Quill"], None, None)],
         [("It is the", "Dana Quill", "Dana Quill", "say")]),
        ("The head of Harbour Air, Dana Quill, defended the order, saying, \"We need more seats.\"",
         [("Dana Quill", ["Dana Quill"], None, None)],
         [("We need more", "Dana Quill", "Dana Quill", "say")]),
        # tokenized text: the quotation runs over lines and the attribution sits on the next one
        ("`` This is a regrettable step .\nWe can not afford a collapse . ''\nsaid Stephen Harper , Prime Minister .",
         [("Stephen Harper", ["Stephen Harper"], None, None)],
         [("This is a", "Stephen Harper", "Stephen Harper", "say")]),
        # "he" after "<name>, a <role> at <firm> said": the person described, not the firm after "at"
        ("Buyers shrugged off the threat, Tom Burrows, a Perth-based analyst at Quill said.\n"
         "\"Headlines will keep coming,\" he said.", [("Tom Burrows", ["Tom Burrows"], None, None)],
         [("Headlines will keep", "Tom Burrows", "he", "say")]),
        # ... and after "<name>, <role> at <firm with an initial>, said": the initial's stop ends no sentence
        ("Peter Lang, bond specialist at J. Harlow Price, said rates would hold.\n"
         "\"Policy is moving at its own pace,\" he said.", [("Peter Lang", ["Peter Lang"], None, None)],
         [("Policy is moving", "Peter Lang", "he", "say")]),
        # two people named together both speak; "he" after them is neither
        ("\"Prices will rise,\" Jane Roe and Tom Poe said.", [("Jane Roe", ["Jane Roe"], None, None),
                                                             ("Tom Poe", ["Tom Poe"], None, None)],
         [("Prices will rise,", "Jane Roe and Tom Poe", "Jane Roe and Tom Poe", "say")]),
        # "and" between two roles of one person, or inside an apposition, joins no one
        ("\"Prices will rise,\" said Jane Roe, the founder and chief executive of Quill.",
         [("Jane Roe", ["Jane Roe"], None, None)],
         [("Prices will rise,", "Jane Roe", "Jane Roe", "say")]),
        ("\"Prices will rise,\" said Quill Group president and chief executive Jane Roe.",
         [("Jane Roe", ["Jane Roe"], None, None)],
         [("Prices will rise,", "Jane Roe", "Jane Roe", "say")]),
    ],
)
def test_speakers_of_people(nlp, text, people, expected):
    assert speakers(run(nlp, text, people=people)) == expected


@pytest.mark.parametrize(
    ("text", "organizations", "expected"),
    [
        ("The two sides agreed to “hasten tariff talks,” Tokyo-based Kyodo News reported.", ["Kyodo News"],
         [("hasten tariff talks,", "Kyodo News", "Tokyo-based Kyodo News", "report")]),
        # an unnamed source with its organization speaks for the organization
        ('"Prices will rise," a MITI official said.', ["MITI"], [("Prices will rise,", "MITI", "a MITI official", "say")]),
        # without one, its description; "the diplomat" is the one mentioned before
        ("One diplomat said the call showed resolve. \"It will be back on the table,\" the diplomat said.", [],
         [("It will be", "diplomat", "the diplomat", "say")]),
        # "the ministers" takes the fullest description given earlier
        ("EC foreign ministers meeting here issued a statement.\nThe ministers' said they were \"very "
         "disturbed\" by the moves, adding, \"the adoption of such measures would hurt talks.\"", [],
         [("very disturbed", "EC foreign ministers", "The ministers'", "say"),
          ("the adoption of", "EC foreign ministers", "The ministers'", "add")]),
        # "the editorial" speaks for the newspaper named before it; "it" for the last organization speaker;
        # a multi-paragraph quotation takes its speaker from the part that names it
        ("The state-run Global Times newspaper ran an editorial on steel.\n"
         "\"Tariffs hurt both sides,\" the editorial said.\n\"Washington must change course.\n"
         "\"Talks remain the only way forward,\" it added.", [],
         [("Tariffs hurt both", "Global Times", "the editorial", "say"),
          ("Washington must change", "Global Times", "it", "add"),
          ("Talks remain the", "Global Times", "it", "add")]),
    ],
)
def test_speakers_of_organizations_and_unnamed_sources(nlp, text, organizations, expected):
    assert speakers(run(nlp, text, organizations=organizations)) == expected


def test_title_names_its_holder_from_the_people_table(nlp):
    text = ("A “mutually beneficial deal” is possible “when everything is agreed,” according to Japan’s top trade "
            "negotiator.\nTrade ministers met in Washington.")
    rows = run(nlp, text, people=[AKAZAWA], titles=["top trade negotiator"])
    assert speakers(rows) == [
        ("mutually beneficial deal", "Ryosei Akazawa", "Japan’s top trade negotiator", "according_to"),
        ("when everything is", "Ryosei Akazawa", "Japan’s top trade negotiator", "according_to")]
    assert {r["speaker_official_id"] for r in rows} == {"ryosei-akazawa"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the next quotation of a paragraph continues its speaker
        ('"The reality is worldwide," Bob Andrew said. "It is caused by prices."',
         [("The reality is", "Bob Andrew"), ("It is caused", "Bob Andrew")]),
        # reported speech in the sentence before
        ("Bob Andrew said talks stall for years. \"Countries don't get serious.\"", [("Countries don't get", "Bob Andrew")]),
        # a paragraph that is only a quotation continues the previous paragraph's speaker
        ("\"Countries don't negotiate,\" Bob Andrew said.\n\"They have also begun to realise it.\"",
         [("Countries don't negotiate,", "Bob Andrew"), ("They have also", "Bob Andrew")]),
        # bullets of a "Name:" label, separated by a blank marker line
        ("- Bob Andrew: “The deal includes billions.”\n- “The UK will reduce barriers.”\n<!-- -->\n"
         "- “This is a great deal.”",
         [("The deal includes", "Bob Andrew"), ("The UK will", "Bob Andrew"), ("This is a", "Bob Andrew")]),
        # the subject of the next sentence in the paragraph
        ("\"We paid 24 billion dlrs in interest.\" Bob Andrew reiterated that Brazil will pay.",
         [("We paid 24", "Bob Andrew")]),
        # the last speaker of the paragraph's earlier sentences
        ("Rates will rise, Bob Andrew said. Andrew likes bonds over stocks. \"The concern is valuations.\"",
         [("The concern is", "Bob Andrew")]),
        # a paragraph that is only a quotation continues the speaker of the paragraph before, quoted or not
        ("Rates will rise, Bob Andrew said. Bonds look cheap, he said. Stocks are dear.\n\"We see risks ahead.\"",
         [("We see risks", "Bob Andrew")]),
        ("Rates rose on Monday. Stocks are dear.\n\"We see risks ahead.\"", [("We see risks", None)]),
    ],
)
def test_neighbours_lend_their_speaker(nlp, text, expected):
    rows = run(nlp, text, people=[("Bob Andrew", ["Bob Andrew"], None, None)])
    assert [(first, name) for first, name, _, _ in speakers(rows)] == expected


def test_headline_quotation_takes_the_speaker_the_body_gives(nlp):
    text = ("Deal only possible ‘when everything is agreed,’ says Japan\nTokyo to ‘sort out points of contention’\n\n"
            "A deal is possible “when everything is agreed,” Akazawa said.\n"
            "Akazawa said the two sides will sort out points of contention at working level.")
    rows = run(nlp, text, people=[AKAZAWA], body_start=text.index("A deal"))
    assert speakers(rows) == [
        ("when everything is", "Ryosei Akazawa", "Japan", "say"),
        ("sort out points", "Ryosei Akazawa", "Akazawa", "say"),
        ("when everything is", "Ryosei Akazawa", "Akazawa", "say")]


@pytest.mark.parametrize(
    "text",
    [
        '"This is unacceptable."',  # nobody in the article
        'Sales are predicted to fall sharply.\n"Buyers are scarce."',  # a passive cue names no one
        "Bob Andrew said the plan was good.\n\"Prices will rise,\" said a university professor.",
    ],
)
def test_no_wrong_guess(nlp, text):
    rows = run(nlp, text, people=[("Bob Andrew", ["Bob Andrew"], None, None)])
    assert all(r["speaker_name"] in (None, "university professor") for r in rows)
    assert rows


def test_unbalanced_quotations_are_flagged_and_still_attributed(nlp):
    text = ('Makoto Kuroda spoke in Tokyo.\n"The United States has excessive expectations.," he said. '
            'To stabilize prices will take time."\n"We will not negotiate new quotas in the GATT, Kuroda said.')
    rows = run(nlp, text, people=[("Makoto Kuroda", ["Makoto Kuroda", "Kuroda"], None, None)])
    assert [(r["text"], r["speaker_name"], r["unbalanced"]) for r in rows] == [
        ("The United States has excessive expectations.,", "Makoto Kuroda", False),
        ("To stabilize prices will take time.", "Makoto Kuroda", True),
        ("We will not negotiate new quotas in the GATT,", "Makoto Kuroda", True)]


def test_rows_fit_the_schema_with_exact_offsets(nlp):
    text = 'He added."If you asked me, no," Bob Andrew said.'
    rows = run(nlp, text, people=[("Bob Andrew", ["Bob Andrew"], "bob-andrew", None)])
    assert [(r["text"], text[r["start_char"]:r["end_char"]], r["kind"]) for r in rows] == [
        ("If you asked me, no,", "If you asked me, no,", "full")]
    assert rows[0]["speaker_official_id"] == "bob-andrew"
    table = conform("quotes", [dict(r, run_id="r1", published_month="2025-05") for r in rows])
    assert table.num_rows == 1
    assert rows == run(nlp, text, people=[("Bob Andrew", ["Bob Andrew"], "bob-andrew", None)])  # deterministic


def test_normalizer_is_registered_for_the_quotes_table():
    assert NORMALIZER.table == "quotes"
    assert NORMALIZER.load(MODELS_DIR) == LEXICON


def test_seed_quotes_and_speakers():
    """On the seed article, every gold quotation is found and attributed (with the full rule pipeline)."""
    import json

    from pipeline.articles import assemble
    from pipeline.nlp.build import build_nlp
    from pipeline.readers.text import read
    from pipeline.stages.normalize import registered

    seed = needs_shared("seeds", "000_fdaf5c86bb7df86d.txt")
    gold_file = needs_shared("gold", "trade-dev.jsonl")
    gold = next(g for g in map(json.loads, gold_file.read_text(encoding="utf-8").splitlines())
                if g["source_id"] == seed.stem)
    raw = next(r for r in read(seed, str(seed), make_settings()) if hasattr(r, "body"))
    article = assemble(raw, "test")
    nlp = build_nlp(MODELS_DIR)
    doc = nlp(article["text"])
    rows, sentence_rows = doc_rows(doc, article["article_id"], article["published_month"])
    mentions = sorted((Mention(r["mention_id"], r["kind"], r["text"], r["start_char"], r["end_char"],
                               r["sentence_index"], r["rule_id"], r["label"]) for r in rows),
                      key=lambda m: (m.start, m.end, m.kind))
    sentences = [Sentence(r["sentence_index"], r["start_char"], r["end_char"], r["paragraph_index"])
                 for r in sentence_rows]
    view = ArticleView(article["article_id"], article["text"], article["body_start"], article["headline"],
                       article["dateline"], article["published_at"])
    done: dict = {}
    for normalizer in registered():
        done[normalizer.table] = normalizer.function(view, mentions, sentences, done, normalizer.load(MODELS_DIR)
                                                     if normalizer.load else None)
    found = [(" ".join(r["text"].split()), r["speaker_name"], r["kind"]) for r in done["quotes"]]
    for quote in gold["quotes"]:
        match = [f for f in found if f[0].startswith(quote["start"])]
        assert match, f"gold quote {quote['start']!r} not found among {found}"
        assert any(f[1] and f[1].split()[-1] == quote["speaker_name"].split()[-1] and f[2] == quote["kind"]
                   for f in match), f"{quote} attributed as {match}"
    its = [r for r in done["quotes"] if r["text"].startswith("It'd be good")]
    assert [(r["speaker_name"], r["speaker_text"]) for r in its] == [("Ryosei Akazawa", "he")]


ROE = ("Dana Roe", ["Dana Roe"], None, None)


@pytest.mark.parametrize(
    ("text", "people", "organizations", "expected"),
    [
        # a firm's staff speak for the firm, named or not by an organization mention; "they" is the firm
        ("Yields will climb, Kestrel Partners credit strategists say in a note. \"Spreads are too tight,\" they "
         "say.", [], [],
         [("Spreads are too", "Kestrel Partners", "they", "say")]),
        ("\"Demand is soft,\" Harbury analysts say.", [], ["Harbury"],
         [("Demand is soft,", "Harbury", "Harbury analysts", "say")]),
        # "the analysts" after the firm's analysts spoke: the firm
        ("Copper will rally, Harbury analysts say. \"Stocks are thin,\" the analysts say.", [], ["Harbury"],
         [("Stocks are thin,", "Harbury", "the analysts", "say")]),
        # ... also when someone else spoke since, by the firm named with the nearest earlier "analysts",
        # before the noun or after it; analysts named without a firm stay a group
        ("Copper will rally, analysts at Lark Research say. Zinc is cheap, Mosswood says. \"Stocks are thin,\" "
         "the analysts say.", [], [],
         [("Stocks are thin,", "Lark Research", "the analysts", "say")]),
        ("Copper will rally, Lark Research analysts say. Zinc is cheap, Mosswood says. \"Stocks are thin,\" "
         "the analysts say.", [], [],
         [("Stocks are thin,", "Lark Research", "the analysts", "say")]),
        ("Copper will rally, analysts say. Zinc is cheap, Mosswood says. \"Stocks are thin,\" the analysts say.",
         [], [], [("Stocks are thin,", "analysts", "the analysts", "say")]),
        # a firm's spokesperson speaks for the firm, tagged or not; a former executive or a resident does not
        ("\"Costs are up,\" a Harbury spokesperson said.", [], [],
         [("Costs are up,", "Harbury", "a Harbury spokesperson", "say")]),
        ("\"Costs are up,\" an ex Harbury executive said.", [], [],
         [("Costs are up,", "ex Harbury executive", "an ex Harbury executive", "say")]),
        ("\"Costs are up,\" a Texas resident said.", [], [],
         [("Costs are up,", "Texas resident", "a Texas resident", "say")]),
        ("\"Costs are up,\" a Ministry spokesman said.", [], [],
         [("Costs are up,", "Ministry spokesman", "a Ministry spokesman", "say")]),
        # a name that modifies a noun is someone else's description, not the speaker
        ("\"We will act soon,\" a Reagan administration official said.",
         [("Ronald Reagan", ["Reagan"], "ronald-reagan", None)], [],
         [("We will act", "Reagan administration official", "a Reagan administration official", "say")]),
        # a region, a market place or a chamber before the role names no firm
        ("\"Costs are up,\" a Western economist said.", [], [],
         [("Costs are up,", "Western economist", "a Western economist", "say")]),
        ("\"Costs are up,\" a Wall Street source said.", [], [],
         [("Costs are up,", "Wall Street source", "a Wall Street source", "say")]),
        # "the report" is whoever reported before it, unless a person did
        ("Kestrel News reported on Friday that talks had begun. \"We are hopeful,\" the report said.", [], [],
         [("We are hopeful,", "Kestrel News", "the report", "say")]),
        ("Dana Roe reported on Friday that talks had begun. \"We are hopeful,\" the report said.", [ROE], [],
         [("We are hopeful,", None, None, None)]),
        # staff without a firm stay a group
        ("\"Growth will slow,\" economists said.", [], [], [("Growth will slow,", "economists", "economists", "say")]),
        # "they" is whoever of a group or firm spoke last before it, not the first one named
        ("Copper will rally, Harbury analysts say. Tin will fall, Mosswood analysts say. \"Stocks are thin,\" "
         "they say.", [], ["Harbury", "Mosswood"],
         [("Stocks are thin,", "Mosswood", "they", "say")]),
        # a name after a preposition is a place or a name's tail, not a speaker "they" can stand for,
        # except the firm after its staff ("analysts at Lark Research")
        ("Officials in Atlanta said cases fell. \"Vaccines work,\" they said.", [], [],
         [("Vaccines work,", None, None, None)]),
        ("Copper will rally, analysts at Lark Research say. \"Stocks are thin,\" they say.", [], [],
         [("Stocks are thin,", "Lark Research", "they", "say")]),
        # a description in lower case after a named speaker is that speaker
        ("Rates will hold, says Harbury's Dana Roe. \"The labor market is strong,\" the portfolio manager says.",
         [ROE], ["Harbury"],
         [("The labor market", "Dana Roe", "the portfolio manager", "say")]),
        ("Rates will hold, says Harbury's Dana Roe. \"Inflation is sticky,\" the head of research says.",
         [ROE], ["Harbury"],
         [("Inflation is sticky,", "Dana Roe", "the head of research", "say")]),
        # ... but not a person only mentioned ("the official" is someone else), nor the speaker that
        # the description's own sentence reports
        ("Dana Roe raised tariffs on Monday. \"It will hurt,\" the official said.", [ROE], [],
         [("It will hurt,", "official", "the official", "say")]),
        # a body is no epithet for a person ("the trade group"), and an unnamed source in between breaks the chain
        ("Dana Roe said duties would rise. \"Exporters will suffer,\" the trade group said.", [ROE], [],
         [("Exporters will suffer,", "trade group", "the trade group", "say")]),
        ("Dana Roe said duties would rise. A farm lobbyist said growers were worried. \"Prices will fall,\" the "
         "official said.", [ROE], [],
         [("Prices will fall,", "official", "the official", "say")]),
        ("Markets fell on the news about Dana Roe. \"Roe said the cuts would stop,\" the strategist says.",
         [ROE], [],
         [("Roe said the", "strategist", "the strategist", "say")]),
    ],
)
def test_firms_staff_and_descriptions_after_a_named_speaker(nlp, text, people, organizations, expected):
    assert speakers(run(nlp, text, people=people, organizations=organizations)) == expected


def test_he_in_the_sentence_of_a_cue_is_its_speaker(nlp):
    # two sentences joined by a stray doubled mark: "he" is the strategist who spoke, not the first name
    text = ("Rates may hold ahead of the meeting with Jo Lark, strategist Dana Roe says. \"\"Banks will wait,\" "
            "he says.")
    rows = run(nlp, text, people=[ROE, ("Jo Lark", ["Jo Lark"], None, None)])
    assert [(r["speaker_name"], r["speaker_text"]) for r in rows if r["text"].startswith("Banks")] == [("Dana Roe", "he")]


def test_a_shortened_compound_surname_takes_the_full_name(nlp):
    text = ("Governor Jean Dupont de la Roche spoke on Monday.\n\"Europe must wake up,\" Dupont said.")
    people = [("Jean Dupont de la Roche", ["Jean Dupont de la Roche"], "jean-dupont", "governor"),
              ("Dupont", ["Dupont said"], None, None)]
    rows = run(nlp, text, people=people)
    assert [(r["speaker_name"], r["speaker_official_id"]) for r in rows] == [("Jean Dupont de la Roche", "jean-dupont")]


def reported(text, content, speaker, cue):
    """A ``reported`` mention over ``content`` whose label gives the speaker's and the cue's words (first found)."""
    start, s_at, c_at = text.find(content), text.find(speaker), text.find(cue)
    label = f"lemma=say;cue={c_at}-{c_at + len(cue)};speaker={s_at}-{s_at + len(speaker)}"
    return Mention(f"reported:{start}", "reported", content, start, start + len(content), 0,
                   "reported.csv:postposed", label)


@pytest.mark.parametrize(
    ("text", "content", "parse_speaker", "expected"),
    [
        # the parse took only the start of the subject: the person named right before the cue speaks
        ("Copper will rally this year, Harbury's Dana Roe says.", "Copper will rally this year", "Harbury",
         ("Dana Roe", "Dana Roe")),
        ("Copper will rally this year, Harbury Capital analyst Dana Roe says.", "Copper will rally this year",
         "Harbury Capital analyst", ("Dana Roe", "Dana Roe")),
        ("Duties on steel, which Dana Roe says will stay, rose.", "will stay", "which", ("Dana Roe", "Dana Roe")),
        # "which" as the subject stands for the noun phrase before its comma
        ("Sales of carmakers such as Kestrel Motors, which recently said it would cut jobs, fell.",
         "it would cut jobs", "which", ("Kestrel Motors", "Kestrel Motors")),
        # ... a name only: a thing the sentence is about speaks for no one
        ("He played down the day's rally, which said more about short covering, he said.",
         "more about short covering", "which", (None, None)),
        # no person right before the cue, or one past a comma: the parse's words stand
        ("Copper will rally this year, Harbury analysts say.", "Copper will rally this year", "Harbury analysts",
         ("Harbury", "Harbury analysts")),
        ("Copper will rally this year, Harbury, unlike Dana Roe, says.", "Copper will rally this year", "Harbury",
         ("Harbury", "Harbury")),
        ("Several lawmakers argued the bill gave too much to Dana Roe and said they would fight it.",
         "they would fight it", "Several lawmakers", ("lawmakers", "Several lawmakers")),
    ],
)
def test_reported_speaker_runs_to_a_person_named_before_the_cue(nlp, text, content, parse_speaker, expected):
    cue = "says" if " says" in text else "say" if " say" in text else "said"
    mention = reported(text, content, parse_speaker, cue)
    rows = run(nlp, text, people=[ROE], extra=[mention])
    assert [(r["speaker_name"], r["speaker_text"]) for r in rows if r["quote_type"] == "indirect"] == [expected]


def test_he_after_a_firms_spokesperson_is_the_firm(nlp):
    text = "\"Costs are up,\" a Harbury spokesperson said. \"Prices will follow,\" he added."
    rows = run(nlp, text, people=[ROE])
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("Harbury", "organization")] * 2


def test_he_in_reported_speech_after_a_firms_spokesperson_is_the_firm(nlp):
    text = "A Harbury spokesperson said prices rose. He said costs were up."
    first = reported(text, "prices rose", "A Harbury spokesperson", "said")
    second_cue = text.rfind("said")
    second = Mention("reported:2", "reported", "costs were up", text.find("costs"), text.find("costs") + 13, 1,
                     "reported.csv:complement",
                     f"lemma=say;cue={second_cue}-{second_cue + 4};speaker={text.find('He')}-{text.find('He') + 2}")
    rows = run(nlp, text, people=[ROE], extra=[first, second])
    assert [(r["speaker_name"], r["speaker_text"], r["speaker_kind"]) for r in rows] == [
        ("Harbury", "A Harbury spokesperson", "organization"), ("Harbury", "He", "organization")]


def test_reported_staff_take_the_firm_the_parse_left_out(nlp):
    # the parse's subject is "analysts" alone; the firm follows it ("analysts at Kestrel Research write")
    text = "Copper will rally this year, analysts at Kestrel Research write in a note."
    rows = run(nlp, text, extra=[reported(text, "Copper will rally this year", "analysts", "write")])
    assert [(r["speaker_name"], r["speaker_text"], r["speaker_kind"]) for r in rows] == [
        ("Kestrel Research", "analysts", "organization")]


def test_the_company_takes_up_a_company_named_before_not_a_public_body(nlp):
    # "the company" may stand for any organization named before; one whose name holds another body noun
    # ("Commission") is a public body, while "Bank" may stand in a company's own name (sources.csv, company)
    text = ("Harbour Bank said profits fell. The Securities and Exchange Commission opened an inquiry.\n"
            "\"We will cooperate fully,\" the company said.")
    rows = run(nlp, text, organizations=["Harbour Bank", "Securities and Exchange Commission"])
    assert speakers(rows) == [("We will cooperate", "Harbour Bank", "the company", "say")]


@pytest.mark.parametrize(
    ("text", "content", "expected"),
    [
        # the pronoun closes the clause it reports: the person named inside that clause is not the speaker
        ("Dana Roe said metals would hold up. Copper may climb if Jo Lark cuts rates, she says.",
         "Copper may climb if Jo Lark cuts rates", "Dana Roe"),
        ("Dana Roe said metals would hold up. Copper may climb if Jo Lark cuts rates, she adds in a note.",
         "Copper may climb if Jo Lark cuts rates", "Dana Roe"),
        # the pronoun inside what was said: the person named before it in its sentence
        ("Jo Lark said on Monday she would cut rates.", "she would cut rates", "Jo Lark"),
    ],
)
def test_a_postposed_pronoun_skips_the_people_of_its_own_clause(nlp, text, content, expected):
    speaker = "she" if "she says" in text or "she adds" in text else "Jo Lark"
    cue = "says" if "says" in text else "adds" if "adds" in text else "said"
    mention = reported(text, content, speaker, cue) if speaker == "Jo Lark" else Mention(
        "reported:1", "reported", content, text.find(content), text.find(content) + len(content), 1,
        "reported.csv:postposed",
        f"lemma=say;cue={text.rfind(cue)}-{text.rfind(cue) + len(cue)};speaker={text.rfind(speaker)}-"
        f"{text.rfind(speaker) + len(speaker)}")
    rows = run(nlp, text, people=[ROE, ("Jo Lark", ["Jo Lark"], None, None)], extra=[mention])
    assert [r["speaker_name"] for r in rows if r["text"] == content] == [expected]


def test_a_person_apposed_to_an_object_is_not_the_subject(nlp):
    # "Harwick had suspended the trader, Dana Quill, …, saying": the opening words are a clause, not a title
    text = "Harwick had suspended the trader, Dana Quill, on Monday, saying, \"We are disappointed.\""
    rows = run(nlp, text, people=[("Dana Quill", ["Dana Quill"], None, None)])
    assert [r["text"] for r in rows] == ["We are disappointed."]
    assert rows[0]["speaker_name"] != "Dana Quill"


@pytest.mark.parametrize(
    ("text", "organizations", "people", "expected"),
    [
        # a firm named in full, then by its first word (read as a surname): the full name, an organization
        ("Strategists at Kestrel Sachs see gains. \"Prices will climb,\" Kestrel said.", ["Kestrel Sachs"],
         [("Kestrel", ["Kestrel said"], None, None)], ("Kestrel Sachs", "organization")),
        ("Kestrel Research sees gains. \"Prices will climb,\" Kestrel said.", ["Kestrel Research", "Kestrel"], [],
         ("Kestrel Research", "organization")),
        # two firms open with the word: which one is meant is not known, the short name stays
        ("Kestrel Research and Kestrel Bank see gains. \"Prices will climb,\" Kestrel said.",
         ["Kestrel Research", "Kestrel Bank", "Kestrel"], [], ("Kestrel", "organization")),
        # an official keeps their name; a two-word name is a body of its own
        ("Kestrel Holdings sees gains. \"Prices will climb,\" Kestrel said.", ["Kestrel Holdings"],
         [("Kestrel", ["Kestrel said"], "kestrel", "governor")], ("Kestrel", "person")),
        ("The Federal Reserve Bank of Boston sees gains. \"Prices will climb,\" the Federal Reserve said.",
         ["Federal Reserve Bank of Boston", "Federal Reserve"], [], ("Federal Reserve", "organization")),
    ],
)
def test_a_firm_shortened_to_its_first_word_takes_its_full_name(nlp, text, organizations, people, expected):
    rows = run(nlp, text, organizations=organizations, people=people)
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [expected]


@pytest.mark.parametrize(
    ("text", "body_start", "expected"),
    [
        # a firm no rule tagged, named in full and then by its first word (read as a surname)
        ("Harwick Global Advisors cut its forecast. \"Prices will climb,\" Harwick said.", 0,
         ("Harwick Global Advisors", "organization")),
        # a possessive ends the firm's name
        ("Harwick Global's analysts cut the forecast. \"Prices will climb,\" Harwick said.", 0,
         ("Harwick Global", "organization")),
        # two untagged firms open with the word: which one is meant is not known
        ("Harwick Global cut its forecast, while Harwick Capital raised it. \"Prices will climb,\" Harwick said.", 0,
         ("Harwick", "person")),
        # a fuller form first written after the quotation is another firm, or a listing line
        ("\"Prices will climb,\" Harwick said. Shares of Harwick Global rose.", 0, ("Harwick", "person")),
        # the word said alone before the run: the fuller name is another body the firm formed
        ("Harwick said it formed Harwick Hotel Partners. \"Prices will climb,\" Harwick said.", 0,
         ("Harwick", "person")),
        # the tail of a longer name after "and" names no firm of its own
        ("Gulf and Harwick Inc cut its forecast. \"Prices will climb,\" Harwick said.", 0, ("Harwick", "person")),
        # a sub-heading in title case names no firm
        ("Notes\nHarwick Sees Gains\nThe forecast was cut. \"Prices will climb,\" Harwick said.", 6,
         ("Harwick", "person")),
    ],
)
def test_a_firm_no_rule_tagged_gives_the_full_name(nlp, text, body_start, expected):
    rows = run(nlp, text, people=[("Harwick", ["Harwick said"], None, None)], body_start=body_start)
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [expected]


def test_a_person_pronoun_never_stands_for_a_firm_s_fuller_name(nlp):
    # "he" stands for a person: a run opening with his surname ("Wexley Chao-Ming" untagged) is no firm
    text = "Wexley Chao-Ming met the minister. \"Rates will fall,\" he said."
    rows = run(nlp, text, people=[("Wexley", ["Wexley"], None, None)])
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("Wexley", "person")]


def test_a_run_described_as_a_person_names_no_firm(nlp):
    # a person's name the name rules left untagged, with the role after it, is no firm's name
    text = "Wexley Chao-ming, an aide to the minister, spoke. \"Rates will fall,\" Wexley said."
    rows = run(nlp, text, people=[("Wexley", ["Wexley said"], None, None)])
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("Wexley", "person")]


def test_an_untagged_run_with_a_country_names_no_firm(nlp):
    # "Chile Copper" may be the country's output, not a firm; the country's one-word name stays
    text = "Chile Copper output fell. \"Prices will climb,\" Chile said."
    at = text.find("Chile")
    countries = [Mention(f"country:{i}", "country", "Chile", i, i + 5, 0, "test", "CHL")
                 for i in (at, text.rfind("Chile"))]
    rows = run(nlp, text, organizations=[], people=[("Chile", ["Chile said"], None, None)], extra=countries)
    assert [r["speaker_name"] for r in rows] == ["Chile"]


def test_the_firm_is_no_country_that_spoke(nlp):
    text = ("Harbour Bank raised its forecast. \"Exports will slow,\" the U.S. said. \"Demand is firm,\" the "
            "company said.")
    at = text.find("U.S.")
    rows = run(nlp, text, organizations=["Harbour Bank"],
               extra=[Mention("country:1", "country", "U.S.", at, at + 4, 0, "test", "USA")])
    assert [r["speaker_name"] for r in rows if r["text"].startswith("Demand")] == ["Harbour Bank"]


def test_the_firm_is_no_company_suffix_cut_off_its_name(nlp):
    # a name's suffix alone ("Ltd", as a cut-off name leaves it) is no firm to take up
    text = "Harbour Bank cut costs. \"Demand is firm,\" said Ltd on Monday. \"Costs rose,\" the company said."
    rows = run(nlp, text, organizations=["Harbour Bank"])
    assert [r["speaker_name"] for r in rows if r["text"].startswith("Costs")] == ["Harbour Bank"]


def test_the_firm_is_the_organization_heard_from_last_not_the_last_named(nlp):
    text = ("\"Tin will fall,\" says Kestrel Research in a note. Harbour Bank cut its forecast on Monday. "
            "\"Supply is rising,\" the firm says.")
    rows = run(nlp, text, organizations=["Harbour Bank"])
    assert speakers(rows) == [("Tin will fall,", "Kestrel Research", "Kestrel Research", "say"),
                              ("Supply is rising,", "Kestrel Research", "the firm", "say")]


def test_a_person_with_their_firm_after_of_is_the_speaker(nlp):
    # the firm was read as a person's name: the head of "Dana Roe of Kestrel Partners" is still Dana Roe
    text = "\"Copper will rally,\" Dana Roe of Kestrel Partners writes in a note."
    rows = run(nlp, text, people=[ROE, ("Kestrel Partners", ["Kestrel Partners"], None, None)])
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("Dana Roe", "person")]


LARK = ("Jo Lark", ["Jo Lark"], None, "chief economist")
FILLER = " ".join(f"Stocks moved on day {n}." for n in range(8))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the holder of the title was named far back (another item of a digest); the source just named speaks
        (f"Chief economist Jo Lark expects cuts. {FILLER} \"Tin will fall,\" Dana Roe of Kestrel Partners writes. "
         "\"Supply is rising,\" the chief economist says.", "Dana Roe"),
        # the holder named near: the holder
        ("Chief economist Jo Lark expects cuts. \"Tin will fall,\" Dana Roe of Kestrel Partners writes. "
         "\"Supply is rising,\" the chief economist says.", "Jo Lark"),
    ],
)
def test_the_title_is_the_source_just_named_when_its_holder_is_far(nlp, text, expected):
    rows = run(nlp, text, people=[ROE, LARK], titles=["chief economist", "Chief economist"])
    assert [r["speaker_name"] for r in rows if r["text"].startswith("Supply")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the noun "firm" introduces is the firm's, though it was read as a person's; "they" takes it up
        ("\"Rates will fall,\" asset manager firm Dana Roe says in a note. \"Bonds will rally,\" they say.",
         [("Dana Roe", "organization")] * 2),
        # a role noun between: the person
        ("\"Rates will fall,\" company chairman Dana Roe says.", [("Dana Roe", "person")]),
    ],
)
def test_a_name_after_firm_or_company_is_an_organization(nlp, text, expected):
    rows = run(nlp, text, people=[ROE])
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == expected


@pytest.mark.parametrize(
    ("text", "organizations", "expected"),
    [
        # the firm or body named right before a document issued it
        ("\"Prices will rise,\" according to a Kestrel report.", [], ("Kestrel", "organization")),
        ("\"Prices will rise,\" according to Harbour Bank data.", ["Harbour Bank"], ("Harbour Bank", "organization")),
        # a website is a publication, named by the words beside it
        ("\"Prices will rise,\" according to the Kestrel Rates website.", [], ("Kestrel Rates", "organization")),
        # a country before it names no issuer: the document stays a description
        ("\"Prices will rise,\" according to a Japanese report.", [], ("Japanese report", "unresolved")),
    ],
)
def test_a_document_speaks_for_the_firm_named_before_it(nlp, text, organizations, expected):
    at = text.find("Japanese")
    countries = [Mention("country:1", "country", "Japanese", at, at + 8, 0, "test", "JPN")] if at >= 0 else []
    rows = run(nlp, text, organizations=organizations, extra=countries)
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [expected]


def test_he_skips_a_name_that_modifies_a_title(nlp):
    # "Kestrel" (read as a person) only modifies "analyst": "he" is the analyst
    text = "Results disappointed Kestrel analyst Dana Roe. \"Margins are thin,\" he says."
    rows = run(nlp, text, people=[ROE, ("Kestrel", ["Kestrel"], None, None)], titles=["analyst"])
    assert [r["speaker_name"] for r in rows] == ["Dana Roe"]


@pytest.mark.parametrize(
    ("text", "organizations", "people", "expected"),
    [
        # no organization spoke before "it" (a person did): the organization opening the sentence before,
        # rather than the one named last
        ("Dana Roe said rates would hold. Kestrel Partners cut its target for Harbour Bank. \"Margins are thin,\" "
         "it says.", ["Harbour Bank", "Kestrel Partners"], [ROE], "Kestrel Partners"),
        # ... or a one-word name read as a person's, with no title: "it" is no person
        ("Dana Roe said rates would hold. Kestrel cut its target for Harbour Bank. \"Margins are thin,\" it says.",
         ["Harbour Bank"], [ROE, ("Kestrel", ["Kestrel"], None, None)], "Kestrel"),
        # an organization that spoke comes first
        ("Harbour Bank said rates would hold. Kestrel Partners cut its target. \"Margins are thin,\" it says.",
         ["Harbour Bank", "Kestrel Partners"], [], "Harbour Bank"),
    ],
)


def test_it_is_the_organization_opening_the_sentence_before(nlp, text, organizations, people, expected):
    rows = run(nlp, text, organizations=organizations, people=people)
    assert [r["speaker_name"] for r in rows] == [expected]


@pytest.mark.parametrize(
    ("text", "content", "kept"),
    [
        # a question the speaker did not answer reports nothing said
        ("Dana Roe did not say whether talks had resumed.", "whether talks had resumed", False),
        ("Dana Roe would not say if talks had resumed.", "if talks had resumed", False),
        # without a negation, a clause opening with "if" is what was said
        ("Dana Roe said if talks fail, tariffs would rise.", "if talks fail, tariffs would rise", True),
    ],
)
def test_an_unanswered_question_is_no_reported_speech(nlp, text, content, kept):
    cue = "say" if " say " in text else "said"
    extra = [reported(text, content, "Dana Roe", cue)]
    if " not " in text:
        at = text.find("not")
        extra.append(Mention("modal:1", "modal", "not", at, at + 3, 0, "modality", "negated"))
    rows = run(nlp, text, people=[ROE], extra=extra)
    assert [r["text"] for r in rows if r["quote_type"] == "indirect"] == ([content] if kept else [])


@pytest.mark.parametrize(
    ("text", "organizations"),
    [
        # a name ending in a public body's noun is a body of its own, not the full name of the short one
        ("The Kestrel Commission met on Monday. \"Prices will climb,\" Kestrel said.", ["Kestrel Commission"]),
        # a name joined by "and" may be two firms read as one
        ("Kestrel Inc and Harbour Co agreed terms. \"Prices will climb,\" Kestrel said.", ["Kestrel Inc and Harbour Co"]),
    ],
)
def test_a_short_name_keeps_its_form_beside_a_body_or_a_pair(nlp, text, organizations):
    rows = run(nlp, text, organizations=organizations, people=[("Kestrel", ["Kestrel said"], None, None)])
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("Kestrel", "person")]


def labelled_organization(text, surface, label):
    """Organization mentions of ``surface`` whose label (the canonical name) differs from the text."""
    return [Mention(f"organization:{start}", "organization", surface, start, start + len(surface), 0, "test", label)
            for start in occurrences(text, surface)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the story never spells out the canonical name: the speaker keeps the form it writes
        ('"Inflation will stay sticky," Kestrel Bank Corp analysts write.\n"Cuts are off," KBC analysts say.',
         ["Kestrel Bank Corp", "Kestrel Bank Corp"]),
        ('"Cuts are off the table," KBC analysts say.', ["KBC"]),
    ],
)
def test_an_organization_speaker_keeps_the_name_the_story_writes(nlp, text, expected):
    extra = labelled_organization(text, "KBC", "Kestrel Bank Corp")
    extra += labelled_organization(text, "Kestrel Bank Corp", "Kestrel Bank Corp")
    rows = run(nlp, text, extra=extra)
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == expected


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        # "it" names no person: the untitled name just heard from is a firm the name rules took for a person's
        ([("Harbour Financial", ["Harbour Financial"], None, None)], "Harbour Financial"),
        # a person with a title is a person, and "it" does not stand for them
        ([("Dana Roe", ["Harbour Financial"], None, "analyst")], None),
    ],
)
def test_it_takes_up_a_firm_read_as_a_person(nlp, people, expected):
    text = ('Copper spreads have widened further, said Harbour Financial.\n'
            '"Supply is getting tight," it said.')
    rows = run(nlp, text, people=people)
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == [expected]


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        # "they" after two people named together: both of them
        ("Margins will double, Dana Roe and Tom Poe say in a report.\n\"We stay positive,\" they add.",
         [ROE, ("Tom Poe", ["Tom Poe"], None, None)], "Dana Roe and Tom Poe"),
        # the first of the two left untagged by the name rules
        ("Margins will double, Dana Roe and Tom Poe say in a report.\n\"We stay positive,\" they add.",
         [("Tom Poe", ["Tom Poe"], None, None)], "Dana Roe and Tom Poe"),
        # one person and their colleagues: the person named
        ("Margins will double, Tom Poe and colleagues write.\n\"We stay positive,\" they add.",
         [("Tom Poe", ["Tom Poe"], None, None)], "Tom Poe"),
        # one person alone is no "they"
        ("Margins will double, Tom Poe writes.\n\"We stay positive,\" they add.",
         [("Tom Poe", ["Tom Poe"], None, None)], None),
    ],
)
def test_they_takes_up_people_named_together(nlp, text, people, expected):
    rows = run(nlp, text, people=people)
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == [expected]


def test_they_looks_back_through_a_cue_with_other_senses(nlp):
    text = ('Policy will be mildly inflationary, Kestrel analysts write. More tariffs could advance that, '
            'they note. "A key question is how expectations move," they say.')
    rows = run(nlp, text, organizations=["Kestrel"])
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == ["Kestrel"]


def test_they_looks_back_past_a_person_acting_in_a_sentence_with_a_cue(nlp):
    # "announced" may report speech or an act; its subject, a person, is no one "they" can stand for, so the
    # analysts named before stay the speakers ("Trump has announced tariffs …, they note")
    text = ('Harbour is unlikely to be hit, according to Kestrel analysts in a note. Dana Roe has announced '
            'new duties on steel, which may start in April, they note. "We think exporters will adapt," they '
            'write.')
    rows = run(nlp, text, people=[ROE], organizations=["Kestrel"])
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == ["Kestrel"]


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        # "in a post-auction comment": the reporting word is a noun, whose phrase speaks for no one, so the
        # epithet takes up the person who spoke
        ("Yields held, Banco Kestrel's Dana Roe says in a post-auction comment.", "Dana Roe"),
        ("Yields held, Banco Kestrel's Dana Roe says in her written comment.", "Dana Roe"),
        # an unnamed source who spoke last still breaks the chain: the epithet stays a description
        ("Yields held, a trader says in a post-auction comment.", "investment director"),
        # a name or a speaker's noun after the preposition's object: the cue is a verb and they speak
        ("Yields held. In a written statement Dana Roe said so.", "Dana Roe"),
    ],
)
def test_a_cue_word_after_a_preposition_is_a_noun(nlp, opening, expected):
    text = opening + ' The agency sold bonds. "We see falling rates," the investment director says.'
    rows = run(nlp, text, people=[ROE])
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == [expected]


def test_a_role_takes_up_the_source_just_heard_before_an_earlier_holder(nlp):
    kavan = ("Tom Kavan", ["Tom Kavan"], None, "senior economist")
    text = ('"Prices bite," says Kestrel senior economist Tom Kavan. The survey polled 1,500 adults. '
            'It ran in November. Shares rose. Bonds fell. The dollar slipped. Oil held. Gold rose.\n'
            'Inflation will ease further, says Dana Roe at Harbour Economics. "Food prices will keep easing," '
            'the assistant economist adds.')
    rows = run(nlp, text, people=[kavan, ROE], titles=["senior economist"])
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == ["Tom Kavan", "Dana Roe"]


def test_a_long_apposition_after_a_name_leaves_the_name_the_speaker(nlp):
    text = ("Dana Roe, a customs specialist and principal with the U.S. unit of accounting firm Harbour Kestrel "
            "International, said the plan was a monumental undertaking. \"There are 5,000 descriptions,\" he said.")
    rows = run(nlp, text, people=[ROE])
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == ["Dana Roe"]


@pytest.mark.parametrize("ticker", ["(KST)", "(NYSE:KST)"])
def test_a_stock_ticker_stays_inside_the_speaker_phrase(nlp, ticker):
    text = f'Tariffs are causing "chaos" in the industry, says Kestrel Motor Co. {ticker} CEO Dana Roe.'
    rows = run(nlp, text, people=[ROE], titles=["CEO"], organizations=["Kestrel Motor Co."])
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == ["Dana Roe"]


@pytest.mark.parametrize(
    ("text", "parse_speaker", "expected"),
    [
        # the parse ended the subject after the cue at a stock ticker: the person the phrase names speaks
        ("Tariffs are causing chaos in the industry, says Kestrel Motor Co. (KST) CEO Dana Roe.",
         "Kestrel Motor Co.", "Dana Roe"),
        # no person further on: the parse's words stand
        ("Tariffs are causing chaos in the industry, says Kestrel Motor Co. (KST).", "Kestrel Motor Co.",
         "Kestrel Motor Co."),
    ],
)
def test_reported_speaker_after_the_cue_runs_on_to_a_person(nlp, text, parse_speaker, expected):
    content = "Tariffs are causing chaos in the industry"
    rows = run(nlp, text, people=[ROE], titles=["CEO"], organizations=["Kestrel Motor Co."],
               extra=[reported(text, content, parse_speaker, "says")])
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "indirect"] == [expected]


def test_staff_after_according_to_speak_for_the_firm_named_after_them(nlp):
    text = ("Earnings will grow, according to analysts at Harbour Investments. In chips, the analysts "
            "\"tend to favor\" Taiwan, they say.")
    rows = run(nlp, text)
    assert [r["speaker_name"] for r in rows if r["quote_type"] == "direct"] == ["Harbour Investments"]


def test_it_takes_up_a_firm_named_after_says(nlp):
    text = ("Fiscal expansion would not change fundamentals, says State Street Global Advisors. "
            "\"Weak growth will keep yields in decline,\" it says.")
    assert [r["speaker_name"] for r in run(nlp, text)] == ["State Street Global Advisors"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker's noun after the preposition: the cue is a verb; the role at an unnamed body is the
        # (unnamed) source, not the body
        ('"Rates will rise," a dealer at a major foreign bank says.', "dealer at a major foreign bank"),
        # a verb's form ("said") is never a noun, whatever stands before it
        ('"Rates will rise," an analyst from a leading cocoa trade house said.',
         "analyst from a leading cocoa trade house"),
    ],
)
def test_a_cue_after_a_preposition_stays_a_verb(nlp, text, expected):
    assert [r["speaker_name"] for r in run(nlp, text)] == [expected]


def test_a_shortened_organization_form_keeps_the_canonical_name(nlp):
    text = '"Earnings will dip," Biosystems said.'
    rows = run(nlp, text, extra=labelled_organization(text, "Biosystems", "Applied Biosystems Inc"))
    assert [r["speaker_name"] for r in rows] == ["Applied Biosystems Inc"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words that join colleagues to a named speaker stay nouns anywhere else
        ('"Prices will hold," Others said.', "Others"),
        ('"Prices will hold," a Soviet trade team said.', "Soviet trade team"),
    ],
)
def test_team_words_stay_nouns_of_a_phrase(nlp, text, expected):
    assert [r["speaker_name"] for r in run(nlp, text)] == [expected]


def test_a_noun_for_a_kind_of_firm_takes_up_the_firm_named_before(nlp):
    # "the automaker" stands for a company as "the company" does (sources.csv, company "any")
    text = ("Northfield Motors Corp cut its outlook on Monday.\n"
            "\"Demand for our trucks has weakened,\" the automaker said.")
    rows = run(nlp, text, organizations=["Northfield Motors Corp"])
    assert [(r["speaker_name"], r["speaker_text"], r["speaker_kind"]) for r in rows] == [
        ("Northfield Motors Corp", "the automaker", "organization")]


def test_a_name_a_kind_of_firm_introduces_speaks_as_the_firm(nlp):
    # the upstream rules read "Skyrun" as a person's name; the noun "airline" before it makes it a firm
    text = "\"We will fly to ten new cities,\" said the regional airline Skyrun."
    rows = run(nlp, text, people=[("Skyrun", ["Skyrun"], None, None)])
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("Skyrun", "organization")]


@pytest.mark.parametrize(("text", "position", "alone"), [
    ("Acme said it formed Acme Hotel Partners", 20, True),     # "Acme" alone before the run
    ("Acme's plant. Then Acme Hotel Partners", 19, False),     # possessive only
    ("Acme Corp said. Then Acme Hotel Partners", 21, False),   # followed by a capitalized word
    ("Acme 66 opened. Acme Hotel Partners", 16, False),        # followed by a number
    ("BigAcme said. Acme Hotel Partners", 14, False),          # inside a longer word
    ("Acme-Co said. Acme Hotel Partners", 14, False),          # joined by a hyphen
    ("Acme  said. Acme Hotel Partners", 12, True),             # spaces, then a lower-case word
])
def test_a_word_used_alone_before_a_run(text, position, alone):
    from types import SimpleNamespace

    from pipeline.normalize.quotes.firm_names import _used_alone_before

    assert _used_alone_before(SimpleNamespace(text=text, body_start=0), "Acme", position) is alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a paragraph with no cue that names the person quoted last goes on with their words
        ('"Prices will rise," Bob Andrew said.\nRates are high. Andrew also revealed that the firm has a plan '
         '"to find a partner."', [("Prices will rise,", "Bob Andrew"), ("to find a", "Bob Andrew")]),
        # a paragraph right after the speaker's quotation (a heading between) goes on with it
        ('"We are proud of it," Bob Andrew said.\nA Course for Only Ten Pilots\nThe course will cover '
         '"every skill a pilot needs," from weather to radio.',
         [("We are proud", "Bob Andrew"), ("every skill a", "Bob Andrew")]),
        # not after a paragraph of running text between
        ('"We are proud of it," Bob Andrew said.\nThe school opened in May. Fees are high.\nThe course will cover '
         '"every skill a pilot needs," from weather to radio.', [("We are proud", "Bob Andrew"), ("every skill a", None)]),
        # nor when the paragraph names another person
        ('"We are proud of it," Bob Andrew said.\nThe course, run by Carla Diaz, will cover "every skill a pilot '
         'needs."', [("We are proud", "Bob Andrew"), ("every skill a", None)]),
    ],
)
def test_a_paragraph_without_a_cue_goes_on_with_the_person_quoted_last(nlp, text, expected):
    rows = run(nlp, text, people=[("Bob Andrew", ["Bob Andrew", "Andrew"], None, None),
                                  ("Carla Diaz", ["Carla Diaz"], None, None)])
    assert [(first, name) for first, name, _, _ in speakers(rows)] == expected


def test_a_quoted_heading_takes_the_speaker_of_the_same_words_below(nlp):
    text = ('Pilots train for a year.\n"At First, Our Aim Is Not to Make a Profit"\nFees are high. "At first, our aim is not to make a profit," said '
            'Bob Andrew.')
    rows = run(nlp, text, people=[("Bob Andrew", ["Bob Andrew"], None, None)], body_start=text.index("Pilots"))
    assert sorted((first, name) for first, name, _, _ in speakers(rows)) == [
        ("At First, Our", "Bob Andrew"), ("At first, our", "Bob Andrew")]


@pytest.mark.parametrize("inner_person", [(), (("Aurel", ["Aurel said"], None, None),)])
def test_an_inner_name_of_a_long_name_takes_the_full_name(nlp, inner_person):
    # a person named with three names, later by the middle one alone (tagged as a person of its own or not)
    text = ("Regional governor Tomas Aurel Vintila opened the port on Monday.\n"
            "\"Our trade must grow,\" Aurel said.")
    people = [("Tomas Aurel Vintila", ["Tomas Aurel Vintila"], None, "governor"), *inner_person]
    rows = run(nlp, text, people=people)
    assert [r["speaker_name"] for r in rows] == ["Tomas Aurel Vintila"]


@pytest.mark.parametrize("people", [[], [("Mira Kesh", ["Mira Kesh"], None, None),
                                          ("Holloway Lex", ["Holloway Lex"], None, None)]])
def test_a_firm_after_a_comma_set_post_is_not_the_speaker(nlp, people):
    # "Name, post, Firm, said": the firm names where the person works; "he" after it is the person
    text = ("Mira Kesh, managing partner, Holloway Lex, said the new duties would hurt exporters. "
            "\"Buyers will look elsewhere,\" he said.")
    rows = run(nlp, text, people=people)
    assert [r["speaker_name"] for r in rows if r["text"].startswith("Buyers")] == ["Mira Kesh"]


@pytest.mark.parametrize("text, organizations, expected", [
    # named right after "group", a name no gazetteer tagged
    ("Duties on paper cups will hurt cafes, according to the advocacy group Harbour Watch Network. "
     "\"Cafes cannot absorb it,\" the group said.", [], "Harbour Watch Network"),
    # described as a group before, set off by a comma
    ("Harbour Watch, a consumer group, has fought the duties. \"Cafes cannot absorb it,\" the group said.",
     ["Harbour Watch"], "Harbour Watch"),
    # a public body before "the group said" after a comma is no apposition of "group"
    ("In a letter to the Port Commission, the group said it would sue. \"Cafes cannot absorb it,\" the group said.",
     ["Port Commission"], "group"),
    # no group named: the description stays unresolved
    ("The group met on Monday. \"Cafes cannot absorb it,\" the group said.", [], "group"),
])
def test_the_group_is_the_group_the_story_named(nlp, text, organizations, expected):
    rows = run(nlp, text, organizations=organizations)
    assert [r["speaker_name"] for r in rows] == [expected]


def test_minutes_speak_for_the_body_that_issued_them(nlp):
    text = ("The Central Bank of Ruritania released minutes of its May meeting on Tuesday. "
            "\"Growth is weak,\" the minutes said.")
    rows = run(nlp, text, organizations=["Central Bank of Ruritania"])
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [("Central Bank of Ruritania", "organization")]


@pytest.mark.parametrize("firm", ["Mark Osei Lund Associates", "Mark Osei Lund GmbH", "Mark Osei Lund SpA"])
def test_a_firm_stored_as_a_person_gives_no_full_name_to_an_inner_name(nlp, firm):
    # a people row ending in a word that ends firms' names is a firm, not the full name of "Osei"
    text = (f"Engineers at {firm} met the buyers on Monday.\n"
            "\"Steel prices will climb,\" Osei said.")
    rows = run(nlp, text, people=[(firm, [firm], None, None)])
    assert [r["speaker_name"] for r in rows] == ["Osei"]


@pytest.mark.parametrize("text, organizations, expected", [
    # an owner no gazetteer tagged, a year and a lower-case noun between
    ("\"Buyers shop online,\" according to Kestrel's 2023 client survey.", [], "Kestrel"),
    # a tagged organization
    ("\"Buyers shop online,\" according to Harbour Lines' study.", ["Harbour Lines"], "Harbour Lines"),
])
def test_a_possessive_before_a_document_names_its_issuer(nlp, text, organizations, expected):
    rows = run(nlp, text, organizations=organizations)
    assert [(r["speaker_name"], r["speaker_kind"]) for r in rows] == [(expected, "organization")]


@pytest.mark.parametrize("text", [
    # the sentence's opening "The" is no part of the name its initials spell
    "The Harbour Gazette reported the plan on Monday. \"Buyers shop online,\" according to the HG.",
    # nor is a place-based word before the name
    "The figures come from the Delta-based Center for Trade Studies. \"Buyers shop online,\" the CTS said.",
])
def test_an_acronym_takes_the_name_that_ends_a_capitalized_run(nlp, text):
    rows = run(nlp, text, organizations=["HG", "CTS"])
    assert [r["speaker_name"] for r in rows] == [
        "Harbour Gazette" if "HG" in text else "Center for Trade Studies"]


def test_she_after_a_post_at_a_firm_is_the_person(nlp):
    # "Name, post at Firm, a unit of Group, says": the description after the firm is the firm's, not the speaker
    text = ("Dana Quill, chief strategist at HL Harbour Wealth, a unit of Kestrel Partners, says she sees buyers "
            "waiting. \"Their books are sound,\" she says.")
    rows = run(nlp, text, people=[("Dana Quill", ["Dana Quill"], None, None)])
    assert [(r["speaker_name"], r["text"][:5]) for r in rows] == [("Dana Quill", "Their")]


@pytest.mark.parametrize("text, expected", [
    # unnamed officials quoted from a document: the document's issuer is the speaker
    ("The Bank of Ruritania released minutes of its May meeting. "
     "\"Growth is weak,\" board members said, according to the minutes.", "Bank of Ruritania"),
    # no document cited: the officials stay an unnamed source
    ("The Bank of Ruritania met in May. \"Growth is weak,\" senior officials said.", "senior officials"),
])
def test_unnamed_sources_speak_for_the_issuer_of_a_cited_document(nlp, text, expected):
    rows = run(nlp, text, organizations=["Bank of Ruritania"])
    assert [r["speaker_name"] for r in rows] == [expected]


@pytest.mark.parametrize("text, expected", [
    # the post in lower case after the body's name: its one holder
    ("Bank Governor Lena Roe spoke in Harbourtown on Monday. \"Rates will hold,\" the Harbour Bank governor said.",
     "Lena Roe"),
    # no one holds that title in the story: the body speaks
    ("Lena Roe spoke in Harbourtown on Monday. \"Rates will hold,\" the Harbour Bank governor said.",
     "Harbour Bank"),
])
def test_a_lower_case_title_after_a_body_is_its_holder(nlp, text, expected):
    rows = run(nlp, text, people=[("Lena Roe", ["Lena Roe"], None, "Governor" if "Governor" in text else None)],
               organizations=["Harbour Bank"])
    assert [r["speaker_name"] for r in rows] == [expected]


@pytest.mark.parametrize(
    ("text", "people", "organizations", "expected"),
    [
        # lower-case modifiers between a news agency's name and its noun are skipped
        ("\"Ministers will weigh a ban on diesel sales abroad,\" said the Kestrel state news agency.",
         [], [], "Kestrel"),
        # a name after the noun outranks a place's adjective before it
        ("\"Ministers will weigh a ban on diesel sales abroad,\" said the Iraqi news agency KNA.",
         [], [], "KNA"),
        # a document's issuer named right before its noun, after a year: a tagged firm or person
        ("\"Most savers start young,\" according to a 2023 Harlow Brokerage survey of account holders.",
         [], ["Harlow Brokerage"], "Harlow Brokerage"),
        ("\"Most savers start young,\" according to a 2023 Maria Okafor survey.",
         [("Maria Okafor", ["Maria Okafor"], None, None)], [], "Maria Okafor"),
    ],
)
def test_outlet_and_document_issuer_named_before_the_noun(nlp, text, people, organizations, expected):
    rows = run(nlp, text, people=people, organizations=organizations)
    assert [r["speaker_name"] for r in rows] == [expected]


def test_a_month_before_a_document_names_no_issuer(nlp):
    rows = run(nlp, "\"Most savers start young,\" according to the January survey of account holders.")
    assert all(r["speaker_name"] != "January" for r in rows)


def test_the_note_is_of_the_speaker_who_said_in_a_note(nlp):
    text = ("Gold gained again. \"The rand should hold up,\" said Harbor Analytics in a research note.\n"
            "\"The dollar may slip below 18 next week,\" the note added.")
    rows = run(nlp, text, organizations=["Harbor Analytics"])
    assert [(r["speaker_name"], r["speaker_text"]) for r in rows] == [
        ("Harbor Analytics", "Harbor Analytics"), ("Harbor Analytics", "the note")]


ISSUERS_STORY = """Savers and gold

A 2021 survey by the Kestrel Savings Foundation found that few young people held gold. According to a Harbor \
Research survey based on 2024 data, young men are more likely than women to own gold. Just 12% of all adults say \
they have bought gold, according to the 2024 survey. That was unchanged since 2021, Harbor said.
Washington imposed a 25% tariff on steel imports from Britain on Monday. The nine members of the Bank of \
England's monetary policy committee said the hit from a long trade dispute with the U.S. could hurt growth.
"""


def test_a_document_and_a_body_take_the_issuer_the_story_names(tmp_path):
    # "the 2024 survey": the nearest survey named with its issuer before (not one of another year); the members
    # of a bank's committee: the bank that owns the committee
    rows = {q["text"]: q for q in quotes_of(tmp_path, ISSUERS_STORY)}
    assert (rows["Just 12% of all adults say they have bought gold"]["speaker_name"],
            rows["the hit from a long trade dispute with the U.S. could hurt growth"]["speaker_name"]) == (
        "Harbor Research", "Bank of England")


GIVEN_NAME_STORY = """Vote count begins

As the counting began on Saturday, Mirela Sandhu, daughter of a former mayor, said her mother's work still \
mattered. "The roads are poor and there is no water in the old town," Mirela said.
"""


def test_a_given_name_alone_is_the_person_named_in_full_before(tmp_path):
    rows = {q["text"]: q for q in quotes_of(tmp_path, GIVEN_NAME_STORY)}
    assert rows["The roads are poor and there is no water in the old town,"]["speaker_name"] == "Mirela Sandhu"
