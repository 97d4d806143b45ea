"""A small sentence splitter for news text: (start, end) offsets, abbreviation-aware for en/de.

It breaks after ``.``, ``!``, ``?`` or ``…`` (plus closing quotes/brackets) followed by space and
a capital letter, digit or opening quote. It does not break after:

- known abbreviations ("Mr.", "Dr.", "Gov.", "Nr.", "bzw.") and single letters ("John F. Kennedy",
  "z. B.", "u. a.", "d. h.");
- initialisms with inner dots ("U.S.", "U.N.", "z.B.");
- a German ordinal day before a month ("am 7. November"), and in German text any 1-3 digit
  ordinal ("der 3. Platz", "im 19. Jahrhundert").

Merging two sentences is the safe error for its users (a span a little too long); splitting
one in two is not, so doubtful cases do not break. Spans exclude surrounding whitespace.
"""
from __future__ import annotations

import re

# Abbreviations that do not end a sentence (compared without the trailing dot; case-sensitive
# where case matters: "No." vs "no.").
_ABBREV = frozenset("""
Mr Mrs Ms Messrs Dr Prof Rev Sen Rep Gov Gen Lt Col Sgt Capt Cmdr Adm Maj Brig Pres Supt Insp
St Ste Mt Ft Jr Sr Sen Hon Esq Inc Corp Co Ltd Bros Dept Univ Assn Ave Blvd Rd
approx ca Ca vs Vs cf Cf eg ie
Jan Feb Febr Mar Apr Jun Jul Aug Sep Sept Oct Okt Nov Dec Dez
Hr Hrn Fr Frl Dipl Ing Mag Geb geb gest verh
bzw Bzw ca Ca evtl Evtl ggf Ggf inkl Inkl sog Sog vgl Vgl zzgl Zzgl usw etc Str Mio Mrd Tsd
Jh Jhd Jhdt Tel Abb Anm Hrsg hrsg Aufl Bsp bspw Bspw insb Insb max min mind Mind rd Rd
""".split())
# These are also common sentence ends; they break when the next word is capitalised.
_ENDING_ABBREV = frozenset({"etc", "usw"})
# These abbreviate only before a number ("No. 10", "Art. 5", "Nr. 3"); else "Art." may end a
# sentence ("the Museum of Modern Art.").
_NUMBER_ABBREV = frozenset("No Nos Nr Nrn Art Abs Bd Bde Kap Ziff Vol vol pp Fig fig Tab".split())

_MONTHS = frozenset("""
januar jänner februar feber märz april mai juni juli august september oktober november dezember
january february march may june july october december
jan feb febr mär mrz apr jun jul aug sep sept okt oct nov dez dec
""".split())

# A candidate boundary: terminal punctuation, closing quotes/brackets, whitespace, then what
# may start a sentence (an opening quote/bracket or dash is allowed before the first letter).
_BOUNDARY = re.compile(
    r"([.!?…]+)([\"'”’»«“)\]]*)(\s+)(?=[\"'“„‘‚«»(\[¿¡–—-]*\s*[^\W_a-zäöüß])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_INITIALISM = re.compile(r"^\(?(?:[^\W\d_]\.)+[^\W\d_]$")
_NEXT_WORD = re.compile(r"[\"'“„‘‚«»(\[]*\s*([^\W_]+)")


def split(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Half-open (start, end) offsets of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    german = lang in (None, "de", "und")
    for m in _BOUNDARY.finditer(text):
        punct = m.group(1)
        if punct == "." and m.group(2) == "":
            if not _may_end(text, m.start(1), m.end(), german):
                continue
        end = m.end(2)
        _add(text, start, end, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def sentences(text: str, lang: str | None = None) -> list[str]:
    return [text[s:e] for s, e in split(text, lang)]


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _may_end(text: str, dot: int, after: int, german: bool) -> bool:
    """Whether the single '.' at ``dot`` can end a sentence (the next word is at ``after``)."""
    tm = _TOKEN_BEFORE.search(text, max(0, dot - 40), dot)
    if not tm:
        return True
    token = tm.group(1).lstrip("([\"'“„‘‚«»")
    if not token:
        return True
    if token in _ABBREV and token not in _ENDING_ABBREV:
        return False
    if token in _NUMBER_ABBREV and text[after:after + 1].isdigit():
        return False
    if len(token) == 1 and token.isalpha():
        return False  # an initial or "z. B." / "u. a."
    if _INITIALISM.match(token):
        return False  # "U.S.", "z.B.", "a.m." -- doubtful, so do not break
    if token.isdigit() and len(token) <= 3:
        nm = _NEXT_WORD.match(text, after)
        nxt = nm.group(1).lower() if nm else ""
        if nxt in _MONTHS and len(token) <= 2:
            return False  # "7. November"
        if german and _is_german_ordinal_context(text, tm.start()):
            return False
    return True


_ORDINAL_LEAD = frozenset("""
am im vom zum beim bis seit ab der die das den dem des ein eine einem einen einer jedes jeden
zur für nach vor auf an in mit über unter um ihr ihre sein seine seinem seinen ihrem ihren
""".split())


def _is_german_ordinal_context(text: str, token_start: int) -> bool:
    """'am 7. ...', 'der 3. Platz', 'im 19. Jahrhundert': the word before is an article or
    preposition, so the number is an ordinal, not a sentence end."""
    if token_start == 0:
        return True  # "3. Platz für ...": a ranking or list item
    prev = text[max(0, token_start - 30):token_start].split()
    return bool(prev) and prev[-1].lower().strip("(,") in _ORDINAL_LEAD
