"""Reporters turn check results into text for people or machines; they never decide anything."""
from __future__ import annotations

from . import json_report, text_report

REPORTERS = {"json": json_report.render, "text": text_report.render}
