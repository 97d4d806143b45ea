"""TQ202 inconsistent-name-spelling: one entity spelled two ways in one article."""
from __future__ import annotations

from .. import names
from ..model import Document, Role, Severity
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
One name spelled two ways in the same English or German article ("Kiev" and "Kyiv", "Zelensky"
and "Zelenskyy", "Vladímir" and "Vladimir", "Sánchez" and "Sanchez"): the spelling used less
often is flagged and the majority one suggested; on a tie the name table's form for the
article's language wins. Two spellings count as one entity only on strong evidence: the name
table links them, they differ only in accents, or their transliteration skeletons are equal
(near-equal for long names with transliteration letters, among them Ukrainian я ю є written
ja/ju/je, ya/yu/ye or KMU 2010's ia/iu/ie: Hnatjuk / Hnatyuk / Hnatiuk; ia/iu/ie only in a word
rare in English and German, so Daniel, Marian or Julian are not read as transliterations) and
not both are established words
(Chan/Khan, Schulz/Schultz stay two names). First names are compared only before the same
surname, quoted material keeps its source's spelling, and differences of case or doubled
letters are left alone. A spelling TQ201 flags as the other language's is left to TQ201.

## Why it matters
Pieces translated separately, or copied from sources that transliterate differently, spell the
same person or place differently. Readers may take them for two people, and it shows the text
was not edited as a whole.

## Example
"Officials in Kyiv are worried …" and, at the end, "Siobhán O'Grady in Kiev contributed to this
report."

## Fix
Use one spelling throughout: the one the article uses most, normally the form of the
article's language's press (Kyiv).
"""


class InconsistentNameSpelling:
    meta = RuleMeta(
        code="TQ202",
        name="inconsistent-name-spelling",
        family="name_variant",
        severity=Severity.WARNING,
        summary="One name spelled two ways in one article (Kiev and Kyiv; Sánchez and Sanchez)",
        doc=DOC,
        examples=(
            bad("Officials in Kyiv are worried about the war.\n"
                "Siobhán O’Grady in [[Kiev]] contributed to this report.", fix="Kyiv",
                roles=(Role.BODY, Role.CONTRIBUTORS)),
            bad("Prime Minister Pedro Sánchez met the king.\nSánchez said the talks went well.\n"
                "Critics of [[Sanchez]] were not convinced.", fix="Sánchez"),
            bad("Vladimir Putin spoke first.\nLater [[Vladímir]] Putin left the room.\n"
                "Vladimir Putin did not comment.", fix="Vladimir"),
            bad("Präsident Selenskyj reiste nach Brüssel.\nSelenskyj traf dort die Kommission.\n"
                "Am Abend kehrte [[Selenskij]] nach Kiew zurück.", fix="Selenskyj", lang="de"),
            bad("Dem Russen Dmitri K. wird Spionage vorgeworfen.\n"
                "Nach der Festnahme von [[Dmitry]] K. zogen viele um.", fix="Dmitri", lang="de"),
            bad("The terminal is run by Oleksandr Hnatyuk.\nHnatyuk says the cranes never stop.\n"
                "For [[Hnatiuk]], the situation is better than a year ago.", fix="Hnatyuk"),
            bad("Zelenskyy spoke first. [[Zelensky]] and [[Zelensky]] later.",
                config='[house-spellings.en]\nZelenskyy = ["Zelenskiy"]'),  # the house form wins, not the majority
            good("Danjel scored twice and Daniel once; Danjel was named man of the match."),
            good("Kremlin spokesman Dmitry Peskov and Deputy Minister Petrov spoke. "
                 "Peskov left, Petrov stayed."),
            good("Maria Schmidt and Mario Schmid met Martin Schulz and Debbie Wasserman Schultz."),
            good("Viktor Orbán met Wiktor Janukowytsch in Kiew.", lang="de"),
            good("Peking University and Beijing Normal University are both in Beijing."),
            good("Jackie Chan met Sadiq Khan in London; Karl Marx and Richard Marks were discussed."),
            good("Der Kyiv Independent berichtete aus Kiew, wo Selenskyj sprach.", lang="de"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        lang = doc.lang
        if lang not in names.LANGS:
            return
        house = ctx.options.house(lang)
        house_forms = frozenset(house.values())
        sc = names.scan(doc, ctx.blocks(doc))
        other = names.OTHER[lang]
        usable = [b.lang != other for b in sc.blocks]  # (block_language_ok, inlined)
        # 1. spellings that may name one entity, over the distinct words of the article
        if all(usable):
            forms = names.compared_words(sc.counts)
        else:
            forms = {w for ok, ws in zip(usable, sc.block_words) if ok for w in ws
                     if len(w) >= 3 and not w.isupper()}
        group = names.entity_groups(forms, lang)
        if not group:
            return
        candidates = group.keys()
        # 2. their occurrences: TQ201's spans and quotations left out (quoted material keeps
        # its source's spelling: "… adding that President Zelensky will, quote, …");
        # a head (surname, place) is compared with heads, a first name only before the same head
        flagged = {}
        for h in names.foreign_spellings(doc, sc.blocks):
            flagged.setdefault(h.block.index, []).append((h.start, h.end))
        found = []
        for k, (b, ok, ws) in enumerate(zip(sc.blocks, usable, sc.block_words)):
            if not ok or candidates.isdisjoint(ws):
                continue
            quotes = names.quotations(b.text)
            spans = flagged.get(b.index, ())
            text = b.text
            for o in sc.find(k, candidates):
                if o.start and text[o.start - 1] in names.NOT_PROSE:
                    continue
                if o.text in house:  # a form the house spelling replaces: TQ203's
                    continue
                if any(s <= o.start and o.end <= e for s, e in spans):
                    continue
                if quotes and names.inside(quotes, o.start, o.end):
                    continue
                found.append((o, ws[o.run_end]))
        given = names.entity_groups({o.text for o, _ in found if not o.head}, lang, persons_only=True)
        by_key: dict[tuple, dict[str, list]] = {}
        for o, head in found:
            if o.head:
                key = ("h", group[o.text])
            else:
                key = ("g", given.get(o.text, o.text), group.get(head, head))
            by_key.setdefault(key, {}).setdefault(o.text, []).append(o)
        for spellings in by_key.values():
            if len(spellings) < 2:
                continue
            decided = next(((f, "the house spelling") for f in sorted(spellings) if f in house_forms), None) \
                or names.majority(spellings, lang)
            if decided is None:
                continue
            winner, why = decided
            n = len(spellings[winner])
            for form, occs in sorted(spellings.items()):
                if form == winner:
                    continue
                how = (f"{n}\u00d7 against {len(occs)}\u00d7" if why == "majority" else
                       why if why == "the house spelling" else f"as often; {why}")
                for o in occs:
                    ctx.report(o.block, o.start, o.end,
                               f"Inconsistent spelling: '{form}' here, '{winner}' elsewhere in this "
                               f"article ({how})", names.house_fix(winner, house))
