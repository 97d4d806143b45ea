"""The code table: every detector, registered here once, in code order.

Adding a detector touches only its module, its data file and one line below.
"""
from __future__ import annotations

from ..registry import Detector

DETECTORS: tuple[type[Detector], ...] = ()
