"""Country mentions: names, abbreviations, demonyms, capitals and blocs, from the gazetteer in models/countries/.

Every match becomes a span in ``doc.spans["country"]`` with ``label_`` =
``ISO3:form`` (form: name, abbreviation, demonym, government, capital, city)
and ``id_`` = ``<file>:<form>`` (``countries.csv:name``, ``capitals.csv:government``).
How a candidate becomes a mention:

1. Two `PhraseMatcher`s find gazetteer rows: a lower-case one for rows whose
   ``case`` is ``fold`` (accepted only when the first letter is upper case, so
   "CHINA" and "China" match, "china" the porcelain does not) and an exact one
   for short or ambiguous forms ("US" but never "us", "Turkey" but not the bird).
2. Blocklisted names that contain a country ("South China Sea", "New Mexico")
   compete in the longest-match choice (`spacy.util.filter_spans`) and, when
   they win, yield nothing.
3. The context rules of ``context.csv`` drop traps (the person in "Michael
   Jordan", the US state in "Atlanta, Georgia") and turn a capital used as a
   mere place ("talks in Tokyo", "Tokyo-based") into form ``capital``.
4. Cities that open a dateline ("ISTANBUL", "NEW YORK, March 31") are matched
   only as the first words of a line, followed by a comma or the line's end,
   with form ``city``; the normalizer keeps them only inside the dateline.

The rule data is read by `pipeline.nlp.country_gazetteer`. Run
``python -m pipeline.nlp.countries --regenerate`` to rewrite
``models/countries/countries.csv`` from pycountry (the ISO 3166-1 table).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from spacy.attrs import SHAPE
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.nlp.base import RuleComponent, add_token_span, rule_factory
from pipeline.nlp.country_gazetteer import FOLDER, load_gazetteer, write_iso_table

GROUP = "country"
# A mention of a "person" text keeps being a country after these words ("imports from Jordan").
_COUNTRY_CUES = frozenset({"in", "of", "from", "to", "with", "into", "against", "across"})
# A token glued to an abbreviation by a hyphen or slash ("U.S.-led", "E.C.-U.S.", "U.S./Japan").
_GLUED = re.compile(r"(?:[A-Z]\.){2,4}[-/–—]|[A-Za-z.][-/–—](?:[A-Z]\.){2,4}")
_SEPARATORS = re.compile(r"([-/–—])")
# Pattern words of context.csv that stand for a kind of word rather than for themselves.
_SPECIAL_WORDS = frozenset({"NAME", "TOWN", "REGION"})
# What may follow a city in a dateline: "NEW YORK, March 31", "NEW YORK - ".
_DATELINE_ENDS = frozenset({",", "-", "–", "—"})


# -- the component -------------------------------------------------------------------------------------------

# Reads sentence starts (a capitalized word there is no evidence of a name); it moves the token starts when it splits tokens.
@rule_factory("trade_countries_v1", assigns=["doc.spans", "doc._.sentence_token_starts"],
              requires=["token.is_sent_start", "doc._.sentence_token_starts"])
class CountryMatcher(RuleComponent):
    """Adds country mentions to ``doc.spans["country"]`` (see the module docstring)."""

    def load_data(self, models_dir: Path) -> dict[str, Any]:
        return load_gazetteer(models_dir)

    def setup(self) -> None:
        vocab = self.nlp.vocab
        self.fold = PhraseMatcher(vocab, attr="LOWER")
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        self.cities = PhraseMatcher(vocab, attr="LOWER")
        self.entries: dict[str, dict[str, str]] = {}
        fold: dict[str, list[Doc]] = {}
        exact: dict[str, list[Doc]] = {}
        for entry in self.data.get("entries", []):
            key = ("=" if entry["case"] == "exact" else "~") + entry["text"].lower()
            self.entries[key] = entry
            target = exact if entry["case"] == "exact" else fold
            target.setdefault(key, []).extend(self._pattern_docs(entry["text"]))
        for text in self.data.get("blocklist", []):
            fold.setdefault("!" + text.lower(), []).extend(self._pattern_docs(text))
        for key, docs in fold.items():
            self.fold.add(key, docs)
        for key, docs in exact.items():
            self.exact.add(key, docs)
        self.city_codes: dict[str, str] = {}
        for row in self.data.get("datelines", []):
            key = "@" + row["text"].lower()
            self.city_codes[key] = row["iso3"]
            self.cities.add(key, [self.nlp.make_doc(row["text"])])
        self.regions = frozenset(text.lower() for text in self.data.get("regions", []))
        self.region_length = max((len(self.nlp.make_doc(t)) for t in self.regions), default=1)
        self.not_names = frozenset(word.lower() for word in self.data.get("not_names", []))
        # Rules indexed by what they target, so a candidate only meets the rules that concern it.
        self.rules: dict[str, list[dict[str, Any]]] = {}
        for order, rule in enumerate(self.data.get("context", [])):
            kind, _, value = rule["target"].partition(":")
            if kind not in ("any", "text", "form", "file"):
                raise ValueError(f"context.csv: rule {rule['rule_id']!r} has target {rule['target']!r}; "
                                 "use text:, form:, file: or any")
            words = rule["pattern"].split()
            # The word right next to the candidate: most rules fail on it, which is cheap to test.
            adjacent = words[-1] if rule["side"] == "before" else words[0]
            self.rules.setdefault(rule["target"], []).append(
                dict(rule, words=words, order=order, adjacent=None if adjacent in _SPECIAL_WORDS else adjacent))
        self._rules_for: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        self.glued_words = frozenset(e["text"] for e in self.data.get("entries", []) if "." in e["text"])
        self._glued_shapes: dict[int, bool] = {}  # token shape → may hold a glued abbreviation

    def _pattern_docs(self, text: str) -> list[Doc]:
        """The pattern of ``text``, plus its curly-apostrophe spelling ("People’s Republic of China")."""
        variants = dict.fromkeys([text, text.replace("'", "’")])
        return [self.nlp.make_doc(variant) for variant in variants]

    def rules_for(self, text: str, entry: dict[str, str]) -> list[dict[str, Any]]:
        """The context rules that target a candidate with this text and gazetteer row, in file order."""
        key = (text.lower(), entry["form"], entry["file"])
        if key not in self._rules_for:  # bounded by the gazetteer's size
            found = [rule for target in ("any", f"text:{key[0]}", f"form:{key[1]}", f"file:{key[2]}")
                     for rule in self.rules.get(target, ())]
            self._rules_for[key] = sorted(found, key=lambda rule: rule["order"])
        return self._rules_for[key]

    def __call__(self, doc: Doc) -> Doc:
        # Everything here works on tokens: Doc.text joins every token and would cost more than the matching.
        _split_glued(doc, self.glued_words, self._glued_shapes)
        strings = self.nlp.vocab.strings
        spans = []
        for match_id, start, end in [*self.fold(doc), *self.exact(doc)]:
            key = strings[match_id]
            span = Span(doc, start, end, label=key)
            if key[0] != "=" and not _upper_first(span.text):
                continue  # "china", "turkey": common words, not countries
            spans.append(span)
        mentions = [span for span in filter_spans(spans) if span.label_[0] != "!"]
        if mentions:
            mentions = _Context(doc, mentions, self).apply()
        for span, entry, form in mentions:
            add_token_span(doc, GROUP, span.start, span.end, label=f"{entry['iso3']}:{form}",
                           rule_id=f"{entry['file']}:{form}")
        self._add_dateline_cities(doc, mentions)
        return doc

    def _add_dateline_cities(self, doc: Doc, mentions: Sequence[tuple[Span, dict[str, str], str]]) -> None:
        """Cities of datelines.csv at the start of a line, followed by a comma, a dash or the line's end."""
        taken = {i for span, _, _ in mentions for i in range(span.start, span.end)}
        for match_id, start, end in self.cities(doc):
            opens_line = start == 0 or "\n" in doc[start - 1].text
            closes = end == len(doc) or doc[end].text in _DATELINE_ENDS or "\n" in doc[end].text
            if not (opens_line and closes) or any(i in taken for i in range(start, end)):
                continue
            if not _upper_first(doc[start].text):
                continue
            iso3 = self.city_codes[self.nlp.vocab.strings[match_id]]
            add_token_span(doc, GROUP, start, end, label=f"{iso3}:city", rule_id="datelines.csv:city")


class _Context:
    """The context rules of context.csv applied to one document's candidates."""

    def __init__(self, doc: Doc, spans: list[Span], component: CountryMatcher) -> None:
        self.doc = doc
        self.spans = spans
        self.component = component
        self.candidate_tokens = {i for span in spans for i in range(span.start, span.end)}
        self.line_kinds: dict[int, str] = {}

    def apply(self) -> list[tuple[Span, dict[str, str], str]]:
        """``(span, gazetteer entry, form)`` for the candidates that stay country mentions."""
        kept = []
        persons: set[str] = set()
        for span in self.spans:
            entry = self.component.entries[span.label_]
            form = entry["form"]
            action = self.action(span, entry)
            if action == "person":
                persons.add(span.text.lower())
            if action in ("drop", "person"):
                continue
            kept.append((span, entry, "capital" if action == "place" else form))
        if persons:  # "Michael Jordan ... Jordan said": the bare name is the person too
            kept = [item for item in kept
                    if item[0].text.lower() not in persons or self._previous_word(item[0]) in _COUNTRY_CUES]
        return kept

    def action(self, span: Span, entry: dict[str, str]) -> str | None:
        """The first drop/person action that fires, else "place" if one fires, else None."""
        place = None
        doc = self.doc
        before = doc[span.start - 1].lower_ if span.start else None
        after = doc[span.end].lower_ if span.end < len(doc) else None
        for rule in self.component.rules_for(span.text, entry):
            adjacent = rule["adjacent"]
            if adjacent is not None and adjacent != (before if rule["side"] == "before" else after):
                continue
            if rule["lines"] == "caps" and self.line_kind(span) != "caps":
                continue
            if self._matches(span, rule["side"], rule["words"]):
                if rule["action"] != "place":
                    return rule["action"]
                place = "place"
        return place

    def _matches(self, span: Span, side: str, words: Sequence[str]) -> bool:
        doc = self.doc
        if side == "after":
            i = span.end
            for word in words:
                if word == "REGION":
                    length = self._region_at(i)
                    if not length:
                        return False
                    i += length
                    continue
                if i >= len(doc) or not self._word_matches(doc[i], word):
                    return False
                i += 1
            return True
        i = span.start - 1
        for word in reversed(words):
            if i < 0 or not self._word_matches(doc[i], word):
                return False
            i -= 1
        return True

    def _word_matches(self, token: Token, word: str) -> bool:
        if "\n" in token.text:
            return False  # rules never reach across a line
        if word == "NAME":
            return self._is_name(token)
        if word == "TOWN":
            return self._is_town(token)
        return token.lower_ == word

    def _is_town(self, token: Token) -> bool:
        return (token.is_title and token.is_alpha and not token.is_stop and not _opens_sentence(token)
                and token.i not in self.candidate_tokens)

    def _is_name(self, token: Token) -> bool:
        return (self._is_town(token) and token.lower_ not in self.component.not_names
                and self.line_kind(token) == "plain")

    def _region_at(self, i: int) -> int:
        """Number of tokens of a region name starting at token ``i`` (0 when none)."""
        doc = self.doc
        if i >= len(doc) or i in self.candidate_tokens:
            return 0
        for length in range(min(self.component.region_length, len(doc) - i), 0, -1):
            if doc[i:i + length].text.lower() in self.component.regions:
                return length
        return 0

    def _previous_word(self, span: Span) -> str:
        return self.doc[span.start - 1].lower_ if span.start else ""

    def line_kind(self, item: Span | Token) -> str:
        """"caps", "title" or "plain": the kind of the line holding ``item`` (cached per line)."""
        doc = self.doc
        start = item.start if isinstance(item, Span) else item.i
        while start > 0 and "\n" not in doc[start - 1].text:
            start -= 1
        if start not in self.line_kinds:
            end = start
            while end < len(doc) and "\n" not in doc[end].text:
                end += 1
            self.line_kinds[start] = _line_kind(doc[start:end].text)
        return self.line_kinds[start]


def _line_kind(line: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’.-]*", line) if len(w) > 1]
    if not words:
        return "plain"
    if sum(w.isupper() for w in words) >= 0.8 * len(words):
        return "caps"
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
        return "title"
    return "plain"


def _opens_sentence(token: Token) -> bool:
    return token.i == 0 or bool(token.is_sent_start) or "\n" in token.nbor(-1).text


def _upper_first(text: str) -> bool:
    for char in text:
        if char.isalpha():
            return char.isupper()
    return False


def _split_glued(doc: Doc, known: frozenset[str], shapes: dict[int, bool]) -> None:
    """Split tokens such as "U.S.-led" or "E.C.-U.S." so that the abbreviation is a token of its own.

    spaCy's English tokenizer does not split a hyphen that follows a period; only tokens with a
    part the gazetteer knows are split (the other tokens are left as the tokenizer made them).
    Candidates are found by token shape ("X.X.-xxx"), which repeats across documents, so
    ``shapes`` caches the verdict per shape and the words themselves are read only for candidates.
    """
    strings = doc.vocab.strings
    shape_ids = doc.to_array(SHAPE)
    candidates = []
    for shape in set(shape_ids.tolist()):
        verdict = shapes.get(shape)
        if verdict is None:
            if len(shapes) > 100_000:  # shapes are few; this only bounds a pathological input
                shapes.clear()
            verdict = shapes[shape] = bool(_GLUED.search(strings[shape].replace("x", "a").replace("X", "A")))
        if verdict:
            candidates.extend((shape_ids == shape).nonzero()[0].tolist())
    splits: dict[int, list[str]] = {}
    for i in candidates:
        word = doc[i].text
        parts = [part for part in _SEPARATORS.split(word) if part]
        if _GLUED.search(word) and len(parts) > 1 and any(part in known for part in parts):
            splits[i] = parts
    if not splits:
        return
    with doc.retokenize() as retokenizer:
        for i, parts in splits.items():
            token = doc[i]
            retokenizer.split(token, parts, heads=[(token, 0)] * len(parts))
    # The sentence component's token indexes move right by the tokens each split adds before them.
    starts = doc._.sentence_token_starts
    if starts is not None:
        added = sorted((i, len(parts) - 1) for i, parts in splits.items())
        doc._.sentence_token_starts = [start + sum(n for i, n in added if i < start) for start in starts]


def main(argv: Iterable[str]) -> int:
    """``--regenerate``: rewrite models/countries/countries.csv from pycountry."""
    from pipeline.config import MODELS_DIR

    if list(argv) != ["--regenerate"]:
        print("usage: python -m pipeline.nlp.countries --regenerate", file=sys.stderr)
        return 2
    path = MODELS_DIR / FOLDER / "countries.csv"
    count = write_iso_table(path)
    print(f"wrote {count} countries to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
