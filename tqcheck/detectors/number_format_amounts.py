"""TQ803 foreign-magnitude-abbreviation and TQ804 currency-sign-placement: amounts written the
way another language writes them ("5 Mio. Euro" in English, "$5m" or "2bn" in German; "5 €" in
English, "€5" in German).

A million/billion abbreviation is flagged in a language whose own list (number_formats.toml)
lacks it; abbreviations that are also units or letters (m, k, M) only after a currency sign.
The currency sign's side is a weaker signal (some house styles differ): info only.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document, Severity
from ..registry import Context, RuleMeta, bad, good
from . import number_format_base as nf

NUM = r"\d+(?:[.,]\d+)*"
SIGNS = r"US\$|[€£$]"
# "25 €" (English puts the sign first) and "€25" (German, French... put it after the amount)
# NUM with its lookbehind after the first digit: the regex engine then skips to digits
SIGN_AFTER_RE = re.compile(r"(?P<num>\d(?<![\w.,€£$]\d)\d*(?:[.,]\d+)*)[ \u00a0]?(?P<sign>[€£$])(?![\w\d])")
SIGN_BEFORE_RE = re.compile(
    rf"(?<![\w.,])(?P<sign>{SIGNS})[ \u00a0]?(?P<num>{NUM})(?![\w])(?![.,]\d)")

DOC_ABBR = """\
## What it flags
A million or billion abbreviation of another language after a number: German "Mio.", "Mrd.",
"Tsd." (and French "Md", Italian/Polish "mld") in English text, English "bn", "mn", "trn" in
German, French, Spanish, Italian, Dutch or Polish text, and "$5m" / "€2.5bn" wherever "m"
after a currency sign is not the language's abbreviation.

## Why it matters
Machine translation leaves abbreviations it does not know untouched, so the source's "Mio."
or "bn" ends up in the translation, where readers may not know it and style guides forbid it.

## Example
"The state will invest 5 Mio. Euro in the port" (German: 5 Mio. Euro); English writes
"€5 million". "Der Konzern zahlte $5m" needs "5 Mio. Dollar".

## Fix
Write the amount the target language's way; the suggestion gives it (with the number's
separators converted) where the currency and magnitude are clear.
"""

DOC_SIGN = """\
## What it flags
A currency sign on the side where the text's language does not put it: after the amount in
English ("5 €", "200€"), before it in German, French, Spanish, Italian or Polish ("€5",
"$200"). Dutch puts the sign either side and is not checked.

## Why it matters
Machine translation keeps the source's order of sign and number; the amount then looks
foreign. Some house styles differ, so this is a hint (info), not a warning.

## Example
"Tickets cost 25 € each" (German source: 25 €); English writes "€25".

## Fix
Put the sign where the language puts it: "€25" in English, "25 €" in German.
"""


@lru_cache(maxsize=None)
def _abbr_re() -> re.Pattern:
    abbrs = "|".join(re.escape(a) for a in sorted(nf.abbreviations(), key=len, reverse=True))
    words = "|".join(re.escape(w) for w in sorted(nf.currency_words(), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,])(?:(?P<sign>{SIGNS})[ \u00a0]?)?(?P<num>{NUM})[ \u00a0]?(?P<abbr>{abbrs})"
        rf"(?![\w])(?!\.\w)(?:[ \u00a0](?:(?P<after>{SIGNS})|(?P<word>{words}))(?![\w]))?")


@lru_cache(maxsize=None)
def _abbr_lead() -> frozenset[str]:
    """The first letters of the abbreviations."""
    return frozenset(a[0] for a in nf.abbreviations())


@lru_cache(maxsize=None)
def _abbr_after_re() -> re.Pattern:
    abbrs = "|".join(re.escape(a) for a in sorted(nf.abbreviations(), key=len, reverse=True))
    return re.compile(rf"[ \u00a0]?(?:{abbrs})(?![\w])")


def _read(tok: str, decimal: str) -> tuple[str, str | None] | None:
    other = "," if decimal == "." else "."
    return nf.read_number(tok, decimal) or nf.read_number(tok, other)


def _amount(conv: nf.Convention, num: str, source_decimal: str, mag: str,
            currency: str | None) -> str | None:
    """The amount in the language's own form, or None when a part is unknown."""
    read = _read(num, source_decimal)
    if read is None or conv.amount is None or mag not in conv.mag_out:
        return None
    if currency is not None and currency not in conv.cur_out:
        return None
    cur = conv.cur_out[currency] if currency else ""
    out = conv.amount.format(num=nf.format_number(read[0], read[1], conv),
                             mag=conv.mag_out[mag], cur=cur)
    return " ".join(out.split())


class ForeignMagnitudeAbbreviation:
    meta = RuleMeta(
        code="TQ803",
        name="foreign-magnitude-abbreviation",
        family="number_format",
        severity=Severity.WARNING,
        summary="A million/billion abbreviation of another language (5 Mio. Euro, $5m)",
        doc=DOC_ABBR,
        examples=(
            bad("The state will invest [[5 Mio. Euro]] in the port.", fix="€5 million"),
            bad("The deal is worth [[3,5 Mrd. Dollar]], analysts said.", fix="$3.5 billion"),
            bad("About [[2,4 Mio.]] people live in the region.", fix="2.4 million"),
            bad("Der Konzern zahlte [[$5m]] an die Behörde.", fix="5 Mio. Dollar", lang="de"),
            bad("Die Regierung stellt [[€2.5bn]] für die Bahn bereit.", fix="2,5 Mrd. Euro",
                lang="de"),
            bad("Le groupe a versé [[5 Mio. euros]] à l'État, selon le ministère.",
                fix="5 M €", lang="fr"),
            bad("Il governo ha stanziato [[2bn]] per le ferrovie, ha detto il ministro.",
                fix="2 Mld", lang="it"),
            good("The state will invest €5 million, $3.5bn and £2m in the 5 m high port; "
                 "5 mln tonnes."),
            good("Der Staat investiert 5 Mio. Euro und 3,5 Mrd. Dollar in den 5 m hohen Hafen.",
                 lang="de"),
            good("Rząd przeznaczy 5 mln zł i 2 mld euro na koleje.", lang="pl"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        table = nf.abbreviations()
        only_after_sign = nf.after_currency_only()
        signs, words = nf.currency_signs(), nf.currency_words()
        after, lead = _abbr_after_re(), _abbr_lead()
        for block, conv, tokens in nf.numbers(doc, ctx):
            text = block.text
            # Every match of _abbr_re is a number token with an abbreviation after it, maybe
            # a currency sign (and a space) before it: at most 4 characters before the token.
            starts: list[int] = []
            for start, end, _ in tokens:
                c = text[end:end + 1]
                if c == " " or c == "\u00a0":
                    c = text[end + 1:end + 2]
                if c in lead and after.match(text, end):
                    starts += range(max(start - 4, starts[-1] + 1 if starts else 0), start + 1)
            if not starts:
                continue
            quotes = None  # made on the first candidate: most blocks have none
            for m in nf.matches(_abbr_re(), text, starts):
                abbr = m.group("abbr")
                if abbr in conv.magnitude_abbr or abbr.rstrip(".") in conv.magnitude_abbr:
                    continue
                if abbr in only_after_sign and not m.group("sign"):
                    continue
                if quotes is None:
                    quotes = nf.quoted_spans(block.text)
                if nf.inside(quotes, m.start(), m.end()):
                    continue
                sign = m.group("sign") or m.group("after")
                currency = signs.get(sign) if sign else words.get(m.group("word") or "")
                info = table[abbr]
                fixed = _amount(conv, m.group("num"), info["source_decimal"], info["mag"],
                                currency)
                ctx.report(block, m.start(), m.end(),
                           f"'{abbr}' is no {conv.name} abbreviation for "
                           f"{info['mag']}" + (f"; write {fixed}" if fixed else ""), fixed)


class CurrencySignPlacement:
    meta = RuleMeta(
        code="TQ804",
        name="currency-sign-placement",
        family="number_format",
        severity=Severity.INFO,
        summary="A currency sign on the other side of the amount (5 € in English, €5 in German)",
        doc=DOC_SIGN,
        examples=(
            bad("Tickets cost [[25 €]] each, the organisers said.", fix="€25"),
            bad("The fine was [[200€]], far more than expected.", fix="€200"),
            bad("Die Tickets kosten [[€25]], teilten die Veranstalter mit.", fix="25 €",
                lang="de"),
            bad("Les billets coûtent [[€25]], selon les organisateurs.", fix="25 €", lang="fr"),
            good("Tickets cost €25 or $30, and the fine was £200, €1.5 million in all."),
            good("Die Tickets kosten 25 € oder 30 $, die Strafe betrug 200 Euro.", lang="de"),
            good("De kaartjes kosten € 25 of 25 €, meldt de organisatie.", lang="nl"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        for block, conv in nf.blocks(doc, ctx):
            if conv.currency == "either":
                continue
            text = block.text
            if "$" not in text and "€" not in text and "£" not in text:
                continue  # no currency sign (both patterns need one)
            quotes = None  # made on the first candidate: most blocks have none
            pattern = SIGN_AFTER_RE if conv.currency == "prefix" else SIGN_BEFORE_RE
            for m in pattern.finditer(text):
                if quotes is None:
                    quotes = nf.quoted_spans(text)
                if nf.inside(quotes, m.start(), m.end()):
                    continue
                if conv.currency == "suffix" and _abbr_after_re().match(text, m.end()):
                    continue  # "$5m", "€2 Mio.": TQ803's business or a different form
                num, sign = m.group("num"), m.group("sign")
                if conv.currency == "prefix":
                    fixed = f"{sign}{num}"
                else:
                    after = nf.word_after(text, m.end())
                    word = (after[0] if after else "").lower()
                    fixed = None if word in conv.magnitude_words else f"{num} {sign}"
                side = "before" if conv.currency == "prefix" else "after"
                ctx.report(block, m.start(), m.end(),
                           f"{conv.name} puts the currency sign {side} the amount"
                           + (f": {fixed}" if fixed else ""), fixed)
