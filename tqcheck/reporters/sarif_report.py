"""SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, Azure DevOps, IDE viewers).

One run. `tool.driver.rules` lists every rule in code order (ruleIndex points into it), with
the rule's summary, its doc as help (Markdown in `help.markdown`), its default level and
family. Each finding is a result: level (error/warning/note), message (with the suggestion),
the article's source as the artifact URI (a path or URL as given, percent-encoded where a URI
needs it), region = the block's line and 1-based columns in the block's text, the flagged text
as the snippet, and a fix replacing that span when there is a suggestion. A finding about the
whole run (TQ204) is a result located where each of its spellings first occurs. Columns count code
points (`run.columnKind` says so) in the block's text, exactly as the text report's columns:
for a plain-text line with leading whitespace they start after it; no `charOffset`, since the
block's offset in the file is not known. Article errors are `toolExecutionNotifications` of
`invocations[0]`, whose `executionSuccessful` is false when there is any.

Deterministic: sorted keys, no timestamps; the bytes are those of `json.dumps(log, indent=1,
sort_keys=True, ensure_ascii=False)` with bidi, invisible and C1 control characters (and lone
surrogates) written as \\u escapes (the same JSON value, but a viewer of the raw file cannot
be tricked into reordering it). Streams: `results` sorts before `tool` but after `invocations`,
whose errors are known only at the end, so results are spooled to an unnamed temporary file and
copied into place at close; memory stays flat.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
from functools import lru_cache
from typing import TextIO
from urllib.parse import quote

from .. import __version__
from ..detectors import DETECTORS
from ..model import ArticleResult, Finding, Severity
from .json_report import Summary

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# The HTML report's visible controls without C0 (json.dumps escapes those itself, and its
# indentation is newlines), plus lone surrogates and the two noncharacters.
_ESCAPED_RE = re.compile("[\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
                         "\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff\ufffe\uffff]")
_PLACEHOLDER = "\x00results\x00"


def _u(ch: str) -> str:
    n = ord(ch)
    if n > 0xFFFF:  # a JSON \u escape holds 16 bits: the surrogate pair
        n -= 0x10000
        return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"
    return f"\\u{n:04x}"


def _dumps(obj) -> str:
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1)
    return _ESCAPED_RE.sub(lambda m: _u(m.group()), text)  # only ever inside strings


def uri(source: str) -> str:
    """The source as a URI reference: as given, with what a URI cannot hold percent-encoded
    (spaces, non-ASCII, a % that starts no escape); `#` and `?` stay (feed items are
    `feed.xml#item`)."""
    source = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", source)
    return quote(source, safe="!#$%&'()*+,/:;=?@[]~", errors="surrogatepass")


def _section(doc: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
    return " ".join(m.group(1).split()) if m else ""


@lru_cache(maxsize=1)
def rules() -> tuple[list[dict], dict[str, int]]:
    metas = sorted((d.meta for d in DETECTORS), key=lambda m: m.code)
    out = []
    for m in metas:
        doc = m.doc.strip()
        out.append({
            "id": m.code, "name": m.name,
            "shortDescription": {"text": m.summary},
            "fullDescription": {"text": _section(doc, "What it flags") or m.summary},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": LEVELS[m.severity], "enabled": m.default},
            "properties": {"family": m.family, "tags": [m.family]},
        })
    return out, {m.code: i for i, m in enumerate(metas)}


def result_dict(r: ArticleResult, f: Finding, index: dict[str, int]) -> dict:
    where = uri(r.document.source)
    region = {"startLine": f.line, "startColumn": f.start + 1, "endColumn": f.end + 1}
    fix = f" (suggest: {f.suggestion})" if f.suggestion is not None else ""
    res = {
        "ruleId": f.code, "level": LEVELS[f.severity],
        "message": {"text": f"{f.message}{fix}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": where},
                                            "region": dict(region, snippet={"text": f.text})}}],
        "properties": {"article": r.document.id, "family": f.family},
    }
    if f.code in index:
        res["ruleIndex"] = index[f.code]
    if f.suggestion is not None:
        res["fixes"] = [{"description": {"text": f"Replace with: {f.suggestion}"},
                         "artifactChanges": [{"artifactLocation": {"uri": where},
                                              "replacements": [{"deletedRegion": region,
                                                                "insertedContent": {"text": f.suggestion}}]}]}]
    return res


def run_result_dict(f, index: dict[str, int]) -> dict:
    fix = f" (suggest: {f.suggestion})" if f.suggestion is not None else ""
    res = {
        "ruleId": f.code, "level": LEVELS[f.severity], "message": {"text": f"{f.message}{fix}"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(s.first_source)},
                                            "region": {"startLine": s.first_line}},
                       "message": {"text": f"first '{s.text}' ({s.count}\u00d7 in {s.articles} "
                                                   f"article{'s' if s.articles != 1 else ''})"}}
                      for s in f.spellings],
        "properties": {"family": f.family, "lang": f.lang, "scope": "run",
                       "spellings": {s.text: {"count": s.count, "articles": s.articles} for s in f.spellings}},
    }
    if f.code in index:
        res["ruleIndex"] = index[f.code]
    return res


def notification_dict(r: ArticleResult, e, index: dict[str, int]) -> dict:
    n = {"level": "error", "message": {"text": f"{r.document.id}: {e.message}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(r.document.source)}}}],
         "properties": {"article": r.document.id, "stage": e.stage}}
    if e.code:
        n["associatedRule"] = {"id": e.code, **({"index": index[e.code]} if e.code in index else {})}
    return n


def log_dict(results: list[dict], notifications: list[dict]) -> dict:
    """The whole log around its results (what SarifReport writes, for tests and the API)."""
    invocation: dict = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    driver = {"name": "tqcheck", "version": __version__, "semanticVersion": __version__, "rules": rules()[0]}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0",
            "runs": [{"columnKind": "unicodeCodePoints", "invocations": [invocation],
                      "results": results, "tool": {"driver": driver}}]}


class SarifReport:
    def __init__(self, out: TextIO):
        self.out, self.count, self.notifications = out, 0, []
        self.index = rules()[1]
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")

    def add(self, r: ArticleResult) -> None:
        for f in r.findings:
            # A result sits four levels deep (log, runs, run, results).
            self.spool.write(",\n    " if self.count else "    ")
            self.spool.write(_dumps(result_dict(r, f, self.index)).replace("\n", "\n    "))
            self.count += 1
        self.notifications.extend(notification_dict(r, e, self.index) for e in r.errors)

    def close(self, summary: Summary) -> None:
        for f in summary.run_findings:  # about the whole run: located where each spelling first occurs
            self.spool.write(",\n    " if self.count else "    ")
            self.spool.write(_dumps(run_result_dict(f, self.index)).replace("\n", "\n    "))
            self.count += 1
        text = _dumps(log_dict([_PLACEHOLDER] if self.count else [], self.notifications))
        head, tail = text.split('    "\\u0000results\\u0000"') if self.count else (text, "")
        self.out.write(head)
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, self.out)
        self.spool.close()
        self.out.write(tail)
        self.out.write("\n")
