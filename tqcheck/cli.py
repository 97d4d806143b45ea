"""The command line: check, split, rules, explain, report."""
from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import click

from . import __version__
from .engine import Checker, Settings, all_rules, build_document, rule_by_code
from .inputs import read_all
from .model import BODY_ROLES, ArticleError, ArticleResult, Document, Severity
from .output import write
from .reporters import REPORTERS, html_report
from .selection import SelectionError, split_list

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
    """A one-line counter on stderr for long runs, only when stderr is a terminal."""

    def __init__(self, total: int, quiet: bool):
        self.total, self.done = total, 0
        self.on = not quiet and total >= 20 and sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.on and (self.done % 10 == 0 or self.done == self.total):
            click.echo(f"\rchecked {self.done}/{self.total} articles", err=True, nl=False)

    def close(self) -> None:
        if self.on:
            click.echo("", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tqcheck")
def main() -> None:
    """Find machine-translation damage in syndicated news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "formats", multiple=True, metavar="FMT[:PATH]",
              help="Output format: text (default), json or html; FMT:PATH writes that format to PATH "
                   "(repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file (atomically) instead of stdout.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules: code prefixes (TQ2), families (quote_marks) or names; comma-separated.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Leave out these rules (same forms as --select).")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), default="warning",
              show_default=True, help="Exit 1 when a finding is at or above this severity.")
@click.option("--lang", help="The articles' language (ISO 639-1, e.g. en, de) instead of detecting it.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
def check(paths, formats, output, select, ignore, fail_on, lang, quiet):
    """Check articles (files, folders of .txt files, or - for stdin)."""
    targets = _parse_formats(formats, output)
    try:
        checker = Checker(Settings(select=tuple(split_list(select)), ignore=tuple(split_list(ignore)),
                                   lang=lang.lower() if lang else None))
    except SelectionError as exc:
        _fail(str(exc))
    raws = list(read_all(list(paths)))
    progress = _Progress(len(raws), quiet)
    results: list[ArticleResult] = []
    for raw in raws:
        if raw.error:
            empty = Document(id=raw.id, source=raw.source, lang="und", blocks=())
            results.append(ArticleResult(empty, (), (ArticleError(raw.error, stage="read"),)))
        else:
            results.append(checker.check_text(raw.text, doc_id=raw.id, source=raw.source))
        progress.step()
    progress.close()
    for name, path in targets:
        write(path, lambda out, name=name: REPORTERS[name](results, out))
    errors = [(r.document.source, e) for r in results for e in r.errors]
    for source, e in errors:
        who = f" ({e.code})" if e.code else ""
        click.echo(f"tqcheck: {source}: {e.message}{who}", err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    threshold = Severity.parse(fail_on)
    sys.exit(EXIT_FINDINGS if any(f.severity >= threshold for r in results for f in r.findings) else EXIT_OK)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--body", is_flag=True, help="Print only the isolated body text, one block per paragraph.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--lang", help="The articles' language instead of detecting it.")
def split(paths, body, fmt, lang):
    """Show how articles are split into blocks and which role each block gets."""
    articles, failed = [], False
    for raw in read_all(list(paths)):
        if raw.error:
            click.echo(f"tqcheck: {raw.source}: {raw.error}", err=True)
            failed = True
            continue
        doc = build_document(raw.text, doc_id=raw.id, source=raw.source, lang=lang)
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
def rules(fmt):
    """List every rule with its code, name, family and default severity."""
    metas = [d.meta for d in all_rules()]
    if fmt == "json":
        click.echo(json.dumps([{"code": m.code, "name": m.name, "family": m.family,
                                "severity": str(m.severity), "summary": m.summary, "default": m.default,
                                "roles": sorted(str(r) for r in m.roles)} for m in metas],
                              ensure_ascii=False, indent=1))
        return
    for m in metas:
        opt_in = "" if m.default else " (opt-in: --select it)"
        click.echo(f"{m.code}  {m.name:32s} {m.family:20s} {str(m.severity):8s} {m.summary}{opt_in}")


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
        click.echo(f"- {label} [{ex.lang}]: {ex.text}{fix}")


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
