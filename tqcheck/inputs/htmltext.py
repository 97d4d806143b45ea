"""Text of small HTML snippets: feed and record titles, which may carry markup or entities."""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")


def inline_text(html: str) -> str:
    """One line of text from an HTML snippet (a title)."""
    if "<" not in html and "&" not in html:
        return _SPACES.sub(" ", html).strip()
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, template"):
        node.decompose()
    root = tree.body or tree.root
    return _SPACES.sub(" ", root.text(separator=" ") if root else "").strip()
