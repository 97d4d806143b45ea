"""Reporters turn check results into text for people or machines; they never decide anything."""
from __future__ import annotations

from . import html_report, json_report, text_report

REPORTERS = {"text": text_report.render, "json": json_report.render, "html": html_report.render}
