"""TQ901 mojibake: UTF-8 text read as Windows-1252, Latin-1 or Windows-1250 ("MÃ¼nchen",
"â€œ", "â€ž"), also twice ("GrÃƒÂ¼ÃƒÅ¸e").

Speed: one precompiled regex per block finds a character of a UTF-8 lead byte directly
followed by one of a continuation byte (as the code pages show them), a lone C1 control, or
"Ã"/"Â" before a space (a lost no-break space). Clean English text has no hit at all; German
and French text hit only on accented letters before a typographic mark ("André’s"), and those
tokens go to ftfy once each (cached), which declines them. Only the damaged token is flagged,
with ftfy's repair (curly quotes kept, nothing but the encoding touched) as the suggestion.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ftfy
from ftfy import TextFixerConfig

from ..model import TEXT_ROLES, Document, Severity
from ..registry import Context, RuleMeta, bad, good
from .encoding_data import conf, looks_like_url, token_bounds, trim

DOC = """\
## What it flags
Mojibake: a word or run of characters that is UTF-8 read in the wrong encoding, usually
Windows-1252 or Latin-1 ("MÃ¼nchen" for München, "â€œ" and "â€" for “ and ”, "â€ž" for „,
"Ã©" for é, "Å‚" for ł), also text that went through that twice ("GrÃƒÂ¼ÃƒÅ¸e"), a
lost no-break space ("voilÃ le") and lone C1 control characters (Windows-1252 text read as
Latin-1). The suggestion is the repaired text (ftfy), with curly quotes kept.

## Why it matters
Every reader sees the garbage, in names and quotation marks above all, and search engines
index words that do not exist. It means a step of the feed (export, CMS import, translation
tool) decoded the bytes with the wrong code page, so the whole article, and often the whole
feed, is affected. Severity error: the repair is certain (the bytes are all still there) and
the text cannot be published as it is.

## Example
"Die Polizei in MÃ¼nchen sprach von einem â€žschweren Unfallâ€œ." should read "Die Polizei
in München sprach von einem „schweren Unfall“."

## Fix
Re-import the article with the right encoding (UTF-8), or apply the suggested repair. Accented
names and typography (Kraków’s, «Café», Spaß…, Øresund) are left alone.
"""

_CONFIG = TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
    replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
    fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False,
    fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False, normalization=None,
    explain=True)

_NAMES = {"latin-1": "Latin-1 (Windows-1252)", "sloppy-windows-1252": "Windows-1252",
          "sloppy-windows-1250": "Windows-1250", "sloppy-windows-1251": "Windows-1251",
          "iso-8859-2": "ISO-8859-2", "macroman": "Mac Roman", "cp437": "CP437"}


@lru_cache(maxsize=None)
def _tables():
    c = conf()["mojibake"]
    leads: set[str] = set()
    conts: set[str] = {chr(b) for b in range(0x80, 0xA0)}  # Latin-1: C1 controls
    enc: dict[str, list[dict[str, int]]] = {}
    for cp in c["code_pages"]:
        table: dict[str, int] = {}
        for b in range(0x80, 0x100):
            try:
                ch = bytes([b]).decode(cp)
            except UnicodeDecodeError:
                continue
            table[ch] = b
            if 0x80 <= b < 0xC0:
                conts.add(ch)
            elif 0xC2 <= b <= 0xF4:
                leads.add(ch)
        enc[cp] = table
    lead_cls = "".join(sorted(map(re.escape, leads)))
    cont_cls = "".join(sorted(map(re.escape, conts)))
    nbsp = re.escape(c["nbsp_leads"]["chars"])
    # charset-led, so re skips clean text at C speed: a lead followed by a continuation, a
    # lone C1 control, or "Ã"/"Â" after a lowercase letter or digit and before a space
    candidate = re.compile(
        f"[{lead_cls}\x80-\x9f](?:(?<=[\x80-\x9f])|(?=[{cont_cls}])"
        f"|(?<=[a-z0-9][{nbsp}])(?= ))")
    run = re.compile(f"(?:[{lead_cls}][{cont_cls}]+)+")
    sure = [(int(a, 16), int(b, 16)) for a, b in c["sure_ranges"]]
    lossy = [(re.compile(re.escape(k) + f"(?![{cont_cls}])"), v) for k, v in c["lossy"].items()]
    return candidate, run, enc, sure, lossy, frozenset(leads | conts)


def _sure_decode(run: str, enc: dict[str, dict[str, int]], sure) -> str | None:
    """The run as UTF-8 bytes in one of the code pages, when every character it gives is a
    three-byte one in the sure ranges (™, €, “)."""
    for table in enc.values():
        try:
            raw = bytes(table[ch] if ch in table else ord(ch) for ch in run)
        except ValueError:
            continue
        if any(b > 0xFF for b in raw):
            continue
        try:
            out = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if out and all(any(a <= ord(ch) <= b for a, b in sure) for ch in out) and \
                len(raw) == 3 * len(out):
            return out
    return None


@lru_cache(maxsize=20_000)
def repair(token: str, nbsp: bool = False) -> tuple[str, str]:
    """(repaired token, the code page it was read in) — the token itself when it is fine."""
    _, run_re, enc, sure, lossy, _glue = _tables()
    if nbsp:
        fixed, steps = ftfy.fix_encoding_and_explain(token + "\xa0", _CONFIG)
        fixed = fixed.rstrip("\xa0")
        if fixed == token:
            return token, ""
    else:
        fixed, steps = ftfy.fix_encoding_and_explain(token, _CONFIG)
    pages = [_NAMES.get(arg, arg) for op, arg in steps or () if op == "encode"]
    for pattern, repl in lossy:
        new = pattern.sub(repl, fixed)
        if new != fixed:
            fixed = new
            pages = pages or ["Windows-1252"]
    out, last = [], 0
    for m in run_re.finditer(fixed):
        decoded = _sure_decode(m.group(), enc, sure)
        if decoded is not None:
            out.append(fixed[last:m.start()] + decoded)
            last = m.end()
            pages = pages or ["Windows-1252"]
    if out:
        fixed = "".join(out) + fixed[last:]
    if len(pages) > 1 and len(set(pages)) == 1:
        how = f"{pages[0]}, twice"
    else:
        how = " then ".join(dict.fromkeys(pages)) or "the wrong code page"
    return fixed, how


class Mojibake:
    meta = RuleMeta(
        code="TQ901",
        name="mojibake",
        family="encoding",
        severity=Severity.ERROR,
        summary="UTF-8 text read in the wrong encoding (MÃ¼nchen, â€œ, â€ž)",
        doc=DOC,
        roles=TEXT_ROLES,
        examples=(
            bad("Die Polizei in [[MÃ¼nchen]] sprach von einem Unfall.", fix="München", lang="de"),
            bad("Er sprach von einem [[â€žschweren]] Unfall.", fix="„schweren", lang="de"),
            bad("The mayor called it [[â€œunacceptableâ€\x9d]] on Monday.",
                fix="“unacceptable”"),
            bad("The mayor called it [[â€œunacceptableâ€]] on Monday.", fix="“unacceptable”"),
            bad("The minister flew from [[KrakÃ³w]] to [[WrocÅ‚aw]] and [[GdaÅ„sk]]."),
            bad("Herzliche [[GrÃƒÂ¼ÃƒÅ¸e]] aus Berlin.", fix="Grüße", lang="de"),
            bad("Il a dit qu’il [[Ã©tait]] prêt.", fix="était", lang="fr"),
            bad("The [[Ã‰lysÃ©e]] said the talks would continue.", fix="Élysée"),
            bad("Prices rose by 5 [[â‚¬]] a month.", fix="€"),
            good("André’s café in Kraków, «Spaß» and „groß“ in Zürich–Genf, Øresund, Ñuñoa."),
            good("« C’est l’été\u00a0», a-t-il dit. Brontë’s novels, Đoković’s serve.", lang="fr"),
            good("„Das war groß“, sagte der Bürgermeister. Spaß… und Grüße.", lang="de"),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> None:
        candidate, glue = _tables()[0], _tables()[5]
        for block in ctx.blocks(doc):
            text = block.text
            if text.isascii():  # every lead and continuation is non-ASCII (an O(1) test)
                continue
            done = 0
            for m in candidate.finditer(text):
                if m.start() < done:
                    continue
                s, e = token_bounds(text, m.start(), m.end())
                done = e
                nbsp = text[m.start()] in "ÂÃ" and text[m.end():m.end() + 1] == " " and \
                    m.end() == e
                s, e = trim(text, s, e, (m.start(), m.end() + 1), glue)
                token = text[s:e]
                if looks_like_url(token):
                    continue
                fixed, how = repair(token, nbsp)
                if fixed == token:
                    continue
                ctx.report(block, s, e, f"mojibake: '{token}' is UTF-8 read as {how}; it should "
                           f"read '{fixed}'", fixed)
