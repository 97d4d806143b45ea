"""The JSON contract (schema tqcheck/2): sorted keys, no timestamps, byte-identical across runs.

tqcheck/2 = tqcheck/1 plus the run's findings (`run_findings`, and their count in the summary).

JsonReport streams: each article is written as it is checked and only the summary counts stay
in memory, so a run over a million articles needs no more memory than one over ten. The bytes
are exactly those of `json.dump(run_dict(results), indent=1, sort_keys=True)` (a test checks).
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from json.encoder import encode_basestring  # C-accelerated, ensure_ascii=False
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


# json.dumps with an indent runs the pure-Python encoder, a tenth of a run's time on one core.
# The writers below give the same bytes faster (tests compare them with _dumps): a template
# for blocks (most of an article's JSON), plain recursion for the rest.

def _indented(obj, pad: str) -> str:
    """_dumps(obj) for JSON data of str/int/bool/None/list/dict, its lines continued by pad."""
    if isinstance(obj, str):
        return encode_basestring(obj)
    if obj is None or obj is True or obj is False:
        return "null" if obj is None else "true" if obj else "false"
    if isinstance(obj, int):
        return int.__repr__(obj)
    inner = pad + " "
    if isinstance(obj, dict):
        items = [encode_basestring(k) + ": " + _indented(obj[k], inner) for k in sorted(obj)]
        return "{" + inner + ("," + inner).join(items) + pad + "}" if items else "{}"
    if isinstance(obj, (list, tuple)):
        items = [_indented(v, inner) for v in obj]
        return "[" + inner + ("," + inner).join(items) + pad + "]" if items else "[]"
    raise TypeError(f"not JSON data: {type(obj).__name__}")


@lru_cache(maxsize=16)
def _template(fields: tuple[str, ...], pad: str) -> str:
    """A str.format template writing a flat record of these (sorted) fields at this indent."""
    inner = pad + " "
    return "{{" + inner + ("," + inner).join(f'"{f}": {{}}' for f in fields) + pad + "}}"


_BLOCK_FIELDS = ("index", "lang", "line", "role", "text")
_FINDING_FIELDS = ("block", "code", "end", "family", "line", "message", "name", "severity", "start",
                   "suggestion", "text")


def _scalar(v: str | int | None) -> str:
    return encode_basestring(v) if type(v) is str else "null" if v is None else int.__repr__(v)


def article_json(r: ArticleResult, pad: str = "\n") -> str:
    """_dumps(article_dict(r)) with every line break followed by pad's spaces."""
    doc = r.document
    inner, record_pad = pad + " ", pad + "  "
    block = _template(_BLOCK_FIELDS, record_pad)
    blocks = [block.format(b.index, _scalar(b.lang), b.line, encode_basestring(str(b.role)),
                           encode_basestring(b.text)) for b in doc.blocks]
    finding = _template(_FINDING_FIELDS, record_pad)
    findings = [finding.format(f.block, _scalar(f.code), f.end, _scalar(f.family), f.line, _scalar(f.message),
                               _scalar(f.name), _scalar(str(f.severity)), f.start, _scalar(f.suggestion),
                               _scalar(f.text)) for f in r.findings]
    errors = [{"stage": e.stage, "code": e.code, "message": e.message} for e in r.errors]
    fields = {"blocks": _records(blocks, inner, record_pad), "errors": _indented(errors, inner),
              "findings": _records(findings, inner, record_pad), "id": _scalar(doc.id),
              "lang": _scalar(doc.lang), "source": _scalar(doc.source), "title": _scalar(doc.title)}
    return "{" + inner + ("," + inner).join(f'"{k}": {v}' for k, v in fields.items()) + pad + "}"


def _records(records: list[str], pad: str, record_pad: str) -> str:
    return "[" + record_pad + ("," + record_pad).join(records) + pad + "]" if records else "[]"


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
        self.out.write(article_json(r, "\n  "))
        self.count += 1

    def close(self, summary: Summary) -> None:
        rest = {"run_findings": [run_finding_dict(f) for f in summary.run_findings], "schema": SCHEMA,
                "summary": summary.as_dict(), "tool": {"name": "tqcheck", "version": __version__}}
        self.out.write("\n ],\n" if self.count else "],\n")
        self.out.write(_dumps(rest)[2:])  # without the opening "{\n"
        self.out.write("\n")
