"""Find the article in a full page: the element(s) that hold its running text.

1. Furniture: an element is page furniture by its tag (<nav>, <footer>, <aside>), its ARIA
   role (navigation, contentinfo, banner, complementary, search) or its class/id names
   (html_roles.toml [unlikely]: menu, comment, share, related, sidebar, newsletter ...), unless
   a name part also says content ("l-sidebar-fixed l-article-body") or it holds most of the
   page's prose (a "page-ad-margins" wrapper around everything). Text inside furniture casts no
   vote.
2. Votes (Mozilla Readability's scheme): every run of text of 25 characters or more votes for
   the five elements above its paragraph - 1 point, one per comma, one per 100 characters (at
   most 3), divided by 1, 2, then 3 x level - on top of a start score from the tag (<article>,
   <div> up; lists, headings down) and the names ([content] +25: article-body, story,
   entry-content, itemprop=articleBody ...; [negative] -25). Each score is then discounted by
   the element's link density: navigation and teaser lists are mostly links.
3. The best-scoring element is the container; it moves up to a common ancestor when three of
   the five best are under it (a text split into parts), or to a parent that scores better.
4. Its siblings join when they score at least a fifth as well, share its class names, or are
   paragraphs of prose (a text whose parts sit side by side).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tqcheck import data
from tqcheck.splitter.html_dom import HEADING_TAGS, Page

_TOML = "html_roles.toml"

PARA_MIN_CHARS = 25  # shorter runs of text cast no vote
PARA_TAGS = frozenset({"p", "li", "td", "th", "pre", "blockquote", "dd", "dt", "address",
                       "figcaption", "h2", "h3", "h4", "h5", "h6"})
_TAG_BONUS = {"div": 5, "article": 8, "main": 3, "section": 2, "pre": 3, "td": 3, "blockquote": 3,
              "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3,
              "form": -3, "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
NAME_WEIGHT = 25
_NEUTRAL_TAGS = frozenset({"html", "body", "main", "article"})  # their names never mark furniture
_COMMAS = re.compile(r"[,，、،]")


@lru_cache(maxsize=None)
def names_pattern(table: str) -> re.Pattern[str]:
    """The names of one table of html_roles.toml as one regex; an entry matches where a name
    or a part of one starts."""
    entries = data.toml(_TOML)[table]["names"]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(entries) + ")")


@lru_cache(maxsize=None)
def hidden_classes() -> frozenset[str]:
    return frozenset(data.toml(_TOML)["hidden"]["classes"])


@dataclass(slots=True)
class Main:
    roots: list[int]  # elements whose subtrees hold the article, in document order
    top: int  # the best-scoring of them; the others are siblings taken in for their text
    segments: list[int]  # indices of the segments inside them, in document order
    boilerplate: list[bool]  # per element: inside furniture by its (or an ancestor's) names


DOMINANT_SHARE = 0.5  # an element holding this share of the page's prose is no furniture
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside"})
_FURNITURE_ROLES = frozenset({"navigation", "contentinfo", "banner", "complementary", "search"})


def own_flags(page: Page) -> list[bool]:
    """Per element: whether its own tag, ARIA role or names make it page furniture."""
    if page.flags is not None:
        return page.flags
    unlikely, content = names_pattern("unlikely"), names_pattern("content")
    prose = prose_chars(page)
    total = max(prose.values(), default=0)
    out: list[bool] = []
    for i, e in enumerate(page.elements):
        flag = False
        if e.tag in _FURNITURE_TAGS or e.attrs.get("role") in _FURNITURE_ROLES:
            flag = True
        elif e.names and e.tag not in _NEUTRAL_TAGS and unlikely.search(e.names):
            # "l-sidebar-fixed l-article-body" is content; "comment-content" is not.
            flag = not any(content.search(t) and not unlikely.search(t) for t in e.names.split())
        if flag and prose.get(i, 0) > DOMINANT_SHARE * total:
            flag = False  # a wrapper around most of the page's prose ("page-ad-margins")
        out.append(flag)
    page.flags = out
    return out


def element_flags(page: Page) -> list[bool]:
    """Per element: whether it is (inside) page furniture. Parents come before children in
    page.elements, so one pass propagates the flag down."""
    own = own_flags(page)
    els = page.elements
    out: list[bool] = []
    for i, e in enumerate(els):
        p = e.parent
        out.append(own[i] or (p >= 0 and out[p]))
    return out


def prose_chars(page: Page) -> dict[int, int]:
    """Per element: characters of prose inside it (runs of text long enough to vote, mostly
    not links). Elements without any are left out."""
    if page.prose is not None:
        return page.prose
    els = page.elements
    own = [0] * len(els)
    for s in page.segments:
        n = len(s.text)
        if n >= PARA_MIN_CHARS and s.link_chars * 2 <= n:
            own[s.owner] += n
    for i in range(len(els) - 1, 0, -1):  # children come after their parents
        if own[i]:
            p = els[i].parent
            if p >= 0:
                own[p] += own[i]
    page.prose = {i: n for i, n in enumerate(own) if n}
    return page.prose


def find_main(page: Page) -> Main:
    """The container(s) of the article's running text and the segments inside them."""
    els, segs = page.elements, page.segments
    bp = element_flags(page)
    bp_pat, ct_pat = names_pattern("negative"), names_pattern("content")
    scores: dict[int, float] = {}

    def init(i: int) -> float:
        e = els[i]
        s = _TAG_BONUS.get(e.tag, 0)
        if e.names and e.tag not in ("html", "body"):
            if ct_pat.search(e.names):
                s += NAME_WEIGHT
            if bp_pat.search(e.names):
                s -= NAME_WEIGHT
        return float(s)

    for s in segs:
        n = len(s.text)
        if n < PARA_MIN_CHARS or bp[s.owner]:
            continue
        o = s.owner
        oe = els[o]
        if oe.tag in HEADING_TAGS or oe.tag == "h1":
            continue
        score = 1 + len(_COMMAS.findall(s.text)) + min(n // 100, 3)
        start = oe.parent if (oe.tag in PARA_TAGS or not oe.block_children) else o
        level = 0
        i = start
        while i >= 0 and level < 5:
            if i not in scores:
                scores[i] = init(i)
            div = 1 if level == 0 else (2 if level == 1 else level * 3)
            scores[i] += score / div
            i = els[i].parent
            level += 1
    if not scores:
        body = next((i for i, e in enumerate(els) if e.tag == "body"), 0)
        return Main([body] if els else [], body, list(range(len(segs))), bp)
    final = {}
    for i, sc in scores.items():
        e = els[i]
        ld = e.link_chars / e.text_chars if e.text_chars else 0.0
        final[i] = sc * (1 - ld)
    ranked = sorted(final, key=final.get, reverse=True)
    top = ranked[0]
    top = _climb(page, top, ranked[:5], final)
    roots = _with_siblings(page, top, final, bp)
    inside = _segments_under(page, roots)
    return Main(roots, top, inside, bp)


def _climb(page: Page, top: int, best: list[int], final: dict[int, float]) -> int:
    els = page.elements
    top_score = final[top]
    # Several strong candidates under one ancestor: the article is split; take the ancestor.
    alternatives = [c for c in best[1:] if final[c] >= 0.75 * top_score]
    if len(alternatives) >= 3:
        anc_of = [set(page.ancestors(c)) for c in alternatives]
        p = els[top].parent
        while p >= 0 and els[p].tag not in ("body", "html"):
            if sum(p in a for a in anc_of) >= 3:
                top = p
                break
            p = els[p].parent
    # Walk up while a parent scores higher (it holds more of the text).
    last = final.get(top, 0.0)
    threshold = last / 3
    p = els[top].parent
    while p >= 0 and els[p].tag not in ("body", "html"):
        if p not in final:
            p = els[p].parent
            continue
        if final[p] < threshold:
            break
        if final[p] > last:
            top = p
            break
        last = final[p]
        p = els[p].parent
    # An only child: its parent is the same container.
    while True:
        p = els[top].parent
        if p < 0 or els[p].tag in ("body", "html"):
            break
        if els[p].text_chars == els[top].text_chars:
            top = p
        else:
            break
    return top


def _children(page: Page, parent: int) -> list[int]:
    return [i for i, e in enumerate(page.elements) if e.parent == parent]


def _with_siblings(page: Page, top: int, final: dict[int, float], bp: list[bool]) -> list[int]:
    """The top candidate and those of its siblings that look like more of the same text
    (Readability's rule): a good score, the same class names, or a paragraph of prose."""
    els = page.elements
    parent = els[top].parent
    if parent < 0:
        return [top]
    threshold = max(10.0, final.get(top, 0.0) * 0.2)
    top_names = els[top].names
    first_text: dict[int, str] = {}
    for s in page.segments:
        first_text.setdefault(s.owner, s.text)
    out = []
    for c in _children(page, parent):
        if c == top:
            out.append(c)
            continue
        e = els[c]
        if bp[c] or not e.text_chars:
            continue
        bonus = final.get(top, 0.0) * 0.2 if top_names and e.names == top_names else 0.0
        if final.get(c, 0.0) + bonus >= threshold:
            out.append(c)
            continue
        if e.tag == "p":
            ld = e.link_chars / e.text_chars
            n = e.text_chars
            if (n > 80 and ld < 0.25) or (
                    n < 80 and ld == 0 and first_text.get(c, "").endswith(_SENTENCE_END)):
                out.append(c)
    return out


_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？")


def _segments_under(page: Page, roots: list[int]) -> list[int]:
    rootset = set(roots)
    els = page.elements
    memo: dict[int, bool] = {}
    out = []
    for k, s in enumerate(page.segments):
        i = s.owner
        path = []
        found = False
        while i >= 0:
            if i in memo:
                found = memo[i]
                break
            if i in rootset:
                found = True
                break
            path.append(i)
            i = els[i].parent
        for j in path:
            memo[j] = found
        if found:
            out.append(k)
    return out
