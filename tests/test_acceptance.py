"""The acceptance gate: the labelled fixtures scored exactly as the acceptance kit scores them.

Floors live in tests/acceptance_floors.toml and only ever go up.
"""
from __future__ import annotations

import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FLOORS = tomllib.loads((ROOT / "tests" / "acceptance_floors.toml").read_text(encoding="utf-8"))
CMD = f"{shlex.quote(sys.executable)} -m tqcheck"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_fixture_set_meets_its_floors(name):
    floor = FLOORS[name]
    folders = [str(ROOT / "fixtures" / f) for f in floor["folders"]]
    args = [sys.executable, str(ROOT / "scripts" / "score.py"), *folders, "--cmd", CMD]
    for key in ("min-recall", "min-precision", "min-roles", "max-fp-per-clean"):
        if key in floor:
            args += [f"--{key}", str(floor[key])]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
