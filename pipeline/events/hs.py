"""Harmonized System codes of an event's product (``models/events/hs_codes.csv``).

Each canonical product of ``products.csv`` maps to HS 2022 chapters (2
digits), headings (4) or subheadings (6), written as digits only so they join
on trade statistics keyed by HS code. A product with no sensible codes has a
row with none and a note saying why; a product without a row fails when the
file is read, so no product goes without codes by omission.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from pipeline.rulefiles import read_rows

HsTable = Mapping[str, tuple[str, ...]]

_CODE = re.compile(r"\d{2}(?:\d{2}(?:\d{2})?)?")


def read_hs_codes(path: Path, products: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """HS codes by canonical product; fails naming the product when a row is missing, unknown or malformed."""
    known = list(products)
    table: dict[str, tuple[str, ...]] = {}
    for row in read_rows(path):
        product = row["product"]
        if product not in known:
            raise ValueError(f"{path}: product {product!r} is not a canonical product of products.csv")
        if product in table:
            raise ValueError(f"{path}: product {product!r} has two rows")
        codes = tuple(code.strip() for code in row["hs_codes"].split(";") if code.strip())
        bad = [code for code in codes if not _CODE.fullmatch(code)]
        if bad:
            raise ValueError(f"{path}: product {product!r} has codes {bad} that are not 2, 4 or 6 digits")
        if not codes and not row["note"]:
            raise ValueError(f"{path}: product {product!r} has no codes and no note saying why")
        table[product] = codes
    missing = [p for p in known if p not in table]
    if missing:
        raise ValueError(f"{path}: products {missing} have no row (give an empty hs_codes and a note for none)")
    return table


def hs_codes_for(table: HsTable, product: str | None) -> list[str]:
    """The HS codes of a product as a new list; empty when there is no product or it has no codes."""
    return list(table.get(product, ())) if product else []
