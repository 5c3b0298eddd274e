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
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.names import surname_keys
from pipeline.nlp.base import RuleComponent, add_token_span, doc_text
from pipeline.rulefiles import read_rows, read_words

FOLDER = "people"
GOVERNMENT_KINDS = frozenset({"government", "legislature", "central_bank", "intergovernmental", "party"})
ORG_KINDS = GOVERNMENT_KINDS | {"news", "company", "union", "business"}
GOVERNMENT_VALUES = ("yes", "no", "context")
TITLE_ROLES = frozenset({"portfolio", "keep", "drop", "former", "party"})
NAME_ROLES = frozenset({"particle", "honorific", "suffix", "family_first"})
ORG_POSITIONS = frozenset({"first", "last", "word"})

DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})
# Function words that open a sentence before an organization's name ("The Commerce Department …").
FUNCTION_WORDS = DETERMINERS | frozenset({"but", "and", "or", "in", "on", "at", "for", "from", "to", "of", "by",
                                          "with", "as", "if", "when", "while", "after", "before", "since",
                                          "under", "meanwhile", "however", "also", "both", "these", "those",
                                          "some", "many", "most", "all"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
PHRASE_PREPOSITIONS = frozenset({"of", "for", "at", "in", "with"})
# Adverbs that may open an apposition ("Mark Papermaster, formerly an Apple executive").
APPOSITION_ADVERBS = frozenset({"formerly", "currently", "now", "also", "still", "once", "then", "previously"})
# Closing quotation marks before an inverted attribution ("…,” said John Smith).
CLOSING_QUOTES = frozenset({",", "”", '"', "’", "''"})
OPENING_PUNCT = frozenset({"“", '"', "‘", "'", "(", "[", "-", "—", "–", "*", "•"})
ENDING_PUNCT = frozenset({".", "!", "?", ":", ";"})
# Words after a name that end it cleanly in "Title, NAME" (so "the minister, Japan said" is no name).
AFTER_NAME = frozenset({",", ".", ";", ":", ")", "and", "who", "whose", "has", "had", "have", "is", "was", "will",
                        "would", "said", "says", "told", "—", "–", "-", "”", '"', "’s", "'s"})
# How far an apposition's title may start after the comma ("Ryosei Akazawa, Japan's top trade negotiator"),
# and how long a prepositional phrase may sit between a title and ", NAME"
# ("counsellor in its Washington embassy, Chen Shibiao").
APPOSITION_WINDOW = 6
PHRASE_WINDOW = 6
MAX_NAME_TOKENS = 6
# A headline line is told by its words of four letters or more (runs of letters), by the case of their first letter.
_LONG_CAPITALIZED = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{3,}")
_LONG_LOWERCASE = re.compile(r"(?<![A-Za-z])[a-z][A-Za-z]{3,}")
# Token texts kept between documents (a few MB at most; cleared when full).
TEXT_CACHE_SIZE = 200_000
# A title with no name next to it names the first untitled person introduced within this many sentences after it.
LINK_SENTENCES = 1


# -- rule data ------------------------------------------------------------------

def _checked(path: Path, rows: list[dict[str, str]], column: str, allowed: frozenset[str] | tuple[str, ...],
             *, empty: bool = False) -> list[dict[str, str]]:
    for number, row in enumerate(rows, start=1):
        value = row.get(column, "")
        if not (empty and value == "") and value not in allowed:
            raise ValueError(f"{path}, row {number}: {column} {value!r} is not one of {sorted(allowed)}")
    return rows


def load_people_data(models_dir: Path) -> dict[str, Any]:
    """Read ``models/people/`` into the JSON-able dict the component keeps (checked: bad values fail)."""
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
    }


# -- small records ----------------------------------------------------------------

@dataclass(slots=True)
class Title:
    """A title span: tokens ``[start, end)``, its clean label, and what it says about its holder."""

    start: int
    end: int
    label: str
    row: list[str] = field(repr=False)
    former: bool = False
    alone: bool = True
    beside_place: bool = False  # a place inside the title phrase ("U.S. Trade Representative")
    party: bool = False  # a party word in it ("Liberal member")
    government: bool = False  # set by `_DocState.judge_titles`
    used: bool = False


@dataclass(slots=True)
class Person:
    """One person in one document: the keys that name them and what the mentions say."""

    full: str
    keys: set[str]
    official: bool = False
    title: str = ""  # the first government title stated for the person
    titled: bool = False  # any title (government or not) stated beside a name of the person
    first: int = 0


@dataclass(slots=True)
class NameMention:
    """A name span ``[start, end)`` of a person, with the rule and the title stated beside it."""

    start: int
    end: int
    rule: str
    title: str = ""
    person: Person | None = field(default=None, repr=False)


# -- word shapes ------------------------------------------------------------------

def is_name_word(word: str) -> bool:
    """A capitalized word with lower-case letters ("Akazawa", "McCain", "O'Leary"), not an acronym."""
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    return word.replace("'", "").replace("’", "").isalpha()


def is_initial(word: str) -> bool:
    """A single capital and a period ("J.")."""
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def slug_words(text: str) -> list[str]:
    """The words of a name without initials, possessives and punctuation ("Donald J. Trump's" → Donald, Trump)."""
    text = re.sub(r"['’]s?$", "", text.strip())
    return [w for w in re.split(r"[\s]+", text) if w and not is_initial(w) and any(c.isalpha() for c in w)]


@Language.factory("trade_people_v1")
def make_people(nlp: Language, name: str) -> PeopleFinder:
    """Factory of the people, officials, titles and organizations component (rule data loaded at `initialize`)."""
    return PeopleFinder(nlp, name)


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
        return list(map(cache.__getitem__, orth_list)), [i for i, orth in enumerate(orth_list) if orth in capital]

    # -- the pass over one document --------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        state = _DocState(doc, self)
        state.mark_places()
        state.find_gazetteer_orgs()
        state.find_titles()
        state.find_pattern_orgs()
        state.judge_titles()
        state.find_names()
        state.emit()
        return doc


class _DocState:
    """Per-document working arrays; the methods run in the order of `PeopleFinder.__call__`."""

    def __init__(self, doc: Doc, rules: PeopleFinder) -> None:
        self.doc = doc
        self.r = rules
        # Token texts through the string store: a Token object per word (and `doc.text`, which makes them)
        # would cost more than this whole pass.
        self.words, self.capitalized = rules.token_texts(doc)
        self.spaces = list(map(("", " ").__getitem__, doc.to_array(SPACY).tolist()))
        self.n = len(self.words)
        self._joined: str | None = None
        self.place = bytearray(self.n)
        self.org = bytearray(self.n)
        self.title_at: list[Title | None] = [None] * self.n
        self.titles: list[Title] = []
        self.orgs: list[tuple[int, int, str, str]] = []  # start, end, label, rule id
        self.org_kind: dict[int, str] = {}  # token → kind of the organization covering it
        self.country_iso: dict[int, str] = {}
        self.has_sents = "sentences" in doc.user_data or doc.has_annotation("SENT_START")  # the check walks every token
        self._line_shape: dict[int, str] = {}
        self._sentence_starts: list[int] | None = None
        self._sentence_start_set: set[int] | None = None
        self._slug_cache: dict[tuple[int, int], list[str]] = {}

    # -- token tests ------------------------------------------------------------------
    def lower(self, i: int) -> str:
        return self.words[i].lower()

    def blocked(self, i: int) -> bool:
        """Token i belongs to a place, an organization or a title."""
        return bool(self.place[i] or self.org[i] or self.title_at[i] is not None)

    def opens_sentence(self, i: int) -> bool:
        """Token i is the first word of a sentence (after any opening quote or bracket), or follows an
        abbreviation such as "U.S." after which old wire copy capitalizes ordinary words."""
        j = i - 1
        while j >= 0 and self.words[j] in OPENING_PUNCT:
            j -= 1
        if j < 0:
            return True
        previous = self.words[j]
        if previous.isspace() or previous in ENDING_PUNCT or "\n" in self.spaces[j]:
            return True
        if previous.endswith(".") and len(previous) > 2 and previous not in self.r.honorifics:
            return True
        return self.has_sents and j + 1 in self.sentence_start_set()

    def sentence_start_set(self) -> set[int]:
        """Indexes of the tokens that open a sentence (looked up often: a Token object each time costs more)."""
        if self._sentence_start_set is None:
            known = self.doc.user_data.get("sentence_token_starts")
            self._sentence_start_set = set(known) if known is not None else {s.start for s in self.doc.sents}
        return self._sentence_start_set

    @property
    def text(self) -> str:
        """The document's text (shared by the components, see `doc_text`)."""
        if self._joined is None:
            self._joined = doc_text(self.doc)
        return self._joined

    def line_shape(self, i: int) -> str:
        """``title`` for a title-case or all-caps line (a headline), else ``text``."""
        text = self.text
        # The line's start from the text itself: few tokens per document are asked about.
        start = text.rfind("\n", 0, self.doc[i].idx) + 1
        if start not in self._line_shape:
            end = text.find("\n", start)
            line = text[start:] if end < 0 else text[start:end]
            # Words of four letters or more, counted by their first letter's case in two scans.
            upper = len(_LONG_CAPITALIZED.findall(line))
            long_words = upper + len(_LONG_LOWERCASE.findall(line))
            self._line_shape[start] = "title" if long_words >= 3 and upper >= 0.9 * long_words else "text"
        return self._line_shape[start]

    # -- places and organizations -------------------------------------------------------
    def mark_places(self) -> None:
        for _, start, end in self.r.place_matcher(self.doc):
            self.place[start:end] = b"\x01" * (end - start)
        if "country" in self.doc.spans:
            for span in self.doc.spans["country"]:
                iso = (span.label_ or "").split(":")[0]
                for i in range(span.start, span.end):
                    self.place[i] = 1
                    if iso:
                        self.country_iso[i] = iso

    def _add_org(self, start: int, end: int, name: str, kind: str, iso3: str, rule: str) -> None:
        if any(self.org[start:end]):
            return
        if not iso3 and kind in GOVERNMENT_KINDS:
            iso3 = self.country_near(start, end)
        label = f"{name}|{iso3}" if iso3 and kind in GOVERNMENT_KINDS else name
        self.orgs.append((start, end, label, rule))
        for i in range(start, end):
            self.org[i] = 1
            self.org_kind[i] = kind

    def country_near(self, start: int, end: int) -> str:
        """ISO3 of a country span inside ``[start, end)`` or right before it ("Japan's Ministry …")."""
        for i in range(start, end):
            if i in self.country_iso:
                return self.country_iso[i]
        j = start - 1
        if j >= 0 and self.words[j] in POSSESSIVES:
            j -= 1
        return self.country_iso.get(j, "") if j >= 0 else ""

    def find_gazetteer_orgs(self) -> None:
        matches = sorted(((s, e, int(self.r.nlp.vocab.strings[k])) for k, s, e in self.r.org_matcher(self.doc)),
                         key=lambda m: (m[0], -(m[1] - m[0])))
        for start, end, index in matches:
            name, _, kind, iso3 = self.r.orgs[index]
            self._add_org(start, end, name, kind, iso3, "organizations.csv")

    def find_pattern_orgs(self) -> None:
        """Capitalized runs ending with an organization word, or opening one before "of"/"for"; the runs are
        grown outward from the organization words, so documents without one cost nothing."""
        words, n, r = self.words, self.n, self.r
        hits = [i for i in self.capitalized if (words[i] in r.org_last or words[i] in r.org_first)]
        done_to = 0
        for hit in hits:
            if hit < done_to or self.org[hit]:
                continue
            start = hit
            while start > 0 and self.spaces[start - 1] == " ":
                if self._org_word(start - 1):
                    start -= 1
                elif start >= 2 and words[start - 1] in ("of", "for", "and", "on", "&", "the") \
                        and self.spaces[start - 2] == " " and self._org_word(start - 2):
                    start -= 2
                else:
                    break
            end = hit + 1
            while end < n and self.spaces[end - 1] == " ":
                if self._org_word(end):
                    end += 1
                elif words[end] in ("of", "for", "and", "on", "&") and end + 1 < n and self._org_word(end + 1) \
                        and self.spaces[end] == " ":
                    end += 2
                elif words[end] == "the" and end + 1 < n and self._org_word(end + 1) \
                        and words[end - 1] in ("of", "for"):
                    end += 2
                else:
                    break
            self._pattern_org(start, end)
            done_to = end

    def _org_word(self, i: int) -> bool:
        word = self.words[i]
        return bool(word) and word[0].isupper() and not self.org[i] and any(c.isalpha() for c in word)

    def _pattern_org(self, start: int, end: int) -> None:
        # Titles, places and sentence openers at the front are not part of the body's name.
        # Titles, places and sentence openers at the front are not part of the body's name, nor is a company
        # suffix that ends the organization before ("Chrysler LLC Jim Press").
        while start < end and (self.title_at[start] is not None or self.place[start]
                               or self.lower(start) in FUNCTION_WORDS or self.words[start] == "&"
                               or self.r.org_last.get(self.words[start]) == "company"):
            start += 1
        if end - start < 2 or any(self.title_at[i] is not None for i in range(start, end)):
            return
        kind = self.r.org_last.get(f"{self.words[end - 2]} {self.words[end - 1]}") or \
            self.r.org_last.get(self.words[end - 1])
        rule = "people:org_last"
        if kind is None:  # "Ministry of Finance", "Central Bureau of Statistics"
            kind = next((self.r.org_first[self.words[k]] for k in range(start, end - 2)
                         if self.words[k] in self.r.org_first and self.words[k + 1] in ("of", "for")), None)
            rule = "people:org_first"
        if kind is None:
            return
        if end - start == 2 and self.words[start] in self.r.given and self.lower(start) not in self.r.common:
            return  # "Jim Press", "Tom Post": a given name and a surname that is also an organization word
        name = self._text(start, end)
        self._add_org(start, end, name, kind, "", rule)

    # -- titles ---------------------------------------------------------------------------
    def find_titles(self) -> None:
        strings = self.r.nlp.vocab.strings
        matches = sorted(((s, e, strings[k]) for k, s, e in self.r.title_matcher(self.doc)),
                         key=lambda m: (-(m[1] - m[0]), m[0]))
        taken = bytearray(self.n)
        kept: list[tuple[int, int, str]] = []
        for start, end, key in matches:
            if any(taken[start:end]) or any(self.org[start:end]):
                continue
            if ("." in key or key in ("mp", "ustr")) and not self.words[start][0].isupper():
                continue  # "Sen.", "Rep.", "MP" are abbreviations only when capitalized
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, key))
        kept.sort()
        merged: list[tuple[int, int, str]] = []
        for start, end, key in kept:
            # Two titles in a row are one, headed by the last ("official spokesman", "Vice Chairman").
            if merged and merged[-1][1] == start and self.spaces[start - 1] == " ":
                merged[-1] = (merged[-1][0], end, key)
            else:
                merged.append((start, end, key))
        for start, end, key in merged:
            title = self._widen(start, end, key)
            self.titles.append(title)
            for i in range(title.start, title.end):
                self.title_at[i] = title

    def _roles(self, i: int) -> set[str]:
        return self.r.title_words.get(self.lower(i), set())

    def _widen(self, start: int, end: int, key: str) -> Title:
        """The title phrase around a lexicon match: rank and portfolio words to the left (past places and
        organizations), "of/for <portfolio>" to the right; the label keeps ranks and portfolios only."""
        words = self.words
        kept: list[int] = []
        beside_place = former = party = False
        first = start
        j = start - 1
        while j >= 0 and start - j <= 6 and self.spaces[j] == " ":
            roles = self._roles(j)
            if self.org[j]:
                # An organization ("White House spokesman") is beside the title, not part of it; a "former"
                # before it still ends the office ("former Bank of Japan head").
                while j >= 0 and self.org[j]:
                    j -= 1
                former = former or (j >= 0 and "former" in self._roles(j))
                break
            if self.place[j]:
                beside_place = True
            elif "portfolio" in roles and (self.lower(j) != "and" or (j >= 1 and "portfolio" in self._roles(j - 1))):
                kept.append(j)
            elif roles & {"keep", "drop", "former", "party"}:
                kept.append(j)
                former = former or "former" in roles
                party = party or "party" in roles
            else:
                break
            if kept and kept[-1] == j:
                first = j
            j -= 1
        last = self._widen_right(end)
        label_tokens = [i for i in range(first, last)
                        if i >= start or (i in kept and not self._roles(i) & {"drop", "former"})]
        return Title(first, last, " ".join(words[i] for i in label_tokens), self.r.titles[key], former=former,
                     alone=self.r.titles[key][4] == "yes", beside_place=beside_place, party=party)

    def _widen_right(self, end: int) -> int:
        """End of "of/for (the) <portfolio words>" after a title ("Secretary of the Treasury", "Envoy for Climate
        Change"), or ``end`` when there is none or the words open an organization's name ("chairman of the State
        Agro-Industrial Committee")."""
        if end + 1 >= self.n or self.lower(end) not in ("of", "for") or self.spaces[end] != " ":
            return end
        m = end + 1
        if self.lower(m) == "the" and m + 1 < self.n:
            m += 1
        p = m
        while p < self.n and not self.place[p] and not self.org[p] and (self.words[p][:1].isupper() and (
                "portfolio" in self._roles(p) or self.lower(p) in self.r.common) or self.lower(p) == "and"):
            p += 1
        while p > m and self.lower(p - 1) == "and":
            p -= 1
        if p == m or not any("portfolio" in self._roles(k) for k in range(m, p)):
            return end
        q = p
        while q < self.n and (self.words[q][:1].isupper() or self.words[q] in ("-", "of", "and")):
            if self.words[q] in self.r.org_last or self.words[q] in self.r.nonnames and self.words[q] != "The":
                return end
            q += 1
        return p

    def judge_titles(self) -> None:
        """Decide for every title whether it acts for a government (README.md, "Government or not")."""
        for title in self.titles:
            title.government = self._government(title) and not title.former

    def _government(self, title: Title) -> bool:
        verdict = title.row[1]
        if verdict != "context":
            return verdict == "yes"
        if title.party or title.beside_place:
            return True
        decided = self._side_kind(title.start - 1, before=True)
        last = title.end
        if decided is None and last + 1 < self.n and self.lower(last) in ("of", "for", "at") \
                and self.spaces[last] == " ":
            k = last + 1
            if self.lower(k) == "the" and k + 1 < self.n:
                k += 1
            decided = self._side_kind(k, before=False)
        if decided is None:
            return title.row[2] == "yes"
        return decided

    def _side_kind(self, i: int, *, before: bool) -> bool | None:
        """Government (True), not (False) or undecided (None) from the token beside a title."""
        if i < 0 or i >= self.n:
            return None
        if before and self.words[i] in POSSESSIVES and i >= 1:
            i -= 1
        if self.place[i]:
            return True
        if self.org[i]:
            return self.org_kind.get(i) in GOVERNMENT_KINDS
        generic = self.r.org_generic.get(self.lower(i))
        if generic is not None:
            return generic in GOVERNMENT_KINDS
        word = self.words[i]
        if word in self.r.org_last:
            return self.r.org_last[word] in GOVERNMENT_KINDS
        if is_name_word(word) and word not in self.r.nonnames and self.title_at[i] is None \
                and word.lower() not in self.r.common and not self.opens_sentence(i):
            return False  # an unknown capitalized name beside the title: a company ("Toyota president")
        return None

    # -- names ----------------------------------------------------------------------------
    def runs(self) -> list[tuple[int, int]]:
        """Candidate name runs ``[start, end)``: capitalized words, initials, inner particles and hyphens."""
        words, spaces, n, r = self.words, self.spaces, self.n, self.r
        found = []
        done_to = 0
        for i in self.capitalized:
            if i < done_to or not self._name_token(i, inner=False):
                continue
            j = i + 1
            while j < n:
                if spaces[j - 1] == " " and self._name_token(j, inner=True):
                    j += 1
                elif spaces[j - 1] == "" and words[j] == "-" and j + 1 < n and spaces[j] == "" \
                        and self._hyphen_part(j - 1, j + 1):
                    j += 2
                else:
                    break
            start = i
            # An ordinary word that opens a sentence is not a name ("Officials said", "He added") — unless it
            # is a given name before an uncommon capitalized word ("Mark Papermaster", "Bill Brock").
            while start < j and words[start].lower() in r.common and self.opens_sentence(start) and not (
                    words[start] in r.given and start + 1 < j and is_name_word(words[start + 1])
                    and words[start + 1].lower() not in r.common):
                start += 1
            end = j
            if start < end and self.line_shape(start) == "title":
                # In a title-case headline the name ends before the next capitalized common word
                # ("President Donald J. Trump Adjusts Tariffs").
                end = start + 1
                while end < j and not (is_name_word(words[end]) and words[end].lower() in r.common
                                       and spaces[end - 1] == " "):
                    end += 1
            while end > start and (words[end - 1].lower() in r.particles_lower and not is_name_word(words[end - 1])
                                   or words[end - 1] == "-"):
                end -= 1
            if start < end and any(is_name_word(words[k]) for k in range(start, end)):
                found.append((start, end))
            done_to = j
        return found

    def _hyphen_part(self, before: int, after: int) -> bool:
        """The word after a hyphen continues a name: capitalized ("Okonjo-Iweala"), uncommon ("Ying-jeou"), or a
        short syllable after a short one ("Jae-in"); "Tokyo-based" does not."""
        first, word = self.words[before], self.words[after]
        if not word.isalpha():
            return False
        if word[0].isupper() or word not in self.r.common:
            return True
        return len(word) <= 3 and len(first) <= 4

    def _name_token(self, i: int, *, inner: bool) -> bool:
        word = self.words[i]
        if self.blocked(i):
            return False
        if word in self.r.nonnames:
            # "In-yong" of "Chung In-yong": a listed word joined by a hyphen inside a sentence is a name part.
            return (inner and i + 2 < self.n and self.spaces[i] == "" and self.words[i + 1] == "-"
                    and self.spaces[i + 1] == "" and self._hyphen_part(i, i + 2))
        if is_name_word(word):
            return True
        if inner:
            return is_initial(word) or word in self.r.suffixes or word.lower() in self.r.particles_lower
        return is_initial(word)

    def anchor(self, start: int, end: int) -> tuple[str, Title | None] | None:
        """The rule that makes run ``[start, end)`` a name, and the title stated beside it."""
        words, n = self.words, self.n
        before = self.title_at[start - 1] if start >= 1 else None
        if before is not None and before.end == start:
            return "people:title", before
        comma_title = self._title_before_comma(start)
        if comma_title is not None and (end >= n or words[end] in AFTER_NAME or words[end][0].islower()):
            return "people:title_comma", comma_title
        if end < n and words[end] == ",":
            title = self._apposition(end + 1)
            if title is not None:
                return "people:apposition", title
        if start >= 1 and words[start - 1] in self.r.honorifics:
            return "people:honorific", None
        if end < n and words[end].lower() in self.r.speech:
            return "people:speech", None
        if start >= 2 and words[start - 1].lower() in self.r.speech and words[start - 2] in CLOSING_QUOTES:
            return "people:speech", None
        if start >= 2 and self.lower(start - 1) == "to" and self.lower(start - 2) == "according":
            return "people:speech", None
        if self._given_name(start, end):
            return "people:given_name", None
        return None

    def _given_name(self, start: int, end: int) -> bool:
        """A run opening with a given name and going on with an uncommon capitalized word ("Mary Barra")."""
        words = self.words
        if end - start < 2 or words[start] not in self.r.given:
            return False
        if words[start].lower() in self.r.common and self.opens_sentence(start):
            return False  # "Will Smith agree …" is a question more often than a name
        rest = [w for w in words[start + 1:end] if is_name_word(w)]
        return 1 <= len(rest) <= 2 and rest[-1].lower() not in self.r.common

    def _title_before_comma(self, start: int) -> Title | None:
        """The title of "Title, NAME" or "Title <in/at/of … phrase>, NAME"."""
        if start < 2 or self.words[start - 1] != ",":
            return None
        k = start - 2
        title = self.title_at[k]
        if title is not None and title.end == start - 1:
            return title
        steps = 0
        while k >= 0 and steps < PHRASE_WINDOW:
            word = self.words[k]
            title = self.title_at[k]
            if title is not None:
                after = title.end
                if after < start - 1 and self.lower(after) in PHRASE_PREPOSITIONS:
                    return title
                return None
            if not any(c.isalpha() for c in word) and word not in POSSESSIVES:
                return None
            k -= 1
            steps += 1
        return None

    def _apposition(self, k: int) -> Title | None:
        """A title starting within `APPOSITION_WINDOW` tokens after the comma of "NAME, …"."""
        for step in range(APPOSITION_WINDOW):
            i = k + step
            if i >= self.n:
                return None
            title = self.title_at[i]
            if title is not None:
                # "World War II, President Donald J. Trump": a title right before a name is that name's.
                if title.end < self.n and self._name_token(title.end, inner=False):
                    return None
                return title
            word = self.words[i]
            if not (word.lower() in DETERMINERS or word in POSSESSIVES or self.place[i] or self.org[i]
                    or word[:1].isupper() or self._roles(i) or word.lower() in APPOSITION_ADVERBS):
                return None
        return None

    def find_names(self) -> None:
        r = self.r
        runs = self.runs()
        people: list[Person] = []
        mentions: list[NameMention] = []
        unanchored: list[tuple[int, int]] = []
        anchored: list[tuple[int, int, str, Title | None]] = []
        for start, end in runs:
            found = self.anchor(start, end)
            # Ordinary words are no name ("the executive Board", "Victory Day for World War II, President …").
            if found is not None and all(self.lower(k) in r.common or not is_name_word(self.words[k])
                                         for k in range(start, end)):
                found = None
            if found is None or end - start > MAX_NAME_TOKENS:
                unanchored.append((start, end))
            else:
                anchored.append((start, end, *found))
        # Fuller names first (so "De Clercq" and a bare surname find their person), then in text order.
        for start, end, rule, title in sorted(anchored, key=lambda a: (-len(self._name_words(a[0], a[1])),
                                                                        a[0])):
            words = self._name_words(start, end)
            if rule == "people:apposition" and len(words) < 2 \
                    and not any(words and words[0].lower() in p.keys for p in people):
                # "before departing Vilnius, the President will …": one word and a comma make no apposition
                # unless that word is the surname of someone already named.
                unanchored.append((start, end))
                continue
            person = self._person_for(words, people, start)
            mention = NameMention(start, end, rule, title.label if title is not None and title.government else "",
                                  person)
            if title is not None:
                title.used = True
                person.titled = True
                if title.government:
                    person.official = True
                    person.title = person.title or title.label
            mentions.append(mention)
        self._link_titles(people, mentions)
        mentions.extend(self._surname_mentions(unanchored, people, mentions))
        self.people, self.mentions = people, mentions

    def _name_words(self, start: int, end: int) -> list[str]:
        """`slug_words` of tokens ``[start, end)``, computed once per run."""
        key = (start, end)
        if key not in self._slug_cache:
            self._slug_cache[key] = slug_words(self._text(start, end))
        return self._slug_cache[key]

    def _text(self, start: int, end: int) -> str:
        return "".join(w + sp for w, sp in zip(self.words[start:end], self.spaces[start:end])).rstrip()

    def _person_for(self, words: list[str], people: list[Person], start: int) -> Person:
        keys = surname_keys(words, self.r.particles_lower, self.r.family_first)
        full = " ".join(words).lower()
        same = [p for p in people if full in p.keys and (len(words) < len(slug_words(p.full))
                                                         or len(slug_words(p.full)) == 1
                                                         or full == " ".join(slug_words(p.full)).lower())]
        if same:
            person = self._nearest(same, start)
            if len(words) > len(slug_words(person.full)):
                person.full = " ".join(words)
            person.keys |= keys
            person.first = min(person.first, start)
            return person
        person = Person(" ".join(words), keys, first=start)
        people.append(person)
        return person

    def _sentence_of(self, i: int) -> int:
        """Index of the sentence holding token i (windows of 40 tokens when no sentences are set)."""
        if not self.has_sents:
            return i // 40
        if self._sentence_starts is None:
            known = self.doc.user_data.get("sentence_token_starts")
            self._sentence_starts = list(known) if known is not None else [s.start for s in self.doc.sents]
        return bisect_right(self._sentence_starts, i) - 1

    def _link_titles(self, people: list[Person], mentions: list[NameMention]) -> None:
        """An unattached government title names the first untitled person introduced just after it
        ("…according to Japan's top trade negotiator. … Ryosei Akazawa told reporters")."""
        # Only a person introduced as a speaker ("Ryosei Akazawa told reporters") takes a title said before.
        firsts = sorted((m for m in mentions if m.person is not None and m.start == m.person.first
                         and m.rule == "people:speech" and len(self._name_words(m.start, m.end)) >= 2),
                        key=lambda m: m.start)
        for title in self.titles:
            if title.used or not title.government or not title.alone:
                continue
            head = title.label.split()[-1].lower()
            if any(p.title and p.title.split()[-1].lower() == head and p.first < title.start for p in people):
                continue  # it refers back to someone already named (the normalizer links it)
            here = self._sentence_of(title.start)
            for mention in firsts:
                person = mention.person
                if mention.start < title.end or person is None:
                    continue
                if self._sentence_of(mention.start) - here > LINK_SENTENCES:
                    break
                if person.titled:
                    continue
                person.official = True
                person.titled = True
                person.title = title.label
                mention.title = title.label
                title.used = True
                break

    def _surname_mentions(self, unanchored: list[tuple[int, int]], people: list[Person],
                          mentions: list[NameMention]) -> list[NameMention]:
        """Runs (and all-caps headline words) equal to a found person's surname or full name."""
        index: dict[str, list[Person]] = {}
        for person in people:
            for key in person.keys:
                index.setdefault(key, []).append(person)
        if not index:
            return []
        covered = bytearray(self.n)
        for m in mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        out = []
        for start, end in unanchored:
            key = " ".join(self._name_words(start, end)).lower()
            candidates = index.get(key)
            if candidates and not any(covered[start:end]):
                out.append(NameMention(start, end, "people:surname", "", self._nearest(candidates, start)))
        for i in self.capitalized:
            word = self.words[i]
            if len(word) > 2 and word.isupper() and word.isalpha() and not covered[i] and not self.org[i] \
                    and not self.place[i] and word.lower() in index and self.line_shape(i) == "title":
                out.append(NameMention(i, i + 1, "people:surname", "", self._nearest(index[word.lower()], i)))
        return out

    @staticmethod
    def _nearest(candidates: list[Person], start: int) -> Person:
        before = [p for p in candidates if p.first <= start]
        return max(before, key=lambda p: p.first) if before else min(candidates, key=lambda p: p.first)

    # -- output ---------------------------------------------------------------------------
    def emit(self) -> None:
        doc = self.doc
        for kind in ("official", "person", "title", "organization"):
            if kind not in doc.spans:
                doc.spans[kind] = []
        for start, end, label, rule in sorted(self.orgs):
            add_token_span(doc, "organization", start, end, label=label, rule_id=rule)
        for title in self.titles:
            if title.used or title.alone:
                rule = "titles.csv:former" if title.former else (
                    "titles.csv:government" if title.government else "titles.csv:other")
                add_token_span(doc, "title", title.start, title.end, label=title.label, rule_id=rule)
        for mention in sorted(self.mentions, key=lambda m: m.start):
            person = mention.person
            if person is None:
                continue
            if person.official:
                add_token_span(doc, "official", mention.start, mention.end, label=mention.title,
                               rule_id=mention.rule)
            else:
                add_token_span(doc, "person", mention.start, mention.end, label=person.full, rule_id=mention.rule)
