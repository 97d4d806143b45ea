"""The command line: check, split, rules, explain, report."""
from __future__ import annotations

import json
import os
import sys
import textwrap
import time
from concurrent.futures import BrokenExecutor
from pathlib import Path

import click

from . import __version__
from . import config as configuration
from .config import Config, ConfigError
from .engine import (DEFAULT_ARTICLE_TIMEOUT, DEFAULT_MAX_ARTICLE_CHARS, Checker, Settings, all_rules,
                     build_document, rule_by_code)
from .inputs import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, InputOptions, expand, read_all
from .model import BODY_ROLES, Severity
from .output import Target, write
from .parallel import check_stream, default_jobs, freeze_loaded
from .reporters import REPORTERS, Summary, html_report
from .selection import SelectionError, severity_for, split_list

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


def _fail(message: str) -> None:
    click.echo(f"tqcheck: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _parse_formats(formats: tuple[str, ...], output: str | None) -> list[tuple[str, str | None]]:
    """`--format json` (to -o or stdout) or `--format json:out.json` (several at once)."""
    out = []
    for spec in formats or ("text",):
        name, _, path = spec.partition(":")
        if name not in REPORTERS:
            raise click.BadParameter(f"unknown format {name!r} (choose from {', '.join(REPORTERS)})",
                                     param_hint="--format")
        out.append((name, path or output))
    if sum(1 for _, p in out if p in (None, "-")) > 1:
        raise click.BadParameter("only one format can go to stdout; give the others a path "
                                 "(--format json:out.json)", param_hint="--format")
    return out


class _Progress:
    """One line on stderr for long runs: articles done, rate, and an estimate of the time left
    when the input's size is known (local files: the characters of the articles read so far
    against the files' bytes). Only on a terminal, and not with --quiet."""

    SHOW_AFTER = 1.0  # seconds: short runs print nothing
    EVERY = 0.25  # seconds between updates

    def __init__(self, quiet: bool, total_bytes: int | None = None, stream=None):
        self.stream = stream or sys.stderr
        self.on = not quiet and self.stream.isatty()
        self.total = total_bytes
        self.done = self.read_chars = 0
        self.started = self.last = time.monotonic()
        self.shown = False

    def read(self, raws):
        """Pass the articles through, counting how much of the input has been read."""
        for raw in raws:
            self.read_chars += len(raw.text)
            yield raw

    def step(self) -> None:
        self.done += 1
        if not self.on:
            return
        now = time.monotonic()
        if now - self.started >= self.SHOW_AFTER and now - self.last >= self.EVERY:
            self.last = now
            self._show(now)

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        text = f"checked {self.done:,} articles, {self.done / elapsed:,.0f}/s"
        if self.total and 0 < self.read_chars:
            share = min(self.read_chars / self.total, 0.99)
            text += f", about {_duration(elapsed * (1 - share) / share)} left ({share:.0%})"
        return text

    def _show(self, now: float) -> None:
        click.echo(f"\r{self.line(now)}\x1b[K", err=True, nl=False)
        self.shown = True

    def close(self) -> None:
        if self.shown:
            now = time.monotonic()
            click.echo(f"\rchecked {self.done:,} articles in {_duration(now - self.started)}, "
                       f"{self.done / max(now - self.started, 1e-9):,.0f}/s\x1b[K", err=True)


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _input_bytes(paths, opts: InputOptions) -> int | None:
    """The size of the input when every path is a local file or folder (else unknown)."""
    total = 0
    try:
        for path in expand(list(paths), opts):
            if path == "-" or "://" in path:
                return None
            total += os.stat(path).st_size
    except OSError:
        return None
    return total or None


class _ByteSize(click.ParamType):
    name = "BYTES"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().removesuffix("B").removesuffix("I")
        factor = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}.get(text[-1:], 1)
        digits = text[:-1] if factor > 1 else text
        try:
            size = int(float(digits) * factor)
        except ValueError:
            self.fail(f"{value!r} is not a size (e.g. 500000, 800K, 20M)", param, ctx)
        if size <= 0:
            self.fail("must be more than 0", param, ctx)
        return size


def _input_options(func):
    """The options that say how inputs are found and fetched (check and split share them)."""
    opts = [
        click.option("--include", multiple=True, metavar="GLOB",
                     help="In folders, read only files matching GLOB (path relative to the folder, or file "
                          "name; repeatable). Default: *.txt *.html *.htm *.xml *.rss *.atom *.json *.jsonl."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="In folders, leave out files and folders matching GLOB (repeatable)."),
        click.option("--offline", is_flag=True, help="Refuse http(s) URLs (an error for each) instead of fetching."),
        click.option("--cache-dir", type=click.Path(file_okay=False), metavar="DIR",
                     help="Where fetched feeds and pages are cached (default: $XDG_CACHE_HOME/tqcheck)."),
        click.option("--no-cache", is_flag=True, help="Neither read nor write the download cache."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
                     show_default=True, metavar="SECONDS",
                     help="Connect and read timeout for URLs (a whole download gets 6 times this)."),
        click.option("--max-bytes", type=_ByteSize(), default=DEFAULT_MAX_BYTES, show_default=True,
                     help="Largest download, file read whole, or JSON line (e.g. 800K, 20M)."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


def _make_input_options(include, exclude, offline, cache_dir, no_cache, timeout, max_bytes) -> InputOptions:
    return InputOptions(include=tuple(include), exclude=tuple(exclude), offline=offline,
                        cache_dir=Path(cache_dir) if cache_dir else None, use_cache=not no_cache,
                        timeout=timeout, max_bytes=max_bytes)


def _config_options(func):
    func = click.option("--no-config", is_flag=True,
                        help="Ignore tqcheck.toml and [tool.tqcheck] in pyproject.toml.")(func)
    return click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                        help="Read settings from FILE (tqcheck.toml, or a pyproject.toml with [tool.tqcheck]) "
                             "instead of the one found from the current folder up.")(func)


def _load_config(path: str | None, no_config: bool) -> Config:
    try:
        return configuration.load(path, discover=not no_config)
    except ConfigError as exc:
        _fail(str(exc))


def _settings(config: Config, select, ignore, lang, max_article_chars, article_timeout) -> Settings:
    """Command-line options over the configuration over the defaults: --select replaces the
    configured selection, --ignore adds to the configured one."""
    return Settings(
        select=tuple(split_list(select)) or config.select,
        ignore=config.ignore + tuple(split_list(ignore)),
        lang=lang.lower() if lang else None,
        max_article_chars=max_article_chars or config.max_article_chars or DEFAULT_MAX_ARTICLE_CHARS,
        article_timeout=article_timeout or config.article_timeout or DEFAULT_ARTICLE_TIMEOUT,
        severity=config.severity, options=config.options)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def main() -> None:
    """Find machine-translation damage in syndicated news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "formats", multiple=True, metavar="FMT[:PATH]",
              help=f"Output format: {', '.join(REPORTERS)} (default: text); FMT:PATH writes that format to "
                   f"PATH (repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file (atomically) instead of stdout.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules: code prefixes (TQ2), families (quote_marks) or names; comma-separated.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Leave out these rules (same forms as --select).")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]),
              help="Exit 1 when a finding is at or above this severity (default: warning, or the config's).")
@click.option("--lang", help="The articles' language (ISO 639-1, e.g. en, de) instead of detecting it.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@click.option("--max-article-chars", type=click.IntRange(min=1), metavar="N",
              help=f"An article longer than N characters is not checked (an error for it). "
                   f"Default: {DEFAULT_MAX_ARTICLE_CHARS:,}.")
@click.option("--article-timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
              help=f"Give up on an article whose split and checks take longer (an error for it). "
                   f"Default: {DEFAULT_ARTICLE_TIMEOUT:g}.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help=f"Worker processes (default: every core, {default_jobs()} here); 1 checks in this process. "
                   "Reports are byte-identical whatever N is.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Check on a Dask cluster (its scheduler's address, e.g. tcp://host:8786) instead of local "
                   "processes; reading and reports stay here, byte-identical to --jobs 1. Needs tqcheck[dask].")
@_config_options
@_input_options
def check(paths, formats, output, select, ignore, fail_on, lang, quiet, max_article_chars, article_timeout,
          jobs, scheduler, config_path, no_config, **input_opts):
    """Check articles: text or HTML files, feeds (RSS/Atom), JSON lines, folders of them,
    http(s) URLs, or - for stdin."""
    targets = _parse_formats(formats, output)
    config = _load_config(config_path, no_config)
    settings = _settings(config, select, ignore, lang, max_article_chars, article_timeout)
    try:
        checker = Checker(settings)
    except SelectionError as exc:
        _fail(f"{config.path}: {exc}" if config.path and not select else str(exc))
    threshold = Severity.parse(fail_on or config.fail_on or "warning")
    client = None
    if scheduler:  # connect before any report is opened: a bad address leaves no output behind
        if jobs:
            _fail("--scheduler and --jobs do not go together: the cluster's workers do the checking")
        from . import distributed
        try:
            client = distributed.connect(scheduler)
        except distributed.DistributedError as exc:
            _fail(str(exc))
    outputs = [(REPORTERS[name], Target(path)) for name, path in targets]
    try:
        reports = [make(target.open()) for make, target in outputs]
    except OSError as exc:
        for _, target in outputs:
            target.discard()
        _fail(f"{exc.filename or 'report'}: cannot write it ({exc.strerror or exc})")
    summary, errors, run_errors = Summary(), [], []
    run = checker.start_run()
    above_threshold = interrupted = False
    broken = None
    input_options = _make_input_options(**input_opts)
    progress = _Progress(quiet, _input_bytes(paths, input_options) if not quiet else None)
    try:
        try:
            # Each result goes to every report and is then dropped: memory stays flat.
            raws = progress.read(read_all(list(paths), input_options))
            if client is not None:
                freeze_loaded()  # results arrive unpickled here, as from --jobs workers
                stream = distributed.results(raws, checker, client, close=True)
            else:
                stream = check_stream(raws, checker, jobs or default_jobs())
            for result in stream:
                result = run.add(result)
                for rep in reports:
                    rep.add(result)
                summary.add(result)
                errors.extend((result.document.source, e) for e in result.errors)
                above_threshold = above_threshold or any(f.severity >= threshold for f in result.findings)
                progress.step()
        except KeyboardInterrupt:  # Ctrl-C: report the articles finished so far, then stop
            interrupted = True
        except BrokenExecutor as exc:  # a worker process died (killed, out of memory, a crash in C)
            broken = f"a worker process stopped unexpectedly ({exc or type(exc).__name__}); the " \
                     f"{summary.articles:,} articles checked before it are reported; --jobs 1 finds the article"
        progress.close()
        summary.run_findings, run_errors = run.finish()
        above_threshold = above_threshold or any(f.severity >= threshold for f in summary.run_findings)
        for rep in reports:
            rep.close(summary)
        for _, target in outputs:
            target.commit()
    except KeyboardInterrupt:  # a second Ctrl-C: no half-written file is left behind
        click.echo("tqcheck: interrupted while writing the report", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        for _, target in outputs:
            target.discard()  # does nothing for a committed report
    for source, e in errors:
        who = f" ({e.code})" if e.code else ""
        click.echo(f"tqcheck: {source}: {e.message}{who}", err=True)
    for code, message in run_errors:
        click.echo(f"tqcheck: the run's {code}: {message}", err=True)
    if broken:
        click.echo(f"tqcheck: {broken}", err=True)
    if interrupted:
        n = summary.articles
        click.echo(f"tqcheck: interrupted after {n} article{'s' if n != 1 else ''}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if errors or run_errors or broken:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if above_threshold else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--body", is_flag=True, help="Print only the isolated body text, one block per paragraph.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--lang", help="The articles' language instead of detecting it.")
@_input_options
def split(paths, body, fmt, lang, **input_opts):
    """Show how articles are split into blocks and which role each block gets."""
    articles, failed = [], False
    for raw in read_all(list(paths), _make_input_options(**input_opts)):
        if raw.error:
            click.echo(f"tqcheck: {raw.source}: {raw.error}", err=True)
            failed = True
            continue
        for note in raw.notes:
            click.echo(f"tqcheck: {raw.source}: {note}", err=True)
            failed = True
        try:
            doc = build_document(raw.text, doc_id=raw.id, source=raw.source, lang=lang.lower() if lang else None,
                                 kind=raw.kind, title=raw.title, lang_hint=raw.lang, languages=False)
        except Exception as exc:  # a splitter bug: say which article, go on with the others
            click.echo(f"tqcheck: {raw.source}: cannot split it: {type(exc).__name__}: {exc}", err=True)
            failed = True
            continue
        body_text = "\n\n".join(b.text for b in doc.blocks if b.role in BODY_ROLES)
        if fmt == "json":
            articles.append({"id": doc.id, "source": doc.source, "lang": doc.lang, "body": body_text,
                             "blocks": [{"index": b.index, "line": b.line, "role": str(b.role),
                                         "text": b.text} for b in doc.blocks]})
        elif body:
            click.echo(body_text)
        else:
            click.echo(f"== {doc.source} ({doc.lang})")
            for b in doc.blocks:
                click.echo(f"{b.line:4d}  {str(b.role):18s}  {textwrap.shorten(b.text, 90)}")
    if fmt == "json":
        click.echo(json.dumps({"articles": articles}, ensure_ascii=False, sort_keys=True, indent=1))
    sys.exit(EXIT_ERROR if failed else EXIT_OK)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--select", multiple=True, metavar="RULES", help="As for check: show the effect of this selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="As for check.")
@_config_options
def rules(fmt, select, ignore, config_path, no_config):
    """List every rule with its code, name, family and severity, and whether it runs, with the
    settings in effect here (configuration file and --select/--ignore)."""
    config = _load_config(config_path, no_config)
    settings = _settings(config, select, ignore, None, None, None)
    try:
        probe = Checker(settings)
        running = {d.meta.code for d in probe.detectors} | {d.meta.code for d in probe.run_rules}
    except SelectionError as exc:
        _fail(f"{config.path}: {exc}" if config.path and not select else str(exc))
    metas = [d.meta for d in all_rules()]
    severity = {m.code: severity_for(m, settings.severity) for m in metas}
    if fmt == "json":
        click.echo(json.dumps({
            "config": str(config.path) if config.path else None,
            "fail_on": config.fail_on or "warning",
            "max_article_chars": settings.max_article_chars, "article_timeout": settings.article_timeout,
            "house_spellings": {k: dict(v) for k, v in settings.options.house_spellings.items()},
            "notices": {k: list(v) for k, v in settings.options.notices.items()},
            "sources": [{"match": list(s.patterns), "lang": list(s.langs)} for s in settings.options.sources],
            "rules": [{"code": m.code, "name": m.name, "family": m.family, "severity": str(severity[m.code]),
                       "default_severity": str(m.severity), "enabled": m.code in running, "default": m.default,
                       "summary": m.summary, "roles": sorted(str(r) for r in m.roles)} for m in metas]},
            ensure_ascii=False, indent=1))
        return
    click.echo(f"settings: {config.path or 'defaults (no tqcheck.toml or [tool.tqcheck] found)'}")
    for m in metas:
        sev = str(severity[m.code]) + ("*" if severity[m.code] != m.severity else "")
        state = "on " if m.code in running else "off"
        opt_in = "" if m.default else " (opt-in: --select it)"
        click.echo(f"{m.code}  {state} {m.name:32s} {m.family:20s} {sev:8s} {m.summary}{opt_in}")
    if any(severity[m.code] != m.severity for m in metas):
        click.echo("* severity set by the configuration")
    opts = settings.options
    for lang, house in opts.house_spellings.items():
        for house_form in sorted(set(house.values())):
            click.echo(f"house spelling [{lang}]: {house_form} (replaces {', '.join(sorted(v for v, h in house.items() if h == house_form))})")
    for lang, phrases in opts.notices.items():
        click.echo(f"extra notice phrases [{lang}]: {len(phrases)}")
    for src in opts.sources:
        click.echo(f"source {', '.join(src.patterns)}: expected in {', '.join(src.langs)}")


@main.command()
@click.argument("code")
def explain(code):
    """Print a rule's documentation and its examples."""
    det = rule_by_code(code)
    if det is None:
        _fail(f"unknown rule {code!r}; `tqcheck rules` lists them")
    m = det.meta
    click.echo(f"{m.code} {m.name} ({m.family}, {m.severity})\n")
    click.echo(m.doc.strip())
    click.echo("\n## Examples")
    for ex in m.examples:
        label = "flags" if ex.kind == "bad" else "quiet"
        fix = f"  -> {ex.fix}" if ex.fix else ""
        under = f"  (with tqcheck.toml: {' | '.join(ex.config.splitlines())})" if ex.config else ""
        click.echo(f"- {label} [{ex.lang}]: {ex.text}{fix}{under}")


@main.command()
@click.argument("results", metavar="RESULTS.json")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the page to this file (atomically) instead of stdout.")
def report(results, output):
    """Render a saved JSON result (check --format json) as the HTML page, without checking again."""
    try:
        raw = sys.stdin.buffer.read() if results == "-" else Path(results).read_bytes()
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        _fail(f"{results}: cannot read it ({exc.strerror or exc})")
    except UnicodeDecodeError:
        _fail(f"{results}: not UTF-8 text, so not a tqcheck JSON result")
    except json.JSONDecodeError as exc:
        _fail(f"{results}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
    except RecursionError:
        _fail(f"{results}: not a {html_report.SCHEMA} result (nested too deeply)")
    try:
        write(output, lambda out: html_report.render_data(data, out))
    except html_report.ReportDataError as exc:
        _fail(f"{results}: {exc}")
