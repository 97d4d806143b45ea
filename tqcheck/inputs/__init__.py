"""Find the articles behind what a user names: files, folders, `-` (stdin), http(s) URLs.

Each input is recognised by its content (detect.py): plain text, an HTML page or fragment, an
RSS/Atom feed (one article per item, feed.py), JSON lines (one article per record,
jsonl.py). Everything is a generator, so a long feed or export is read one article at a time.

Reading never raises for bad input: it yields a RawArticle carrying an error message instead
(stage "read", or "fetch" for a URL), so one unreadable source or item never stops the others.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from . import detect
from .base import (DEFAULT_MAX_BYTES, DEFAULT_SUFFIXES, DEFAULT_TIMEOUT, HTML, TEXT, USER_AGENT, IdAllocator,
                   InputOptions, RawArticle, path_id, url_slug)
from .encoding import decode as _decode
from .fetch import FetchError, is_url
from .walk import walk

__all__ = ["RawArticle", "InputOptions", "read_all", "read_source", "expand", "decode", "HTML", "TEXT",
           "DEFAULT_SUFFIXES", "DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "USER_AGENT"]

PEEK_BYTES = 65536  # enough to tell what an input is


def decode(data: bytes) -> str:
    """Plain text as the command line reads it (kept for callers of the old module)."""
    return _decode(data, in_document=False).text


def read_all(paths: list[str], opts: InputOptions | None = None) -> Iterator[RawArticle]:
    """Every article behind `paths`, in order, with ids unique within the run."""
    opts = opts or InputOptions()
    ids = IdAllocator()
    fetcher = None
    try:
        for arg in paths:
            if is_url(arg) and fetcher is None and not opts.offline:
                from .fetch import Fetcher
                fetcher = Fetcher(opts)
            for art in read_source(arg, opts, fetcher):
                yield ids.assign(art)
    finally:
        if fetcher is not None:
            fetcher.close()


def expand(paths: list[str], opts: InputOptions | None = None) -> Iterator[str]:
    """Files in the order given; folders expand to the files a walk picks, sorted."""
    opts = opts or InputOptions()
    for raw in paths:
        if raw != "-" and not is_url(raw) and Path(raw).is_dir():
            yield from (p for p, err in walk(Path(raw), opts.include, opts.exclude) if err is None)
        else:
            yield raw


def read_source(arg: str, opts: InputOptions, fetcher=None) -> Iterator[RawArticle]:
    if arg == "-":
        yield from _read_stream(sys.stdin.buffer, source="-", doc_id="stdin", opts=opts)
    elif is_url(arg):
        yield from _read_url(arg, opts, fetcher)
    elif Path(arg).is_dir():
        for path, err in walk(Path(arg), opts.include, opts.exclude):
            if err is not None:
                yield RawArticle(path_id(path), path, error=err)
            else:
                yield from _read_file(path, opts)
    else:
        yield from _read_file(arg, opts)


def _read_url(url: str, opts: InputOptions, fetcher) -> Iterator[RawArticle]:
    doc_id = url_slug(url) or "url"
    if opts.offline:
        yield RawArticle(doc_id, url, error="not fetched: --offline refuses URLs", stage="fetch")
        return
    try:
        if fetcher is None:
            from .fetch import Fetcher
            with Fetcher(opts) as own:
                got = own.fetch(url)
        else:
            got = fetcher.fetch(url)
    except FetchError as exc:
        yield RawArticle(doc_id, url, error=str(exc), stage="fetch")
        return
    yield from _read_bytes(got.data, source=url, doc_id=doc_id, opts=opts, content_type=got.content_type,
                           base_url=got.final_url)


def _read_file(path: str, opts: InputOptions) -> Iterator[RawArticle]:
    doc_id = path_id(path)
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        yield RawArticle(doc_id, path, error="no such file")
        return
    except IsADirectoryError:
        yield RawArticle(doc_id, path, error="is a directory")
        return
    except OSError as exc:
        yield RawArticle(doc_id, path, error=exc.strerror or str(exc))
        return
    with fh:
        try:
            yield from _read_stream(fh, source=path, doc_id=doc_id, opts=opts)
        except OSError as exc:  # e.g. EIO, or a directory that open() let through
            yield RawArticle(doc_id, path, error=exc.strerror or str(exc))


def _read_stream(stream: BinaryIO, *, source: str, doc_id: str, opts: InputOptions) -> Iterator[RawArticle]:
    head = stream.read(PEEK_BYTES)
    kind = detect.sniff(head, source)
    if kind == detect.JSON:
        from .jsonl import PrefixedStream, read_json
        yield from read_json(PrefixedStream(head, stream), source=source, base_id=doc_id,
                             max_bytes=opts.max_bytes)
        return
    rest = stream.read(max(0, opts.max_bytes + 1 - len(head))) if len(head) == PEEK_BYTES else b""
    data = head + rest
    if len(data) > opts.max_bytes:
        yield RawArticle(doc_id, source, error=f"larger than --max-bytes ({opts.max_bytes} bytes); not read")
        return
    yield from _read_bytes(data, source=source, doc_id=doc_id, opts=opts, kind=kind)


def _read_bytes(data: bytes, *, source: str, doc_id: str, opts: InputOptions, content_type: str | None = None,
                base_url: str | None = None, kind: str | None = None) -> Iterator[RawArticle]:
    kind = kind or detect.sniff(data, base_url or source, content_type)
    if kind == detect.BINARY:
        yield RawArticle(doc_id, source, error="looks like a binary file (NUL bytes), not text")
    elif kind == detect.FEED:
        from .feed import read_feed
        yield from read_feed(data, source=source, feed_id=doc_id, content_type=content_type,
                             base_url=base_url)
    elif kind == detect.JSON:
        import io

        from .jsonl import read_json
        yield from read_json(io.BytesIO(data), source=source, base_id=doc_id, max_bytes=opts.max_bytes)
    else:
        from .text import read_document
        yield read_document(data, source=source, doc_id=doc_id, kind=HTML if kind == detect.HTML else TEXT,
                            content_type=content_type)


