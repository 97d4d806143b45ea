"""What every reader yields (RawArticle), the options they share, and article identity."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import __version__

TEXT, HTML = "text", "html"  # the two kinds of article text the engine can split
USER_AGENT = f"tqcheck/{__version__} (+translation-quality checker)"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 10.0
DEFAULT_SUFFIXES = (".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".jsonl")


@dataclass(frozen=True)
class RawArticle:
    """One article as read, before splitting; or the reason it (or its source) could not be read.

    `text` is the decoded text (plain text or HTML, see `kind`); offsets in reports refer to it.
    `notes` are problems that did not stop reading (a guessed encoding, replaced bytes): they
    end up in the article's errors[] with stage "read".
    """

    id: str
    source: str
    text: str = ""
    error: str | None = None
    kind: str = TEXT
    stage: str = "read"  # where `error` happened: "read" or "fetch"
    title: str | None = None  # from metadata (feed item, JSON record), else the headline block
    lang: str | None = None  # declared language (feed, record): a hint, never forced
    notes: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict, compare=False, hash=False)  # link, guid, published…


@dataclass(frozen=True)
class InputOptions:
    include: tuple[str, ...] = ()  # globs a folder walk keeps (default: DEFAULT_SUFFIXES)
    exclude: tuple[str, ...] = ()  # globs a folder walk leaves out
    offline: bool = False  # refuse URLs
    cache_dir: Path | None = None  # None: $XDG_CACHE_HOME/tqcheck (or ~/.cache/tqcheck)
    use_cache: bool = True
    timeout: float = DEFAULT_TIMEOUT  # seconds, for connecting and for each read
    max_bytes: int = DEFAULT_MAX_BYTES  # per download, per file read whole, per JSON line
    max_redirects: int = 5


_SLUG_BAD = re.compile(r"[^A-Za-z0-9._-]+")
_PAGE_EXT = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|xml|rss|atom)$", re.I)


def slug(text: str, limit: int = 80) -> str:
    return _SLUG_BAD.sub("-", text).strip("-._")[:limit].strip("-._")


def url_slug(url: str) -> str:
    """A readable id from a URL or guid: its last non-empty path segment without extension."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return slug(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    if segments:
        last = segments[-1]
        stem = _PAGE_EXT.sub("", last)
        if stem in ("index", "feed", "rss", "atom") and len(segments) > 1:
            stem = segments[-2]
        if s := slug(stem):
            return s
    if parts.query:
        if s := slug(parts.query):
            return s
    return slug(parts.netloc or url)


def path_id(path: str) -> str:
    return Path(path).stem or path


class IdAllocator:
    """Makes ids unique within a run, deterministically: x, x-2, x-3, …"""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def assign(self, art: RawArticle) -> RawArticle:
        base = art.id or "article"
        new, n = base, 1
        while new in self.used:
            n += 1
            new = f"{base}-{n}"
        self.used.add(new)
        return art if new == art.id else replace(art, id=new)
