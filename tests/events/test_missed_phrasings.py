"""Recall of phrasings missed before (issue 18, section 18 of docs/events.md).

Every sentence is written for these tests (none is taken from an article) and parsed by the project's
committed parser, as extract would.
"""

from __future__ import annotations

from pipeline.events import article_events

FIELDS = ("event_type", "actor_iso3", "target_iso3", "event_date", "modality")


def _events(build, resources, text: str, **specs) -> list[tuple]:
    rows = article_events(build(text, parsed=True, **specs), resources)
    return [tuple(row[k] for k in FIELDS) for row in rows]


def test_show(build, resources):
    cases = [
        ("Norway signed trade deals with Chile in March and Peru last month, the ministry said.",
         dict(countries=[("Norway", "NOR", "name"), ("Chile", "CHL", "name"), ("Peru", "PER", "name")],
              dates=[("March", "DATE", "2025-03"), ("last month", "DATE", "2025-04")])),
        ("Ottawa's threats against Japan strained trade ties with the United States.",
         dict(countries=[("Ottawa", "CAN", "capital"), ("Japan", "JPN", "name"), ("United States", "USA", "name")])),
        ("Washington hinted at new duties on imported cars.",
         dict(countries=[("Washington", "USA", "capital")])),
        ("Beijing floated tariffs on American farm goods.",
         dict(countries=[("Beijing", "CHN", "capital"), ("American", "USA", "demonym")])),
        ("Beijing signalled tariffs on American farm goods.",
         dict(countries=[("Beijing", "CHN", "capital"), ("American", "USA", "demonym")])),
        ("Oil rose after the tightening of sanctions on Venezuela by the United States.",
         dict(countries=[("Venezuela", "VEN", "name"), ("United States", "USA", "name")])),
        ("Oil rose after fresh sanctions targeted Venezuela's crude exports.",
         dict(countries=[("Venezuela", "VEN", "name")])),
        ("The tariffs on Chile and Peru were delayed after those countries threatened counter-tariffs.",
         dict(countries=[("Chile", "CHL", "name"), ("Peru", "PER", "name")])),
    ]
    for text, specs in cases:
        print(text, _events(build, resources, text, **specs))
