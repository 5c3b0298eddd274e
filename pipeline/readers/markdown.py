"""Markdown (with stray HTML) → plain paragraphs, read with markdown-it-py.

JSON bodies scraped from the web carry Markdown: ``**bold**``, ``[text](url)``
links, images, headings, lists, tables and bits of raw HTML. The text is
parsed by markdown-it-py (CommonMark, plus GitHub's pipe tables), whose
parser takes time in proportion to the text, and its token stream is walked
once:

- paragraphs, headings, list items and table rows each give one paragraph
  (table cells joined by a space); an ordered item keeps its number
  ("2. A numbered point"), even when it holds nothing else; a hard line
  break (two trailing spaces or a backslash) starts a new one, a soft one (a
  wrapped line) is a space;
- code keeps its text, and a code block its lines (preformatted text is
  mostly tables of figures, a row a line);
- links keep their text; images and paragraphs that are one link and
  nothing else (embeds, navigation) are dropped; emphasis markers go, and
  so do asterisks and backticks CommonMark leaves unpaired; escapes
  ("\\*") and character references ("&amp;") are decoded;
- HTML blocks are read with `pipeline.readers.common.html_paragraphs`; inline
  tags are dropped (a ``<br>``, ``<p>`` or other block tag ends the
  paragraph, and the content of ``<script>``, ``<style>`` … goes with it);
- paragraphs without a letter or digit ("###", "* * *") are left out.

Text without any blank line is taken as one paragraph a line: the usual
layout of plain-text bodies in JSON. Text whose blocks nest deeper than
`MAX_NESTING` (which the parser would cut short) is kept as plain paragraphs,
markup and all. Inline markup is parsed until the text has held
`MAX_INLINE_MARKERS` markup characters (brackets, emphasis and image markers,
backticks, angle brackets); from the paragraph that would go over on,
paragraphs are taken as plain text, their lines kept. markdown-it's inline parser spends up to ten
microseconds on each such character (2 MB of ``"![a"`` took 35 s), and a
long article has a few thousand of them (15,000 in 2 MB of the 2025 news
feed), so only text dense with markup is affected.

Most of a month of news goes to that parser, so two of its steps are
replaced by equivalents that give the same tokens faster: its plain-text
rule stops only where one of the parser's rules can start (`_TEXT_ENDS`),
and a link's destination is read a run of characters at a time. A
paragraph with no character where an inline rule can start is its own text,
without the inline parser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from types import SimpleNamespace
from typing import NamedTuple

from markdown_it import MarkdownIt, helpers
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from pipeline.readers.common import BLOCK_ELEMENTS, CELL_ELEMENTS, DROPPED_ELEMENTS, html_paragraphs

# A line of spaces, tabs or no-break spaces separates paragraphs like an empty one (CommonMark
# counts only spaces and tabs; web text often has a no-break space there).
_SPACE_ONLY_LINE = re.compile(r"^[ \t\u00a0]+$", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_WORD_CHARACTER = re.compile(r"[^\W_]")
# Asterisks and backticks CommonMark leaves unpaired are still markup to the writer: scraped
# "**Suspend the tariffs. **This" has a space before its closing marker. Escaped ones ("\*") stay.
_STRAY_MARKERS = ("*", "`")
# How deep blocks may nest: markdown-it's default, ten lists in lists. At this depth the parser skips
# the rest of the block, which can be the rest of the text (see `markdown_paragraphs`). A higher limit
# slows every text with brackets, as link labels are scanned that deep (docs/architecture.md).
MAX_NESTING = 20
# Inline markup characters parsed per text before paragraphs are read as plain text (module docstring):
# about 0.4 s of inline parsing at worst, three times what 2 MB of ordinary news holds.
MAX_INLINE_MARKERS = 50_000
_INLINE_MARKERS = re.compile(r"[\[\]!_*`<]")
# The characters at which an inline rule of this parser can start: a line break, an escape, code,
# emphasis, a link or an image, an autolink or inline HTML, a character reference; and "]", where a link
# label ends (`_text`). markdown-it's own text rule also stops at other punctuation (":", "-", "$", "%"
# …) that only its extensions read, and each such stop tries every rule in turn: most of the inline
# parse of news text, whose figures and dates are full of them.
_TEXT_ENDS = re.compile(r"[\n!&*<\[\\\]_`]")
# A run of characters a link destination written without angle brackets takes as they are: not a space
# or a control character, a backslash or a parenthesis (`_link_destination`).
_DESTINATION_RUN = re.compile(r"[^\x00-\x20\x7f\\()]+")
# Block tokens that end the paragraph being collected.
_PARAGRAPH_ENDS = frozenset({"paragraph_close", "heading_close", "tr_close"})


@cache
def _parser() -> MarkdownIt:
    # Escapes and character references stay tokens of their own ("text_special", not joined to
    # the text around them), so that an escaped "\*" is kept where stray asterisks are removed.
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").disable("text_join")
    # Links are reduced to their text, so their targets are never rendered: keep every link
    # (a "javascript:" target would otherwise leave the brackets in the text) and show an
    # autolink as written, without the URL normalization a renderer needs.
    parser.validateLink = lambda url: True
    parser.normalizeLink = lambda url: url
    parser.normalizeLinkText = lambda url: url
    parser.core.ruler.at("inline", _parse_inline)
    # Faster equivalents of two of markdown-it's steps, giving the same tokens (tests check this).
    parser.inline.ruler.at("text", _text)
    parser.helpers = SimpleNamespace(parseLinkLabel=helpers.parseLinkLabel, parseLinkTitle=helpers.parseLinkTitle,
                                     parseLinkDestination=_link_destination)
    return parser


def _text(state: StateInline, silent: bool) -> bool:
    """markdown-it's inline ``text`` rule, taking every character up to the next of `_TEXT_ENDS` as plain text.

    It yields the same tokens as markdown-it's rule: a character where that
    rule stops and no rule of this parser starts goes to the pending text all
    the same, one step of the inline loop later.
    """
    end = _TEXT_ENDS.search(state.src, state.pos, state.posMax)
    stop = end.start() if end else state.posMax
    if stop == state.pos:
        return False
    if not silent:
        state.append_pending(state.src[state.pos:stop])
    state.pos = stop
    return True


class _Destination(NamedTuple):
    """A link destination as markdown-it's link rules read it: found or not, where it ends, its text."""

    ok: bool
    pos: int
    str: str


def _link_destination(text: str, pos: int, end: int) -> _Destination:
    """markdown-it's ``parseLinkDestination``, stepping over runs of ordinary characters at once.

    markdown-it reads a destination without angle brackets one character at a
    time (a URL is a hundred of them); this reads the same characters, with the
    same result, stopping only where that loop decides something: a space or a
    control character ends the destination, a backslash escapes the next
    character, parentheses must balance (at most 32 deep).
    """
    if text.startswith("<", pos):
        return helpers.parseLinkDestination(text, pos, end)
    start, level = pos, 0
    while pos < end:
        run = _DESTINATION_RUN.match(text, pos, end)
        if run:
            pos = run.end()
            if pos >= end:
                break
        character = text[pos]
        if character <= " " or character == "\x7f":
            break
        if character == "\\" and pos + 1 < end:
            if text[pos + 1] == " ":
                break
            pos += 2
            continue
        if character == "(":
            level += 1
            if level > 32:
                return _Destination(False, 0, "")
        elif character == ")":
            if level == 0:
                break
            level -= 1
        pos += 1
    if start == pos or level != 0:
        return _Destination(False, 0, "")
    return _Destination(True, pos, unescapeAll(text[start:pos]))


def _parse_inline(state: StateCore) -> None:
    """markdown-it's core ``inline`` rule, within the budget of `MAX_INLINE_MARKERS` markup characters per text.

    From the paragraph that would go over the budget on, a paragraph becomes its lines as plain text.
    """
    budget = MAX_INLINE_MARKERS
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.content and not _TEXT_ENDS.search(token.content):
            # Nothing where an inline rule can start (two thirds of a news text's paragraphs): the parser
            # would give this one text token, after setting up its state and running its rule chains.
            # (Empty content, as in an empty table cell, gives no token at all.)
            token.children = [Token("text", "", 0, content=token.content)]
            continue
        token.children = []
        budget -= len(_INLINE_MARKERS.findall(token.content))
        if budget >= 0:
            state.md.inline.parse(token.content, state.md, state.env, token.children)
            continue
        for number, line in enumerate(token.content.split("\n")):
            if number:
                token.children.append(Token("softbreak", "br", 0))
            token.children.append(Token("text", "", 0, content=line))


class _Paragraphs:
    """The paragraphs of one text, collected piece by piece from the token stream."""

    def __init__(self, lines_are_paragraphs: bool, *, drop_lone_links: bool = True) -> None:
        self.lines_are_paragraphs = lines_are_paragraphs
        self.drop_lone_links = drop_lone_links
        self.done: list[str] = []
        self.pieces: list[str] = []
        self.prefix = ""  # an ordered list item's number, for its first paragraph
        self.link_depth = 0
        self.in_link = False  # the paragraph holds link text
        self.outside_links = False  # the paragraph holds text outside a link
        self.dropping: str | None = None  # an inline element whose content is skipped (<script> …)

    def add(self, text: str) -> None:
        if self.dropping:
            return
        self.pieces.append(text)
        if self.link_depth:
            self.in_link = True
        elif not text.isspace():
            self.outside_links = True

    def end(self) -> None:
        """Close the paragraph being collected; keep it unless it is one link alone or has no word."""
        text = " ".join("".join(self.pieces).split())
        if text and not (self.drop_lone_links and self.in_link and not self.outside_links):
            text = f"{self.prefix}{text}" if self.prefix else text
            if _WORD_CHARACTER.search(text):
                self.done.append(text)
        if self.pieces:
            self.prefix = ""
        self.pieces, self.in_link, self.outside_links = [], False, False

    def add_block(self, paragraphs: Sequence[str]) -> None:
        """Paragraphs read by another reader (code, HTML blocks), each kept as it is."""
        self.end()
        for paragraph in paragraphs:
            self.add(paragraph)
            self.end()

    def inline(self, tokens: Sequence[Token]) -> None:
        """Collect the text of one inline token's children."""
        for token in tokens:
            kind = token.type
            if kind == "text":
                self.add(_without_stray_markers(token.content))
            elif kind in ("text_special", "code_inline"):  # an escape ("\*"), a reference ("&amp;"), code
                self.add(token.content)
            elif kind in ("softbreak", "hardbreak"):
                if self.link_depth or (kind == "softbreak" and not self.lines_are_paragraphs):
                    self.add(" ")
                else:
                    self.end()
            elif kind == "link_open" and token.markup != "autolink":  # an autolink's text is its URL
                self.link_depth += 1
            elif kind == "link_close" and token.markup != "autolink":
                self.link_depth -= 1
            elif kind == "html_inline":
                self.html_tag(token.content)
            # images (their alt text too) and emphasis markers add nothing
        self.dropping = None  # an element left open ends with its paragraph

    def html_tag(self, markup: str) -> None:
        """An inline HTML tag: a block tag ends the paragraph, a cell adds a space, others vanish."""
        tag = _HTML_TAG.match(markup)
        if tag is None:  # a comment, a declaration or a processing instruction
            return
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if self.dropping:
            if closing and name == self.dropping:
                self.dropping = None
            return
        if name in DROPPED_ELEMENTS and not closing and not markup.endswith("/>"):
            self.dropping = name
        elif name in BLOCK_ELEMENTS:
            self.end()
        elif name in CELL_ELEMENTS:
            self.add(" ")


def _without_stray_markers(text: str) -> str:
    # One `str.replace` per marker: `str.translate` looks every character up in a table, several times slower.
    for marker in _STRAY_MARKERS:
        if marker in text:
            text = text.replace(marker, "")
    return text


def _unparsed_paragraphs(text: str, lines_are_paragraphs: bool) -> str:
    """Text whose blocks nest too deeply to parse, as plain paragraphs with its markup left in."""
    blocks = text.split("\n") if lines_are_paragraphs else _BLANK_LINE.split(text)
    paragraphs = (" ".join(block.split()) for block in blocks)
    return "\n".join(p for p in paragraphs if _WORD_CHARACTER.search(p))


def markdown_paragraphs(text: str) -> str:
    """Markdown (with stray HTML) as plain paragraphs, one a line (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines_are_paragraphs = not _BLANK_LINE.search(text.strip())
    tokens = _parser().parse(_SPACE_ONLY_LINE.sub("", text))
    if any(token.level >= MAX_NESTING - 1 for token in tokens):
        return _unparsed_paragraphs(text, lines_are_paragraphs)
    collected = _Paragraphs(lines_are_paragraphs)
    for token in tokens:
        kind = token.type
        if kind == "inline":
            collected.inline(token.children or ())
        elif kind in _PARAGRAPH_ENDS:
            collected.end()
        elif kind in ("th_open", "td_open"):
            collected.add(" ")
        elif kind == "list_item_open" and token.info:  # an ordered item: "2" and "." of "2."
            collected.end()
            collected.prefix = f"{token.info}{token.markup} "
        elif kind == "list_item_close" and collected.prefix:  # an item without text keeps its number
            collected.add(collected.prefix.rstrip())
            collected.prefix = ""
            collected.end()
        elif kind in ("fence", "code_block"):  # preformatted: tables of figures, a line a row
            collected.add_block(token.content.split("\n"))
        elif kind == "html_block":
            collected.add_block(html_paragraphs(token.content).split("\n"))
    collected.end()
    return "\n".join(collected.done)


def inline_markdown(text: str) -> str:
    """One line of Markdown (a headline) as plain text: links keep their text, markers and tags go."""
    collected = _Paragraphs(lines_are_paragraphs=False, drop_lone_links=False)
    for token in _parser().parseInline(text):
        collected.inline(token.children or ())
    collected.end()
    return " ".join(collected.done)
