"""Build one article's `ArticleInputs` from table rows (plain dicts with the schema's columns)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from pipeline.events.syntax import sentence_parses
from pipeline.events.types import ArticleInputs, Cue, OfficialRef, Party, QuoteRef, RateRef, TimeRef
from pipeline.views import Sentence

Row = Mapping[str, Any]


def _published(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def official_refs(officials: Iterable[Row], mention_spans: Mapping[str, tuple[int, int]]) -> tuple[OfficialRef, ...]:
    """Officials with the spans of their mentions (mention ids without a mention row are skipped).

    A former official keeps no country: a person out of office does not act for a government.
    """
    out = []
    for row in officials:
        spans = tuple(sorted((*mention_spans[m], m) for m in row["mention_ids"] or () if m in mention_spans))
        # A former official ("former President Joe Biden") no longer acts for a government: no party.
        country = None if row.get("is_former") else row.get("country_iso3")
        out.append(OfficialRef(row["official_id"], country, spans))
    return tuple(sorted(out, key=lambda o: o.official_id))


def parties(countries: Iterable[Row], officials: Iterable[OfficialRef], mentions: Iterable[Row]) -> tuple[Party, ...]:
    """Every reference to a government, in text order; datelines never count.

    Countries come from ``countries`` (not ``is_dateline``), officials from
    each mention of an official with a known country, organizations from
    ``organization`` mentions whose label ends in ``|ISO3``. Of references
    that overlap and name the same country only the first (longest) is kept.
    """
    found: list[Party] = []
    for row in countries:
        if row["is_dateline"]:
            continue
        found.append(Party(row["iso3"], row["start_char"], row["end_char"], row["mention_id"], "country",
                           form=row["form"]))
    for official in officials:
        if not official.country_iso3:
            continue
        for start, end, mention_id in official.spans:
            found.append(Party(official.country_iso3, start, end, mention_id, "official",
                               official_id=official.official_id))
    for row in mentions:
        label = row.get("label") or ""
        if row["kind"] == "organization" and "|" in label:
            iso3 = label.rsplit("|", 1)[1].strip()
            if iso3:
                found.append(Party(iso3, row["start_char"], row["end_char"], row["mention_id"], "organization"))
    found.sort(key=lambda p: (p.start, -p.end, p.source, p.mention_id))
    kept: list[Party] = []
    for party in found:
        if any(k.iso3 == party.iso3 and k.start < party.end and party.start < k.end for k in kept):
            continue
        kept.append(party)
    return tuple(kept)


def article_inputs(article: Row, sentences: Iterable[Row], mentions: Iterable[Row], *,
                   countries: Iterable[Row] = (), officials: Iterable[Row] = (), rates: Iterable[Row] = (),
                   dates: Iterable[Row] = (), quotes: Iterable[Row] = (), tokens: Iterable[Row] = ()) -> ArticleInputs:
    """Typed inputs of one article from its rows of every table the events stage reads."""
    mentions = list(mentions)
    spans = {m["mention_id"]: (m["start_char"], m["end_char"]) for m in mentions}
    official_list = official_refs(officials, spans)
    return ArticleInputs(
        article_id=article["article_id"],
        text=article["text"],
        published=_published(article.get("published_at")),
        body_start=article.get("body_start") or 0,
        sentences=tuple(sorted((Sentence(s["sentence_index"], s["start_char"], s["end_char"], s["paragraph_index"])
                                for s in sentences), key=lambda s: s.index)),
        parties=parties(countries, official_list, mentions),
        officials=official_list,
        rates=tuple(sorted((RateRef(r["mention_id"], r["start_char"], r["end_char"], r["value"], r["previous_value"],
                                    r["unit"], r["rate_kind"], r["applies_to"]) for r in rates),
                           key=lambda r: r.start)),
        times=tuple(sorted((TimeRef(d["mention_id"], d["start_char"], d["end_char"], d["timex_type"], d["value"],
                                    d["modifier"], d["resolved"]) for d in dates), key=lambda d: d.start)),
        # direct quotations and reported speech alike: who speaks tells commentary from news (`commentary`);
        # only direct ones lend their speaker to a measure inside them (`arguments.quote_speaker`)
        quotes=tuple(sorted((QuoteRef(q["start_char"], q["end_char"], q["speaker_official_id"],
                                      q.get("quote_type") or "direct", q.get("speaker_name"), q.get("speaker_text"))
                             for q in quotes), key=lambda q: q.start)),
        triggers=tuple(sorted((_cue(m) for m in mentions if m["kind"] == "trigger"), key=lambda c: c.start)),
        modals=tuple(sorted((_cue(m) for m in mentions if m["kind"] == "modal"), key=lambda c: c.start)),
        parses=sentence_parses(tokens),
    )


def _cue(row: Row) -> Cue:
    return Cue(row["mention_id"], row["start_char"], row["end_char"], row["label"] or "", row["rule_id"])
