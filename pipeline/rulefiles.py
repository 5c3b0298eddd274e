"""Reading the rule data under ``models/``: word lists and CSV tables with comments.

Every rule file may open with ``#`` comment lines naming its sources; blank
lines are ignored. One reader for all concerns, so a file behaves the same
whichever component or normalizer loads it. Pure apart from reading the file.
A word list usually becomes one regular-expression alternation
(`alternation`), written here once for every concern.

The one list of English function words (``lexicons/function_words.csv``) is read
here too: components and normalizers both read it, and as peers they share
only what lies below them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path


def _numbered_lines(path: Path) -> list[tuple[int, str]]:
    """The file's lines that are neither blank nor comments, with their line numbers (from 1)."""
    return [(number, line) for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
            if line.strip() and not line.lstrip().startswith("#")]


def _content_lines(path: Path) -> list[str]:
    return [line for _, line in _numbered_lines(path)]


def read_words(path: Path) -> list[str]:
    """Lines of a word-list file, stripped, without comments and blanks."""
    return [line.strip() for line in _content_lines(path)]


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV rule file as dicts of stripped values.

    Fails naming the file and the row (its line in the file, comments counted, as an editor shows it)
    when a row does not have the header's columns.
    """
    numbered = _numbered_lines(path)
    rows = []
    reader = csv.DictReader(line for _, line in numbered)
    for row in reader:
        if None in row or any(value is None for value in row.values()):
            line = numbered[reader.line_num - 1][0]
            raise ValueError(f"{_shown(path)}: line {line} {row!r} does not have the header's columns")
        rows.append({key: value.strip() for key, value in row.items()})
    return rows


# The longest time window a rule file may give, in days (about ten years); the windows files' comments and
# their folders' READMEs state the same bound.
MAX_WINDOW_DAYS = 3660


def read_day_windows(path: Path, names: Iterable[str]) -> dict[str, int]:
    """The time windows of a ``window,days,reason`` rule file, by name: each of ``names`` exactly once, a
    whole number of days from 1 to `MAX_WINDOW_DAYS`, and the reason its value has.

    Fails naming the file and the window whose row is missing, repeated, unknown, not a whole number of days
    in that range, or without a reason: a window is a judgment, and the file keeps why it has its value.
    """
    wanted = tuple(names)
    out: dict[str, int] = {}
    for row in read_rows(path):
        name, days, reason = row.get("window", ""), row.get("days", ""), row.get("reason", "")
        if name not in wanted:
            raise ValueError(f"{_shown(path)}: unknown window {name!r} (expected {', '.join(wanted)})")
        if name in out:
            raise ValueError(f"{_shown(path)}: window {name!r} is given twice")
        if not (days.isascii() and days.isdigit()) or not 1 <= int(days) <= MAX_WINDOW_DAYS:
            raise ValueError(f"{_shown(path)}: window {name!r} must be a whole number of days from 1 to "
                             f"{MAX_WINDOW_DAYS}, not {days!r}")
        if not reason:
            raise ValueError(f"{_shown(path)}: window {name!r} gives no reason for its value")
        out[name] = int(days)
    missing = [name for name in wanted if name not in out]
    if missing:
        raise ValueError(f"{_shown(path)}: missing windows {', '.join(missing)}")
    return out


def _shown(path: Path) -> str:
    """A rule file as its concern's folder and name (``quotes/cues.csv``), which an operator can find under models/."""
    return f"{path.parent.name}/{path.name}"


def alternation(forms: Iterable[str], *, space: str = r"\s+") -> str:
    """A regex alternation (without groups) of the literal ``forms``; a space in a form matches ``space``.

    Longest first, so that where several forms match at one position the
    longest that fits the pattern around the alternation wins ("per cent"
    before "per").
    """
    unique = sorted(set(forms), key=lambda form: (-len(form), form))
    return "|".join(re.escape(form).replace(r"\ ", space) for form in unique)


def grouped_alternation(forms: Iterable[str], *, space: str = r"\s+") -> str:
    """`alternation` of ``forms`` grouped by first character: the same matches, found several times faster.

    Python's regex engine tries the branches of an alternation one after the
    other at every position of the text; grouped, it tries one branch per
    first character and enters only the group that begins there. Each group
    keeps its forms in `alternation`'s order, and forms whose first
    characters a case-insensitive pattern takes alike ("A", "a") share a
    group, so at any position the same form wins as with `alternation`.
    """
    unique = sorted(set(forms), key=lambda form: (-len(form), form))
    groups: dict[str, list[str]] = {}
    for form in unique:
        groups.setdefault(form[:1].casefold(), []).append(form)
    branches = []
    for members in groups.values():
        head = members[0][:1]
        # `alternation` keeps the members' order: they, and their rests after one shared head, sort alike.
        if head.strip() and all(form.startswith(head) for form in members):
            branches.append(f"{re.escape(head)}(?:{alternation((form[1:] for form in members), space=space)})")
        else:
            branches.append(alternation(members, space=space))
    return "|".join(branches)


FUNCTION_WORDS_FILE = "lexicons/function_words.csv"
# The rules that read the function words, as the file's ``uses`` column names them (its header says which).
FUNCTION_WORD_USES = ("org_opener", "apposition", "cue_noun", "applies_to_drop", "term_title_case",
                      "label_title_case", "question_opener", "pronoun_lead", "bare_body", "definite_source",
                      "name_link", "cue_object", "firm_link", "source_named_next",
                      "clause_article", "embedded_question", "clause_relative", "adverbial_mark")


def read_function_words(models_dir: Path) -> dict[str, list[str]]:
    """Each use of ``models_dir/lexicons/function_words.csv`` with its words, in file order.

    Fails on a use no rule reads, so that a misspelt use does not silently drop a word.
    """
    path = models_dir / FUNCTION_WORDS_FILE
    by_use: dict[str, list[str]] = {use: [] for use in FUNCTION_WORD_USES}
    for row in read_rows(path):
        for use in row["uses"].split():
            if use not in by_use:
                raise ValueError(f"{path.name}: {row['word']!r} has use {use!r}; allowed: {FUNCTION_WORD_USES}")
            by_use[use].append(row["word"])
    return by_use
