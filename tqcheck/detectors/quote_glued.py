"""TQ305 quote-glued: a quotation mark glued to a word on the side where a space belongs."""
from __future__ import annotations

import re

from ..model import Document, Severity
from ..quotes import block_convention, scan
from ..registry import Context, RuleMeta, bad, good

# Plural and case endings written straight after a closing mark (24 “1”s, 8 „0“en).
INFLECTION_RE = re.compile(r"(?:s|es|en|n|er|ern)(?![^\W\d_])")

DOC = """\
## What it flags
A double quotation mark or guillemet with a word (or a stop) directly on both sides, so it is
glued to a word on the wrong side: talks“in, said”We, sagte:„Wir. Whether the mark opens or
closes is read from the quotation that is open at that point. Apostrophes (O’Grady, don’t),
inch marks (7"), hyphenated compounds („Bild“-Zeitung), endings on a quoted symbol (24 “1”s,
„0“en) and marks next to brackets or punctuation on their outer side are not flagged.

## Why it matters
Machine translation and careless copy-paste lose the space next to a quotation mark; readers
stumble, and search and hyphenation treat the two words as one.

## Example
“We will resign.”The party agreed. A space belongs between the closing mark and "The".

## Fix
Insert the missing space: before an opening mark, after a closing one. The suggestion is the
mark with the space on the right side.
"""


class QuoteGlued:
    meta = RuleMeta(
        code="TQ305",
        name="quote-glued",
        family="quote_marks",
        severity=Severity.WARNING,
        summary="A quotation mark is glued to the word on its outer side",
        doc=DOC,
        examples=(
            bad("Both sides said the peace talks[[“]]in Geneva” would resume soon.", fix=" “"),
            bad("“We will resign,” he said.[[“]]The party agrees.”", fix=" “"),
            bad("“We will resign.[[”]]The party agreed on Monday.", fix="” "),
            bad("“The talks are over,[[”]]he said on Monday.", fix="” "),
            bad("Der Kanzler sagte:[[„]]Wir schaffen das.“", fix=" „", lang="de"),
            bad("„Die Gespräche sind vorbei[[“]]sagte der Minister.", fix="“ ", lang="de"),
            good("Siobhán O’Grady said “don’t” in the ’90s; rock ’n’ roll, Harris’ strategy."),
            good("Die „Bild“-Zeitung und der Ex-„Tatort“-Kommissar sprachen von „Krieg“.",
                 lang="de"),
            good("The mask has 24 “1”s followed by 8 “0”s.\nDie Maske hat 24 „1“en und 8 „0“en."),
            good("The 12\"x12\" print (“Untitled”) sold for $5,000.\n“Yes!” he said."),
            good("„Wir schaffen das“, sagte sie. »Das ist gut«, sagte er.", lang="de"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        for block in ctx.blocks(doc):
            text = block.text
            glued = scan(text).glued
            # only where the spacing convention is known (Korean and Japanese attach
            # particles straight after a closing mark: “…”고)
            if not glued or block_convention(doc, block)[0] is None:
                continue
            for m in glued:
                if not m.opens and INFLECTION_RE.match(text, m.end):
                    continue  # “1”s, „0“en: an ending on a quoted symbol or word
                raw = text[m.pos:m.end]
                if m.opens:
                    ctx.report(block, m.pos, m.end,
                               f"opening mark {raw} glued to the preceding "
                               f"'{_token(text, m.pos, -1)}'", " " + raw)
                else:
                    ctx.report(block, m.pos, m.end,
                               f"closing mark {raw} glued to the following "
                               f"'{_token(text, m.end, 1)}'", raw + " ")


def _token(text: str, pos: int, step: int, limit: int = 30) -> str:
    """The run of non-space characters before (step=-1) or from (step=1) pos."""
    if step < 0:
        j = pos
        while j > 0 and pos - j < limit and not text[j - 1].isspace():
            j -= 1
        return text[j:pos]
    j = pos
    while j < len(text) and j - pos < limit and not text[j].isspace() and text[j] not in "“”„\"«»":
        j += 1
    return text[pos:j]
