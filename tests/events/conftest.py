"""Build one article's event inputs from a text and hand-written normalized rows.

Triggers and modality cues come from the real trigger component (on a blank
pipeline with the sentence splitter); countries, officials, rates, dates and
quotes are written by hand as the normalizers would write them, located by
their surface text (the ``nth`` occurrence, counting from 0).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from pipeline.config import MODELS_DIR
from pipeline.nlp.build import build_nlp
from pipeline.events import article_events, load_resources
from pipeline.events.inputs import article_inputs
from pipeline.events.types import ArticleInputs
from pipeline.nlp.mentions import doc_rows
from pipeline.nlp.syntax import PendingSentence, load_parser, parse_sentences


@pytest.fixture(scope="session")
def trigger_nlp():
    """Blank English with the sentence splitter and the trigger component."""
    return build_nlp(MODELS_DIR, ("trade_sentences_v1", "trade_triggers_v1"))


@pytest.fixture(scope="session")
def resources():
    """The events rule data of the project."""
    return load_resources(MODELS_DIR)


def locate(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``surface`` in ``text``; fails naming it when absent."""
    start = -1
    for _ in range(nth + 1):
        start = text.find(surface, start + 1)
        if start < 0:
            raise AssertionError(f"{surface!r} (occurrence {nth}) not in {text!r}")
    return start, start + len(surface)


def token_rows_for(text: str, sentences: list[dict[str, Any]], article_id: str, month: str) -> list[dict[str, Any]]:
    """``tokens`` rows of every sentence, parsed by the project's committed parser (as extract writes them)."""
    pending = [PendingSentence(article_id, s["sentence_index"], s["start_char"], text[s["start_char"]:s["end_char"]],
                               month) for s in sentences]
    names = ["article_id", "sentence_index", "token_index", "start_char", "end_char", "text", "lemma", "upos",
             "morph", "head_index", "dep", "published_month"]
    return [dict(zip(names, row, strict=True)) for row in parse_sentences(load_parser(MODELS_DIR), pending)]


def rows_for(nlp, text: str, *, article_id: str = "a1", published: str | None = "2025-05-02", body_start: int = 0,
             countries=(), officials=(), orgs=(), rates=(), dates=(), quotes=(), parsed: bool = False) -> dict[str, Any]:
    """Every table row the events stage reads for one article; with ``parsed``, its sentences' parses too."""
    month = published[:7] if published else "unknown"
    mentions, sentences = doc_rows(nlp(text), article_id, month)
    country_rows, official_rows = [], {}
    for spec in countries:
        surface, iso3, form, *rest = spec
        start, end = locate(text, surface, *rest)
        country_rows.append({"article_id": article_id, "mention_id": f"c{start}", "text": surface, "iso3": iso3,
                             "wikidata_qid": None, "form": "name" if form == "dateline" else form, "is_dateline": form == "dateline",
                             "start_char": start, "end_char": end})
    for spec in officials:
        surface, iso3, official_id, *rest = spec  # rest: the occurrence, then whether the official is former
        start, end = locate(text, surface, *rest[:1])
        mentions.append({"article_id": article_id, "mention_id": f"o{start}", "kind": "official", "text": surface,
                         "start_char": start, "end_char": end, "sentence_index": 0, "rule_id": "test",
                         "label": None})
        row = official_rows.setdefault(official_id, {"article_id": article_id, "official_id": official_id,
                                                     "country_iso3": iso3, "mention_ids": [],
                                                     "is_former": bool(rest[1:2] and rest[1])})
        row["mention_ids"].append(f"o{start}")
    for surface, label, *rest in orgs:
        start, end = locate(text, surface, *rest)
        mentions.append({"article_id": article_id, "mention_id": f"g{start}", "kind": "organization",
                         "text": surface, "start_char": start, "end_char": end, "sentence_index": 0,
                         "rule_id": "test", "label": label})
    rate_rows = []
    for spec in rates:
        surface, value, kind, *rest = spec
        previous = rest[0] if rest else None
        applies_to = rest[1] if len(rest) > 1 else None
        start, end = locate(text, surface)
        rate_rows.append({"article_id": article_id, "mention_id": f"r{start}", "text": surface, "value": value,
                          "unit": "percent", "rate_kind": kind, "previous_value": previous,
                          "applies_to": applies_to, "start_char": start, "end_char": end})
    date_rows = []
    for spec in dates:
        surface, timex_type, value, *rest = spec
        modifier = rest[0] if rest else None
        start, end = locate(text, surface)
        date_rows.append({"article_id": article_id, "mention_id": f"d{start}", "text": surface,
                          "timex_type": timex_type, "value": value, "modifier": modifier, "resolved": True,
                          "start_char": start, "end_char": end})
    quote_rows = []
    for surface, speaker, *rest in quotes:
        start, end = locate(text, surface)
        quote_rows.append({"article_id": article_id, "start_char": start, "end_char": end,
                           "speaker_official_id": speaker, "quote_type": rest[0] if rest else "direct",
                           "speaker_name": rest[1] if len(rest) > 1 else None, "speaker_text": None})
    when = datetime.fromisoformat(published).replace(tzinfo=UTC) if published else None
    return {"article": {"article_id": article_id, "text": text, "body_start": body_start, "published_at": when,
                        "published_month": month},
            "sentences": sentences, "mentions": mentions, "countries": country_rows,
            "officials": list(official_rows.values()), "rates": rate_rows, "dates": date_rows, "quotes": quote_rows,
            "tokens": token_rows_for(text, sentences, article_id, month) if parsed else []}


@pytest.fixture
def build(trigger_nlp) -> Callable[..., ArticleInputs]:
    """``build(text, countries=…, officials=…, …)`` → the article's `ArticleInputs`."""
    def make(text: str, **specs: Any) -> ArticleInputs:
        rows = rows_for(trigger_nlp, text, **specs)
        return article_inputs(rows["article"], rows["sentences"], rows["mentions"], countries=rows["countries"],
                              officials=rows["officials"], rates=rows["rates"], dates=rows["dates"],
                              quotes=rows["quotes"], tokens=rows["tokens"])
    return make


@pytest.fixture
def table_rows(trigger_nlp) -> Callable[..., dict[str, Any]]:
    """``table_rows(text, article_id=…, published=…, countries=…, …)`` → rows of every input table."""
    def make(text: str, **specs: Any) -> dict[str, Any]:
        return rows_for(trigger_nlp, text, **specs)
    return make


@pytest.fixture
def event_fields(build, resources, request) -> Callable[..., list[tuple]]:
    """``event_fields(text, countries=…, …)`` → the events of one article, parsed unless ``parsed=False``, each
    as the tuple of the fields the test module names in ``FIELDS``, in the order the rules give them."""
    fields = request.module.FIELDS

    def rows(text: str, *, parsed: bool = True, **specs) -> list[tuple]:
        return [tuple(row[k] for k in fields) for row in article_events(build(text, parsed=parsed, **specs), resources)]

    return rows
