"""File names for articles: ``NNNN-slug-of-title.txt``, safe on any file system."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 60
_UNSAFE = re.compile(r"[^a-z0-9]+")


def slugify(title: str, max_length: int = MAX_SLUG) -> str:
    """Lower-case ASCII words joined by hyphens: no path separators, dots or control characters."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE.sub("-", ascii_title.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "article"


def article_filename(index: int, title: str) -> str:
    return f"{index + 1:04d}-{slugify(title)}.txt"
