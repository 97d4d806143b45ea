"""The HTML report: a Jinja template over exactly the JSON data, so the two never disagree."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import TextIO

import jinja2

from ..model import ArticleResult
from .json_report import run_dict


def _template_source(name: str) -> str:
    return files("tqcheck.reports").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    # Templates ship inside the wheel as the package tqcheck.reports (see pyproject.toml).
    return jinja2.Environment(loader=jinja2.FunctionLoader(_template_source),
                              autoescape=True, undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True)


def segments(text: str, findings: list[dict]) -> list[dict]:
    """Cut a block's text into plain and flagged pieces, so the template does no offset maths.

    Overlapping findings are merged into one highlighted piece listing all their codes.
    """
    spans = sorted((f["start"], f["end"], f) for f in findings)
    out, pos = [], 0
    i = 0
    while i < len(spans):
        start, end, f = spans[i]
        group = [f]
        i += 1
        while i < len(spans) and spans[i][0] < end:
            end = max(end, spans[i][1])
            group.append(spans[i][2])
            i += 1
        if start > pos:
            out.append({"text": text[pos:start], "findings": []})
        out.append({"text": text[max(start, pos):end], "findings": group})
        pos = max(pos, end)
    if pos < len(text):
        out.append({"text": text[pos:], "findings": []})
    return out


def render(results: list[ArticleResult], out: TextIO) -> None:
    data = run_dict(results)
    for art in data["articles"]:
        for block in art["blocks"]:
            own = [f for f in art["findings"] if f["block"] == block["index"]]
            block["segments"] = segments(block["text"], own)
    out.write(environment().get_template("report.html.j2").render(run=data))
