import pytest
from pipeline.events import article_events
USA = ("Washington", "USA", "government")
CHINESE = ("Chinese", "CHN", "demonym")
CASES = [
 ("Washington cut the tariff on Chinese goods on Monday, suspending 24 percentage points of that rate for 90 days while retaining the remaining rate of 10 percent.", [("24 percentage points", 24.0, "tariff"), ("10 percent", 10.0, "tariff")]),
 ("Washington agreed on Monday to reduce tariffs on Chinese goods and retain a 10% tariff.", [("10%", 10.0, "tariff")]),
 ("Washington lowered tariffs on Chinese goods on Monday but kept a 10% tariff in place.", [("10%", 10.0, "tariff")]),
 ("Washington lowered its tariffs on Chinese goods on Monday, and the tariff will remain at 30 percent.", [("30 percent", 30.0, "tariff")]),
]
@pytest.mark.parametrize("text,rates", CASES)
def test_x(build, resources, text, rates):
    rows = article_events(build(text, parsed=True, countries=[USA, CHINESE], rates=rates), resources)
    print()
    for r in rows: print(r["event_type"], r["target_iso3"], r["rate_value"], r["rate_previous"], r["event_date"] if "event_date" in r else r.get("event_date_start"), r["modality"])
