"""`path:line:col: CODE message` lines (editors jump to them), then a summary."""
from __future__ import annotations

from typing import TextIO

from ..model import ArticleResult
from .json_report import summary_dict


def render(results: list[ArticleResult], out: TextIO) -> None:
    for r in results:
        src = r.document.source
        for f in r.findings:
            fix = f" (suggest: {f.suggestion})" if f.suggestion is not None else ""
            out.write(f"{src}:{f.line}:{f.start + 1}: {f.code} [{f.severity}] {f.message}{fix}\n")
        for e in r.errors:
            who = f" {e.code}" if e.code else ""
            out.write(f"{src}: error{who}: {e.message}\n")
    s = summary_dict(results)
    fams = ", ".join(f"{k} {v}" for k, v in s["by_family"].items()) or "none"
    out.write(f"{s['findings']} finding(s) in {s['articles_with_findings']} of {s['articles']} "
              f"article(s); by family: {fams}")
    if s["articles_with_errors"]:
        out.write(f"; {s['articles_with_errors']} article(s) with errors")
    out.write("\n")
