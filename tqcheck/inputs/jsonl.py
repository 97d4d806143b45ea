"""CMS exports as JSON lines: one record per line, {"id", "title", "text" | "html", "lang", "url"}.

Read line by line (memory stays flat however long the file is). A line that is not JSON, not
an object, or has no text is an error for that line only. A file that is one JSON document
instead (an array of records, or one pretty-printed record) is read whole, up to --max-bytes.

Source: the record's url when it has one, else FILE:LINE (FILE#N for the N-th record of an
array); id: the record's id, else one made from its url, else FILE-STEM-LINE.
"""
from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from .base import HTML, TEXT, RawArticle, slug, url_slug
from .encoding import BinaryError, bom_encoding, decode
from .feed import _lang_code, with_title
from .htmltext import inline_text

_STRING_FIELDS = ("title", "text", "html", "lang", "url")


class PrefixedStream:
    """A binary stream with some bytes already read from it put back in front."""

    def __init__(self, prefix: bytes, stream: BinaryIO | None):
        self.prefix, self.stream = prefix, stream

    def readline(self, limit: int = -1) -> bytes:
        if self.prefix:
            nl = self.prefix.find(b"\n")
            end = len(self.prefix) if nl < 0 else nl + 1
            if limit >= 0:
                end = min(end, limit)
            line, self.prefix = self.prefix[:end], self.prefix[end:]
            if line.endswith(b"\n") or self.stream is None or (limit >= 0 and len(line) >= limit):
                return line
            return line + self.stream.readline(-1 if limit < 0 else limit - len(line))
        return self.stream.readline(limit) if self.stream is not None else b""

    def read(self, size: int = -1) -> bytes:
        head, self.prefix = self.prefix, b""
        if self.stream is None:
            return head
        if size < 0:
            return head + self.stream.read()
        return head + self.stream.read(max(0, size - len(head))) if len(head) < size else head


def _lines(stream, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line longer than max_bytes (skipped)."""
    n = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield n, None
        else:
            yield n, line


def read_json(stream, *, source: str, base_id: str, max_bytes: int) -> Iterator[RawArticle]:
    first = stream.readline(max_bytes + 1)
    if bom := bom_encoding(first):
        if bom[0] != "utf-8":  # UTF-16 lines cannot be split as bytes: read it whole
            data = first + stream.read(max_bytes + 1 - len(first))
            if len(data) > max_bytes:
                yield RawArticle(base_id, source, error=f"larger than --max-bytes ({max_bytes} bytes)")
                return
            yield from _from_text_lines(data[bom[1]:].decode(bom[0], "replace").split("\n"),
                                        source=source, base_id=base_id)
            return
        first = first[bom[1]:]
    stream = PrefixedStream(first, stream)
    lead = first.lstrip()
    if lead.startswith(b"[") or (lead.startswith(b"{") and not _parses(first)):
        data = stream.read(max_bytes + 1)
        if len(data) <= max_bytes:
            try:
                doc = json.loads(data)
            except json.JSONDecodeError as exc:
                doc = None
                if not any(_parses(ln) for ln in data.split(b"\n") if ln.strip()):  # not JSON lines either
                    yield RawArticle(base_id, source, error=f"not JSON ({exc.msg} at line {exc.lineno}, "
                                                            f"column {exc.colno})")
                    return
            except (ValueError, RecursionError):
                doc = None
            if isinstance(doc, list):
                for i, obj in enumerate(doc, start=1):
                    yield parse_record(obj, source=source, where=f"{source}#{i}", label=f"record {i}",
                                  fallback_id=f"{base_id}-{i}")
                return
            if isinstance(doc, dict):
                yield parse_record(doc, source=source, where=source, label="the record", fallback_id=base_id)
                return
        stream = PrefixedStream(data, stream.stream)  # not one document: report it line by line
    for n, line in _lines(stream, max_bytes):
        yield from parse_line(n, line, source=source, base_id=base_id, max_bytes=max_bytes)


def _parses(line: bytes) -> bool:
    try:
        json.loads(line)
        return True
    except (ValueError, RecursionError):
        return False


def _from_text_lines(lines, *, source: str, base_id: str) -> Iterator[RawArticle]:
    for n, text in enumerate(lines, start=1):
        if text.strip():
            yield _parse(text, (), n, source=source, base_id=base_id)


def parse_line(n: int, line: bytes | None, *, source: str, base_id: str, max_bytes: int) -> Iterator[RawArticle]:
    """Line n of a JSON-lines file as an article, or the error for that line (None: too long)."""
    where = f"{source}:{n}"
    if line is None:
        yield RawArticle(f"{base_id}-{n}", where, error=f"line {n} is longer than --max-bytes ({max_bytes} bytes)")
        return
    if not line.strip():
        return
    try:
        decoded = decode(line, in_document=False)
    except BinaryError:
        yield RawArticle(f"{base_id}-{n}", where, error=f"line {n}: NUL bytes, not a JSON line")
        return
    yield _parse(decoded.text, decoded.notes, n, source=source, base_id=base_id)


def _parse(text: str, notes, n: int, *, source: str, base_id: str) -> RawArticle:
    where = f"{source}:{n}"
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return RawArticle(f"{base_id}-{n}", where, error=f"line {n}: not JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return RawArticle(f"{base_id}-{n}", where, error=f"line {n}: not JSON (nested too deeply)")
    art = parse_record(obj, source=source, where=where, label=f"line {n}", fallback_id=f"{base_id}-{n}")
    return art if not notes else _with_notes(art, notes)


def _with_notes(art: RawArticle, notes) -> RawArticle:
    from dataclasses import replace
    return replace(art, notes=art.notes + tuple(notes))


def record_article(obj, *, source: str, line: int) -> RawArticle:
    """One record ({"id", "title", "text" | "html", "lang", "url"}) as a RawArticle, the way a
    JSON-lines file's line `line` of `source` is read (for the Python API and Dask)."""
    return parse_record(obj, source=source, where=f"{source}:{line}", label=f"record {line}",
                   fallback_id=f"{slug(source) or 'record'}-{line}")


def parse_record(obj, *, source: str, where: str, label: str, fallback_id: str) -> RawArticle:
    """A decoded JSON value as an article record, or the error naming `label` (\"line 3\")."""
    if not isinstance(obj, dict):
        kind = {list: "an array", str: "a string", int: "a number", float: "a number",
                bool: "true/false", type(None): "null"}.get(type(obj), "not an object")
        return RawArticle(fallback_id, where, error=f"{label}: {kind}, not an article record (a JSON object)")
    bad = [k for k in _STRING_FIELDS if obj.get(k) is not None and not isinstance(obj[k], str)]
    rid = obj.get("id")
    if rid is not None and not isinstance(rid, (str, int)) or isinstance(rid, bool):
        bad.insert(0, "id")
    if bad:
        fields = ", ".join(f'"{k}"' for k in bad)
        return RawArticle(fallback_id, where, error=f"{label}: {fields} must be a string")
    url = (obj.get("url") or "").strip()
    rid = str(rid).strip() if rid is not None else ""
    art_id = slug(rid) or (url_slug(url) if url else "") or fallback_id
    art_source = url or where
    title = " ".join((obj.get("title") or "").split())
    if "<" in title and ">" in title:
        title = inline_text(title)
    html_body, text_body = obj.get("html") or "", obj.get("text") or ""
    if html_body.strip():
        body, kind = html_body, HTML
    elif text_body.strip():
        body, kind = text_body, TEXT
    else:
        return RawArticle(art_id, art_source, error=f"{label}: no \"text\" or \"html\" to check")
    meta = {"record_id": rid, "url": url, "file": source, "where": where}
    return RawArticle(art_id, art_source, with_title(body, title, kind), kind=kind, title=title or None,
                      lang=_lang_code(obj.get("lang")), meta=meta)
