"""Markdown bodies to plain paragraphs: markup removed, paragraphs kept, hostile input read in linear time."""

import time

import markdown_it.helpers
import markdown_it.rules_core
import markdown_it.rules_inline
import pytest

from pipeline.readers.jsonl import FIELDS, to_article
from pipeline.readers.markdown import MAX_INLINE_MARKERS, MAX_NESTING, _parser, inline_markdown, markdown_paragraphs
from pipeline.records import RawArticle, RawReject

# Far above what these inputs take (under a second or two); a parser that turns quadratic takes minutes.
BLOW_UP_SECONDS = 10.0


@pytest.mark.parametrize(("markdown", "expected"), [
    ("One wrapped\nline.\n\nTwo.", "One wrapped line.\nTwo."),
    ("**Bold** and *italic* and ***both***.\n\nNext.", "Bold and italic and both.\nNext."),
    ("A [link\ntext](https://example.org/a_(b)) here.\n\nB.", "A link text here.\nB."),
    ("## Heading ##\nText under it.\n\nMore.", "Heading\nText under it.\nMore."),
    ("Intro:\n\n-   first item\n    wrapped\n-   second item\n\nAfter.",
     "Intro:\nfirst item wrapped\nsecond item\nAfter."),
    ("Escaped \\*stars\\* and US\\_FDA and \\#tag.\n\n\\###", "Escaped *stars* and US_FDA and #tag."),
    ("Image ![alt](https://x/y.png) gone.\n\n[Loading…](https://twitter.com/x)\n\nEnd.", "Image gone.\nEnd."),
    ("<img\nsrc=\"a.png\"\nclass=\"x\">\n\nText with <u>underline</u> &amp; more.", "Text with underline & more."),
    ("THE WHITE HOUSE,  \nJanuary 20, 2021.\n\n------\n\nEnd.", "THE WHITE HOUSE,\nJanuary 20, 2021.\nEnd."),
    ("> *“Quoted,”\n> he said.*\n\nEnd.", "“Quoted,” he said.\nEnd."),
    ("Section.\n1.\u00a0\nBackground. Text.\n\n2. A numbered point.",
     "Section. 1. Background. Text.\n2. A numbered point."),
    ("Visit <https://www.example.org/a_b> now.\n\nEnd.", "Visit https://www.example.org/a_b now.\nEnd."),
    ("snake_case_name stays.\n\nEnd.", "snake_case_name stays.\nEnd."),
    ("No blank lines here.\nSo each line\nis a paragraph.", "No blank lines here.\nSo each line\nis a paragraph."),
    # A number opening a wrapped line continues the paragraph (only "1." may start a list there).
    ("lift Title\n42. It was not an indication.\n\nEnd.", "lift Title 42. It was not an indication.\nEnd."),
    ("Intro.\n\n1.  \n\nIn later proclamations, I noted.", "Intro.\n1.\nIn later proclamations, I noted."),
    ("| Company | Rate |\n| --- | --- |\n| Japan | 25% |\n\nEnd.", "Company Rate\nJapan 25%\nEnd."),
    ("Figures:\n\n```\nCOMPANY   HIGH\nASA       25.74\n```\n\nEnd.", "Figures:\nCOMPANY HIGH\nASA 25.74\nEnd."),
    ("**Suspend the tariffs for five years. **This signals a fresh start.\n\nEnd.",
     "Suspend the tariffs for five years. This signals a fresh start.\nEnd."),
    ("Revenue north of `3,000 crore.\n\nAn escaped \\` stays, `code` keeps its text.",
     "Revenue north of 3,000 crore.\nAn escaped ` stays, code keeps its text."),
    ("Tweet text<br>— Someone (@someone) February 8, 2025\n\nEnd.",
     "Tweet text\n— Someone (@someone) February 8, 2025\nEnd."),
    ("Keep <script>track();</script>this.\n\nEnd.", "Keep this.\nEnd."),
    ("<div>\n<p>Fish &amp; chips</p><p>AT&T</p>\n</div>\n\nEnd.", "Fish & chips\nAT&T\nEnd."),
    ("Contact <info@example.org>.\n\nEnd.", "Contact info@example.org.\nEnd."),
    ("* [Watchlist](javascript:void(0);)\n* [Portfolio](javascript:void(0);)\n\nText.", "Text."),
    ("Read [the order](javascript:void(0)) now.\n\nEnd.", "Read the order now.\nEnd."),
    ("[benzinga](https://www.benzinga.com/news/x)", ""),
    ("A \\\"quoted\\\" word and Here&#39;s one.", "A \"quoted\" word and Here's one."),
    ("Line one\r\nline two\r\n\u00a0\r\nNext.", "Line one line two\nNext."),
    # A row of links alone is dropped; an empty cell beside them adds no text.
    ("| A | B |\n| --- | --- |\n|  | [x@example.org](mailto:x@example.org) |\n\nEnd.", "A B\nEnd."),
])
def test_markdown_paragraphs(markdown, expected):
    assert markdown_paragraphs(markdown) == expected


@pytest.mark.parametrize(("headline", "expected"), [
    ("Trump&#39;s **Tax** Plans", "Trump's Tax Plans"),
    ("[Viant Technology [ DSP ] - Form 4](https://www.sec.gov/x)", "Viant Technology [ DSP ] - Form 4"),
    ("1. Not a list in a headline", "1. Not a list in a headline"),
])
def test_inline_markdown_for_headlines(headline, expected):
    assert inline_markdown(headline) == expected


@pytest.mark.parametrize("depth", [9, 12, MAX_NESTING, 1000])
def test_text_after_deeply_nested_lists_is_kept(depth):
    # markdown-it skips the rest of a block nested deeper than it allows: the text falls back to plain paragraphs.
    paragraphs = markdown_paragraphs("Intro.\n\n" + "- " * depth + "deep\n\nThe **next** paragraph.").split("\n")
    assert paragraphs[0] == "Intro." and paragraphs[1].endswith("deep") and "next" in paragraphs[2]


def test_a_body_of_one_link_is_rejected_as_markup_only():
    result = to_article({"id": "r1", "body": "[Dow Jones Newswires](https://example.org/story)"}, 1, "t.jsonl",
                        FIELDS, {}, "markdown")
    assert isinstance(result, RawReject) and result.reason == "empty_body" and "only markup" in result.detail


@pytest.mark.parametrize("text", [
    " _a" * 60000,  # unclosed emphasis openers: the regex cleaner this replaced took about a minute
    "[a" * 60000,
    "**a " * 45000,
    "<a " * 60000,
], ids=["underscores", "brackets", "stars", "angles"])
def test_hostile_markup_is_read_in_linear_time(text):
    started = time.perf_counter()
    article = to_article({"id": "r1", "text": text}, 1, "t.jsonl", FIELDS, {}, "markdown")
    assert time.perf_counter() - started < BLOW_UP_SECONDS
    assert isinstance(article, RawArticle | RawReject)


def test_a_two_megabyte_body_is_read():
    paragraph = ("**Section 232.** The United States will impose a 25 percent duty on imported steel and aluminum "
                 "from Canada and Mexico, the White House said on March 4, 2025, citing the emergency declared under "
                 "the International Emergency Economic Powers Act. The [executive order](https://example.org/a_(b)) "
                 "directs the Secretary of Commerce to monitor imports and to recommend further action.\n\n"
                 "-   Canada: 25 percent on all goods, 10 percent on energy;\n-   Mexico: 25 percent.\n\n")
    repeats = 2_000_000 // len(paragraph)
    started = time.perf_counter()
    body = markdown_paragraphs("## Fact sheet\n\n" + paragraph * repeats)
    assert time.perf_counter() - started < BLOW_UP_SECONDS
    paragraphs = body.split("\n")
    assert len(paragraphs) == 1 + 3 * repeats and paragraphs[0] == "Fact sheet"
    assert paragraphs[-3].startswith("Section 232. The United States will") and "executive order directs" in body
    assert paragraphs[-2:] == ["Canada: 25 percent on all goods, 10 percent on energy;", "Mexico: 25 percent."]


def _seconds(text: str) -> float:
    started = time.perf_counter()
    markdown_paragraphs(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("unit", [" _a", "[a", "![a", "[a](u) ", "![a" * 30 + "\n\n"],
                         ids=["underscores", "brackets", "images", "links", "image-paragraphs"])
def test_dense_markup_time_grows_in_proportion_to_its_size(unit):
    # Best of two at 1 MB and 2 MB: doubling the text may double the time, not quadruple it (the slack
    # absorbs a shared machine). Parsed markup once took 10 microseconds a character: 35 s for 2 MB of "![a".
    small, large = ((unit * (size // len(unit)))[:size] for size in (1_000_000, 2_000_000))
    small_seconds = min(_seconds(small) for _ in range(2))
    large_seconds = min(_seconds(large) for _ in range(2))
    assert large_seconds < 3 * small_seconds + 0.2
    assert large_seconds < BLOW_UP_SECONDS


def test_markup_over_the_budget_is_read_as_plain_text():
    dense = "[a" * (MAX_INLINE_MARKERS + 1)
    body = markdown_paragraphs(f"A [linked](https://example.org) word.\n\n{dense}\n\nAfter [it](https://x.org).")
    first, second, third = body.split("\n")
    assert first == "A linked word."  # within the budget: parsed
    assert second == dense  # over it: kept as written
    assert third == "After [it](https://x.org)."  # and so is what follows


def test_a_paragraph_read_as_plain_text_joins_wrapped_lines_as_a_parsed_one_does():
    lines = "\n".join(["[a" * (MAX_INLINE_MARKERS // 2)] * 3)
    assert markdown_paragraphs(f"{lines}\n\nEnd.").split("\n") == [" ".join(["[a" * (MAX_INLINE_MARKERS // 2)] * 3),
                                                                       "End."]


def _stock_parser():
    """The reader's parser with markdown-it's own inline step, text rule and link helpers put back."""
    parser = _parser.__wrapped__()  # a new instance, not the cached one
    parser.core.ruler.at("inline", markdown_it.rules_core.inline)
    parser.inline.ruler.at("text", markdown_it.rules_inline.text)
    parser.helpers = markdown_it.helpers
    return parser


@pytest.mark.parametrize("markdown", [
    "Tariffs rose 25% to $3.5bn: a 10-year high, +2 = {x} @y ^z ~w~ #h > q.",
    "See [the report](https://example.org/a_(b)/c?x=1&y=2#top) and [that](<https://example.org/a b>).",
    "[a](https://x/\\(escaped) [b](a\\ b) [c](url \"title\") [d](a(b(c))) [e](a)b) [f]() [g](<a<b>)",
    "[ten](" + "(" * 10 + "x" + ")" * 10 + ") [deep](" + "(" * 40 + "x" + ")" * 40 + ")",
    "[open](a(b) and [ctrl](a\x01b) [del](a\x7fb) [end](a\\",
    "[wrapped](https://x/a\nb) [tab](a\tb) [nbsp](a\u00a0b) [accent](https://x/\u00e9t\u00e9)",
    "**bold** _em_ `code` \\* &amp; &#39; <b>tag</b> <https://auto.link/x> ![img](x.png) line  \nbreak",
    "[ref]: https://example.org/a_(b) \"T\"\n\n[text][ref] and [ref] and [missing][]",
    "a | b\n--- | ---\n1: x | [y](https://z/(1)) - 2%",
    "[nested [brackets] here](u) [x]: not a reference\n\n* item [l](m)\n\n1) one\n2) two",
    "A plain paragraph, 25% and $3.5bn.\n\nAnother: one - two.\n\n# A heading\n\n* an item",
    "| Contact | Media |\n| --- | --- |\n|  | [desk@example.org](mailto:desk@example.org) |",
])
def test_the_parser_gives_markdown_its_own_tokens(markdown):
    # The inline step (plain paragraphs skip the inline parser), the text rule and the link destination
    # helper are rewritten for speed; they must not change a token.
    assert _parser().parse(markdown) == _stock_parser().parse(markdown)
