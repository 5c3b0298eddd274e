"""Regex rules over the article text, tried only near their trigger words (shared by rates and dates).

A rules file (``models/<concern>/patterns.ini``) holds one regular expression per section, with
``{NAME}`` placeholders for word lists; `compile_rule` fills them in, `NumberWords` reads numbers
written in words, and `TriggeredRules` tries each rule only at the few word starts before the
trigger words a `PhraseMatcher` found. Where matches overlap, `choose` keeps the longest, then the
rule listed first.
"""

from __future__ import annotations

import configparser
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline import rulefiles
from pipeline.nlp.first_chars import first_chars, may_start

_MACRO = re.compile(r"\{([A-Z_]+)\}")
# Digits as wire copy writes them: "1,500", "9.2", "24", and fractions "8-3/4", "5/8".
DIGITS = (r"(?<![\d.,/])(?:(?:\d+-)?\d{1,2}/\d{1,2}(?![\d/])|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]|/\d))")
SMALL_DIGITS = r"(?<![\d.,])\d{1,3}(?:\.\d+)?(?![\d,])"


# -- reading rule files ------------------------------------------------------------------------------

def read_rules(path: Path, groups: Iterable[str]) -> list[dict[str, str]]:
    """The rules of an INI patterns file, in file order; each has ``id``, ``group`` and ``pattern``."""
    parser = configparser.RawConfigParser(comment_prefixes=("#",), inline_comment_prefixes=None)
    parser.optionxform = str  # keep keys as written
    parser.read(path, encoding="utf-8")
    allowed = set(groups)
    rules = []
    for name in parser.sections():
        rule = {"id": name, **dict(parser[name])}
        if rule.get("group") not in allowed or not rule.get("pattern"):
            raise ValueError(f"{path.name}: rule [{name}] has group {rule.get('group')!r} and pattern "
                             f"{rule.get('pattern')!r}; a rule needs a pattern and a group among {sorted(allowed)}")
        rules.append(rule)
    return rules


def alternation(forms: Iterable[str]) -> str:
    """`pipeline.rulefiles.alternation` with a space matching one white-space character, as the patterns expect."""
    return rulefiles.alternation(forms, space=r"\s")


def compile_rule(rule_id: str, pattern: str, macros: Mapping[str, str], flags: int = re.IGNORECASE) -> re.Pattern:
    """Fill the ``{NAME}`` placeholders of ``pattern`` from ``macros`` and compile it."""
    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in macros:
            raise ValueError(f"rule [{rule_id}] uses {{{name}}}; known word lists: {sorted(macros)}")
        return f"(?:{macros[name]})"
    expanded = inline_spaces(_MACRO.sub(fill, pattern))
    try:
        return re.compile(expanded, flags)
    except re.error as error:
        raise ValueError(f"rule [{rule_id}]: bad regular expression ({error})") from None


def inline_spaces(pattern: str) -> str:
    r"""``pattern`` with every ``\s`` limited to spaces and tabs: a match never runs across a paragraph."""
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i:i + 2]
            out.append((" \\t" if in_class else "[ \\t]") if pair == r"\s" else pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


# -- numbers ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NumberWords:
    """English number words: value and class (unit, teen, ten, hundred) of each word."""

    values: Mapping[str, int]
    classes: Mapping[str, str]

    @classmethod
    def from_rows(cls, rows: Sequence[Mapping[str, str]]) -> NumberWords:
        """Build from the rows of ``numbers.csv``."""
        return cls({r["word"]: int(r["value"]) for r in rows}, {r["word"]: r["class"] for r in rows})

    def pattern(self) -> str:
        """A regex for a written number: "seven", "twenty-five", "two hundred", "one hundred and ten"."""
        by_class: dict[str, list[str]] = {}
        for word, kind in self.classes.items():
            by_class.setdefault(kind, []).append(word)
        units, teens, tens = (alternation(by_class.get(k, [])) for k in ("unit", "teen", "ten"))
        below_hundred = rf"(?:(?:{tens})(?:[\s-](?:{units}))?|{teens}|{units})"
        hundred = alternation(by_class.get("hundred", ["hundred"]))
        return (rf"\b(?:(?:(?:{units}|a)\s(?:{hundred})(?:\s(?:and\s)?{below_hundred})?)|{below_hundred})"
                r"(?:\sand\sa\shalf)?\b")

    def parse(self, text: str) -> float | None:
        """The value of digits ("1,500", "9.2", "8-3/4") or number words ("twenty-five", "a"); None if neither."""
        text = text.strip().lower()
        half = 0.0
        if text.endswith(" and a half"):
            text, half = text[: -len(" and a half")], 0.5
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", text):
            return float(text.replace(",", "")) + half
        fraction = re.fullmatch(r"(?:(\d+)-)?(\d+)/(\d+)", text)
        if fraction:
            whole, numerator, denominator = fraction.groups()
            if int(denominator) == 0:
                return None
            return int(whole or 0) + int(numerator) / int(denominator)
        if text in ("a", "an"):
            return 1.0 + half
        current = 0
        for word in re.split(r"[\s-]+", text):
            if word in ("and", ""):
                continue
            if word in ("a", "an"):
                current = max(current, 1)
                continue
            if word not in self.values:
                return None
            if self.classes[word] == "hundred":
                current = max(current, 1) * self.values[word]
            else:
                current += self.values[word]
        return float(current) + half


def number_macros(numbers: NumberWords) -> dict[str, str]:
    """The NUM (digits or words), NUMD (digits) and SMALLNUM (at most three digits) placeholders."""
    return {"NUM": f"{DIGITS}|{numbers.pattern()}", "NUMD": DIGITS, "SMALLNUM": SMALL_DIGITS}


# -- matches and where to try the rules --------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Candidate:
    """One match before overlaps are resolved: characters, group, label, rule and its rank."""

    start: int
    end: int
    group: str
    label: str
    rule_id: str
    rank: int


def choose(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: the longest first, then the rule listed first, then the earliest."""
    taken: list[tuple[int, int]] = []
    chosen = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.rank, c.start)):
        if any(cand.start < end and start < cand.end for start, end in taken):
            continue
        taken.append((cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: (c.start, c.end))


# Where an expression may start: a word or a symbol ("$", "(", "-").
_STARTS = re.compile(r"\b\w|[^\w\s]")
# Characters per start when looking back for them (generous: long number words).
_CHARS_PER_START = 14
# Characters per start in ordinary prose: the first, shorter look back, which most triggers need alone.
_TYPICAL_CHARS_PER_START = 8


def last_starts(text: str, low: int, position: int, count: int) -> list[int]:
    """The last ``count`` word or symbol starts of ``text[low:position + 1]``.

    A shorter stretch is scanned first and is enough when it holds ``count``
    starts: whether a character starts a word depends only on it and the one
    before, so the starts of a stretch are the tail of those of a longer one.
    """
    near = max(low, position - _TYPICAL_CHARS_PER_START * count)
    starts = [m.start() for m in _STARTS.finditer(text, near, position + 1)]
    if len(starts) < count and near > low:
        starts = [m.start() for m in _STARTS.finditer(text, low, position + 1)]
    return starts[-count:]


_Entry = tuple[int, int, dict[str, str], re.Pattern]  # rank, lookback, rule, compiled pattern


@dataclass(frozen=True, slots=True)
class _Screen:
    """One trigger's rules by the character a match can start with (`pipeline.nlp.first_chars`)."""

    by_char: Mapping[str, Sequence[_Entry]]
    unscreened: Sequence[_Entry]  # rules that do not say how their match starts
    every: Sequence[_Entry]

    @classmethod
    def of(cls, entries: Sequence[_Entry]) -> _Screen:
        starts = [first_chars(rule) for _, _, rule, _ in entries]
        chars = set().union(*(found for found in starts if found is not None))
        by_char = {char: [entry for entry, found in zip(entries, starts) if may_start(char, found)]
                   for char in chars}
        return cls(by_char, [entry for entry, found in zip(entries, starts) if found is None], list(entries))

    def rules_at(self, char: str) -> Sequence[_Entry]:
        """The rules, in rank order, whose match may begin with ``char``."""
        rules = self.by_char.get(char)
        if rules is None:
            return self.unscreened if char.isascii() else self.every
        return rules


class TriggeredRules:
    """Rules tried only where they can match: at the few word starts before a trigger word.

    Scanning every regular expression over the whole text costs milliseconds an
    article. Trigger words (months, units, "%", currency words) are found in
    one `PhraseMatcher` pass (a shape such as "4/9/2025" by a small regex,
    given with a substring the text must hold first); each rule of a trigger's
    class is then anchored (``match``) at the last ``lookback`` word starts
    before the trigger and at the trigger itself, up to the end of its line.
    At each start only the rules whose match can begin with its character are
    tried (the rule's ``starts``, `pipeline.nlp.first_chars`): most attempts
    would fail on that first character, after the cost of a call into the
    regex engine.
    """

    def __init__(self, vocab: Vocab, rules: Sequence[tuple[dict[str, str], re.Pattern]],
                 words: Mapping[str, Iterable[str]],
                 patterns: Mapping[str, tuple[str | tuple[str, ...], re.Pattern]] | None = None) -> None:
        self.patterns = dict(patterns or {})
        known = set(words) | set(self.patterns)
        self.by_trigger: dict[str, list[_Entry]] = {}
        for rank, (rule, regex) in enumerate(rules):
            if rule.get("trigger") not in known or not rule.get("lookback", "").isdigit():
                raise ValueError(f"rule [{rule['id']}] has trigger {rule.get('trigger')!r} and lookback "
                                 f"{rule.get('lookback')!r}; triggers: {sorted(known)}, lookback a count")
            self.by_trigger.setdefault(rule["trigger"], []).append((rank, int(rule["lookback"]), rule, regex))
        self.lookback = {name: max(entry[1] for entry in entries) for name, entries in self.by_trigger.items()}
        self.screens = {name: _Screen.of(entries) for name, entries in self.by_trigger.items()}
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        tokenizer = Tokenizer(vocab)  # a whitespace split: trigger phrases are plain words
        for name, forms in words.items():
            variants = sorted({v for form in forms for v in (form.lower(), form.lower().rstrip("."))})
            self.matcher.add(name, [tokenizer(v) for v in variants if v])

    def triggers(self, doc: Doc, text: str) -> list[tuple[str, int, int]]:
        """``(class, start_char, end_char)`` of every trigger in the document."""
        strings = doc.vocab.strings
        found = []
        for match_id, start, end in self.matcher(doc):
            last = doc[end - 1]  # two tokens' offsets cost less than a Span
            found.append((strings[match_id], doc[start].idx, last.idx + len(last)))
        for name, (required, pattern) in self.patterns.items():
            # A cheap test before the scan: the text holds the substring, or one of the substrings, that
            # every match holds ("/" for dates such as 4/9/2025; "-19" or "-20" for "mid-2024").
            if (required in text) if isinstance(required, str) else any(part in text for part in required):
                found.extend((name, m.start(), m.end()) for m in pattern.finditer(text))
        return found

    def matches(self, doc: Doc, text: str) -> Iterable[tuple[int, dict[str, str], re.Match]]:
        """``(rank, rule, match)`` for every rule match that starts shortly before one of its triggers."""
        seen: set[tuple[int, int, int]] = set()
        for name, start, end in self.triggers(doc, text):
            screen = self.screens.get(name)
            if screen is None:  # a trigger class no rule uses
                continue
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            lookback = self.lookback[name]
            starts = last_starts(text, max(line_start, start - _CHARS_PER_START * lookback), start, lookback + 1)
            last = len(starts) - 1
            for index, position in enumerate(starts):
                behind = last - index  # starts between this one and the trigger's
                for rank, back, rule, regex in screen.rules_at(text[position]):
                    if back < behind:
                        continue
                    match = regex.match(text, position, line_end)
                    if match and (rank, match.start(), match.end()) not in seen:
                        seen.add((rank, match.start(), match.end()))
                        yield rank, rule, match
