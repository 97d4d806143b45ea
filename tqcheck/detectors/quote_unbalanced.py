"""TQ304 quote-unbalanced: a quotation never closed, a closing mark never opened, or an
opening mark left at the end of a paragraph."""
from __future__ import annotations

from ..model import Document, Role, Severity
from ..quotes import (block_convention, continued_from_before, continues_after, scan, snippet,
                      word_after, word_before)
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
A paragraph whose quotation marks do not balance: a quotation opened and never closed, a
closing mark with no quotation open, or an opening mark at the very end of the paragraph. A
quotation that runs on into the next paragraph is not flagged when that paragraph starts with
an opening mark again (the English and German multi-paragraph style) or starts with the
closing part of the quotation; teasers cut short with "…" are left alone too.

## Why it matters
When machine translation re-segments sentences it drops or moves quotation marks, and the
reader can no longer tell which words the source said.

## Example
The president said “we will never give up and left. The quotation needs its closing mark.

## Fix
Put the missing mark where the quotation ends, or remove the stray one. There is no safe
automatic fix.
"""


class QuoteUnbalanced:
    meta = RuleMeta(
        code="TQ304",
        name="quote-unbalanced",
        family="quote_marks",
        severity=Severity.WARNING,
        summary="A quotation is not closed, a closing mark has no opening, or a mark dangles",
        doc=DOC,
        examples=(
            bad("The president said [[“we]] will never give up and left the stage."),
            bad("The spokesman said the talks were [[constructive”]] and would continue."),
            bad("After the vote the minister told reporters: [[“]]\nWe will continue to work."),
            bad("Der Minister sagte [[„wir]] geben niemals auf und verließ die Bühne.", lang="de"),
            bad("Der Sprecher sagte, die Gespräche seien [[konstruktiv“]] gewesen.", lang="de"),
            good("“We will fight on the beaches, we will fight on the landing grounds.\n"
                 "“We shall never surrender,” he said."),
            good("„Wir werden kämpfen, wir werden nicht aufgeben.\n"
                 "„Wir werden niemals kapitulieren“, sagte er.", lang="de"),
            good("Peskov said relations were “positive”. Biden and Harris’ strategy was clear."),
            good("He bought a 7\" tablet, Siobhán O’Grady wrote, in the ’90s rock ’n’ roll way."),
            good("Read the interview: “We must talk about…",
                 roles=(Role.PROMO,)),
            good("“We will talk to everyone,\nNorth Korean troops in Kursk\n“and we will win.”",
                 roles=(Role.BODY, Role.CAPTION, Role.BODY)),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        for block in ctx.blocks(doc):
            text = block.text
            s = scan(text)
            if not (s.unclosed or s.stray or s.dropped):
                continue
            tail = text.rstrip()
            for m in s.unclosed:
                if m.end == len(tail):
                    self._dangling(ctx, block, m)
                elif m is s.unclosed[0] and not continues_after(doc, block):
                    end = max(word_after(text, m.end), m.end)
                    ctx.report(block, m.pos, end,
                               f"quotation {snippet(text, m.pos, len(text))} is never "
                               f"closed in this paragraph")
            for m in s.dropped:
                end = max(word_after(text, m.end), m.end)
                ctx.report(block, m.pos, end,
                           f"quotation opened with {m.char} at {text[m.pos:end]} is not closed "
                           f"before the quotation around it ends")
            for m in s.stray:
                if m is s.marks[0] and continued_from_before(doc, block):
                    continue  # the end of a quotation opened in the previous paragraph
                conv, _ = block_convention(doc, block)
                if m.end == len(tail) and conv is not None and m.char in conv.openers \
                        and m.char not in conv.closers:
                    self._dangling(ctx, block, m)
                    continue
                start = word_before(text, m.pos)
                after = text[start:m.pos] or "this point"
                ctx.report(block, start, m.end,
                           f"closing mark {text[m.pos:m.end]} after {after} closes no quotation")

    @staticmethod
    def _dangling(ctx: Context, block, m) -> None:
        ctx.report(block, m.pos, m.end,
                   f"opening mark {block.text[m.pos:m.end]} at the very end of the paragraph")
