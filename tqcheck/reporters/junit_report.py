"""JUnit XML for CI dashboards (GitLab, Jenkins, Azure, …): one test case per article.

The dialect is the one the Jenkins xUnit plugin's junit-10.xsd describes and pytest writes:
`<testsuites>` around one `<testsuite name="tqcheck">`. An article is a `<testcase>` (name =
article id, classname = its source); findings at or above warning make one `<failure>` (the
message counts them, the body lists them `line:col CODE [severity] message (suggest: …)`);
info findings never fail a case and go to its `<system-out>`, same line format; read, split
and check errors make one `<error>`. Findings about the whole run (TQ204) are one more case,
`run` in class `tqcheck.run`, at the end. Counts: tests = cases, failures = cases with a
`<failure>`, errors = cases with an `<error>` (a case can have both).

Deterministic: no timestamps, hostnames or durations (`time="0"`), byte-identical across runs.
Streams like the HTML report: the suite's counts come first in the file, so test cases are
spooled to an unnamed temporary file and copied out at close; memory stays flat.

Article text is untrusted: it is escaped, characters XML 1.0 forbids (C0 controls, lone
surrogates, U+FFFE/U+FFFF) and invisible or bidi controls are written visibly as ⟨U+XXXX⟩
(as in the HTML report), so the file stays well-formed and a CI page cannot be reordered.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from typing import TextIO

from .. import __version__
from ..model import ArticleResult, Severity
from .html_report import CONTROL_RE
from .json_report import Summary

# What the HTML report shows visibly, plus what XML 1.0 cannot hold at all.
SHOWN_RE = re.compile(f"{CONTROL_RE.pattern}|[\ud800-\udfff\ufffe\uffff]")
_ATTR = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;"}
_ATTR_RE = re.compile('[&<>"\t]')
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_TEXT_RE = re.compile("[&<>]")


def visible(text: str) -> str:
    """The text with every control, bidi, invisible or XML-illegal character as ⟨U+XXXX⟩."""
    return SHOWN_RE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def attr(text: str) -> str:
    return _ATTR_RE.sub(lambda m: _ATTR[m.group()], visible(text))


def body(lines: list[str]) -> str:
    """Element content: one line per item (each item made one visible line, then escaped)."""
    return "\n".join(_TEXT_RE.sub(lambda m: _TEXT[m.group()], visible(line)) for line in lines)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def finding_line(f) -> str:
    fix = f" (suggest: {f.suggestion})" if f.suggestion is not None else ""
    return f"{f.line}:{f.start + 1} {f.code} [{f.severity}] {f.message}{fix}"


class JunitReport:
    def __init__(self, out: TextIO):
        self.out = out
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")
        self.tests = self.failures = self.errors = 0

    def add(self, r: ArticleResult) -> None:
        doc, w = r.document, self.spool.write
        failing = [f for f in r.findings if f.severity >= Severity.WARNING]
        infos = [f for f in r.findings if f.severity < Severity.WARNING]
        self.tests += 1
        self.failures += bool(failing)
        self.errors += bool(r.errors)
        w(f'  <testcase name="{attr(doc.id)}" classname="{attr(doc.source)}" time="0"')
        if not (failing or infos or r.errors):
            w("/>\n")
            return
        w(">\n")
        if r.errors:
            first = r.errors[0]
            w(f'   <error message="{attr(_plural(len(r.errors), "error") + ": " + first.message)}" '
              f'type="{attr(first.stage)}">')
            w(body([f"{e.stage}{' ' + e.code if e.code else ''}: {e.message}" for e in r.errors]))
            w("</error>\n")
        if failing:
            worst = max(f.severity for f in failing)
            counts = [_plural(sum(f.severity == s for f in failing), str(s))
                      for s in (Severity.ERROR, Severity.WARNING) if any(f.severity == s for f in failing)]
            message = counts[0] if len(counts) == 1 else f"{_plural(len(failing), 'finding')}: {', '.join(counts)}"
            w(f'   <failure message="{attr(message)}" type="{worst}">')
            w(body([finding_line(f) for f in failing]))
            w("</failure>\n")
        if infos:
            w(f"   <system-out>{body([finding_line(f) for f in infos])}</system-out>\n")
        w("  </testcase>\n")

    def _run_case(self, run_findings) -> None:
        """Findings about the whole run (TQ204) as one more test case, `run` in `tqcheck.run`."""
        failing = [f for f in run_findings if f.severity >= Severity.WARNING]
        infos = [f for f in run_findings if f.severity < Severity.WARNING]
        lines = lambda fs: [f"{f.code} [{f.severity}] {f.message}" +  # noqa: E731
                            (f" (suggest: {f.suggestion})" if f.suggestion is not None else "") for f in fs]
        w = self.spool.write
        self.tests += 1
        self.failures += bool(failing)
        w('  <testcase name="run" classname="tqcheck.run" time="0">\n')
        if failing:
            w(f'   <failure message="{attr(_plural(len(failing), "finding") + " across articles")}" '
              f'type="{max(f.severity for f in failing)}">{body(lines(failing))}</failure>\n')
        if infos:
            w(f"   <system-out>{body(lines(infos))}</system-out>\n")
        w("  </testcase>\n")

    def close(self, summary: Summary) -> None:
        if summary.run_findings:
            self._run_case(summary.run_findings)
        counts = f'tests="{self.tests}" failures="{self.failures}" errors="{self.errors}"'
        out = self.out
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<testsuites name="tqcheck" {counts} time="0">\n')
        out.write(f' <testsuite name="tqcheck" {counts} skipped="0" time="0">\n')
        out.write("  <properties>\n")
        out.write(f'   <property name="tqcheck.version" value="{attr(__version__)}"/>\n')
        out.write("  </properties>\n")
        self.spool.seek(0)
        shutil.copyfileobj(self.spool, out)
        self.spool.close()
        out.write(" </testsuite>\n</testsuites>\n")
