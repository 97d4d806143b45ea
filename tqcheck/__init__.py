"""tqcheck: find machine-translation damage in syndicated news articles.

The Python API returns exactly the data of the JSON output (schema tqcheck/2):

    import tqcheck
    article = tqcheck.check_text(open("story.txt").read())       # one article's dict
    page = tqcheck.check_html(html, source="https://example.com/story")
    run = tqcheck.check_articles([{"id": "a1", "text": "..."}, {"id": "a2", "html": "..."}])
    for f in article["findings"]:
        print(f["line"], f["code"], f["message"], f["suggestion"])
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping

__version__ = "0.1.0"

__all__ = ["check_text", "check_html", "check_articles", "__version__"]


def _checker(lang, select, ignore, config):
    """A Checker for these settings: `config` is a tqcheck.toml path, a configuration table
    (the keys of tqcheck.toml) or None (no configuration; the working folder's is not read)."""
    from . import config as configuration
    from .engine import Checker, Settings

    if config is None:
        cfg = configuration.Config()
    elif isinstance(config, Mapping):
        cfg = configuration.parse(config)
    else:
        cfg = configuration.load(Path(config))
    settings = Settings(select=tuple(select) or cfg.select, ignore=cfg.ignore + tuple(ignore), lang=lang,
                        severity=cfg.severity, options=cfg.options,
                        **{k: v for k, v in (("max_article_chars", cfg.max_article_chars),
                                             ("article_timeout", cfg.article_timeout)) if v is not None})
    return Checker(settings)


def check_text(text: str, *, lang: str | None = None, select: Iterable[str] = (), ignore: Iterable[str] = (),
               config=None, doc_id: str = "article", source: str = "-") -> dict:
    """Check one plain-text article (one block per line); returns the article as it appears in
    the JSON output: id, source, lang, title, blocks, findings, errors."""
    from .reporters.json_report import article_dict

    return article_dict(_checker(lang, select, ignore, config).check_text(text, doc_id=doc_id, source=source))


def check_html(html: str, *, lang: str | None = None, select: Iterable[str] = (), ignore: Iterable[str] = (),
               config=None, doc_id: str = "article", source: str = "-") -> dict:
    """Check one HTML page or fragment (the splitter isolates its body); same result as check_text."""
    from .reporters.json_report import article_dict

    checker = _checker(lang, select, ignore, config)
    return article_dict(checker.check_text(html, doc_id=doc_id, source=source, kind="html"))


def check_articles(records: Iterable[Mapping], *, lang: str | None = None, select: Iterable[str] = (),
                   ignore: Iterable[str] = (), config=None) -> dict:
    """Check many articles as one run, records like a JSON-lines export's ({"id", "text" or
    "html", "title", "lang", "url"}); returns the whole JSON result, run findings included."""
    from .inputs.jsonl import record_article
    from .reporters.json_report import SCHEMA, Summary, article_dict, run_finding_dict
    from . import __version__ as version

    checker = _checker(lang, select, ignore, config)
    run, summary, articles = checker.start_run(), Summary(), []
    for n, record in enumerate(records, 1):
        result = run.add(checker.check_article(record_article(record, source="records", line=n)))
        summary.add(result)
        articles.append(article_dict(result))
    summary.run_findings, _ = run.finish()
    return {"schema": SCHEMA, "tool": {"name": "tqcheck", "version": version}, "articles": articles,
            "run_findings": [run_finding_dict(f) for f in summary.run_findings], "summary": summary.as_dict()}
