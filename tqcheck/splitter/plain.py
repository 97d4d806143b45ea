"""Split plain text (one block per line) into role-labelled blocks.

Four passes, each with one job:
1. features per line (length, end punctuation);
2. roles from cue phrases (data/roles.toml) in a fixed precedence, see `_cue_role`;
3. end matter: bios and notices count only where such furniture sits (see `_label_end_matter`);
4. context: headline/kicker/lede at the top, body, pull quotes, gallery and teaser titles,
   subheadings between body paragraphs.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from tqcheck.model import Block, Role
from tqcheck.splitter import cues

_CLOSING_QUOTES = "\"”“»«’‘'"

KICKER_MAX_WORDS = 3  # a kicker is a word or three above the headline
KICKER_LONG_MAX_WORDS = 7  # ...or a short topic line above a clearly longer title
KICKER_TITLE_MARGIN = 4
HEADLINE_MAX_WORDS = 35  # longer first lines are running text: the article has no headline
HEADLINE_MAX_SENTENCE_WORDS = 25  # ... and so are shorter ones that end like a sentence
LEDE_MIN_WORDS, LEDE_MAX_WORDS = 8, 60  # a one- to three-sentence summary
HEADING_MAX_WORDS = 18  # subheadings, gallery and teaser titles are short
END_MATTER_MAX_WORDS = 16  # short lines (teaser titles, "Share") do not end the end matter
TOP_LINES = 3  # how far down notices or a byline may push the headline
NOTICE_MAX_WORDS = 30  # a notice that does not say "this article" is a sentence or two
PULLQUOTE_MIN_WORDS, PULLQUOTE_MAX_WORDS = 5, 25
PULLQUOTE_MIN_CHARS = 25  # shorter strings match inside any paragraph by chance
PULLQUOTE_MIN_SCORE = 85  # measured on the fixtures: pull quotes 88-100, other short
                          # sentences <= 70 (pull quotes that skip a 'he says' score ~88)

# Roles that interrupt running text without breaking it: a subheading may stand across them.
_FURNITURE = frozenset({Role.CAPTION, Role.PROMO, Role.GALLERY, Role.RELATED, Role.PULLQUOTE,
                        Role.OTHER})
_SKIPPED = _FURNITURE | {Role.SUBHEADING}
_RUNNING = frozenset({Role.BODY, Role.LEDE})
_NOTICES = frozenset({Role.TRANSLATION_NOTICE, Role.SYNDICATION_NOTICE})


@dataclass(slots=True)
class _Line:
    number: int  # 1-based input line
    text: str
    lower: str
    triggers: frozenset[str]  # the cue triggers the lower-cased line holds
    words: int
    end: str  # "sentence" (. ! : ; …, also before closing quotes), "question" or "open"

    @property
    def heading_like(self) -> bool:
        # A lower-case start is the tail of a broken paragraph, never a heading.
        return (self.end != "sentence" and self.words <= HEADING_MAX_WORDS
                and not self.text[0].islower())


def split_plain(text: str) -> tuple[Block, ...]:
    """Blocks with index (0-based), line (1-based input line), role, text (the line without
    its line ending and surrounding whitespace), lang=None."""
    lines = _read_lines(text)
    roles = _assign_roles(lines)
    return tuple(Block(index=i, line=ln.number, role=role, text=ln.text)
                 for i, (ln, role) in enumerate(zip(lines, roles)))


# -- pass 1: lines and their features ------------------------------------------------------

def _read_lines(text: str) -> list[_Line]:
    if text.startswith("\ufeff"):
        text = text[1:]
    # Only \r\n, \r and \n end a line; str.splitlines() would also split at \x85, \u2028, \x0c
    # and friends, which turn up inside damaged text (\x85 is a mis-decoded "…").
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = [(number, stripped) for number, stripped in enumerate(map(str.strip, raw_lines), start=1)
            if stripped]  # blank lines are skipped but still counted
    lower = [stripped.lower() for _, stripped in kept]
    return [_Line(number, stripped, low, triggers, len(stripped.split()), _end(stripped))
            for (number, stripped), low, triggers in zip(kept, lower, cues.triggers_in_each(lower))]


def _end(text: str) -> str:
    # Look through closing quotes: 'he said.”' ends a sentence, a quoted heading '“… for”' not.
    core = text.rstrip(_CLOSING_QUOTES)
    if core.endswith("?"):
        return "question"
    if core.endswith((".", "!", ":", ";", "…")):
        return "sentence"
    return "open"


# -- the whole pipeline --------------------------------------------------------------------

def _assign_roles(lines: list[_Line]) -> list[Role]:
    found = [_cue_role(ln) for ln in lines]
    roles: list[Role | None] = [role for role, _ in found]
    _label_end_matter(lines, roles, [positional for _, positional in found])
    _label_top(lines, roles)
    for i, ln in enumerate(lines):
        if roles[i] is None and not ln.heading_like:
            roles[i] = Role.BODY
    _label_pullquotes(lines, roles)
    _label_short_lines(lines, roles)
    return roles


# -- pass 2: cue phrases, in precedence order ----------------------------------------------

# Phrase cues in precedence order: the first that matches gives the role.
_PHRASE_ROLES = (
    ("translation_notice", Role.TRANSLATION_NOTICE),  # "translated by DeepL" is a notice ...
    ("translator_credit", Role.CONTRIBUTORS),  # ... "translated by Anna Weber" a person's credit
    ("syndication_notice", Role.SYNDICATION_NOTICE),
    ("author_bio", Role.AUTHOR_BIO),  # the header of an author box: "To the authors"
    ("contributors", Role.CONTRIBUTORS),
    ("byline", Role.CONTRIBUTORS),
    ("dateline", Role.DATELINE),
    ("copyright", Role.OTHER),  # "© 2024 Daily Courier": a footer, not a picture credit
    ("caption", Role.CAPTION),
    ("gallery", Role.GALLERY),
    ("related", Role.RELATED),
    ("promo", Role.PROMO),
)


def _cue_role(ln: _Line) -> tuple[Role | None, Role | None]:
    """(role, positional role). A positional role (a notice that does not say "this article")
    only holds where pass 3 finds the line at the top or in the end matter: its phrases also
    occur in running text."""
    for role, cue in _phrase_cues_for(ln.words):
        if not cue(ln):
            continue
        if role in _NOTICES and not cues.cue("notice_self_reference")(ln):
            # Not "This article ...": trust only a sentence-like line (a headline on the topic is
            # not a notice), and only where pass 3 finds it.
            if ln.end == "sentence" and ln.words <= NOTICE_MAX_WORDS:
                return None, role
            continue
        return role, None
    return None, None


@lru_cache(maxsize=None)
def _phrase_cues() -> tuple[tuple[Role, cues.Cue], ...]:
    return tuple((role, cues.cue(name)) for name, role in _PHRASE_ROLES)


@lru_cache(maxsize=256)
def _phrase_cues_for(words: int) -> tuple[tuple[Role, cues.Cue], ...]:
    """The phrase cues that may match a line of this many words, in precedence order (a cue
    never matches a line longer than its max_words): long paragraphs skip most of them."""
    return tuple((role, cue) for role, cue in _phrase_cues() if words <= cue.max_words)


# -- pass 3: end matter --------------------------------------------------------------------

def _label_end_matter(lines: list[_Line], roles: list[Role | None],
                      positional: list[Role | None]) -> None:
    """Bios and notices cluster after the last paragraph of running text; a notice may also
    open the article. Walking backwards, the end matter lasts until a long unlabelled line.
    `positional` holds the notices whose phrases need such a place (see `_cue_role`)."""
    # Notices may also stand above the first line without any cue (the headline's line).
    top = next((i for i in range(len(lines)) if roles[i] is None and positional[i] is None),
               len(lines))
    bio = cues.cue("author_bio_sentence")  # "Jane Doe is a reporter at ...": only down here
    in_end_matter = True
    for i in range(len(lines) - 1, -1, -1):
        if positional[i] is not None and (in_end_matter or i < top):
            roles[i] = positional[i]
        elif roles[i] is None and in_end_matter and bio(lines[i]):
            roles[i] = Role.AUTHOR_BIO
        if roles[i] is None and lines[i].words > END_MATTER_MAX_WORDS:
            in_end_matter = False
    # The unlabelled lines under an author-box header ("Zu den Autoren") belong to the box.
    header = cues.cue("author_bio")
    in_box = False
    for i in range(len(lines)):
        if roles[i] is Role.AUTHOR_BIO and header(lines[i]):
            in_box = True
        elif roles[i] is None and in_box:
            roles[i] = Role.AUTHOR_BIO
        elif roles[i] is not Role.AUTHOR_BIO:
            in_box = False


# -- pass 4: context -----------------------------------------------------------------------

def _label_top(lines: list[_Line], roles: list[Role | None]) -> None:
    """Kicker, headline and lede: the first lines without a cue role."""
    free = [i for i, role in enumerate(roles) if role is None]
    if not free or free[0] >= TOP_LINES:
        return
    head = free[0]
    nxt = free[1] if len(free) > 1 else None
    if nxt == head + 1 and _is_kicker(lines[head], lines[nxt]):
        roles[head] = Role.KICKER
        head = nxt  # with a kicker, the line below is the headline, sentence or not
    if not _can_be_headline(lines[head]):
        return  # the text starts with running text
    roles[head] = Role.HEADLINE
    lede = head + 1  # directly below: after a dateline, running text begins
    if lede < len(lines) - 1 and roles[lede] is None and _is_lede(lines[lede]):
        roles[lede] = Role.LEDE


def _is_kicker(line: _Line, below: _Line) -> bool:
    # "Ukraine-Krieg:" is a kicker too; a full stop makes a (very short) sentence.
    if not _can_be_headline(below) or line.words >= below.words:
        return False
    if line.words <= KICKER_MAX_WORDS:
        return line.end != "sentence" or line.text.endswith(":")
    # A longer topic line ("Sabotage suspicion in the Baltic Sea") is a kicker only above a
    # clearly longer title that is not a sentence either; above a sentence it is the headline.
    return (line.words <= KICKER_LONG_MAX_WORDS and line.end == "open" and below.end == "open"
            and below.words >= line.words + KICKER_TITLE_MARGIN)


def _can_be_headline(line: _Line) -> bool:
    if line.end == "sentence":
        return line.words <= HEADLINE_MAX_SENTENCE_WORDS
    return line.words <= HEADLINE_MAX_WORDS


def _is_lede(line: _Line) -> bool:
    return (line.end != "open" and LEDE_MIN_WORDS <= line.words <= LEDE_MAX_WORDS
            and not cues.dateline_prefix().match(line.text))


def _label_pullquotes(lines: list[_Line], roles: list[Role | None]) -> None:
    """A short body block that repeats a stretch of a longer body paragraph is a pull quote;
    the paragraph it repeats stays body. The longer paragraphs are joined into one text:
    partial_ratio finds the best-aligned stretch, even across two sentences, in one call."""
    body = [i for i, role in enumerate(roles) if role is Role.BODY]
    candidates = [i for i in body if lines[i].end != "open"
                  and PULLQUOTE_MIN_WORDS <= lines[i].words <= PULLQUOTE_MAX_WORDS]
    if not candidates:
        return
    plain_text = {i: _fuzz_text(lines[i].text) for i in body}
    for i in candidates:
        quote = plain_text[i]
        if len(quote) < PULLQUOTE_MIN_CHARS:
            continue
        sources = "\n".join(plain_text[j] for j in body if lines[j].words > lines[i].words)
        if fuzz.partial_ratio(quote, sources, score_cutoff=PULLQUOTE_MIN_SCORE):
            roles[i] = Role.PULLQUOTE


def _fuzz_text(text: str) -> str:
    # Lower-cased, punctuation blanked out, spaces collapsed: quotes, dashes and apostrophes
    # differ between a pull quote and its source.
    return " ".join(default_process(text).split())


def _label_short_lines(lines: list[_Line], roles: list[Role | None]) -> None:
    """Short lines without sentence punctuation, by what stands around them."""
    n = len(lines)
    for i in range(n):
        if roles[i] is not None:
            continue
        if i + 1 < n and roles[i + 1] is Role.GALLERY and lines[i].end == "open":
            roles[i] = Role.GALLERY  # the gallery's title above "View photo series"
        elif i > 0 and roles[i - 1] is Role.RELATED and lines[i - 1].text.endswith(":"):
            roles[i] = Role.RELATED  # the teaser title under a bare "Read also:"
        elif _neighbour(roles, i, -1) in _RUNNING and _neighbour(roles, i, +1) in _RUNNING:
            roles[i] = Role.SUBHEADING
        else:
            roles[i] = Role.OTHER


def _neighbour(roles: list[Role | None], i: int, step: int) -> Role | None:
    """The nearest role in direction `step`, looking across page furniture, subheadings and
    undecided lines (so two consecutive short lines can both be subheadings)."""
    j = i + step
    while 0 <= j < len(roles) and (roles[j] is None or roles[j] in _SKIPPED):
        j += step
    return roles[j] if 0 <= j < len(roles) else None
