"""Telling a format by the magic bytes its data starts with: one look-up for every table of
formats (compressions, formats of records)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class HasMagic(Protocol):
    @property
    def magic(self) -> bytes: ...


def sniff(table: Mapping[str, HasMagic], head: bytes) -> str | None:
    """The name of the first entry of ``table`` whose magic bytes start ``head``, or None."""
    return next((name for name, entry in table.items() if head.startswith(entry.magic)), None)
