"""--jobs: the same bytes whatever the number of worker processes; Ctrl-C and crashes stay clean."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck import cli, parallel
from tqcheck.cli import main
from tqcheck.engine import Checker, Settings
from tqcheck.inputs import read_all

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("json", "html", "text", "sarif", "junit")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every fixture folder plus a 50-item feed (so run findings are part of the comparison)."""
    spec = importlib.util.spec_from_file_location("make_feed", ROOT / "scripts" / "make_feed.py")
    make_feed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_feed)
    feed = tmp_path_factory.mktemp("feed") / "partner.xml"
    feed.write_text(make_feed.feed(50, {"en", "de"}), encoding="utf-8")
    return [ROOT / "fixtures" / "damaged", ROOT / "fixtures" / "clean", ROOT / "fixtures" / "html", feed]


def outputs(tmp_path, corpus, jobs: int) -> dict[str, bytes]:
    paths = {fmt: tmp_path / f"j{jobs}.{fmt}" for fmt in FORMATS}
    result = run("check", "--no-config", "-j", jobs, "--include", "*.txt", "--include", "*.html",
                 "--include", "*.xml", *(a for fmt, p in paths.items() for a in ("--format", f"{fmt}:{p}")), *corpus)
    assert result.exit_code in (0, 1), result.output
    return {fmt: p.read_bytes() for fmt, p in paths.items()}


def test_reports_are_byte_identical_for_any_number_of_jobs(tmp_path, corpus):
    one = outputs(tmp_path, corpus, 1)
    data = json.loads(one["json"])
    assert data["summary"]["articles"] > 80 and data["run_findings"]
    for jobs in (2, 3):
        assert outputs(tmp_path, corpus, jobs) == one


def test_ordered_keeps_input_order_with_a_small_window():
    from concurrent.futures import ThreadPoolExecutor

    raws = list(read_all([str(ROOT / "fixtures" / "damaged")]))
    checker = Checker(Settings(select=("TQ2",)))
    want = [checker.check_article(r).document.id for r in raws]
    with ThreadPoolExecutor(max_workers=3) as pool:  # any Executor: threads finish out of order
        got = [r.document.id for r in parallel.ordered(pool, checker.settings, raws, workers=1, batch=2)]
    assert got == want


def test_the_window_bounds_what_is_read_ahead():
    """With a slow consumer, the reader is never more than the window ahead."""
    from concurrent.futures import ThreadPoolExecutor

    read = []

    def reader():
        for i in range(200):
            read.append(i)
            yield next(iter(read_all([str(ROOT / "fixtures" / "seed" / "presssplit-seed.txt")])))
    settings = Settings(select=("TQ401",))
    with ThreadPoolExecutor(max_workers=2) as pool:
        stream = parallel.ordered(pool, settings, reader(), workers=1, batch=4)
        next(stream)
        window = max(2, 1 * parallel.WINDOW_PER_WORKER)
        assert len(read) <= (window + 1) * 4
        stream.close()


def test_ctrl_c_in_a_parallel_run_writes_the_finished_articles(tmp_path, monkeypatch):
    """The parent gets the Ctrl-C (workers ignore SIGINT): what came back is reported."""
    real = cli.read_all

    def interrupted(paths, opts):
        for i, raw in enumerate(real(paths, opts)):
            if i == 70:
                raise KeyboardInterrupt
            yield raw
    monkeypatch.setattr(cli, "read_all", interrupted)
    out = tmp_path / "out.json"
    result = run("check", "--no-config", "-j", "2", "--format", f"json:{out}", ROOT / "fixtures")
    assert result.exit_code == 130
    data = json.loads(out.read_text(encoding="utf-8"))
    n = data["summary"]["articles"]
    assert 0 < n <= 70 and f"interrupted after {n} articles" in result.stderr
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_worker_that_dies_is_one_clear_error(tmp_path, monkeypatch):
    import os

    from tqcheck.detectors.glued_word import GluedWords

    parent = os.getpid()

    def die(self, doc, ctx):  # a crash no `except` can catch, as a segfault in C would be
        if os.getpid() != parent:
            os._exit(3)
    monkeypatch.setattr(GluedWords, "check", die)  # workers are forked: they inherit it
    result = run("check", "--no-config", "-j", "2", "--format", f"json:{tmp_path / 'out.json'}",
                 ROOT / "fixtures" / "damaged")
    assert result.exit_code == 2
    assert "a worker process stopped" in result.stderr and "Traceback" not in result.output
    json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))  # the report is still whole


def test_default_jobs_is_every_core():
    assert parallel.default_jobs() >= 1
    assert f"{parallel.default_jobs()} here" in " ".join(run("check", "--help").output.split())
