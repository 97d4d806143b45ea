"""Per-article bounds (--max-article-chars, --article-timeout) and Ctrl-C during `check`."""
from __future__ import annotations

import json
import signal
import threading
import time

import pytest
from click.testing import CliRunner

from tqcheck import engine
from tqcheck.cli import main
from tqcheck.engine import Checker, Settings
from tqcheck.model import Severity
from tqcheck.registry import RuleMeta, bad, good

TEXT = "Headline\nThis article was automatically translated from English into German.\n"


class Sleeper:
    meta = RuleMeta(code="TQ998", name="sleeps", family="encoding", severity=Severity.ERROR,
                    summary="test", doc="", examples=(bad("x"), good("y")))

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.calls = 0

    def check(self, doc, ctx):
        self.calls += 1
        time.sleep(self.seconds)


class InterruptOnThird:
    """Raises KeyboardInterrupt (as a Ctrl-C would) while checking the third article."""
    meta = RuleMeta(code="TQ997", name="ctrl-c", family="encoding", severity=Severity.ERROR,
                    summary="test", doc="", examples=(bad("x"), good("y")))

    def __init__(self):
        self.calls = 0

    def check(self, doc, ctx):
        self.calls += 1
        if self.calls == 3:
            raise KeyboardInterrupt


def checker_with(*extra, **settings) -> Checker:
    checker = Checker(Settings(**settings))
    checker.detectors.extend(extra)
    return checker


def inject(monkeypatch, make_detector):
    """Every Checker the CLI builds gets an extra detector."""
    original = Checker.__init__

    def init(self, settings=Settings()):
        original(self, settings)
        self.detectors.append(make_detector())

    monkeypatch.setattr(Checker, "__init__", init)


def articles(tmp_path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Headline {i}\nThe council met on Tuesday and agreed on the budget.\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# --- the engine -------------------------------------------------------------------------------

def test_an_article_over_the_size_limit_gets_one_error_and_no_findings():
    result = Checker(Settings(max_article_chars=20)).check_text("x" * 1234, doc_id="big", source="big.txt")
    assert result.findings == () and result.document.blocks == ()
    assert [(e.stage, e.code) for e in result.errors] == [("check", None)]
    assert result.errors[0].message == "article too large: 1,234 characters (limit 20, --max-article-chars)"
    assert result.document.id == "big" and result.document.source == "big.txt"


def test_an_article_at_the_size_limit_is_checked():
    assert Checker(Settings(max_article_chars=len(TEXT))).check_text(TEXT).errors == ()
    assert Checker(Settings(max_article_chars=None)).check_text("x" * 3_000_000).errors == ()


def test_a_slow_article_times_out_promptly_and_the_next_one_is_checked():
    sleeper = Sleeper(5)
    checker = checker_with(sleeper, article_timeout=0.2)
    started = time.monotonic()
    result = checker.check_text(TEXT)
    assert time.monotonic() - started < 2  # the alarm interrupted the sleep
    assert result.findings == ()
    assert [(e.stage, e.message) for e in result.errors] == [("check", "timed out after 0.2 s (--article-timeout)")]
    sleeper.seconds = 0.3  # longer than the timeout was, but the next article has its own timer
    checker.settings = Settings(article_timeout=5)
    assert checker.check_text(TEXT).errors == ()
    time.sleep(0.3)  # no stray alarm fires after the check


def test_the_previous_sigalrm_handler_is_restored():
    def mine(signum, frame):
        pass

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        checker_with(Sleeper(5), article_timeout=0.1).check_text(TEXT)
        assert signal.getsignal(signal.SIGALRM) is mine
        checker_with(article_timeout=5).check_text(TEXT)
        assert signal.getsignal(signal.SIGALRM) is mine
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_off_the_main_thread_the_deadline_is_checked_between_detectors():
    first, second = Sleeper(0.3), Sleeper(0.3)
    checker = checker_with(first, second, article_timeout=0.1)
    out = {}
    thread = threading.Thread(target=lambda: out.setdefault("result", checker.check_text(TEXT)))
    thread.start()
    thread.join(10)
    assert [e.message for e in out["result"].errors] == ["timed out after 0.1 s (--article-timeout)"]
    assert (first.calls, second.calls) == (1, 0)


def test_without_sigalrm_the_deadline_is_checked_between_detectors(monkeypatch):
    monkeypatch.setattr(engine, "_alarm_available", lambda: False)
    first, second = Sleeper(0.3), Sleeper(0.3)
    result = checker_with(first, second, article_timeout=0.1).check_text(TEXT)
    assert [e.message for e in result.errors] == ["timed out after 0.1 s (--article-timeout)"]
    assert (first.calls, second.calls) == (1, 0)


# --- the command line -------------------------------------------------------------------------

def test_check_reports_a_too_large_article_and_exits_2(tmp_path):
    paths = articles(tmp_path, 2)
    big = tmp_path / "big.txt"
    big.write_text("Headline\n" + "word " * 200 + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = run("check", "--max-article-chars", 500, "--format", f"json:{out}", *paths, big)
    assert result.exit_code == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["errors"] for a in data["articles"][:2]] == [[], []]
    assert data["articles"][2]["errors"] == [
        {"stage": "check", "code": None, "message": "article too large: 1,010 characters (limit 500, --max-article-chars)"}]
    assert data["articles"][2]["findings"] == []
    assert f"tqcheck: {big}: article too large: 1,010 characters" in result.stderr


def test_check_reports_a_timed_out_article_and_exits_2(tmp_path, monkeypatch):
    inject(monkeypatch, lambda: Sleeper(5))
    out = tmp_path / "out.json"
    started = time.monotonic()
    result = run("check", "-j", "1", "--article-timeout", "0.2", "--format", f"json:{out}", *articles(tmp_path, 2))
    assert time.monotonic() - started < 4
    assert result.exit_code == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [[e["message"] for e in a["errors"]] for a in data["articles"]] == \
        [["timed out after 0.2 s (--article-timeout)"]] * 2
    assert result.stderr.count("timed out after 0.2 s (--article-timeout)") == 2


@pytest.mark.parametrize("option,value", [("--max-article-chars", "0"), ("--article-timeout", "0"),
                                          ("--article-timeout", "soon")])
def test_bad_limit_values_are_usage_errors(tmp_path, option, value):
    result = run("check", option, value, *articles(tmp_path, 1))
    assert result.exit_code == 2 and option in result.stderr


def test_ctrl_c_writes_the_finished_articles_and_exits_130(tmp_path, monkeypatch):
    inject(monkeypatch, InterruptOnThird)
    out, html = tmp_path / "out.json", tmp_path / "out.html"
    # -j 1: the Ctrl-C arrives inside the third article's check, in this process
    result = run("check", "-j", "1", "--format", f"json:{out}", "--format", f"html:{html}", *articles(tmp_path, 5))
    assert result.exit_code == 130
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["source"] for a in data["articles"]] == [str(tmp_path / "a0.txt"), str(tmp_path / "a1.txt")]
    assert data["summary"]["articles"] == 2
    assert "</html>" in html.read_text(encoding="utf-8")
    assert result.stderr.strip().splitlines()[-1] == "tqcheck: interrupted after 2 articles"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_ctrl_c_while_writing_leaves_the_old_file_whole(tmp_path, monkeypatch):
    from tqcheck import cli

    class InterruptedReport(cli.REPORTERS["json"]):
        def close(self, summary):
            self.out.write('{"half": ')
            raise KeyboardInterrupt

    monkeypatch.setitem(cli.REPORTERS, "json", InterruptedReport)
    out = tmp_path / "out.json"
    out.write_text("old report\n", encoding="utf-8")
    result = run("check", "--format", f"json:{out}", *articles(tmp_path, 2))
    assert result.exit_code == 130
    assert out.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert "interrupted while writing" in result.stderr
