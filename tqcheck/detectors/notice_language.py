"""TQ103 notice-contradicts-language: a translation notice whose language claim is wrong for
the text it sits in ("translated into German" at the end of an English article).

Only translation notices found by TQ102's finder are read (never a translator's credit or a
sentence about translation). Language names and the grammar of the claims ("into German",
"ins Deutsche", "aus dem Englischen", "de l'anglais en allemand") come from
data/language_names.toml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from ..model import Document, Role, Severity
from ..registry import Context, RuleMeta, bad, good
from .language_notice import LANG_NAMES, _tables, document_notices, language_of_word


@lru_cache(maxsize=None)
def _claims() -> tuple[tuple[str, re.Pattern], ...]:
    """(direction, pattern) pairs; each pattern has a group `lang` around a language name."""
    cfg = data.toml("language_names.toml")
    out = []
    for lang, claims in cfg["claims"].items():
        stems = sorted(cfg["names"].get(lang, {}), key=len, reverse=True)
        name = "(?:" + "|".join(re.escape(s) for s in stems) + r")\w{0,4}"
        for direction in ("target", "source"):
            for pat in claims.get(direction, ()):
                out.append((direction, re.compile(pat.replace("{name}", name), re.I)))
    return tuple(out)


def language_claims(text: str) -> list[tuple[str, str, int, int]]:
    """(direction, iso code, start, end) of each "into X" / "from X" claim in a notice."""
    out = []
    seen = set()
    for direction, pat in _claims():
        for m in pat.finditer(text):
            code = language_of_word(m.group("lang"))
            if code and (m.start(), m.end()) not in seen:
                seen.add((m.start(), m.end()))
                out.append((direction, code, m.start(), m.end()))
    return sorted(out, key=lambda c: c[2])


def _name(code: str) -> str:
    return LANG_NAMES.get(code, code)


DOC = """\
## What it flags
A translation notice whose language claim contradicts the article: "translated into German"
or "ins Deutsche übersetzt" in an English text, "translated from English" in an English text.
A first-publication credit ("first published in English") in an English text is fine.

## Why it matters
It is the mark of a round trip: the notice was written for a German version and then
translated back with the article. Readers are told the text is in a language it is not in,
and the article has been through two machine translations.

## Example
"This article was automatically translated from English into German." at the end of an
English article: "into German" is flagged.

## Fix
Remove the notice (TQ102), and check the article for round-trip damage: names in the wrong
transliteration, German word order, mangled quotation marks.
"""


class NoticeContradictsLanguage:
    meta = RuleMeta(
        code="TQ103",
        name="notice-contradicts-language",
        family="language_notice",
        severity=Severity.WARNING,
        roles=frozenset(Role),  # notices sit anywhere: headline, first line, body, end matter
        summary="Translation notice names a language the text is not in",
        doc=DOC,
        examples=(
            bad("This article was automatically translated from English [[into German]]."),
            bad("This article was machine translated [[from English]]."),
            bad("Dieser Artikel wurde automatisch [[ins Englische]] übersetzt.", lang="de"),
            bad("Dieser Artikel wurde maschinell [[ins Deutsche]] übersetzt."),
            good("This article was automatically translated from German into English."),
            good("This article was first published in English on November 11 at "
                 "Washingtonpost.com."),
            good("Dieser Artikel wurde automatisiert aus dem Englischen ins Deutsche übersetzt.",
                 lang="de"),
            bad("Cet article a été traduit automatiquement de l'anglais [[vers l'allemand]].",
                lang="fr"),
            bad("Este artículo ha sido traducido automáticamente del inglés [[al alemán]].",
                lang="es"),
            bad("Questo articolo è stato tradotto automaticamente dall'inglese [[al tedesco]].",
                lang="it"),
            bad("Dit artikel is automatisch vertaald uit het Engels [[naar het Duits]].", lang="nl"),
            bad("Ten artykuł został przetłumaczony maszynowo [[na język niemiecki]].", lang="pl"),
            good("Translated from the English by Anna Weber."),
            good("The novel was translated into German in 1930 and from German into Italian "
                 "in 1950."),
            good("Cet article a été traduit automatiquement de l'anglais en français.", lang="fr"),
            good("Dit artikel is automatisch vertaald uit het Engels naar het Nederlands.",
                 lang="nl"),
            good("Ten artykuł został przetłumaczony maszynowo z języka angielskiego na język "
                 "polski.", lang="pl"),
        ),
    )

    def __init__(self) -> None:
        _tables()
        _claims()

    def check(self, doc: Document, ctx: Context) -> None:
        if doc.lang not in LANG_NAMES:
            return
        notices = document_notices(doc)
        if not notices:
            return
        for block in ctx.blocks(doc):
            for n in notices.get(block.index, ()):
                if n.kind == "syndication":
                    continue  # "first published in English" names the original, not the text
                claims = language_claims(block.text[n.start:n.end])
                wrong_target = [c for c in claims if c[0] == "target" and c[1] != doc.lang]
                wrong_source = [c for c in claims if c[0] == "source" and c[1] == doc.lang]
                here = _name(doc.lang)
                if wrong_target:
                    _, code, s, e = wrong_target[0]
                    msg = (f"notice says the text was translated into {_name(code)}, "
                           f"but this article is in {here}: a notice carried over from "
                           f"another language version")
                elif wrong_source:
                    _, code, s, e = wrong_source[0]
                    msg = (f"notice says the text was translated from {here}, but this article "
                           f"is itself in {here}: a notice carried over from another language "
                           f"version")
                else:
                    continue
                ctx.report(block, n.start + s, n.start + e, msg, None)
