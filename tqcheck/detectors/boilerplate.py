"""TQ101 page-furniture-in-body: a promo, caption, gallery teaser, pull quote or related-article
teaser standing between body paragraphs.

The splitter sets such blocks apart by role; this rule only reports where they sit. A block
counts as "between body paragraphs" when running text (body or lede) comes before it and body
text comes after it, with anything in between: it interrupts the article rather than
framing it.
"""
from __future__ import annotations

import re

from ..model import Document, Role, Severity
from ..registry import Context, RuleMeta, bad, good

FURNITURE = {
    Role.PROMO: "promotional teaser",
    Role.CAPTION: "photo caption",
    Role.GALLERY: "gallery teaser",
    Role.PULLQUOTE: "pull quote",
    Role.RELATED: "related-article teaser",
}
BEFORE = frozenset({Role.BODY, Role.LEDE})
AFTER = frozenset({Role.BODY})
# A credit in a caption, only to word the message: "© Name/Agency", "Photo: Agency",
# "Foto: Name/dpa", "(Agency Photo/Name)".
_CREDIT = re.compile(r"©|\b(?:photo|foto|bild|picture|image|credit|quelle|source)\s*[:/]", re.I)

DOC = """\
## What it flags
A promo ("Read The Washington Post for free"), a photo caption or credit, a gallery teaser
("View photo series"), a pull quote or a "Read more" teaser that stands between two body
paragraphs. One finding per such block; the block's role comes from the splitter.

## Why it matters
For feeds whose body is supposed to be clean, furniture between paragraphs was copied with the
text from the partner's page. Readers meet an ad, a credit or a repeated quotation in the
middle of the story, and the copy shows where the text came from.

## Example
"US President-elect Donald Trump. © Alie Skowronski/Imago" between two paragraphs: a photo
caption with credit in the body.

## Fix
Remove the block from the body (keep a caption only with its picture).
"""


class PageFurnitureInBody:
    meta = RuleMeta(
        code="TQ101",
        name="page-furniture-in-body",
        family="boilerplate_in_body",
        severity=Severity.INFO,
        summary="Promo, caption, gallery teaser, pull quote or teaser between body paragraphs",
        doc=DOC,
        roles=frozenset(FURNITURE) | BEFORE | AFTER,
        examples=(
            bad("Trump and Putin spoke on Thursday.\n"
                "[[US President-elect Donald Trump. © Alie Skowronski/Imago]]\n"
                "The call lasted an hour.",
                roles=(Role.BODY, Role.CAPTION, Role.BODY)),
            bad("Trump and Putin spoke on Thursday.\n"
                "[[Read The Washington Post for free for four weeks]]\n"
                "[[View photo series]]\n"
                "The call lasted an hour.",
                roles=(Role.BODY, Role.PROMO, Role.GALLERY, Role.BODY)),
            bad("Der Kanzler sprach am Montag.\n"
                "[[Lesen Sie auch: Was die Rentenreform für Sie bedeutet]]\n"
                "Die Opposition kritisierte die Pläne.",
                lang="de", roles=(Role.BODY, Role.RELATED, Role.BODY)),
            bad("Der Kanzler sprach am Montag.\n"
                "Reaktionen\n"
                "[[„Wir halten Kurs“]]\n"
                "Die Opposition kritisierte die Pläne.",
                lang="de", roles=(Role.BODY, Role.SUBHEADING, Role.PULLQUOTE, Role.BODY)),
            good("US President-elect Donald Trump. © Alie Skowronski/Imago\n"
                 "Trump and Putin spoke on Thursday.",
                 roles=(Role.CAPTION, Role.BODY)),
            good("Trump and Putin spoke on Thursday.\n"
                 "Read more: Five things to know about the call",
                 roles=(Role.BODY, Role.RELATED)),
            good("Der Kanzler sprach am Montag.\n"
                 "Die Opposition kritisierte die Pläne.\n"
                 "Mehr zum Thema: Rentenreform",
                 lang="de", roles=(Role.BODY, Role.BODY, Role.RELATED)),
            good("Der Kanzler sprach am Montag.\n"
                 "Foto: Michael Kappeler/dpa\n"
                 "Die Opposition kritisierte die Pläne.",
                 lang="de", roles=(Role.BODY, Role.BODY, Role.BODY)),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        blocks = list(ctx.blocks(doc))
        first = next((i for i, b in enumerate(blocks) if b.role in BEFORE), None)
        last = next((i for i in range(len(blocks) - 1, -1, -1) if blocks[i].role in AFTER), None)
        if first is None or last is None:
            return
        for b in blocks[first + 1:last]:
            what = FURNITURE.get(b.role)
            if what is None or not b.text.strip():
                continue
            if b.role is Role.CAPTION and _CREDIT.search(b.text):
                what = "photo caption with credit"
            start = len(b.text) - len(b.text.lstrip())
            end = len(b.text.rstrip())
            ctx.report(b, start, end, f"{what} between body paragraphs: remove it from the body",
                       None)
