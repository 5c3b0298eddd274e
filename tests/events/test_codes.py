"""CAMEO and PLOVER codes of events, from the project's code table."""

from __future__ import annotations

import pytest

from pipeline.config import MODELS_DIR
from pipeline.events import article_events
from pipeline.events.codes import codes_for, read_codes
from pipeline.events.types import EVENT_TYPES, MODALITIES

TABLE = read_codes(MODELS_DIR / "events" / "codes.csv")


@pytest.mark.parametrize("event_type, modality, cameo, plover", [
    ("tariff_imposed", "asserted", "163", "COERCE"),
    ("tariff_imposed", "threatened", "1312", "THREATEN"),
    ("tariff_removed", "planned", "085", "RETREAT"),
    ("agreement", "asserted", "057", "SUPPORT"),
    ("agreement", "planned", "0311", "AGREE"),
    ("negotiation", "asserted", "046", "CONSULT"),
    ("sanction", "asserted", "163", "COERCE"),
    ("demand", "asserted", "1011", "DEMAND"),
    ("tariff_imposed", "negated", None, None),
])
def test_codes_for(event_type, modality, cameo, plover):
    codes = codes_for(TABLE, event_type, modality)
    assert (codes.cameo_code, codes.plover_type) == (cameo, plover)


def test_every_type_and_modality_has_an_answer():
    for event_type in EVENT_TYPES:
        for modality in MODALITIES:
            codes = codes_for(TABLE, event_type, modality)
            assert (codes.cameo_code is None) == (modality == "negated")


def test_a_type_without_a_default_row_fails(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("event_type,modality,cameo_code,cameo_label,plover_type,plover_mode,plover_context,doubt\n"
                    "demand,*,1011,x,DEMAND,assist,economic,\n")
    with pytest.raises(ValueError, match="tariff_imposed"):
        read_codes(path)


def test_rows_carry_the_codes(build, resources):
    text = "Washington and Tokyo signed a trade agreement."
    rows = article_events(build(text, countries=[("Washington", "USA", "government"),
                                                 ("Tokyo", "JPN", "government")]), resources)
    assert [(r["event_type"], r["cameo_code"], r["plover_type"], r["plover_context"]) for r in rows] == \
        [("agreement", "057", "SUPPORT", "economic")]
