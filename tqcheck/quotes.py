"""Scanning and pairing of quotation marks, shared by the quote_marks detectors (TQ301-TQ306).

A block is scanned once (cached by its text) into marks, quotations and structural events. The
scan does not depend on the language: whether a mark opens or closes is read from its position,
like CommonMark's flanking rules -- a mark after a space or an opening bracket and before a
word opens, a mark after a word and before a space or punctuation closes -- and only a mark
that its neighbours leave undecided (glued between two words, or free-standing between spaces)
is decided by what is open. Judging a pair against a language's convention is `judge`.

Single marks ’ ‘ ' are left out: they are mostly apostrophes (O’Grady, ’90s, rock ’n’ roll,
Harris’ strategy), and nested ‘…’ inside “…” needs no checking. The low ‚ (German ‚…‘) is the
exception: no apostrophe uses it, so it is paired with the next closing ‘ or ’.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator
from functools import lru_cache

from . import data
from .caches import text_cache
from .model import Block, Document, Role

# Mark classes: marks of one class pair with each other; different classes nest.
DOUBLE = "“”„‟\""  # curly and straight double quotes
GUILLEMETS = "«»"
SINGLE_GUILLEMETS = "‹›"
LOW_SINGLE = "‚"
SINGLE_CLOSERS = "‘’"
_CLASS = ({c: "d" for c in DOUBLE} | {c: "g" for c in GUILLEMETS}
          | {c: "h" for c in SINGLE_GUILLEMETS} | {LOW_SINGLE: "s", "‘": "s", "’": "s"})
QUOTE_CHARS = frozenset(DOUBLE + GUILLEMETS + SINGLE_GUILLEMETS + LOW_SINGLE + SINGLE_CLOSERS
                        + "'‛")
STRAIGHT = '"'
# Two single marks written for one double mark (AP wire copy: ‘‘…’’; typewriter ''…''): they
# act as “, ” and ".
DOUBLED = {"‘‘": "“", "’’": "”", "''": STRAIGHT}
_PARTNER = {"«": "»", "‹": "›"}

_MARKS_RE = re.compile('‘‘|’’|\'\'|[“”„‟"«»‹›‚]')
_MARKS_WITH_SINGLE_RE = re.compile('‘‘|’’|\'\'|[“”„‟"«»‹›‚‘’]')  # only when a ‚ is in the block
_ANY_MARK = "“”„‟\"«»‹›‚"  # any of these (or a DOUBLED pair) makes a block worth scanning
_MARK_STRINGS = (*_ANY_MARK, *DOUBLED)
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015/"
LEFT_BOUND = frozenset("([{<¡¿=*" + DASHES) | QUOTE_CHARS  # before an opening mark
RIGHT_BOUND = frozenset(".,;:!?)]}>…*" + DASHES) | QUOTE_CHARS  # after a closing mark
WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
TIGHT_SPACES = frozenset("\u00a0\u202f\u2009\u200a")
ELLIPSIS_END_RE = re.compile(r"(?:…|\.\.\.)\W*$")

# Roles that interrupt running text (a multi-paragraph quotation continues past them).
FURNITURE = frozenset({Role.CAPTION, Role.PROMO, Role.GALLERY, Role.RELATED, Role.PULLQUOTE,
                       Role.OTHER})
SHORT_BLOCK_WORDS = 12  # a short block without quotes between paragraphs: an embed or credit


@dataclass(frozen=True, slots=True)
class Mark:
    pos: int
    char: str  # the mark it acts as (’’ acts as ”)
    cls: str  # "d" double, "g" guillemet, "h" single guillemet, "s" low single and its closer
    flank: str  # "L" opening position, "R" closing position, "B" glued between words, "N" free
    opens: bool  # what the scan decided it does
    size: int = 1  # characters in the text (2 for ’’)

    @property
    def end(self) -> int:
        return self.pos + self.size


@dataclass(frozen=True, slots=True)
class Quote:
    open: Mark
    close: Mark | None  # None: never closed (abandoned, dropped or open at the block's end)
    depth: int  # how many quotations of other classes it sits in

    @property
    def pair(self) -> str:
        return self.open.char + (self.close.char if self.close else "")

    @property
    def end(self) -> int:
        return (self.close or self.open).end


@dataclass(frozen=True, slots=True)
class Scan:
    marks: tuple[Mark, ...]
    quotes: tuple[Quote, ...]
    reopened: tuple[tuple[Mark, Mark], ...]  # (still-open opening mark, second opening mark)
    stray: tuple[Mark, ...]  # closing marks with nothing open to close
    unclosed: tuple[Mark, ...]  # opening marks still open at the end of the block
    dropped: tuple[Mark, ...]  # opening marks left open inside a quotation that closed
    glued: tuple[Mark, ...]  # marks with a word (or a stop) directly on both sides

    def first_opens_block(self, text: str) -> bool:
        """Does the block start with an opening mark (a quotation running on from before)?"""
        lead = len(text) - len(text.lstrip())
        return bool(self.marks) and self.marks[0].pos == lead and self.marks[0].opens

    def stray_before_open(self) -> bool:
        """Is the first mark a closing one with nothing open (the end of an earlier quotation)?"""
        return bool(self.marks) and bool(self.stray) and self.stray[0] is self.marks[0]


EMPTY = Scan((), (), (), (), (), (), ())


def _flank(text: str, i: int, j: int, guillemet: bool = False) -> str:
    """Where the mark text[i:j] stands: "L" before a word, "R" after one, "B" between two, "N"
    between spaces."""
    before = text[i - 1] if i else " "
    after = text[j] if j < len(text) else " "
    pb = before.isspace() or before in LEFT_BOUND
    nb = after.isspace() or after in RIGHT_BOUND
    if guillemet:  # French « texte » keeps a no-break space inside: it binds like a letter
        nb = nb and after not in TIGHT_SPACES
        pb = pb and before not in TIGHT_SPACES
    if pb and not nb:
        return "L"
    if nb and not pb:
        return "R"
    return "N" if pb else "B"


@text_cache(8192)
def scan(text: str) -> Scan:
    """Pair the quotation marks of one block of text."""
    # Most blocks hold no mark: say so with substring tests (map: no generator frames).
    if text.isascii():  # O(1); in ASCII only " and '' can be marks
        if STRAIGHT not in text and "''" not in text:
            return EMPTY
    elif not any(map(text.__contains__, _MARK_STRINGS)):
        return EMPTY
    regex = _MARKS_WITH_SINGLE_RE if LOW_SINGLE in text else _MARKS_RE
    marks, quotes, reopened, stray, dropped, glued = [], [], [], [], [], []
    stack: list[tuple[Mark, int]] = []  # (opening mark, depth)

    def top_of(cls: str) -> int:
        """Index in the stack of the innermost open quotation of this class, or -1."""
        for j in range(len(stack) - 1, -1, -1):
            if stack[j][0].cls == cls:
                return j
        return -1

    for m in regex.finditer(text):
        i, raw = m.start(), m.group()
        ch = DOUBLED.get(raw, raw)
        cls = _CLASS[ch]
        flank = _flank(text, i, m.end(), cls in "gh")
        if cls == "s":
            if ch == LOW_SINGLE:
                if flank in "LN":
                    mark = Mark(i, ch, cls, flank, True)
                    marks.append(mark)
                    stack.append((mark, _depth(stack)))
            elif stack and stack[-1][0].cls == "s" and flank in "RN":
                opener, depth = stack.pop()
                mark = Mark(i, ch, cls, flank, False)
                marks.append(mark)
                quotes.append(Quote(opener, mark, depth))
            continue
        if flank == "B" and len(raw) == 2:
            continue  # don’’t: a doubled apostrophe, not a quotation mark
        j = top_of(cls)
        if flank == "N" and cls in "gh" and j < 0 and not (
                ch in "«‹" and _PARTNER[ch] in text[i + 1:]):
            continue  # free-standing » or › between spaces: an arrow or separator (More »)
        if ch == STRAIGHT and i and text[i - 1].isdigit() and (
                j < 0 or stack[j][0].char != STRAIGHT):
            continue  # an inch mark (7"), not a quote
        if flank == "L":
            opens = True
        elif flank == "R":
            opens = False
        else:
            opens = j < 0
        mark = Mark(i, ch, cls, flank, opens, len(raw))
        marks.append(mark)
        if flank == "B":
            glued.append(mark)
        while stack and stack[-1][0].cls == "s":  # an unclosed ‚ inside: let it go
            opener, depth = stack.pop()
            quotes.append(Quote(opener, None, depth))
            j = top_of(cls)
        if opens:
            # guillemets nest in their own kind (French and Russian «…«…»…»); double quotes don't
            if cls == "d" and j >= 0 and j == len(stack) - 1:
                first, depth = stack.pop()
                reopened.append((first, mark))
                quotes.append(Quote(first, None, depth))
            stack.append((mark, _depth(stack)))
        elif j < 0:
            stray.append(mark)
        else:
            while len(stack) - 1 > j:
                inner, depth = stack.pop()
                dropped.append(inner)
                quotes.append(Quote(inner, None, depth))
            opener, depth = stack.pop()
            quotes.append(Quote(opener, mark, depth))
    unclosed = []
    last_guillemet = None
    if stack:  # only a quotation left open asks for it
        last_guillemet = next((mk for mk in reversed(marks) if mk.cls in "gh"), None)
    for opener, depth in stack:
        quotes.append(Quote(opener, None, depth))
        # «…«…» ends both quotations with one mark (common in Russian and Ukrainian)
        merged = opener.cls in "gh" and last_guillemet is not None and not last_guillemet.opens
        if opener.cls != "s" and not merged:
            unclosed.append(opener)
    quotes.sort(key=lambda q: q.open.pos)
    return Scan(tuple(marks), tuple(quotes), tuple(reopened), tuple(stray), tuple(unclosed),
                tuple(dropped), tuple(glued))


def _depth(stack: list[tuple[Mark, int]]) -> int:
    """How many non-‚ quotations are open: the top entry's own depth counts those below it."""
    if not stack:
        return 0
    top, depth = stack[-1]
    return depth + (top.cls != "s")


# ---- conventions -------------------------------------------------------------------------

@dataclass(frozen=True)
class Convention:
    code: str
    name: str
    primary: str  # two characters: opening and closing mark
    secondary: str
    accept: tuple[str, ...]  # every correct pair, primary first

    @property
    def openers(self) -> frozenset[str]:
        return frozenset(p[0] for p in self.accept)

    @property
    def closers(self) -> frozenset[str]:
        return frozenset(p[1] for p in self.accept)

    def closer_for(self, opener: str) -> str | None:
        return next((p[1] for p in self.accept if p[0] == opener), None)

    def opener_for(self, closer: str) -> str | None:
        return next((p[0] for p in self.accept if p[1] == closer), None)

    def pair_for(self, quote: Quote) -> str:
        """The pair a fix should use for this quotation: primary, or secondary when nested."""
        single = quote.open.cls in "hs"
        return self.secondary if single or quote.depth else self.primary


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Convention], frozenset[str], dict[str, str]]:
    raw = data.toml("quotes.toml")
    convs = {}
    for code, entry in raw["lang"].items():
        convs[code.lower()] = Convention(code, entry["name"], entry["primary"], entry["secondary"],
                                         tuple(entry["accept"]))
    known = frozenset(p for c in convs.values() for p in c.accept)
    return convs, known, dict(raw["styles"])


def convention(lang: str | None) -> Convention | None:
    """The quotation convention of a language code ("de", "de-CH", "de_ch"), or None if unknown."""
    if not lang:
        return None
    convs = _table()[0]
    code = lang.replace("_", "-").lower()
    return convs.get(code) or convs.get(code.split("-")[0])


def known_pairs() -> frozenset[str]:
    return _table()[1]


def style_name(pair: str) -> str | None:
    return _table()[2].get(pair)


def block_convention(doc: Document, block: Block) -> tuple[Convention | None, bool]:
    """(the convention to judge a block by, whether the block is in the article's language).

    Typography follows the publication, so the article's language decides; a block detected
    in another language (an untranslated paragraph) is judged only for pairs no language uses.
    """
    conv = convention(doc.lang)
    if block.lang and conv is not None and convention(block.lang) is not conv:
        return None, False
    return conv, True


def quoted_blocks(doc: Document, blocks: Iterable[Block]) -> Iterator[tuple[Block, list, Convention | None, bool]]:
    """(block, its quotations, the convention to judge it by, whether it is in the article's
    language) for every block that has quotations: the loop most quote rules start with."""
    for block in blocks:
        quotes = scan(block.text).quotes
        if quotes:
            conv, same = block_convention(doc, block)
            yield block, quotes, conv, same


def judge(pair: str, conv: Convention | None) -> str:
    """How a closed pair (two characters) stands in a convention.

    "ok"; "mixed" (one straight mark, one typographic); "foreign" (another language's pair);
    "wrong_close" (the opening mark is right, the closing one is not); "wrong_open"; "broken"
    (no language uses it, nothing to go by).
    """
    if (pair[0] == STRAIGHT) != (pair[1] == STRAIGHT):
        return "mixed"
    known = known_pairs()
    if conv is None:
        return "ok" if pair in known else "broken"
    if pair in conv.accept:
        return "ok"
    if pair in known and pair[0] not in conv.openers:
        return "foreign"
    if pair[0] in conv.openers:
        return "wrong_close"
    if pair[1] in conv.closers:
        return "wrong_open"
    return "broken"


# ---- document helpers ---------------------------------------------------------------------

def word_after(text: str, pos: int) -> int:
    """End of the word that starts at pos (pos itself if there is none)."""
    m = WORD_RE.match(text, pos)
    return m.end() if m else pos


def word_before(text: str, pos: int) -> int:
    """Start of the word that ends at pos (pos itself if there is none)."""
    start = pos
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'-"):
        start -= 1
    return start


def neighbours(doc: Document, block: Block, step: int) -> list[Block]:
    """The next (step=1) or previous (step=-1) block, and the nearest running-text block that
    way when furniture (captions, promos, galleries, or a short quote-free line such as an
    embed's credit) sits in between."""
    out = []
    i = block.index + step
    while 0 <= i < len(doc.blocks) and len(out) < 5:
        b = doc.blocks[i]
        out.append(b)
        if b.role not in FURNITURE and not _interlude(b.text):
            break
        i += step
    return out[:1] + out[-1:] if len(out) > 1 else out


def _interlude(text: str) -> bool:
    return len(text.split()) < SHORT_BLOCK_WORDS and not any(c in text for c in _ANY_MARK)


def continues_after(doc: Document, block: Block) -> bool:
    """Does the quotation left open at the end of this block go on in the next paragraph?

    Either the next paragraph opens with a quotation mark again (English and German
    multi-paragraph style) or it starts with the quotation's closing mark before opening any.
    """
    if ELLIPSIS_END_RE.search(block.text):  # a teaser cut short
        return True
    for nxt in neighbours(doc, block, 1):
        s = scan(nxt.text)
        if s.first_opens_block(nxt.text) or s.stray_before_open():
            return True
    return False


def continued_from_before(doc: Document, block: Block) -> bool:
    """Was a quotation left open at the end of the previous paragraph?"""
    return any(scan(prev.text).unclosed for prev in neighbours(doc, block, -1))


def snippet(text: str, start: int, end: int, width: int = 40) -> str:
    """text[start:end] for a message, shortened in the middle when long."""
    s = text[start:end]
    if len(s) <= width:
        return s
    half = width // 2 - 1
    return s[:half].rstrip() + " … " + s[-half:].lstrip()


def requote(text: str, quote: Quote, pair: str) -> str:
    """The quotation with its marks replaced by pair (open + close)."""
    assert quote.close is not None
    return pair[0] + text[quote.open.end:quote.close.pos] + pair[1]
