"""Reporters turn check results into text for people or machines; they never decide anything.

Each reporter is a class over an open text stream: `add(result)` per article, in input order,
then `close(summary)`; `summary.run_findings` holds the findings about the whole run. The text and JSON reporters write as they go; the HTML page needs the
whole run (worst articles first), so it spools articles to a temporary file until close.
"""
from __future__ import annotations

from typing import Iterable, TextIO

from ..model import ArticleResult
from .html_report import HtmlReport
from .json_report import JsonReport, Summary
from .junit_report import JunitReport
from .sarif_report import SarifReport
from .text_report import TextReport

REPORTERS = {
    "text": TextReport,
    "json": JsonReport,
    "html": HtmlReport,
    "junit": JunitReport,  # CI test dashboards (GitLab, Jenkins)
    "sarif": SarifReport,  # code-scanning dashboards (GitHub)
}


def render(name: str, results: Iterable[ArticleResult], out: TextIO, run_findings=()) -> None:
    """The whole report of these results in one call (for tests and the Python API)."""
    report, summary = REPORTERS[name](out), Summary()
    for r in results:
        report.add(r)
        summary.add(r)
    summary.run_findings = tuple(run_findings)
    report.close(summary)
