"""People, officials, titles and organizations: the span groups ``official``, ``person``, ``title``, ``organization``.

A blank pipeline has no NER model, so names are found by rules over the rule
data in ``models/people/`` (its README.md documents every rule):

- organizations: gazetteer names and aliases, and capitalized runs ending in an
  organization word ("Commerce Department", "Toshiba Corp", "Kyodo News") or
  opening with one before "of" ("Ministry of International Trade and Industry");
- titles: a lexicon widened over portfolio and rank words ("Trade and Industry
  Minister", "Deputy U.S. Trade Representative"), labelled in the shortest
  clean form, and judged government or not by what stands beside them;
- names: runs of capitalized words (with initials, particles, hyphens) that a
  title, an apposition, an honorific, a verb of saying or a given name
  anchors; then every other run equal to a found name's surname or full name
  (``people:surname``).

Spans: ``official`` (label = the title stated next to the name, or empty),
``person`` (label = the fullest form of the name in the document), ``title``
(label = the clean title), ``organization`` (label = canonical name, with
``|ISO3`` for government bodies). ``span.id_`` names the rule.

The passes run over one `pipeline.nlp.people_tokens.Tokens` per document, in the order of
`PeopleFinder.__call__`: places and organizations (`pipeline.nlp.people_organizations`), titles
(`pipeline.nlp.people_titles`), names (`pipeline.nlp.people_names`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.nlp.base import RuleComponent, add_token_span, rule_factory
from pipeline.nlp.people_names import NameMention, find_names, listed_keys
from pipeline.nlp.people_organizations import Org, find_gazetteer_orgs, find_pattern_orgs, mark_places
from pipeline.nlp.people_titles import find_titles, judge_titles
from pipeline.nlp.people_tokens import GOVERNMENT_KINDS, Title, Tokens
from pipeline.rulefiles import read_function_words, read_rows, read_words

FOLDER = "people"
ORG_KINDS = GOVERNMENT_KINDS | {"news", "company", "union", "business"}
GOVERNMENT_VALUES = ("yes", "no", "context")
TITLE_ROLES = frozenset({"portfolio", "keep", "drop", "former", "party"})
NAME_ROLES = frozenset({"particle", "honorific", "suffix", "family_first"})
ORG_POSITIONS = frozenset({"first", "last", "word"})
# Token texts kept between documents (a few MB at most; cleared when full).
TEXT_CACHE_SIZE = 200_000


# -- rule data ------------------------------------------------------------------

def _checked(path: Path, rows: list[dict[str, str]], column: str, allowed: frozenset[str] | tuple[str, ...],
             *, empty: bool = False) -> list[dict[str, str]]:
    for number, row in enumerate(rows, start=1):
        value = row.get(column, "")
        if not (empty and value == "") and value not in allowed:
            raise ValueError(f"{path}, row {number}: {column} {value!r} is not one of {sorted(allowed)}")
    return rows


def load_people_data(models_dir: Path) -> dict[str, Any]:
    """Read ``models/people/`` and the component's uses of ``lexicons/function_words.csv`` into the JSON-able
    dict the component keeps (checked: bad values fail)."""
    folder = models_dir / FOLDER
    titles = _checked(folder / "titles.csv", read_rows(folder / "titles.csv"), "government", GOVERNMENT_VALUES)
    _checked(folder / "titles.csv", titles, "bare", ("yes", "no"), empty=True)
    _checked(folder / "titles.csv", titles, "alone", ("yes", "no"))
    title_words = _checked(folder / "title_words.csv", read_rows(folder / "title_words.csv"), "role", TITLE_ROLES)
    organizations = _checked(folder / "organizations.csv", read_rows(folder / "organizations.csv"), "kind",
                             tuple(ORG_KINDS))
    org_words = _checked(folder / "org_words.csv", read_rows(folder / "org_words.csv"), "position", ORG_POSITIONS)
    _checked(folder / "org_words.csv", org_words, "kind", tuple(ORG_KINDS))
    name_parts = _checked(folder / "name_parts.csv", read_rows(folder / "name_parts.csv"), "role", NAME_ROLES)
    officials = listed_forms(folder / "known_officials.csv")  # read once: names and their countries
    function_words = read_function_words(models_dir)
    return {
        "titles": [[r["title"].lower(), r["government"], r["bare"], r["country"], r["alone"]] for r in titles],
        "title_words": [[r["word"].lower(), r["role"]] for r in title_words],
        "organizations": [[r["name"], [a.strip() for a in r["aliases"].split(";") if a.strip()], r["kind"],
                           r["iso3"]] for r in organizations],
        "org_words": [[r["word"], r["kind"], r["position"]] for r in org_words],
        "name_parts": [[r["word"], r["role"]] for r in name_parts],
        "nonnames": read_words(folder / "nonnames.txt"),
        "places": read_words(folder / "places.txt"),
        "common_words": read_words(folder / "common_words.txt"),
        "speech_verbs": [w.lower() for w in read_words(folder / "speech_verbs.txt")],
        "given_names": read_words(folder / "given_names.txt"),
        "org_openers": function_words["org_opener"],
        "apposition_words": function_words["apposition"],
        "listed_names": listed_names(officials),
        "listed_countries": listed_countries(officials),
    }


def listed_names(forms: list[tuple[str, str]]) -> list[str]:
    """The names and aliases of ``known_officials.csv`` (``forms`` of `listed_forms`): a run written exactly so is a name ("Trump's tariffs",
    "Donald Trump's pledge") even with nothing else beside it to anchor it. Which office-holder it is, and
    whether they held the office on the article's date, the officials normalizer decides."""
    return sorted({form for form, _ in forms})


def listed_countries(forms: list[tuple[str, str]]) -> dict[str, str]:
    """Lower-case names and aliases of ``known_officials.csv`` (``forms`` of `listed_forms`) → the one country every holder of that name
    serves (a name two countries' holders share is left out): "the Trump Administration" is a body of
    the United States."""
    countries: dict[str, set[str]] = {}
    for form, country in forms:
        countries.setdefault(form.lower(), set()).add(country)
    return {name: next(iter(found)) for name, found in sorted(countries.items()) if len(found) == 1}


def listed_forms(path: Path) -> list[tuple[str, str]]:
    """``(name or alias, country_iso3)`` of every row of ``known_officials.csv``, spaces collapsed."""
    return [(" ".join(form.split()), row["country_iso3"]) for row in read_rows(path)
            for form in [row["name"], *row["aliases"].split(";")] if form.strip()]


# Reads country spans (an organization's country) and sentence starts.
@rule_factory("trade_people_v1", assigns=["doc.spans"], requires=["doc.spans", "doc._.sentence_token_starts"])
class PeopleFinder(RuleComponent):
    """Fills ``doc.spans`` ``official``, ``person``, ``title`` and ``organization`` (see the module docstring)."""

    def load_data(self, models_dir: Path) -> dict[str, Any]:
        return load_people_data(models_dir)

    def setup(self) -> None:
        data = self.data
        vocab = self.nlp.vocab
        make = self.nlp.make_doc
        self.titles = {row[0]: row for row in data.get("titles", [])}
        self.title_matcher = PhraseMatcher(vocab, attr="LOWER")
        for title in self.titles:
            # The capitalized form too: the tokenizer keeps "Sen." and "Rep." whole but splits "sen.".
            self.title_matcher.add(title, [make(title), make(title[:1].upper() + title[1:])])
        self.title_words: dict[str, set[str]] = {}
        for word, role in data.get("title_words", []):
            self.title_words.setdefault(word, set()).add(role)
        self.orgs = data.get("organizations", [])
        self.org_matcher = PhraseMatcher(vocab, attr="ORTH")
        for index, (name, aliases, _, _) in enumerate(self.orgs):
            self.org_matcher.add(str(index), [make(form) for form in [name, *aliases]])
        self.org_last = {w: k for w, k, p in data.get("org_words", []) if p == "last"}
        self.org_first = {w: k for w, k, p in data.get("org_words", []) if p == "first"}
        self.org_generic = {w: k for w, k, p in data.get("org_words", []) if p == "word"}
        parts: dict[str, set[str]] = {}
        for word, role in data.get("name_parts", []):
            parts.setdefault(role, set()).add(word)
        self.particles = frozenset(parts.get("particle", ()))
        self.particles_lower = frozenset(p.lower() for p in self.particles)
        self.honorifics = frozenset(parts.get("honorific", ()))
        self.suffixes = frozenset(parts.get("suffix", ()))
        self.family_first = frozenset(parts.get("family_first", ()))
        self.nonnames = frozenset(data.get("nonnames", []))
        self.common = frozenset(data.get("common_words", []))
        self.speech = frozenset(data.get("speech_verbs", []))
        self.given = frozenset(data.get("given_names", []))
        self.org_openers = frozenset(data.get("org_openers", []))
        self.apposition_words = frozenset(data.get("apposition_words", []))
        self.listed = listed_keys(data.get("listed_names", []), self)
        self.listed_words = frozenset(word for name in data.get("listed_names", []) for word in name.split())
        self.listed_countries: dict[str, str] = data.get("listed_countries", {})
        self.place_matcher = PhraseMatcher(vocab, attr="ORTH")
        self.place_matcher.add("PLACE", [make(p) for p in data.get("places", [])])
        self._texts: dict[int, str] = {}
        self._capital: set[int] = set()

    def token_texts(self, doc: Doc) -> tuple[list[str], list[int]]:
        """The texts of ``doc``'s tokens and the indexes of those that start with a capital, through a cache of
        the string store (hash → text never changes)."""
        orth_list = doc.to_array(ORTH).tolist()
        cache, capital = self._texts, self._capital
        if len(cache) > TEXT_CACHE_SIZE:
            cache.clear()
            capital.clear()
        strings = doc.vocab.strings
        distinct = set(orth_list)
        for orth in distinct.difference(cache):
            text = cache[orth] = strings[orth]
            if text[:1].isupper():
                capital.add(orth)
        # `compress` over the membership tests: the same indexes, without a Python loop per token
        return list(map(cache.__getitem__, orth_list)), list(compress(count(), map(capital.__contains__, orth_list)))

    # -- the pass over one document --------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tokens = Tokens(doc, self)
        mark_places(tokens)
        orgs = find_gazetteer_orgs(tokens)
        titles = find_titles(tokens)
        orgs += find_pattern_orgs(tokens)
        judge_titles(tokens, titles)
        mentions = find_names(tokens, titles)
        emit(doc, orgs, titles, mentions)
        return doc


def emit(doc: Doc, orgs: Sequence[Org], titles: Sequence[Title], mentions: Sequence[NameMention]) -> None:
    """Add the document's organizations, titles and names to its span groups."""
    for kind in ("official", "person", "title", "organization"):
        if kind not in doc.spans:
            doc.spans[kind] = []
    for start, end, label, rule in sorted(orgs):
        add_token_span(doc, "organization", start, end, label=label, rule_id=rule)
    for title in titles:
        if title.used or title.alone:
            rule = "titles.csv:former" if title.former else (
                "titles.csv:government" if title.government else "titles.csv:other")
            add_token_span(doc, "title", title.start, title.end, label=title.label, rule_id=rule)
    for mention in sorted(mentions, key=lambda m: m.start):
        person = mention.person
        if person is None:
            continue
        if person.official:
            add_token_span(doc, "official", mention.start, mention.end, label=mention.title,
                           rule_id=mention.rule)
        else:
            add_token_span(doc, "person", mention.start, mention.end, label=person.full, rule_id=mention.rule)
