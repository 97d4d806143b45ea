"""TQ401 glued-words: two words run together, or a token that is no word of the text's language.

Three kinds of evidence, cheapest first:

* a lowercase letter directly followed by a capital inside a token (``presidentThe``), unless the
  token is a known word or brand (iPhone, YouTube, BioNTech), a name with a Mc/Mac/De prefix,
  or German Binnen-I (LehrerInnen);
* a sentence stop followed by a capital with no space (``said.The``, ``Estado.El``), unless the
  word before the stop is an abbreviation or the word after it is a domain or file suffix. In
  English the word after the stop must start sentences (gdb.Value, decimal.Decimal are program
  names) or be a proper name of the article: rare, used elsewhere in mid-sentence and never in
  lowercase, after a sentence of prose (``against Ukraine.Vorontsov replied``);
* (English only) a token that no major language knows but that splits into a function word and
  a frequent word (``Creamfor`` = cream + for), or into a frequent word and a reporting verb
  (``operatorsaid``: English builds no compound ending in "said"). German compounds are words;
  that check never runs on German text.

Speed: one charset-led regex finds every case transition and missing space in the joined text
of the article; for the dictionary check a set difference against the vocabulary leaves the
few unknown tokens, and only those are looked at in Python.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import lru_cache

from .. import data
from ..model import TEXT_ROLES, Block, Document, Severity
from ..registry import Context, RuleMeta, bad, good

DOC = """\
## What it flags
Tokens that are two words run together: a lowercase letter followed by a capital inside a word
(`presidentThe`), a full stop with no space before the next sentence (`said.The`), and in English
text a token that is no word at all but splits into a frequent word and a function word
(`Creamfor`, from "Crimea, for") or a word and a reporting verb (`operatorsaid`). After a stop
with no space an English sentence must start with a word that starts sentences (`said.The`) or
with a name the article uses elsewhere (`against Ukraine.Vorontsov replied`).

## Why it matters
Machine translation and copy-and-paste lose spaces and punctuation at sentence and segment
boundaries. Readers stumble over the token, search engines index a word that does not exist, and
often a word next to it was garbled too.

## Example
"Ukraine may have to give up part of its territory, such as the Creamfor which peace must be
given up" (the original said "such as Crimea, for which"). "…said the presidentThe talks…"

## Fix
Put the space (and the full stop) back, and check the neighbouring words against the original.
Long German compounds, brands (iPhone, YouTube), names, URLs, hashtags and abbreviations are
left alone.
"""

LOWER = "a-zß-öø-ÿ"
UPPER = "A-ZÀ-ÖØ-Þ"
# Charset-led so re scans fast: an uppercase letter preceded by a lowercase one (case transition)
# or by two lowercase letters and a sentence stop (missing space), and followed by a lowercase one.
HINT_RE = re.compile(
    f"[{UPPER}](?:(?<=[{LOWER}][{UPPER}])|(?<=[{LOWER}]{{2}}[.!?][{UPPER}])(?=[{LOWER}]))")
# the token around a hit: everything up to whitespace
TOKEN_CHARS = re.compile(r"\S+")
EDGE_PUNCT = "\"'“”„‘’‚«»‹›()[]{}<>,;:!?.…–—-*/|"
CAMEL_RE = re.compile(f"([{UPPER}]?[{LOWER}]+)([{UPPER}][{LOWER}]+)")
STOP_RE = re.compile(f"([{UPPER}{LOWER}]*[{LOWER}]{{2}})([.!?])([{UPPER}][{LOWER}]+)")
URLISH_RE = re.compile(r"://|^www\.|@|^#|\.[a-z]{2,6}(?:/|$)")
CODEISH = frozenset("'’-_`=<>{}[]\\|~^$%&*+")
LETTER_TOKEN_RE = re.compile(r"[^\W\d_]+")
_LANG_WORD = {"en": "an English word", "de": "a German word", "fr": "a French word",
              "es": "a Spanish word"}


@lru_cache(maxsize=None)
def _conf() -> dict:
    return data.toml("glue.toml")


@lru_cache(maxsize=None)
def _freq(lang: str) -> dict[str, float]:
    import wordfreq

    try:
        return wordfreq.get_frequency_dict(lang, "best")  # the dict wordfreq itself caches
    except (LookupError, ValueError):
        return {}


def zipf(word: str, lang: str) -> float:
    f = _freq(lang).get(word)
    return math.log10(f) + 9 if f else 0.0


@lru_cache(maxsize=None)
def _vocab(lang: str) -> frozenset[str]:
    """The language's words for the quick set difference, minus run-together function words.

    wordfreq counts typos such as "inthe" or "ofthe" (Zipf 2-3.3); those are glue, so they are
    taken out of the vocabulary.
    """
    conf = _conf()
    words = set(_freq(lang))
    cap = conf["thresholds"]["function_pair_max_zipf"]
    for a, b in _pairs(lang):
        w = a + b
        if w in words and zipf(w, lang) < cap:
            words.discard(w)
    return frozenset(words)


@lru_cache(maxsize=None)
def _pairs(lang: str) -> frozenset[tuple[str, str]]:
    table = _conf()["pairs"].get(lang, {})
    return frozenset((a, b) for b, firsts in table.items() for a in firsts)


def _known_elsewhere(word: str) -> bool:
    return any(word in _freq(lang) for lang in _conf()["other_langs"])


def _strip(tok: str) -> tuple[str, int]:
    """The token without surrounding punctuation, and the offset of its start."""
    core = tok.strip(EDGE_PUNCT)
    return core, tok.find(core) if core else 0


class GluedWords:
    meta = RuleMeta(
        code="TQ401",
        name="glued-words",
        family="glued_word",
        severity=Severity.WARNING,
        summary="Two words run together (presidentThe, said.The, Creamfor)",
        doc=DOC,
        roles=TEXT_ROLES,
        examples=(
            bad("Trump has privately noted that Ukraine may have to give up part of its territory, "
                "such as the [[Creamfor]] which peace must be given up."),
            bad("The talks ended late, the [[presidentThe]] next round is planned for May.",
                fix="president. The"),
            bad("Nothing was agreed, a spokesman [[said.The]] talks will go on.", fix="said. The"),
            bad("Officials met [[inthe]] capital on Monday.", fix="in the"),
            bad("Die Gespräche seien schwierig gewesen, [[sagteDer]] Minister am Montag.",
                fix="sagte. Der", lang="de"),
            bad("Das Treffen fand in Berlin statt, wie das Ministerium [[mitteilte.Die]] "
                "Opposition kritisierte das.", fix="mitteilte. Die", lang="de"),
            good("Trump spoke with Zelensky, Skowronski and Markarova in Belgorod and Zarubin "
                 "confirmed it on YouTube, LinkedIn, TikTok and PayPal."),
            good("The report on washingtonpost.com and Example.com was shared via iPhone, eBay and "
                 "McDonald’s apps; see www.example.org/News.Today or mail press@example.com."),
            good("NGOs and MPs said COVID-19, 5G and 10km limits in the U.S. matter, e.g. for "
                 "BioNTech and OpenAI; Prof.Smith agreed. #BlackLivesMatter @NewYorkTimes"),
            good("Das Bundesverfassungsgericht prüft die Energiewende, Gleitbomben und den "
                 "Drohnenangriff; LehrerInnen und SchülerInnen protestierten.", lang="de"),
            good("Die BahnCard und die ZDFneo-Sendung kosten laut Prof.Müller 3,5 Mio. Euro, "
                 "z.B. am 3.Oktober.", lang="de"),
            good("The state-owned company hired DeSantis, MacArthur and LaGuardia veterans as "
                 "Bundestag, Bundeswehr and Zeitenwende debates continued in the Landtag."),
            bad("The repairs could take weeks, the [[managersaid]].", fix="manager said"),
            bad("One delegate asked for more help for [[Moldova.Kowalczyk]] replied that the "
                "party had done enough.\nThe party of Kowalczyk won the vote.",
                fix="Moldova. Kowalczyk"),
            good("Call math.Sqrt or json.Unmarshal, subclass Gtk.Window or decimal.Decimal, or "
                 "write to Florian.Weimer at example.org.\nThe Window class and Florian Weimer "
                 "wrote the Decimal type; a window opens."),
            good("The soothsayers had long foretold it, unsaid and aforesaid, the naysayers "
                 "said; versionadded and setdefault are program names."),
        ),
    )

    def __init__(self) -> None:
        conf = _conf()
        th = conf["thresholds"]
        self.dictionary_langs = frozenset(conf["dictionary_langs"])
        self.content_min_zipf = th["content_min_zipf"]
        self.content_min_len = th["content_min_len"]
        self.func_min_len = th["function_min_len"]
        self.suffixes_inflect = tuple((s, r) for s, r in conf["derivation"]["suffixes"])
        self.prefixes = tuple(conf["derivation"]["prefixes"])
        self.camel_part_min_zipf = th["camel_part_min_zipf"]
        self.function_words = {lang: frozenset(ws) for lang, ws in conf["function_words"].items()
                               if lang != "capitalised"}
        self.cap_function_words = frozenset(conf["function_words"]["capitalised"])
        self.starters = {lang: frozenset(ws) for lang, ws in conf["starters"].items()}
        self.strong = {lang: frozenset(ws) for lang, ws in conf["strong_starters"].items()}
        self.all_strong = frozenset().union(*self.strong.values())
        self.brands = frozenset(b.lower() for b in conf["camel"]["brands"])
        self.name_prefix_max_len = conf["camel"]["name_prefix_max_len"]
        self.camel_prefixes = {lang: frozenset(ws)
                               for lang, ws in conf["camel"]["prefixes"].items()}
        self.abbreviations = frozenset(conf["stops"]["abbreviations"])
        self.suffixes = frozenset(conf["stops"]["suffixes"])
        self.stop_needs_starter = frozenset(conf["stops"]["needs_starter"])
        self.stop_name = conf["stops"]["name_after_stop"]
        verb_glue = conf["verb_glue"]
        self.glue_verbs = {lang: frozenset(ws) for lang, ws in verb_glue["verbs"].items()}
        self.verb_first_min_zipf = verb_glue["first_min_zipf"]
        self.verb_first_min_len = verb_glue["first_min_len"]
        self.verb_glue_words = frozenset(verb_glue["words"])
        self._verdicts: dict[tuple[str, str], tuple[str, str, bool] | None] = {}
        # The word lists this rule may consult load once, here, not in the middle of a run
        # (each takes up to 0.3 s) and before worker processes fork, so they share them.
        for lang in ("en", *conf["other_langs"]):
            _freq(lang)
        for lang in self.dictionary_langs:
            _vocab(lang)

    # ------------------------------------------------------------------ check
    def check(self, doc: Document, ctx: Context) -> None:
        blocks = list(ctx.blocks(doc))
        if not blocks:
            return
        # one joined text, so each regex runs once per article; offsets map back to blocks
        joined = "\n".join(b.text for b in blocks)
        starts = []
        pos = 0
        for b in blocks:
            starts.append(pos)
            pos += len(b.text) + 1
        for m in HINT_RE.finditer(joined):
            i = bisect_right(starts, m.start()) - 1
            self._hint(blocks[i], m.start() - starts[i], doc.lang, ctx, joined)
        if doc.lang in self.dictionary_langs:
            self._dictionary(blocks, joined, starts, doc.lang, ctx)

    # ------------------------------------------------------- case transitions
    def _hint(self, block: Block, pos: int, doc_lang: str, ctx: Context, joined: str) -> None:
        text = block.text
        start = pos
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        tm = TOKEN_CHARS.match(text, start)
        token = tm.group()
        if URLISH_RE.search(token.rstrip(EDGE_PUNCT)):
            return
        core, off = _strip(token)
        if not core or any(c in CODEISH for c in core) or any(c.isdigit() for c in core):
            return  # apostrophes, hyphens, digits, code
        if token[off + len(core):off + len(core) + 1] == "(":
            return  # a function name: fgError()
        base = start + off
        lang = block.lang or doc_lang
        # the hit may sit in one part of a slash-joined token ("Skowronski/Imago")
        for part_m in re.finditer(r"[^/]+", core):
            part = part_m.group()
            pstart = base + part_m.start()
            if not (pstart <= pos < pstart + len(part)):
                continue
            cm = CAMEL_RE.fullmatch(part)
            if cm:
                self._camel(block, pstart, cm, lang, ctx)
                return
            sm = STOP_RE.fullmatch(part)
            if sm:
                # nothing round it but a comma or semicolon: no quote, bracket or backtick
                bare = token.rstrip(",;:") == core
                self._stop(block, pstart, sm, lang, ctx, joined if bare else None)
            return

    def _known(self, word: str, lang: str) -> bool:
        w = word.lower()
        return w in _freq(lang) or w in _freq("en") or _known_elsewhere(w)

    def _camel(self, block: Block, pstart: int, m: re.Match, lang: str, ctx: Context) -> None:
        token, a, b = m.group(), m.group(1), m.group(2)
        if token.lower() in self.brands or self._known(token, lang):
            return
        b_low = b.lower()
        if a[0].isupper():
            # BlackRock, DeepSeek, PressSplit: a capitalised first half is a name or brand unless
            # the second half is a word that starts sentences (PutinThe, BerlinDie).
            if len(a) <= self.name_prefix_max_len:
                return
            if b_low not in self.strong.get(lang, self.all_strong):
                return
            if lang == "de" and b_low in ("in", "innen"):
                return  # Binnen-I: LehrerIn, BürgerInnen
            suggestion = f"{a}. {b}"
            message = (f"'{token}': two sentences run together ('{a}' + '{b}'); a space and "
                       f"probably a full stop are missing")
        else:
            # presidentThe, sagteDer, inKyiv: the lowercase half must be a word of the language
            if len(a) < 2:
                return  # iPhone, eBay, ePaper
            if lang == "de" and b_low in ("in", "innen"):
                return
            # Program identifiers (processFile, getPosition) look the same, so ask for more:
            # either the second half starts sentences (presidentThe, sagteDer) or the first is
            # an article or preposition glued to the next word (inKyiv, derBundestag).
            if b_low in self.strong.get(lang, self.all_strong) and \
                    zipf(a, lang) >= self.camel_part_min_zipf:
                suggestion = f"{a}. {b}"
                message = (f"'{token}': '{a}' and '{b}' run together; a space and probably a "
                           f"full stop are missing")
            elif a in self.camel_prefixes.get(lang, ()) and (
                    zipf(b_low, lang) >= self.camel_part_min_zipf or not self._known(b, lang)):
                suggestion = f"{a} {b}"
                message = f"'{token}': '{a}' and '{b}' run together without a space"
            else:
                return
        ctx.report(block, pstart, pstart + len(token), message, suggestion)

    def _stop(self, block: Block, pstart: int, m: re.Match, lang: str, ctx: Context,
              joined: str | None) -> None:
        token, a, stop, b = m.group(), m.group(1), m.group(2), m.group(3)
        if a.lower() in self.abbreviations or b.lower() in self.suffixes:
            return
        if any(c.isupper() for c in a[1:]):
            return  # GLib.Socket, GObject.Object: a qualified program name
        if lang in self.stop_needs_starter and b.lower() not in self.starters.get(lang, ()):
            # English capitalises few words mid-text; gdb.Value, decimal.Decimal. A name the
            # article uses elsewhere still starts a sentence ("Ukraine.Vorontsov replied").
            if joined is None or not self._name_after_stop(block, pstart, a, stop, b, lang,
                                                           joined):
                return
        if stop == "." and len(a) <= 3 and a.lower() not in _freq(lang) and \
                a.lower() not in _freq("en"):
            return  # a short unknown abbreviation ("ggü.", "Abt."), not a word ("Uhr.Die")
        ctx.report(block, pstart, pstart + len(token),
                   f"'{token}': no space after '{stop}' between two sentences",
                   f"{a}{stop} {b}")

    def _name_after_stop(self, block: Block, pstart: int, a: str, stop: str, b: str,
                         lang: str, joined: str) -> bool:
        """Evidence that "against Ukraine.Vorontsov replied" is two sentences of prose, not a
        program name (gdb.Value, Gtk.Window, decimal.Decimal) or a name in a mail address
        (Florian.Weimer at ...). All of:

        * the right part is a proper name of this article: a rare word (surnames, not the
          common words that name classes and modules: Window, Settings, Module), found
          elsewhere in the article capitalised in mid-sentence (after a word or a comma) and
          never in lowercase;
        * the left part is a word or a place wordfreq knows, not the same word as the right part,
          and the article never writes the two as one name ("Florian Weimer");
        * a sentence of prose ends in the left part: several words before it in the block, the
          one right before it a lowercase word ("against Ukraine"); and the token stands alone
          between spaces (no quotes, brackets or backticks round it).
        """
        conf = self.stop_name
        if stop != "." or len(b) < conf["min_len"] or len(a) < conf["min_len"]:
            return False
        if a.lower() == b.lower() or zipf(b.lower(), "en") >= conf["right_max_zipf"] or \
                max(zipf(a.lower(), lang), zipf(a.lower(), "en")) < conf["left_min_zipf"]:
            return False
        before = block.text[:pstart].split()
        n = conf["min_words_before"]
        if len(before) < n or any(w[-1:] in ".!?:;" for w in before[-n:]):
            return False  # the sentence ending in the left part has too few words
        if not (before[-1].isalpha() and before[-1].islower()):
            return False  # "Florian Weimer Florian.Weimer", "the list in (Gtk.Window"
        if f"{a} {b}" in joined:
            return False  # one name written both ways: a mail address or a user name
        if re.search(r"(?<![\w.])%s\b" % re.escape(b.lower()), joined) is not None:
            return False  # the word also stands in lowercase: a common word, not a name
        mid = re.compile(r"(?<=[%s%s,] )%s\b(?![.\w(@]|\.\w)" % (LOWER, UPPER, re.escape(b)))
        return mid.search(joined) is not None

    # ------------------------------------------------------------- dictionary
    def _dictionary(self, blocks: list[Block], joined: str, starts: list[int], lang: str,
                    ctx: Context) -> None:
        vocab = _vocab(lang)
        lowered = _lower_same_length(joined)
        residue = set(lowered.split()) - vocab
        if not residue:
            return
        verdicts = {}
        for tok in residue:
            if len(tok) < 5:
                continue
            core = tok.strip(EDGE_PUNCT)
            if len(core) < 5 or core in vocab or not core.isalpha():
                continue  # punctuation attached to a known word; digits, hyphens, apostrophes
            split = self._verdict(core, lang, vocab)
            if split:
                verdicts[core] = split
        if not verdicts:
            return
        pattern = re.compile("|".join(sorted(map(re.escape, verdicts), key=len, reverse=True)))
        for m in pattern.finditer(lowered):
            s, e = m.start(), m.end()
            if (s > 0 and lowered[s - 1].isalpha()) or (e < len(lowered) and lowered[e].isalpha()):
                continue
            i = bisect_right(starts, s) - 1
            block = blocks[i]
            if block.lang is not None and block.lang not in self.dictionary_langs:
                continue
            bs, be = s - starts[i], e - starts[i]
            if not self._isolated(block.text, bs, be):
                continue
            self._report_split(block, bs, be, verdicts[m.group()], lang, ctx)

    def _verdict(self, core: str, lang: str, vocab: frozenset[str]):
        """The split of an unknown token, or None when it is a word after all (cached)."""
        key = (core, lang)
        if key in self._verdicts:
            return self._verdicts[key]
        if self._derived(core, vocab) or _known_elsewhere(core):
            split = None
        else:
            split = self._split(core, lang)
        if len(self._verdicts) > 50_000:
            self._verdicts.clear()
        self._verdicts[key] = split
        return split

    def _derived(self, word: str, vocab: frozenset[str]) -> bool:
        """A known word with an inflection or a prefix: willpowers, notabilities, reedits."""
        for suffix, repl in self.suffixes_inflect:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4 and \
                    word[:len(word) - len(suffix)] + repl in vocab:
                return True
        for prefix in self.prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= 4 and \
                    word[len(prefix):] in vocab:
                return True
        return False

    def _isolated(self, text: str, start: int, end: int) -> bool:
        """The word is a token of its own, not part of a URL, handle, hashtag, number, compound."""
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        if before in "@#/.'’-_" or before.isdigit():
            return False
        if after in "/'’-_@([" or after.isdigit():
            return False
        if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
            return False  # domain: Washingtonpost.com
        return True

    def _split(self, word: str, lang: str) -> tuple[str, str, bool] | None:
        """The best split of an unknown lowercase token into function word + frequent word.

        Returns (first, second, capitalised_ok): capitalised_ok says whether the split also holds
        for a capitalised token (function word of 3+ letters at the end: Creamfor).
        """
        func = self.function_words.get(lang, frozenset())
        pairs = _pairs(lang)
        best = None
        for i in range(2, len(word) - 1):
            a, b = word[:i], word[i:]
            fa, fb = a in func, b in func
            if (a, b) in pairs:
                score = 10.0
                cap_ok = False
            elif fa and fb:
                continue
            elif fb and len(b) >= self.func_min_len and self._content(a, lang):
                score = zipf(a, lang)
                cap_ok = b in self.cap_function_words
            elif fa and len(a) >= self.func_min_len and self._content(b, lang):
                score = zipf(b, lang)
                cap_ok = False
            else:
                continue
            if best is None or score > best[0]:
                best = (score, a, b, cap_ok)
        if best is None:
            return self._verb_split(word, lang, func)
        return best[1], best[2], best[3]

    def _verb_split(self, word: str, lang: str, func: frozenset[str]):
        """A frequent word + a reporting verb (operatorsaid = operator + said): English builds
        no compounds that end in a finite verb form, so an unknown token of that shape is two
        words run together. Only one such split may exist."""
        verbs = self.glue_verbs.get(lang)
        if not verbs or word in self.verb_glue_words:
            return None
        found = []
        for v in verbs:
            if word.endswith(v):
                a = word[:-len(v)]
                if len(a) >= self.verb_first_min_len and a.isalpha() and a not in func and \
                        zipf(a, lang) >= self.verb_first_min_zipf:
                    found.append((a, v, False))
        return found[0] if len(found) == 1 else None

    def _content(self, part: str, lang: str) -> bool:
        return len(part) >= self.content_min_len and zipf(part, lang) >= self.content_min_zipf

    def _report_split(self, block: Block, start: int, end: int, split: tuple[str, str, bool],
                      lang: str, ctx: Context) -> None:
        word = block.text[start:end]
        a, b, cap_ok = split
        what = _LANG_WORD.get(lang, "a word of the text's language")
        if word[0].isupper():
            if not word[1:].islower() or not cap_ok:
                return
            # A capitalised token mid-sentence is most likely a garbled name ("Crimea, for"):
            # say what it splits into but do not guess the fix.
            suggestion = None
            message = (f"'{word}' is not {what}; it looks like '{word[:len(a)]}' and '{b}' run "
                       f"together (maybe a garbled name)")
        else:
            if not word.islower():
                return
            suggestion = f"{a} {b}"
            message = f"'{word}' is not {what}; it looks like '{a}' and '{b}' run together"
        ctx.report(block, start, end, message, suggestion)


def _lower_same_length(text: str) -> str:
    """text.lower(), except where lowering changes a character's length ("İ" becomes two):
    that character stays as it is, so positions in the result are positions in the text."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # each character lowered on its own (no final-sigma context), through one translate table
    return text.translate({ord(ch): lc if len(lc := ch.lower()) == 1 else ch for ch in set(text)})
