"""What a detector is: its metadata, its examples, and the context it reports through.

A detector is a class with a ``meta`` (RuleMeta) and ``check(doc, ctx)``. It never builds a
Finding itself: ``ctx.report`` fills in code, name, family, severity and the flagged text
from the meta, so every finding is consistent with its rule.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import ClassVar, Iterable, Literal, Protocol

from .config import NO_OPTIONS, RuleOptions
from .model import FAMILIES, TEXT_ROLES, Block, Document, Finding, Role, RunFinding, Severity, Spelling

CODE_RE = re.compile(r"^TQ\d{3}$")
NAME_RE = re.compile(r"^[a-z]+(-[a-z]+)*$")
DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Fix")
MARK_RE = re.compile(r"\[\[(.+?)\]\]")


def per_document(size: int = 4):
    """Decorator: cache fn(doc) for the last `size` documents, by identity. Several rules ask
    for one document's analysis; an lru_cache would hash the Document, that is every block's
    text, on each call."""
    def wrap(fn):
        last: tuple = ()  # ((doc, result), ...), most recent last; rebound, never mutated

        @functools.wraps(fn)
        def cached(doc):
            nonlocal last
            for seen, result in last:
                if seen is doc:
                    return result
            result = fn(doc)
            last = (last + ((doc, result),))[-size:]
            return result
        return cached
    return wrap


@dataclass(frozen=True)
class Example:
    """A rule example that is also a test.

    ``text`` holds one block per line; ``[[...]]`` marks each span the rule must flag (only in
    ``bad`` examples). ``roles`` gives each line's role (default: all body).
    ``fix`` is the suggestion expected for a single marked span; with it applied the rule
    must be silent.
    """

    text: str
    kind: Literal["bad", "good"]
    fix: str | None = None
    lang: str = "en"
    roles: tuple[Role, ...] = ()
    config: str = ""  # TOML, as in tqcheck.toml: the newsroom settings the example runs under

    def lines(self) -> list[str]:
        return [MARK_RE.sub(r"\1", line) for line in self.text.split("\n")]

    def spans(self) -> list[tuple[int, int, int]]:
        """(line_index, start, end) of every marked span, in the unmarked text."""
        out = []
        for i, line in enumerate(self.text.split("\n")):
            shift = 0
            for m in MARK_RE.finditer(line):
                start = m.start() - shift
                out.append((i, start, start + len(m.group(1))))
                shift += 4
        return out

    def fixed_lines(self) -> list[str] | None:
        if self.fix is None or len(self.spans()) != 1:
            return None
        return [MARK_RE.sub(lambda m: self.fix, line) for line in self.text.split("\n")]


def bad(text: str, fix: str | None = None, *, lang: str = "en", roles: Iterable[Role] = (),
        config: str = "") -> Example:
    return Example(text, "bad", fix, lang, tuple(roles), config)


def good(text: str, *, lang: str = "en", roles: Iterable[Role] = (), config: str = "") -> Example:
    return Example(text, "good", None, lang, tuple(roles), config)


@dataclass(frozen=True)
class RuleMeta:
    code: str
    name: str
    family: str
    severity: Severity
    summary: str  # one line, for `tqcheck rules`
    doc: str  # Markdown with the DOC_SECTIONS headings
    examples: tuple[Example, ...]
    roles: frozenset[Role] = TEXT_ROLES  # which blocks the rule reads (Vale's scopes)
    # Off unless selected by name, code or family: rules that are right but too noisy on
    # human-written text to run for everyone (ruff's preview, Vale's opt-in styles).
    default: bool = True

    def problems(self) -> list[str]:
        """What is wrong with this metadata (empty when it is well-formed)."""
        out = []
        if not CODE_RE.match(self.code):
            out.append(f"code {self.code!r} is not TQ + 3 digits")
        if not NAME_RE.match(self.name):
            out.append(f"name {self.name!r} is not kebab-case")
        if self.family not in FAMILIES:
            out.append(f"family {self.family!r} is unknown")
        for section in DOC_SECTIONS:
            if f"## {section}" not in self.doc:
                out.append(f"doc lacks '## {section}'")
        kinds = {e.kind for e in self.examples}
        if kinds != {"bad", "good"}:
            out.append("needs at least one bad and one good example")
        return out


class Detector(Protocol):
    meta: ClassVar[RuleMeta]

    def check(self, doc: Document, ctx: "Context") -> None: ...


class RunDetector(Protocol):
    """A rule over the whole run (``scope = "run"``). ``observe`` notes what the rule needs of
    one article, where the article is checked (maybe in a worker process: it must not keep
    state, and what it returns must pickle); one fresh instance per run then ``add``s every
    article's observation in input order and reports at the end with ``finish``."""

    meta: ClassVar[RuleMeta]
    scope: ClassVar[str]

    def observe(self, doc: Document, ctx: "Context") -> object | None: ...

    def add(self, observed: object, doc: Document) -> None: ...

    def finish(self, ctx: "RunContext") -> None: ...


def is_run_rule(detector) -> bool:
    return getattr(detector, "scope", "article") == "run"


@per_document()
def _blocks_by_roles(doc: Document) -> dict[frozenset[Role], tuple[Block, ...]]:
    """A document's blocks per role set, filled as rules ask: most rules read the same roles."""
    return {}


@dataclass
class Context:
    """Collects one detector's findings on one document."""

    meta: RuleMeta
    severity: Severity
    findings: list[Finding] = field(default_factory=list)
    options: RuleOptions = NO_OPTIONS  # the newsroom's house spellings, notices, sources (config)

    def blocks(self, doc: Document) -> Iterable[Block]:
        """The blocks this rule reads, by role."""
        by_roles = _blocks_by_roles(doc)
        roles = self.meta.roles
        found = by_roles.get(roles)
        if found is None:
            found = by_roles[roles] = tuple(b for b in doc.blocks if b.role in roles)
        return found

    def report(self, block: Block, start: int, end: int, message: str,
               suggestion: str | None = None) -> None:
        if not (0 <= start < end <= len(block.text)):
            raise ValueError(f"{self.meta.code}: span {start}:{end} outside block of {len(block.text)}")
        self.findings.append(Finding(
            code=self.meta.code, name=self.meta.name, family=self.meta.family,
            severity=self.severity, block=block.index, line=block.line, start=start, end=end,
            text=block.text[start:end], message=message, suggestion=suggestion))


@dataclass
class RunContext:
    """Collects one run rule's findings at the end of a run."""

    meta: RuleMeta
    severity: Severity
    findings: list[RunFinding] = field(default_factory=list)
    options: RuleOptions = NO_OPTIONS

    def report(self, lang: str, spellings: Iterable[Spelling], message: str, suggestion: str | None = None) -> None:
        spellings = tuple(spellings)
        if len(spellings) < 1:
            raise ValueError(f"{self.meta.code}: a run finding needs the spellings it is about")
        self.findings.append(RunFinding(
            code=self.meta.code, name=self.meta.name, family=self.meta.family, severity=self.severity,
            message=message, suggestion=suggestion, lang=lang, spellings=spellings))
