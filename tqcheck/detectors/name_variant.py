"""TQ201 foreign-transliteration: a name spelled the other language's way."""
from __future__ import annotations

from .. import names
from ..model import Document, Role, Severity
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
A name in the other language's transliteration: German "Wladimir Putin", "Wolodymyr Selenskyj",
"Kiew", "Charkiw" or "Lawrow" in English text, and English "Zelensky", "Kyiv", "Kharkiv" or
"Lavrov" in German text. Evidence: the table of known names (data/names.tsv), or the
transliteration rules (data/translit.toml) confirmed by the article's own use of the
counterpart or by wordfreq (the counterpart a clearly more common word of the text's language,
the name itself rare there, and a typical ending such as -ow, -yj, -itsch; or, for English
names in German text, letters only English transliteration writes -- kh, zh, -iy-, ya/yu/ye,
ia/iu -- and a typical ending (-sk, -in, -enko …) in a word German wordfreq does not know,
whose German rewrite is a rare German word and not an English one: Novorossiysk /
Noworossijsk). A name is never
flagged for merely looking German (Merkel, Scholz, Schröder, Bundestag are right in English);
quotations and blocks in the other language, and proper names of that language ("Kyiv
Independent", "Moscow Times" in German text) are left alone. In French, Spanish, Italian,
Dutch and Polish text, the evidence is the table alone: a German or English spelling its
column for that language does not list ("Wladimir Putin" in French: "Vladimir Poutine";
"Wolodymyr Selenskyj" in Polish: "Wołodymyr Zełenski").

## Why it matters
Machine translation copies names from its source instead of using the target press's spelling,
and a round trip through German leaves German transliterations in English text. Readers see a
misspelled name, and editors see that nobody edited the translation.

## Example
"… spoke with the Russian President Wladimir Putin" in an English article; "Präsident Zelensky
reiste nach Brüssel" in a German one.

## Fix
Use the spelling of the text's language's press: Vladimir Putin, Volodymyr Zelensky and Kyiv in
English; Wladimir Putin, Wolodymyr Selenskyj and Kiew in German.
"""


class ForeignTransliteration:
    meta = RuleMeta(
        code="TQ201",
        name="foreign-transliteration",
        family="name_variant",
        severity=Severity.WARNING,
        summary="A name in another language's transliteration (Wladimir, Selenskyj, Kiew in English)",
        doc=DOC,
        examples=(
            bad("Talks with Russian President [[Wladimir]] Putin on Thursday.", fix="Vladimir"),
            bad("He spoke with the Ukrainian president [[Wolodymyr Selenskyj]] on Tuesday.",
                fix="Volodymyr Zelensky"),
            bad("Officials in [[Kiew]] are worried about the cost of the war.", fix="Kyiv"),
            bad("Foreign Minister [[Lawrow]] said the talks would continue.", fix="Lavrov"),
            bad("Ambassador Oksana Markarova met the minister.\nPhoto: Oksana [[Markarowa]] at the embassy.",
                fix="Markarova", roles=(Role.BODY, Role.CAPTION)),
            bad("A concert of works by [[Schostakowitsch]] was cancelled in London.", fix="Shostakovich"),
            bad("Die Ukraine meldet Angriffe auf [[Kharkiv]] und die Region.", fix="Charkiw", lang="de"),
            bad("Präsident [[Zelensky]] reiste am Dienstag nach Brüssel.", fix="Selenskyj", lang="de"),
            bad("Das Öl fließt zum Schwarzmeerhafen [[Novorossiysk]] und von dort nach Europa.",
                fix="Noworossijsk", lang="de"),
            bad("Oleksandr Hnatjuk leitet das Terminal.\nHnatjuk sagt, die Kräne stehen nie still.\n"
                "Für [[Hnatiuk]] ist die Lage besser als vor einem Jahr.", fix="Hnatjuk", lang="de"),
            bad("President [[Selenskyj]] spoke in Kyiv on Monday.", fix="Zelenskyy",
                config='[house-spellings.en]\nZelenskyy = ["Zelensky"]'),  # the house spelling suggested
            bad("Le président [[Wladimir Putin]] a parlé mardi à Moscou.", fix="Vladimir Poutine", lang="fr"),
            bad("Prezydent [[Wolodymyr Selenskyj]] przyjechał do Kijowa.", fix="Wołodymyr Zełenski", lang="pl"),
            good("Prezydent Wołodymyr Zełenski przyjechał do Kijowa.", lang="pl"),
            good("Talks with Russian President Vladimir Putin and Volodymyr Zelensky in Kyiv."),
            good("Talks with President Zelenskyy in Kyiv.", config='[house-spellings.en]\nZelenskyy = ["Zelensky"]'),
            good("Chancellor Olaf Scholz and President Frank-Walter Steinmeier met Angela Merkel, "
                 "Gerhard Schröder and Bundestag members."),
            good("Aaron Schaffer, Sahra Wagenknecht and the Wagner Group were mentioned by "
                 "Michael Schumacher."),
            good("The boxer Wladimir Klitschko and the writer Wladimir Kaminer visited Odessa."),
            good("Kremlchef Wladimir Putin telefonierte mit Wolodymyr Selenskyj in Kiew.", lang="de"),
            good("Der Kyiv Independent berichtete über die Lage in Charkiw.", lang="de"),
            good("Shell, Yahoo, Nvidia, Sky und Vodafone warben in Sydney, Kentucky und Sheffield; "
                 "gespielt wurden Shakespeare und Tschaikowsky.", lang="de"),
            good("Xi Jinping empfing den Gast in Shanghai, danach ging es nach Shenzhen und "
                 "Yokohama.", lang="de"),
            good("Selenskyj sagte auf Englisch: “We will defend Kyiv and Kharkiv until the end.”", lang="de"),
            good("The banner read „Wir stehen an der Seite von Selenskyj und Kiew“, a German slogan."),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        if doc.lang in names.PRESS_LANGS:
            target = names.PRESS_NAME[doc.lang]
            for hit, src in names.press_spellings(doc, ctx.blocks(doc)):
                form = hit.block.text[hit.start:hit.end]
                ctx.report(hit.block, hit.start, hit.end,
                           f"{names.LANG_NAME[src]} spelling '{form}' in {target} text (known "
                           f"name): use '{hit.fix}'", hit.fix)
            return
        if doc.lang not in names.LANGS:
            return
        target = names.LANG_NAME[doc.lang]
        source = names.LANG_NAME[names.OTHER[doc.lang]]
        house = ctx.options.house(doc.lang)
        for hit in names.foreign_spellings(doc, ctx.blocks(doc)):
            form = hit.block.text[hit.start:hit.end]
            if house and (names.is_house_form(form, house) or form in house):
                continue  # the house spelling is right; a form it replaces is TQ203's
            fix = names.house_fix(hit.fix, house)
            why = {
                "table": "known name",
                "article": f"the article writes '{hit.fix}' elsewhere",
                "wordfreq": f"'{hit.fix}' is the common {target} spelling",
            }[hit.evidence]
            ctx.report(hit.block, hit.start, hit.end,
                       f"{source} spelling '{form}' in {target} text ({why}): use '{fix}'", fix)
