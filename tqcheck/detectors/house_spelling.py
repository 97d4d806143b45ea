"""TQ203 house-spelling: a name written in a form the newsroom's configuration replaces."""
from __future__ import annotations

from .. import names
from ..model import Document, Role, Severity
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
A name in a spelling the newsroom has replaced with its own house spelling
(`[house-spellings.LANG]` in tqcheck.toml or `[tool.tqcheck.house-spellings.LANG]` in
pyproject.toml): with `Zelenskyy = ["Zelensky", "Zelenskiy"]` for English, every
"Zelensky" and "Zelenskiy" in English text. Only names the configuration lists are flagged,
whole words only; quotations keep their source's spelling. The other name rules follow the
house spelling too: TQ201 suggests it and TQ202 never flags it. Without a configuration this
rule has nothing to do.

## Why it matters
Newsrooms settle how they spell prominent names (The Washington Post writes "Zelensky", others
"Zelenskyy"), and partner copy arrives in the partner's spelling or the translation engine's.
A feed that mixes them looks unedited, and the style guide is what the partner is held to.

## Example
With the house spelling Zelenskyy: "President Zelensky met the delegation in Kyiv."

## Fix
Use the house spelling: "President Zelenskyy met the delegation in Kyiv."
"""

CONFIG = '[house-spellings.en]\nZelenskyy = ["Zelensky", "Zelenskiy"]\n[house-spellings.de]\nKyjiw = ["Kiew"]'


class HouseSpelling:
    meta = RuleMeta(
        code="TQ203",
        name="house-spelling",
        family="name_variant",
        severity=Severity.WARNING,
        summary="Name not in the newsroom's configured house spelling",
        doc=DOC,
        roles=frozenset(Role) - {Role.OTHER, Role.CONTRIBUTORS, Role.AUTHOR_BIO},
        examples=(
            bad("President [[Zelensky]] met the delegation in Kyiv.", fix="Zelenskyy", config=CONFIG),
            bad("[[Zelenskiy]] and Zelenskyy: one of them is not the house style.", fix="Zelenskyy",
                config=CONFIG),
            bad("Die Delegation reiste nach [[Kiew]].", fix="Kyjiw", lang="de", config=CONFIG),
            good("President Zelenskyy met the delegation in Kyiv.", config=CONFIG),
            good("President Zelensky met the delegation in Kyiv."),  # no house spellings configured
            good("The Zelenskyys and #Zelensky, Zelensky-era: not the name as a word.", config=CONFIG),
            good("He told reporters: “Zelensky will come.”", config=CONFIG),
            good("Die Delegation reiste nach Kiew.", lang="en", config='[house-spellings.de]\nKyjiw = ["Kiew"]'),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        house = ctx.options.house(doc.lang)
        if not house:
            return
        pattern = names.house_pattern(tuple(sorted(house.items())))
        for block in ctx.blocks(doc):
            text = block.text
            quotes = None
            for m in pattern.finditer(text):
                if m.start() and text[m.start() - 1] in names.NOT_PROSE:
                    continue
                if quotes is None:
                    quotes = names.quotations(text)
                if quotes and names.inside(quotes, m.start(), m.end()):
                    continue
                fix = house[m.group()]
                ctx.report(block, m.start(), m.end(),
                           f"'{m.group()}' is not the house spelling: this newsroom writes '{fix}'", fix)
