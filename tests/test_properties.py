"""Any text, any roles: every finding points at a valid span whose text is the slice, no
exception escapes the splitter, a detector or a reporter, and results are deterministic."""
from __future__ import annotations

import io
import json

import pytest
from fuzzing import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from tqcheck import names
from tqcheck.detectors import DETECTORS
from tqcheck.engine import Checker, Settings
from tqcheck.examples import run, run_across
from tqcheck.model import Role
from tqcheck.registry import is_run_rule
from tqcheck.reporters import render

# Text that looks like news damage: words, names, quotes of every convention, stops, controls.
PIECES = st.sampled_from([
    "Wladimir", "Kyiv", "Kiew", "Selenskyj", "the", "der", "said.The", "Creamfor", "“", "”", "„",
    "«", "»", "\"", "'", "’", "‚", "‘", " ", " ", ". ", ", ", "\n", "This article was automatically translated",
    "Dieser Artikel wurde maschinell übersetzt.", "spoken.", "has on Monday", "© Foto/dpa",
    "\u202e", "\u200b", "\ufeff", "é", "e\u0301", "👩‍👩‍👧", "\x00", "\t", "10,000", "5.",
    "10.000", "2,5", "3. März", "11.11.2024", "Mio.", "$5m", "Ã¼", "â€œ", "&quot;", "&nbsp;", "\ufffd",
    "\u00ad", "…", "In the year", "the Russian President", "Including", "Jefes de Estado y de",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))
ROLES = st.lists(st.sampled_from(list(Role)), max_size=12)
LANGS = st.sampled_from(["en", "de", "fr", "es", "it", "nl", "pl", "und"])


@pytest.mark.parametrize("det", DETECTORS, ids=lambda d: d.meta.code)
@FUZZ
@given(text=TEXT, roles=ROLES, lang=LANGS)
def test_every_detector_reports_valid_spans(det, text, roles, lang):
    lines = [ln for ln in text.split("\n") if ln] or ["x"]
    if is_run_rule(det):  # each line an article; every spelling reported is in one of them
        for f in run_across(det, lines, lang, tuple(roles)):
            seen = [ln.translate(names._FOLD) for ln in lines]  # names are read through invisibles
            assert len(f.spellings) >= 2 and all(any(s.text in ln for ln in seen) for s in f.spellings)
        return
    for f in run(det, lines, lang, tuple(roles)):
        block = lines[f.block]
        assert 0 <= f.start < f.end <= len(block)
        assert f.text == block[f.start:f.end]
        assert f.line == f.block + 1


@FUZZ
@given(text=TEXT)
def test_whole_pipeline_and_reporters_never_raise_and_are_deterministic(text):
    checker = Checker(Settings(select=("ALL",)))
    first = checker.check_text(text)
    assert first.errors == ()
    for f in first.findings:
        block = first.document.blocks[f.block]
        assert f.text == block.text[f.start:f.end]
    outputs = []
    for _ in range(2):
        buf = io.StringIO()
        render("json", [checker.check_text(text)], buf)
        outputs.append(buf.getvalue())
    assert outputs[0] == outputs[1]
    json.loads(outputs[0])
    for name in ("text", "html"):
        render(name, [first], io.StringIO())
