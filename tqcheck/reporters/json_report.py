"""The JSON contract (schema tqcheck/2): sorted keys, no timestamps, byte-identical across runs.

tqcheck/2 = tqcheck/1 plus the run's findings (`run_findings`, and their count in the summary).

JsonReport streams: each article is written as it is checked and only the summary counts stay
in memory, so a run over a million articles needs no more memory than one over ten. The bytes
are exactly those of `json.dump(run_dict(results), indent=1, sort_keys=True)` (a test checks).
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Iterable, TextIO

from .. import __version__
from ..model import FAMILIES, ArticleResult, Finding, RunFinding, Severity

SCHEMA = "tqcheck/2"
SCHEMAS_READ = ("tqcheck/1", SCHEMA)  # what `tqcheck report` accepts


def finding_dict(f: Finding) -> dict:
    return {"code": f.code, "name": f.name, "family": f.family, "severity": str(f.severity),
            "block": f.block, "line": f.line, "start": f.start, "end": f.end, "text": f.text,
            "message": f.message, "suggestion": f.suggestion}


def run_finding_dict(f: RunFinding) -> dict:
    return {"code": f.code, "name": f.name, "family": f.family, "severity": str(f.severity), "lang": f.lang,
            "message": f.message, "suggestion": f.suggestion,
            "spellings": [{"text": s.text, "count": s.count, "articles": s.articles,
                           "first": {"article": s.first_article, "source": s.first_source, "line": s.first_line}}
                          for s in f.spellings]}


def article_dict(r: ArticleResult) -> dict:
    doc = r.document
    return {
        "id": doc.id, "source": doc.source, "lang": doc.lang, "title": doc.title,
        "blocks": [{"index": b.index, "line": b.line, "role": str(b.role), "lang": b.lang, "text": b.text}
                   for b in doc.blocks],
        "findings": [finding_dict(f) for f in r.findings],
        "errors": [{"stage": e.stage, "code": e.code, "message": e.message} for e in r.errors],
    }


class Summary:
    """The run's counts, added up one article at a time."""

    def __init__(self) -> None:
        self.articles = self.with_findings = self.with_errors = self.findings = 0
        self.run_findings: tuple[RunFinding, ...] = ()  # set when the run ends
        self.family: Counter = Counter()
        self.severity: Counter = Counter()
        self.code: Counter = Counter()

    def add(self, r: ArticleResult) -> None:
        self.articles += 1
        self.with_findings += bool(r.findings)
        self.with_errors += bool(r.errors)
        self.findings += len(r.findings)
        for f in r.findings:
            self.family[f.family] += 1
            self.severity[f.severity] += 1
            self.code[f.code] += 1

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "articles_with_findings": self.with_findings,
            "articles_with_errors": self.with_errors,
            "findings": self.findings,
            "by_family": {fam: self.family[fam] for fam in FAMILIES if self.family[fam]},
            "by_severity": {str(s): self.severity[s] for s in Severity if self.severity[s]},
            "by_code": dict(sorted(self.code.items())),
            "run_findings": len(self.run_findings),
        }


def summary_dict(results: Iterable[ArticleResult]) -> dict:
    s = Summary()
    for r in results:
        s.add(r)
    return s.as_dict()


def run_dict(results: list[ArticleResult], run_findings: tuple[RunFinding, ...] = ()) -> dict:
    summary = Summary()
    for r in results:
        summary.add(r)
    summary.run_findings = tuple(run_findings)
    return {"schema": SCHEMA, "tool": {"name": "tqcheck", "version": __version__},
            "articles": [article_dict(r) for r in results],
            "run_findings": [run_finding_dict(f) for f in run_findings], "summary": summary.as_dict()}


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1)


class JsonReport:
    """Writes `{"articles": [...], "run_findings", "schema", "summary", "tool"}` (sorted keys:
    articles come first, so they can be written as they arrive)."""

    def __init__(self, out: TextIO):
        self.out, self.count = out, 0
        out.write('{\n "articles": [')

    def add(self, r: ArticleResult) -> None:
        # An article sits two levels deep; JSON strings hold no raw newlines, so indenting
        # every line of its own dump gives the nested layout.
        self.out.write(",\n  " if self.count else "\n  ")
        self.out.write(_dumps(article_dict(r)).replace("\n", "\n  "))
        self.count += 1

    def close(self, summary: Summary) -> None:
        rest = {"run_findings": [run_finding_dict(f) for f in summary.run_findings], "schema": SCHEMA,
                "summary": summary.as_dict(), "tool": {"name": "tqcheck", "version": __version__}}
        self.out.write("\n ],\n" if self.count else "],\n")
        self.out.write(_dumps(rest)[2:])  # without the opening "{\n"
        self.out.write("\n")
