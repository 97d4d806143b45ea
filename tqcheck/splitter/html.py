"""Split an HTML page (or a fragment) into role-labelled blocks.

Four steps, each in its own module or pass:
1. html_dom.parse: the page as the reader sees it, a run of text ("segment") per paragraph,
   heading, list item, caption ...; scripts, styles, forms' controls and hidden elements are gone.
2. html_main.find_main: the element(s) holding the article's running text (a fragment - no
   <html>/<body> in the source - is taken whole), then the article's scope around it: the
   nearest ancestor that also holds its <h1>, for the headline, standfirst and byline above the
   text and the bio and notices below it.
3. Roles from the markup: the innermost element between a block and the container that has a
   telling tag (<figure>, <aside>, <nav>, <h1>-<h6>, <blockquote>) or class/id name
   (data/html_roles.toml) decides; navigation, share bars, comment threads, tag lists and the
   like are dropped.
4. Roles from the text, with the plain-text splitter's cue phrases (data/roles.toml through
   splitter/cues.py): notices, bylines, picture credits, "Read more:" teasers, subscription
   prompts, datelines; pull quotes are near-copies of a body paragraph, as in plain text.

Only blocks with role body or subheading make up the isolated body text (model.BODY_ROLES).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from tqcheck import data
from tqcheck.model import Block, Role
from tqcheck.splitter import cues
from tqcheck.splitter.html_dom import HEADING_TAGS, Page, parse
from tqcheck.splitter.html_main import (find_main, hidden_classes, names_pattern, own_flags,
                                       prose_chars)
from tqcheck.splitter.plain import (PULLQUOTE_MAX_WORDS, PULLQUOTE_MIN_CHARS, PULLQUOTE_MIN_SCORE,
                                    PULLQUOTE_MIN_WORDS)

_TOML = "html_roles.toml"
_DROP = "drop"  # a markup verdict: leave the block out
_FRAGMENT = re.compile(r"<(?:html|body|head)[\s>/]", re.IGNORECASE)

SCOPE_MAX_LEVELS = 4  # how far above the container the article's <h1> may sit
SCOPE_MAX_GROWTH = 1.5  # ... if the wider scope adds at most this share of prose
PROSE_MIN_WORDS = 15  # a paragraph of running text: the header zone ends above the first
META_MAX_WORDS = 14  # a date or byline line is short
LINK_HEAVY = 0.5  # share of a block's characters inside links
LINKED_HEADING = 0.9  # a heading this much link is a teaser's title
MAJOR_SHARE = 0.5  # an element holding this share of the article's prose is no furniture,
                   # whatever its names ("post type-post status-publish tag-x")

# Tables of html_roles.toml in precedence order, with the role their names give.
_NAME_ROLES = (
    ("drop", _DROP),
    ("caption", Role.CAPTION),
    ("gallery", Role.GALLERY),
    ("pullquote", Role.PULLQUOTE),
    ("author_bio", Role.AUTHOR_BIO),
    ("related", Role.RELATED),
    ("promo", Role.PROMO),
    ("byline", Role.CONTRIBUTORS),
    ("dateline", Role.DATELINE),
    ("notice", Role.OTHER),
    ("lede", Role.LEDE),
    ("kicker", Role.KICKER),
    ("headline", Role.HEADLINE),
    ("meta", Role.OTHER),
)
_DROP_TAGS = frozenset({"nav", "form", "fieldset", "menu", "legend", "details", "summary",
                        "search"})
# Tags that give a role when no name does: an <aside> in the text is furniture, a promo unless
# its names say related; a <footer> in an article holds tags, share links and the like.
_TAG_ROLES = {"figure": Role.CAPTION, "figcaption": Role.CAPTION, "aside": Role.PROMO,
              "footer": Role.OTHER, "address": Role.CONTRIBUTORS}

# Text cues of roles.toml in precedence order (as in the plain-text splitter).
_PHRASE_ROLES = (
    ("translation_notice", Role.TRANSLATION_NOTICE),
    ("translator_credit", Role.CONTRIBUTORS),
    ("syndication_notice", Role.SYNDICATION_NOTICE),
    ("author_bio", Role.AUTHOR_BIO),
    ("contributors", Role.CONTRIBUTORS),
    ("byline", Role.CONTRIBUTORS),
    ("dateline", Role.DATELINE),
    ("copyright", Role.OTHER),
    ("caption", Role.CAPTION),
    ("gallery", Role.GALLERY),
    ("related", Role.RELATED),
    ("promo", Role.PROMO),
)
_NOTICES = frozenset({Role.TRANSLATION_NOTICE, Role.SYNDICATION_NOTICE})
_RUNNING_ROLES = frozenset({Role.BODY, Role.SUBHEADING, Role.LEDE, Role.PULLQUOTE})
_HEAD, _BODY, _TAIL = 0, 1, 2
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", ":", ";", '"', "”", "»", "«", "’", ")")


@dataclass(slots=True)
class _Item:
    """One block being labelled; text, lower and words make it a cues.Line."""

    seg: int
    zone: int
    text: str
    lower: str
    words: int
    owner_tag: str
    link_share: float
    markup: object = None  # a Role, _DROP or None
    root: int = -1  # which of the container's roots holds it (body zone)
    apart: bool = False  # set apart from the paragraphs: in a <blockquote>, <aside>, <figure>, or
                         # a <div> of its own
    role: Role | None = None
    triggers: frozenset[str] = field(init=False)  # the cue triggers in `lower`

    def __post_init__(self) -> None:
        self.triggers = cues.triggers_in(self.lower)


def split_html(html: str) -> tuple[Block, ...]:
    """Blocks of the page's article (main content found in a full page, or a fragment taken whole):
    index 0-based, line = 1-based line in the HTML source where the block's element starts,
    role, text (the block's visible text, whitespace-normalised), lang=None."""
    page = parse(html, hidden_classes())
    if not page.segments:
        return ()
    items, top = _article_items(page, fragment=_FRAGMENT.search(html) is None)
    _assign_roles(page, items, top)
    kept = [it for it in items if it.role is not None]
    lines = page.line_of([page.segments[it.seg].offset for it in kept])
    return tuple(Block(index=n, line=line, role=it.role, text=it.text)
                 for n, (it, line) in enumerate(zip(kept, lines)))


# -- which blocks belong to the article ------------------------------------------------------

def _article_items(page: Page, fragment: bool) -> tuple[list[_Item], int]:
    """The segments of the article with their zone (above, in or below the text) and what
    the markup says about them; dropped ones (navigation, share bars ...) are left out."""
    els, segs = page.elements, page.segments
    if fragment:
        roots = [i for i, e in enumerate(els) if e.tag == "body"][:1] or [0]
        scope = roots[0]
        inside = set(range(len(segs)))
        top = 0
    else:
        main = find_main(page)
        roots = main.roots
        inside = set(main.segments)
        scope = _scope(page, roots)
        top = roots.index(main.top) if main.top in roots else 0
    flags = own_flags(page)
    prose = prose_chars(page)
    major = MAJOR_SHARE * sum(prose.get(r, 0) for r in roots)
    # Prose per class/id string: ten <div class="text-description"> wrappers around the
    # paragraphs are the text, even if each holds only a tenth of it.
    by_names: dict[str, int] = {}
    for i, n in prose.items():
        names = els[i].names
        if names:
            by_names[names] = by_names.get(names, 0) + n
    prose = {i: max(n, by_names.get(els[i].names, 0)) if els[i].names else n
             for i, n in prose.items()}
    items: list[_Item] = []
    seen_body = False
    in_scope = _subtree(page, scope)
    root_of = _root_positions(page, roots)
    own: dict[int, object] = {}
    walk_body = _MarkupWalk(page, set(roots), flags, prose, major, own)
    walk_scope = _MarkupWalk(page, {scope}, flags, prose, major, own)
    for k, s in enumerate(segs):
        if k in inside:
            zone = _BODY
            seen_body = True
        elif in_scope[s.owner]:
            zone = _TAIL if seen_body else _HEAD
        else:
            continue
        markup = (walk_body if zone == _BODY else walk_scope)(s.inline if s.inline >= 0
                                                              else s.owner)
        if markup == _DROP:
            continue
        n = len(s.text)
        items.append(_Item(k, zone, s.text, s.text.lower(), s.words, els[s.owner].tag,
                           s.link_chars / n if n else 0.0, markup,
                           root_of[s.owner] if zone == _BODY else -1, _set_apart(page, s.owner)))
    return items, top


def _subtree(page: Page, root: int) -> list[bool]:
    """Per element: whether it is `root` or inside it (one pass: parents come first)."""
    out: list[bool] = []
    for i, e in enumerate(page.elements):
        out.append(i == root or (e.parent >= 0 and out[e.parent]))
    return out


def _root_positions(page: Page, roots: list[int]) -> list[int]:
    """Per element: the position in `roots` of the root it is in (0 outside them)."""
    pos = {r: n for n, r in enumerate(roots)}
    out: list[int] = []
    for i, e in enumerate(page.elements):
        out.append(pos[i] if i in pos else (out[e.parent] if e.parent >= 0 else 0))
    return out


def _under(page: Page, i: int, root: int) -> bool:
    els = page.elements
    while i >= 0:
        if i == root:
            return True
        i = els[i].parent
    return False


def _scope(page: Page, roots: list[int]) -> int:
    """The article around its text container: the nearest ancestor (a few levels up at most)
    that also holds an <h1> before the text, unless it would take in much more prose."""
    els = page.elements
    if not roots:
        return 0
    first = roots[0]
    start = els[first].offset
    h1_owners = [s.owner for s in page.segments if els[s.owner].tag == "h1"]
    if not h1_owners:
        return first if len(roots) == 1 else els[first].parent
    base_prose = sum(_prose(page, r) for r in roots)
    i = first if len(roots) == 1 else els[first].parent
    for _ in range(SCOPE_MAX_LEVELS + 1):
        if i < 0 or els[i].tag in ("body", "html"):
            break
        if any(_under(page, h, i) and els[h].offset <= start for h in h1_owners):
            if _prose(page, i) <= base_prose * SCOPE_MAX_GROWTH + 200:
                return i
            break
        i = els[i].parent
    return first if len(roots) == 1 else els[first].parent


def _prose(page: Page, i: int) -> int:
    els = page.elements
    return els[i].text_chars - els[i].link_chars


# -- roles from the markup -------------------------------------------------------------------

@lru_cache(maxsize=None)
def _name_patterns() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], object], ...]]:
    tables = tuple((names_pattern(t), role) for t, role in _NAME_ROLES)
    any_role = re.compile("|".join(p.pattern for p, _ in tables))
    return any_role, tables


# Roles of short pieces of text: an element with more text than this is not one, whatever its
# names say (WordPress names the <article> "post type-post status-publish author-x").
_SHORT_ROLES = frozenset({Role.CONTRIBUTORS, Role.DATELINE, Role.KICKER, Role.HEADLINE, Role.LEDE,
                          Role.CAPTION})
SHORT_ROLE_MAX_CHARS = 600


def _element_role(page: Page, i: int, flags: list[bool]) -> object:
    """The role an element's own tag or names give its text (_DROP: leave it out), or None."""
    e = page.elements[i]
    if e.tag in _DROP_TAGS:
        return _DROP
    if e.names:
        any_role, tables = _name_patterns()
        if any_role.search(e.names):
            for pattern, role in tables:
                if pattern.search(e.names):
                    if role in _SHORT_ROLES and e.text_chars > SHORT_ROLE_MAX_CHARS:
                        continue
                    return role
    role = _TAG_ROLES.get(e.tag)
    if role is not None:
        return role
    if flags[i]:
        return Role.OTHER
    return None


@dataclass(slots=True)
class _Markup:
    """What the elements from the stop element down to one element say (see _markup_role)."""

    role: object  # the innermost role given by names or tag (never _DROP), or None
    tag_drop: bool  # under a <nav>, <form> ...: always dropped
    name_drop: bool  # under an element named like page machinery, and not inside a quoted post


_NO_MARKUP = _Markup(None, False, False)


class _MarkupWalk:
    """The role the markup gives a block: that of the innermost telling element between the
    block's element and the container (exclusive); a _DROP anywhere on the way wins, except
    that a post quoted in the article (an embedded tweet in a <blockquote>) survives a "social"
    wrapper. Computed once per element, top-down along each path, so a page nested 10,000 deep
    costs 10,000 steps, not 10,000 per block."""

    def __init__(self, page: Page, stop: set[int], flags: list[bool], prose: dict[int, int],
                 major: float, own: dict[int, object]):
        self.page, self.stop, self.flags, self.prose, self.major = page, stop, flags, prose, major
        self.own = own  # per element: its own role (shared by the walks of one page)
        self.memo: dict[int, _Markup] = {}

    def _own(self, i: int) -> object:
        own = self.own
        if i not in own:
            own[i] = (None if self.prose.get(i, 0) > self.major
                      else _element_role(self.page, i, self.flags))
        return own[i]

    def __call__(self, owner: int) -> object:
        els, memo, stop = self.page.elements, self.memo, self.stop
        path = []
        i = owner
        while i >= 0 and i not in stop and i not in memo:
            path.append(i)
            i = els[i].parent
        state = memo.get(i, _NO_MARKUP)
        quoted = names_pattern("quoted_embed")
        for j in reversed(path):
            e = els[j]
            role = self._own(j)
            tag_drop = state.tag_drop or e.tag in _DROP_TAGS
            if e.tag == "blockquote" and e.names and quoted.search(e.names):
                name_drop = False  # "social-embed" around a quoted tweet: the tweet stays
            else:
                name_drop = state.name_drop
            if role == _DROP:
                name_drop = True
                role = None
            state = _Markup(role if role is not None else state.role, tag_drop, name_drop)
            memo[j] = state
        if state.tag_drop or state.name_drop:
            return _DROP
        return state.role


# -- the roles -------------------------------------------------------------------------------

# Text cues of html_roles.toml, tried after those of roles.toml.
_WEB_PHRASE_ROLES = (
    ("web_dateline", Role.DATELINE),
    ("web_related", Role.RELATED),
    ("web_contact", Role.CONTRIBUTORS),
    ("web_promo", Role.PROMO),
    ("web_share", Role.OTHER),
)


@lru_cache(maxsize=None)
def _phrase_cues() -> tuple[tuple[Role, cues.Cue], ...]:
    web = data.toml(_TOML)
    return (tuple((role, cues.cue(name)) for name, role in _PHRASE_ROLES)
            # cues._cue compiles a table of the roles.toml format; these live in html_roles.toml
            + tuple((role, cues._cue(web[name])) for name, role in _WEB_PHRASE_ROLES))


def _cue_role(it: _Item, edge: bool) -> Role | None:
    """The role the text's phrasing gives. Notices that do not speak of "this article" count
    only at the edges of the article (`edge`), as in the plain-text splitter."""
    for role, cue in _phrase_cues():
        if not cue(it):
            continue
        if role in _NOTICES and not cues.cue("notice_self_reference")(it):
            if edge and it.text.rstrip().endswith(_SENTENCE_END):
                return role
            continue
        return role
    return None


def _assign_roles(page: Page, items: list[_Item], top: int) -> None:
    body_idx = [n for n, it in enumerate(items) if it.zone == _BODY]
    first_prose = next((n for n in body_idx if _is_prose(items[n])), None)
    last_prose = next((n for n in reversed(body_idx) if _is_prose(items[n])), None)
    for n, it in enumerate(items):
        at_top = first_prose is None or n < first_prose
        end = last_prose is not None and n > last_prose
        cue = _cue_role(it, edge=at_top or end or it.zone != _BODY)
        if it.zone == _BODY:
            it.role = _body_role(it, cue, at_top)
        else:
            it.role = _edge_role(it, cue)
    _one_headline(items, first_prose)
    _end_tail(items)
    _label_top(items)
    _label_after_related(items, top)
    _label_pullquotes(items)


def _one_headline(items: list[_Item], first_prose: int | None) -> None:
    """One headline: the last <h1> above the text (a site's name may be an <h1> too), else the
    first <h1>, else the last title-named block above the text. The other candidates are
    subheadings in the text, furniture above it."""
    candidates = [(n, it) for n, it in enumerate(items) if it.role is Role.HEADLINE]
    if len(candidates) < 2:
        return
    limit = first_prose if first_prose is not None else len(items)
    h1 = [c for c in candidates if c[1].owner_tag == "h1"]
    above = [c for c in (h1 or candidates) if c[0] < limit]
    chosen = above[-1][1] if above else (h1 or candidates)[0][1]
    for n, it in candidates:
        if it is not chosen:
            it.role = (Role.SUBHEADING if it.zone == _BODY and n > limit
                       and it.owner_tag in HEADING_TAGS else Role.OTHER)


def _end_tail(items: list[_Item]) -> None:
    """The end matter below the text (bio, credits, notices) ends at the first block that is
    none of these: further down are teasers, whose bylines are not this article's."""
    ended = False
    for it in items:
        if it.zone != _TAIL:
            continue
        if it.role is None:
            ended = True
        elif ended:
            it.role = None


def _label_after_related(items: list[_Item], top: int) -> None:
    """A heading that introduces related articles ("You may also like") where the container
    is several siblings (parts taken in for their text): the teasers it announces follow it.
    Announced before any prose of its part, the whole part is teasers (if another part has
    prose); announced after prose, the rest of that part and the later parts are, except in the
    best-scoring part, where the text goes on after an inline "Related" box."""
    body = [it for it in items if it.zone == _BODY]
    if len({it.root for it in body}) < 2:
        return
    prose_roots = {it.root for it in body if _is_prose(it)}
    started: set[int] = set()  # parts whose prose has begun
    related_part = None  # the part whose rest is teasers
    later = False  # later parts are teasers
    for it in body:
        if (later and it.root != top) or it.root == related_part:
            if it.role in _RUNNING_ROLES:
                it.role = Role.RELATED
            continue
        if _is_prose(it):
            started.add(it.root)
        elif (it.role is Role.RELATED and it.owner_tag in HEADING_TAGS
              and it.link_share < LINKED_HEADING):  # announced in words, not a teaser's title
            if it.root not in started and prose_roots - {it.root}:
                related_part = it.root
            elif it.root != top:
                related_part = it.root
            later = True


def _is_prose(it: _Item) -> bool:
    return (it.words >= PROSE_MIN_WORDS and it.link_share < LINK_HEAVY
            and it.markup is None and it.owner_tag not in HEADING_TAGS)


def _body_role(it: _Item, cue: Role | None, top: bool) -> Role:
    tag = it.owner_tag
    if cue in _NOTICES or cue is Role.AUTHOR_BIO:
        return cue
    markup = it.markup
    if tag in HEADING_TAGS and tag != "h1" and markup in (None, Role.HEADLINE, Role.KICKER):
        # "Related articles", "Newsletter": the words say more than the <h3>. A heading that
        # is all link is the title of a teaser, never a subheading of this text.
        if cue is not None:
            return cue
        if it.link_share >= LINKED_HEADING:
            return Role.RELATED
    if markup is not None:
        if markup is Role.LEDE or markup is Role.KICKER:
            return markup if top else Role.OTHER
        if markup is Role.HEADLINE:
            if tag == "h1":
                return Role.HEADLINE
            return Role.SUBHEADING if tag in HEADING_TAGS and not top else Role.OTHER
        return markup
    if tag == "h1":
        return Role.HEADLINE if top else Role.SUBHEADING
    if cue is not None:
        return cue
    if tag in HEADING_TAGS:
        return Role.SUBHEADING
    if tag == "blockquote" or it.link_share < LINK_HEAVY:
        return Role.BODY
    return Role.RELATED if it.words >= 3 else Role.OTHER


_HEAD_ROLES = frozenset({Role.HEADLINE, Role.KICKER, Role.LEDE, Role.CONTRIBUTORS, Role.DATELINE,
                         Role.CAPTION, Role.TRANSLATION_NOTICE, Role.SYNDICATION_NOTICE, Role.OTHER})
_TAIL_ROLES = frozenset({Role.AUTHOR_BIO, Role.CONTRIBUTORS, Role.TRANSLATION_NOTICE,
                         Role.SYNDICATION_NOTICE})


def _edge_role(it: _Item, cue: Role | None) -> Role | None:
    """Above the text: headline, kicker, standfirst, byline, dateline, the lead picture's
    caption. Below it: bio, contributors, notices. Anything else there is left out."""
    if it.owner_tag == "h1" and it.zone == _HEAD:
        return Role.HEADLINE
    role = cue or it.markup
    if role is None:
        role = Role.OTHER
    allowed = _HEAD_ROLES if it.zone == _HEAD else _TAIL_ROLES
    return role if role in allowed else None


def _label_top(items: list[_Item]) -> None:
    """Above the first paragraph: a short line right before the headline is its kicker; a
    short line with a date or time is the dateline."""
    head = next((n for n, it in enumerate(items) if it.role is Role.HEADLINE), None)
    for n, it in enumerate(items):
        if it.role is Role.BODY and _is_prose(it):
            break
        if head is not None and n == head - 1 and it.role is Role.OTHER and it.words <= 4:
            it.role = Role.KICKER
        elif it.role in (Role.BODY, Role.OTHER) and it.words <= META_MAX_WORDS and _has_date(it):
            it.role = Role.DATELINE


_DATE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr|h)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mär|mai|okt|dez)[a-zä]*\.?\s+\d{4}\b",
    re.IGNORECASE)


def _has_date(it: _Item) -> bool:
    return _DATE.search(it.text) is not None


# Where a pull quote sits: set apart from the paragraphs, never one of them (a repeated <p> or
# <li> is repeated text: "1 cup flour" in two recipes).
_APART_OWNERS = frozenset({"blockquote", "div", "aside", "figure", "section", "center"})
_APART_PARENTS = frozenset({"blockquote", "aside", "figure"})


def _set_apart(page: Page, owner: int) -> bool:
    """Whether a block stands apart from the paragraphs, as a pull quote does. An embedded post
    (a tweet the text goes on to quote) is not a pull quote."""
    els = page.elements
    quoted = names_pattern("quoted_embed")
    i = owner
    for level in range(3):  # <blockquote>, <blockquote><p>, <aside><div><p>
        if i < 0:
            return False
        e = els[i]
        if e.names and quoted.search(e.names):
            return False
        if e.tag in _APART_PARENTS or (level == 0 and e.tag in _APART_OWNERS):
            return True
        i = e.parent
    return False


def _fuzz_text(text: str) -> str:
    return " ".join(default_process(text).split())


def _label_pullquotes(items: list[_Item]) -> None:
    """A short block that repeats a stretch of a longer body paragraph is a pull quote (as in
    the plain-text splitter); the paragraph it repeats stays body."""
    body = [it for it in items if it.role is Role.BODY]
    candidates = [it for it in body if PULLQUOTE_MIN_WORDS <= it.words <= PULLQUOTE_MAX_WORDS
                  and len(it.text) >= PULLQUOTE_MIN_CHARS and it.apart]
    if not candidates:
        return
    plain = {id(it): _fuzz_text(it.text) for it in body}
    for it in candidates:
        sources = "\n".join(plain[id(o)] for o in body if o.words > it.words)
        if sources and fuzz.partial_ratio(plain[id(it)], sources, score_cutoff=PULLQUOTE_MIN_SCORE):
            it.role = Role.PULLQUOTE
