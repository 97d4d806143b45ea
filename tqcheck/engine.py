"""Load -> split -> run the selected detectors, one article at a time.

A detector that crashes on one article becomes an error entry for that article and detector;
every other detector and article still reports.
"""
from __future__ import annotations

import signal
import threading
import time
import traceback
from dataclasses import dataclass, replace

from . import lang as langid
from .config import NO_OPTIONS, RuleOptions
from .detectors import DETECTORS
from .model import BODY_ROLES, ArticleError, ArticleResult, Block, Document, Role, RunFinding, Severity
from .registry import Context, Detector, RunContext, is_run_rule
from .selection import is_selected, severity_for, validate
from .splitter import split_html, split_plain

UNDETERMINED = "und"
LANG_SAMPLE_CHARS = 4000  # enough text for a stable verdict; more only costs time
DECISIVE_VOTES, DECISIVE_LEAD = 8, 3  # function words a language needs to settle it alone
DEFAULT_MAX_ARTICLE_CHARS = 2_000_000
DEFAULT_ARTICLE_TIMEOUT = 30.0  # seconds for the split and every detector of one article


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str | None = None  # force the article language instead of detecting it
    max_article_chars: int | None = DEFAULT_MAX_ARTICLE_CHARS  # None: no limit
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT  # seconds; None or 0: no limit
    severity: tuple[tuple[str, Severity], ...] = ()  # (selector, severity) overrides
    options: RuleOptions = NO_OPTIONS  # house spellings, notice phrases, expected languages


class _ArticleTimeout(BaseException):
    """Raised inside one article's check when its time is up. A BaseException, so the
    per-detector `except Exception` does not swallow it as a detector crash."""


def _alarm_available() -> bool:
    return (hasattr(signal, "SIGALRM") and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread())


def _run_with_timeout(seconds: float | None, work):
    """Call work(deadline) and stop it with _ArticleTimeout after `seconds`.

    On the main thread (where SIGALRM exists) an ITIMER_REAL alarm interrupts the work
    wherever it is (between Python bytecodes: a single long C call runs to its end first),
    and work gets deadline None. Elsewhere work gets a time.monotonic() deadline to check
    between steps. The previous SIGALRM handler and any outer timer are restored."""
    if not seconds or seconds <= 0:
        return work(None)
    if not _alarm_available():
        return work(time.monotonic() + seconds)

    def on_alarm(signum, frame):
        raise _ArticleTimeout()

    started, outer = time.monotonic(), 0.0
    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return work(None)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        if outer > 0:  # someone else's timer was running: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))


def all_rules() -> list[type[Detector]]:
    return sorted(DETECTORS, key=lambda d: d.meta.code)


def rule_by_code(code: str) -> type[Detector] | None:
    code = code.strip()
    for det in DETECTORS:
        if det.meta.code == code.upper() or det.meta.name == code:
            return det
    return None


def document_language(blocks, forced: str | None = None, hint: str | None = None,
                      block_words: list[list[str]] | None = None,
                      block_counts: list[dict[str, int]] | None = None) -> str:
    """The article's language: its function words when one language clearly leads them (names,
    numbers and tables dilute a text but do not change which language leads), else langdetect.
    ``block_words``: langid.words() of each block, and ``block_counts``: langid.counts() of
    those, when the caller has them already."""
    if forced:
        return forced
    chosen = [i for i, b in enumerate(blocks) if b.role in BODY_ROLES] or range(len(blocks))
    body = [blocks[i].text for i in chosen]
    sample = " ".join(body)[:LANG_SAMPLE_CHARS]
    counted = None
    if block_words is None:
        tokens = langid.words(sample)
    else:  # the sample's words are its whole blocks' words (no word spans the joining space)
        tokens, pos, parts = [], 0, []
        for i in chosen:
            text = blocks[i].text
            if pos + len(text) <= LANG_SAMPLE_CHARS:
                tokens += block_words[i]
                if block_counts is not None:
                    parts.append(block_counts[i])
            else:
                cut = langid.words(text[:LANG_SAMPLE_CHARS - pos])
                tokens += cut
                if block_counts is not None:
                    parts.append(langid.counts(cut))
                break
            pos += len(text) + 1
            if pos >= LANG_SAMPLE_CHARS:
                break
        if block_counts is not None:
            counted = langid.merge_counts(parts)
    if counted is None:
        counted = langid.counts(tokens)
    leader, top, second = langid.vote(tokens, counted)
    if leader is not None and top >= DECISIVE_VOTES and top >= DECISIVE_LEAD * second:
        return leader
    # A declared language (a feed item's) counts only when the text cannot tell: syndicated
    # items often keep the original's language tag after translation.
    return langid.clear_vote(tokens, counted) or langid.langdetect(sample) or hint or UNDETERMINED


def split_blocks(text: str, kind: str = "text") -> tuple:
    """Plain text through split_plain, HTML (a page or a fragment) through split_html."""
    return split_html(text) if kind == "html" else split_plain(text)


def build_document(text: str, *, doc_id: str, source: str, lang: str | None = None, kind: str = "text",
                   title: str | None = None, lang_hint: str | None = None,
                   languages: bool = True) -> Document:
    """Split the text into blocks and identify the article's and each block's language.

    With ``languages`` off (``tqcheck split``, which shows no block languages) the article's
    language comes from function words alone and langdetect is never loaded."""
    blocks = split_blocks(text, kind)
    if not languages:
        doc_lang = lang or _function_word_language(blocks) or lang_hint or UNDETERMINED
        return Document(id=doc_id, source=source, lang=doc_lang, blocks=blocks, title=title or _title(blocks))
    block_words = [langid.words(b.text) for b in blocks]  # tokenised and counted once for both steps
    block_counts = [langid.counts(words) for words in block_words]
    doc_lang = document_language(blocks, lang, lang_hint, block_words, block_counts)
    blocks = tuple(Block(b.index, b.line, b.role, b.text, langid.detect(b.text, doc_lang, words, counted))
                   for b, words, counted in zip(blocks, block_words, block_counts))
    doc = Document(id=doc_id, source=source, lang=doc_lang, blocks=blocks, title=title or _title(blocks))
    langid.keep_words(doc, block_words)  # TQ701-703 read the blocks' words again
    return doc


def _title(blocks) -> str:
    return next((b.text for b in blocks if b.role == Role.HEADLINE), blocks[0].text if blocks else "")


def _function_word_language(blocks) -> str | None:
    return langid.clear_vote(langid.words(" ".join(b.text for b in blocks)[:LANG_SAMPLE_CHARS]))


class Checker:
    """The selected detectors, instantiated once and reused for every article."""

    def __init__(self, settings: Settings = Settings()):
        self.settings = settings
        metas = [d.meta for d in DETECTORS]
        validate(list(settings.select) + list(settings.ignore) + [sel for sel, _ in settings.severity], metas)
        selected = [d for d in all_rules() if is_selected(d.meta, list(settings.select), list(settings.ignore))]
        self.detectors = [d() for d in selected if not is_run_rule(d)]
        self.run_rules = [d for d in selected if is_run_rule(d)]  # accumulate in a Run
        self.observers = [d() for d in self.run_rules]  # their per-article part, stateless
        self.severity = {d.meta.code: severity_for(d.meta, settings.severity) for d in selected}

    def warm_up(self) -> None:
        """Load every word list, table and profile the selected rules may use, in each language
        the function-word vote knows: done once before worker processes fork, so they share
        that memory and none pays for it in its first articles."""
        langid.warm_up()
        for lang in langid.languages():
            text = f"Wladimir Putin, Kiew „10.000“ 3. März 2024 {langid.sample(lang)}. Creamfor Ã¼ &quot;"
            self.check_text(text, doc_id="warm-up", lang_hint=lang)  # bounded like any article

    def start_run(self) -> "Run":
        """A run over many articles, for the rules that look across articles (TQ204)."""
        return Run(self)

    def check_text(self, text: str, *, doc_id: str = "article", source: str = "-", kind: str = "text",
                   title: str | None = None, lang_hint: str | None = None) -> ArticleResult:
        """Split and check one article within the Settings bounds: an article longer than
        max_article_chars, or whose split and detectors take longer than article_timeout,
        gets no findings and one errors[] entry (stage "check")."""
        def empty(error: ArticleError) -> ArticleResult:
            doc = Document(id=doc_id, source=source, lang=UNDETERMINED, blocks=(), title=title or "")
            return ArticleResult(doc, (), (error,))

        limit = self.settings.max_article_chars
        if limit and len(text) > limit:
            return empty(ArticleError(f"article too large: {len(text):,} characters (limit {limit:,}, "
                                      f"--max-article-chars)", stage="check"))

        def work(deadline: float | None) -> ArticleResult:
            try:
                doc = build_document(text, doc_id=doc_id, source=source, lang=self.settings.lang, kind=kind,
                                     title=title, lang_hint=lang_hint)
            except Exception as exc:  # a splitter bug must not stop the run
                return empty(ArticleError(_describe(exc), stage="split"))
            return self._detect(doc, deadline)

        seconds = self.settings.article_timeout
        try:
            return _run_with_timeout(seconds, work)
        except _ArticleTimeout:
            return empty(ArticleError(f"timed out after {seconds:g} s (--article-timeout)", stage="check"))

    def check_article(self, raw) -> ArticleResult:
        """Check a RawArticle from tqcheck.inputs: its read error, or its text split by kind
        (plain text or HTML), with read notes (a guessed encoding…) as errors of stage "read"."""
        if raw.error:
            empty = Document(id=raw.id, source=raw.source, lang=UNDETERMINED, blocks=(), title=raw.title or "")
            return ArticleResult(empty, (), (ArticleError(raw.error, stage=raw.stage),))
        # A language the configuration expects of this source counts like a declared one:
        # only when the text itself cannot tell.
        expected = self.settings.options.expected_languages(raw.source)
        result = self.check_text(raw.text, doc_id=raw.id, source=raw.source, kind=raw.kind, title=raw.title,
                                 lang_hint=raw.lang or (expected[0] if expected else None))
        if raw.notes:
            notes = tuple(ArticleError(n, stage="read") for n in raw.notes)
            result = replace(result, errors=notes + result.errors)
        return result

    def check_document(self, doc: Document) -> ArticleResult:
        """Run the detectors on an already split document (no bounds: check_text applies them)."""
        return self._detect(doc, None)

    def _detect(self, doc: Document, deadline: float | None) -> ArticleResult:
        findings, errors = [], []
        for det in self.detectors:
            if deadline is not None and time.monotonic() > deadline:
                raise _ArticleTimeout()
            ctx = Context(det.meta, self.severity.get(det.meta.code, det.meta.severity), options=self.settings.options)
            try:
                det.check(doc, ctx)
            except Exception as exc:
                errors.append(ArticleError(_describe(exc), code=det.meta.code))
                continue
            findings.extend(ctx.findings)
        observations = []
        for rule in self.observers:
            ctx = Context(rule.meta, self.severity[rule.meta.code], options=self.settings.options)
            try:
                seen = rule.observe(doc, ctx)
            except Exception as exc:
                errors.append(ArticleError(_describe(exc), code=rule.meta.code))
                continue
            if seen is not None:
                observations.append((rule.meta.code, seen))
        if deadline is not None and time.monotonic() > deadline:
            raise _ArticleTimeout()
        findings.sort(key=lambda f: f.sort_key())
        return ArticleResult(doc, tuple(findings), tuple(errors), tuple(observations))


class Run:
    """The run rules' state over one run. Feed it every result in input order with add(); it
    returns the result, with an error entry added if a run rule failed on that article's
    observation. finish() gives the run findings, and (code, message) for rules that failed."""

    def __init__(self, checker: Checker):
        self.settings = checker.settings
        self.rules = [(d(), checker.severity[d.meta.code]) for d in checker.run_rules]

    def add(self, result: ArticleResult) -> ArticleResult:
        if not result.observations:
            return result
        seen, errors = dict(result.observations), []
        for rule, _ in self.rules:
            if rule.meta.code in seen:
                try:
                    rule.add(seen[rule.meta.code], result.document)
                except Exception as exc:
                    errors.append(ArticleError(_describe(exc), code=rule.meta.code))
        return replace(result, errors=result.errors + tuple(errors)) if errors else result

    def finish(self) -> tuple[tuple[RunFinding, ...], list[tuple[str, str]]]:
        findings, errors = [], []
        for rule, severity in self.rules:
            ctx = RunContext(rule.meta, severity, options=self.settings.options)
            try:
                rule.finish(ctx)
            except Exception as exc:
                errors.append((rule.meta.code, _describe(exc)))
                continue
            findings.extend(ctx.findings)
        findings.sort(key=lambda f: (f.code, f.lang, f.spellings[0].text, f.message))
        return tuple(findings), errors


def _describe(exc: Exception) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    return f"internal error {type(exc).__name__}: {exc}{where}"


def worst_severity(results) -> Severity | None:
    sev = [f.severity for r in results for f in r.findings]
    return max(sev) if sev else None
