"""The command line as users call it: exit codes, outputs, errors naming the file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck.cli import main
from tqcheck.detectors import DETECTORS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "presssplit-seed.txt"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_json_is_byte_identical_across_runs():
    first = run("check", "--format", "json", SEED)
    second = run("check", "--format", "json", SEED)
    assert first.output == second.output
    data = json.loads(first.output)
    assert data["schema"] == "tqcheck/2"
    art = data["articles"][0]
    assert {"id", "source", "lang", "title", "blocks", "findings", "errors"} <= set(art)
    for f in art["findings"]:
        block = art["blocks"][f["block"]]
        assert block["text"][f["start"]:f["end"]] == f["text"]
        assert block["line"] == f["line"]


def test_exit_codes_follow_fail_on(tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("A headline\nThe council met on Monday and approved the budget for next year.\n",
                     encoding="utf-8")
    assert run("check", clean).exit_code == 0
    seed = run("check", SEED, "--fail-on", "info")
    assert seed.exit_code == (1 if json.loads(run("check", "--format", "json", SEED).output)
                              ["summary"]["findings"] else 0)


def test_missing_and_binary_files_give_one_line_errors_and_the_rest_is_checked(tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    result = run("check", "--format", "json", tmp_path / "missing.txt", binary, latin, SEED)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [a["errors"] != [] for a in data["articles"]] == [True, True, True, False]
    errors = [ln for ln in result.stderr.splitlines() if ln]
    assert len(errors) == 3
    assert "missing.txt: no such file" in errors[0]
    assert "blob.txt" in errors[1] and "binary" in errors[1]
    assert "latin.txt" in errors[2] and "UTF-8" in errors[2]
    assert "Traceback" not in result.output


def test_stdin_and_folders(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Headline\nSome text that is long enough to be a body.\n")
    (tmp_path / "b.txt").write_text("Headline\nAnother body paragraph of plain news text.\n")
    # .json files are read now (JSON lines); a .csv file is still not an input kind.
    (tmp_path / "ignored.csv").write_text("{}")
    data = json.loads(run("check", "--format", "json", tmp_path).output)
    assert [a["id"] for a in data["articles"]] == ["b", "a"]
    data = json.loads(run("check", "--format", "json", "-", input="Title\nText of the body.\n").output)
    assert data["articles"][0]["source"] == "-"


def test_output_file_and_several_formats(tmp_path):
    out_json, out_txt = tmp_path / "r.json", tmp_path / "r.txt"
    result = run("check", SEED, "--format", f"json:{out_json}", "--format", f"text:{out_txt}")
    assert result.exit_code in (0, 1)
    assert json.loads(out_json.read_text())["schema"] == "tqcheck/2"
    assert "finding(s)" in out_txt.read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_text_lines_point_at_line_and_column():
    data = json.loads(run("check", "--format", "json", SEED).output)
    text = run("check", SEED).output.splitlines()
    for f, line in zip(data["articles"][0]["findings"], text):
        assert line.startswith(f"{SEED}:{f['line']}:{f['start'] + 1}: {f['code']} ")


def test_unknown_selector_is_a_usage_error():
    result = run("check", "--select", "TQ999x", SEED)
    assert result.exit_code == 2
    assert "unknown rule selector" in result.stderr


@pytest.mark.parametrize("det", DETECTORS, ids=[d.meta.code for d in DETECTORS])
def test_select_runs_only_that_rule_and_explain_prints_its_doc(det):
    data = json.loads(run("check", "--format", "json", "--select", det.meta.code, SEED).output)
    assert {f["code"] for f in data["articles"][0]["findings"]} <= {det.meta.code}
    explained = run("explain", det.meta.code)
    assert explained.exit_code == 0
    assert "## What it flags" in explained.output and "## Examples" in explained.output


def test_ignore_by_family_removes_it():
    data = json.loads(run("check", "--format", "json", "--ignore", "boilerplate_in_body", SEED).output)
    assert all(f["family"] != "boilerplate_in_body" for f in data["articles"][0]["findings"])


def test_explain_unknown_rule():
    result = run("explain", "TQ000")
    assert result.exit_code == 2 and "unknown rule" in result.stderr


def test_split_body_leaves_out_furniture():
    body = run("split", "--body", SEED).output
    data = json.loads(run("split", "--format", "json", SEED).output)
    art = data["articles"][0]
    assert art["body"] + "\n" == body
    kept = {b["role"] for b in art["blocks"] if b["text"] in body.split("\n\n")}
    assert kept <= {"body", "subheading"}


def test_python_dash_m_works():
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "rules"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == len(DETECTORS) + 1  # a settings line, then one per rule


def test_opt_in_rules_run_only_when_named(tmp_path):
    from tqcheck.engine import Checker, Settings

    opt_in = [d.meta.code for d in DETECTORS if not d.meta.default]
    default_codes = {d.meta.code for d in Checker().detectors}
    assert not set(opt_in) & default_codes
    for code in opt_in:
        assert code in {d.meta.code for d in Checker(Settings(select=(code,))).detectors}
        assert code not in {d.meta.code for d in Checker(Settings(select=("ALL",))).detectors}


def test_output_file_gets_ordinary_permissions(tmp_path):
    import os
    import stat

    out = tmp_path / "r.json"
    run("check", SEED, "--format", "json", "-o", out)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


def test_readme_lists_every_rule():
    """The README's rule table is the catalogue people read: every rule, with its name and family."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [d.meta.code for d in DETECTORS
               if f"| {d.meta.code} | `{d.meta.name}` | {d.meta.family} |" not in readme]
    assert missing == []


def test_progress_shows_rate_and_time_left_on_a_terminal_only():
    import io
    from types import SimpleNamespace

    from tqcheck.cli import _duration, _Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True
    p = _Progress(quiet=False, total_bytes=1000, stream=Terminal())
    list(p.read([SimpleNamespace(text="x" * 250)]))
    p.started -= 10  # ten seconds in, a quarter of the input read
    p.done = 50
    assert p.line(p.started + 10) == "checked 50 articles, 5/s, about 30 s left (25%)"
    assert not _Progress(quiet=True, stream=Terminal()).on
    assert not _Progress(quiet=False, stream=io.StringIO()).on  # not a terminal: silent
    assert (_duration(59), _duration(61), _duration(3700)) == ("59 s", "1 min 01 s", "1 h 01 min")
