"""The country component's rule data: the gazetteer under ``models/countries/`` and its ISO table.

`load_gazetteer` reads the gazetteer files, the context rules, the blocklist, the dateline cities
and the regions into one JSON-able dict; `write_iso_table` rewrites ``countries.csv`` from
pycountry (``python -m pipeline.nlp.countries --regenerate``).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from pipeline.rulefiles import read_rows, read_words

FOLDER = "countries"
FORMS = ("name", "abbreviation", "demonym", "government", "capital", "city")
CASES = ("fold", "exact")
ACTIONS = ("drop", "person", "place")
# Word-list files read by `load_gazetteer`, in override order: a later row with the same text wins.
GAZETTEER_FILES = ("countries.csv", "aliases.csv", "demonyms.csv", "capitals.csv")
# Demonyms with these endings also match with a final "s" ("Canadians", "Pakistanis").
_PLURAL_ENDINGS = ("an", "i")


# -- reading the gazetteer -------------------------------------------------------------------------------

def plural_forms(demonym: str) -> list[str]:
    """The demonym and, for the regular endings, its plural ("Canadian" → "Canadians")."""
    return [demonym, demonym + "s"] if demonym.endswith(_PLURAL_ENDINGS) else [demonym]


def gazetteer_entries(folder: Path) -> list[dict[str, str]]:
    """Every matchable row: text, iso3, form, case and the file it came from; one row per text.

    A later file overrides an earlier one for the same text (case-insensitively), which is how
    aliases.csv makes "Turkey" exact; two files giving one text different codes is refused.
    """
    entries: dict[str, dict[str, str]] = {}
    for name in GAZETTEER_FILES:
        for row in read_rows(folder / name):
            iso3 = row["iso3"]
            if name == "countries.csv":
                found = [(row["text"], "name", "fold")]
            elif name == "demonyms.csv":
                found = [(text, "demonym", row["case"]) for text in plural_forms(row["text"])]
            elif name == "capitals.csv":
                found = [(row["text"], "government", row["case"])]
            else:
                found = [(row["text"], row["form"], row["case"])]
            for text, form, case in found:
                if form not in FORMS or case not in CASES:
                    raise ValueError(f"{name}: {text!r} has form {form!r} / case {case!r}; "
                                     f"allowed forms {FORMS}, cases {CASES}")
                key = text.lower()
                previous = entries.get(key)
                if previous and previous["iso3"] != iso3:
                    raise ValueError(f"{text!r} is {previous['iso3']} in {previous['file']} but {iso3} in {name}; "
                                     "one text must map to one code")
                entries[key] = {"text": text, "iso3": iso3, "form": form, "case": case, "file": name}
    return sorted(entries.values(), key=lambda e: e["text"].lower())


def load_gazetteer(models_dir: Path) -> dict[str, Any]:
    """All the country rule data under ``models_dir/countries`` as one JSON-able dict."""
    folder = models_dir / FOLDER
    context = read_rows(folder / "context.csv")
    for rule in context:
        if rule["action"] not in ACTIONS or rule["side"] not in ("before", "after") \
                or rule["lines"] not in ("any", "caps"):
            raise ValueError(f"context.csv: rule {rule['rule_id']!r} has action {rule['action']!r}, side "
                             f"{rule['side']!r}, lines {rule['lines']!r}; allowed actions {ACTIONS}")
    return {
        "entries": gazetteer_entries(folder),
        "blocklist": [row["text"] for row in read_rows(folder / "blocklist.csv")],
        "datelines": read_rows(folder / "datelines.csv"),
        "regions": [row["text"] for row in read_rows(folder / "regions.csv")],
        "not_names": read_words(folder / "not_names.txt"),
        "context": context,
    }


# -- regenerating countries.csv from pycountry --------------------------------------------------------------

def iso_name_forms(text: str) -> list[str]:
    """The ways news writes an ISO name: "Korea, Republic of" → "Republic of Korea".

    An inverted name (the part after the comma ends in "of"/"of the", or is one word such as
    "British") is turned around; a leading "the" is dropped; a final parenthesis ("Falkland Islands
    (Malvinas)") gives the name without it and the parenthesis alone, unless it only says which
    part ("(French part)").
    """
    forms = []
    head, _, tail = text.partition(", ")
    if tail and (tail.endswith((" of", " of the")) or " " not in tail):
        text = f"{tail} {head}"
    text = re.sub(r"^(?:the|The) ", "", text)
    paren = re.fullmatch(r"(.*?)\s*\(([^)]*)\)\s*(.*)", text)
    if paren:
        before, inside, after = paren.groups()
        forms.append(" ".join(part for part in (before, after) if part))
        if not after and not inside.endswith(" part"):
            forms.append(inside)
        forms.append(text)
    else:
        forms.append(text)
    return forms


def iso_rows() -> list[dict[str, str]]:
    """Rows of countries.csv: every ISO 3166-1 country with each of its name forms from pycountry."""
    import pycountry

    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        seen: set[str] = set()
        for field in ("name", "official_name", "common_name"):
            value = getattr(country, field, None)
            if not value:
                continue
            for text in iso_name_forms(value):
                if text.lower() not in seen:
                    seen.add(text.lower())
                    rows.append({"iso3": country.alpha_3, "alpha2": country.alpha_2, "field": field, "text": text})
    return rows


def write_iso_table(path: Path) -> int:
    """Rewrite ``path`` (countries.csv) from pycountry; returns the number of countries written."""
    import pycountry

    rows = iso_rows()
    version = getattr(pycountry, "__version__", "unknown")
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f"# ISO 3166-1 countries: name, official_name and common_name from pycountry {version}\n"
                     "# (which ships the Debian iso-codes ISO 3166-1 table), in the forms news writes them.\n"
                     "# Generated by `python -m pipeline.nlp.countries --regenerate`; do not edit by hand:\n"
                     "# news forms and overrides belong in aliases.csv.\n")
        writer = csv.DictWriter(handle, fieldnames=["iso3", "alpha2", "field", "text"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len({row["iso3"] for row in rows})
