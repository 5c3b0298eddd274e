"""HS codes of an event's product, from the project's product-to-HS table."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipeline.config import MODELS_DIR
from pipeline.events import article_events, load_merge_window, merge_events
from pipeline.events.hs import hs_codes_for, read_hs_codes
from pipeline.events.resources import read_products
from pipeline.schemas import conform

WINDOW_DAYS = load_merge_window(MODELS_DIR)

FOLDER = MODELS_DIR / "events"
PRODUCTS = [name for name, _ in read_products(FOLDER / "products.csv")]


def _write(tmp_path, body: str):
    path = tmp_path / "hs_codes.csv"
    path.write_text("product,hs_codes,note\n" + body, encoding="utf-8")
    return path


def test_the_file_covers_every_canonical_product():
    table = read_hs_codes(FOLDER / "hs_codes.csv", PRODUCTS)
    assert sorted(table) == sorted(PRODUCTS)


@pytest.mark.parametrize("product, codes", [
    ("steel", ["72", "73"]),
    ("aluminum", ["76"]),
    ("autos", ["8703", "8708"]),
    ("semiconductors", ["8541", "8542"]),
    ("solar panels", ["854142", "854143"]),
    ("beef", ["0201", "0202"]),
    ("critical minerals", []),
    (None, []),
    ("a product no table names", []),
])
def test_hs_codes_for(product, codes):
    assert hs_codes_for(read_hs_codes(FOLDER / "hs_codes.csv", PRODUCTS), product) == codes


def test_a_product_without_a_row_fails(tmp_path):
    with pytest.raises(ValueError, match="'steel'"):
        read_hs_codes(_write(tmp_path, "beef,0201;0202,\n"), ["beef", "steel"])


def test_a_product_not_in_the_lexicon_fails(tmp_path):
    with pytest.raises(ValueError, match="'widgets'"):
        read_hs_codes(_write(tmp_path, "beef,0201,\nwidgets,9999,\n"), ["beef"])


def test_a_malformed_code_fails(tmp_path):
    with pytest.raises(ValueError, match="8541.42"):
        read_hs_codes(_write(tmp_path, "solar panels,8541.42,\n"), ["solar panels"])


def test_no_codes_needs_a_note(tmp_path):
    with pytest.raises(ValueError, match="no note"):
        read_hs_codes(_write(tmp_path, "critical minerals,,\n"), ["critical minerals"])
    assert read_hs_codes(_write(tmp_path, "critical minerals,,no HS definition\n"), ["critical minerals"]) == \
        {"critical minerals": ()}


def test_an_event_on_steel_carries_chapters_72_and_73(build, resources):
    text = "Ottawa slapped a 25% duty on Korean steel on Tuesday."
    rows = article_events(build(text, countries=[("Ottawa", "CAN", "government"), ("Korean", "KOR", "demonym")],
                                rates=[("25%", 25.0, "duty")]), resources)
    assert [(r["product"], r["hs_codes"]) for r in rows] == [("steel", ["72", "73"])]


def test_an_event_without_a_product_carries_no_codes(build, resources):
    text = "Berlin and Seoul opened talks on a new trade pact."
    rows = article_events(build(text, countries=[("Berlin", "DEU", "government"),
                                                 ("Seoul", "KOR", "government")]), resources)
    assert rows and all(r["product"] is None and r["hs_codes"] == [] for r in rows)


def test_merged_events_keep_the_codes_and_fit_the_schema(build, resources):
    text = "Mexico City cut its tariff on U.S. soybeans to 5% from 15%."
    rows = article_events(build(text, countries=[("Mexico City", "MEX", "government"), ("U.S.", "USA", "abbreviation")],
                                rates=[("5%", 5.0, "tariff", 15.0)]), resources)
    events = merge_events(rows, {rows[0]["article_id"]: datetime(2025, 5, 2, tzinfo=UTC)}, WINDOW_DAYS)
    assert [(e["product"], e["hs_codes"]) for e in events] == [("soybeans", ["1201"])]
    table = conform("events", [{**e, "run_id": "r"} for e in events])
    assert table.column("hs_codes").to_pylist() == [["1201"]]
