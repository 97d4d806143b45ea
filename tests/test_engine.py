"""Engine guarantees: crash isolation, stable order, language handling."""
from __future__ import annotations

from pathlib import Path

from tqcheck.engine import Checker, Settings
from tqcheck.registry import RuleMeta, good, bad
from tqcheck.model import Severity

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "presssplit-seed.txt"


class Exploding:
    meta = RuleMeta(code="TQ999", name="always-crashes", family="encoding", severity=Severity.ERROR,
                    summary="test", doc="", examples=(bad("x"), good("y")))

    def check(self, doc, ctx):
        raise RuntimeError("boom")


def test_a_crashing_detector_becomes_an_error_and_the_others_still_report():
    checker = Checker()
    healthy = len(checker.detectors)
    checker.detectors.append(Exploding())
    text = "Headline\nThis article was automatically translated from English into German.\n"
    result = checker.check_text(text)
    assert [e.code for e in result.errors] == ["TQ999"]
    assert "RuntimeError: boom" in result.errors[0].message
    assert len(checker.detectors) == healthy + 1


def test_forced_language_is_used():
    result = Checker(Settings(lang="de")).check_text("Title\nThe text is in English really.\n")
    assert result.document.lang == "de"


def test_empty_article_has_no_blocks_and_no_findings():
    result = Checker().check_text("")
    assert result.document.blocks == () and result.findings == () and result.errors == ()


def test_findings_are_sorted():
    seed = Checker().check_text(SEED.read_text(encoding="utf-8"))
    keys = [f.sort_key() for f in seed.findings]
    assert keys == sorted(keys)
