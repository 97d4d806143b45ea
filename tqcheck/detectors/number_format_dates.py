"""TQ802 foreign-date-format: a date written the way another language writes it ("on 3. March"
or "11.11.2024" in English, "November 11, 2024" in German).

Three shapes, each only where the text's language does not write it (number_formats.toml):

* the day with an ordinal full stop before a month name ("3. March", "3. März" in English):
  after a word that introduces a date (on, from, Monday, a comma) or before a year;
* a dotted numeric date with a four-digit year (11.11.2024) in a language that does not date
  that way (English, French, Spanish, Italian, Dutch); only real dates (day ≤ 31, month ≤ 12);
* the English month-first order with a year or an ordinal ending ("November 11, 2024",
  "March 3rd") in a language that puts the day first.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document, Severity
from ..registry import Context, RuleMeta, bad, good
from . import number_format_base as nf

DOC = """\
## What it flags
Dates in another language's form: the German ordinal day "3. March" / "3. März" and the
dotted date "11.11.2024" in English (also French, Spanish, Italian and Dutch), and the English
month-first "November 11, 2024" or "March 3rd" in German, French, Spanish, Italian, Dutch or
Polish text.

## Why it matters
Machine translation often translates the month name and leaves the digits and punctuation as
they were, so the date keeps the source's form. Readers stumble, and "11.11.2024" is no date
format of English news at all.

## Example
"The talks began on 3. March" (German: am 3. März); the English text needs "3 March" or
"March 3". "Die Wahl findet am November 11, 2024 statt" needs "11. November 2024".

## Fix
Write the date in the text's language: the suggestion gives the day-first long form of that
language ("3 March 2024", "11. November 2024", "11 de noviembre de 2024"). Times (10.30 Uhr),
versions (3.11.2), scores and numeric dates the language uses itself are left alone.
"""

# What every month-first date contains (the day after a space, then an ordinal ending or
# ", year"): tried at the days, it tells where to try the month-name alternation below (slow
# to search for: it has no fixed first character).
MONTH_FIRST_HINT_RE = re.compile(r"[ \u00a0]\d{1,2}(?:st|nd|rd|th|,[ \u00a0](?:19|20)\d\d)", re.IGNORECASE)
# (The lookbehinds follow the first digit, so the regex engine skips to the digits of a text.)
DOTTED_RE = re.compile(r"(\d(?<![\w.,:/\-]\d)\d?)\.(\d{1,2})\.((?:19|20)\d\d)(?![\w]|[.,:/]\d)")


@lru_cache(maxsize=None)
def _month_pattern() -> str:
    names = sorted(nf.month_index(), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=None)
def _ordinal_re() -> re.Pattern:
    return re.compile(r"(\d(?<![\w.,]\d)\d?)\.[ \u00a0](%s)\b(?:[ \u00a0]((?:19|20)\d\d)\b)?"
                      % _month_pattern(), re.IGNORECASE)


@lru_cache(maxsize=None)
def _month_first_re() -> re.Pattern:
    # the capitalised English-style month, then the day: with an ordinal ending or ", year"
    return re.compile(r"\b(%s)[ \u00a0](\d{1,2})(?:(st|nd|rd|th)\b(?:,?[ \u00a0]((?:19|20)\d\d))?"
                      r"|,[ \u00a0]((?:19|20)\d\d))(?![\w])" % _month_pattern(), re.IGNORECASE)


def _month_starts(text: str, days: list[tuple[int, int]]) -> list[int]:
    """Where _month_first_re can match: the month name (letters only) ends at the space before
    a day that MONTH_FIRST_HINT_RE accepts, and starts where that word does."""
    starts = []
    for start, _ in days:
        if start and MONTH_FIRST_HINT_RE.match(text, start - 1):
            word = start - 1
            while word and (text[word - 1].isalnum() or text[word - 1] == "_"):  # \w
                word -= 1
            starts.append(word)
    return starts


class ForeignDateFormat:
    meta = RuleMeta(
        code="TQ802",
        name="foreign-date-format",
        family="number_format",
        severity=Severity.WARNING,
        summary="A date in another language's form (on 3. March, 11.11.2024, November 11, 2024)",
        doc=DOC,
        examples=(
            bad("The talks began on [[3. March]] in Geneva.", fix="3 March"),
            bad("The law takes effect on [[11.11.2024]], the ministry said.",
                fix="11 November 2024"),
            bad("The ceasefire was agreed on Monday, [[3. März 2024]], in Doha.",
                fix="3 March 2024"),
            bad("Die Wahl findet am [[November 11, 2024]] statt.", fix="11. November 2024",
                lang="de"),
            bad("Das Treffen ist für den [[March 3rd]] geplant, sagte die Sprecherin.",
                fix="3. März", lang="de"),
            bad("Les élections auront lieu le [[11.11.2024]] dans tout le pays.",
                fix="11 novembre 2024", lang="fr"),
            bad("Las elecciones se celebrarán el [[November 11, 2024]] en todo el país.",
                fix="11 de noviembre de 2024", lang="es"),
            bad("Wybory odbędą się [[November 11, 2024]], podała komisja.",
                fix="11 listopada 2024", lang="pl"),
            good("The talks began on 3 March 2024 and on March 4, 2024; version 3.11.2 shipped "
                 "on 2024-11-11. The score was 3. March brought rain."),
            good("Die Wahl findet am 11. November 2024 statt, am 11.11.2024 um 10.30 Uhr; "
                 "im November 11 Prozent mehr.", lang="de"),
            good("Wybory odbędą się 11 listopada 2024, czyli 11.11.2024.", lang="pl"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        for block, conv, tokens in nf.numbers(doc, ctx):
            text = block.text
            # Where the patterns can match: the day of "3. March" and "March 3rd" is a token of
            # one or two digits, a dotted date a token with dots.
            days = [(start, end) for start, end, sep in tokens if sep is None and end - start <= 2]
            dotted = [] if conv.dotted_date else [start for start, _, sep in tokens if sep == "."]
            if not days and not dotted:
                continue
            hits = []
            if days and not conv.ordinal_dot_day:
                hits += self._ordinal_dot(text, days, conv)
            if dotted:
                hits += self._dotted(text, dotted, conv)
            if days and not conv.month_first:
                hits += self._month_first(text, days, conv)
            if not hits:
                continue
            quotes = nf.quoted_spans(text)
            for start, end, message, fixed in hits:
                if not nf.inside(quotes, start, end):
                    ctx.report(block, start, end, message, fixed)

    def _ordinal_dot(self, text: str, days: list[tuple[int, int]], conv: nf.Convention):
        # _ordinal_re.finditer: its day is followed by a full stop and a space
        starts = [start for start, end in days if text.startswith((". ", ".\u00a0"), end)]
        for m in nf.matches(_ordinal_re(), text, starts):
            day, month, year = int(m.group(1)), nf.month_index()[m.group(2).lower()], m.group(3)
            if not 1 <= day <= 31:
                continue
            prev = nf.word_before(text, m.start())
            if prev is None:
                continue  # a numbered list item: "3. March on Washington"
            lead = prev[0].strip("()").lower()
            if year is None and lead.rstrip(",") not in conv.date_lead and \
                    not lead.endswith(","):
                continue  # "the score was 3. March brought rain": a sentence may end there
            if not m.group(2)[:1].isupper() and conv.lang == "en":
                continue
            pattern = conv.long_date if year else conv.day_month
            fixed = nf.date_form(pattern, day, month, int(year) if year else None, conv)
            yield (m.start(), m.end(),
                   f"'{m.group()}': a day with an ordinal full stop is a German date form; "
                   f"{conv.name} writes {fixed}", fixed)

    def _dotted(self, text: str, starts: list[int], conv: nf.Convention):
        # DOTTED_RE.finditer: a match is a whole token (digits and dots)
        for m in filter(None, (DOTTED_RE.match(text, start) for start in starts)):
            day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if not (1 <= day <= 31 and 1 <= month <= 12) or nf.is_label(text, m.start(), conv):
                continue
            fixed = nf.date_form(conv.long_date, day, month, year, conv)
            yield (m.start(), m.end(),
                   f"'{m.group()}': a dotted numeric date is no {conv.name} date form; "
                   f"write {fixed}", fixed)

    def _month_first(self, text: str, days: list[tuple[int, int]], conv: nf.Convention):
        for m in nf.matches(_month_first_re(), text, _month_starts(text, days)):
            name, day = m.group(1), int(m.group(2))
            if not name[:1].isupper() or not 1 <= day <= 31:
                continue  # month names are capitalised in English, the source of this order
            year = m.group(4) or m.group(5)
            month = nf.month_index()[name.lower()]
            pattern = conv.long_date if year else conv.day_month
            fixed = nf.date_form(pattern, day, month, int(year) if year else None, conv)
            yield (m.start(), m.end(),
                   f"'{m.group()}': month before day is the English order; "
                   f"{conv.name} writes {fixed}", fixed)
