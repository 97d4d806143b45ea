"""The JSON contract (schema tqcheck/1): sorted keys, no timestamps, byte-identical across runs."""
from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from .. import __version__
from ..model import FAMILIES, ArticleResult, Finding, Severity

SCHEMA = "tqcheck/1"


def finding_dict(f: Finding) -> dict:
    return {"code": f.code, "name": f.name, "family": f.family, "severity": str(f.severity),
            "block": f.block, "line": f.line, "start": f.start, "end": f.end, "text": f.text,
            "message": f.message, "suggestion": f.suggestion}


def article_dict(r: ArticleResult) -> dict:
    doc = r.document
    return {
        "id": doc.id, "source": doc.source, "lang": doc.lang, "title": doc.title,
        "blocks": [{"index": b.index, "line": b.line, "role": str(b.role), "lang": b.lang, "text": b.text}
                   for b in doc.blocks],
        "findings": [finding_dict(f) for f in r.findings],
        "errors": [{"stage": e.stage, "code": e.code, "message": e.message} for e in r.errors],
    }


def summary_dict(results: list[ArticleResult]) -> dict:
    findings = [f for r in results for f in r.findings]
    return {
        "articles": len(results),
        "articles_with_findings": sum(1 for r in results if r.findings),
        "articles_with_errors": sum(1 for r in results if r.errors),
        "findings": len(findings),
        "by_family": {fam: n for fam in FAMILIES if (n := sum(f.family == fam for f in findings))},
        "by_severity": {str(s): n for s in Severity if (n := sum(f.severity == s for f in findings))},
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
    }


def run_dict(results: list[ArticleResult]) -> dict:
    return {"schema": SCHEMA, "tool": {"name": "tqcheck", "version": __version__},
            "articles": [article_dict(r) for r in results], "summary": summary_dict(results)}


def render(results: list[ArticleResult], out: TextIO) -> None:
    json.dump(run_dict(results), out, ensure_ascii=False, sort_keys=True, indent=1)
    out.write("\n")
