"""TQ905 doubled-punctuation: a punctuation mark doubled after a word (",,", ";;", "::", "..").

Conservative on purpose: only after a letter and before a space, a closing mark or the end of
the block; never an ellipsis ("...", "…"), "!!" or "??", ",,Wort" after a space (a typewriter
German opening quote, for the quotation-mark rules), "std::vector", "fe80::1", "../" or URLs.
Two full stops count only before a capital, a closing mark or the end, and only after a word
of four letters or more that is no abbreviation ("etc..", "a.m.." are left alone). The flagged span is the word with its marks, so an editor sees where it is.

Speed: one precompiled regex per block, led by the marks.
"""
from __future__ import annotations

import re

from ..model import TEXT_ROLES, Document, Severity
from ..registry import Context, RuleMeta, bad, good
from .encoding_data import conf, looks_like_url, token_bounds

DOC = """\
## What it flags
A punctuation mark typed twice after a word: "Berlin,, the", "said;; then", "Hinweis:: Text",
"the talks ended.. The". Only after a letter and before a space, a closing quotation mark or
bracket, or the end of the block. An ellipsis ("...", "…"), "!!" and "??", a German ",,"
opening quote, "std::vector", IPv6 addresses and URLs are left alone.

## Why it matters
Segment joins in translation tools and CMS imports double the mark at the boundary; the text
looks careless to readers and the sentence boundary after it may be wrong too. Severity
warning.

## Example
"Die Gespräche dauerten bis Mitternacht.. Am Morgen …" should read "… Mitternacht. Am
Morgen …".

## Fix
Delete one of the marks (the suggestion), and check the sentence boundary next to it.
"""


def _pattern() -> re.Pattern[str]:
    marks = conf()["doubled"]["marks"]
    single = re.escape(marks.replace(".", ""))
    close = "”“\"’'»«)\\]"
    return re.compile(
        rf"(?<=[^\W\d_])(?:([{single}])\1(?=\s|$|[{close}])"
        rf"|\.\.(?=\s+[“„\"‘'«(]?[^\W\d_a-zß-ÿ]|\s*$|[{close}]))")


class DoubledPunctuation:
    meta = RuleMeta(
        code="TQ905",
        name="doubled-punctuation",
        family="encoding",
        severity=Severity.WARNING,
        summary="Punctuation mark doubled after a word (Berlin,, said.. The)",
        doc=DOC,
        roles=TEXT_ROLES,
        examples=(
            bad("The delegation arrived in [[Berlin,,]] the chancellor said.", fix="Berlin,"),
            bad("Die Gespräche dauerten bis [[Mitternacht..]] Am Morgen ging es weiter.",
                fix="Mitternacht.", lang="de"),
            bad("Rozmowy w [[Gdańsku,,]] zakończyły się w piątek.", fix="Gdańsku,", lang="pl"),
            good("He paused... then said: well, nothing. Wow!! Really??"),
            good("Er sagte ,,Hallo'' und ging. Use std::vector and fe80::1 here.", lang="de"),
            good("The list includes apples, pears, etc.. and more. See ../docs and "
                 "https://example.com/a..b for details."),
        ),
    )

    def __init__(self) -> None:
        self.pattern = _pattern()
        c = conf()["doubled"]
        self.min_stop_word = c["min_stop_word"]
        self.abbreviations = frozenset(a.lower() for a in c["abbreviations"])

    def check(self, doc: Document, ctx: Context) -> None:
        for block in ctx.blocks(doc):
            text = block.text
            if ",," not in text and ".." not in text and ";;" not in text and "::" not in text:
                continue
            for m in self.pattern.finditer(text):
                s, e = token_bounds(text, m.start(), m.end())
                if looks_like_url(text[s:e]):
                    continue
                ws = m.start()
                while ws > s and text[ws - 1].isalpha():
                    ws -= 1
                word = text[ws:m.start()]
                mark = m.group()[0]
                if mark == "." and (len(word) < self.min_stop_word or text[ws - 1:ws] == "." or
                                    word.lower() in self.abbreviations):
                    continue  # "a.m..", "etc..": an abbreviation's stop plus the sentence's
                ctx.report(block, ws, m.end(),
                           f"'{mark}' typed twice after '{word}'", word + mark)
