"""Run a rule on its own examples: the doc's examples are the rule's first tests."""
from __future__ import annotations

import tomllib

from . import config as configuration
from . import lang as langid
from .config import NO_OPTIONS, RuleOptions
from .model import Block, Document, Finding, Role, RunFinding
from .registry import Context, Detector, Example, RunContext, is_run_rule


def document(lines: list[str], lang: str = "en", roles: tuple[Role, ...] = ()) -> Document:
    """A document made of the given lines (roles given, else body), bypassing the splitter."""
    blocks = tuple(
        Block(index=i, line=i + 1, role=roles[i] if i < len(roles) else Role.BODY, text=text,
              lang=langid.detect(text, lang))
        for i, text in enumerate(lines))
    return Document(id="example", source="example", lang=lang, blocks=blocks)


def run(detector: type[Detector], lines: list[str], lang: str = "en",
        roles: tuple[Role, ...] = (), options: RuleOptions = NO_OPTIONS) -> list[Finding]:
    ctx = Context(detector.meta, detector.meta.severity, options=options)
    detector().check(document(lines, lang, roles), ctx)
    return ctx.findings


def run_across(detector, lines: list[str], lang: str = "en", roles: tuple[Role, ...] = (),
               options: RuleOptions = NO_OPTIONS) -> list[RunFinding]:
    """A run rule over a run whose articles are the lines (one body block each)."""
    rule = detector()
    for i, text in enumerate(lines):
        doc = document([text], lang, roles[i:i + 1])
        doc = Document(id=f"example-{i + 1}", source=f"example-{i + 1}", lang=lang, blocks=doc.blocks)
        seen = detector().observe(doc, Context(detector.meta, detector.meta.severity, options=options))
        if seen is not None:
            rule.add(seen, doc)
    ctx = RunContext(detector.meta, detector.meta.severity, options=options)
    rule.finish(ctx)
    return ctx.findings


def _run_rule_problems(detector, example: Example) -> list[str]:
    """A run rule's example: each line is an article; the marked texts are the spellings
    reported besides the suggested one."""
    options = options_of(example)
    found = run_across(detector, example.lines(), example.lang, example.roles, options)
    lines = example.lines()
    got = sorted(s.text for f in found for s in f.spellings[1:])
    want = sorted(lines[i][a:b] for i, a, b in example.spans())
    out = [] if got == want else [f"reported {got}, expected {want}"]
    if example.fix is not None and [f.suggestion for f in found] != [example.fix]:
        out.append(f"suggested {[f.suggestion for f in found]}, expected {example.fix!r}")
    return out


def options_of(example: Example) -> RuleOptions:
    return configuration.parse(tomllib.loads(example.config)).options if example.config else NO_OPTIONS


def run_example(detector: type[Detector], example: Example) -> list[Finding]:
    return run(detector, example.lines(), example.lang, example.roles, options_of(example))


def problems(detector: type[Detector], example: Example) -> list[str]:
    """Why the example does not hold (empty when it does)."""
    if is_run_rule(detector):
        return _run_rule_problems(detector, example)
    found = run_example(detector, example)
    got = sorted((f.line - 1, f.start, f.end) for f in found)
    want = sorted(example.spans())
    out = []
    if got != want:
        lines = example.lines()
        show = lambda spans: [lines[i][s:e] for i, s, e in spans]  # noqa: E731
        out.append(f"flagged {show(got)} {got}, expected {show(want)} {want}")
    if example.fix is not None and len(found) == 1 and found[0].suggestion != example.fix:
        out.append(f"suggested {found[0].suggestion!r}, expected {example.fix!r}")
    fixed = example.fixed_lines()
    if fixed is not None:
        again = run(detector, fixed, example.lang, example.roles, options_of(example))
        if again:
            out.append(f"still flags after the fix: {[f.text for f in again]}")
    return out
