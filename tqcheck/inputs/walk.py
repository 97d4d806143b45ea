"""Walking a folder: recursive, sorted, hidden entries skipped, --include/--exclude globs.

Symbolic links to folders are followed once: a folder already visited (by device and inode)
is not entered again, so a link loop ends. Only regular files are read (a FIFO in the folder
would block forever); a broken link that matches is reported.
"""
from __future__ import annotations

import os
import stat
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterator

from .base import DEFAULT_SUFFIXES


def _matches(rel: str, name: str, globs: tuple[str, ...]) -> bool:
    return any(fnmatchcase(rel, g) or fnmatchcase(name, g) for g in globs)


def wanted(rel: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    if exclude and _matches(rel, name, exclude):
        return False
    if include:
        return _matches(rel, name, include)
    return os.path.splitext(name)[1].lower() in DEFAULT_SUFFIXES


def walk(folder: Path, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
         ) -> Iterator[tuple[str, str | None]]:
    """(path, None) for each file to read, (path, message) for what could not be walked."""
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[tuple[Path, str]]] = []

    def enter(path: Path, rel: str) -> str | None:
        try:
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                return None  # a link back to a folder already walked
            seen.add(key)
            names = sorted(os.listdir(path))
        except OSError as exc:
            return f"cannot read folder: {exc.strerror or exc}"
        stack.append(iter([(path / n, f"{rel}{n}") for n in names if not n.startswith(".")]))
        return None

    if (err := enter(folder, "")) is not None:
        yield str(folder), err
    while stack:
        try:
            path, rel = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        try:
            st = os.stat(path)
        except OSError:
            if wanted(rel, include, exclude) and os.path.islink(path):
                yield str(path), "broken symbolic link"
            continue
        if stat.S_ISDIR(st.st_mode):
            if exclude and _matches(rel, rel.rsplit("/", 1)[-1], exclude):
                continue
            if (err := enter(path, rel + "/")) is not None:
                yield str(path), err
        elif stat.S_ISREG(st.st_mode) and wanted(rel, include, exclude):
            yield str(path), None
