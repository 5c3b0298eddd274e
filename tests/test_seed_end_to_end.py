"""The seed article end to end: what the design document promises it yields.

Runs through the shared `sample_run` fixture (every stage over data/raw, which
holds the seed with its sidecar, published 2025-05-02).
"""

import subprocess
import sys

import pandas as pd
import pytest

from pipeline.config import PROJECT_ROOT

SEED = "000_fdaf5c86bb7df86d"


@pytest.fixture(scope="module")
def seed(sample_run):
    out, summary = sample_run
    articles = pd.read_parquet(out / "articles")
    article_id = articles.loc[articles.source_id == SEED, "article_id"].item()

    def table(name):
        frame = pd.read_parquet(out / name)
        return frame[frame.article_id == article_id] if "article_id" in frame else frame

    return article_id, table, summary


def test_every_stage_ran(seed):
    _, _, summary = seed
    assert summary.error is None
    assert [r.stage for r in summary.reports] == ["ingest", "extract", "normalize", "events"]


def test_countries(seed):
    _, table, _ = seed
    countries = table("countries")
    assert set(countries.loc[~countries.is_dateline, "iso3"]) == {"JPN", "USA", "CHN", "PHL", "CAN"}
    government = countries[countries.form == "government"]
    assert {"Tokyo", "Washington"} <= set(government.text)
    dateline = countries[countries.is_dateline]
    assert list(dateline.text) == ["ISTANBUL"]
    assert "TUR" not in set(countries.loc[~countries.is_dateline, "iso3"])


def test_officials(seed):
    _, table, _ = seed
    officials = table("officials").set_index("name")
    assert set(officials.index) == {"Ryosei Akazawa", "Scott Bessent", "Shigeru Ishiba", "Donald Trump"}
    assert officials.loc["Ryosei Akazawa", "country_iso3"] == "JPN"
    assert officials.loc["Scott Bessent", ["title", "country_iso3"]].tolist() == ["Treasury Secretary", "USA"]
    assert officials.loc["Shigeru Ishiba", ["title", "country_iso3"]].tolist() == ["Prime Minister", "JPN"]
    assert officials.loc["Donald Trump", ["title", "country_iso3"]].tolist() == ["President", "USA"]


def test_rates(seed):
    _, table, _ = seed
    rates = table("rates")
    tariff = rates[rates.rate_kind.isin(["tariff", "duty", "tax", "levy"])]
    assert tariff.value.tolist() == [24.0]
    assert "Japanese imports" in tariff.applies_to.item()


def test_dates(seed):
    _, table, _ = seed
    dates = table("dates")
    values = {(row.text, row.value) for row in dates.itertuples()}
    assert ("Thursday", "2025-05-01") in values
    assert ("Wednesday", "2025-04-30") in values
    assert ("90-day", "P90D") in values
    assert dates.loc[dates.text == "90-day", "timex_type"].item() == "DURATION"
    june = dates[dates.text.str.contains("June")]
    assert set(june.value) == {"2025-06"} and len(june) == 2
    assert "AS_EARLY_AS" in set(june.modifier.dropna())
    next_month = dates[dates.text.str.lower() == "next month"]
    assert list(next_month.value) == ["2025-06", "2025-06"]


def test_quote_attributed_through_a_pronoun(seed):
    _, table, _ = seed
    quotes = table("quotes")
    phase = quotes[quotes.text.str.startswith("It'd be good")]
    assert phase.speaker_name.item() == "Ryosei Akazawa"
    assert phase.speaker_text.item() == "he"


def test_events(seed):
    article_id, table, _ = seed
    events = table("events")
    events = events[events.article_ids.map(lambda ids: article_id in list(ids))]
    found = {(e.event_type, e.actor_iso3, tuple(sorted(e.target_iso3)), e.target_scope) for e in events.itertuples()}
    assert ("tariff_imposed", "USA", ("JPN",), "bilateral") in found
    assert events.loc[events.event_type == "tariff_imposed", "rate_value"].tolist().count(24.0) >= 1
    suspended = events[(events.event_type == "tariff_suspended") & (events.target_scope == "all_except")]
    assert list(suspended.excluded_iso3.iloc[0]) == ["CHN"] and suspended.duration.iloc[0] == "P90D"
    negotiation = events[events.event_type == "negotiation"]
    assert any({e.actor_iso3, *e.target_iso3} == {"JPN", "USA"} and e.event_date == "2025-05-01"
               for e in negotiation.itertuples())
    demand = events[(events.event_type == "demand") & (events.actor_iso3 == "JPN")]
    assert any(list(e.target_iso3) == ["USA"] for e in demand.itertuples())


def test_cli_entry_point_runs_the_pipeline(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for suffix in (".txt", ".meta.json"):
        source = PROJECT_ROOT / "data" / "raw" / "text" / (SEED + suffix)
        (raw / source.name).write_bytes(source.read_bytes())
    result = subprocess.run([sys.executable, "-m", "pipeline", "run", "--raw", str(raw), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "events" in result.stderr
    assert len(pd.read_parquet(tmp_path / "out" / "articles")) == 1
