"""Reporters turn check results into text for people or machines; they never decide anything.

Each reporter is a class over an open text stream: `add(result)` per article, in input order,
then `close(summary)`. The text and JSON reporters write as they go; the HTML page needs the
whole run (worst articles first), so it spools articles to a temporary file until close.
"""
from __future__ import annotations

from typing import Iterable, TextIO

from ..model import ArticleResult
from .html_report import HtmlReport
from .json_report import JsonReport, Summary
from .text_report import TextReport

REPORTERS = {"text": TextReport, "json": JsonReport, "html": HtmlReport}


def render(name: str, results: Iterable[ArticleResult], out: TextIO) -> None:
    """The whole report of these results in one call (for tests and the Python API)."""
    report, summary = REPORTERS[name](out), Summary()
    for r in results:
        report.add(r)
        summary.add(r)
    report.close(summary)
