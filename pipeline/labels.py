"""Mention labels of the form ``key=value;key=value``: how a component hands what
a rule read (a number, a unit, a modifier) to its normalizer through ``mentions.label``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def format_number(value: float) -> str:
    """24.0 → "24", 9.2 → "9.2", 5.5e11 → "550000000000"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def format_label(fields: Mapping[str, Any]) -> str:
    """``key=value`` pairs joined by ``;`` (numbers without a trailing ``.0``; None as empty)."""
    parts = []
    for key, value in fields.items():
        if isinstance(value, float):
            value = format_number(value)
        parts.append(f"{key}={'' if value is None else value}")
    return ";".join(parts)


def parse_label(label: str | None) -> dict[str, str]:
    """The fields of a label written by `format_label`."""
    fields = {}
    for part in (label or "").split(";"):
        key, sep, value = part.partition("=")
        if sep:
            fields[key] = value
    return fields


def format_offsets(start: int, end: int) -> str:
    """A character range as a label value: ``(9, 13)`` → ``"9-13"``."""
    return f"{start}-{end}"


def parse_offsets(value: str | None) -> tuple[int, int] | None:
    """The range of a value written by `format_offsets`; None when the value is empty."""
    if not value:
        return None
    start, _, end = value.partition("-")
    return int(start), int(end)
