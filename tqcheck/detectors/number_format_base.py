"""Shared helpers of the number_format rules (TQ801-TQ804): the per-language conventions of
tqcheck/data/number_formats.toml, number tokens, the words around them, and formatting.

A rule reads a block with the conventions of the article's language; blocks detected as
another language (a quoted English paragraph in a German article) are left alone, and so are
numbers inside short quotations (titles, slogans, product names).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .. import data
from ..model import Block, Document
from ..registry import Context, per_document

# A number with "." or "," between its digit groups: 10.000, 2,5, 1.234,56, 11.11.2024.
# Not part of a word, a code, a time (10:30), a ratio or a path; "-" before it is a sign or a
# range (1.000-2.000), unless a letter comes before it (COVID-19.5, A-1.200).
# (The pattern opens with a bare digit and looks behind it, which lets the regex engine skip
# to the digits of a text instead of testing the lookbehinds at every position.)
NUMBER_RE = re.compile(r"\d(?<![\w.,:/#@+]\d)(?<![^\W\d_][-\u2010\u2011]\d)\d*(?:[.,]\d+)+"
                       r"(?![\w]|[.,:/]\d)")
# A number token: digits, maybe grouped by "." or "," (group 1: the last separator), not inside
# a word or another number. Each pattern of the four rules that starts with a digit looks
# behind it for at least [\w.,], so its matches start where a token does (and the number after
# a currency sign is one): one scan of a block for tokens stands in for a scan per pattern,
# which then is only matched at the tokens, and blocks without a token are not read at all.
TOKEN_RE = re.compile(r"\d(?<![\w.,]\d)\d*(?:([.,])\d+)*")
WORD_AFTER_RE = re.compile(r"[\s\u00a0\u202f]?([%€$£]|[^\W\d_][\w./’'-]*)")
WORD_BEFORE_RE = re.compile(r"([^\s\u00a0\u202f]+)[\s\u00a0\u202f]+$")
SHORT_QUOTE_RE = re.compile(r"[“„\"«‹]([^“”„\"«»‹›]{1,80})[”“\"»›]")
SHORT_QUOTE_WORDS = 6
SENTENCE_END = ".!?:;…"


@dataclass(frozen=True)
class Convention:
    lang: str
    name: str
    decimal: str
    group: tuple[str, ...]
    tolerated: frozenset[str]
    ordinal_dot_day: bool
    dotted_date: bool
    month_first: bool
    months: tuple[str, ...]
    months_in_dates: tuple[str, ...]
    day_month: str
    long_date: str
    currency: str
    magnitude_abbr: frozenset[str]
    amount: str | None
    mag_out: dict
    cur_out: dict
    magnitude_words: frozenset[str]
    units: frozenset[str]
    date_lead: frozenset[str]
    skip_before: frozenset[str]
    function_words: frozenset[str]
    not_counting: frozenset[str]

    def group_ok(self, sep: str) -> bool:
        return sep in self.group or sep in self.tolerated


@lru_cache(maxsize=None)
def _conf() -> dict:
    return data.toml("number_formats.toml")


@lru_cache(maxsize=None)
def convention(lang: str | None) -> Convention | None:
    table = _conf()["lang"].get(lang or "")
    if table is None:
        return None
    fw = data.toml("function_words.toml").get(lang, [])
    return Convention(
        lang=lang, name=table["name"], decimal=table["decimal"], group=tuple(table["group"]),
        tolerated=frozenset(table["tolerated_group"]),
        ordinal_dot_day=table["ordinal_dot_day"], dotted_date=table["dotted_date"],
        month_first=table["month_first"], months=tuple(table["months"]),
        months_in_dates=tuple(table.get("months_genitive", table["months"])),
        day_month=table["day_month"], long_date=table["long_date"], currency=table["currency"],
        magnitude_abbr=frozenset(table["magnitude_abbr"]), amount=table.get("amount"),
        mag_out=dict(table.get("mag_out", {})), cur_out=dict(table.get("cur_out", {})),
        magnitude_words=frozenset(w.lower() for w in table["magnitude_words"]),
        units=frozenset(w.lower() for w in table["units"]),
        date_lead=frozenset(w.lower() for w in table["date_lead"]),
        skip_before=frozenset(w.lower() for w in table["skip_before"]),
        function_words=frozenset(fw) - frozenset(table.get("counting_function_words", ())),
        not_counting=frozenset(w.lower() for w in table["not_counting"]))


@lru_cache(maxsize=None)
def month_index() -> dict[str, int]:
    """Every month name of every language (and the Polish genitive), lowercased: 1-12."""
    out: dict[str, int] = {}
    for table in _conf()["lang"].values():
        for key in ("months", "months_genitive"):
            for i, name in enumerate(table.get(key, ()), 1):
                out.setdefault(name.lower(), i)
    return out


def abbreviations() -> dict:
    return {k: v for k, v in _conf()["abbr"].items() if isinstance(v, dict)}


def after_currency_only() -> frozenset[str]:
    return frozenset(_conf()["abbr"]["after_currency_only"])


def currency_signs() -> dict[str, str]:
    return _conf()["currency"]["signs"]


def currency_words() -> dict[str, str]:
    return _conf()["currency"]["words"]


Token = tuple[int, int, "str | None"]  # start, end, last separator


def numbers(doc: Document, ctx: Context) -> tuple[tuple[Block, Convention, list[Token]], ...]:
    """The blocks to read, the conventions to read them with and the number tokens of each
    block (TOKEN_RE): found once per document (and role set) for the four rules."""
    key = (ctx.meta.roles, "tokens")
    by_roles = _readable(doc)
    found = by_roles.get(key)
    if found is None:
        conv = convention(doc.lang)
        # a paragraph in another language keeps that language's conventions
        read = [block for block in ctx.blocks(doc) if block.lang is None or block.lang == doc.lang]
        # One scan of the blocks' texts, one a line (no token spans a line, and a token at the
        # start of a line is one at the start of its block); blocks without a token (no number,
        # amount or date) are left out.
        found = []
        index, offset, stop = -1, 0, 0
        for m in TOKEN_RE.finditer("\n".join(block.text for block in read) if conv else ""):
            start = m.start()
            if start >= stop:  # a later block's
                while start >= stop:
                    index += 1
                    offset, stop = stop, stop + len(read[index].text) + 1
                tokens = []
                found.append((read[index], conv, tokens))
            tokens.append((start - offset, m.end() - offset, m[1]))
        found = by_roles[key] = tuple(found)
    return found


def blocks(doc: Document, ctx: Context) -> tuple[tuple[Block, Convention], ...]:
    """numbers() without the tokens."""
    key = (ctx.meta.roles, "blocks")
    by_roles = _readable(doc)
    found = by_roles.get(key)
    if found is None:
        found = by_roles[key] = tuple((block, conv) for block, conv, _ in numbers(doc, ctx))
    return found


def matches(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """pattern.finditer(text) when its matches can only begin at the given starts (sorted)."""
    last = 0
    for start in starts:
        if start >= last:
            m = pattern.match(text, start)
            if m is not None:
                last = m.end()
                yield m


@per_document()
def _readable(doc: Document) -> dict:
    """numbers() and blocks() per role set of one document, filled as the rules ask."""
    return {}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Short quotations (titles, slogans, names): numbers inside them are left alone."""
    return [(m.start(), m.end()) for m in SHORT_QUOTE_RE.finditer(text)
            if len(m.group(1).split()) <= SHORT_QUOTE_WORDS]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def word_after(text: str, end: int) -> tuple[str, int, int] | None:
    """The word (or %, currency sign) right after position end, with its span."""
    m = WORD_AFTER_RE.match(text, end)
    if m is None:
        return None
    word = m.group(1).rstrip(".,;:’'-") or m.group(1)
    return word, m.start(1), m.start(1) + len(word)


def word_before(text: str, start: int) -> tuple[str, int] | None:
    """The token right before position start (and its start), or None at the block start.
    What WORD_BEFORE_RE finds in text[:start], without a regex search along the whole head."""
    head = text[:start]
    stripped = head.rstrip()  # str's whitespace is the regex's \s
    if not stripped or len(stripped) == len(head):
        return None  # nothing before, or no space between the token and start
    token = stripped.rsplit(None, 1)[-1]
    return token, len(stripped) - len(token)


def sentence_initial(text: str, start: int) -> bool:
    """Whether the token starting at start begins a sentence (or the block)."""
    before = text[:start].rstrip(" \u00a0\"'“„«(")
    return not before or before[-1] in SENTENCE_END


def is_label(text: str, start: int, conv: Convention) -> bool:
    """The number is a label, not a quantity: version 3.1, Windows 3.11, ISBN, § 1.100,
    a model name (Boeing 737, A320) or, outside German, a name before it (Section 1.100)."""
    prev = word_before(text, start)
    if prev is None:
        return False
    tok, pstart = prev
    core = tok.strip("()[]\"'“„«»,").rstrip(".:").lower()
    if core in conv.skip_before or tok.strip("()[]") in ("§", "§§", "#", "No.", "Nr."):
        return True
    if any(c.isdigit() for c in tok):
        return True  # "A320 1.500", "3.11.2" handled by the regex; codes before the number
    if conv.lang != "de" and tok[:1].isupper() and tok[1:].isalpha() and \
            not sentence_initial(text, pstart) and core not in conv.date_lead and \
            core not in month_index() and tok.lower() not in conv.function_words:
        return True  # a name right before the number: Windows 3.1, Section 1.100
    return False


def group_digits(digits: str, sep: str) -> str:
    if len(digits) < 4 or not sep:
        return digits
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(integer: str, fraction: str | None, conv: Convention) -> str:
    """The number in the conventions of conv: 10000 → 10,000 (en), 10.000 (de)."""
    out = group_digits(integer, conv.group[0])
    return f"{out}{conv.decimal}{fraction}" if fraction else out


def read_number(token: str, decimal: str) -> tuple[str, str | None] | None:
    """Integer digits and fraction of a number written with the given decimal separator
    (the other of "." and "," groups digits); None when it does not parse that way."""
    group = "," if decimal == "." else "."
    if decimal in token:
        head, _, frac = token.rpartition(decimal)
        if decimal in head:
            return None
    else:
        head, frac = token, None
    parts = head.split(group)
    if len(parts) > 1 and (not 1 <= len(parts[0]) <= 3 or any(len(p) != 3 for p in parts[1:])):
        return None
    return "".join(parts), frac


def date_form(pattern: str, day: int, month: int, year: int | None, conv: Convention) -> str:
    return pattern.format(d=day, month=conv.months_in_dates[month - 1], y=year or "")
