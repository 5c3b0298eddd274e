"""The word lists the quote speaker rules read: cue forms, source nouns, function words, abbreviations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.rulefiles import read_function_words, read_rows, read_words

# The classes of function words (``models/quotes/words.csv``) that stand for a speaker named elsewhere.
PRONOUNS = ("person_pronoun", "group_pronoun", "thing_pronoun")
# Classes kept in lists of their own, out of `QuoteLexicon.words`, whose classes stop or skip a phrase: words that
# are also nouns of a speaker's phrase ("a Western economist", "others said"), and names and abbreviations that are
# no function words at all (news outlets, "Reuters"; time zones, "ET").
SEPARATE_CLASSES = ("not_firm", "team", "news_outlet", "time_zone", "outlet_modifier")


@dataclass(frozen=True)
class QuoteLexicon:
    """The word lists the speaker rules read (from ``models/quotes`` and ``models/lexicons``)."""

    cue_forms: frozenset[str]
    sources: Mapping[str, str]
    # Role nouns whose holder speaks for the firm named right before them ("a Paramount spokesperson").
    firm_voices: frozenset[str]
    # Body nouns that, bare, stand for any organization named before ("the company" → "Chrysler Corp").
    generic_bodies: frozenset[str]
    # Body nouns a company's own name may hold ("Standard Bank", "Pennzoil Co"): the generic ones and "bank".
    company_words: frozenset[str]
    # Body nouns of public bodies ("commission", "ministry"): an organization named by one is no firm.
    public_bodies: frozenset[str]
    # Words of an organization's name that show it is of a description noun's kind ("regulator" → "securities").
    kind_marks: Mapping[str, frozenset[str]]
    # Nouns naming data ("estimates", "figures": ``data_source`` in ``reported_words.csv``): "estimates from
    # Kestrel Research" cites the firm after the preposition.
    data_nouns: frozenset[str]
    words: Mapping[str, str]
    # Capitalized words before a staff noun that name a region, market place or chamber, not a firm
    # ("a Western economist", "a Wall Street source"); lower case, possibly several words.
    not_firms: frozenset[str]
    # Nouns after "and" that join unnamed colleagues to a named speaker ("Jane Roe and colleagues write").
    team_words: frozenset[str]
    # Names of newspapers, news agencies and broadcasters (lower case, no leading "the"): cited as sources,
    # never the firm a description stands for.
    news_outlets: frozenset[str]
    # Lower-case words between a publication's name and its noun ("the Tass state news agency").
    outlet_modifiers: frozenset[str]
    # The same names as one pattern, matched at the start of lower-case text: read for every organization a
    # generic "the company" passes over, so compiled once rather than tried name by name.
    news_outlet_opening: re.Pattern[str]
    # Time zones whose abbreviation after a clock time opens an item of a news digest ("1836 ET - ...").
    time_zones: frozenset[str]
    abbreviations: frozenset[str]
    # Lower-case words a "Name:" label in title case may keep ("Alliance for the Future:").
    label_title_case: frozenset[str]
    # Words that open an indirect question ("did not say whether …").
    question_openers: frozenset[str]
    # Words that may open a sentence before its subject pronoun ("But she said").
    pronoun_leads: frozenset[str]
    # Words that open a bare body noun taking up an organization named before ("the company").
    bare_bodies: frozenset[str]
    # Words that make an unnamed source definite ("the minister", "that official").
    definite_sources: frozenset[str]
    # Words after a name that leave it the head of its phrase ("Jane Roe of Kestrel Partners").
    name_links: frozenset[str]
    # Prepositions that tie a person or staff to their firm ("an analyst at Kestrel", "analysts from Acme").
    firm_links: frozenset[str]
    # Articles before a source noun: the story may name the source next ("a company spokesman said").
    sources_named_next: frozenset[str]
    # Words that make a reporting word after them a noun ("the", "its"), and prepositions that, before such a
    # word, make the reporting word their object ("in a post-auction comment").
    cue_nouns: frozenset[str]
    cue_objects: frozenset[str]
    # Relative pronouns that, as a reporting verb's subject, stand for the noun phrase before their comma
    # ("Acme Motors, which said …"); "which" is no `relative` of words.csv, which extract reads too.
    clause_relatives: frozenset[str]
    # Words that end an organization's name (``last`` in ``models/people/org_words.csv``: "GmbH", "Associates",
    # "Ministry"): a people row ending in one is a firm the extract stage took for a person
    # ("Anthony Bird Associates"), no one's full name.
    org_name_ends: frozenset[str]
    # Given names (``models/people/given_names.txt``): a tagged organization that opens with one and a
    # surname before "of" ("Philip Wee of DBS Group Research") is a person of that body, whom the tagger
    # took in with it.
    given_names: frozenset[str] = frozenset()

    def word_class(self, word: str) -> str | None:
        """The class of a function word ("he" → person_pronoun), or None."""
        return self.words.get(word.lower())


def load(models_dir: Path) -> QuoteLexicon:
    """Read the cue forms, source nouns, function words (by class, and those of labels) and abbreviations."""
    folder = models_dir / "quotes"
    sources = read_rows(folder / "sources.csv")
    word_rows = read_rows(folder / "words.csv")
    abbreviations = read_words(models_dir / "lexicons" / "abbreviations.txt")
    function_words = read_function_words(models_dir)
    news_outlets = frozenset(r["word"] for r in word_rows if r["class"] == "news_outlet")
    return QuoteLexicon(
        cue_forms=frozenset(r["form"] for r in read_rows(folder / "cues.csv")),
        sources={r["noun"]: r["class"] for r in sources},
        firm_voices=frozenset(r["noun"] for r in sources if r["firm"] == "yes"),
        generic_bodies=frozenset(r["noun"] for r in sources if r["company"] == "any"),
        company_words=frozenset(r["noun"] for r in sources if r["company"] in ("any", "name")),
        public_bodies=frozenset(r["noun"] for r in sources if r["company"] == "public"),
        kind_marks={r["noun"]: frozenset(r["marks"].split()) for r in sources if r["marks"]},
        data_nouns=frozenset(r["word"] for r in read_rows(folder / "reported_words.csv") if r["class"] == "data_source"),
        words={r["word"]: r["class"] for r in word_rows if " " not in r["word"] and r["class"] not in SEPARATE_CLASSES},
        team_words=frozenset(r["word"] for r in word_rows if r["class"] == "team"),
        not_firms=frozenset(r["word"] for r in word_rows if r["class"] == "not_firm"),
        news_outlets=news_outlets,
        outlet_modifiers=frozenset(r["word"] for r in word_rows if r["class"] == "outlet_modifier"),
        news_outlet_opening=_opening_pattern(news_outlets),
        time_zones=frozenset(r["word"] for r in word_rows if r["class"] == "time_zone"),
        abbreviations=frozenset(abbreviations),
        label_title_case=frozenset(function_words["label_title_case"]),
        question_openers=frozenset(function_words["question_opener"]),
        pronoun_leads=frozenset(function_words["pronoun_lead"]),
        bare_bodies=frozenset(function_words["bare_body"]),
        definite_sources=frozenset(function_words["definite_source"]),
        name_links=frozenset(function_words["name_link"]),
        firm_links=frozenset(function_words["firm_link"]),
        sources_named_next=frozenset(function_words["source_named_next"]),
        cue_nouns=frozenset(function_words["cue_noun"]),
        cue_objects=frozenset(function_words["cue_object"]),
        clause_relatives=frozenset(function_words["clause_relative"]),
        org_name_ends=frozenset(r["word"] for r in read_rows(models_dir / "people" / "org_words.csv")
                                if r["position"] == "last"),
        given_names=frozenset(read_words(models_dir / "people" / "given_names.txt")),
    )


def _opening_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """A pattern that matches any of ``names`` as whole words at the start of a text; with no names, nothing."""
    if not names:
        return re.compile(r"(?!)")
    # the longest first, so that a name matches whole ("bloomberg news", not "bloomberg" of it)
    return re.compile("(?:" + "|".join(re.escape(name) for name in sorted(names, key=lambda n: (-len(n), n)))
                      + r")\b")
