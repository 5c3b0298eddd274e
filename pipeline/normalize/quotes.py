"""Quotes: ``quote`` and ``cue`` mentions → ``quotes`` rows with their speakers.

A pure function over one article. The speaker of a quotation is found by
rules over its sentence and its neighbours, in this order:

1. its own attribution: the cue right after it (", he said"), the cues
   before it in the same stretch of reporter's text, the previous quotation
   of the same sentence, then cues further away in the sentence; the
   speaker's noun phrase stands on the cue's side ("Akazawa told reporters",
   "said Akazawa", "according to Japan's top trade negotiator", "he was
   quoted … as saying", "Kyodo quoted him as saying"); a "Name:" label before
   a quotation also names it. An outlet relaying a person ("Khamenei said …,
   “…,” the radio reported") yields to the person;
2. the parts of a multi-paragraph quotation share the speaker one part names;
3. a quotation whose sentence has no cue takes the speaker of the previous
   quotation in its paragraph, of the reported speech just before it
   ("Yeutter said talks stall. "Countries don't …""), of the subject opening
   the next sentence ("“…” Gros reiterated that …") or — when its paragraph
   is nothing but the quotation — of the quotation in the paragraph before;
4. a quotation in the headline that the body repeats, quoted or reported,
   takes the body's speaker.

Speaker phrases are resolved to names: a person mention to the person's
fullest name (through ``done["people"]``, with the official id); "he"/"she"
to the person last named as a subject; "it"/"they" to the organization or
group that spoke last; "the minister" to the person holding that title, an
epithet ("the Maryland Democrat") to the person just named, a description
that opens the story ("Japan's top trade negotiator") to the person the next
sentence names as speaker; an unnamed source to its organization ("a MITI
official" → MITI) or its description ("one diplomat" → "diplomat"); "the
editorial" to the newspaper named before it. When nothing fits, the speaker
stays null (unknown) rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from pathlib import Path
from typing import Any, NamedTuple

from pipeline.articles import short_hash
from pipeline.normalize.registry import Normalizer
from pipeline.rulefiles import read_rows
from pipeline.views import ArticleView, Mention, Sentence

PERSON_KINDS = ("official", "person")
# Speaker kinds "he"/"she" may stand for: a named person, an untagged name, an unnamed single source.
SINGLE_KINDS = ("person", "name", "unnamed")
# Which speaker a cue prefers when its phrases name several (an apposition: "One of the leaders, Elmano Barbosa").
KIND_ORDER = ("person", "name", "organization", "unnamed", "group")
UNBALANCED_RULES = frozenset({"quotes:unclosed", "quotes:unopened"})
REOPENED_RULE = "quotes:reopened"
MARKS = "\"“”‘’'`«»"
# How far back a pronoun looks for the person it stands for, and an epithet ("the Maryland Democrat"), in sentences.
PRONOUN_REACH = 6
EPITHET_REACH = 2
# Longest speaker noun phrase, in tokens.
MAX_PHRASE_TOKENS = 10
# Words between a quotation's closing mark and a cue that still attributes it ("," Ryosei Akazawa told).
ATTRIBUTION_WORDS = 8
# Words a "Name:" label before a quotation may have.
MAX_LABEL_WORDS = 15

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9](?:[\w&’'-]*\w)?(?:(?<=s)['’](?!\w))?|[^\w\s]")
# The same tokens captured, so that `split` keeps them between the gaps.
_TOKEN_OR_GAP = re.compile(f"({_TOKEN.pattern})", _TOKEN.flags)
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
# Compiled once: `_bare` and `_surname` run for most tokens the rules read.
_POSSESSIVE_ENDING = re.compile(r"['’]s?$")
_NAME_WORD = re.compile(r"[\w’'-]+")
# Lower-case particles inside personal names.
_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|de|da|di|du|van|von|der|den|le|la)(?:-[A-Z]\w*)?$")
_BULLET = re.compile(r"^(?:[-*•>#]+\s*|\*\*)+")
# Short words a name in title case may keep in lower case ("Alliance for the Future").
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "&"})


@dataclass(frozen=True)
class QuoteLexicon:
    """The word lists the speaker rules read (from ``models/quotes`` and ``models/lexicons``)."""

    cue_forms: frozenset[str]
    sources: Mapping[str, str]
    words: Mapping[str, str]
    abbreviations: frozenset[str]

    def word_class(self, word: str) -> str | None:
        """The class of a function word ("he" → person_pronoun), or None."""
        return self.words.get(word.lower())


def load(models_dir: Path) -> QuoteLexicon:
    """Read the cue forms, source nouns, function words and abbreviations once per process."""
    folder = models_dir / "quotes"
    abbreviations = [line.strip() for line in (models_dir / "lexicons" / "abbreviations.txt")
                     .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return QuoteLexicon(
        cue_forms=frozenset(r["form"] for r in read_rows(folder / "cues.csv")),
        sources={r["noun"]: r["class"] for r in read_rows(folder / "sources.csv")},
        words={r["word"]: r["class"] for r in read_rows(folder / "words.csv") if " " not in r["word"]},
        abbreviations=frozenset(abbreviations),
    )


# -- typed pieces ---------------------------------------------------------------------------------------

class Token(NamedTuple):
    """A word or punctuation character of the article, with its offsets (a tuple: articles have many)."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quotation: the resolved name, the official id, the words that named them, and what they are."""

    name: str | None
    official_id: str | None
    text: str
    kind: str  # person, organization, group, unnamed
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation with its exact inside offsets, its kind and rule."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue: offsets, lemma and the side its speaker stands on."""

    start: int
    end: int
    lemma: str
    side: str
    sense: str


def exact_bounds(text: str, mention: Mention) -> tuple[int, int, int, int]:
    """``(start, end, outer_start, outer_end)`` of a quotation mention: its inside text and with its marks.

    The component stores spans on token boundaries; a token glued to a mark
    (``added."If``) widens the span, so the marks are found again here.
    """
    start, end = mention.start, mention.end
    if not (start > 0 and text[start - 1] in MARKS):
        first = re.match(r"\S*", text[start:end]).group()
        position = max(first.rfind(ch) for ch in MARKS)
        if position >= 0:
            start += position + 1
    if not (end < len(text) and text[end] in MARKS) and mention.rule_id != "quotes:unclosed" \
            and mention.rule_id != REOPENED_RULE:
        last = re.search(r"\S*$", text[start:end]).group()
        marks = [last.find(ch) for ch in MARKS if ch in last]
        if marks:
            end = end - len(last) + min(marks)
    # Tokenized text puts a space inside the marks ("`` No , Sir").
    outer_start = start
    while outer_start > 0 and text[outer_start - 1] == " ":
        outer_start -= 1
    if outer_start > 0 and text[outer_start - 1] in MARKS:
        while outer_start > 0 and text[outer_start - 1] in MARKS:
            outer_start -= 1
    else:
        outer_start = start
    outer_end = end
    while outer_end < len(text) and text[outer_end] == " ":
        outer_end += 1
    if outer_end < len(text) and text[outer_end] in MARKS:
        while outer_end < len(text) and text[outer_end] in MARKS:
            outer_end += 1
    else:
        outer_end = end
    return start, end, outer_start, outer_end


# -- the article's view for the rules ---------------------------------------------------------------------

class _Tokens(Sequence[Token]):
    """The article's tokens, as a list of them reads, each built the first time it is read (then kept).

    The rules read about a fifth of an article's tokens, around its quotations: building a tuple for
    every token cost more than the rules did, and offsets and texts in flat lists cost little (nor
    does the garbage collector follow them). The offsets come from a split rather than a match object
    per token: `split` hands back the text as gaps and tokens taking turns (gap, token, gap, …, gap),
    so the running sum of their lengths gives every offset. A token read twice is the same object, as
    in a list (the rules compare tokens by identity).
    """

    __slots__ = ("starts", "_ends", "_texts", "_built")

    def __init__(self, text: str) -> None:
        parts = _TOKEN_OR_GAP.split(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        self.starts: list[int] = offsets[1:-1:2]
        self._ends: list[int] = offsets[2::2]
        self._texts: list[str] = parts[1::2]
        self._built: list[Token | None] = [None] * len(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._texts)))]
        token = self._built[index]
        if token is None:
            # `tuple.__new__` skips the named tuple's Python-level constructor.
            token = self._built[index] = tuple.__new__(Token, (self.starts[index], self._ends[index],
                                                               self._texts[index]))
        return token

    def __iter__(self) -> Iterator[Token]:
        return map(self.__getitem__, range(len(self._texts)))


class _Article:
    """Indexes over one article that the speaker rules share: tokens, sentences, mentions, people."""

    def __init__(self, article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                 done: Mapping[str, list[dict]], lexicon: QuoteLexicon) -> None:
        self.text = article.text
        self.body_start = article.body_start
        self.lexicon = lexicon
        self.tokens = _Tokens(self.text)
        self.token_starts = self.tokens.starts
        self.sentences = sorted(((s.start, s.end, s.paragraph) for s in sentences)) or self._line_sentences()
        self.sentence_starts = [s[0] for s in self.sentences]
        self.by_kind: dict[str, list[Mention]] = {}
        for mention in mentions:
            self.by_kind.setdefault(mention.kind, []).append(mention)
        self.mention_by_id = {m.mention_id: m for m in mentions}
        self.people = list(done.get("people") or [])
        self.officials = list(done.get("officials") or [])
        self.person_of: dict[str, dict] = {}
        for row in self.people:
            for mention_id in row.get("mention_ids") or ():
                self.person_of[mention_id] = row
        self.official_of: dict[str, str] = {}
        for row in self.officials:
            for mention_id in row.get("mention_ids") or ():
                self.official_of[mention_id] = row["official_id"]
        self.persons = self._dedupe([m for kind in PERSON_KINDS for m in self.by_kind.get(kind, [])])
        self.forms_by_surname: dict[str, list[str]] = {}
        for mention in self.persons:
            form = _name_form(mention)
            self.forms_by_surname.setdefault(_surname(form), []).append(form)
        self.quotes: list[Quote] = []
        self.resolved: list[tuple[Quote, Speaker | None]] = []
        self.cues = sorted((Cue(m.start, m.end, m.label or m.text.lower(), *_side_sense(m.rule_id))
                            for m in self.by_kind.get("cue", [])), key=lambda c: (c.start, c.end))

    def _line_sentences(self) -> list[tuple[int, int, int]]:
        out, offset = [], 0
        for index, line in enumerate(self.text.split("\n")):
            if line.strip():
                out.append((offset, offset + len(line), index))
            offset += len(line) + 1
        return out

    @staticmethod
    def _dedupe(mentions: list[Mention]) -> list[Mention]:
        """One mention per stretch of text: the longest, a ``person`` before an ``official`` of the same span."""
        out: list[Mention] = []
        for mention in sorted(mentions, key=lambda m: (m.start, -m.end, m.kind != "person")):
            if out and mention.start < out[-1].end and mention.end <= out[-1].end:
                continue
            out.append(mention)
        return out

    # positions
    def sentence_of(self, position: int) -> int:
        return max(bisect_right(self.sentence_starts, position) - 1, 0)

    def paragraph_of(self, position: int) -> int:
        return self.text.count("\n", 0, position)

    def token_at_or_after(self, position: int) -> int:
        return bisect_right(self.token_starts, position - 1)

    def inside_quote(self, position: int) -> bool:
        return any(q.outer_start <= position < q.outer_end for q in self.quotes)

    def possessive(self, mention: Mention) -> bool:
        return bool(_POSSESSIVE.search(mention.text)) or bool(re.match(r"['’]s\b", self.text[mention.end:]))

    def mentions_in(self, kinds: Sequence[str], start: int, end: int) -> list[Mention]:
        found = [m for kind in kinds for m in self.by_kind.get(kind, []) if m.start < end and m.end > start]
        return self._dedupe(found)


def _side_sense(rule_id: str | None) -> tuple[str, str]:
    """``(side, sense)`` from a cue's rule id ``cues.csv:<side>:<sense>``."""
    parts = (rule_id or "").split(":")
    side = parts[1] if len(parts) > 1 and parts[1] in ("either", "left", "right") else "either"
    sense = parts[2] if len(parts) > 2 and parts[2] in ("speech", "mixed") else "mixed"
    return side, sense


# -- from a noun phrase to a speaker ----------------------------------------------------------------------

def person_row(art: _Article, mention: Mention) -> dict | None:
    """The ``people`` row of a person mention: by mention id, by overlap, then by surname."""
    row = art.person_of.get(mention.mention_id)
    if row is not None:
        return row
    for other_id, other in art.person_of.items():
        found = art.mention_by_id.get(other_id)
        if found is not None and found.start < mention.end and found.end > mention.start:
            return other
    surname = _surname(mention.label if mention.kind == "person" and mention.label else mention.text)
    matches = [r for r in art.people if _surname(r["name"]) == surname]
    return matches[0] if len(matches) == 1 else None


def _bare(word: str) -> str:
    """A word in lower case without its possessive ending ("ministers'" → "ministers")."""
    return _POSSESSIVE_ENDING.sub("", word.lower())


def _surname(name: str) -> str:
    words = _NAME_WORD.findall(_POSSESSIVE.sub("", name or ""))
    return words[-1].lower() if words else ""


def _name_form(mention: Mention) -> str:
    """A person mention's name: its label (the fullest form the rules saw) for ``person``, else its text."""
    return _POSSESSIVE.sub("", mention.label if mention.kind == "person" and mention.label else mention.text)


def fullest_name(art: _Article, mention: Mention) -> str:
    """The fullest form of a person's name the mentions give ("Ryosei Akazawa" for "Akazawa")."""
    forms = art.forms_by_surname.get(_surname(mention.text), []) + [_name_form(mention)]
    return max(forms, key=lambda form: (len(form.split()), not form.isupper(), len(form)))


def person_speaker(art: _Article, mention: Mention, text: str | None = None) -> Speaker:
    """The speaker a person mention names (fullest name and official id when known)."""
    row = person_row(art, mention)
    name = fullest_name(art, mention)
    official_id = art.official_of.get(mention.mention_id)
    if row is not None:
        name = row["name"]
        official_id = official_id or row.get("official_id")
        if official_id is None:
            for other in row.get("mention_ids") or ():
                official_id = official_id or art.official_of.get(other)
    return Speaker(name, official_id, text if text is not None else mention.text, "person")


def _strip_determiners(art: _Article, tokens: list[Token]) -> list[Token]:
    while tokens and (art.lexicon.word_class(tokens[0].lower) == "determiner" or not tokens[0].is_word):
        tokens = tokens[1:]
    return tokens


def _text_of(art: _Article, tokens: list[Token]) -> str:
    return art.text[tokens[0].start:tokens[-1].end] if tokens else ""


def resolve_phrase(art: _Article, first: int, last: int, position: int, *, prefer_last: bool,
                   pronouns: bool = True, unnamed: bool = False) -> Speaker | None:
    """The speaker named by tokens ``first..last`` (a noun phrase next to a cue), or None.

    ``position`` is where the phrase stands (pronouns look back from there);
    ``prefer_last`` picks the organization or title nearest the end (left of
    a cue, the head comes last) rather than the first one; ``pronouns`` False
    leaves pronouns unresolved (used while resolving another pronoun);
    ``unnamed`` lets any noun phrase after an article be an unnamed source
    (only in the subject place of a speech verb: "an arbitrageur said").
    """
    if first > last:
        return None
    tokens = art.tokens[first:last + 1]
    start, end = tokens[0].start, tokens[-1].end
    words = [t for t in tokens if t.is_word]
    if len(words) == 1 and art.lexicon.word_class(words[0].lower) in _PRONOUNS:
        return resolve_pronoun(art, words[0], position) if pronouns else None
    persons = [m for m in art.mentions_in(PERSON_KINDS, start, end) if not art.possessive(m)]
    if persons:  # the head of a noun phrase comes last ("said Uralsib analyst Chris Weafer")
        return person_speaker(art, persons[-1])
    named = proper_name(art, words, min_words=2)
    if named is not None:
        return named
    titles = [m for m in art.mentions_in(("title",), start, end) if not art.possessive(m)]
    for title in titles[::-1] if prefer_last else titles:
        holder = title_holder(art, title.text, position)
        if holder is not None:
            return replace(holder, text=_text_of(art, tokens))
    head = _head(art, words)
    source_class = art.lexicon.sources.get(_bare(head.text)) if head else None
    organizations = [m for m in art.mentions_in(("organization",), start, end) if not art.possessive(m)]
    if source_class in ("publication", "document"):
        return resolve_publication(art, tokens, source_class, position)
    if organizations:
        chosen = organizations[-1] if prefer_last else organizations[0]
        name = (chosen.label or chosen.text).split("|")[0]
        return Speaker(name, None, _text_of(art, tokens), "organization")
    if source_class in ("role", "group"):
        return resolve_unnamed(art, tokens, head, source_class, position)
    countries = [m for m in art.mentions_in(("country",), start, end) if not art.possessive(m)]
    if countries:
        chosen = countries[-1] if prefer_last else countries[0]
        if chosen.end >= end - 1 or len(words) <= 2:
            return Speaker(chosen.text, None, chosen.text, "organization")
    named = proper_name(art, words, min_words=1)
    if named is not None:
        return named
    if unnamed and len(words) >= 2 and art.lexicon.word_class(words[0].lower) == "determiner" and head is not None \
            and head.text.islower() and art.lexicon.word_class(head.lower) is None:
        # "an arbitrageur said": a noun phrase in the speaker's place is an unnamed source.
        core = _strip_determiners(art, tokens)
        return Speaker(_text_of(art, core), None, _text_of(art, tokens), "unnamed")
    return None


def _head(art: _Article, words: list[Token]) -> Token | None:
    """The head word of a noun phrase: its last word ("ministers'" before a verb is a plural, not a possessive)."""
    return words[-1] if words else None


def proper_name(art: _Article, words: list[Token], *, min_words: int) -> Speaker | None:
    """A speaker named by capitalized words no rule tagged ("Jim Press", "Kyodo News"), or None.

    The words must end the phrase (its head), perhaps before a participle
    ("said Uralsib analyst Chris Weafer commenting …"), and must not be a
    tagged organization, country or title.
    """
    tagged = art.mentions_in(("organization", "country", "title"), words[0].start, words[-1].end) if words else []

    def is_tagged(token: Token) -> bool:
        return any(m.start < token.end and m.end > token.start for m in tagged)

    end = len(words)
    if end > 1 and words[-1].text.islower() and words[-1].text.endswith("ing"):
        end -= 1
    place = end - 1
    while place >= 0 and is_tagged(words[place]):
        place -= 1
    if 1 <= place < end - 1 and words[place].lower == "of":
        end = place  # "Manaspas Xuto of Thailand": the name comes before its place
    lead = [t for t in words if art.lexicon.word_class(t.lower) != "determiner"]
    opening: list[Token] = []
    for token in lead:
        if token.text[0].isupper() and not is_tagged(token) and art.lexicon.word_class(token.lower) is None \
                and not _POSSESSIVE.search(token.text):
            opening.append(token)
        else:
            break
    if len(opening) >= 2 and len(lead) > len(opening) and lead[len(opening)].lower == "of":
        end = words.index(opening[-1]) + 1  # "Shuichi Takemoto of the Foreign Ministry": the name opens the phrase
    run: list[Token] = []
    for token in reversed(words[:end]):
        free = not is_tagged(token)
        if run and _PARTICLE.match(token.text) and free:
            run.insert(0, token)  # "Ali al-Khalifa al-Sabah", "Willy de Clercq"
            continue
        if token.text[0].isupper() and not _POSSESSIVE.search(token.text) and free \
                and art.lexicon.word_class(token.lower) is None:
            run.insert(0, token)
        else:
            break
    run = [t for t in run if not re.search(r"-(?:based|owned|led|run)$", t.text)]
    while run and _PARTICLE.match(run[0].text):
        run = run[1:]
    if run and _bare(run[-1].text) in art.lexicon.sources:
        return None  # "the Maryland Democrat", "Committee Republicans": a description, not a name
    while len(run) > 2 and run[0].text.isupper():
        run = run[1:]  # "Chrysler LLC Jim Press": a company suffix before the name
    if len(run) < min_words or (run and all(t.text.isupper() for t in run) and min_words > 1):
        return None
    name = _text_of(art, run)
    matches = [r for r in art.people if _surname(r["name"]) == _surname(name)]
    if len(matches) == 1:
        return Speaker(matches[0]["name"], matches[0].get("official_id"), name, "person")
    return Speaker(name, None, name, "name")


def title_holder(art: _Article, title: str, position: int) -> Speaker | None:
    """The person whose title is ``title`` (from people rows, then official mentions' labels)."""
    wanted = title.lower().strip()
    rows = [r for r in art.people if r.get("title") and (r["title"].lower() == wanted
                                                         or wanted.endswith(r["title"].lower())
                                                         or r["title"].lower().endswith(wanted))]
    if len({r["name"] for r in rows}) == 1:
        row = rows[0]
        return Speaker(row["name"], row.get("official_id"), title, "person")
    labelled = [m for m in art.by_kind.get("official", []) if m.label and m.label.lower().endswith(wanted)]
    if len({person_speaker(art, m).name for m in labelled}) == 1:
        return replace(person_speaker(art, labelled[0]), text=title)
    return None


def resolve_pronoun(art: _Article, token: Token, position: int) -> Speaker | None:
    """The person, group or organization a speaker pronoun stands for, or None."""
    kind = art.lexicon.word_class(token.lower)
    if kind == "person_pronoun":
        found = salient_person(art, position)
        return replace(found, text=token.text) if found else None
    spoken = [s for q, s in art.resolved if q.outer_end <= position and s is not None]
    wanted = ("organization", "name") if kind == "thing_pronoun" else ("group", "organization", "name")
    for speaker in reversed(spoken):
        if speaker.kind in wanted:
            return replace(speaker, text=token.text)
    if kind == "thing_pronoun":
        before = [m for m in art.by_kind.get("organization", []) if m.end <= position
                  and not art.inside_quote(m.start)]
        if before:
            return Speaker((before[-1].label or before[-1].text).split("|")[0], None, token.text, "organization")
    return None


def salient_person(art: _Article, position: int, *, reach: int = PRONOUN_REACH) -> Speaker | None:
    """The person "he"/"she" at ``position`` most likely stands for.

    Earlier in the same sentence: its first person mention ("Akazawa said he").
    Otherwise the nearest earlier sentence that names a person outside quotes,
    skipping sentences whose subject is itself a pronoun; in it, the speaker
    of its quotation or its first person named (possessives never count).
    """
    index = art.sentence_of(position)
    start = art.sentences[index][0]
    same = [m for m in art.persons if start <= m.start and m.end <= position
            and not art.possessive(m) and not art.inside_quote(m.start)]
    if same:
        return person_speaker(art, same[0])
    for back in range(index - 1, max(index - 1 - reach, -1), -1):
        s_start, s_end, _ = art.sentences[back]
        spoken = [s for q, s in art.resolved if s_start <= q.outer_start < s_end and s and s.kind in SINGLE_KINDS]
        if spoken:
            return spoken[0]
        if _starts_with_pronoun(art, s_start, s_end):
            continue
        for cue in art.cues:
            if s_start <= cue.start < s_end and not art.inside_quote(cue.start):
                speaker = cue_speaker(art, cue, *_cue_bounds(art, cue, s_start, s_end), pronouns=False)
                if speaker is not None and speaker.kind in ("person", "name"):
                    return speaker
        named = [m for m in art.persons if s_start <= m.start < s_end
                 and not art.possessive(m) and not art.inside_quote(m.start)]
        if named:
            return person_speaker(art, named[0])
        subject = _subject_name(art, s_start, s_end)
        if subject is not None:
            return subject
    return None


def _subject_name(art: _Article, start: int, end: int) -> Speaker | None:
    """An untagged name of two or more capitalized words opening a sentence ("Jeffrey Leeds of Chemical Bank")."""
    first = art.token_at_or_after(start)
    run: list[Token] = []
    for token in art.tokens[first:first + 4]:
        if token.end > end or not token.is_word or not token.text[0].isupper() or token.text.isupper() \
                or art.lexicon.word_class(token.lower) is not None or _POSSESSIVE.search(token.text):
            break
        run.append(token)
    if len(run) < 2 or art.mentions_in(("organization", "country", "title"), run[0].start, run[-1].end):
        return None
    following = art.tokens[first + len(run)] if first + len(run) < len(art.tokens) else None
    if following is None or not (following.text.islower() or following.text == ","):
        return None
    return proper_name(art, run, min_words=2)


def _starts_with_pronoun(art: _Article, start: int, end: int) -> bool:
    first = art.token_at_or_after(start)
    words = [t for t in art.tokens[first:first + 3] if t.end <= end and t.is_word]
    for token in words[:2]:
        if art.lexicon.word_class(token.lower) == "person_pronoun":
            return True
        if token.lower not in ("but", "and", "however", "meanwhile", "then", "so"):
            return False
    return False


def resolve_unnamed(art: _Article, tokens: list[Token], head: Token, source_class: str,
                    position: int) -> Speaker | None:
    """An unnamed source: the title holder for "the minister", else a description ("diplomat")."""
    while tokens and (tokens[0].lower == "of" or art.lexicon.word_class(tokens[0].lower) == "boundary"):
        tokens = tokens[1:]  # "the comments of the Mexican President, who said"
    words = [t for t in tokens if t.is_word]
    definite = bool(words) and words[0].lower in ("the", "this", "that")
    if definite and source_class == "role":
        holder = title_holder(art, head.text, position)
        if holder is not None:
            return replace(holder, text=_text_of(art, tokens))
    core = _strip_determiners(art, [t for t in tokens if not _POSSESSIVE.search(t.text) or t is head])
    core = [t for t in core if t.start >= head.start or art.lexicon.word_class(t.lower) is None]
    description = _text_of(art, core) or head.text
    earlier = _earlier_description(art, head, position) if definite else None
    if earlier and len(earlier) > len(description):
        description = earlier
    if definite and earlier is None and source_class == "role" and any(t.text[0].isupper() for t in core):
        # An epithet for the person just named: "Sen. Paul Sarbanes said … the Maryland Democrat said".
        person = salient_person(art, position, reach=EPITHET_REACH)
        if person is not None:
            return replace(person, text=_text_of(art, tokens))
    specific = (definite and earlier is None) or any(_POSSESSIVE.search(t.text) for t in tokens if t is not head)
    if specific and source_class == "role":
        named = named_next(art, position)
        if named is not None:
            return replace(named, text=_text_of(art, tokens))
    description = re.sub(r"['’]s?$", "", description)
    kind = "group" if source_class == "group" else "unnamed"
    return Speaker(description, None, _text_of(art, tokens), kind)


def named_next(art: _Article, position: int) -> Speaker | None:
    """The person the next sentence names as a speaker, for a specific description before it.

    News copy introduces a source by role and names them right after
    ("…, according to Japan's top trade negotiator. “…,” Ryosei Akazawa told
    reporters"); only a person mention right beside a cue counts.
    """
    index = art.sentence_of(position) + 1
    if index >= len(art.sentences):
        return None
    s_start, s_end, _ = art.sentences[index]
    for cue in art.cues:
        if not s_start <= cue.start < s_end or art.inside_quote(cue.start):
            continue
        for found in [*left_phrases(art, cue, s_start), right_phrase(art, cue, s_end)]:
            if found is None:
                continue
            tokens = art.tokens[found[0]:found[1] + 1]
            persons = [m for m in art.mentions_in(PERSON_KINDS, tokens[0].start, tokens[-1].end)
                       if not art.possessive(m)]
            if persons:
                return person_speaker(art, persons[-1])
    return None


def _earlier_description(art: _Article, head: Token, position: int) -> str | None:
    """The fullest earlier phrase with the same head noun ("EC foreign ministers" for "the ministers")."""
    stem = _bare(head.text)
    best = None
    for i, token in enumerate(art.tokens):
        if token.start >= head.start:
            break
        if _bare(token.text) != stem or art.inside_quote(token.start):
            continue
        j = i
        while j > 0 and art.tokens[j - 1].is_word and art.lexicon.word_class(art.tokens[j - 1].lower) is None \
                and art.tokens[j - 1].lower not in art.lexicon.cue_forms and i - j < 3:
            j -= 1
        phrase = art.text[art.tokens[j].start:token.end]
        if best is None or len(phrase) >= len(best):
            best = phrase
    return best


def resolve_publication(art: _Article, tokens: list[Token], source_class: str, position: int) -> Speaker | None:
    """A newspaper or agency by its name; a document ("the editorial") by the publication named before."""
    if source_class == "publication":
        name = _publication_name(art, tokens)
        if name:
            return Speaker(name, None, _text_of(art, tokens), "organization")
    for back in range(art.token_at_or_after(tokens[0].start) - 1, -1, -1):
        token = art.tokens[back]
        if art.lexicon.sources.get(token.lower) == "publication" and not art.inside_quote(token.start):
            phrase = _publication_phrase(art, back)
            name = _publication_name(art, phrase)
            if name:
                return Speaker(name, None, _text_of(art, tokens), "organization")
    description = _text_of(art, _strip_determiners(art, tokens))
    if source_class == "document" and " " not in description:
        # "the statement said": the organization of the sentence that first mentioned the statement issued it.
        noun = _bare(tokens[-1].text)
        for token in art.tokens[:art.token_at_or_after(tokens[0].start)]:
            if _bare(token.text) == noun and not art.inside_quote(token.start):
                s_start, s_end, _ = art.sentences[art.sentence_of(token.start)]
                issuers = [m for m in art.mentions_in(("organization",), s_start, s_end) if not art.possessive(m)
                           and not art.inside_quote(m.start)]
                if issuers:
                    return Speaker((issuers[0].label or issuers[0].text).split("|")[0], None,
                                   _text_of(art, tokens), "organization")
                break
    return Speaker(description, None, _text_of(art, tokens), "unnamed") if " " in description else None


def _publication_phrase(art: _Article, index: int) -> list[Token]:
    first, last = index, index
    while first > 0 and art.tokens[first - 1].is_word and index - first < 5:
        first -= 1
    while last + 1 < len(art.tokens) and art.tokens[last + 1].is_word and last - index < 4:
        last += 1
    return art.tokens[first:last + 1]


def _publication_name(art: _Article, tokens: list[Token]) -> str | None:
    """The capitalized run beside a publication noun ("International Business newspaper")."""
    heads = [i for i, t in enumerate(tokens) if art.lexicon.sources.get(t.lower) == "publication"]
    if not heads:
        return None
    head = heads[-1]
    before = []
    for token in reversed(tokens[:head]):
        if token.is_word and token.text[0].isupper() and art.lexicon.word_class(token.lower) is None:
            before.insert(0, token)
        else:
            break
    after = []
    for token in tokens[head + 1:]:
        if token.is_word and token.text[0].isupper() and art.lexicon.word_class(token.lower) is None:
            after.append(token)
        else:
            break
    run = before or after
    return _text_of(art, run) if run else None


# -- speaker phrases next to cues -------------------------------------------------------------------------

def _is_boundary(art: _Article, token: Token, *, right: bool) -> bool:
    if not token.is_word:
        if token.text == "." and right is False:
            return True
        return token.text not in ("-", "&")
    kind = art.lexicon.word_class(token.lower)
    if kind == "boundary":
        return not (right and token.lower in ("and", "by"))
    return kind == "relative"  # "said Bouey, who was replaced by …": the clause is not the speaker


_PRONOUNS = ("person_pronoun", "group_pronoun", "thing_pronoun")
# How far back an apposition's opening comma may be ("Kaoru Yosano, the Japanese minister of fiscal policy, said").
MAX_APPOSITION_TOKENS = 14
# Words before a participle cue whose speaker is the sentence's subject ("justified his choice by saying").
_GERUND_LEADS = frozenset({"by", "after", "before", "while", "when", "in", "without"})
_OPENING_WORDS = frozenset({"but", "and", "however", "meanwhile", "then", "so", "still", "yet"})


def _noun_phrase_ending(art: _Article, last: int, floor: int) -> tuple[int, int] | None:
    """The noun phrase whose last token is ``last``, extended left to a boundary (at most `MAX_PHRASE_TOKENS`)."""
    k = last
    while k >= 0 and art.tokens[k].start >= floor and last - k < MAX_PHRASE_TOKENS:
        token = art.tokens[k]
        kind = art.lexicon.word_class(token.lower)
        if _is_boundary(art, token, right=False) and not _abbreviation_period(art, k):
            break
        if kind in ("relative",) + _PRONOUNS and k < last or token.lower in art.lexicon.cue_forms and k < last:
            break
        k -= 1
    return (k + 1, last) if k + 1 <= last else None


def sentence_subject(art: _Article, position: int) -> tuple[int, int] | None:
    """The subject that opens the sentence at ``position``: a pronoun or a person named in its first words."""
    s_start = art.sentences[art.sentence_of(position)][0]
    k = art.token_at_or_after(s_start)
    while k < len(art.tokens) and (art.tokens[k].lower in _OPENING_WORDS or not art.tokens[k].is_word):
        k += 1
    if k >= len(art.tokens) or art.tokens[k].start >= position:
        return None
    if art.lexicon.word_class(art.tokens[k].lower) in _PRONOUNS:
        return k, k
    window_end = art.tokens[min(k + 3, len(art.tokens) - 1)].end
    persons = [m for m in art.persons if art.tokens[k].start <= m.start < window_end and m.end <= position]
    if persons:
        first = art.token_at_or_after(persons[0].start)
        last = art.token_at_or_after(persons[0].end) - 1
        return first, last
    named = _subject_name(art, art.tokens[k].start, position)
    if named is not None:
        return k, art.token_at_or_after(art.tokens[k].start + len(named.text)) - 1
    if art.lexicon.word_class(art.tokens[k].lower) == "determiner":  # "The senior banker was opposed, saying"
        for j in range(k + 1, min(k + 5, len(art.tokens))):
            if art.tokens[j].start >= position or not art.tokens[j].is_word:
                break
            if _bare(art.tokens[j].text) in art.lexicon.sources:
                return k, j
    return None


def left_phrases(art: _Article, cue: Cue, floor: int) -> list[tuple[int, int]]:
    """Token ranges that may name the speaker before a cue, best first.

    Fillers between speaker and cue are skipped ("Tamura earlier today said",
    "he was quoted"); a pronoun right before the cue is the whole phrase ("Of
    the plan he said"); a participle after a comma takes the sentence's
    subject ("Sambur defended it, saying");
    "X, who said" points to X; an apposition gives both its sides ("Kaoru
    Yosano, the Japanese minister, said"); "and"/"but" before the cue hands
    over to the sentence's subject ("He pointed to it but stated").
    """
    k = art.token_at_or_after(cue.start) - 1
    while k >= 0 and art.tokens[k].start >= floor and (
            art.lexicon.word_class(art.tokens[k].lower) in ("filler", "be")
            or (art.tokens[k].text.islower() and art.tokens[k].text.endswith("ly"))):  # "bluntly admitted"
        k -= 1
    if k < 0 or art.tokens[k].start < floor:
        return []
    token = art.tokens[k]
    kind = art.lexicon.word_class(token.lower)
    if kind in _PRONOUNS:
        return [(k, k)]
    if (token.text == "," or token.lower in _GERUND_LEADS) and art.text[cue.start:cue.end].endswith("ing"):
        subject = sentence_subject(art, cue.start)  # "Sambur defended the plan, saying", "… by saying"
        return [subject] if subject else []
    if kind == "relative" and k >= 2 and art.tokens[k - 1].text == ",":
        found = _noun_phrase_ending(art, k - 2, floor)
        return [found] if found else []
    if token.text == ",":
        for j in range(k - 1, max(k - MAX_APPOSITION_TOKENS, -1), -1):
            other = art.tokens[j]
            if other.start < floor or other.text in ".;:!?" or other.text in MARKS:
                break
            if other.text == ",":
                apposition = (j + 1, k - 1) if j + 1 <= k - 1 else None
                opener = art.tokens[j + 1] if apposition else None
                if opener is not None and opener.text.islower() \
                        and art.lexicon.word_class(opener.lower) != "determiner":
                    apposition = None  # "Bush, speaking at a news conference, said": an aside, not a name
                ranges = [_named_before(art, _noun_phrase_ending(art, j - 1, floor), floor), apposition]
                return [r for r in ranges if r]
        found = _noun_phrase_ending(art, k - 1, floor)  # "Suzanne Earley, replied": a stray comma
        return [found] if found else []
    if token.lower in ("and", "but"):
        subject = sentence_subject(art, cue.start)
        return [subject] if subject else []
    if token.lower == "as":  # "Kyodo quoted Nakasone as saying": the speaker is the one quoted
        for j in range(k - 1, max(k - MAX_PHRASE_TOKENS, -1), -1):
            if art.tokens[j].start < floor:
                break
            if art.tokens[j].lower in ("quoted", "quotes", "quote", "quoting"):
                if j + 1 < len(art.tokens) and art.tokens[j + 1].lower == "by":
                    return []  # "he was quoted by Kyodo as saying": the "quoted" cue names him
                return [(j + 1, k - 1)] if j + 1 <= k - 1 else []
        return []
    found = _named_before(art, _noun_phrase_ending(art, k, floor), floor)
    return [found] if found else []


def _named_before(art: _Article, phrase: tuple[int, int] | None, floor: int) -> tuple[int, int] | None:
    """A description with the person it describes before it ("William Palmer, the group's spokesman")."""
    if phrase is None or phrase[0] < 2 or art.tokens[phrase[0] - 1].text != ",":
        return phrase
    name_end = art.tokens[phrase[0] - 2].end
    if art.tokens[phrase[0] - 2].start < floor:
        return phrase
    if any(m.end == name_end for m in art.persons):
        return art.token_at_or_after(min(m.start for m in art.persons if m.end == name_end)), phrase[1]
    return phrase


def _abbreviation_period(art: _Article, index: int) -> bool:
    token = art.tokens[index]
    return token.text == "." and index > 0 and art.tokens[index - 1].text in art.lexicon.abbreviations


def right_phrase(art: _Article, cue: Cue, ceiling: int) -> tuple[int, int] | None:
    """Token range of the speaker phrase after a cue ("said Akazawa", "according to Kyodo News")."""
    first = art.token_at_or_after(cue.end)
    k = first
    while k < len(art.tokens) and art.tokens[k].end <= ceiling and k - first < MAX_PHRASE_TOKENS:
        token = art.tokens[k]
        if _is_boundary(art, token, right=True) and not _abbreviation_period(art, k):
            break
        k += 1
    last = k - 1
    return (first, last) if first <= last else None


def cue_speaker(art: _Article, cue: Cue, floor: int, ceiling: int, *, pronouns: bool = True) -> Speaker | None:
    """The speaker a cue attributes to, looking on its side(s) within ``[floor, ceiling)``.

    The speaker of a verb stands before it; after it only when the verb opens
    its clause ("…,” said Akazawa", "says Japan") — otherwise what follows is
    the verb's object ("described the plan as …"). "According to" always
    looks right.
    """
    phrases: list[tuple[tuple[int, int], bool]] = []
    before = art.token_at_or_after(cue.start) - 1
    passive = before >= 0 and art.lexicon.word_class(art.tokens[before].lower) == "be"
    if cue.side == "either" and passive:
        return None  # passive: "sales are predicted to dip" names no speaker
    side = cue.side
    if side == "left" and not passive:
        side = "right"  # "the radio quoted him as saying": the speaker is the one quoted
    if side != "right":
        phrases += [(found, True) for found in left_phrases(art, cue, floor)]
    # Inverted order: the cue opens its clause ("…,” said Akazawa", ", added John Michael, an analyst").
    inverted = not re.search(r"\w", art.text[floor:cue.start]) or art.text[floor:cue.start].rstrip().endswith(",")
    if side == "right" or (side == "either" and inverted):
        found = right_phrase(art, cue, ceiling)
        if found:
            phrases.append((found, False))
    speakers = [resolve_phrase(art, first, last, cue.start, prefer_last=is_left, pronouns=pronouns,
                               unnamed=is_left and cue.sense == "speech")
                for (first, last), is_left in phrases]
    speakers = [s for s in speakers if s is not None]
    if not speakers:
        return None
    best = min(speakers, key=lambda s: KIND_ORDER.index(s.kind) if s.kind in KIND_ORDER else len(KIND_ORDER))
    return replace(best, cue=cue.lemma)


def label_speaker(art: _Article, quote: Quote) -> Speaker | None:
    """The speaker a "Name:" label names right before a quotation ("President Trump: “The deal …”").

    The label runs from the paragraph's start, a previous colon or a sentence
    end to the colon that precedes the opening mark.
    """
    p_start = art.text.rfind("\n", 0, quote.outer_start) + 1
    head = art.text[p_start:quote.outer_start]
    colon = re.search(r":[\s*]*$", head)
    if colon is None:
        return None
    label_end = p_start + colon.start()
    cut = max(art.text.rfind(ch, p_start, label_end) for ch in ":.!?")
    label_start = cut + 1 if cut >= p_start else p_start
    label = art.text[label_start:label_end]
    if not re.search(r"\w", label) or len(label.split()) > MAX_LABEL_WORDS \
            or any(q.outer_start < label_end and q.outer_end > label_start for q in art.quotes) \
            or any(c.start < label_end and c.end > label_start for c in art.cues):
        return None  # a sentence, not a name: its own cue failed, so the label names no one
    first = art.token_at_or_after(label_start)
    last = art.token_at_or_after(label_end) - 1
    while first <= last and not art.tokens[first].is_word:
        first += 1
    while last >= first and not art.tokens[last].is_word:
        last -= 1
    if first > last:
        return None
    words = [t for t in art.tokens[first:last + 1] if t.is_word]
    persons = art.mentions_in(PERSON_KINDS, art.tokens[first].start, art.tokens[last].end)
    if not persons and all(t.text[0].isupper() or t.lower in _SMALL_WORDS for t in words) \
            and words[0].text[0].isupper():
        # A label in title case is a name as a whole ("Alliance for the Future:", "American Beverage:").
        name = _text_of(art, art.tokens[first:last + 1])
        return Speaker(name, None, name, "name")
    return resolve_phrase(art, first, last, quote.outer_start, prefer_last=True)


# -- attribution ------------------------------------------------------------------------------------------

def _window(art: _Article, quote: Quote) -> tuple[int, int]:
    first = art.sentences[art.sentence_of(quote.outer_start)]
    last = art.sentences[art.sentence_of(max(quote.outer_end - 1, quote.outer_start))]
    p_start = art.text.rfind("\n", 0, quote.outer_start) + 1
    p_end = art.text.find("\n", max(quote.outer_end - 1, 0))
    p_end = len(art.text) if p_end < 0 else p_end
    return max(first[0], p_start), min(max(last[1], quote.outer_end), p_end)


def _cue_bounds(art: _Article, cue: Cue, start: int, end: int) -> tuple[int, int]:
    """The reporter's stretch around a cue: between the quotations on either side, within ``[start, end)``."""
    floor = max([start] + [q.outer_end for q in art.quotes if q.outer_end <= cue.start])
    ceiling = min([end] + [q.outer_start for q in art.quotes if q.outer_start >= cue.end])
    return floor, ceiling


def _parenthesized(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` crosses a parenthesis (a cue in an aside speaks for no one outside it)."""
    return text.count("(", start, end) != text.count(")", start, end)


def _next_line_cue(art: _Article, quote: Quote) -> Cue | None:
    """A cue opening the line after a quotation that ends its line ("… ''" / "said Stephen Harper .")."""
    line_end = art.text.find("\n", quote.outer_end)
    if line_end < 0 or re.search(r"\w", art.text[quote.outer_end:line_end]):
        return None
    next_start = line_end + 1
    for cue in art.cues:
        if cue.start >= next_start:
            opening = art.text[next_start:cue.start]
            if not opening.strip() and art.text[cue.start:cue.end].islower():
                return cue
            return None
    return None


def own_speaker(art: _Article, index: int) -> tuple[Speaker | None, bool]:
    """The speaker a quotation's own sentence names, and whether the sentence attributes it at all.

    Tried in order: the cue right after it (", he said"), cues before it in
    the same stretch of reporter's text (nearest first), the speaker of the
    previous quotation of the sentence, cues further after it, cues beyond
    the neighbouring quotations, and a "Name:" label. The flag is true when a
    cue stands right beside the quotation: its speaker, if unresolved, is
    someone the rules cannot name, and the neighbours must not be borrowed.
    """
    quote = art.quotes[index]
    start, end = _window(art, quote)
    previous = art.quotes[index - 1] if index else None
    following = art.quotes[index + 1] if index + 1 < len(art.quotes) else None
    floor = max(start, previous.outer_end) if previous and previous.outer_end > start else start
    ceiling = min(end, following.outer_start) if following and following.outer_start < end else end
    after = [c for c in art.cues if quote.outer_end <= c.start < ceiling
             and not _parenthesized(art.text, quote.outer_end, c.start)]
    before = [c for c in art.cues if floor <= c.start and c.end <= quote.outer_start
              and not _parenthesized(art.text, c.end, quote.outer_start)]
    adjacent = None
    # A participle after the quotation ("…” by the moves, adding, “…”) introduces what follows it.
    if after and not art.text[after[0].start:after[0].end].endswith("ing"):
        gap = art.text[quote.outer_end:after[0].start]
        if len(gap.split()) <= ATTRIBUTION_WORDS and not re.search(r"[.;:!?]", gap):
            adjacent, after = after[0], after[1:]
    if adjacent is None:
        adjacent = _next_line_cue(art, quote)
    attributed = adjacent is not None or bool(before)
    steps: list[Cue | None] = ([adjacent] if adjacent else []) + before[::-1] + [None] + after
    rest = [c for c in art.cues if start <= c.start < end and not (floor <= c.start < ceiling)
            and not art.inside_quote(c.start)]
    rest.sort(key=lambda c: min(abs(c.start - quote.outer_end), abs(quote.outer_start - c.end)))
    for cue in steps + rest:
        if cue is None:  # the previous quotation of the same sentence
            if previous is not None and previous.outer_end > start and art.resolved[index - 1][1] is not None:
                return art.resolved[index - 1][1], True
            continue
        lo, hi = (start, end) if start <= cue.start < end else _paragraph_bounds(art, cue.start)
        speaker = cue_speaker(art, cue, *_cue_bounds(art, cue, lo, hi))
        if speaker is None:
            continue
        if cue is adjacent and speaker.kind == "organization":
            # "Khamenei said …, “…,” the radio reported": the outlet relays, the person speaks.
            for other in before[::-1]:
                person = cue_speaker(art, other, *_cue_bounds(art, other, start, end))
                if person is not None and person.kind == "person":
                    return person, True
        return speaker, True
    return label_speaker(art, quote), attributed


def _reporter_text(art: _Article, start: int, end: int) -> str:
    pieces, cursor = [], start
    for quote in art.quotes:
        if quote.outer_end <= start or quote.outer_start >= end:
            continue
        pieces.append(art.text[cursor:max(cursor, quote.outer_start)])
        cursor = max(cursor, quote.outer_end)
    pieces.append(art.text[cursor:end])
    return "".join(pieces)


def _paragraph_bounds(art: _Article, position: int) -> tuple[int, int]:
    start = art.text.rfind("\n", 0, position) + 1
    end = art.text.find("\n", position)
    return start, len(art.text) if end < 0 else end


def neighbour_speaker(art: _Article, index: int) -> Speaker | None:
    """The speaker of a quotation with no cue of its own, from its neighbours (see the module docstring)."""
    quote = art.quotes[index]
    p_start, p_end = _paragraph_bounds(art, quote.outer_start)
    previous = [(q, s) for q, s in art.resolved[:index]]
    if previous:
        last_quote, last_speaker = previous[-1]
        if last_quote.rule == REOPENED_RULE and last_speaker is not None \
                and art.paragraph_of(last_quote.outer_end) < art.paragraph_of(quote.outer_start):
            return last_speaker
        if last_speaker is not None and last_quote.outer_end > p_start:
            return last_speaker
    sentence = art.sentence_of(quote.outer_start)
    if sentence > 0:
        s_start, s_end, _ = art.sentences[sentence - 1]
        if s_start >= p_start or not re.search(r"[a-z]", _reporter_text(art, p_start, p_end)):
            cues = [c for c in art.cues if s_start <= c.start < s_end and not art.inside_quote(c.start)]
            for cue in cues:
                speaker = cue_speaker(art, cue, s_start, s_end)
                if speaker is not None:
                    return speaker
    if sentence + 1 < len(art.sentences):
        s_start, s_end, _ = art.sentences[sentence + 1]
        if s_start < p_end:  # "“…” Gros reiterated that …": the next sentence's subject speaks
            first_word = art.token_at_or_after(s_start)
            for cue in [c for c in art.cues if s_start <= c.start < s_end and not art.inside_quote(c.start)][:1]:
                phrases = left_phrases(art, cue, s_start)
                if phrases and phrases[0][0] == first_word:
                    speaker = cue_speaker(art, cue, s_start, s_end)
                    if speaker is not None:
                        return speaker
    reporter = _reporter_text(art, p_start, p_end)
    if previous and not re.search(r"[a-z]", reporter):  # nothing but the quotation (and a sign-off: "REUTER")
        last_quote, last_speaker = previous[-1]
        between = art.text[last_quote.outer_end:p_start]
        lines_between = [line for line in between.split("\n")[1:] if re.search(r"\w", line)]
        if last_speaker is not None and not lines_between:
            return last_speaker
    return None


def headline_speaker(art: _Article, index: int) -> Speaker | None:
    """A headline quotation's speaker from the body: the same words quoted there, or reported there."""
    quote = art.quotes[index]
    wanted = _comparable(art.text[quote.start:quote.end])
    if len(wanted.split()) < 2:
        return None  # one word matches too much
    for other, speaker in art.resolved:
        if other.start >= art.body_start and speaker is not None:
            found = _comparable(art.text[other.start:other.end])
            if found and (wanted in found or found in wanted):
                return speaker
    position = _comparable_find(art, wanted)
    if position is not None:
        s_start, s_end, _ = art.sentences[art.sentence_of(position)]
        for cue in [c for c in art.cues if s_start <= c.start < s_end]:
            speaker = cue_speaker(art, cue, s_start, s_end)
            if speaker is not None:
                return speaker
    return None


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _comparable_find(art: _Article, wanted: str) -> int | None:
    words = wanted.split()
    pattern = r"\W+".join(re.escape(w) for w in words)
    match = re.compile(pattern, re.IGNORECASE).search(art.text, art.body_start)
    return match.start() if match else None


# -- the normalizer ---------------------------------------------------------------------------------------

def normalize_quotes(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                     done: Mapping[str, list[dict]], resources: Any) -> list[dict]:
    """``quotes`` rows for one article: every ``quote`` mention with its speaker and cue."""
    lexicon: QuoteLexicon = resources
    if not any(m.kind == "quote" for m in mentions):
        return []  # most articles: no quotation, so no token index to build
    art = _Article(article, mentions, sentences, done, lexicon)
    quotes = []
    for mention in sorted(art.by_kind.get("quote", []), key=lambda m: (m.start, m.end)):
        start, end, outer_start, outer_end = exact_bounds(article.text, mention)
        if end <= start:
            continue
        quotes.append(Quote(start, end, outer_start, outer_end, mention.label or "partial", mention.rule_id))
    art.quotes = quotes
    art.resolved = []
    own, attributed = [], []
    for index, quote in enumerate(quotes):
        speaker, flag = own_speaker(art, index)
        own.append(speaker)
        attributed.append(flag)
        art.resolved.append((quote, speaker))
    # Second pass: chains and neighbours need the speakers of later quotations too.
    _fill_chains(art, own)
    for index, quote in enumerate(quotes):
        if art.resolved[index][1] is None and not attributed[index] and quote.start >= article.body_start:
            art.resolved[index] = (quote, neighbour_speaker(art, index))
    for index, quote in enumerate(quotes):
        if quote.start < article.body_start:
            found = headline_speaker(art, index)
            if found is not None:
                art.resolved[index] = (quote, found if art.resolved[index][1] is None
                                       else replace(found, text=art.resolved[index][1].text,
                                                    cue=art.resolved[index][1].cue))
    return [_row(article, quote, speaker) for quote, speaker in art.resolved]


def _fill_chains(art: _Article, own: list[Speaker | None]) -> None:
    """Give every part of a multi-paragraph quotation the speaker one of its parts names."""
    index = 0
    while index < len(art.quotes):
        end = index
        while end + 1 < len(art.quotes) and art.quotes[end].rule == REOPENED_RULE:
            end += 1
        if end > index:
            speaker = next((s for s in own[index:end + 1] if s is not None), None)
            for k in range(index, end + 1):
                if art.resolved[k][1] is None and speaker is not None:
                    art.resolved[k] = (art.quotes[k], speaker)
        index = end + 1


def _row(article: ArticleView, quote: Quote, speaker: Speaker | None) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "quote_id": short_hash(article.article_id, "quote", str(quote.start), str(quote.end)),
        "text": article.text[quote.start:quote.end],
        "start_char": quote.start,
        "end_char": quote.end,
        "kind": quote.kind if quote.kind in ("full", "partial") else "partial",
        "speaker_name": speaker.name if speaker else None,
        "speaker_official_id": speaker.official_id if speaker else None,
        "speaker_text": speaker.text if speaker else None,
        "cue": speaker.cue if speaker else None,
        "unbalanced": quote.rule in UNBALANCED_RULES,
    }


NORMALIZER = Normalizer("quotes", normalize_quotes, load)
