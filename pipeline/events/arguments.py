"""Filling an event's arguments from the normalized rows around its trigger.

Every function reads the typed rows of one sentence and returns values from
the normalized tables (ISO codes, rate values, TIMEX3 values), never raw
strings. Offsets are characters of ``articles.text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from pipeline.events.market import names_a_quote
from pipeline.events.resources import EventResources
from pipeline.events.text import governor, inside, pattern_spans
from pipeline.events.types import OfficialRef, Party, QuoteRef, RateRef, TimeRef

_FOLLOWING = re.compile(r"[\w’'-]+")
_PUNCTUATION = re.compile(r"[.,;:!?”\"](?:\s|$)")
# How far back from a party its negation may start ("but not on the ").
NEGATION_REACH = 40


class Region(NamedTuple):
    """Character range of a sentence (end exclusive)."""

    start: int
    end: int


class Targets(NamedTuple):
    """The other side(s) of a measure: ISO codes, the scope and the excluded countries."""

    iso3: tuple[str, ...]
    scope: str
    excluded: tuple[str, ...]
    parties: tuple[Party, ...]


def within(parties: Sequence[Party], region: Region) -> list[Party]:
    """The parties that lie wholly inside ``region``, in text order."""
    return [p for p in parties if region.start <= p.start and p.end <= region.end]


def is_goods_demonym(text: str, party: Party, resources: EventResources) -> bool:
    """True for a demonym that describes goods ("Japanese imports", "Canadian potash shipments")."""
    if party.form != "demonym":
        return False
    following = text[party.end:party.end + 60].split()[:resources.goods_window]
    return any(resources.goods.fullmatch(word.strip(".,;:")) for word in following)


def is_private(text: str, party: Party, resources: EventResources) -> bool:
    """True for a country naming private actors: "U.S. chipmakers", "Japanese companies", "American farmers"."""
    if party.source != "country":
        return False
    following = _PUNCTUATION.split(text[party.end:party.end + 40], maxsplit=1)[0].split()[:2]
    return any(resources.private.fullmatch(word.strip("’'s")) for word in following)


def owns_measure(text: str, party: Party, resources: EventResources) -> bool:
    """True for the owner named before a measure: "U.S. tariffs", "Japan's duties", "American sanctions"."""
    prepositions = resources.target_prepositions | resources.other_prepositions
    following = _PUNCTUATION.split(text[party.end:party.end + 60], maxsplit=1)[0]
    for word in _FOLLOWING.findall(following)[:4]:
        if resources.owned.fullmatch(word):
            return True
        if word.lower() in prepositions:
            return False
    return False


def of_goods(text: str, floor: int, party: Party, resources: EventResources) -> bool:
    """True for the origin of goods: "imports of Japan", "articles of China", "goods from Canada"."""
    if governor(text, floor, party.start, resources) not in ("of", "from"):
        return False
    before = [w for w in _FOLLOWING.findall(text, max(floor, party.start - 40), party.start)
              if w.lower() not in resources.transparent]
    return len(before) >= 2 and resources.goods.fullmatch(before[-2]) is not None


def _origin_of_goods(text: str, floor: int, party: Party, resources: EventResources) -> bool:
    """`of_goods`, with its preposition written in lowercase right before the party (determiners aside): in a
    title ("Adjusting Imports of Aluminum Articles Into the United States") `governor` walks back over the
    capitalized words to "of", and the party is the destination, not the origin."""
    words = [w for w in _FOLLOWING.findall(text, max(floor, party.start - 40), party.start)
             if w.lower() not in resources.transparent]
    return bool(words) and words[-1] in ("of", "from") and of_goods(text, floor, party, resources)


# Between the party a list of its parts follows and the inclusion word: a comma or an opening parenthesis.
_INCLUSION_GAP = re.compile(r"\s*[,(]\s*")
# How far before a party its inclusion word may stand ("including articles of Hong Kong and Macau").
_INCLUSION_REACH = 60


def including_party(text: str, floor: int, party: Party, parties: Sequence[Party],
                    resources: EventResources) -> Party | None:
    """The party that ``party`` names part of, when an inclusion word opens the phrase holding it: "from the
    PRC, including Hong Kong and Macau" and "articles of China (including articles of Hong Kong)" give the
    PRC and China. Only words, no punctuation, may stand between the inclusion word and the party."""
    if not resources.inclusion_words:
        return None
    words = list(re.finditer(r"[\w’'.-]+|[^\w\s]", text[max(floor, party.start - _INCLUSION_REACH):party.start]))
    offset = max(floor, party.start - _INCLUSION_REACH)
    for match in reversed(words):
        word = match.group(0)
        if not (word[0].isalnum() or word[0] == "_"):
            return None
        if word.lower() in resources.inclusion_words:
            cut = offset + match.start()
            return next((p for p in reversed(parties) if p.end <= cut and p is not party
                         and _INCLUSION_GAP.fullmatch(text, p.end, cut)), None)
    return None


def named_target(text: str, party: Party, resources: EventResources) -> bool:
    """True when the words right after ``party`` name it the target of a measure (``target_predicate``: "China
    isn't an obvious target for reciprocal tariffs"): the party is hit by the measure, and never acts in it."""
    return resources.target_predicate is not None and resources.target_predicate.match(text, party.end) is not None


def find_actor(text: str, clause: Region, trigger_start: int, parties: Sequence[Party],
               resources: EventResources) -> Party | None:
    """The government acting: the subject-like party before the trigger in its clause.

    After a reporting verb ("Akazawa said he urged …") the words after the
    verb are searched first, then the speaker's part. In each part the first
    party that no preposition governs wins, failing that the nearest one not
    governed by a target preposition ("on", "against", "from" …); parties
    inside a subordinate clause ("if Reagan imposed the tariffs,") are the
    last resort, unless the trigger stands in it: then its own words are
    searched first ("if Washington imposed"). Demonyms describing goods ("Japanese imports") and countries naming
    private actors ("U.S. chipmakers") are never actors, nor
    parties before a relative pronoun the trigger follows ("Peking must
    change laws which limit its exports": the laws limit), nor parties inside
    a closed relative clause ("Reagan, who will meet Nakasone, said …"), nor
    the origins of goods (`of_goods`: "articles of China") and the places
    listed as their parts ("from the PRC, including Hong Kong and Macau":
    `including_party`); a party listed as part of another is governed as
    that party is. A party named a target of the measure (`named_target`) never acts.
    """
    relatives = pattern_spans(resources.relative, text, clause.start, trigger_start)
    skipped: list[tuple[int, int]] = []
    region = Region(clause.start, trigger_start)
    if relatives:
        comma = text.find(",", relatives[-1][1], trigger_start)
        if comma < 0:  # the trigger is inside the relative clause: its subject is the antecedent
            region = Region(relatives[-1][1], trigger_start)
        else:  # "Reagan, who will meet Nakasone, said …": the relative clause holds no subject
            skipped.append((relatives[-1][0], comma))
    before = [p for p in within(parties, region) if not is_goods_demonym(text, p, resources)
              and not is_private(text, p, resources) and not inside(p.start, skipped)
              and not named_target(text, p, resources)]
    # a party named as part of another takes its role: places inside the goods' origin ("from the PRC,
    # including Hong Kong and Macau", "articles of China (including articles of Macau)") are origins too
    origins = {p for p in before if _origin_of_goods(text, region.start, p, resources)}
    heads: dict[Party, Party] = {}
    for party in before:
        head = including_party(text, region.start, party, before, resources)
        if head is not None:
            heads[party] = heads.get(head, head)
            if heads[party] in origins:
                origins.add(party)
    before = [p for p in before if p not in origins]
    if not before:
        return None
    subordinate = pattern_spans(resources.subordinate, text, clause.start, clause.end)
    own = [s for s in subordinate if s[0] <= trigger_start < s[1]]
    if own:  # "…, if Washington imposed the tariffs": the subordinate clause has its own subject
        inner = [p for p in before if p.start >= own[-1][0]]
        if inner:
            region = Region(max(region.start, own[-1][0]), trigger_start)
            before = inner
    subordinate = [s for s in subordinate if not (s[0] <= trigger_start < s[1])]
    reports = pattern_spans(resources.reporting, text, region.start, region.end)
    if reports:
        cut = reports[-1][1]
        # the speaker is the party written right before the reporting verb ("At a dinner with the visiting
        # Korean president, Trump said he could impose …": Trump, not the guest), unless it is one of several
        # joined speakers ("Canada and the EC told …" keeps the first-named, `joined_party_before`)
        joined = resources.joined_party_before
        speaker = [p for p in before if p.end <= reports[-1][0] and not text[p.end:reports[-1][0]].strip()
                   and not (joined is not None and joined.search(text, 0, p.start))]
        groups = [[p for p in before if p.start >= cut], speaker,
                  [p for p in before if p.end <= reports[-1][0]]]
    else:
        groups = [before]
    prepositions = resources.target_prepositions | resources.other_prepositions
    governed = {p: governor(text, region.start, heads.get(p, p).start, resources) for p in before}
    for group in groups:
        main = [p for p in group if not inside(p.start, subordinate)]
        for party in main:
            if governed[party] not in prepositions:
                return party
        for party in reversed(main):
            if governed[party] not in resources.target_prepositions:
                return party
    for party in reversed(before):
        if governed[party] not in resources.target_prepositions:
            return party
    return None


def passive_agent(text: str, region: Region, parties: Sequence[Party], resources: EventResources) -> Party | None:
    """The first party that "by" governs inside ``region`` ("were imposed by Washington")."""
    for party in within(parties, region):
        if governor(text, region.start, party.start, resources) in resources.agent_prepositions:
            return party
    return None


def owner_in(text: str, region: Region, parties: Sequence[Party], resources: EventResources) -> Party | None:
    """The first party in ``region`` that owns a measure ("new high U.S. tariffs")."""
    return next((p for p in within(parties, region) if owns_measure(text, p, resources)), None)


def negated(text: str, party: Party, resources: EventResources) -> bool:
    """True for a party a negation right before it leaves out of a measure: "… but not on China", "not China"."""
    return resources.negated_party.search(text, max(0, party.start - NEGATION_REACH), party.start) is not None


def find_targets(text: str, target_region: Region, before_region: Region, actor: str | None,
                 parties: Sequence[Party], resources: EventResources, *, scope_before: bool = False) -> Targets:
    """The other side(s) of a tariff or restriction, and the scope.

    Parties after the trigger (up to a region stop such as "as part of") are
    the targets, minus the actor and minus countries after "except" or
    negated ("not on China", `negated`); with
    none after it, parties before the trigger that a target preposition
    governs, that describe goods ("tariffs on Japanese cars were raised") or
    that goods come from ("the duty on articles of China").
    Stated scopes: "all countries" → all; "all … except China" → all_except.
    A party after "by" is the agent of a passive ("imposed by Washington"),
    and the owner of a measure ("U.S. tariffs") is none either. With no
    country named, a measure on "imports" applies to all countries; a measure
    that says so after it ("levied tariffs on all steel imports") takes no
    country from before it. With ``scope_before`` (``before_region`` is the trigger's own part), a measure
    naming no country anywhere takes a scope stated before the trigger (`_scope_before`: "reciprocal
    tariffs on all countries were announced", "global tariffs take effect").
    """
    stop = resources.region_stop.search(text, target_region.start, target_region.end)
    region = Region(target_region.start, stop.start() if stop else target_region.end)
    excepts = pattern_spans(resources.except_cue, text, region.start, region.end)
    cut = excepts[0][1] if excepts else region.end
    after = [p for p in within(parties, region) if p.iso3 != actor and not owns_measure(text, p, resources)
             and governor(text, region.start, p.start, resources) not in resources.agent_prepositions]
    chosen = [p for p in after if p.start < cut and not negated(text, p, resources)]
    left_out = [p for p in after if p not in chosen]
    excluded = tuple(dict.fromkeys(p.iso3 for p in left_out))
    # "slapped tariffs on Chinese goods and levied tariffs on all steel imports": a measure that names its
    # own scope after it takes no country from before it
    scoped_after = (resources.all_scope.search(text, region.start, cut) is not None
                    or resources.implicit_all.search(text, region.start, cut) is not None)
    if not chosen and not excluded and not scoped_after:
        chosen = [p for p in within(parties, before_region) if p.iso3 != actor and not owns_measure(text, p, resources)
                  and not negated(text, p, resources)
                  and (governor(text, before_region.start, p.start, resources) in resources.target_prepositions
                       or is_goods_demonym(text, p, resources) or of_goods(text, before_region.start, p, resources))]
    iso3 = tuple(sorted(dict.fromkeys(p.iso3 for p in chosen)))
    says_all = resources.all_scope.search(text, region.start, cut) is not None or (
        not iso3 and resources.implicit_all.search(text, region.start, cut) is not None)
    if excluded and (says_all or not iso3):
        return Targets((), "all_except", tuple(sorted(excluded)), tuple(left_out))
    if iso3:
        return Targets(iso3, "bilateral" if len(iso3) == 1 else "multilateral", (), tuple(chosen))
    if says_all or (scope_before and _scope_before(text, before_region, resources)):
        return Targets((), "all", (), ())
    return Targets((), "unspecified", (), ())


def _scope_before(text: str, region: Region, resources: EventResources) -> bool:
    """True when ``region`` (before a trigger) states the measure's scope: a scope phrase that names the measure
    ("reciprocal tariffs") or that a target preposition governs ("on all countries"); "Nigeria and all
    member countries remain determined to uphold quotas" names who acts, not the scope."""
    for match in resources.all_scope.finditer(text, region.start, region.end):
        if resources.owned.search(match.group()) or \
                governor(text, region.start, match.start(), resources) in resources.target_prepositions:
            return True
    return False


def counterpart(text: str, trigger_end: int, clause: Region, actor: str | None, parties: Sequence[Party],
                resources: EventResources) -> Party | None:
    """The government a demand is addressed to: the first other party after the trigger, else before it."""
    for party in within(parties, Region(trigger_end, clause.end)):
        if party.iso3 != actor:
            return party
    for party in reversed(within(parties, Region(clause.start, trigger_end))):
        if party.iso3 != actor:
            return party
    return None


def choose_rate(rates: Sequence[RateRef], region: Region, trigger_start: int,
                resources: EventResources) -> RateRef | None:
    """The tariff rate of the event: a tariff/duty rate in percent inside the region, nearest the trigger."""
    usable = [r for r in rates if region.start <= r.start and r.end <= region.end and r.value is not None
              and r.kind in resources.rate_kinds and r.unit in resources.rate_units]
    return min(usable, key=lambda r: (abs(r.start - trigger_start), r.start), default=None)


def choose_time(times: Sequence[TimeRef], region: Region, trigger_start: int, timex_type: str,
                resources: EventResources) -> TimeRef | None:
    """The resolved DATE (or DURATION) inside the region nearest the trigger; ranges ("since …") excluded."""
    usable = [t for t in times if region.start <= t.start and t.end <= region.end and t.timex_type == timex_type
              and t.value and t.resolved and (t.modifier or "") not in resources.blocked_date_modifiers]
    return min(usable, key=lambda t: (abs(t.start - trigger_start), t.start), default=None)


def find_products(texts: Sequence[str | None], resources: EventResources) -> tuple[str, ...]:
    """Every canonical product named in the first text that names one, in text order ("steel and aluminum").

    A name of a market's quote ("copper prices", "…, Copper Hits 9-Month Highs": `names_a_quote`) names no
    goods: market copy explains a price move by a tariff nearby, which does not fall on that good."""
    for text in texts:
        if not text:
            continue
        hits = sorted((m.start(), name) for name, pattern in resources.products
                      for m in [next((m for m in pattern.finditer(text)
                                      if not names_a_quote(text, m.start(), m.end(), resources.quoted_goods)), None)]
                      if m)
        if hits:
            return tuple(dict.fromkeys(name for _, name in hits))
    return ()


def previous_of(previous: float | None, products: Sequence[str]) -> float | None:
    """The rate before of a measure on ``products``: none when it names several goods.

    "raising the tariff on steel and aluminium to 25% from 10%": the 10% was
    aluminium's (steel's was 25%), and the sentence does not say whose; the
    measure is read as the first product's, so the rate before is left unread.
    """
    return previous if len(products) < 2 else None


def officials_in(officials: Sequence[OfficialRef], region: Region) -> tuple[str, ...]:
    """Ids of the officials mentioned inside ``region``."""
    return tuple(sorted(o.official_id for o in officials
                        if any(region.start <= s and e <= region.end for s, e, _ in o.spans)))


def quote_speaker(quotes: Sequence[QuoteRef], position: int, officials: Sequence[OfficialRef]) -> str | None:
    """The country of the official who said the direct quotation containing ``position``, if any.

    Only quotations in the speaker's own words lend the speaker to a measure inside them ("We will impose
    tariffs," Trump said). In reported speech the clause names its own subject, and the source of speech
    acts only when it is that subject, which the roles read from the parse."""
    by_id = {o.official_id: o.country_iso3 for o in officials}
    for quote in quotes:
        if quote.quote_type == "direct" and quote.start <= position < quote.end and quote.speaker_official_id:
            return by_id.get(quote.speaker_official_id)
    return None
