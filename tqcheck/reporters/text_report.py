"""`path:line:col: CODE message` lines (editors jump to them), then a summary. Streams."""
from __future__ import annotations

from typing import TextIO

from ..model import ArticleResult
from .json_report import Summary


class TextReport:
    def __init__(self, out: TextIO):
        self.out = out

    def add(self, r: ArticleResult) -> None:
        src, out = r.document.source, self.out
        for f in r.findings:
            fix = f" (suggest: {f.suggestion})" if f.suggestion is not None else ""
            out.write(f"{src}:{f.line}:{f.start + 1}: {f.code} [{f.severity}] {f.message}{fix}\n")
        for e in r.errors:
            who = f" {e.code}" if e.code else ""
            out.write(f"{src}: error{who}: {e.message}\n")

    def close(self, summary: Summary) -> None:
        for f in summary.run_findings:  # about the whole run: no path, listed before the summary
            fix = f" (suggest: {f.suggestion})" if f.suggestion is not None else ""
            firsts = "; ".join(f"'{s.text}' first in {s.first_source}:{s.first_line}" for s in f.spellings)
            self.out.write(f"run: {f.code} [{f.severity}] {f.message}{fix} [{firsts}]\n")
        s = summary.as_dict()
        fams = ", ".join(f"{k} {v}" for k, v in s["by_family"].items()) or "none"
        self.out.write(f"{s['findings']} finding(s) in {s['articles_with_findings']} of {s['articles']} "
                       f"article(s); by family: {fams}")
        if s["run_findings"]:
            self.out.write(f"; {s['run_findings']} finding(s) about the whole run")
        if s["articles_with_errors"]:
            self.out.write(f"; {s['articles_with_errors']} article(s) with errors")
        self.out.write("\n")
