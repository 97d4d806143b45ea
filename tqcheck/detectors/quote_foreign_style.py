"""TQ303 quote-foreign-style: quotation marks of another language's convention."""
from __future__ import annotations

from .. import lang as langid
from ..model import Document, Severity
from ..quotes import (Convention, Quote, convention, judge, known_pairs, quoted_blocks, requote,
                      snippet, style_name)
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
A quotation marked the way another language does it: German „…“ or ‚…‘ in English text,
guillemets «…» or »…« in English running text, Swedish-style ”…” in English, English “…” in
German text where „…“ is expected. The convention comes from the article's language
(tqcheck/data/quotes.toml). A paragraph detected in another language is left alone, and so is
a quotation whose words are in the language the marks belong to (an English article quoting
the German headline „Die Zeitenwende ist vorbei“ as it was printed).

## Why it matters
Marks from the source language survive machine translation: an English article carrying
„…“ was translated from German (or round-tripped through it) without a human edit.

## Example
He said: „We are strong“. In English this is written “We are strong”.

## Fix
Use the article language's marks: “…” with ‘…’ inside in English, „…“ with ‚…‘ inside in
German. The suggestion replaces both marks of the quotation.
"""


class QuoteForeignStyle:
    meta = RuleMeta(
        code="TQ303",
        name="quote-foreign-style",
        family="quote_marks",
        severity=Severity.WARNING,
        summary="Quotation marks follow another language's convention",
        doc=DOC,
        examples=(
            bad("The chancellor said: [[„We are strong“]], and left.", fix="“We are strong”"),
            bad("Officials called it “a [[‚special‘]] operation” in public.", fix="‘special’"),
            bad("The minister spoke of a [[«turning point»]] in Berlin.", fix="“turning point”"),
            bad("Der Minister sprach von einer [[“Zeitenwende”]] in Berlin.", lang="de",
                fix="„Zeitenwende“"),
            bad("He said [[”we will win”]] and left the stage.", fix="“we will win”"),
            bad("Le maire a répondu : [[„Nous ne partirons pas“]], devant le conseil municipal.",
                lang="fr", fix="«Nous ne partirons pas»"),
            bad("El alcalde respondió: [[„No vamos a marcharnos“]], ante el pleno municipal.",
                lang="es", fix="«No vamos a marcharnos»"),
            bad("Il sindaco ha risposto: [[„Non ce ne andremo“]], davanti al consiglio comunale.",
                lang="it", fix="«Non ce ne andremo»"),
            bad("Burmistrz odpowiedział: [[“Nie wyjedziemy stąd”]], podczas sesji rady miasta.",
                lang="pl", fix="„Nie wyjedziemy stąd”"),
            good("The chancellor said: “We are strong,” and left."),
            good("Der Kanzler sagte: „Wir sind stark“, und ging. Er meinte ‚stark‘ so.", lang="de"),
            good("Der Bundesrat sprach von einer «historischen Wende» in Bern.", lang="de"),
            good("Le ministre a parlé d’un « tournant historique » à Berlin.", lang="fr"),
            good("Statsministern kallade det ”en historisk dag” i riksdagen.", lang="sv"),
            good("El alcalde habló de un «cambio de época», y de un “momento histórico”.", lang="es"),
            good("Il sindaco ha parlato di una «svolta» e di un “momento storico” per la città.",
                 lang="it"),
            good("De burgemeester sprak van „een keerpunt” en van een ‘historisch moment’.",
                 lang="nl"),
            good("Read more about the summit »\nBiden and Harris’ strategy in the ’90s."),
            good("The paper’s headline read „Die Zeitenwende ist vorbei“ on Monday."),
            good("Their house style is \"straight\" quotes, a 7\" screen and 'single' ones."),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        for block, quotes, conv, same in quoted_blocks(doc, ctx.blocks(doc)):
            if conv is None or not same:
                continue
            text = block.text
            for q in quotes:
                o = q.open.char
                pair = conv.pair_for(q)
                if q.close is not None:
                    if q.open.cls != "s" and judge(o + q.close.char, conv) != "foreign":
                        continue
                    if q.open.cls == "s" and o in conv.openers:
                        continue
                    if _quoted_in_own_language(text, q, conv):
                        continue
                    style = style_name(q.pair) or "quotation marks"
                    ctx.report(block, q.open.pos, q.end,
                               f"{style} {q.pair[0]}…{q.pair[1]} in "
                               f"{conv.name} text: {snippet(text, q.open.pos, q.end)}; "
                               f"{conv.name} uses {pair[0]}…{pair[1]}",
                               requote(text, q, pair))
                elif o not in conv.openers and any(p[0] == o for p in known_pairs()):
                    ctx.report(block, q.open.pos, q.open.end,
                               f"opening mark {o} is not used in {conv.name} text; "
                               f"{conv.name} opens with {pair[0]}", pair[0])


def _quoted_in_own_language(text: str, quote: Quote, conv: Convention) -> bool:
    """Are the quoted words clearly in a language that writes this pair (a verbatim quotation
    of foreign text, marks included)? Machine-translated quotations are in the article's
    language."""
    words = langid.words(text[quote.open.end:quote.close.pos])
    lead, top, second = langid.vote(words)
    if lead is None or top < 2 or top <= 2 * second:
        return False
    own = convention(lead)
    return own is not None and own is not conv and quote.pair in own.accept
