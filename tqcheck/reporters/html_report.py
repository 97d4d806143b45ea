"""The HTML report: Jinja templates over exactly the JSON data (schema tqcheck/2, or /1).

`render()` (from `check`) and `render_data()` (from `report`, over a saved JSON result) both go
through `view()`, so a page rendered from a run and from its saved JSON are byte-identical.
Python prepares the view data (counts, order, highlight segments, rule docs); all markup lives
in reports/*.j2. Article text is untrusted: it is autoescaped, and the one filter that emits
markup (`shown`) escapes first and only adds fixed spans for invisible control characters.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import tempfile
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from typing import TextIO

import jinja2
from markupsafe import Markup, escape

from .. import __version__
from ..detectors import DETECTORS
from ..model import FAMILIES, ArticleResult, Role
from .json_report import SCHEMA, SCHEMAS_READ, Summary, article_dict, run_dict, run_finding_dict

SEVERITIES = ("error", "warning", "info")  # worst first
ICONS = {"error": "✖", "warning": "▲", "info": "●"}
# How the page scales (docs/report.md): worst articles first, the first OPEN_ARTICLES open;
# articles in full until FULL_TEXT_BUDGET characters of text, then only their blocks with
# findings, cut to CONTEXT characters around the highlights, until DETAIL_FINDINGS findings are
# shown in their text; the rest summarised in a table (their findings still listed per rule);
# articles without findings in a compact table.
OPEN_ARTICLES = 3
FULL_TEXT_BUDGET = 1_500_000
DETAIL_FINDINGS = 20_000
CONTEXT = 50
WORST_LISTED = 10
RULE_LIST_OPEN = 12  # a rule's occurrence table starts open up to this many distinct rows
# Shown visibly as ⟨U+XXXX⟩ instead of acting: C0/C1 controls (not tab), zero-width and
# line/paragraph separators, bidi embeddings/overrides/isolates, invisible operators, BOM,
# interlinear annotations, tag characters. ZWJ/ZWNJ and LRM/RLM stay (scripts and emoji need them).
CONTROL_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


class ReportDataError(ValueError):
    """A saved result that is not valid tqcheck data; the message is one line."""


def _control(m: re.Match) -> str:
    ch = m.group()
    name = unicodedata.name(ch, "control character").lower()
    return f'<span class="cc" title="{name}">⟨U+{ord(ch):04X}⟩</span>'


def shown(text: str) -> Markup:
    """Escaped text with invisible and bidi control characters made visible."""
    safe = escape(text)
    return Markup(CONTROL_RE.sub(_control, str(safe))) if CONTROL_RE.search(text) else safe


def _template_source(name: str) -> str:
    return files("tqcheck.reports").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    # Templates ship inside the wheel as the package tqcheck.reports (see pyproject.toml).
    env = jinja2.Environment(loader=jinja2.FunctionLoader(_template_source),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters["shown"] = shown
    env.filters["num"] = lambda n: f"{n:,}"
    return env


@lru_cache(maxsize=1)
def assets() -> dict:
    """The inline CSS and JS, and the Content-Security-Policy that allows exactly them."""
    css, js = _template_source("report.css"), _template_source("_script.js.j2")
    digest = {k: base64.b64encode(hashlib.sha256(v.encode()).digest()).decode()
              for k, v in (("css", css), ("js", js))}
    csp = (f"default-src 'none'; style-src 'sha256-{digest['css']}'; "
           f"script-src 'sha256-{digest['js']}'; img-src 'none'; form-action 'none'; base-uri 'none'")
    return {"css": Markup(css), "js": Markup(js), "csp": csp}


# -- rule docs: a small Markdown subset (## headings, paragraphs, > quotes, `code`) -> data --

def _inline(text: str) -> list[dict]:
    return [{"code": i % 2 == 1, "text": part} for i, part in enumerate(text.split("`")) if part]


def doc_blocks(md: str) -> list[dict]:
    out, lines, kind = [], [], "p"

    def flush():
        if lines:
            out.append({"kind": kind, "parts": _inline(" ".join(lines))})
            lines.clear()
    for raw in md.strip().splitlines():
        line = raw.strip()
        if line.startswith("## "):
            flush()
            out.append({"kind": "h", "parts": _inline(line[3:])})
        elif not line:
            flush()
        else:
            quote = line.startswith(">")
            if (quote and kind != "quote") or (not quote and kind == "quote"):
                flush()
            kind = "quote" if quote else "p"
            lines.append(line.lstrip("> ").strip() if quote else line)
    flush()
    return out


@lru_cache(maxsize=1)
def rule_docs() -> dict:
    return {d.meta.code: {"summary": d.meta.summary, "doc": doc_blocks(d.meta.doc)} for d in DETECTORS}


# -- validation of saved results --

_TYPES = {"article": {"id": str, "source": str, "lang": str, "title": str, "blocks": list,
                      "findings": list, "errors": list},
          "block": {"index": int, "line": int, "role": str, "text": str},
          "finding": {"code": str, "name": str, "family": str, "severity": str, "block": int,
                      "line": int, "start": int, "end": int, "text": str, "message": str},
          "error": {"stage": str, "message": str},
          "run_finding": {"code": str, "name": str, "family": str, "severity": str, "lang": str,
                          "message": str, "spellings": list},
          "spelling": {"text": str, "count": int, "articles": int, "first": dict},
          "first": {"article": str, "source": str, "line": int}}
ROLES = frozenset(str(r) for r in Role)


def _fields(obj, kind: str, where: str) -> None:
    if not isinstance(obj, dict):
        raise ReportDataError(f"{where} is not an object")
    for key, typ in _TYPES[kind].items():
        if type(obj.get(key)) is not typ:
            raise ReportDataError(f"{where}.{key} is missing or not a {typ.__name__}")


def validate(data) -> None:
    """Raise ReportDataError (one line) unless `data` is a consistent tqcheck/2 (or /1) result."""
    if not isinstance(data, dict) or data.get("schema") not in SCHEMAS_READ:
        got = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise ReportDataError(f"not a tqcheck result ({' or '.join(SCHEMAS_READ)}; schema: {got!r})")
    tool = data.get("tool")
    if not isinstance(data.get("articles"), list) or not isinstance(tool, dict) \
            or not all(type(tool.get(k)) is str for k in ("name", "version")):
        raise ReportDataError("articles (a list) or tool (an object with name and version) is missing")
    for i, art in enumerate(data["articles"]):
        _fields(art, "article", f"articles[{i}]")
        for j, b in enumerate(art["blocks"]):
            w = f"articles[{i}].blocks[{j}]"
            _fields(b, "block", w)
            if b["index"] != j or b["role"] not in ROLES or not (b.get("lang") is None or type(b["lang"]) is str):
                raise ReportDataError(f"{w}: index, role or lang is wrong")
        for j, f in enumerate(art["findings"]):
            w = f"articles[{i}].findings[{j}]"
            _fields(f, "finding", w)
            if not (re.fullmatch(r"TQ\d{3}", f["code"]) and f["family"] in FAMILIES
                    and f["severity"] in SEVERITIES and (f.get("suggestion") is None or type(f["suggestion"]) is str)):
                raise ReportDataError(f"{w}: code, family, severity or suggestion is not valid")
            if not 0 <= f["block"] < len(art["blocks"]):
                raise ReportDataError(f"{w}: block {f['block']} does not exist")
            b = art["blocks"][f["block"]]
            if f["line"] != b["line"] or not 0 <= f["start"] < f["end"] <= len(b["text"]) \
                    or b["text"][f["start"]:f["end"]] != f["text"]:
                raise ReportDataError(f"{w}: line, start/end or text does not match its block")
        for j, e in enumerate(art["errors"]):
            _fields(e, "error", f"articles[{i}].errors[{j}]")
            if not (e.get("code") is None or type(e["code"]) is str):
                raise ReportDataError(f"articles[{i}].errors[{j}].code is not a string or null")
    run_findings = data.get("run_findings", [])
    if data["schema"] != "tqcheck/1" and not isinstance(data.get("run_findings"), list):
        raise ReportDataError("run_findings (a list) is missing")
    for i, f in enumerate(run_findings):
        w = f"run_findings[{i}]"
        _fields(f, "run_finding", w)
        if not (re.fullmatch(r"TQ\d{3}", f["code"]) and f["family"] in FAMILIES and f["severity"] in SEVERITIES
                and (f.get("suggestion") is None or type(f["suggestion"]) is str) and f["spellings"]):
            raise ReportDataError(f"{w}: code, family, severity, suggestion or spellings is not valid")
        for j, sp in enumerate(f["spellings"]):
            _fields(sp, "spelling", f"{w}.spellings[{j}]")
            _fields(sp["first"], "first", f"{w}.spellings[{j}].first")
    expected = _summary(data["articles"])
    if data["schema"] != "tqcheck/1":
        expected["run_findings"] = len(run_findings)
    if data.get("summary") != expected:
        raise ReportDataError("summary does not match the articles")


def _summary(articles: list[dict]) -> dict:
    fs = [f for a in articles for f in a["findings"]]
    fam, sev = Counter(f["family"] for f in fs), Counter(f["severity"] for f in fs)
    return {"articles": len(articles), "articles_with_findings": sum(1 for a in articles if a["findings"]),
            "articles_with_errors": sum(1 for a in articles if a["errors"]), "findings": len(fs),
            "by_family": {k: fam[k] for k in FAMILIES if fam[k]},
            "by_severity": {k: sev[k] for k in reversed(SEVERITIES) if sev[k]},
            "by_code": dict(sorted(Counter(f["code"] for f in fs).items()))}


# -- view data --

def _words(cut: str, keep: str) -> str:
    """Trim an excerpt's cut edge back to a word boundary (unless that loses most of it)."""
    if keep == "head":
        i = cut.rfind(" ")
        return cut[:i + 1] if i >= len(cut) // 3 else cut
    i = cut.find(" ")
    return cut[i:] if 0 <= i <= 2 * len(cut) // 3 else cut


def segments(text: str, notes: list[dict], excerpt: bool = False) -> list[dict]:
    """Cut a block's text at every finding boundary, so each finding is shown exactly.

    Each piece lists the findings covering it (`ids`), the worst severity and how many overlap
    (`depth`); `starts` are the findings beginning there (their numbered markers). In excerpt
    mode, plain pieces keep only CONTEXT characters next to a highlight (`gap` = chars cut).
    """
    cuts = sorted({0, len(text), *(n["start"] for n in notes), *(n["end"] for n in notes)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = [n for n in notes if n["start"] <= a and n["end"] >= b]
        starts = [n for n in notes if n["start"] == a]
        worst = min((SEVERITIES.index(n["severity"]) for n in cover), default=None)
        piece = {"text": text[a:b], "ids": " ".join(n["id"] for n in cover), "starts": starts,
                 "sev": SEVERITIES[worst] if cover else "", "depth": min(len(cover), 3), "gap": 0}
        if excerpt and not cover and b - a > 2 * CONTEXT + 20:
            head = _words(text[a:a + CONTEXT], keep="head") if a > 0 else ""
            tail = _words(text[b - CONTEXT:b], keep="tail") if b < len(text) else ""
            out.append(dict(piece, text=head, gap=b - a - len(head) - len(tail)))
            piece = dict(piece, text=tail, starts=[])
        out.append(piece)
    return out


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _article(n: int, art: dict, mode: str) -> dict:
    """View data of one article; mode: full (all blocks), excerpt (blocks with findings, cut to
    CONTEXT around the highlights) or summary (a table row; its findings only under their rule)."""
    anchor, title = f"a-{n}", art["title"] or art["id"]
    notes = [dict(f, n=k, id=f"a{n}-f{k}", href=anchor if mode == "summary" else f"a{n}-f{k}", an=n,
                  short=_short(f["text"], 80), overlaps=False,
                  whole=f["start"] == 0 and f["end"] == len(art["blocks"][f["block"]]["text"]))
             for k, f in enumerate(art["findings"], 1)]
    by_block: dict[int, list[dict]] = {}
    for note in notes:
        by_block.setdefault(note["block"], []).append(note)
    for own in by_block.values():  # a highlight that overlaps another: its note quotes the exact text
        for x in own:
            x["overlaps"] = any(y is not x and y["start"] < x["end"] and x["start"] < y["end"] for y in own)
    rows: list[dict] = []
    skipped: list[int] = []

    def skip():
        if skipped:
            rows.append({"kind": "skip", "count": len(skipped), "first": skipped[0], "last": skipped[-1]})
            skipped.clear()
    for b in art["blocks"] if mode != "summary" else ():
        own = by_block.get(b["index"], [])
        if mode == "excerpt" and not own:
            skipped.append(b["line"])
            continue
        skip()
        rows.append({"kind": "block", "line": b["line"], "role": b["role"],
                     "lang": b.get("lang") if b.get("lang") not in (None, art["lang"]) else "",
                     "segs": segments(b["text"], own, excerpt=mode == "excerpt"), "notes": own})
    skip()
    counts = Counter(f["severity"] for f in art["findings"])
    by_code = Counter((f["code"], f["severity"]) for f in art["findings"])
    return {"n": n, "id": anchor, "title": title, "art": art, "rows": rows, "mode": mode,
            "full": mode == "full", "notes": notes, "open": False,
            "counts": [(s, counts[s]) for s in SEVERITIES if counts[s]],
            "sevcount": {s: counts[s] for s in SEVERITIES},
            "codes": [{"code": c, "severity": sev, "count": k} for (c, sev), k in sorted(by_code.items())],
            "families": sorted({f["family"] for f in art["findings"]}, key=FAMILIES.index)}


def _modes(arts: list[dict], order: list[int]) -> list[str]:
    """How each flagged article (worst first) is shown, so the page stays small: in full while
    FULL_TEXT_BUDGET characters last, then as excerpts while DETAIL_FINDINGS findings last,
    then summarised. The worst OPEN_ARTICLES are always in full."""
    text, detail, modes = FULL_TEXT_BUDGET, DETAIL_FINDINGS, []
    for rank, i in enumerate(order):
        size, nf = sum(len(b["text"]) for b in arts[i]["blocks"]), len(arts[i]["findings"])
        if rank < OPEN_ARTICLES or (size <= text and nf <= detail and (not modes or modes[-1] == "full")):
            modes.append("full")
            text -= size
        elif nf <= detail and (not modes or modes[-1] != "summary"):
            modes.append("excerpt")
        else:
            modes.append("summary")
        detail -= nf if modes[-1] != "summary" else 0
    return modes


def _rules(notes: list[dict], by_code: dict) -> list[dict]:
    rules, docs = [], rule_docs()
    for code in sorted(by_code):
        occ = sorted((n for n in notes if n["code"] == code), key=lambda n: (n["an"], n["n"]))
        variants: dict[tuple, list[dict]] = {}
        for n in occ:  # the same flagged text, fix and severity: one row listing where
            variants.setdefault((n["short"], n["suggestion"], n["severity"]), []).append(n)
        rows = [{"text": t, "suggestion": fix, "severity": sev, "where": where}
                for (t, fix, sev), where in sorted(variants.items(), key=lambda kv: -len(kv[1]))]
        sevs = [(x, c) for x in SEVERITIES if (c := sum(n["severity"] == x for n in occ))]
        rules.append({"code": code, "name": occ[0]["name"], "family": occ[0]["family"], "count": len(occ),
                      "articles": len({n["an"] for n in occ}), "variants": rows, "sev": sevs,
                      "mixed": len(sevs) > 1, "meta": docs.get(code), "open": len(rows) <= RULE_LIST_OPEN})
    return rules


def view(data: dict) -> dict:
    arts, s = data["articles"], data["summary"]

    def worst_first(i: int) -> tuple:
        sev = Counter(f["severity"] for f in arts[i]["findings"])
        return (*(-sev[x] for x in SEVERITIES), -len(arts[i]["errors"]), i)
    order = sorted((i for i, a in enumerate(arts) if a["findings"] or a["errors"]), key=worst_first)
    shown = [_article(i + 1, arts[i], mode) for i, mode in zip(order, _modes(arts, order))]
    for a in shown[:OPEN_ARTICLES]:
        a["open"] = bool(a["notes"])
    notes = [note for a in shown for note in a["notes"]]
    # families x severities, in the contract's family order (never in the JSON's key order)
    fam_rows = []
    for fam in FAMILIES:
        c = Counter(n["severity"] for n in notes if n["family"] == fam)
        if c:
            fam_rows.append({"family": fam, "total": sum(c.values()), "sev": [(x, c[x]) for x in SEVERITIES]})
    rules = _rules(notes, s["by_code"])
    families = [{"family": r["family"], "total": r["total"], "rules": [u for u in rules if u["family"] == r["family"]],
                 "sev": [x for x, c in r["sev"] if c]} for r in fam_rows]
    detailed = [a for a in shown if a["mode"] != "summary"]
    anchors = {a["art"]["id"]: a["id"] for a in shown}
    run_findings = [dict(f, spellings=[dict(sp, href=anchors.get(sp["first"]["article"], ""))
                                        for sp in f["spellings"]])
                    for f in data.get("run_findings", [])]
    return {"run": data, "summary": s, "fam_rows": fam_rows, "chart": chart(fam_rows), "run_findings": run_findings,
            "sev_totals": [(x, s["by_severity"].get(x, 0)) for x in SEVERITIES],
            "families": families, "rules": rules, "articles": detailed,
            "summarised": [a for a in shown if a["mode"] == "summary"],
            "worst": [a for a in shown if a["notes"]][:WORST_LISTED],
            "clean": [{"n": i + 1, "art": a} for i, a in enumerate(arts) if not (a["findings"] or a["errors"])],
            "excerpted": sum(1 for a in shown if a["mode"] == "excerpt"),
            "errored": [a for a in shown if a["art"]["errors"]],
            "langs": sorted(Counter(a["lang"] for a in arts).items(), key=lambda kv: (-kv[1], kv[0])),
            "icons": ICONS, "severities": SEVERITIES, "context": CONTEXT, "assets": assets(),
            "budget": {"text": FULL_TEXT_BUDGET, "findings": DETAIL_FINDINGS}}


def chart(fam_rows: list[dict]) -> dict:
    """Geometry of the stacked bar chart (findings per family, by severity), in SVG units."""
    label_w, bar_w, row_h = 170, 330, 26
    top = max((r["total"] for r in fam_rows), default=1)
    bars = []
    for i, r in enumerate(fam_rows):
        x, parts = float(label_w), []
        for sev, c in r["sev"]:
            if c:
                w = round(bar_w * c / top, 2)
                parts.append({"sev": sev, "x": round(x, 2), "w": max(w, 1.5), "count": c})
                x += w
        bars.append({"family": r["family"], "total": r["total"], "y": i * row_h, "parts": parts,
                     "end": round(x + 6, 2)})
    return {"bars": bars, "width": label_w + bar_w + 60, "height": max(len(fam_rows), 1) * row_h,
            "row": row_h, "label": label_w}


def render_data(data: dict, out: TextIO) -> None:
    """Render a tqcheck/1 result (a run's data or a saved JSON, validated) as the HTML page."""
    validate(data)
    for chunk in environment().get_template("report.html.j2").generate(**view(data)):
        out.write(chunk)


def render(results: list[ArticleResult], out: TextIO, run_findings=()) -> None:
    render_data(run_dict(results, run_findings), out)


class HtmlReport:
    """The streaming reporter interface over render_data: articles are spooled to an unnamed
    temporary file as JSON lines while the run goes on (the checker's memory stays flat) and
    read back at close, when the page is rendered."""

    def __init__(self, out: TextIO):
        self.out = out
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")

    def add(self, r: ArticleResult) -> None:
        self.spool.write(json.dumps(article_dict(r), ensure_ascii=False))
        self.spool.write("\n")

    def close(self, summary: Summary) -> None:
        self.spool.seek(0)
        articles = [json.loads(line) for line in self.spool]
        self.spool.close()
        data = {"schema": SCHEMA, "tool": {"name": "tqcheck", "version": __version__}, "articles": articles,
                "run_findings": [run_finding_dict(f) for f in summary.run_findings], "summary": summary.as_dict()}
        render_data(data, self.out)
