"""Writing results: to stdout, or atomically to a file (temporary file, then rename)."""
from __future__ import annotations

import io
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, TextIO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write(path: str | None, render: Callable[[TextIO], None]) -> None:
    """Render into memory first, so a failure never leaves a half-written file behind."""
    buf = io.StringIO()
    render(buf)
    if path in (None, "-"):
        sys.stdout.write(buf.getvalue())
        sys.stdout.flush()
        return
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(buf.getvalue())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
