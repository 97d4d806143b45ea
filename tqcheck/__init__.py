"""tqcheck: find machine-translation damage in syndicated news articles."""
from __future__ import annotations

__version__ = "0.1.0"


def check_text(text: str, *, lang: str | None = None, select=(), ignore=(), doc_id: str = "article",
               source: str = "-") -> dict:
    """Check one plain-text article; returns the article as it appears in the JSON output."""
    from .engine import Checker, Settings
    from .reporters.json_report import article_dict

    checker = Checker(Settings(select=tuple(select), ignore=tuple(ignore), lang=lang))
    return article_dict(checker.check_text(text, doc_id=doc_id, source=source))
