"""Jinja templates of the reports (installed as tqcheck.reports)."""
