"""TQ903 replacement-character: U+FFFD (�) in the text, a character lost in decoding.

The word around it is flagged. Inside a word, the letters the text's language most likely
lost (encoding.toml) are tried; a suggestion is made only when one of them gives a word
wordfreq knows, at least ten times as frequent as any other fit ("M�nchen" → "München"). "?" inside words is never flagged: question
marks also end sentences glued to the next one and stand in URLs, so it is too ambiguous.

Speed: a block without U+FFFD costs one substring test.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

from ..model import TEXT_ROLES, Document, Severity
from ..registry import Context, RuleMeta, bad, good
from .encoding_data import conf

DOC = """\
## What it flags
The replacement character U+FFFD (�), with the word it stands in: a character that could not
be decoded was replaced, so the text lost it ("M�nchen", "�Wir"). When the lost character is
inside a word and only one letter of the text's language makes a known word of it, that word
is suggested. A question mark inside a word is not flagged (too ambiguous).

## Why it matters
The original character is gone: unlike mojibake, the text cannot be repaired from itself.
Readers see a black diamond in a name or a quotation. It usually means that a step of the feed
read Windows-1252 or Latin-1 bytes as UTF-8. Severity error: the text must be fetched again or
corrected by hand before it is published.

## Example
"Die Polizei in M�nchen sprach von einem Unfall." should read "Die Polizei in München …".

## Fix
Fetch the article again with its real encoding; otherwise correct each word by hand (the
suggestion is only a guess from the language's word list).
"""

FFFD = "\ufffd"


@lru_cache(maxsize=4096)
def _guess(word: str, lang: str) -> str | None:
    c = conf()["replacement"]
    letters = c["letters"].get(lang)
    n = word.count(FFFD)
    if not letters or n > c["max_in_word"] or n == 0:
        return None
    import wordfreq

    found: dict[str, float] = {}
    parts = word.split(FFFD)
    for combo in product(letters, repeat=n):
        cand = parts[0] + "".join(ch + part for ch, part in zip(combo, parts[1:]))
        if any(ch.isupper() for ch in cand[1:]) and not cand.isupper():
            continue  # a capital inside a word: not how the word was spelled
        z = max(wordfreq.zipf_frequency(cand.lower(), lang), wordfreq.zipf_frequency(cand, lang))
        if z >= c["min_zipf"]:
            found[cand] = z
    if not found:
        return None
    ranked = sorted(found.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < c["min_margin"]:
        return None  # two words fit about equally well: no guess
    return ranked[0][0]


class ReplacementCharacter:
    meta = RuleMeta(
        code="TQ903",
        name="replacement-character",
        family="encoding",
        severity=Severity.ERROR,
        summary="Replacement character � where a character was lost in decoding",
        doc=DOC,
        roles=TEXT_ROLES,
        examples=(
            bad("Die Polizei in [[M\ufffdnchen]] sprach von einem Unfall.", fix="München",
                lang="de"),
            bad("Er sagte: [[\ufffdWir]] machen weiter.", lang="de"),
            bad("The talks in [[Krak\ufffd\ufffdw]] ended on Monday."),
            good("Is it over?No, said the mayor, who? what?"),
            good("Die Polizei in München sprach von einem Unfall.", lang="de"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        for block in ctx.blocks(doc):
            text = block.text
            if FFFD not in text:
                continue
            lang = block.lang or doc.lang
            i, n = 0, len(text)
            while True:
                i = text.find(FFFD, i)
                if i < 0:
                    break
                s = i
                while s > 0 and (text[s - 1].isalpha() or text[s - 1] == FFFD):
                    s -= 1
                e = i
                while e < n and (text[e].isalpha() or text[e] == FFFD):
                    e += 1
                word = text[s:e]
                inside = word.strip(FFFD) != "" and word[0] != FFFD and word[-1] != FFFD
                guess = _guess(word, lang) if inside else None
                lost = "a character was" if word.count(FFFD) == 1 else "characters were"
                hint = f"; perhaps '{guess}'" if guess else ""
                ctx.report(block, s, e, f"replacement character in '{word}': {lost} lost when "
                           f"the text was decoded{hint}", guess)
                i = e
