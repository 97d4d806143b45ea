"""RSS 0.9x/1.0/2.0 and Atom feeds (feedparser): one article per item.

The item's body is the first of `content:encoded` / Atom `content`, else `description` /
`summary`; its title becomes the article's title and first (headline) block. Link, guid,
published date and language are kept as metadata; the source is FEED#guid (or #link, or
#item-N), which an editor can search the feed for.

Safety: feedparser gets the bytes as a stream (given a bytes *string* it would try to open it
as a file name); its XML parser (expat through xml.sax) resolves no external entities, and
feedparser drops the DOCTYPE with its entity definitions, so "billion laughs" and XXE feeds
expand nothing (tests/test_inputs.py checks both).
"""
from __future__ import annotations

import html
import io
import xml.sax
from typing import Iterator
from urllib.parse import urljoin, urlsplit

from .base import HTML, TEXT, RawArticle, url_slug
from .htmltext import inline_text

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _scheme(url: str) -> str | None:
    try:
        return urlsplit(url).scheme.lower()
    except ValueError:  # "http://[::1" and friends: keep the link as the text it is
        return None


def _lang_code(value) -> str | None:
    if not value or not isinstance(value, str):
        return None
    code = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def _body(entry) -> tuple[str, str, str | None]:
    """(text, kind, xml:lang) of the item's body."""
    for part in entry.get("content") or ():
        value = part.get("value") or ""
        if value.strip():
            return value, _kind(part.get("type")), part.get("language")
    detail = entry.get("summary_detail") or {}
    value = entry.get("summary") or detail.get("value") or ""
    return value, _kind(detail.get("type")), detail.get("language")


def _kind(mime: str | None) -> str:
    return TEXT if (mime or "text/html").lower() in ("text/plain", "text") else HTML


def _title(entry) -> str:
    detail = entry.get("title_detail") or {}
    title = entry.get("title") or ""
    if (detail.get("type") or "").lower() in _HTML_TYPES:
        title = inline_text(title)
    return " ".join(title.split())


def _xml_problem(exc, line_shift: int = 0) -> str | None:
    """A one-line description of a real XML error; None for feedparser's benign notes."""
    if exc is None:
        return None
    if isinstance(exc, xml.sax.SAXParseException):
        line = max(1, exc.getLineNumber() - line_shift)
        return f"malformed XML (line {line}, column {exc.getColumnNumber()}: {exc.getMessage()})"
    if isinstance(exc, xml.sax.SAXException):
        return f"malformed XML ({exc.getMessage()})"
    name = type(exc).__name__
    if name in ("CharacterEncodingOverride", "NonXMLContentType"):  # declared wrong, read anyway
        return None
    return f"{name}: {' '.join(str(exc).split())[:200]}"


def read_feed(data: bytes, *, source: str, feed_id: str, content_type: str | None = None,
              base_url: str | None = None) -> Iterator[RawArticle]:
    import feedparser

    headers = {}
    if content_type:
        headers["content-type"] = content_type
    if base_url:
        headers["content-location"] = base_url
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False,
                                  resolve_relative_uris=True)
    except Exception as exc:  # feedparser is lenient; a crash in it must not stop the run
        yield RawArticle(feed_id, source, error=f"cannot parse the feed: {type(exc).__name__}: {exc}")
        return
    entries = parsed.get("entries") or []
    # feedparser puts an XML declaration in front of a document without one: one line more.
    shift = 0 if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") else 1
    problem = _xml_problem(parsed.get("bozo_exception"), shift) if parsed.get("bozo") else None
    if problem and b"<!ENTITY" in data[:65536]:
        problem = "malformed XML: the feed declares entities in its DOCTYPE (never expanded, for safety)"
    if not parsed.get("version") and not entries:
        what = (f"{problem}; no feed items could be read" if problem
                else "not an RSS or Atom feed (no channel, feed or items found)")
        yield RawArticle(feed_id, source, error=what)
        return
    if problem:
        recovered = f"; the {len(entries)} item(s) a lenient parse recovered are checked" if entries else ""
        yield RawArticle(feed_id, source, error=f"{problem}{recovered}")
    channel = parsed.get("feed", {})
    feed_lang = _lang_code(channel.get("language"))
    feed_title = " ".join((channel.get("title") or "").split())
    home = channel.get("link") or base_url or ""
    home = home if _scheme(home) in ("http", "https") else ""
    for n, entry in enumerate(entries, start=1):
        yield _item(entry, n, source=source, feed_id=feed_id, feed_lang=feed_lang, feed_title=feed_title,
                    home=home)


def _item(entry, n: int, *, source: str, feed_id: str, feed_lang: str | None, feed_title: str,
          home: str = "") -> RawArticle:
    guid = (entry.get("id") or "").strip()
    link = (entry.get("link") or "").strip()
    if link and home and _scheme(link) == "":  # a relative item link: resolve it as readers do
        try:
            link = urljoin(home, link)
        except ValueError:
            pass
    anchor = guid or link or f"item-{n}"
    item_source = f"{source}#{anchor}"
    item_id = url_slug(link) if link else (url_slug(guid) if guid else "")
    item_id = item_id or f"{feed_id}-{n}"
    body, kind, body_lang = _body(entry)
    title = _title(entry)
    lang = (_lang_code(body_lang) or _lang_code((entry.get("title_detail") or {}).get("language"))
            or _lang_code(entry.get("language")) or feed_lang)
    meta = {"feed": source, "feed_title": feed_title, "guid": guid, "link": link,
            "published": entry.get("published") or entry.get("updated") or "", "lang": lang or "", "item": n}
    if not title and not body.strip():
        return RawArticle(item_id, item_source, error=f"item {n} has neither a title nor a body",
                          meta=meta)
    return RawArticle(item_id, item_source, with_title(body, title, kind), kind=kind, title=title or None,
                      lang=lang, meta=meta)


def with_title(body: str, title: str, kind: str) -> str:
    """The body with the title as its first block (a headline), unless it already starts so."""
    if not title:
        return body
    if kind == HTML:
        if inline_text(body[:4096]).startswith(title):
            return body
        return f"<h1>{html.escape(title, quote=False)}</h1>\n{body}"
    first = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")
    return body if first == title else f"{title}\n{body}"
