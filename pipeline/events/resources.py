"""The rule data of the events stage, read once from ``models/events/``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from pipeline.events.codes import CodeTable, read_codes
from pipeline.events.confidence import ConfidenceModel, read_model
from pipeline.events.dates import Connectives, read_citations
from pipeline.events.hs import HsTable, read_hs_codes
from pipeline.events.market import MarketWords, QuotedGoods, quoted_goods, read_market_words
from pipeline.events.passing import PassingWords, read_passing_words
from pipeline.events.retype import RetypeRule, read_retype_rules
from pipeline.events.types import EVENT_TYPES
from pipeline.rulefiles import alternation, read_day_windows, read_rows

FOLDER = "events"
ARGUMENTS_FILE = "arguments.json"
PRODUCTS_FILE = "products.csv"
SYNTAX_FILE = "syntax.json"
RETYPE_FILE = "retype.csv"
CITATIONS_FILE = "citations.txt"
CODES_FILE = "codes.csv"
HS_CODES_FILE = "hs_codes.csv"
CONFIDENCE_FILE = "confidence.json"
MARKET_FILE = "market.csv"
PASSING_FILE = "passing.json"
WINDOWS_FILE = "windows.csv"
MERGE_WINDOW = "merge_window_days"


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + alternation(words, space=r"\ ") + r")(?![\w-])", re.IGNORECASE)


def possessive_before(contracted: list[str]) -> re.Pattern[str]:
    """A possessive ending right before a trigger ("Trump's demands", "the allies' demand"), but not one of the
    ``contracted`` pronouns whose "'s" stands for "is" or "has" ("he's demanding", "it's pressing for")."""
    skip = r"(?!(?:" + alternation(contracted) + r")['’]s\s)" if contracted else ""
    return re.compile(r"(?<![\w'’])" + skip + r"[\w.-]+(?:'s|’s|s'|s’)\s+$", re.IGNORECASE)


# In a product variant, " … " stands for the words of one clause between its parts: "qualify for … USMCA" reads
# "articles … that qualify for duty-free entry under the Agreement between … Canada (USMCA)", where the name of
# the agreement is spelled out between the verb and its short form. At most `PRODUCT_GAP_CHARS` characters, and
# none that ends a clause (".", ";", ":"), so that both parts stay in the phrase that describes the goods.
PRODUCT_GAP = " … "
PRODUCT_GAP_CHARS = 120


def _product_pattern(variants: list[str]) -> re.Pattern[str]:
    """The pattern of one product's variants (whole words, case-insensitive); a variant with `PRODUCT_GAP`
    matches its parts with up to `PRODUCT_GAP_CHARS` characters of one clause between them."""
    plain = [v for v in variants if PRODUCT_GAP not in v]
    gap = r"(?![\w-])[^.;:]{1,%d}?(?<![\w-])" % PRODUCT_GAP_CHARS
    gapped = [gap.join(alternation([part], space=r"\ ") for part in v.split(PRODUCT_GAP))
              for v in variants if PRODUCT_GAP in v]
    branches = ([alternation(plain, space=r"\ ")] if plain else []) + gapped
    return re.compile(r"(?<![\w-])(?:" + "|".join(branches) + r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class SyntaxRules:
    """Relations and lemma lists the rules read from the dependency parse (see ``models/events/syntax.json``)."""

    subject_relations: frozenset[str]
    agent_relations: frozenset[str]
    agent_cases: frozenset[str]
    owner_relations: frozenset[str]
    object_relations: frozenset[str]
    argument_relations: frozenset[str]
    target_cases: frozenset[str]
    origin_cases: frozenset[str]
    except_cases: frozenset[str]
    phrase_skip: frozenset[str]
    support_verbs: frozenset[str]
    undergoer_verbs: frozenset[str]
    source_measure_cases: frozenset[str]
    author_cases: frozenset[str]  # "tariffs from President Trump": the phrase of a measure's author
    negations: frozenset[str]
    focus_adverbs: frozenset[str]  # "not only China": a negation they follow includes the phrase
    negating_verbs: frozenset[str]
    falling_short_phrases: frozenset[str]  # "stop short": with its own word, the verb denies its complement
    conditions: frozenset[str]
    planned: frozenset[str]
    threatened: frozenset[str]
    possible: frozenset[str]
    counterfactual_auxiliaries: frozenset[str]
    authority_verbs: frozenset[str]
    law_words: frozenset[str]
    comparison_words: frozenset[str]
    criticism_verbs: frozenset[str]  # "criticized Canada's dairy duties": a measure in place objected to, not news
    criticism_cases: frozenset[str]  # "complained about the car tariff": a criticized measure's preposition
    forecast_verbs: frozenset[str]  # "analysts expect Washington to raise tariffs": a forecast, no event
    commentary_verbs: frozenset[str]
    circumstance_cases: frozenset[str]
    effect_nouns: frozenset[str]
    class_determiners: frozenset[str]
    history_phrases: frozenset[str]
    in_force_phrases: frozenset[str]  # an announced measure already in force ("took effect"): no plan
    entry_phrases: frozenset[str]  # a measure's entry into force still to come ("are set to take effect")
    plan_report_nouns: frozenset[str]  # "announcement of tariffs", "plans for": a decided measure, not in force
    promise_triggers: frozenset[str]  # "a pledge of 25% tariffs": a trigger naming a promise, not a measure in force
    sanction_trigger_words: frozenset[str]  # "sanctions on Russian oil": a trigger naming sanctions
    period_end_cases: frozenset[str]  # "until March 4": the end of a period, not the event's day
    subordinating_connectives: frozenset[str]  # "fell Tuesday as Trump announced": Tuesday dates the fall
    as_comparison_before: frozenset[str]  # "such as", "as well as": no clause opens at this "as"
    as_preposition_after: frozenset[str]  # "as part of", "as a response": nor at this one
    infinitive_plans: frozenset[str]  # "is working to impose": a plan over the infinitive only ("the pact is working")
    ahead_cases: frozenset[str]  # "ahead of a meeting": what something is done ahead of is still to come
    sequence_cases: frozenset[str]  # "rose Tuesday ahead of a meeting": Tuesday dates the rise, not the meeting
    source_phrases: frozenset[str]  # "according to a Thursday filing": Thursday dates the filing
    deadline_cases: frozenset[str]  # "would announce tariffs by Monday": a deadline, not the day of the step
    alternative_day_joiners: frozenset[str]  # "on Tuesday or Wednesday": two days offered, dated by their week
    phrasal_hedges: frozenset[str]  # "look at", "think about": verb and preposition weigh a measure together
    purpose_marks: frozenset[str]  # "in order to lift the tariffs": a goal, not a step taken
    hedge_nouns: frozenset[str]  # "the option of", "ways to": the nouns through which a hedge verb reaches a measure
    inversion_auxiliaries: frozenset[str]  # "should duties be imposed": before its subject, a condition
    cautionary_phrases: frozenset[str]  # "may differ materially from forward-looking statements": a release's risk list
    peace_words: frozenset[str]  # "negotiations to end the war": talks about war and peace, not trade
    trade_topic_words: frozenset[str]  # "talks on peace and tariffs": a trade matter keeps the talks
    effect_verbs: frozenset[str]  # "sanctions would not affect output": a measure's forecast effect, no event
    forecast_auxiliaries: frozenset[str]  # "could", "would": with a verb of effect, what a measure may do
    cause_participles: frozenset[str]  # "disruptions resulting from duties": a participle of an effect's cause
    statistic_words: frozenset[str]  # "the average tariff rate": a figure over many measures, set by no one
    level_verbs: frozenset[str]  # "India has higher tariffs": with a comparative, a level kept, no change
    topic_nouns: frozenset[str]  # "discussions on the reduction of duties": the talks' subject, no step taken
    immediacy_words: frozenset[str]  # "did not enact the levies immediately": only the timing is denied
    deferral_cases: frozenset[str]  # "won't take effect until March 4": only the time before it is denied
    abstention_verbs: frozenset[str]  # "refrained from placing tariffs": the measure is denied
    possibility_nouns: frozenset[str]  # "hinted at the possibility of tariffs": weighed, whatever the verb
    threat_measure_nouns: frozenset[str]  # "the tariffs he threatened": a measure a relative clause threatens
    relative_pronouns: frozenset[str]  # "the tariffs that Washington threatened": between measure and subject
    person_pronouns: frozenset[str]  # "he", "she": a subject naming a person, who acts for an office-holder's government
    relative_words: frozenset[str]  # "on Chile and Peru that qualify": after "and", a relative clause, no clause of its own
    treatment_nouns: frozenset[str]  # "a loophole that allowed duty-free imports": a clause describing a treatment
    threat_nouns: frozenset[str]  # "a new tariff threat": a phrase they head names a threat, no measure imposed
    batch_nouns: frozenset[str]  # "a new round of tariff threats": the batch is of what its "of" phrase names
    habitual_adverbs: frozenset[str]  # "have generally been exempt from tariffs": a standing state, no event
    background_days: int

    @cached_property  # read for every trigger, several times: the union is built once
    def clause_verbs(self) -> frozenset[str]:
        """Verbs a noun trigger belongs to as an argument: support verbs and verbs that are cues themselves."""
        return self.support_verbs | self.undergoer_verbs | self.planned | self.threatened | self.possible | self.negating_verbs

    @cached_property
    def connectives(self) -> Connectives:
        """The clause openers, with the words around "as" that make it none (`pipeline.events.dates.Connectives`)."""
        return Connectives(self.subordinating_connectives, self.as_comparison_before, self.as_preposition_after)

    @cached_property
    def in_force(self) -> re.Pattern[str]:
        """The phrases of ``in_force_phrases`` as one pattern of whole words."""
        return _words(sorted(self.in_force_phrases))

    @cached_property
    def cautionary(self) -> re.Pattern[str]:
        """The phrases of ``cautionary_phrases`` as one pattern of whole words."""
        return _words(sorted(self.cautionary_phrases))

    @cached_property
    def entry(self) -> re.Pattern[str]:
        """The phrases of ``entry_phrases`` as one pattern of whole words."""
        return _words(sorted(self.entry_phrases))


def parse_syntax_rules(data: dict[str, Any]) -> SyntaxRules:
    """The syntax rules from the parsed JSON of ``syntax.json``; a missing or unknown key fails naming it."""
    names = [f for f in SyntaxRules.__dataclass_fields__]
    keys = set(data) - {"_about"}
    if keys != set(names):
        raise ValueError(f"{SYNTAX_FILE}: missing keys {sorted(set(names) - keys)}, unknown keys {sorted(keys - set(names))}")
    return SyntaxRules(**{name: int(data[name]) if name == "background_days"
                          else frozenset(w.lower() for w in data[name]) for name in names})


@dataclass(frozen=True)
class EventResources:
    """Compiled patterns and word sets (see ``models/events/arguments.json``)."""

    clause_boundary: re.Pattern[str]
    subordinate: re.Pattern[str]
    reporting: re.Pattern[str]
    relative: re.Pattern[str]
    passive: re.Pattern[str]
    implicit_all: re.Pattern[str]
    circumstance: re.Pattern[str]
    condition: re.Pattern[str]
    question_openers: frozenset[str]  # "determine if …": an "if" after them asks whether, states no condition
    link_words: frozenset[str]
    side_words: int
    owned: re.Pattern[str]
    determiners: frozenset[str]
    negation_transparent: frozenset[str]
    product_words: int
    region_stop: re.Pattern[str]
    all_scope: re.Pattern[str]
    except_cue: re.Pattern[str]
    negated_party: re.Pattern[str]  # the words right before a party a negation leaves out ("but not on China")
    two_sides: re.Pattern[str]
    goods: re.Pattern[str]
    goods_window: int
    private: re.Pattern[str]
    target_prepositions: frozenset[str]
    other_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    transparent: frozenset[str]
    absorbs: dict[str, frozenset[str]]
    habitual_forms: frozenset[str]
    noun_homographs: frozenset[str]  # verb triggers that are nouns after a determiner ("an issue", "the hit")
    rate_kinds: frozenset[str]
    rate_units: frozenset[str]
    blocked_date_modifiers: frozenset[str]
    negation_words: int
    modal_words: int
    discourse_sentences: int
    object_prepositions: frozenset[str]  # what a measure falls on follows them ("no tariffs on data flows")
    referring_words: frozenset[str]  # objects that refer back to an earlier measure's targets ("on them")
    # A determiner between a measure's verb and a trigger after it: the trigger describes that verb's object
    # ("paused the announced tariffs"; `pipeline.events.absorb.without_modifiers`).
    object_determiner: re.Pattern[str]
    # Between a government and a rate it owns: a possessive (after an owner noun, "administration's"), then at
    # most two words ("additional", "new"), or nothing but a space ("U.S. 25% tariff"; `pipeline.events.owned`).
    owner_gap: re.Pattern[str]
    # A subject joined to its verb by a perfect auxiliary ("Ottawa has imposed", "Washington had already raised";
    # `pipeline.events.absorb.has_own_subject`).
    perfect_gap: re.Pattern[str]
    products: tuple[tuple[str, re.Pattern[str]], ...]
    # the variants with a gap only ("qualify for … USMCA"): constructions describing goods, read in the whole clause
    # part of a measure that names no goods in its window (pipeline/events/detect.py, _products)
    gapped_products: tuple[tuple[str, re.Pattern[str]], ...] = ()
    syntax: SyntaxRules | None = None  # None: the rules read word order only
    retypes: tuple[RetypeRule, ...] = ()
    citations: re.Pattern[str] | None = None  # words before a date that make it a law's or an order's
    recital_opening: re.Pattern[str] | None = None  # words before such a citation that open a recital ("In …")
    codes: CodeTable = field(default_factory=dict)  # CAMEO and PLOVER codes by (type, modality)
    confidence: ConfidenceModel | None = None  # calibrated confidence; None: the rules' score
    hs_codes: HsTable = field(default_factory=dict)  # HS 2022 codes by canonical product
    market: MarketWords | None = None  # market nouns that make a generic trigger a price move; None: no rule
    # a good's name that names a market's quote ("copper prices"; `pipeline.events.market.names_a_quote`), no product
    quoted_goods: QuotedGoods | None = None
    # the words of a measure in force named in passing ("Trump's steel tariffs"; `pipeline.events.passing`); None:
    # no rule
    passing: PassingWords | None = None
    # an owner noun right after a government's name (" administration"): the owner of a measure named in passing
    owner_noun: re.Pattern[str] = re.compile(r"(?!)")
    coordinated: re.Pattern[str] | None = None  # "along with reciprocal tariffs": a second measure joined
    measure_source: re.Pattern[str] | None = None  # trigger to party: "retaliatory duties from [China]"
    # the words right before a party that join it to a party before it ("Canada and the EC told …"); None: no rule
    joined_party_before: re.Pattern[str] | None = None
    retaliation: re.Pattern[str] | None = None  # words that make a measure an answer to another one
    # the words right after a party that name it a measure's target ("… is not an obvious target for"); None: no rule
    target_predicate: re.Pattern[str] | None = None
    export_measure: re.Pattern[str] | None = None  # "export restrictions": a restriction on goods leaving
    plural_subject: re.Pattern[str] | None = None  # "they", "those countries": the governments of a list before
    # words right before / right after a government that name it as the market goods enter ("imported into the
    # U.S.", "U.S.-bound"): a tariff without an actor is that government's (`pipeline.events.importer`)
    import_before: re.Pattern[str] | None = None
    import_after: re.Pattern[str] | None = None
    # a word of a measure's name → the day that measure took effect ("reciprocal" → 2025-04-05;
    # `pipeline.events.absorb.standing_names`)
    names_in_force: dict[str, date] = field(default_factory=dict)
    # words after which a rate is the one a measure keeps in force ("retaining … 10 percent";
    # `pipeline.events.kept`); None: no rule
    kept_rate: re.Pattern[str] | None = None
    # between the subject of a threat told after its measure and the threat verb: auxiliaries and adverbs only
    # ("the tariffs Washington has repeatedly threatened"; `pipeline.events.actors.trigger_actor`); None: no rule
    relative_subject_gap: re.Pattern[str] | None = None
    # from a possessor to the verb of the infinitive completing its noun of intent: "the US' plans to [impose]"
    possessed_infinitive: re.Pattern[str] | None = None
    # a party after one of these words and a comma or parenthesis ("from the PRC, including Hong Kong and Macau")
    # names part of what the party before it names, and takes that party's role (`arguments.find_actor`)
    inclusion_words: frozenset[str] = frozenset()
    # verbs that move goods to a buyer: a party after one of them and "to" is where sanctioned goods go
    # ("tankers that ship Iranian crude to China"), no target of the sanctions (`discourse.sanctions_by_target`)
    destination_verbs: frozenset[str] = frozenset()
    # a sanctions word and the words opening its object ("sanctions on", "sanctions targeting"): the countries
    # named in that object are the sanctions' targets (`discourse.sanctions_by_target`)
    sanction_object: re.Pattern[str] | None = None
    # a country right after one of these ("its war against Ukraine") is the victim sanctions answer for, no target
    war_words: frozenset[str] = frozenset()
    # a country's trade named as what a measure hurts ("may cut Chile's small sales", "cars and chips —
    # South Korea's main exports"): its nouns, and the verbs of harm before the country (`detect._only_hurt`)
    hurt_trade_nouns: frozenset[str] = frozenset()
    harm_verbs: frozenset[str] = frozenset()
    # a possessive right before a trigger ("Trump's demands"), not a pronoun's contraction ("he's demanding"):
    # a demand named by its owner is one made before (`detect._candidate`)
    possessed: re.Pattern[str] = possessive_before([])
    # the instruments a government issues, whose amendment is that government's act ("Executive Order 14195 is
    # amended by striking …"; `pipeline.events.amendments`): (iso3, pattern) pairs
    amended_instruments: tuple[tuple[str, re.Pattern[str]], ...] = ()
    # the provisions of a tariff schedule an order amends, and the words of an item that suspends them
    suspended_provision: re.Pattern[str] | None = None
    provision_suspension: re.Pattern[str] | None = None
    # the opening of a list's item ("(a) heading … shall be amended") and the end of the sentence that introduces
    # the list ("… on or after April 9, 2025:"): the lead-in's day dates the list's undated measures
    list_item: re.Pattern[str] | None = None
    lead_in_end: re.Pattern[str] | None = None
    rate_aside: re.Pattern[str] | None = None  # "(10% on energy)": another rate's goods (detect._products)
    section_marker: re.Pattern[str] | None = None  # "Sec. 4.": opens an order's section (section_products)
    own_section_reference: re.Pattern[str] | None = None  # "section 2 of this order" (section_products)
    # the words right before a day that say a measure takes effect on it ("takes effect on", "effective",
    # "from 12:01 a.m. … on"): that day is the measure's ``effective_date`` (`pipeline.events.effective`)
    effective_cue: re.Pattern[str] | None = None
    effective_within_days: int = 366  # how long after its date a measure's stated effective day may lie

    @cached_property  # read at every measure that may take its targets from before it: built once
    def function_words(self) -> frozenset[str]:
        """Articles, possessives and prepositions: the words a heading leaves in lower case."""
        return self.transparent | self.target_prepositions | self.other_prepositions


def parse_resources(arguments: dict[str, Any], products: list[tuple[str, list[str]]],
                    syntax: dict[str, Any] | None = None, retypes: tuple[RetypeRule, ...] = (),
                    citations: re.Pattern[str] | None = None, codes: CodeTable | None = None,
                    confidence: ConfidenceModel | None = None, hs_codes: HsTable | None = None,
                    market: MarketWords | None = None, passing: PassingWords | None = None) -> EventResources:
    """Compile the argument patterns and the product lexicon, failing on unknown event types."""
    absorbs = {key: frozenset(value) for key, value in arguments["absorbs"].items()}
    unknown = sorted((set(absorbs) | set().union(*absorbs.values())) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"{ARGUMENTS_FILE}: absorbs names unknown event types {unknown}")
    # a variant with a gap names goods only with its gap filled: the goods words take the plain ones
    product_words = [v for _, variants in products for v in variants if PRODUCT_GAP not in v]
    return EventResources(
        clause_boundary=_alternation(arguments["clause_boundaries"]),
        subordinate=_alternation(arguments["subordinate"]),
        reporting=_alternation(arguments["reporting"]),
        relative=_alternation(arguments["relative"]),
        passive=_alternation(arguments["passive"]),
        implicit_all=_alternation(arguments["implicit_all"]),
        circumstance=_alternation(arguments["circumstance"]),
        condition=_alternation(arguments["condition_spans"]),
        question_openers=frozenset(arguments["question_openers"]),
        link_words=frozenset(arguments["link_words"]),
        side_words=int(arguments["side_words"]),
        owned=_words(arguments["owned_words"]),
        determiners=frozenset(arguments["determiners"]),
        negation_transparent=frozenset(arguments["negation_transparent"]),
        product_words=int(arguments["product_words"]),
        region_stop=_alternation(arguments["region_stops"]),
        all_scope=_alternation(arguments["all_scope"]),
        except_cue=_alternation(arguments["except"]),
        negated_party=_alternation(arguments["negated_party"]),
        two_sides=_alternation(arguments["two_sides"]),
        goods=_words(arguments["goods_words"] + product_words),
        goods_window=int(arguments["goods_window"]),
        private=_words(arguments["private_words"]),
        target_prepositions=frozenset(arguments["target_prepositions"]),
        other_prepositions=frozenset(arguments["other_prepositions"]),
        agent_prepositions=frozenset(arguments["agent_prepositions"]),
        transparent=frozenset(arguments["transparent"]),
        absorbs=absorbs,
        habitual_forms=frozenset(arguments["habitual_forms"]),
        noun_homographs=frozenset(arguments["noun_homographs"]),
        rate_kinds=frozenset(arguments["rate_kinds"]),
        rate_units=frozenset(arguments["rate_units"]),
        blocked_date_modifiers=frozenset(arguments["blocked_date_modifiers"]),
        negation_words=int(arguments["negation_words"]),
        modal_words=int(arguments["modal_words"]),
        discourse_sentences=int(arguments["discourse_sentences"]),
        object_prepositions=frozenset(arguments["object_prepositions"]),
        referring_words=frozenset(arguments["referring_words"]),
        object_determiner=re.compile(r"\s+(?:" + alternation(arguments["object_determiners"]) + r")\s+",
                                     re.IGNORECASE),
        perfect_gap=re.compile(r"\s+(?:has|have|had)\s+(?:(?:" + alternation(arguments["perfect_adverbs"]) + r")\s+)?",
                               re.IGNORECASE),
        owner_gap=re.compile(r"(?:\s+(?:" + alternation(arguments["owner_nouns"]) + r"))?['’]s(?:\s+[A-Za-z-]+){0,2}\s+"
                             r"|\s+"),
        products=tuple((name, _product_pattern(variants)) for name, variants in products),
        gapped_products=tuple((name, _product_pattern(gapped)) for name, variants in products
                              for gapped in [[v for v in variants if PRODUCT_GAP in v]] if gapped),
        syntax=parse_syntax_rules(syntax) if syntax is not None else None,
        retypes=retypes,
        citations=citations,
        recital_opening=_alternation(arguments["recital_openings"]),
        codes=codes or {},
        confidence=confidence,
        hs_codes=hs_codes or {},
        market=market,
        quoted_goods=quoted_goods(market, product_words) if market is not None else None,
        passing=passing,
        owner_noun=re.compile(r"\s+(?:" + alternation(arguments["owner_nouns"]) + r")(?![\w-])", re.IGNORECASE),
        coordinated=_alternation(arguments["coordinated_measures"]),
        measure_source=_alternation(arguments["measure_source"]),
        joined_party_before=_alternation(arguments["joined_party_before"]),
        retaliation=_alternation(arguments["retaliation"]),
        target_predicate=_alternation(arguments["target_predicate"]) if "target_predicate" in arguments else None,
        export_measure=_alternation(arguments["export_measure"]) if "export_measure" in arguments else None,
        plural_subject=_alternation(arguments["plural_subjects"]) if "plural_subjects" in arguments else None,
        import_before=_alternation(arguments["import_destination_before"]),
        import_after=_alternation(arguments["import_destination_after"]),
        names_in_force={word.lower(): date.fromisoformat(day) for word, day in arguments["names_in_force"].items()},
        kept_rate=_words(arguments["kept_rate_words"]),
        relative_subject_gap=_alternation(arguments["relative_subject_gap"]),
        possessed_infinitive=_alternation(arguments["possessed_infinitive"]) if "possessed_infinitive" in arguments
        else None,
        inclusion_words=frozenset(arguments.get("inclusion_words", ())),
        destination_verbs=frozenset(w.lower() for w in arguments.get("destination_verbs", ())),
        sanction_object=_alternation(arguments["sanction_object"]) if "sanction_object" in arguments else None,
        war_words=frozenset(w.lower() for w in arguments.get("war_words", ())),
        hurt_trade_nouns=frozenset(w.lower() for w in arguments.get("hurt_trade_nouns", ())),
        harm_verbs=frozenset(w.lower() for w in arguments.get("harm_verbs", ())),
        possessed=possessive_before([w.lower() for w in arguments.get("contracted_pronouns", ())]),
        amended_instruments=tuple((iso3, _alternation([rf"\b{name}\b" for name in names]))
                                  for iso3, names in arguments.get("amended_instruments", {}).items()),
        suspended_provision=_alternation(arguments["suspended_provisions"]["provision"])
        if "suspended_provisions" in arguments else None,
        provision_suspension=_alternation(arguments["suspended_provisions"]["suspension"])
        if "suspended_provisions" in arguments else None,
        list_item=_alternation(arguments["list_item_markers"]),
        lead_in_end=_alternation(arguments["lead_in_endings"]),
        rate_aside=_alternation(arguments["rate_asides"]),
        section_marker=_alternation(arguments["section_markers"]),
        own_section_reference=_alternation(arguments["own_section_references"]),
        effective_cue=_alternation(arguments["effective_day_cues"]) if "effective_day_cues" in arguments else None,
        effective_within_days=int(arguments.get("effective_within_days", 366)),
    )


def read_products(path: Path) -> list[tuple[str, list[str]]]:
    """The product lexicon: (canonical name, variants) in file order."""
    out = []
    for row in read_rows(path):
        variants = [v.strip() for v in row["variants"].split("|") if v.strip()]
        if not variants:
            raise ValueError(f"{path}: product {row['product']!r} has no variants")
        out.append((row["product"].strip(), variants))
    return out


def load_resources(models_dir: Path) -> EventResources:
    """Read ``models_dir/events/``: arguments, products, syntax rules, retype rules, citations, codes, confidence,
    HS codes, market words."""
    folder = models_dir / FOLDER
    arguments = json.loads((folder / ARGUMENTS_FILE).read_text(encoding="utf-8"))
    syntax = json.loads((folder / SYNTAX_FILE).read_text(encoding="utf-8"))
    products = read_products(folder / PRODUCTS_FILE)
    return parse_resources(arguments, products, syntax,
                           read_retype_rules(folder / RETYPE_FILE), read_citations(folder / CITATIONS_FILE),
                           read_codes(folder / CODES_FILE), read_model(folder / CONFIDENCE_FILE),
                           read_hs_codes(folder / HS_CODES_FILE, [name for name, _ in products]),
                           read_market_words(folder / MARKET_FILE), read_passing_words(folder / PASSING_FILE))


def load_merge_window(models_dir: Path) -> int:
    """The days within which a later article's row joins an event (``merge_window_days`` of
    ``models_dir/events/windows.csv``, `pipeline.events.across`); a bad value fails naming the file."""
    return read_day_windows(models_dir / FOLDER / WINDOWS_FILE, (MERGE_WINDOW,))[MERGE_WINDOW]
