"""The quotation and cue component: marks, pairing, wire conventions, full/partial, terms, cues."""

import pytest
import spacy

from pipeline.config import MODELS_DIR
from pipeline.nlp.build import build_nlp
from pipeline.nlp.quote_marks import QuoteSpan, classify_mark, find_quote_spans, trim_unclosed
from pipeline.nlp.quotes import load_quote_rules


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_quotes_v1"))


def inner(text):
    return [(text[q.start:q.end], q.rule) for q in find_quote_spans(text)]


def quotes(nlp, text):
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans.get("quote", [])]


# -- pairing ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"It is over," he said.', [("It is over,", "pair")]),
        ("“A deal,” Akazawa said.", [("A deal,", "pair")]),
        ("Deal only possible ‘when everything is agreed,’ says Japan",
         [("when everything is agreed,", "pair")]),
        # nested quotations belong to the outer one
        ("“He told me ‘no deal’ twice,” she said.", [("He told me ‘no deal’ twice,", "pair")]),
        ("‘He said “no” to it,’ she said.", [("He said “no” to it,", "pair")]),
        # a straight mark glued to the next quotation still opens it
        ('"That\'s healthy," he added."If you asked me, no."', [("That's healthy,", "pair"),
                                                                ("If you asked me, no.", "pair")]),
        # tokenized text: `` and '' with spaces inside
        ("said `` Everyone told us , that we had no chance . ''",
         [("Everyone told us , that we had no chance .", "pair")]),
    ],
)
def test_pairs(text, expected):
    assert inner(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It'd be good, and Japan's stance is Reuters' view.",
        "Japan’s exports and the countries’ tariffs don’t change.",
        "Sales in the '90s rose; rock 'n' roll and O'Leary's plan.",
        "Boeing 's order and Michael O' Leary , the chief .",
        # wire copy that typed a straight double mark for an apostrophe
        'China"s exports and the Philippines" debt program rose.',
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    assert find_quote_spans(text) == []


def test_classify_mark_reads_the_neighbours():
    assert classify_mark('a "b', 2, 3).role == "open"
    assert classify_mark('b" a', 1, 2).role == "close"
    assert classify_mark('."If', 1, 2).role == "either"
    assert classify_mark("Japan's", 5, 6) is None


def test_multi_paragraph_quotation_reopened_by_each_paragraph():
    text = '"The U.S. should act now.\n"Despite easing, control is strict," it added.'
    assert inner(text) == [("The U.S. should act now.", "reopened"), ("Despite easing, control is strict,", "pair")]


def test_quotation_over_wrapped_lines_is_one():
    text = "President Trump: “The deal includes billions of dollars of\nmarket access for our farmers.”"
    assert inner(text) == [("The deal includes billions of dollars of\nmarket access for our farmers.",
                            "spans_lines")]


def test_unclosed_quotation_ends_with_its_paragraph_and_is_flagged():
    text = 'He said "we will not go.\nThe talks ended. Officials said "more" later.'
    spans = find_quote_spans(text)
    assert [(text[q.start:q.end], q.rule, q.unbalanced) for q in spans] == [
        ("we will not go.", "unclosed", True), ("more", "pair", False)]


def test_closing_mark_without_opening_starts_at_its_sentence():
    text = '"The United States has excessive expectations.," he said. To stabilize prices will take time."'
    spans = find_quote_spans(text)
    assert [(text[q.start:q.end], q.rule, q.unbalanced) for q in spans] == [
        ("The United States has excessive expectations.,", "pair", False),
        ("To stabilize prices will take time.", "unopened", True)]


def test_second_opening_mark_closes_the_first_as_unbalanced():
    text = "“We will win, he said. “And more.”"
    assert inner(text) == [("We will win, he said.", "unclosed"), ("And more.", "pair")]


def test_unbalanced_marks_never_swallow_the_article():
    text = 'A stray " mark here.\n' + "\n".join(f"Paragraph {i} has no marks." for i in range(40))
    spans = find_quote_spans(text)
    assert all(text.count("\n", q.start, q.end) == 0 for q in spans)


def test_unclosed_quotation_loses_its_trailing_attribution():
    text = '"We will not negotiate new quotas in the GATT, Lyng said.'
    span = trim_unclosed(text, find_quote_spans(text)[0], frozenset({"said"}))
    assert (text[span.start:span.end], span.rule) == ("We will not negotiate new quotas in the GATT,", "unclosed")
    untouched = QuoteSpan(1, 5, 0, None, "unclosed")
    assert trim_unclosed('"abcd efg', untouched, frozenset({"said"})) == untouched


# -- the component: full or partial, terms -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A deal can only be struck when everything is agreed,” Ryosei Akazawa told reporters.",
         [("A deal can only be struck when everything is agreed,", "full")]),
        ("Whether Japan could strike a deal in June, he said, “It'd be good if we can enter that phase.”",
         [("It'd be good if we can enter that phase.", "full")]),
        ("Akazawa said he urged the administration to “remove the auto and other tariffs.”",
         [("remove the auto and other tariffs.", "partial")]),
        ("A “mutually beneficial deal” is possible, according to Japan’s top trade negotiator.",
         [("mutually beneficial deal", "partial")]),
        ('Reagan said "I am committed to the full enforcement of our agreements."',
         [("I am committed to the full enforcement of our agreements.", "full")]),
        ('Fitzwater said yesterday: "we do not want a trade war."', [("we do not want a trade war.", "full")]),
        ('"But if both sides agree," he said, "it does not mean the end."',
         [("But if both sides agree,", "full"), ("it does not mean the end.", "full")]),
        ('Chen said that "all kinds of restrictions" were preventing trade.',
         [("all kinds of restrictions", "partial")]),
    ],
)
def test_full_and_partial(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan's name and defined terms are not quotations
        ("The “Liberation Day” tariffs took effect.", []),
        ("The Government of the United States of America (the “United States”) and (“China”) agreed.", []),
        ('The so-called "voluntary restraint" deal lapsed.', []),
        ('The service, named "Lei-zy Day Fares," starts in May, the airline said.', []),
        # quoted attribute values a reader left behind are not speech
        ('See <a href="#_ftn1">note</a> and "https://example.com/page" there.', []),
        ('The pact keeps the "may sell" and "may buy" points.', []),
        # a short fragment with a cue is speech
        ('Axworthy branded the ruling as just another "trade harrassment" from the U.S.',
         [("trade harrassment", "partial")]),
        ('A title case quotation beside its cue is speech: he says "We Will Win".', [("We Will Win", "full")]),
        # a name ending the sentence keeps its final stop inside the marks and is still a name
        ('Last year the senator backed his own "Fair Imports Act."', []),
        # a one-word full sentence is no name
        ('Her answer was short: "Never."', [("Never.", "full")]),
    ],
)
def test_terms_are_left_out(nlp, text, expected):
    assert quotes(nlp, text) == expected


def test_spans_carry_the_rule_and_exact_offsets(nlp):
    doc = nlp('"We go.\n"We stay," it added.')
    assert [(s.start_char, s.end_char, s.id_) for s in doc.spans["quote"]] == [
        (1, 7, "quotes:reopened"), (9, 17, "quotes:pair")]


# -- cues -------------------------------------------------------------------------------------------------

def cues(nlp, text):
    doc = nlp(text)
    return [(s.text, s.label_, s.id_) for s in doc.spans.get("cue", [])]


def test_cues_are_lemmas_with_side_and_sense(nlp):
    text = "“It is over,” Akazawa told reporters, according to Kyodo, and he was quoted as saying so."
    assert cues(nlp, text) == [
        ("told", "tell", "cues.csv:either:speech"), ("according to", "according_to", "cues.csv:right:speech"),
        ("quoted", "quote", "cues.csv:left:speech"), ("saying", "say", "cues.csv:either:speech")]


@pytest.mark.parametrize(
    "text",
    [
        "The United States and the report agreed on his statement.",  # names and nouns
        "“I said no and told him,” the memo reads.",  # the speaker's own words
    ],
)
def test_words_that_are_not_cues(nlp, text):
    assert cues(nlp, text) == []


def test_a_title_case_heading_spells_its_reporting_verb_with_a_capital(nlp):
    text = "Harbor Air CEO Says Fuel Duties Will Ground Flights\n\nThe carrier's chief spoke on Monday."
    assert [(text, lemma) for text, lemma, _ in cues(nlp, text)] == [("Says", "say")]


def test_a_capitalized_cue_in_running_text_stays_a_name(nlp):
    # a line that ends as a sentence is no heading: "Says" there is part of a name
    text = "The Simon Says Toy Company Limited Reported Losses.\n"
    assert cues(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalized cue form inside a sentence is a name, and leaves the verb before it a cue
        ("Rates will fall, says State Street Global Advisors.", [("says", "say")]),
        # a cue form in lower case after another still makes it a noun
        ("The Democrat report said rates will fall.", [("said", "say")]),
    ],
)
def test_a_name_after_a_cue_leaves_it_a_verb(nlp, text, expected):
    assert [(t, label) for t, label, _ in cues(nlp, text)] == expected


def test_rule_data_round_trips_through_bytes(nlp):
    component = nlp.get_pipe("trade_quotes_v1")
    other = spacy.blank("en")
    other.add_pipe("trade_sentences_v1").initialize(models_dir=str(MODELS_DIR))
    restored = other.add_pipe("trade_quotes_v1").from_bytes(component.to_bytes())
    text = '"We won," Akazawa said.'
    doc = other(text)
    assert [(s.text, s.label_) for s in doc.spans["quote"]] == quotes(nlp, text)
    assert restored.data == component.data


def test_bad_rule_rows_are_refused(tmp_path):
    folder = tmp_path / "quotes"
    folder.mkdir()
    (folder / "cues.csv").write_text("form,lemma,side,sense\nsaid,say,above,speech\n", encoding="utf-8")
    (folder / "words.csv").write_text("word,class\nhe,person_pronoun\n", encoding="utf-8")
    with pytest.raises(ValueError, match="above"):
        load_quote_rules(tmp_path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # scare quotes: one or two lower-case words inside a sentence with no cue
        ("The government's \"independent\" panel ruled on Friday.", []),
        ("Exporters doubt the ministry's “fair” duties will last.", []),
        # the same words beside a cue are speech
        ("The government's \"independent\" panel ruled on Friday, he said.", [("independent", "partial")]),
        # a quotation that ends the sentence is not a scare quote
        ("The deal is \"unfair.\" Farmers are angry.", [("unfair.", "partial")]),
        # mottos and titles of works, however long, after the noun that names them
        ("The school's motto, \"Knowledge is power, and power is duty,\" hangs over the gate.", []),
        ("His book \"The Art of the Deal\" sold well.", []),
        ("Her memoir \"Trade, tariffs and me: forty years at the table\" came out in May.", []),
    ],
)
def test_scare_quotes_mottos_and_titles_are_not_quotations(nlp, text, expected):
    assert quotes(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two apostrophes open as well as close in some archives
        ("''We will not accept it,'' he said.", [("We will not accept it,", "pair")]),
        ("He said: ''It is over.'' Talks ended.", [("It is over.", "pair")]),
        ("``Fine,'' he said.", [("Fine,", "pair")]),
        # tokenized text with spaces inside the marks still closes on ''
        ("said `` No deal , '' he added", [("No deal ,", "pair")]),
    ],
)
def test_doubled_apostrophes_open_a_quotation(text, expected):
    assert inner(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words listed in quotes, three or more in a row, are words cited, not speech
        ('Forward-looking statements include words such as "likely", "projected", "budgeted" or similar.', []),
        ('Voters called the mayor "calm," "honest," "tireless" and "fair," according to a Harbor Post survey.', []),
        # two in a row beside a cue are still a speaker's fragments
        ('He called the duties "unfair" and "harmful," the minister said.',
         [("unfair", "partial"), ("harmful,", "partial")]),
        # "such as" names a term
        ('Exporters fear measures such as "border fees" will follow, he said.', []),
        # a defined term in parentheses keeps the stops of its abbreviations
        ("The filing follows the standards of the board (“Harbor I.F.R.S.”).", []),
        # a title inside the reporter's sentence, however punctuated: after "in", in a sentence no speech cue
        # reports, or listed after another title
        ("“We build what we sell,” Dana Quill wrote in “Steel and Salt.” “Nobody else does.”",
         [("We build what we sell,", "full"), ("Nobody else does.", "full")]),
        ("She is the author of “Harbour Lights,” “Tin Roads” and “Salt, Steel and the Sea of Tariffs.”", []),
        ("Details are set out in the sections entitled “Pay of Directors” (page 12) and "
         "“Share Holdings of Certain Owners and Managers” (page 20).", []),
        # lower-case words after "in" are still speech, and a title-case quotation beside its cue too
        ('The minister said in "a very short time" the duties would go.', [("a very short time", "partial")]),
        ('"We Will Win, Come What May," he said.', [("We Will Win, Come What May,", "full")]),
    ],
)
def test_word_lists_defined_terms_and_titles_are_not_quotations(nlp, text, expected):
    assert quotes(nlp, text) == expected
