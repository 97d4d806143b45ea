"""Reporters render the same data as the JSON, escape article text, and ship their templates."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, strategies as st

from tqcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "presssplit-seed.txt"


def test_html_lists_the_same_findings_as_the_json(tmp_path):
    out = tmp_path / "r.html"
    CliRunner().invoke(main, ["check", str(SEED), "--format", f"html:{out}", "--format",
                              f"json:{tmp_path / 'r.json'}"])
    data = json.loads((tmp_path / "r.json").read_text())
    html = out.read_text()
    findings = data["articles"][0]["findings"]
    for k, f in enumerate(findings, 1):
        assert f'<li id="a1-f{k}" data-c="{f["code"]}" data-s="{f["severity"]}">' in html
    assert html.count('<li id="a1-f') == len(findings)


def test_html_escapes_article_text(tmp_path):
    article = tmp_path / "evil.txt"
    payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>',
                '<a href="javascript:alert(3)">click</a>']
    article.write_text("Headline <b>bold</b>\n" + "\n".join(
        f"The council said {p} and more text follows in this paragraph." for p in payloads) + "\n")
    out = tmp_path / "r.html"
    CliRunner().invoke(main, ["check", str(article), "--format", "html", "-o", str(out)])
    html = out.read_text()
    assert "<script>alert" not in html and "<img" not in html and '<a href="javascript' not in html
    assert html.count("<script") == 1  # the page's own
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_wheel_ships_templates_and_data(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "-q", "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheel = next(tmp_path.glob("tqcheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in ("report.html.j2", "_overview.html.j2", "_rules.html.j2", "_article.html.j2",
                     "_finding.html.j2", "_script.js.j2", "report.css"):
        assert f"tqcheck/reports/{template}" in names
    assert "tqcheck/data/function_words.toml" in names


# -- streaming: each article is written as it is checked, with the exact bytes of one dump --

def _results(n_copies: int = 2):
    from tqcheck.engine import Checker
    checker = Checker()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "damaged").glob("*.txt"))[:3]]
    texts += ["", "Nur ein kurzer Satz."]
    return [checker.check_text(t, doc_id=f"a{i}", source=f"s{i}") for i, t in enumerate(texts * n_copies)]


def test_streamed_json_is_byte_identical_to_one_dump():
    import io

    from tqcheck.reporters import render
    from tqcheck.reporters.json_report import run_dict
    for results in (_results(), _results()[:1], []):
        buf = io.StringIO()
        render("json", results, buf)
        expected = json.dumps(run_dict(results), ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        assert buf.getvalue() == expected


def test_streaming_reports_write_each_article_before_the_next_is_checked():
    import io

    from tqcheck.reporters import REPORTERS
    results = _results(1)
    assert results[0].findings
    for name in ("json", "text"):
        buf = io.StringIO()
        rep = REPORTERS[name](buf)
        before = len(buf.getvalue())
        rep.add(results[0])
        assert results[0].document.source in buf.getvalue()[before:]
        if name == "json":  # every article is written when it is added, findings or not
            for r in results[1:]:
                size = len(buf.getvalue())
                rep.add(r)
                assert len(buf.getvalue()) > size


def test_html_report_from_spool_equals_one_render():
    import io

    from tqcheck.reporters import html_report, render
    results = _results()
    streamed, whole = io.StringIO(), io.StringIO()
    render("html", results, streamed)
    html_report.render(results, whole)
    assert streamed.getvalue() == whole.getvalue()


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@given(texts=st.lists(_TEXT, max_size=4), langs=st.lists(st.none() | st.sampled_from(["en", "de"]), max_size=4),
       message=_TEXT, suggestion=st.none() | _TEXT, error=st.none() | _TEXT)
def test_article_json_writes_the_bytes_of_json_dumps(texts, langs, message, suggestion, error):
    """The fast writer of each article's JSON against the standard library's encoder: quotes,
    backslashes, control and non-BMP characters, None, empty lists."""
    from tqcheck.model import ArticleError, ArticleResult, Block, Document, Finding, Role, Severity
    from tqcheck.reporters.json_report import _dumps, article_dict, article_json
    blocks = tuple(Block(i, i + 1, Role.BODY, t, langs[i] if i < len(langs) else None) for i, t in enumerate(texts))
    findings = tuple(Finding("TQ101", "x-y", "encoding", Severity.INFO, 0, 1, 0, 1, t[:1], message, suggestion)
                     for t in texts[:2])
    errors = (ArticleError(error, "TQ201", "check"),) if error is not None else ()
    result = ArticleResult(Document(message, suggestion or "-", "en", blocks, message), findings, errors)
    for pad in ("\n", "\n  "):
        assert article_json(result, pad) == _dumps(article_dict(result)).replace("\n", pad)
