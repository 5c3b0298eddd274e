"""The words around a date: the lists under ``models/dates/`` and what they say of a date's tense and modifier.

Read once per process (`load_dates`); `tense_near` and `modifier_before` look at the words of the
clause around a date mention.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.normalize.date_tense import load_auxiliaries, load_tense_predicates
from pipeline.rulefiles import alternation, grouped_alternation, read_rows

TENSES = ("past", "future", "report", "none", "boundary", "joins")
# The distances of ``tense_reach.csv``, each a whole number of words.
REACHES = ("before", "after", "after_penalty", "far_before")
# Characters that end the stretch of text whose words set the tense of an expression.
_CLAUSE_BREAK = re.compile(r"[;:“”\"()\n]|\s[-–—]+\s")
_WORD = re.compile(r"[\w'’]+")
_NEXT_WORD = re.compile(r"\s+[\w'’]")
_BE_FORMS = frozenset({"be", "been", "being", "is", "are", "am", "'s", "’s"})
_PRESENT_BE = frozenset({"is", "are", "am"})
_PAST_VERB = re.compile(r"[a-z]{2,}ed", re.IGNORECASE)
# TIMEX3 modifiers of an amount of time, which the words before a date do not give (see `load_dates`).
DURATION_AMOUNTS = frozenset({"MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE"})


@dataclass(frozen=True, slots=True)
class DateResources:
    """The word lists the dates normalizer reads from ``models/dates/``."""

    months: Mapping[str, int]
    dateline_day: re.Pattern
    tenses: Mapping[str, str]
    tense_cues: re.Pattern
    modifiers_before: re.Pattern
    modifier_codes: Mapping[str, str]
    longest_cue: int  # words in the longest tense cue
    tense_predicates: Mapping[str, str]  # forward-looking lemmas, read from the parse (`date_tense`)
    auxiliaries: Mapping[str, str]  # auxiliaries by written form: be, have or future (`date_tense`)
    stay_after: frozenset[str]  # words after which a month without tense cue stays in the anchor's year
    reach: Mapping[str, int]  # how far from a date its tense cues count, in words (`REACHES`)


def load_reach(path: Path) -> dict[str, int]:
    """The distances of ``tense_reach.csv`` by name; fails naming the file when one of `REACHES` is
    missing, unknown, given twice or not a whole number of words."""
    rows = read_rows(path)
    reach = {row["reach"]: row["words"] for row in rows}
    if len(reach) != len(rows) or sorted(reach) != sorted(REACHES):  # a repeated row would silently win
        raise ValueError(f"{path.name}: reaches {[row['reach'] for row in rows]}; expected exactly {list(REACHES)}, "
                         "each once")
    # ASCII digits only: str.isdigit also takes "²", which int() then refuses without naming the file.
    if not all(words.isascii() and words.isdigit() for words in reach.values()):
        raise ValueError(f"{path.name}: {reach!r} has a distance that is not a whole number of words")
    return {name: int(words) for name, words in reach.items()}


def load_dates(models_dir: Path) -> DateResources:
    """Read the months, tense cues, their reach and modifiers under ``models_dir/dates``."""
    folder = models_dir / "dates"
    months = {row["form"].upper(): int(row["month"]) for row in read_rows(folder / "months.csv")}
    tenses = {}
    for row in read_rows(folder / "tense.csv"):
        if row["tense"] not in TENSES:
            raise ValueError(f"tense.csv: {row['word']!r} has tense {row['tense']!r}; expected one of {TENSES}")
        tenses[" ".join(row["word"].lower().split())] = row["tense"]
    plain = [w for w in tenses if w[0].isalnum()]
    clitics = [w for w in tenses if not w[0].isalnum()]  # "'ll" follows its pronoun without a space
    cue_pattern = rf"(?<![\w'’])(?:{grouped_alternation(plain)})(?![\w'’])"
    if clitics:
        cue_pattern += rf"|(?:{grouped_alternation(clitics)})(?!\w)"
    modifiers = read_rows(folder / "modifiers.csv")
    # An amount ("more than", "over", "under") bounds a duration; before a date the same words compare
    # ("a premium over yesterday's price", "32 cents less than January") or mean "during" ("over the
    # weekend"), so they are not read there.
    codes = {" ".join(row["phrase"].lower().split()).rstrip("-"): row["modifier"] for row in modifiers
             if row["modifier"] not in DURATION_AMOUNTS}
    month_forms = list(months) + [m.title() for m in months]
    return DateResources(
        months=months,
        dateline_day=re.compile(rf"(?-i:({alternation(month_forms)}))\s+(3[01]|[12]\d|0?[1-9])\b"),
        tenses=tenses,
        tense_cues=re.compile(cue_pattern, re.IGNORECASE),
        modifiers_before=re.compile(rf"(?:^|(?<=[^\w-]))({grouped_alternation(codes)})[\s-]*$", re.IGNORECASE),
        modifier_codes=codes,
        longest_cue=max((len(word.split()) for word in tenses), default=1),
        tense_predicates=load_tense_predicates(models_dir),
        auxiliaries=load_auxiliaries(models_dir),
        stay_after=frozenset(row["word"].lower() for row in read_rows(folder / "date_context.csv")
                             if row["nearest"] == "no"),
        reach=load_reach(folder / "tense_reach.csv"),
    )


# -- context: tense and modifiers ------------------------------------------------------------------

def tense_near(text: str, start: int, end: int, bounds: tuple[int, int], resources: DateResources, *,
               far: bool = False) -> str | None:
    """``past``, ``future`` or None: the tense cue nearest to ``[start, end)`` within its clause.

    Cues count up to the ``before`` words of ``tense_reach.csv`` before the expression (``far``: its
    ``far_before``) and its ``after`` words after it; one after counts ``after_penalty`` words
    farther, as a verb after a date more often opens a participle ("from July 1, followed by ...")
    than governs it. A reporting verb after the expression counts only right after it ("the
    ministry on Friday said"), as past.
    """
    words_before = resources.reach["far_before" if far else "before"]
    words_after, after_penalty = resources.reach["after"], resources.reach["after_penalty"]
    left = text[bounds[0]:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    right = text[end:bounds[1]]
    first_break = _CLAUSE_BREAK.search(right)
    if first_break:
        right = right[:first_break.start()]
    reported_next = _NEXT_WORD.match(right) is not None  # no punctuation between the date and the next word
    # Only the words within reach can hold a cue that counts; a cue's length and the word before it
    # (an auxiliary) are the most that a cue within reach looks beyond it. Cutting the rest first
    # spares scanning long sentences word by word, which was most of the normalizer's time.
    margin = resources.longest_cue + 1
    before = _WORD.findall(left)[-(words_before + margin):]
    after = _WORD.findall(right)[:words_after + margin]
    # A conjunction opens another clause: its words do not tell this expression's tense.
    for index in range(len(before) - 1, -1, -1):
        if resources.tenses.get(before[index].lower()) == "boundary":
            before = before[index + 1:]
            break
    for index, word in enumerate(after):
        if resources.tenses.get(word.lower()) in ("boundary", "joins"):
            after = after[:index]
            break
    best: tuple[int, int, str] | None = None
    for side, words in ((0, before), (1, after)):
        for index, tense in _cues(words, resources):
            distance = len(words) - 1 - index if side == 0 else index
            if distance >= (words_before if side == 0 else words_after):
                continue
            penalty = side * after_penalty
            if tense == "report":
                if side == 1 and not (distance == 0 and reported_next):
                    continue  # "a deal in June, he said": the saying, not what was said
                # "The ministry on Friday said talks would ...": the date of the saying, a past one
                tense, penalty = "past", 0
            key = (distance + penalty, side, tense)
            best = min(best or key, key)
    return best[2] if best else None


def _cues(words: Sequence[str], resources: DateResources) -> list[tuple[int, str]]:
    """``(index of the cue's last word, tense)`` for every tense cue among ``words``."""
    found = []
    joined = " ".join(words)
    for match in resources.tense_cues.finditer(joined):
        tense = resources.tenses.get(" ".join(match.group(0).lower().split()))
        index = joined[:match.end()].count(" ")
        preceding = words[index - len(match.group(0).split())].lower() if index >= len(match.group(0).split()) else ""
        if tense == "past" and preceding in _BE_FORMS:
            continue  # "to be held", "will be made": the auxiliary carries the tense
        if tense in ("past", "future", "report"):
            found.append((index, tense))
    previous = ""
    for index, word in enumerate(words):
        lowered = word.lower()
        if previous in _PRESENT_BE and lowered.endswith("ing") and len(word) > 5:
            found.append((index, "future"))  # "is meeting on Thursday": the progressive with a date
        elif lowered.endswith("ed") and previous not in _BE_FORMS and lowered not in resources.tenses \
                and _PAST_VERB.fullmatch(word) and not word[0].isupper():
            found.append((index, "past"))  # a verb in "-ed" (a passive's auxiliary decides instead)
        previous = lowered
    return found


def modifier_before(text: str, start: int, bounds: tuple[int, int], resources: DateResources) -> str | None:
    """The modifier stated right before the span ("as early as", "by", "since" …), if any."""
    before = text[max(bounds[0], start - 40):start]
    match = resources.modifiers_before.search(before)
    return resources.modifier_codes.get(" ".join(match.group(1).lower().split())) if match else None


def word_before(text: str, start: int, bounds: tuple[int, int]) -> str:
    """The word right before ``start`` within ``bounds`` (lower case), or "" at the start of the sentence."""
    words = _WORD.findall(text[max(bounds[0], start - 40):start])
    return words[-1].lower() if words else ""
