"""TQ902 html-entity: an HTML character reference left in the text ("&quot;", "&amp;",
"&#8220;", "&#x201C;", double-escaped "&amp;quot;").

HTML input is decoded once by the parser, so what is left after it was escaped twice at the
source; plain text, JSON and feed text carry the entities as they came. A named reference
counts only with its semicolon and only when HTML knows the name (AT&T, R&D, Q&A, S&P 500 are
text); numeric ones also without the semicolon. URLs are skipped (query strings).

Speed: a block without "&" costs one substring test.
"""
from __future__ import annotations

import html
import re
import unicodedata
from html.entities import html5

from ..model import TEXT_ROLES, Document, Severity
from ..registry import Context, RuleMeta, bad, good
from .encoding_data import conf, token_bounds

DOC = """\
## What it flags
An HTML character reference that was never turned back into its character: `&quot;`,
`&amp;`, `&nbsp;`, `&#8220;`, `&#x201C;`, and references escaped twice (`&amp;quot;`). The
suggestion is the character it stands for. A named reference counts only with its semicolon
and only when HTML defines it, so company names like AT&T, R&D, Q&A or S&P 500 are left alone,
and so are URLs with query strings.

## Why it matters
Readers see `&quot;` instead of a quotation mark. It shows that a step of the feed escaped the
text once too often (or unescaped it once too few times), so other articles of the same feed
have it too. Severity warning: the damage is visible, but a downstream renderer that treats
the text as HTML would still show it right.

## Example
"The minister said &quot;we will not give in&quot; after the vote." should read "The minister
said "we will not give in" after the vote."

## Fix
Unescape the text once more at the step that escaped it twice, or apply the suggestion.
"""

ENTITY_RE = re.compile(
    r"&(?:amp;)*(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};)")


def _unescape(ref: str) -> str:
    out = ref
    for _ in range(4):  # "&amp;amp;quot;" was escaped three times
        new = html.unescape(out)
        if new == out:
            break
        out = new
    return out


def _describe(ch: str) -> str:
    if len(ch) == 1 and (not ch.isprintable() or ch.isspace()):
        return unicodedata.name(ch, f"U+{ord(ch):04X}").lower()
    return f"'{ch}'"


class LeftoverHtmlEntity:
    meta = RuleMeta(
        code="TQ902",
        name="html-entity",
        family="encoding",
        severity=Severity.WARNING,
        summary="HTML entity left in the text (&quot;, &amp;, &#8220;, &amp;quot;)",
        doc=DOC,
        roles=TEXT_ROLES,
        examples=(
            bad("The minister said [[&quot;]]we will not give in[[&quot;]] after the vote."),
            bad("Shares of Johnson [[&amp;]] Johnson fell.", fix="&"),
            bad("Er sagte: [[&#8222;]]Wir machen weiter[[&#8220;]].", lang="de"),
            bad("She called it [[&#x201C;]]a turning point[[&#x201D;]]."),
            bad("The court said [[&amp;quot;]]no[[&amp;quot;]]."),
            bad("Die Preise stiegen um 5[[&nbsp;]]Prozent.", fix="\u00a0", lang="de"),
            good("AT&T and R&D spending rose; the Q&A session and the S&P 500 followed."),
            good("See https://example.com/search?q=tax&lang=en&copy=1 for details."),
            good("Die M&A-Abteilung von H&M und Procter & Gamble.", lang="de"),
        ),
    )

    def __init__(self) -> None:
        self.url_markers = tuple(conf()["entities"]["url_markers"])

    def check(self, doc: Document, ctx: Context) -> None:
        for block in ctx.blocks(doc):
            text = block.text
            if "&" not in text:
                continue
            for m in ENTITY_RE.finditer(text):
                ref = m.group()
                core = ref
                while core.startswith("&amp;") and len(core) > 5:
                    core = "&" + core[5:]
                if not core.startswith("&#") and core[1:] not in html5:
                    continue  # &Foo; is no HTML entity
                fixed = _unescape(ref)
                if fixed == ref or "\ufffd" in fixed:
                    continue
                s, _e = token_bounds(text, m.start(), m.end())
                before = text[s:m.start()]
                if any(mark in before for mark in self.url_markers) or \
                        before.lower().startswith("www."):
                    continue
                twice = " (escaped twice)" if ref.startswith("&amp;") and len(ref) > 5 else ""
                ctx.report(block, m.start(), m.end(),
                           f"HTML entity '{ref}' left in the text{twice}: it stands for "
                           f"{_describe(fixed)}", fixed)
