"""TQ306 quote-mixed-style: straight and typographic quotation marks mixed in one article."""
from __future__ import annotations

from ..model import Document, Role, Severity
from ..quotes import STRAIGHT, judge, quoted_blocks, requote, snippet
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
Straight ASCII quotation marks mixed with typographic ones (“…”, „…“, «…») in one article:
a quotation that opens with one kind and closes with the other (“…"), and quotations in the
article's minority style (the straight ones on a tie). An article that uses straight quotes
throughout (a house style) is fine; inch marks (7") and apostrophes do not count. Only the
running text (body, lede, subheadings) is compared: headlines, captions and teasers often
come from other systems.

## Why it matters
One article in two quotation styles was assembled from different sources: a machine
translation pasted into a CMS, or feed text mixed with edited text.

## Example
“We will win,” he said. Later he added: "We will not give up." The second quotation should
use “…” like the first.

## Fix
Use the article's majority style throughout. The suggestion converts the flagged quotation.
"""


class QuoteMixedStyle:
    meta = RuleMeta(
        code="TQ306",
        name="quote-mixed-style",
        family="quote_marks",
        severity=Severity.INFO,
        summary="Straight and typographic quotation marks are mixed in one article",
        doc=DOC,
        roles=frozenset({Role.BODY, Role.LEDE, Role.SUBHEADING}),
        default=False,  # about 1 in 10 human-written web articles mixes styles somewhere
        examples=(
            bad("“We will win,” he said.\nLater he added: [[\"We will not give up.\"]]\n"
                "The party called it “historic”.", fix="“We will not give up.”"),
            bad("\"We will win,\" he said. He called it \"historic\".\n"
                "Later he added: [[“We will not give up.”]]", fix="\"We will not give up.\""),
            bad("„Wir werden gewinnen“, sagte er.\nSpäter fügte er hinzu: "
                "[[\"Wir geben nicht auf.\"]]", fix="„Wir geben nicht auf.“", lang="de"),
            bad("The minister called the deal [[“historic\"]] on Monday.", fix="“historic”"),
            good("\"We will win,\" he said.\nHe bought a 7\" tablet and called it \"historic\"."),
            good("“We will win,” he said.\nHe bought a 7\" tablet and called it “historic”."),
            good("„Wir gewinnen“, sagte er. Der 7\"-Bildschirm sei „historisch“.", lang="de"),
            good("Biden and Harris’ strategy, O’Grady wrote, \"was clear\" in the ’90s.\n"
                 "It's 'fine', he said, \"really\"."),
            good("Trump’s \"deal\" explained\n“We will win,” he said.",
                 roles=(Role.HEADLINE, Role.BODY)),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        straight, curly, mixed = [], [], []
        for block, quotes, conv, _ in quoted_blocks(doc, ctx.blocks(doc)):
            for q in quotes:
                if q.open.cls not in "dg":
                    continue  # single marks are never compared
                verdict = judge(q.pair, conv) if q.close else "ok"
                if verdict == "mixed":
                    mixed.append((block, q, conv))
                elif verdict == "ok":  # broken pairs are TQ302's and TQ303's
                    (straight if q.open.char == STRAIGHT else curly).append((block, q, conv))
        typographic = len(curly) >= len(straight)
        for block, q, conv in mixed:
            if typographic:
                pair = conv.pair_for(q) if conv else None
                fix = requote(block.text, q, pair) if pair else None
            else:
                fix = requote(block.text, q, STRAIGHT * 2)
            ctx.report(block, q.open.pos, q.end,
                       f"quotation {snippet(block.text, q.open.pos, q.end)} mixes a straight "
                       f"and a typographic mark", fix)
        if not straight or not curly:
            return
        if typographic:
            for block, q, conv in straight:
                pair = conv.pair_for(q) if conv else None
                fix = None if pair is None else requote(block.text, q, pair) if q.close else pair[0]
                ctx.report(block, q.open.pos, q.end,
                           f"straight quotation marks {snippet(block.text, q.open.pos, q.end)} in "
                           f"an article whose other quotations ({len(curly)}) use typographic "
                           f"marks", fix)
        else:
            for block, q, conv in curly:
                fix = requote(block.text, q, STRAIGHT * 2) if q.close else STRAIGHT
                ctx.report(block, q.open.pos, q.end,
                           f"typographic quotation marks {snippet(block.text, q.open.pos, q.end)} "
                           f"in an article whose other quotations ({len(straight)}) use straight "
                           f"marks", fix)
