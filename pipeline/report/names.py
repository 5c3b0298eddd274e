"""What the report shows in place of codes: country names, pseudo-target labels, and one colour per event type.

Country names come from the project's gazetteer (models/countries/): an ISO
3166-1 code gets its common name when pycountry has one ("South Korea",
"Taiwan") and its name otherwise; the project's own codes (EU, XKX) and the
ISO 3166-3 codes of former states (SUN, DDR, YUG, CSK) get the first name
form `aliases.csv` gives them ("European Union", "Soviet Union").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pipeline.config import MODELS_DIR
from pipeline.events.types import EVENT_TYPES
from pipeline.rulefiles import read_rows

# The order in which a field of countries.csv wins as the shown name.
_NAME_FIELDS = ("common_name", "name")

# Okabe & Ito's colour-blind-safe palette (Color Universal Design, 2002) for the first eight types, then the
# distinct hues of Paul Tol's "muted" scheme (personal.sron.nl/~pault) for the rest: fixed by the order of
# EVENT_TYPES, so a type keeps its colour from one report to the next whatever the data holds.
_PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
            "#332288", "#44AA99", "#999933", "#882255", "#88CCEE")
OTHER_TYPE_COLOUR = "#BBBBBB"  # a type outside the vocabulary (a table written by an older version)
TYPE_COLOURS: dict[str, str] = dict(zip(EVENT_TYPES, _PALETTE))  # a test checks every type has its own


def type_colour(event_type: str) -> str:
    """The fixed colour of an event type (grey for one outside the vocabulary)."""
    return TYPE_COLOURS.get(event_type, OTHER_TYPE_COLOUR)


@cache
def _names(models: Path) -> dict[str, str]:
    """Code → shown name, from the gazetteer files under ``models``."""
    by_field: dict[str, dict[str, str]] = {field: {} for field in _NAME_FIELDS}
    for row in read_rows(models / "countries" / "countries.csv"):
        if row["field"] in by_field:
            by_field[row["field"]].setdefault(row["iso3"], row["text"])
    names = {**by_field["name"], **by_field["common_name"]}
    for row in read_rows(models / "countries" / "aliases.csv"):
        if row["form"] == "name":
            names.setdefault(row["iso3"], row["text"])  # only codes ISO 3166-1 does not name: blocs, former states
    return names


def country_name(code: object, *, with_code: bool = False, models: Path = MODELS_DIR) -> str:
    """The name of a country or bloc code ("CAN" → "Canada"); an unknown code is shown as it is.

    With ``with_code`` the code follows in brackets ("Canada (CAN)"), for tables a reader may join back.
    """
    if not isinstance(code, str) or not code:  # None, or NaN from a DataFrame column
        return "unknown"
    name = _names(models).get(code)
    if name is None:
        return code
    return f"{name} ({code})" if with_code else name


def country_names(codes: Iterable[str] | None, *, with_code: bool = False) -> str:
    """Several codes as one comma-separated list of names."""
    return ", ".join(country_name(code, with_code=with_code) for code in (codes if codes is not None else ()))


def target_label(target_iso3: object, target_scope: str, excluded_iso3: Iterable[str] | None = None, *,
                 with_code: bool = False) -> str:
    """What a tariff or event is aimed at: a country's name, or the pseudo-target its scope names.

    Scopes without one country: ``all`` → "all countries", ``all_except`` → "all except Canada, Mexico",
    ``unspecified`` → "unspecified" (the articles name no target), ``multilateral`` → "several countries".
    """
    if isinstance(target_iso3, str) and target_iso3:  # None or NaN: a pseudo-target
        return country_name(target_iso3, with_code=with_code)
    excluded = list(excluded_iso3) if excluded_iso3 is not None else []
    if target_scope == "all_except":
        return f"all except {country_names(excluded, with_code=with_code)}" if excluded else "all except some"
    return {"all": "all countries", "unspecified": "unspecified", "multilateral": "several countries",
            "bilateral": "unspecified"}.get(target_scope, target_scope)
