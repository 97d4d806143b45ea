"""How hard the property tests fuzz: TQCHECK_FUZZ_EXAMPLES examples per target (default 2,000,
which keeps the whole suite within a few minutes on two cores). Raise it for a long local run:
  TQCHECK_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/test_properties.py"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("TQCHECK_FUZZ_EXAMPLES", "2000"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
