"""Every rule's doc examples are tests (LanguageTool-style): bad examples flag exactly the
marked spans with the expected suggestion and go quiet once fixed; good examples stay quiet."""
from __future__ import annotations

import pytest

from tqcheck.detectors import DETECTORS
from tqcheck.examples import problems

CASES = [(det, i, ex) for det in DETECTORS for i, ex in enumerate(det.meta.examples)]


@pytest.mark.parametrize("det,i,example", CASES,
                         ids=[f"{d.meta.code}-{ex.kind}{i}" for d, i, ex in CASES])
def test_example(det, i, example):
    assert problems(det, example) == []


@pytest.mark.parametrize("det", DETECTORS, ids=[d.meta.code for d in DETECTORS])
def test_meta_is_well_formed(det):
    assert det.meta.problems() == []


def test_codes_and_names_are_unique():
    codes = [d.meta.code for d in DETECTORS]
    names = [d.meta.name for d in DETECTORS]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
