"""Writing results: to stdout, or atomically to a file (a temporary file beside it, renamed
over it only when the report is complete). An interrupted or failed run never leaves a
half-written report where a good one was."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, TextIO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class Target:
    """Where one report goes. Open it, write to `stream`, then `commit()` (rename into place)
    or `discard()` (remove the temporary file). Stdout is written as the report goes."""

    def __init__(self, path: str | None):
        self.path = None if path in (None, "-") else Path(path)
        self.tmp: str | None = None
        self.stream: TextIO = sys.stdout

    def open(self) -> TextIO:
        if self.path is not None:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp",
                                            dir=self.path.parent or ".")
            self.stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self.stream

    def commit(self) -> None:
        if self.tmp is None:
            self.stream.flush()
            return
        self.stream.close()
        os.chmod(self.tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(self.tmp, self.path)
        self.tmp = None

    def discard(self) -> None:
        if self.tmp is not None:
            try:
                self.stream.close()
            finally:
                Path(self.tmp).unlink(missing_ok=True)
                self.tmp = None


def write(path: str | None, render: Callable[[TextIO], None]) -> None:
    """Render a whole report into `path` (or stdout) atomically."""
    target = Target(path)
    target.open()
    try:
        render(target.stream)
        target.commit()
    except BaseException:
        target.discard()
        raise
