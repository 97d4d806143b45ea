"""HTML source -> a flat table of elements and the text runs ("segments") a reader sees.

Parsing is selectolax's Lexbor backend: a complete HTML5 parser (the same tree a browser
builds, however broken the markup), written in C, about 0.4 ms for a 170 KB news page.

Source lines. Lexbor keeps no source positions, so before parsing every start tag gets its
offset in the source as an extra attribute: ``<p class=x>`` at offset 812 becomes
``<p data-tqo=812  class=x>`` (one regex pass, ~0.3 ms a page). The value is unquoted and
followed by a space, so inside a quoted attribute value (``title="<b"``) it only adds text to
that value and cannot unbalance quotes, and ``<br/>`` keeps its slash. Text inside
<script>/<style>/comments is changed too, but none of it is ever shown. Elements the parser
makes up (a missing <body>, <tbody>) take the offset of the element before them. A block's line
is the line of the element that starts it (for text after ``<br><br>``: that of the last <br>).

The walk is a loop over first-child/next-sibling/parent pointers, never recursion: a page
nested 10,000 levels deep is just a long loop.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

OFFSET_ATTR = "data-tqo"
_START_TAG = re.compile(r"<([A-Za-z][^\s/>]*)")
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")
_STYLE_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# Subtrees that never hold text a reader sees as part of a page's prose.
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "frame",
    "frameset", "object", "embed", "video", "audio", "img", "picture", "source", "track",
    "button", "input", "select", "option", "optgroup", "textarea", "head", "title", "meta",
    "link", "base", "map", "area", "dialog", "datalist", "output", "progress", "meter",
    "-comment", "!doctype", "wbr",
})
# Elements that start and end a block of text (the rest flow inline, like <a> or <span>).
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul",
    "legend", "html", "listing", "xmp", "plaintext", "search",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(slots=True)
class Element:
    tag: str
    parent: int  # index into Page.elements, -1 for the root
    offset: int  # source offset of its start tag
    names: str  # class and id (and role, itemprop), lower-cased, space-separated
    attrs: dict[str, str | None]
    depth: int
    block_children: int = 0  # block elements directly under it (in the block sense)
    text_chars: int = 0  # characters of segment text inside (filled by the walk)
    link_chars: int = 0


@dataclass(slots=True)
class Segment:
    """A run of text between block boundaries: a paragraph, a heading, a list item ..."""

    text: str  # whitespace-normalised
    owner: int  # the innermost block element holding it (index into Page.elements)
    offset: int  # source offset where it starts (the owner's start tag or the last <br>)
    link_chars: int  # characters inside <a href>
    words: int
    inline: int = -1  # a named inline element that holds all of its text (<span class="byline">)


@dataclass(slots=True)
class Page:
    source: str
    elements: list[Element] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    flags: list[bool] | None = None  # per element: furniture by its own names (html_main)
    prose: dict[int, int] | None = None  # per element: characters of prose inside (html_main)

    def ancestors(self, index: int):
        """The element and its ancestors, innermost first."""
        els = self.elements
        while index >= 0:
            yield index
            index = els[index].parent

    def line_of(self, offsets: list[int]) -> list[int]:
        """1-based source lines of the given offsets (\\r\\n, \\r and \\n end a line)."""
        src = self.source
        if "\r" in src:
            breaks = [m.end() for m in re.finditer(r"\r\n?|\n", src)]
            return [bisect_right(breaks, off) + 1 for off in offsets]
        out, cache = [], {}
        order = sorted(set(offsets))
        line, pos = 1, 0
        for off in order:
            line += src.count("\n", pos, off)
            pos = off
            cache[off] = line
        for off in offsets:
            out.append(cache[off])
        return out


def _mark_offsets(html: str) -> str:
    return _START_TAG.sub(lambda m: f"<{m[1]} {OFFSET_ATTR}={m.start()} ", html)


_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_NAME_ATTRS = ("class", "id", "role", "itemprop")


def _names(attrs: dict[str, str | None]) -> str:
    parts = [attrs.get("class"), attrs.get("id"), attrs.get("role"), attrs.get("itemprop")]
    joined = " ".join(p for p in parts if p)
    if not joined.islower() and joined:  # articleBody -> article-body
        joined = _CAMEL.sub(_camel, joined).lower()
    return joined


def _camel(m: re.Match[str]) -> str:
    return m[1] + "-" + m[2]


def _normalise(raw: str) -> str:
    """Whitespace as a reader sees it: runs of ASCII whitespace are one space (in <pre> too: a
    block is one line of text), none at either end."""
    if raw.isascii():  # the common case: str.split() is exactly HTML's collapsing here
        return " ".join(raw.split())
    # Only ASCII whitespace collapses in HTML; a no-break space (French « », 10 km) stays.
    return _ASCII_SPACE.sub(" ", raw).strip()


def _hidden(attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs:
        return True
    if attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style) and _STYLE_HIDDEN.search(style) is not None


# Kinds of open elements: a block, or an inline element (bits: a link, has an Element).
_BLOCK, _INLINE, _LINK, _NAMED = 1, 2, 4, 8
# Pages hide <html> or <body> until their scripts have run ("anti-flicker"); a reader sees them.
_NEVER_HIDDEN = frozenset({"html", "body"})


def parse(html: str, hidden_classes: frozenset[str] = frozenset()) -> Page:
    """Walk the page once: its elements (hidden and non-text subtrees left out) and segments.
    `hidden_classes`: class names that hide an element (compared lower-cased, whole).

    Inline elements without class, id, role or itemprop (<b>, <em>, a plain <a href>) get no
    Element of their own: their children count as their parent's."""
    page = Page(html)
    root = LexborHTMLParser(_mark_offsets(html)).root
    if root is None:
        return page
    root_id = root.mem_id
    els, segs = page.elements, page.segments
    append_el, append_seg = els.append, segs.append
    open_els: list[int] = []  # per open element we descended into: its Element index (or the
    kinds: list[int] = []  # parent's, for an inline element without one) and its kind
    block_stack: list[int] = []  # the open block elements
    parts: list[str] = []  # text pieces of the current segment
    has_text = False  # the current segment has non-space text
    link_chars = 0
    seg_offset = 0
    pending: int | None = None  # where the next segment starts, if known
    last_offset = 0  # offset of the last start tag seen
    br_offset = 0
    brs = 0  # <br> since the last text
    in_link = 0
    named: list[int] = []  # the open inline elements that have an Element (and so names)
    marks: list[int] = []  # per open block: len(named) when it opened
    seg_inline = [-1, False]  # the named inline element the segment's text began in; closed?
    skip, blocks, offset_attr = SKIP_TAGS, BLOCK_TAGS, OFFSET_ATTR

    def flush() -> None:
        nonlocal has_text, link_chars, brs
        if has_text:
            text = _normalise("".join(parts))
            if text:
                owner = block_stack[-1] if block_stack else 0
                n = len(text)
                links = link_chars if link_chars < n else n
                append_seg(Segment(text, owner, seg_offset, links, text.count(" ") + 1,
                                   seg_inline[0]))
                e = els[owner]
                e.text_chars += n
                e.link_chars += links
        parts.clear()
        has_text = False
        link_chars = 0
        brs = 0
        seg_inline[0] = -1
        seg_inline[1] = False

    def leave() -> None:
        """Close the innermost open element (its subtree is done)."""
        nonlocal pending, in_link
        kind = kinds.pop()
        open_els.pop()
        if kind == _BLOCK:
            flush()  # text after a nested block starts at the nearest start tag before it
            block_stack.pop()
            marks.pop()
            pending = None
        else:
            if kind & _LINK:
                in_link -= 1
            if kind & _NAMED and named.pop() == seg_inline[0]:
                seg_inline[1] = True

    node = root
    while True:
        descend = False
        tag = node.tag
        if tag == "-text":
            value = node.text_content
            if value:
                if not value.isspace():
                    if brs >= 2 and has_text:
                        flush()
                        pending = br_offset
                    if not has_text:
                        has_text = True
                        seg_offset = pending if pending is not None else last_offset
                        mark = marks[-1] if marks else 0
                        seg_inline[0] = named[mark] if len(named) > mark else -1
                    elif seg_inline[1]:  # text after it closed: it does not hold all the text
                        seg_inline[0] = -1
                        seg_inline[1] = False
                    brs = 0
                    if in_link:
                        link_chars += len(value.strip())
                parts.append(value)
        elif tag not in skip and tag is not None and tag[0] != "-":
            attrs = node.attributes
            raw_off = attrs.pop(offset_attr, None)
            if raw_off:
                try:
                    last_offset = int(raw_off)
                except ValueError:
                    pass
            if tag == "br":
                brs += 1
                br_offset = last_offset
                parts.append(" ")
            elif not (attrs and tag not in _NEVER_HIDDEN and _hidden(attrs)):
                cls = attrs.get("class") if attrs else None
                if not (cls and hidden_classes and tag not in _NEVER_HIDDEN
                        and not hidden_classes.isdisjoint(cls.lower().split())):
                    parent = open_els[-1] if open_els else -1
                    if tag in blocks:
                        flush()
                        index = len(els)
                        append_el(Element(tag, parent, last_offset, _names(attrs) if attrs else "",
                                          attrs, len(open_els)))
                        if block_stack:
                            els[block_stack[-1]].block_children += 1
                        block_stack.append(index)
                        marks.append(len(named))
                        pending = last_offset
                        kind = _BLOCK
                    else:
                        if attrs and ("class" in attrs or "id" in attrs or "role" in attrs
                                      or "itemprop" in attrs):
                            index = len(els)
                            append_el(Element(tag, parent, last_offset, _names(attrs), attrs,
                                              len(open_els)))
                            named.append(index)
                            kind = _NAMED
                        else:
                            index = parent
                            kind = 0
                        if tag == "a" and "href" in attrs:
                            in_link += 1
                            kind |= _LINK
                        else:
                            kind |= _INLINE
                    open_els.append(index)
                    kinds.append(kind)
                    descend = True
        if descend:
            child = node.child
            if child is not None:
                node = child
                continue
            leave()
        # the subtree of `node` is done: go to the next sibling, closing ancestors on the way
        while True:
            if node.mem_id == root_id:
                flush()
                _propagate(els)
                return page
            nxt = node.next
            if nxt is not None:
                node = nxt
                break
            node = node.parent
            if node is None or not kinds:  # cannot happen in a parsed tree; be safe
                flush()
                _propagate(els)
                return page
            leave()


def _propagate(els: list[Element]) -> None:
    """Each element's text counts for its ancestors too (children come after parents)."""
    for e in reversed(els):
        p = e.parent
        if p >= 0:
            q = els[p]
            q.text_chars += e.text_chars
            q.link_chars += e.link_chars
