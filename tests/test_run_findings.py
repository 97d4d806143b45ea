"""Findings about a whole run (TQ204): one name spelled differently by a feed's articles."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from click.testing import CliRunner

from tqcheck.cli import main
from tqcheck.engine import Checker, Settings

ROOT = Path(__file__).resolve().parent.parent


def make_feed_module():
    spec = importlib.util.spec_from_file_location("make_feed", ROOT / "scripts" / "make_feed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_feed_of_50_fixture_articles_lists_each_inconsistent_entity_once(tmp_path):
    feed = tmp_path / "partner.xml"
    feed.write_text(make_feed_module().feed(50, {"en", "de"}), encoding="utf-8")
    result = run("check", "--no-config", "--format", "json", feed)
    data = json.loads(result.stdout)
    assert data["summary"]["articles"] == 50 and data["summary"]["run_findings"] == len(data["run_findings"]) > 0
    seen: dict[tuple[str, str], int] = {}
    for i, f in enumerate(data["run_findings"]):
        assert f["code"] == "TQ204" and len(f["spellings"]) >= 2
        assert f["suggestion"] == f["spellings"][0]["text"]
        for s in f["spellings"]:
            assert (f["lang"], s["text"]) not in seen, f"{s['text']} reported twice"  # each entity once
            seen[(f["lang"], s["text"])] = i
            assert s["count"] >= s["articles"] >= 1 and s["first"]["source"].startswith(str(feed) + "#")
    # the spellings' counts are the articles' own: recount one of them from the JSON
    f = data["run_findings"][0]
    for s in f["spellings"]:
        arts = [a for a in data["articles"] if a["lang"] == f["lang"]
                and any(s["text"] in b["text"] for b in a["blocks"])]
        assert len(arts) >= s["articles"]
    text = run("check", "--no-config", feed).stdout
    assert sum(line.startswith("run: TQ204") for line in text.splitlines()) == len(data["run_findings"])
    html = run("check", "--no-config", "--format", "html", feed).stdout
    assert 'id="run-h"' in html and html.count('class="runf"') == len(data["run_findings"])


def test_articles_that_agree_give_nothing_and_order_is_deterministic():
    checker = Checker(Settings(select=("TQ204",), lang="en"))
    texts = ["President Zelensky spoke in Kyiv on Monday.", "Zelensky thanked the allies in Kyiv.",
             "Zelenskyy travelled to Brussels on Thursday."]
    outs = []
    for order in (texts, texts[:2], texts):
        r = checker.start_run()
        for i, t in enumerate(order):
            r.add(checker.check_text(t, doc_id=f"a{i}", source=f"s{i}"))
        outs.append(r.finish())
    assert outs[0] == outs[2] and outs[1] == ((), [])
    (finding,), errors = outs[0]
    assert errors == [] and [(s.text, s.count, s.articles) for s in finding.spellings] == \
        [("Zelensky", 2, 2), ("Zelenskyy", 1, 1)]


def test_a_crashing_run_rule_becomes_an_error_not_a_crash(monkeypatch):
    from tqcheck.detectors.name_across_articles import NameSpellingAcrossArticles

    def boom(self, doc, ctx):
        raise RuntimeError("collector bug")
    monkeypatch.setattr(NameSpellingAcrossArticles, "observe", boom)
    checker = Checker(Settings(select=("TQ204", "TQ201"), lang="en"))
    r = checker.start_run()
    result = r.add(checker.check_text("Wladimir Putin spoke.", doc_id="a", source="s"))
    assert [e.code for e in result.errors] == ["TQ204"] and "collector bug" in result.errors[0].message
    assert [f.code for f in result.findings] == ["TQ201"]  # the article's own findings are kept


def test_house_spelling_decides_the_run(tmp_path):
    from tqcheck import config
    opts = config.parse({"house-spellings": {"en": {"Zelenskyy": ["Zelenskiy"]}}}).options
    checker = Checker(Settings(select=("TQ204",), options=opts, lang="en"))
    r = checker.start_run()
    for i, t in enumerate(["Zelensky spoke.", "Zelensky left.", "Zelenskyy came."]):
        r.add(checker.check_text(t, doc_id=f"a{i}", source=f"s{i}", lang_hint="en"))
    (finding,), _ = r.finish()
    assert finding.suggestion == "Zelenskyy" and "the house spelling" in finding.message
