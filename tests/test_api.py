"""The Python API returns exactly the JSON output's data."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import tqcheck
from tqcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "presssplit-seed.txt"
PAGE = ROOT / "fixtures" / "html" / "article-en.html"


def cli_json(*args) -> dict:
    return json.loads(CliRunner().invoke(main, ["check", "--no-config", "-j", "1", "--format", "json",
                                                *map(str, args)]).stdout)


def test_check_text_is_the_cli_article():
    got = tqcheck.check_text(SEED.read_text(encoding="utf-8"), doc_id="presssplit-seed", source=str(SEED))
    assert got == cli_json(SEED)["articles"][0]
    assert {f["code"] for f in got["findings"]} >= {"TQ201", "TQ401"}


def test_check_html_is_the_cli_article():
    got = tqcheck.check_html(PAGE.read_text(encoding="utf-8"), doc_id="article-en", source=str(PAGE))
    assert got == cli_json(PAGE)["articles"][0]


def test_selection_and_configuration():
    text = "Talks in Kyiv\nPresident Selenskyj spoke in Kyiv on Monday about the war and the winter.\n"
    assert {f["code"] for f in tqcheck.check_text(text, select=["TQ4"])["findings"]} == set()
    cfg = {"house-spellings": {"en": {"Zelenskyy": ["Zelensky"]}}, "severity": {"TQ201": "error"}}
    (f,) = [f for f in tqcheck.check_text(text, config=cfg)["findings"] if f["code"] == "TQ201"]
    assert (f["suggestion"], f["severity"]) == ("Zelenskyy", "error")


def test_check_articles_is_a_whole_run_with_run_findings():
    records = [{"id": "a1", "text": "President Zelensky spoke in Kyiv on Monday about the winter."},
               {"id": "a2", "html": "<p>Zelenskyy thanked the allies for the air defence systems.</p>"},
               {"id": "a3", "text": "Zelensky travelled to Brussels on Thursday to meet the leaders."},
               {"id": "a4"}]
    run = tqcheck.check_articles(records, lang="en")
    assert run["schema"] == "tqcheck/2" and [a["id"] for a in run["articles"]] == ["a1", "a2", "a3", "a4"]
    assert run["articles"][3]["errors"][0]["message"] == 'record 4: no "text" or "html" to check'
    assert [s["text"] for s in run["run_findings"][0]["spellings"]] == ["Zelensky", "Zelenskyy"]
    assert run["summary"]["articles"] == 4 and run["summary"]["run_findings"] == 1
