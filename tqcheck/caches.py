"""Caches keyed by a text (a block, a sentence), registered so they can all be emptied.

Several rules ask the same question of the same block (the quote rules share one scan of its
marks; TQ701-703 share a sentence's language), and furniture paragraphs repeat across a feed.
The benchmark empties these caches before each article (`scripts/bench.py --cold`) to measure
text that never repeats; word-keyed caches stay, since words do repeat in any text.
"""
from __future__ import annotations

from functools import lru_cache

_TEXT_CACHES: list = []


def text_cache(maxsize: int):
    """functools.lru_cache(maxsize), registered for clear_text_caches()."""
    def wrap(fn):
        cached = lru_cache(maxsize=maxsize)(fn)
        _TEXT_CACHES.append(cached)
        return cached
    return wrap


def clear_text_caches() -> None:
    for cached in _TEXT_CACHES:
        cached.cache_clear()
