"""TQ301 quote-opened-twice: a quotation opened again before it was closed."""
from __future__ import annotations

from ..model import Document, Severity
from ..quotes import scan, snippet, word_after
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
An opening quotation mark that comes while a quotation of the same kind is still open in the
same paragraph: “They call [Trump] “Just call me,” said one. The span runs from the first,
unclosed opening mark to the word after the second one. Nested quotations of another kind
(‘…’ or ‚…‘ inside, « “…” » in French) are not flagged.

## Why it matters
Machine translation re-segments sentences and drops closing marks, so the reader cannot tell
where the first quotation ends or whether the second is a quote inside a quote.

## Example
“President Trump won. “That’s why leaders call,” he wrote. Here the first quotation needs a
closing mark after "won." (or the second opening mark must go).

## Fix
Find where the first quotation really ends and close it there, or delete the duplicated
opening mark. There is no safe automatic fix.
"""


class QuoteOpenedTwice:
    meta = RuleMeta(
        code="TQ301",
        name="quote-opened-twice",
        family="quote_marks",
        severity=Severity.WARNING,
        summary="A quotation is opened a second time before the first one is closed",
        doc=DOC,
        examples=(
            bad("Trump’s advisers are wary. [[“They call [Trump] “Just]] call me straight away,” "
                "said one of them."),
            bad("[[“President Trump clearly won. “That’s]] why leaders call him,” Cheung wrote."),
            bad("[[„Sie rufen ihn an „Ruf]] mich einfach an“, sagte einer der Berater.", lang="de"),
            bad("Er sagte: [[\"Das ist ein Fehler \"Wir]] machen weiter\", so der Minister.",
                lang="de"),
            good("“Any deal — the worst deal — would have been better,” Trump said. “If they had "
                 "made a deal, everyone would live.”"),
            good("“He told me ‘just call me’ and hung up,” she said."),
            good("„Er sagte: ‚Ruf mich einfach an‘, dann legte er auf“, berichtete sie.",
                 lang="de"),
            good("« Il m’a dit “appelle-moi” et a raccroché », a-t-elle raconté.", lang="fr"),
            good("“We will fight on the beaches.\n“We shall never surrender,” he said."),
            good("«Когда вся жизнь – это красота, – сказала она. – Я говорю: «Да ладно!»",
                 lang="ru"),
            good("Der Bildschirm misst 7\" und kostet \"nur\" 99 Euro.", lang="de"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        for block in ctx.blocks(doc):
            text = block.text
            for first, second in scan(text).reopened:
                end = max(word_after(text, second.end), second.end)
                head = snippet(text, first.pos, second.pos, 36).rstrip()
                ctx.report(block, first.pos, end,
                           f"quotation {head} is not closed before {text[second.pos:end]} "
                           f"opens another")
