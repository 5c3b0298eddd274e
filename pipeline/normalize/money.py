"""Money mentions → ``money`` rows: the amount in units of its currency and the ISO 4217 code.

The extract stage labels each ``money`` mention ``currency=…;value=…`` (see
`pipeline.nlp.rates`: "$550 billion" → ``currency=USD;value=550000000000``).
The currency is null when the form is shared by several currencies
("francs", "crowns").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.labels import parse_label
from pipeline.normalize.registry import Normalizer
from pipeline.views import ArticleView, Mention, Sentence


def normalize_money(article: ArticleView, mentions: Sequence[Mention], sentences: Sequence[Sentence],
                    done: Mapping[str, list[dict]], resources: Any) -> list[dict[str, Any]]:
    """One ``money`` row per ``money`` mention of the article."""
    rows = []
    for mention in mentions:
        if mention.kind != "money":
            continue
        fields = parse_label(mention.label)
        if "value" not in fields:
            raise ValueError(f"money mention {mention.mention_id} {mention.text!r} has label {mention.label!r}; "
                             "expected currency=…;value=…")
        rows.append({
            "article_id": article.article_id,
            "mention_id": mention.mention_id,
            "text": mention.text,
            "value": float(fields["value"]) if fields["value"] else None,
            "currency": fields.get("currency") or None,
            "start_char": mention.start,
            "end_char": mention.end,
        })
    return rows


NORMALIZER = Normalizer("money", normalize_money)
