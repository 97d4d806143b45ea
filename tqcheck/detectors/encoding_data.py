"""Shared helpers of the encoding rules (TQ901-TQ905): their data file and word spans.

The facts live in tqcheck/data/encoding.toml; this module only loads them once and finds the
word around a hit, so each rule reports "a word or run", not a single invisible code point.
"""
from __future__ import annotations

from functools import lru_cache

from .. import data

# Edge punctuation trimmed off a token (ASCII and typographic); "?" stays: a lost byte is
# sometimes shown as "?" right after mojibake.
EDGE = "()[]{},.;:!\"'“”„‘’‚«»‹›"
# Tokens are separated by ASCII whitespace only: a no-break space can be part of the damage.
_SPACE = " \t\r\n"


@lru_cache(maxsize=None)
def conf() -> dict:
    return data.toml("encoding.toml")


def char_class(ranges: list[list[str]]) -> str:
    """A regex character class body from [["0590", "08FF"], ...]."""
    return "".join(f"\\U{int(a, 16):08x}-\\U{int(b, 16):08x}" for a, b in ranges)


def token_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The whitespace-separated token around text[start:end]."""
    s = start
    while s > 0 and text[s - 1] not in _SPACE:
        s -= 1
    e = end
    n = len(text)
    while e < n and text[e] not in _SPACE:
        e += 1
    return s, e


def trim(text: str, s: int, e: int, keep: tuple[int, int],
         glue: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Trim edge punctuation off text[s:e] without cutting into the span `keep`; a mark
    right after a character of `glue` stays (it is part of the damage: "Ã„")."""
    while s < keep[0] and text[s] in EDGE:
        s += 1
    while e > keep[1] and text[e - 1] in EDGE and (text[e - 1].isascii() or
                                                   text[e - 2] not in glue):
        e -= 1
    return s, e


def looks_like_url(token: str) -> bool:
    return "://" in token or token.startswith("www.") or "@" in token
