"""TQ302 quote-wrong-mark: a quotation closed with an opening mark, or opened with a closing one."""
from __future__ import annotations

from ..model import Document, Severity
from ..quotes import judge, quoted_blocks, requote, snippet
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
A quotation whose opening and closing marks do not make a pair in the article's language:
“Example.com“ in English (closed with the opening mark), „Text„ or „Text” in German, or
“Text“ in German (opened with the German closing mark). Another language's complete pair
(German „…“ in English) is TQ303, not this rule.

## Why it matters
The German pair „…“ ends with the mark English uses to open. Machine translation and
round-trips mangle it into “…“, which looks like a new quotation starting and confuses readers
and screen readers alike.

## Example
The report first appeared on “Example.com“. The second mark should be ”.

## Fix
Replace the wrong mark with the one the language uses: ” to close in English, “ to close and
„ to open in German.
"""


class QuoteWrongMark:
    meta = RuleMeta(
        code="TQ302",
        name="quote-wrong-mark",
        family="quote_marks",
        severity=Severity.WARNING,
        summary="A quotation is closed with an opening mark or opened with a closing mark",
        doc=DOC,
        examples=(
            bad("The story ran on the “Harbour Gazette[[“]] website on Monday.",
                fix="”"),
            bad("He called the plan “a historic mistake[[“]] and left the room.", fix="”"),
            bad("Der Kanzler nannte den Plan „einen historischen Fehler[[„]] und ging.", fix="“",
                lang="de"),
            bad("Die Ministerin sprach von einer [[“]]Zeitenwende“ in der Politik.", fix="„",
                lang="de"),
            bad("Der Sprecher nannte das Treffen „konstruktiv[[”]] und sachlich.", fix="“",
                lang="de"),
            bad("De burgemeester sprak van „een historische vergissing[[“]] en vertrok.", fix="”",
                lang="nl"),
            bad("Burmistrz nazwał plan „historycznym błędem[[“]] i wyszedł z sali.", fix="”",
                lang="pl"),
            bad("Il ministro ha parlato di un “attacco deliberato[[“]] contro i civili.", fix="”",
                lang="it"),
            good("The Kremlin said relations were “positive”. Peskov called it “a first step.”"),
            good("Der Kanzler sprach von einer „Zeitenwende“ und von »neuen Zeiten«.", lang="de"),
            good("Le ministre a parlé d’un «\u202fchangement d’époque\u202f» à Berlin.", lang="fr"),
            good("Statsministern kallade det ”en historisk dag” i riksdagen.", lang="sv"),
            good("Premier nazwał to „historycznym dniem” w Sejmie.", lang="pl"),
            good("De premier noemde het „een historische dag” in de Tweede Kamer.", lang="nl"),
            good("El presidente lo calificó de «día histórico» en el Congreso.", lang="es"),
            good("Der Bildschirm misst 7\" und kostet \"nur\" 99 Euro.", lang="de"),
            good("Her “Siobhán O’Grady” byline ran in the ’90s, rock ’n’ roll style."),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        for block, quotes, conv, _ in quoted_blocks(doc, ctx.blocks(doc)):
            text = block.text
            for q in quotes:
                if q.close is None or q.open.cls == "s":
                    continue
                o, c = q.open.char, q.close.char
                verdict = judge(o + c, conv)
                shown = snippet(text, q.open.pos, q.end)
                if verdict == "wrong_close":
                    fix = conv.closer_for(o)
                    what = f"the opening mark {c}" if c in conv.openers else c
                    ctx.report(block, q.close.pos, q.end,
                               f"quotation {shown} is closed with {what}; {conv.name} closes "
                               f"{o} with {fix}", fix)
                elif verdict == "wrong_open":
                    fix = conv.opener_for(c)
                    what = f"the closing mark {o}" if o in conv.closers else o
                    ctx.report(block, q.open.pos, q.open.end,
                               f"quotation {shown} is opened with {what}; {conv.name} opens "
                               f"it with {fix}", fix)
                elif verdict == "broken":
                    if conv is None:
                        ctx.report(block, q.close.pos, q.end,
                                   f"quotation {shown} is closed with {c}, which does not pair "
                                   f"with {o} in any language")
                    else:
                        pair = conv.pair_for(q)
                        ctx.report(block, q.open.pos, q.end,
                                   f"quotation {shown} uses {o}…{c}, which is no pair; "
                                   f"{conv.name} uses {pair[0]}…{pair[1]}",
                                   requote(text, q, pair))
