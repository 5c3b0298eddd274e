"""The quotes normalizer: every ``quote`` mention of an article with its speaker and cue (see the package)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache, partial
from typing import Any

from pipeline.articles import short_hash
from pipeline.normalize.quotes.article import REOPENED_RULE, ArticleIndex, Quote, Speaker, exact_bounds
from pipeline.normalize.quotes.attribution import headline_speaker, neighbour_speaker, own_speaker
from pipeline.normalize.quotes.descriptions import (fuller_organization, organization_forms, spelled_out,
                                                    written_organization)
from pipeline.normalize.quotes.firm_names import untagged_firm_names, untagged_forms
from pipeline.normalize.quotes.lexicon import QuoteLexicon, load
from pipeline.normalize.quotes.reported import KIND as REPORTED_KIND, reported_quotes
from pipeline.normalize.registry import Normalizer
from pipeline.views import ArticleView, Mention, Sentence

UNBALANCED_RULES = frozenset({"quotes:unclosed", "quotes:unopened"})
# Speaker kinds of the rules → ``speaker_kind``: a named person (tagged, or a name the rules read),
# an organization; a description ("diplomat") or a group ("officials") names no one.
SPEAKER_KINDS = {"person": "person", "name": "person", "organization": "organization", "voice": "organization"}


def normalize_quotes(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                     done: Mapping[str, list[dict]], resources: Any) -> list[dict]:
    """``quotes`` rows for one article: every ``quote`` mention with its speaker and cue."""
    lexicon: QuoteLexicon = resources
    if not any(m.kind in ("quote", REPORTED_KIND) for m in mentions):
        return []  # most articles: no quotation, so no token index to build
    art = ArticleIndex(article, mentions, sentences, done, lexicon)
    quotes = []
    for mention in sorted(art.by_kind.get("quote", []), key=lambda m: (m.start, m.end)):
        start, end, outer_start, outer_end = exact_bounds(article.text, mention)
        if end <= start:
            continue
        quotes.append(Quote(start, end, outer_start, outer_end, mention.label or "partial", mention.rule_id))
    art.quotes = quotes
    art.resolved = []
    own, attributed = [], []
    for index, quote in enumerate(quotes):
        speaker, flag = own_speaker(art, index)
        own.append(speaker)
        attributed.append(flag)
        art.resolved.append((quote, speaker))
    # Second pass: chains and neighbours need the speakers of later quotations too.
    _fill_chains(art, own)
    for index, quote in enumerate(quotes):
        if art.resolved[index][1] is None and not attributed[index] and quote.start >= article.body_start:
            art.resolved[index] = (quote, neighbour_speaker(art, index))
    for index, quote in enumerate(quotes):
        # A headline's quotation, or a heading in the body that is a quotation alone ("“We Will Not Raise
        # Prices”" above a section): the body quotes the same words with their speaker.
        if quote.start < article.body_start or (art.resolved[index][1] is None and _alone_on_line(art, quote)):
            found = headline_speaker(art, index)
            if found is not None:
                art.resolved[index] = (quote, found if art.resolved[index][1] is None
                                       else replace(found, text=art.resolved[index][1].text,
                                                    cue=art.resolved[index][1].cue))
    rows = [(quote, speaker, "direct") for quote, speaker in art.resolved]
    # After the direct quotations: their speakers stay as they were, and pronouns in reported speech
    # can look back through them (and through the reported speech before).
    for quote, kind, speaker in reported_quotes(art):
        art.resolved.append((quote, speaker))
        rows.append((quote, speaker, kind))
    # Names last: the rules above compare speakers by the names the text gave them.
    forms = organization_forms(art)
    # The untagged firm names are found when a speaker first needs them (few do), once per article.
    untagged = cache(partial(untagged_firm_names, art))

    def untagged_before(speaker: Speaker | None, position: int) -> list[str]:
        return untagged_forms(art, untagged(), speaker, position)

    return [_row(article, quote,
                 spelled_out(art, written_organization(art, fuller_organization(
                     speaker, forms, partial(untagged_before, speaker, quote.outer_start)))), kind)
            for quote, speaker, kind in rows]


def _alone_on_line(art: ArticleIndex, quote: Quote) -> bool:
    """True when the quotation is all its line holds (a heading made of quoted words)."""
    line_start = art.text.rfind("\n", 0, quote.outer_start) + 1
    line_end = art.text.find("\n", quote.outer_end)
    line_end = len(art.text) if line_end < 0 else line_end
    return not art.text[line_start:quote.outer_start].strip() and not art.text[quote.outer_end:line_end].strip()


def _fill_chains(art: ArticleIndex, own: list[Speaker | None]) -> None:
    """Give every part of a multi-paragraph quotation the speaker one of its parts names."""
    index = 0
    while index < len(art.quotes):
        end = index
        while end + 1 < len(art.quotes) and art.quotes[end].rule == REOPENED_RULE:
            end += 1
        if end > index:
            speaker = next((s for s in own[index:end + 1] if s is not None), None)
            for k in range(index, end + 1):
                if art.resolved[k][1] is None and speaker is not None:
                    art.resolved[k] = (art.quotes[k], speaker)
        index = end + 1


def speaker_kind(speaker: Speaker | None) -> str:
    """``person``, ``organization`` or ``unresolved`` (no speaker, or one the rules could not name:
    "a senior official", "officials", a pronoun with no person before it)."""
    if speaker is None or speaker.name is None:
        return "unresolved"
    return SPEAKER_KINDS.get(speaker.kind, "unresolved")


def _row(article: ArticleView, quote: Quote, speaker: Speaker | None, quote_type: str) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "quote_id": short_hash(article.article_id, "quote", str(quote.start), str(quote.end)),
        "text": article.text[quote.start:quote.end],
        "start_char": quote.start,
        "end_char": quote.end,
        "kind": quote.kind if quote.kind in ("full", "partial") else "partial",
        "speaker_name": speaker.name if speaker else None,
        "speaker_official_id": speaker.official_id if speaker else None,
        "speaker_text": speaker.text if speaker else None,
        "cue": speaker.cue if speaker else None,
        "unbalanced": quote.rule in UNBALANCED_RULES,
        "quote_type": quote_type,
        "speaker_kind": speaker_kind(speaker),
    }


NORMALIZER = Normalizer("quotes", normalize_quotes, load)
