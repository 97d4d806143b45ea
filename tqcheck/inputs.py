"""Find the articles behind the paths a user gives and read them as text.

Reading never raises for bad input: it yields a RawArticle carrying an error message instead,
so one unreadable file never stops the others.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TEXT_SUFFIXES = (".txt", ".text")  # what a folder walk picks up


@dataclass(frozen=True)
class RawArticle:
    id: str
    source: str
    text: str = ""
    error: str | None = None


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused clearly."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ValueError("looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def _walk(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def expand(paths: list[str]) -> Iterator[str]:
    """Files in the order given; folders expand to their text files, sorted."""
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            yield from (str(f) for f in _walk(p))
        else:
            yield raw


def read(source: str) -> RawArticle:
    if source == "-":
        data = sys.stdin.buffer.read()
        doc_id = "stdin"
    else:
        doc_id = Path(source).stem
        try:
            data = Path(source).read_bytes()
        except FileNotFoundError:
            return RawArticle(doc_id, source, error="no such file")
        except IsADirectoryError:
            return RawArticle(doc_id, source, error="is a directory")
        except OSError as exc:
            return RawArticle(doc_id, source, error=exc.strerror or str(exc))
    try:
        return RawArticle(doc_id, source, decode(data))
    except ValueError as exc:
        return RawArticle(doc_id, source, error=str(exc))


def read_all(paths: list[str]) -> Iterator[RawArticle]:
    for source in expand(paths):
        yield read(source)
