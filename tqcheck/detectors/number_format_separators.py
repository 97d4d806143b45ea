"""TQ801 foreign-number-separators: digit grouping or a decimal separator of another language
("10.000 soldiers", "2,5 billion" in English; "1,200 Gleitbomben", "2.5 Prozent" in German).

Only with evidence, because "1.500" is 1.5 in English and "1,500" is 1.5 in German:

* certain: several groups of three (10.000.000), both separators (1.234,56), or a decimal
  with the other separator before a magnitude, percent or unit (2,5 billion, 3.5 Prozent);
* a single group of three with the text's decimal separator (10.000, 1,200) only before a
  word that counts things (soldiers, Gleitbomben) or a currency (10.000 dollars): nobody writes
  three decimals there; before a unit (1.500 km, 9.580 seconds) it may be a measurement;
* any other single group of three only when the article already has certain evidence, or
  several such numbers ending in 00.

Labels (version 3.1, § 1.100, ISBN, IP addresses), dates, times and numbers in short
quotations are left alone.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Block, Document, Severity
from ..registry import Context, RuleMeta, bad, good
from . import number_format_base as nf

DOC = """\
## What it flags
Numbers written with the separators of another language: continental grouping or a decimal
comma in English ("10.000 soldiers", "10.000.000", "2,5 billion", "1.234,56"), English
grouping or a decimal point in German, French, Spanish, Italian, Dutch or Polish text
("1,200 Gleitbomben", "2.5 Prozent", "1,200,000 soldats"). A lone "1.500" or "1,500" is
flagged only when the word after it counts things or names a currency, or when the article
writes other numbers the foreign way: otherwise it may be a decimal.

## Why it matters
The two conventions swap the meaning of "." and ",": "1,200 Gleitbomben" reads as 1.2 glide
bombs to a German reader, "10.000 soldiers" as ten soldiers with three decimals to an English
one. Machine translation copies digits unchanged, so the source's convention survives.

## Example
"Russia has dropped more than 10.000 glide bombs" (German source: 10.000 Gleitbomben); the
English text needs "10,000".

## Fix
Rewrite the number in the target language's convention (the suggestion does). Years, times
(10.30 Uhr), scores (2:1), versions (3.11.2), phone numbers, IP addresses and ISBNs are left
alone.
"""


@dataclass
class Candidate:
    block: Block
    start: int
    end: int
    fixed: str
    message: str
    level: str  # "certain", "noun" (a counting word after it) or "weak"
    round00: bool = False


class ForeignNumberSeparators:
    meta = RuleMeta(
        code="TQ801",
        name="foreign-number-separators",
        family="number_format",
        severity=Severity.WARNING,
        summary="Digit grouping or decimal separator of another language (10.000 soldiers)",
        doc=DOC,
        examples=(
            bad("Russia has dropped more than [[10.000]] glide bombs on the region.", fix="10,000"),
            bad("The fund is worth [[2,5]] billion dollars, the ministry said.", fix="2.5"),
            bad("Around [[1.200.000]] people have left the city since spring.", fix="1,200,000"),
            bad("Russland hat seit Jahresbeginn [[1,200]] Gleitbomben abgeworfen.", fix="1.200",
                lang="de"),
            bad("Die Inflation stieg im Oktober auf [[2.5]] Prozent, teilte das Amt mit.",
                fix="2,5", lang="de"),
            bad("Plus de [[1,200,000]] personnes ont quitté la région depuis le printemps.",
                fix="1 200 000", lang="fr"),
            bad("Het kabinet trekt [[2.5]] miljard euro uit voor de dijken, meldt de minister.",
                fix="2,5", lang="nl"),
            good("About 10,000 soldiers and 1.5 million civilians; inflation was 2.5 percent and "
                 "the run took 9.580 seconds at 10.30 am."),
            good("Version 3.11.2 and Windows 3.1 run on 192.168.100.200; call 030.123.456, "
                 "ISBN 978-3-16-148410-0; the score was 2:1 and 3-1 in 2024."),
            good("The rate rose to 1.085 dollars per euro; the 1.500 km route."),
            good("Rund 1.500 Soldaten und 2,5 Millionen Menschen; um 10.30 Uhr stand es 2:1, "
                 "am 3.10. und 2024 stieg die Zahl um 1,5 Prozent.", lang="de"),
            good("Il y a 10 000 soldats et 2,5 millions d'habitants ; 1.500 euros.", lang="fr"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        found: list[Candidate] = []
        for block, conv, tokens in nf.numbers(doc, ctx):
            text = block.text
            quotes = None  # made on the first candidate: most blocks have none
            for start, _, sep in tokens:  # NUMBER_RE.finditer, tried where it can match
                if sep is None:
                    continue  # no separator
                m = nf.NUMBER_RE.match(text, start)
                if m is None:
                    continue
                cand = self._judge(block, start, m.end(), conv)
                if cand is None:
                    continue
                if quotes is None:
                    quotes = nf.quoted_spans(text)
                if not nf.inside(quotes, start, m.end()):
                    found.append(cand)
        strong = any(c.level != "weak" for c in found)
        rounds = sum(c.level == "weak" and c.round00 for c in found) >= 2
        for c in found:
            if c.level == "weak" and not (strong or (rounds and c.round00)):
                continue
            ctx.report(c.block, c.start, c.end, c.message, c.fixed)

    def _judge(self, block: Block, start: int, end: int, conv: nf.Convention) -> Candidate | None:
        text = block.text
        tok = text[start:end]
        # The tests on the token alone come first: most numbers are written the language's
        # own way and leave here, before the words around them are looked up.
        if "." in tok and "," in tok:
            seps = [c for c in tok if c in ".,"]
            if seps[-1] == conv.decimal or seps.count(seps[-1]) != 1:
                return None
            return None if nf.is_label(text, start, conv) else self._mixed(block, start, end,
                                                                           tok, seps, conv)
        sep = "." if "." in tok else ","
        parts = tok.split(sep)  # one more than separators
        if parts[0].startswith("0") and len(parts[0]) > 1:
            return None  # a phone number or a code: 030.123.456
        if len(parts) > 2:
            grouped = 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])
            if not grouped or conv.group_ok(sep) or sep != conv.decimal:
                return None  # a version, a date, an IP address, or this language's grouping
        elif len(parts[1]) == 3:
            if conv.group_ok(sep) or sep != conv.decimal or parts[0] == "0":
                return None
        elif sep == conv.decimal:
            return None
        elif text[end:end + 1] == "." and conv.dotted_date:
            return None  # am 2.5. (a date)
        if nf.is_label(text, start, conv):
            return None
        after = nf.word_after(text, end)
        word = after[0] if after else ""
        low = word.lower()
        quantity = low in conv.magnitude_words or low in conv.units or word == "%"
        currency = word in nf.currency_signs() or word in nf.currency_words()
        if len(parts) > 2:
            if len(parts) == 4 and not (self._counts(word, conv) or currency or quantity):
                return None  # 192.168.100.200: only a quantity word makes it a number
            return self._grouping(block, start, end, parts, conv, "certain")
        integer, fraction = parts
        if len(fraction) == 3:
            if quantity and not currency:
                return None  # 1.500 km, 9.580 seconds: may be a measurement
            round00 = fraction.endswith("00")
            if self._counts(word, conv) or (currency and round00 and int(integer) >= 2
                                              and not self._rate(text, after, conv)):
                return self._grouping(block, start, end, parts, conv, "noun", round00)
            return self._grouping(block, start, end, parts, conv, "weak", round00)
        before = nf.word_before(text, start)
        signed = before is not None and before[0][-1:] in nf.currency_signs()
        if not (quantity or currency or signed or text[start - 1:start] in nf.currency_signs()):
            return None
        fixed = nf.format_number(integer, fraction, conv)
        return Candidate(block, start, end, fixed,
                         f"'{tok}' uses '{sep}' as the decimal separator; "
                         f"{conv.name} writes {fixed}", "certain")

    def _rate(self, text: str, after: tuple[str, int, int] | None, conv: nf.Convention) -> bool:
        """A price per unit or an exchange rate: 1,800 Euro pro Liter, 1.100 dollars per euro."""
        if after is None:
            return False
        nxt = nf.word_after(text, after[2])
        return nxt is not None and nxt[0].lower() in conv.not_counting

    def _counts(self, word: str, conv: nf.Convention) -> bool:
        """A word that counts things: a noun or adjective, not a unit, function word or month."""
        low = word.lower()
        if len(word) < 3 or not word.isalpha() or low in conv.function_words:
            return False
        if low in conv.units or low in conv.magnitude_words or low in nf.month_index():
            return False
        if low in conv.not_counting:
            return False
        return True

    def _grouping(self, block, start, end, parts, conv, level, round00=False) -> Candidate:
        tok = block.text[start:end]
        fixed = nf.format_number("".join(parts), None, conv)
        return Candidate(block, start, end, fixed,
                         f"'{tok}' groups digits with '{tok[len(parts[0])]}', the decimal "
                         f"separator in {conv.name}; write {fixed}",
                         level, round00)

    def _mixed(self, block, start, end, tok, seps, conv) -> Candidate | None:
        dec = seps[-1]  # not the language's decimal separator, and only once (see _judge)
        read = nf.read_number(tok, dec)
        if read is None:
            return None
        fixed = nf.format_number(read[0], read[1], conv)
        return Candidate(block, start, end, fixed,
                         f"'{tok}' uses '{dec}' as the decimal separator; "
                         f"{conv.name} writes {fixed}", "certain")

