"""Article assembly: the documented text layout, stable ids, partition keys."""

from datetime import UTC, datetime

import pytest

from pipeline.articles import assemble, clean_body, clean_line, layout, published_month
from pipeline.records import RawArticle


def _raw(**overrides):
    values = dict(source_path="a.txt", record=0, format="text", source_id="a", body="First para.\nSecond para.",
                  headline="Headline", subheadline="Sub", dateline="TOKYO, April 11",
                  published_at=datetime(1987, 4, 11, 3, 0, tzinfo=UTC), published_from="sidecar")
    values.update(overrides)
    return RawArticle(**values)


def test_layout_puts_headline_block_then_dateline_then_body():
    text, body_start = layout("Headline", "Sub", "TOKYO", "Body.")
    assert text == "Headline\nSub\n\nTOKYO\nBody."
    assert text[body_start:] == "Body."


def test_layout_without_header_parts_is_the_body():
    assert layout(None, None, None, "Body.") == ("Body.", 0)


def test_assemble_is_deterministic_and_offsets_index_text():
    row = assemble(_raw(), "run-1")
    again = assemble(_raw(), "run-2")
    assert row["article_id"] == again["article_id"]
    assert row["text"][row["body_start"]:].startswith("First para.")
    assert row["published_month"] == "1987-04"


def test_changed_content_or_date_changes_the_id():
    base = assemble(_raw(), "r")["article_id"]
    assert assemble(_raw(body="First para changed."), "r")["article_id"] != base
    assert assemble(_raw(published_at=datetime(1987, 4, 12, tzinfo=UTC)), "r")["article_id"] != base
    assert assemble(_raw(source_id="b"), "r")["article_id"] != base


def test_clean_body_drops_control_characters_and_blank_lines():
    assert clean_body("  One\x03 two \r\n\r\n  Three\t\tfour  ") == "One two\nThree four"


def test_undated_articles_go_to_the_unknown_partition():
    assert published_month(None) == "unknown"
    row = assemble(_raw(published_at=None), "r")
    assert row["published_from"] is None and row["published_month"] == "unknown"


@pytest.mark.parametrize("body", [
    "Tokyo\u00a0 rates  rose\t\tagain.\nSecond\u2003line\u3000here. ",
    "e\u0301te\u0301\n\u0301accent opening a line\nA\u030a",  # combining marks: NFC composes within a line only
    "Bell\x07 and form\x0cfeed\x85next\u2028line\r\nCR\rends\r\n\r\n",
    "   \n\u200b\u202f\u205f\n \u00a0 lone spaces\n",
    "single spaces stay single",
    # One kind of space to replace and nothing else: each must be found before the runs are replaced.
    "a lone\u00a0no-break space", "a lone\ttab", "two  plain spaces", "an ideographic\u3000space",
])
def test_clean_body_cleans_each_line_as_clean_line_does(body):
    lines = (clean_line(line) for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert clean_body(body) == "\n".join(line for line in lines if line)


def test_clean_line_makes_every_run_of_spaces_one_space():
    assert clean_line("a \u00a0b\tc  d\u3000\u3000e f\u202f") == "a b c d e f"
