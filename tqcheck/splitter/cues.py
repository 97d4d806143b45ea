"""The cue phrases of data/roles.toml, compiled once (lru_cache) into a `Cue` per table.

What each table means is documented in roles.toml itself; precedence and context are the
splitter's business (plain.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from tqcheck import data
from tqcheck.literals import Literals

_TOML = "roles.toml"
_WEB_TOML = "html_roles.toml"  # the HTML splitter's own cues, in the same format


class Line(Protocol):
    text: str
    lower: str  # text.lower(), computed once per line
    words: int
    triggers: frozenset[str]  # triggers_in(lower), computed once per line


@dataclass(frozen=True, slots=True)
class Cue:
    anchored: re.Pattern[str] | None  # `starts` and `whole`: match() on the text, cheap
    contains: re.Pattern[str] | None  # `contains`: search() in the lower-cased text, and only
    # when a trigger is present (a case-sensitive search on lower case is twice as fast)
    triggers: frozenset[str]  # empty: always search
    max_words: int  # longer blocks are running text that merely quotes the phrase

    def __call__(self, line: Line) -> bool:
        if line.words > self.max_words:
            return False
        if self.anchored is not None and self.anchored.match(line.text):
            return True
        if self.contains is None:
            return False
        if self.triggers and self.triggers.isdisjoint(line.triggers):
            return False
        return self.contains.search(line.lower) is not None


def _cue(table: dict) -> Cue:
    anchored = [f"(?:{p})" for p in table.get("starts", ())]
    anchored += [rf"(?:{p})[\W_]*$" for p in table.get("whole", ())]
    contains = [f"(?:{p})" for p in table.get("contains", ())]
    return Cue(
        # Leading punctuation (bullets, quote marks, "» ") may precede a phrase opening a block.
        anchored=re.compile(rf"[\W_]*(?:{'|'.join(anchored)})", re.IGNORECASE) if anchored else None,
        contains=re.compile("|".join(contains)) if contains else None,
        triggers=frozenset(table.get("triggers", ())),
        max_words=table.get("max_words", 10_000),
    )


@lru_cache(maxsize=None)
def cue(name: str) -> Cue:
    """The cue of one table of roles.toml, e.g. cue("caption"). Two tables hold words for a
    pattern with structure, built below: author_bio_sentence and dateline."""
    builder = {"author_bio_sentence": _author_bio_sentence, "dateline": _dateline}.get(name)
    return builder() if builder else _cue(data.toml(_TOML)[name])


@lru_cache(maxsize=None)
def _all_triggers() -> Literals:
    tables = list(data.toml(_TOML).values()) + list(data.toml(_WEB_TOML).values())
    return Literals(t for table in tables if isinstance(table, dict) for t in table.get("triggers", ()))


def triggers_in(lower: str) -> frozenset[str]:
    """The cue triggers (of every table, both splitters) in a lower-cased line: one pass over
    the line instead of a substring test per trigger and cue."""
    return _all_triggers().found_in(lower)


def triggers_in_each(lowers: list[str]) -> list[frozenset[str]]:
    """triggers_in() of each line, in one pass over all of them."""
    return _all_triggers().found_in_each(lowers)


# A person's name: two to five capitalised words, allowing the usual lower-case particles.
_NAME_WORD = r"(?-i:[A-ZÄÖÜ])[\w’'.-]+"
_PARTICLE = r"von|van|de|der|den|del|della|di|da|du|le|la|ter|bin|al|el"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE})){{1,4}}"


def _author_bio_sentence() -> Cue:
    """ "Jane Doe is a national security reporter at ...": a name, a linking verb, then a job
    within a few words (anywhere in a word: Europa-Korrespondentin, Technologiekorrespondent);
    or a name and a beat verb: "Jane Doe reports on Iran ..."."""
    table = data.toml(_TOML)["author_bio_sentence"]
    verbs = "|".join(re.escape(v) for v in table["link_verbs"])
    jobs = "|".join(re.escape(j) for j in table["jobs"])
    beats = "|".join(table["beats"])
    pattern = rf"{_NAME}\s+(?:(?:{verbs})\s+(?:\S+\s+){{0,8}}?\S*?(?:{jobs})|(?:{beats})\b)"
    return Cue(re.compile(pattern, re.IGNORECASE), None, frozenset(), table["max_words"])


# Datelines: "BERLIN, Nov 7 (Agency)", "Kyiv, 12. März", "Washington (AP) —", "7. November 2024".
_PLACE = r"(?-i:[A-ZÄÖÜ])[\w’'.-]*(?:[ /-](?-i:[A-ZÄÖÜ])[\w’'.-]*){0,3}"
_AGENCY = r"\([^()]{1,30}\)"
_TIME = r"(?:,?\s*\d{1,2}[:.]\d{2}\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?)"


def _date(months: str) -> str:
    numeric = r"\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?"
    day_month = rf"\d{{1,2}}\.?\s+(?:{months})\.?(?:\s+\d{{4}})?"
    month_day = rf"(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    return rf"(?:{numeric}|{day_month}|{month_day}){_TIME}?"


DATELINE_MAX_WORDS = 10


def _dateline() -> Cue:
    """A block that is only a place and/or a date (and maybe an agency): a dateline."""
    table = data.toml(_TOML)["dateline"]
    date = _date("|".join(re.escape(m) for m in table["months"]))
    prefix = "|".join(re.escape(p) for p in table["date_prefixes"])
    place_date = rf"{_PLACE}\s*,?\s*{date}\s*(?:{_AGENCY})?"
    place_agency = rf"{_PLACE}\s*,?\s*{_AGENCY}"
    stamp = rf"(?:(?:{prefix})\s*:?\s*)?{date}"
    # Wire style without a date: the place in capitals, then its region ("BATUMI, Georgia").
    caps_place = rf"(?-i:[A-ZÄÖÜ]{{2,}}(?:[ -][A-ZÄÖÜ]{{2,}})*),\s*{_PLACE}"
    # The lookahead is a cheap first test: a dated dateline has a digit (date) or a bracket (agency).
    pattern = rf"(?:(?=.*[\d(])(?:{place_date}|{place_agency}|{stamp})|{caps_place})\s*[-–—:]?$"
    return Cue(re.compile(pattern, re.IGNORECASE), None, frozenset(), DATELINE_MAX_WORDS)


@lru_cache(maxsize=None)
def dateline_prefix() -> re.Pattern[str]:
    """Running text that opens with a dateline ("BERLIN (dpa) – The ..."): the first body
    paragraph of agency copy, never a lede."""
    months = "|".join(re.escape(m) for m in data.toml(_TOML)["dateline"]["months"])
    return re.compile(
        rf"^{_PLACE}(?:\s*,\s*{_date(months)})?\s*(?:{_AGENCY})?\s*[-–—]\s", re.IGNORECASE)
