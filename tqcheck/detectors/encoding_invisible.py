"""TQ904 invisible-character: zero-width spaces, word joiners, byte-order marks, misplaced soft
hyphens, control characters and bidi controls where they do harm.

Which character is flagged where is data (encoding.toml, with the reason for each): a zero-width
space or word joiner inside a word; a byte-order mark, a bidi override or a C0 control
anywhere; embeddings, isolates and LRM/RLM only in blocks without right-to-left letters; a
zero-width joiner only inside a Latin, Greek or Cyrillic word (emoji and Indic and Arabic
scripts need it); a soft hyphen only when it does not stand between two letters (publishers
set them inside words on purpose). ZWNJ is never flagged (Persian, Indic scripts, German
ligature control).

Speed: one precompiled character class per block; clean text has no hit.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import TEXT_ROLES, Document, Severity
from ..registry import Context, RuleMeta, bad, good
from .encoding_data import EDGE, char_class, conf, token_bounds

DOC = """\
## What it flags
Invisible characters where they do harm: a zero-width space (U+200B) or word joiner (U+2060)
inside a word, a byte-order mark (U+FEFF) inside the text, a soft hyphen (U+00AD) that does
not stand between two letters, a zero-width joiner inside a Latin, Greek or Cyrillic word,
control characters (a vertical tab from a word processor), bidi overrides (U+202D, U+202E)
anywhere and other bidi controls and marks in text with no right-to-left script. The word that
contains the character is flagged; the suggestion is the word without it.

## Why it matters
The word looks whole but is not: search, spell checking, name matching and machine
translation treat "Ber⟨U+200B⟩lin" as two tokens, and copy-and-paste carries the debris along.
Bidi controls can reorder what readers see. Severity warning: readers rarely notice, but every
tool downstream does.

## Example
"Die Gespräche in Ber⟨U+200B⟩lin dauerten bis Mitternacht." should be "… in Berlin …".

## Fix
Delete the character (the suggestion). Left alone: a zero-width joiner in emoji (👩‍💻),
a zero-width non-joiner in Persian or Hindi, soft hyphens inside words (a publisher's
hyphenation hints), zero-width spaces standing alone between paragraphs, and bidi marks in
text that mixes scripts.
"""


@lru_cache(maxsize=None)
def _tables():
    c = conf()
    policy: dict[str, tuple[str, str, str]] = {}
    for item in c["invisible"]:
        ch = chr(int(item["char"], 16))
        policy[ch] = (item["policy"], item["replace"], item["name"])
    as_space = {chr(int(x, 16)) for x in c["controls"]["as_space"]}
    for a, b in c["controls"]["ranges"]:
        for cp in range(int(a, 16), int(b, 16) + 1):
            ch = chr(cp)
            if ch not in "\t\n\r":
                policy[ch] = ("always", " " if ch in as_space else "",
                              f"control character U+{cp:04X}")
    printable = sorted(f"U+{ord(ch):04X}" for ch in policy if ch.isprintable())
    if printable:  # check() skips printable blocks (str.isprintable) without a search
        raise ValueError(f"encoding.toml: printable characters among the invisible ones: {printable}")
    hits = re.compile("[" + "".join(re.escape(ch) for ch in sorted(policy)) + "]+")
    rtl = re.compile("[" + char_class(c["rtl"]["ranges"]) + "]")
    return policy, hits, rtl


def _small_script_letter(ch: str) -> bool:
    """A letter of Latin, Greek or Cyrillic script (where ZWJ has no job)."""
    cp = ord(ch)
    return ch.isalpha() and (cp < 0x0530 or 0x1D00 <= cp < 0x2000)


def _flagged(policy: str, before: str, after: str, has_rtl: bool) -> bool:
    if policy == "always":
        return True
    if policy == "in_word":
        return before.isalnum() and after.isalnum()
    if policy == "misplaced":
        return not (before.isalpha() and after.isalpha())
    if policy == "ltr_only":
        return not has_rtl
    if policy == "latin_word":
        return _small_script_letter(before) and _small_script_letter(after)
    return False


def _show(ch: str) -> str:
    return f"U+{ord(ch):04X}"


class InvisibleCharacter:
    meta = RuleMeta(
        code="TQ904",
        name="invisible-character",
        family="encoding",
        severity=Severity.WARNING,
        summary="Zero-width, bidi, control or misplaced soft-hyphen character inside the text",
        doc=DOC,
        roles=TEXT_ROLES,
        examples=(
            bad("Die Gespräche in [[Ber\u200blin]] dauerten bis Mitternacht.", fix="Berlin",
                lang="de"),
            bad("The [[minister\ufeff]] resigned on Friday.", fix="minister"),
            bad("The vote in [[Par\u200dliament]] was close.", fix="Parliament"),
            bad("Der Bundestag stimmte am [[Donnerstag\u00ad]] ab.", fix="Donnerstag", lang="de"),
            bad("The file was named [[\u202eexe.txt]] by the attackers.", fix="exe.txt"),
            bad("The mayor [[said\u000bThursday]] was the deadline.", fix="said Thursday"),
            good("Laut Gesetz soll der Not\u00adfall\u00addaten\u00adsatz kommen.", lang="de"),
            good("Congrats to the team 👩\u200d💻🏳️\u200d🌈 on the launch."),
            good("The Persian word \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 means 'I want'."),
            good("\u200b"),
            good("Read more on Instagram.\u2060\u2060"),
            good("\u05e9\u05dc\u05d5\u05dd \u200fworld\u200e \u05e2\u05d5\u05dc\u05dd"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        policy, hits, rtl = _tables()
        for block in ctx.blocks(doc):
            text = block.text
            if text.isprintable():  # no invisible character (none is printable): no search
                continue
            m = hits.search(text)
            if m is None:
                continue
            has_rtl = rtl.search(text) is not None
            done = -1
            while m is not None:
                s, e = m.start(), m.end()
                before = text[s - 1] if s > 0 else " "
                after = text[e] if e < len(text) else " "
                bad_chars = [ch for ch in m.group()
                             if _flagged(policy[ch][0], before, after, has_rtl)]
                if bad_chars and s >= done:
                    done = self._report(block, text, s, e, policy, has_rtl, hits, ctx)
                m = hits.search(text, e)

    def _report(self, block, text, s, e, policy, has_rtl, hits, ctx) -> int:
        """Report the word around text[s:e]; return where the word ends."""
        # the word: letters and the invisible run, as far as the next (ASCII) whitespace;
        # a control that stands for a space joins two words, which are shown together
        ws, we = token_bounds(text, s, e)
        if ws == s and we == e:  # alone between spaces: flag just the run
            word_s, word_e = s, e
        else:
            word_s, word_e = ws, we
            while word_s < s and text[word_s] in EDGE:
                word_s += 1
            while word_e > e and text[word_e - 1] in EDGE:
                word_e -= 1
        out, names = [], []
        for i in range(word_s, word_e):
            ch = text[i]
            if ch in policy:
                j = i
                while j < len(text) and text[j] in policy:
                    j += 1
                a = text[j] if j < len(text) else " "
                k = i
                while k > 0 and text[k - 1] in policy:
                    k -= 1
                b = text[k - 1] if k > 0 else " "
                if _flagged(policy[ch][0], b, a, has_rtl):
                    out.append(policy[ch][1])
                    name = f"{policy[ch][2].lower()} ({_show(ch)})"
                    if name not in names:
                        names.append(name)
                    continue
            out.append(ch)
        fixed = "".join(out)
        shown = "".join(f"⟨{_show(ch)}⟩" if ch in policy else ch for ch in text[word_s:word_e])
        ctx.report(block, word_s, word_e,
                   f"invisible {', '.join(names)} in '{shown}'",
                   fixed if fixed.strip() else None)
        return word_e
