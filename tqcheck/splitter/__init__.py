"""Split an article into role-labelled blocks: plain.py for plain text (one block per line),
html.py for HTML pages and fragments."""
from tqcheck.splitter.html import split_html
from tqcheck.splitter.plain import split_plain

__all__ = ["split_html", "split_plain"]
