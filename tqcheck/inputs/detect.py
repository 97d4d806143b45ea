"""What kind of input a byte string is: by its content first, its name and media type second."""
from __future__ import annotations

import re
from pathlib import PurePosixPath

from .encoding import bom_encoding

FEED, HTML, TEXT, JSON, BINARY = "feed", "html", "text", "json", "binary"

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/feed+json")
_LEADING_JUNK = re.compile(r"^(?:\s+|<!--.*?-->|<\?(?!xml\s).*?\?>|<!doctype(?!\s+html)(?:[^>\[]|\[.*?\])*>)*",
                           re.I | re.S)
_XML_DECL = re.compile(r"^<\?xml\b.*?\?>", re.S)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf|rdf)\b", re.I)
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|div|p|h[1-6]"
                         r"|figure|header|nav|ul|ol|table|blockquote|span|a|b|i|em|strong|br|img)\b",
                         re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|h[1-6]|article|section|figure|figcaption|blockquote|li|ul|ol"
                        r"|aside|main|header|footer|table|tr|td|span|a|em|strong)\b[^>]*>", re.I)


def _head_text(data: bytes, size: int = 8192) -> str | None:
    if bom := bom_encoding(data):
        enc, skip = bom
        return data[skip:skip + size].decode(enc, "replace")
    if b"\x00" in data[:size]:
        return None
    return data[:size].decode("utf-8", "replace")


def sniff(data: bytes, name: str = "", content_type: str | None = None) -> str:
    """FEED (RSS 0.9x/1.0/2.0, Atom), HTML (page or fragment), JSON (lines or one document),
    TEXT, or BINARY. `name` (a path or URL) and `content_type` break ties only."""
    head = _head_text(data)
    if head is None:
        return BINARY
    suffix = PurePosixPath(name.split("?", 1)[0].split("#", 1)[0]).suffix.lower()
    mtype = (content_type or "").split(";", 1)[0].strip().lower()
    start = _LEADING_JUNK.sub("", head, count=1)
    if start.startswith("<?xml"):
        rest = _LEADING_JUNK.sub("", _XML_DECL.sub("", start, count=1), count=1)
        if rest[:5].lower() == "<html" or rest[:14].lower() == "<!doctype html":
            return HTML
        return FEED  # any other XML: feedparser says whether it is a feed
    if _FEED_ROOT.match(start):
        return FEED
    if start[:1] in ("{", "["):
        return JSON
    if mtype in _FEED_TYPES and start.startswith("<"):
        return FEED
    if _HTML_START.match(start):
        return HTML
    # Tags further in: HTML when the name or type says so, or when there are many of them and
    # nothing says "text" (a .txt article may quote markup, as may a story about a web attack).
    says_text = suffix in (".txt", ".text") or mtype == "text/plain"
    if (suffix in (".html", ".htm", ".xhtml") or mtype in ("text/html", "application/xhtml+xml")) \
            and _BLOCK_TAG.search(head):
        return HTML
    if not says_text and len(_BLOCK_TAG.findall(head)) >= 3:
        return HTML
    if suffix in (".json", ".jsonl", ".ndjson") or mtype in ("application/json", "application/x-ndjson",
                                                             "application/jsonl"):
        return JSON  # not JSON at all: reading it says so, line by line
    return TEXT
