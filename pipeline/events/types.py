"""Typed views the event rules work on: one article's sentences, cues and normalized rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from pipeline.events.syntax import SentenceParse
from pipeline.views import Sentence

EVENT_TYPES = (
    "tariff_imposed", "tariff_increased", "tariff_reduced", "tariff_removed", "tariff_suspended",
    "tariff_threatened", "tariff_exemption", "trade_restriction", "investigation", "negotiation",
    "agreement", "demand", "sanction",
)
MODALITIES = ("asserted", "planned", "threatened", "possible", "negated")
# "unspecified": the text names no target and no stated scope (not "all").
SCOPES = ("bilateral", "multilateral", "all", "all_except", "unspecified")
# Scopes that name every origin without a target ("tariffs on all imports", "on all but China").
ALL_SCOPES = ("all", "all_except")
# Types whose two sides are symmetric: compared and hashed as a set of governments.
TWO_SIDED = ("negotiation", "agreement")
TARIFF_TYPES = tuple(t for t in EVENT_TYPES if t.startswith("tariff_"))


@dataclass(frozen=True, slots=True)
class Party:
    """A reference to a government in the text: a country, an official, or an organization of a country."""

    iso3: str
    start: int
    end: int
    mention_id: str
    source: str  # country, official, organization
    form: str | None = None  # the country form (name, demonym, government …) for countries
    official_id: str | None = None


@dataclass(frozen=True, slots=True)
class OfficialRef:
    """An official of the article with the character spans of every mention of them."""

    official_id: str
    country_iso3: str | None
    spans: tuple[tuple[int, int, str], ...]  # (start, end, mention_id)


@dataclass(frozen=True, slots=True)
class RateRef:
    """A ``rates`` row: a stated rate with its kind and the previous value, if any."""

    mention_id: str
    start: int
    end: int
    value: float | None
    previous: float | None
    unit: str
    kind: str
    applies_to: str | None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A ``dates`` row: a date, duration or set with its TIMEX3-style value."""

    mention_id: str
    start: int
    end: int
    timex_type: str
    value: str | None
    modifier: str | None
    resolved: bool


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A quotation's span, the official who said it, if known, and how it is reported."""

    start: int
    end: int
    speaker_official_id: str | None
    quote_type: str = "direct"  # direct (in quote marks), indirect or mixed (reported speech)
    speaker_name: str | None = None  # the speaker as the quotes table names it ("Jane Roe", "analysts")
    speaker_text: str | None = None  # the speaker's words in the text ("the analyst", "he")


@dataclass(frozen=True, slots=True)
class Cue:
    """A ``trigger`` or ``modal`` mention: label = event type or modality."""

    mention_id: str
    start: int
    end: int
    label: str
    rule_id: str

    @property
    def strength(self) -> str:
        """``strong`` or ``weak``, as the trigger's rule id says."""
        return "strong" if ":strong" in self.rule_id else "weak"

    @property
    def agent_only(self) -> bool:
        """True for a trigger without an acting subject ("tariffs take effect"): rule id ends in ``:agent``, or
        in ``:name`` (a measure's name has no acting subject either)."""
        return self.rule_id.endswith((":agent", ":name"))

    @property
    def names_measure(self) -> bool:
        """True for the name of a measure ("reciprocal tariffs"): rule id ends in ``:name``."""
        return self.rule_id.endswith(":name")

    @property
    def by_speaker(self) -> bool:
        """True for an answer said to follow ("the duties would trigger countermeasures"): its government is the
        one reporting it, never the clause's subject (the measure answered); rule id ends in ``:speaker``."""
        return self.rule_id.endswith(":speaker")

    @property
    def reports(self) -> bool:
        """True for a verb that reports a measure ("announced"): rule id ends in ``:report``."""
        return self.rule_id.endswith(":report")


@dataclass(frozen=True)
class ArticleInputs:
    """Everything the event rules read about one article."""

    article_id: str
    text: str
    published: date | None
    sentences: tuple[Sentence, ...]
    body_start: int = 0  # first character of the body (before it: headline, subheadline, dateline)
    parties: tuple[Party, ...] = ()
    officials: tuple[OfficialRef, ...] = ()
    rates: tuple[RateRef, ...] = ()
    times: tuple[TimeRef, ...] = ()
    quotes: tuple[QuoteRef, ...] = ()
    triggers: tuple[Cue, ...] = ()
    modals: tuple[Cue, ...] = ()
    parses: Mapping[int, SentenceParse] = field(default_factory=dict)  # sentence index → its parse, if parsed


@dataclass(frozen=True)
class Candidate:
    """One event found at one trigger, before the events of an article are merged."""

    event_type: str
    sentence: Sentence
    trigger: Cue
    actor: str | None = None
    targets: tuple[str, ...] = ()
    scope: str = "unspecified"
    excluded: tuple[str, ...] = ()
    rate_value: float | None = None
    rate_previous: float | None = None
    product: str | None = None
    products: tuple[str, ...] = ()  # every product named where ``product`` was read ("steel and aluminum")
    event_date: str | None = None
    duration: str | None = None
    modality: str = "asserted"
    officials: tuple[str, ...] = ()
    mention_ids: tuple[str, ...] = ()
    strong: bool = False
    actor_official: str | None = None  # the official whose mention gave the actor, if any
    actor_inherited: bool = False
    target_inherited: bool = False
    absorbed: tuple[str, ...] = field(default=())  # event types of triggers folded into this one
    anaphoric: bool = False  # "the talks", undated: refers to talks already reported
    roles_from: str = "order"  # which rules decided actor and targets: "syntax", "order" or "syntax+order"
    is_background: bool = False  # reported as context: history before the article's window, or commentary
    dated_by_lead_in: bool = False  # its date is the day of the sentence introducing its list (`lead_dates`)
    effective_date: str | None = None  # the day its text says it takes effect, a TIMEX3 day (`effective`)
    named: bool = False  # told by a measure's name ("reciprocal tariffs"), itself or read by its verb

    @property
    def sides(self) -> frozenset[str]:
        """The governments involved: the actor and the targets."""
        return frozenset(([self.actor] if self.actor else []) + list(self.targets))
