"""TQ704 unexpected-article-language: an article not in the language its source is expected in."""
from __future__ import annotations

from .. import data
from ..model import BODY_ROLES, Document, Role, Severity
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
An article whose language is not one its source is expected in, as the newsroom's
configuration says (`[[sources]]` with `match` patterns over the article's source -- file path,
URL or feed -- and `lang`). The headline is flagged (else the first body paragraph), once per
article. Without a `[[sources]]` entry matching the article this rule has nothing to do.

## Why it matters
A partner feed sometimes delivers the original instead of the translation, or a translation
into the wrong language, and a regional portal then publishes an English article among German
ones. Whole-article language is cheap to check and expensive to miss.

## Example
With `match = ["feeds/partner-de/*"]`, `lang = ["de"]`: an English article in
feeds/partner-de/.

## Fix
Ask the partner for the translation (or the right language version); do not publish the
article as it is.
"""

CONFIG = '[[sources]]\nmatch = "*"\nlang = ["de"]'


def _english_names() -> dict[str, str]:
    names = data.toml("language_names.toml").get("names", {}).get("en", {})
    return {code: stem.capitalize() for stem, code in sorted(names.items(), reverse=True)}


class UnexpectedArticleLanguage:
    meta = RuleMeta(
        code="TQ704",
        name="unexpected-article-language",
        family="foreign_language",
        severity=Severity.WARNING,
        summary="Article not in the language its source is configured to deliver",
        doc=DOC,
        roles=frozenset({Role.HEADLINE}) | BODY_ROLES,
        examples=(
            bad("[[The council met on Monday and agreed on the budget for next year.]]", config=CONFIG),
            bad("[[Council agrees budget]]\nThe council met on Monday and agreed on the budget.",
                roles=(Role.HEADLINE, Role.BODY), config=CONFIG),
            good("Der Rat hat am Montag den Haushalt für das kommende Jahr beschlossen.", lang="de",
                 config=CONFIG),
            good("The council met on Monday and agreed on the budget for next year."),  # no expectation
            good("The council met on Monday.", config='[[sources]]\nmatch = "*"\nlang = ["de", "en"]'),
            good("The council met on Monday.", config='[[sources]]\nmatch = "feeds/*"\nlang = ["de"]'),
        ),
    )

    def __init__(self) -> None:
        self.names = _english_names()

    def check(self, doc: Document, ctx: Context) -> None:
        expected = ctx.options.expected_languages(doc.source)
        if not expected or doc.lang in expected or doc.lang == "und":
            return
        blocks = [b for b in ctx.blocks(doc) if b.text.strip()]
        block = next((b for b in blocks if b.role == Role.HEADLINE), None) or \
            next((b for b in blocks if b.role in BODY_ROLES), None)
        if block is None:
            return
        name = lambda code: self.names.get(code, code)  # noqa: E731
        want = " or ".join(name(c) for c in expected)
        ctx.report(block, 0, len(block.text),
                   f"This article is in {name(doc.lang)}; articles from this source are expected in {want} "
                   f"(configuration: sources)")
