"""Wire copy as scraped: inline datelines, bylines, ticker insertions and boilerplate, by the rules of ``models/wire/``.

A news site that republishes agency copy keeps the agency's opening in the
first paragraph ("By Svea Herbst-Bayliss NEW YORK (Reuters) - Activist
investor…", "OTTAWA--President Trump said…") and adds its own residue:
ticker insertions after company names ("Anheuser-Busch InBev (EBR:ABI)"),
promotion lines ("Sign up here", "ALSO READ: …"), photo captions and
footers ("(END) Dow Jones Newswires", "Write to … at …", copyright notices).
`normalize_wire` takes them out of a body and says where they belong:

- an inline dateline among the first `LEAD_PARAGRAPHS` paragraphs becomes
  the article's ``dateline`` (the place and the credit as printed,
  "NEW YORK (Reuters)"), unless the reader found one already (a Reuters SGML
  ``<DATELINE>``, a dateline line); the text glued to its dash stays;
- a byline (a paragraph of its own among the first ones, or the words
  before an inline dateline) becomes ``byline``; byline paragraphs further
  down (the stories of a digest) are removed;
- ticker insertions and boilerplate go: a ``line_`` rule removes a whole
  paragraph, any other rule what it matches inside one;
  `without_insertions` does the same for a headline.

The patterns are data (``models/wire/*.txt``, one ``rule = pattern`` a line,
with ``{NAME}`` pieces from ``parts.txt`` and the word lists
``agencies.txt`` and ``exchanges.txt``); this module applies them. It runs
on the cleaned body before the text is laid out, so every offset into
``articles.text`` indexes the text without them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.articles import clean_body
from pipeline.rulefiles import alternation, read_words

FOLDER = "wire"
RULE_FILES = tuple(f"{FOLDER}/{name}" for name in ("parts.txt", "agencies.txt", "exchanges.txt", "datelines.txt",
                                                     "bylines.txt", "tickers.txt", "boilerplate.txt"))
# How many paragraphs from the top may hold the byline or the dateline: a scraped body may open with the
# headline repeated and a byline paragraph before the dateline paragraph.
LEAD_PARAGRAPHS = 3
_PIECE = re.compile(r"\{([A-Z_]+)\}")
_WORD = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class WireRules:
    """The compiled rules of ``models/wire/`` (see the module docstring)."""

    datelines: tuple[re.Pattern[str], ...]
    byline_line: re.Pattern[str]
    byline_opening: re.Pattern[str]
    removed_lines: re.Pattern[str]  # fullmatch: the paragraph goes
    removed_inline: re.Pattern[str]  # every match goes (tickers, residue)


@dataclass(frozen=True)
class WireCopy:
    """A body without its wire residue, and the dateline and byline taken out of it (None when absent)."""

    body: str
    dateline: str | None
    byline: str | None


def _rules_of(path: Path) -> dict[str, str]:
    """``rule = pattern`` lines of a wire rule file, in order; a malformed line fails naming the file."""
    rules: dict[str, str] = {}
    for line in read_words(path):
        name, separator, pattern = line.partition(" = ")
        if not separator or not name.isidentifier() or name in rules:
            raise ValueError(f"{FOLDER}/{path.name}: {line!r} is not 'rule = pattern' with a new rule name")
        rules[name] = pattern
    return rules


def _expand(pattern: str, pieces: Mapping[str, str], where: str) -> str:
    """``pattern`` with every ``{NAME}`` replaced by its piece (in a non-capturing group)."""
    def piece(match: re.Match[str]) -> str:
        if match.group(1) not in pieces:
            raise ValueError(f"{where}: unknown piece {{{match.group(1)}}}; known: {sorted(pieces)}")
        return f"(?:{pieces[match.group(1)]})"
    return _PIECE.sub(piece, pattern)


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.MULTILINE)
    except re.error as error:
        raise ValueError(f"{where}: the pattern does not compile: {error}") from error


def load_wire_rules(models_dir: Path) -> WireRules:
    """Read and compile the rule files of ``models_dir/wire`` (`RULE_FILES`)."""
    folder = models_dir / FOLDER
    pieces: dict[str, str] = {"AGENCY": alternation(read_words(folder / "agencies.txt"), space=" "),
                              "EXCHANGE": alternation(read_words(folder / "exchanges.txt"), space=" ")}
    for name, pattern in _rules_of(folder / "parts.txt").items():
        pieces[name] = _expand(pattern, pieces, f"{FOLDER}/parts.txt {name}")

    def compiled(file: str) -> dict[str, re.Pattern[str]]:
        return {name: _compile(_expand(pattern, pieces, f"{FOLDER}/{file} {name}"), f"{FOLDER}/{file} {name}")
                for name, pattern in _rules_of(folder / file).items()}

    datelines = compiled("datelines.txt")
    for name, pattern in datelines.items():
        if "dateline" not in pattern.groupindex:
            raise ValueError(f"{FOLDER}/datelines.txt {name}: the pattern has no group (?P<dateline>…)")
    bylines = compiled("bylines.txt")
    missing = {"line", "opening"} - set(bylines)
    if missing or any("byline" not in pattern.groupindex for pattern in bylines.values()):
        raise ValueError(f"{FOLDER}/bylines.txt needs the rules 'line' and 'opening', each with a group "
                         f"(?P<byline>…); missing: {sorted(missing)}")
    boilerplate = compiled("boilerplate.txt")
    inline = [p.pattern for n, p in boilerplate.items() if not n.startswith("line_")]
    inline += [p.pattern for p in compiled("tickers.txt").values()]
    lines = [p.pattern for n, p in boilerplate.items() if n.startswith("line_")]
    return WireRules(
        datelines=tuple(datelines.values()), byline_line=bylines["line"], byline_opening=bylines["opening"],
        removed_lines=_compile("|".join(f"(?:{p})" for p in lines) or "(?!)", f"{FOLDER}/boilerplate.txt"),
        removed_inline=_compile("|".join(f"(?:{p})" for p in inline) or "(?!)",
                                f"{FOLDER}/boilerplate.txt, tickers.txt"),
    )


def _dateline(paragraph: str, rules: WireRules) -> tuple[str, str | None, str] | None:
    """``(dateline, byline, rest)`` when ``paragraph`` opens with an inline dateline, else None."""
    opening = rules.byline_opening.match(paragraph)
    starts = ((opening.end(), opening.group("byline")),) if opening else ()
    for start, byline in (*starts, (0, None)):
        for pattern in rules.datelines:
            found = pattern.match(paragraph, start)
            if found and found.group("dateline").strip():
                return found.group("dateline").strip(" ,"), byline, paragraph[found.end():].lstrip()
    return None


def _without_insertions(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` without the matches of ``pattern``, each taking the space before it along."""
    pieces, last = [], 0
    for found in pattern.finditer(text):
        start = found.start()
        if start > last and text[start - 1] == " ":
            start -= 1
        pieces.append(text[last:start])
        last = found.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _kept(paragraph: str, before: str, rules: WireRules) -> bool:
    """False for a paragraph a ``line_`` rule removes, or one the removal of insertions left without a word.

    A paragraph without a word that was so before ("-----" between the rows
    of a table) stays: it is the reader's business, not wire residue.
    """
    if paragraph != before and not _WORD.search(paragraph):
        return False
    return bool(paragraph) and not rules.removed_lines.fullmatch(paragraph)


def without_insertions(line: str, rules: WireRules) -> str:
    """A headline or another single line without ticker insertions and inline boilerplate ("Intel (NASDAQ:INTC) Gears Up")."""
    return _without_insertions(line, rules.removed_inline).strip()


def normalize_wire(body: str, rules: WireRules, *, find_dateline: bool = True) -> WireCopy:
    """``body`` without its wire residue, with the inline dateline and byline it held (module docstring).

    ``find_dateline`` is False when the reader already has the article's
    dateline: a second one is not looked for.
    """
    cleaned = clean_body(body)
    # Insertions never reach across paragraphs (no rule matches a line break), so lines stay paired.
    pairs = zip(_without_insertions(cleaned, rules.removed_inline).split("\n"), cleaned.split("\n"), strict=True)
    paragraphs = [after.strip() for after, before in pairs if _kept(after.strip(), before, rules)]
    dateline = byline = None
    for index in range(min(LEAD_PARAGRAPHS, len(paragraphs))):
        paragraph = paragraphs[index]
        whole = rules.byline_line.fullmatch(paragraph)
        if whole and byline is None:
            byline, paragraphs[index] = whole.group("byline"), ""
            continue
        found = _dateline(paragraph, rules) if find_dateline else None
        if found:
            dateline, opening_byline, paragraphs[index] = found
            byline = byline or opening_byline
            break
    # A byline paragraph further down (a digest's second story) goes too; the article's byline is the first one.
    return WireCopy("\n".join(p for p in paragraphs if p and not rules.byline_line.fullmatch(p)), dateline, byline)
