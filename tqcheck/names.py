"""Shared knowledge for the name_variant rules (TQ201 foreign-transliteration, TQ202
inconsistent-name-spelling): the name table, transliteration rewriting, the skeleton key, and
one scan of an article's capitalised words that both rules reuse.

Evidence, from strongest to weakest (the "Names" lessons of the project's reference pitfalls):

1. the known-names table (data/names.tsv): a full name ("Wolodymyr Selenskyj") or a surname /
   single-word place ("Lawrow", "Kiew") in the other language's spelling;
2. the article itself: it writes the counterpart elsewhere;
3. wordfreq: the rule-made counterpart is a real, clearly more frequent word of the text's
   language while the word itself is rare there (with a typical surname ending such as -ow,
   -yj, -sky), or -- the cross-over, for English forms in German text -- the word is unknown
   to German wordfreq, has letters only English transliteration writes (kh, zh, -iy-, ya/yu)
   and a typical ending (-sk, -in, -enko), and its rewrite is a rare German word that English
   does not use (Novorossiysk / Noworossijsk).

A word is never flagged for merely looking German (Merkel, Scholz, Schaffer, Wagner): the rule
path needs a transliteration marker, a rewrite to a counterpart, and confirmation.

TQ202 groups spellings of one entity (table, accents, skeleton keys) and leaves the spans TQ201
flags to TQ201, so one wrong spelling gets one finding.

Speed: everything per word is cached across articles (module-level dicts); an article costs one
regex pass per block, a dict look-up per distinct capitalised word (in C where it can: map,
filter, compress), and positions and runs only for the candidate words of the blocks that hold
one. The scan and TQ201's hits are kept for the last article, so TQ201, TQ202 and TQ204 share
them.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from bisect import bisect_left
from functools import lru_cache
from itertools import chain, compress, filterfalse, product
from operator import itemgetter, not_

from . import data
from .model import Block, Document

LANGS = ("en", "de")
OTHER = {"en": "de", "de": "en"}
LANG_NAME = {"en": "English", "de": "German"}
MAX_VARIANTS = 64
MIN_WORDFREQ_FIX = 5  # letters of a counterpart that wordfreq alone may confirm
CROSS_MAX_OWN = 1.0  # zipf: a word at most this common in the text's language ...
CROSS_MIN_FIX, CROSS_MAX_FIX = 1.0, 3.0  # ... whose counterpart is a rare word there (a name,
#   not Schrank, Junge or Schrader for English Shrank, Younge, Shrader) ...
CROSS_MARGIN = 0.5  # ... and this much more common there than in the source language

# --------------------------------------------------------------------------- word frequencies

_FREQ: dict[str, dict[str, float]] = {}
_ZIPF: dict[tuple[str, str], float] = {}


def _freqs(lang: str) -> dict[str, float]:
    d = _FREQ.get(lang)
    if d is None:
        try:
            from wordfreq import get_frequency_dict
            d = get_frequency_dict(lang, "best")  # positional, as wordfreq asks: one cached dict
        except (LookupError, ValueError):  # a language wordfreq does not know
            d = {}
        _FREQ[lang] = d
    return d


def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of a word (case-folded), 0 when unknown; cached."""
    key = (word, lang)
    z = _ZIPF.get(key)
    if z is None:
        f = _freqs(lang).get(word.casefold(), 0.0)
        z = round(math.log10(f) + 9, 2) if f > 0 else 0.0
        if len(_ZIPF) > 500_000:
            _ZIPF.clear()
        _ZIPF[key] = z
    return z


# --------------------------------------------------------------------------- keys

_UMLAUTS = str.maketrans({"ä": "\x01", "ö": "\x02", "ü": "\x03", "ß": "\x04",
                          "Ä": "\x05", "Ö": "\x06", "Ü": "\x07"})
_UMLAUTS_BACK = str.maketrans({v: k for k, v in {"ä": "\x01", "ö": "\x02", "ü": "\x03", "ß": "\x04",
                                                  "Ä": "\x05", "Ö": "\x06", "Ü": "\x07"}.items()})


def strip_accents(text: str, keep_umlauts: bool = False) -> str:
    """Drop diacritics (Sánchez -> Sanchez). With ``keep_umlauts`` ä ö ü ß stay: in German they
    are letters of their own (Garten / Gärten, Masse / Maße are different words)."""
    if text.isascii():
        return text
    if keep_umlauts:
        text = text.translate(_UMLAUTS)
    out = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return out.translate(_UMLAUTS_BACK) if keep_umlauts else out


@lru_cache(maxsize=1)
def _translit() -> dict:
    raw = data.toml("translit.toml")
    out = {"skeleton": [(re.compile(p), r) for p, r in raw["skeleton"]["steps"]],
           "near": [(re.compile(p), r) for p, r in raw["near"]["steps"]],
           "near_min": int(raw["near"]["min_length"]),
           "near_marker": re.compile(raw["near"]["marker"]),
           "near_weak": re.compile(raw["near"]["weak_marker"]),
           "near_weak_max": float(raw["near"]["weak_max_zipf"])}
    for direction in ("de_en", "en_de"):
        sec = raw[direction]
        out[direction] = {
            "markers": re.compile(sec["markers"]),
            "strong": re.compile(sec["strong"]),
            # letters only the source language's transliteration uses (optional per direction)
            "exclusive": re.compile(sec["exclusive"]) if sec.get("exclusive") else None,
            "typical": re.compile(sec["typical"]) if sec.get("typical") else None,
            "rules": [(re.compile(p), tuple(alts)) for p, alts in sec["rules"]],
        }
    return out


_SKEL: dict[tuple[str, bool], str] = {}
_NEAR: dict[tuple[str, bool], str | None] = {}
_ACCENT: dict[tuple[str, bool], str] = {}


def accent_key(word: str, keep_umlauts: bool = False) -> str:
    """Lower case without diacritics (umlauts kept for German text)."""
    key = (word, keep_umlauts)
    k = _ACCENT.get(key)
    if k is None:
        k = strip_accents(word, keep_umlauts).lower()
        if len(_ACCENT) > 200_000:
            _ACCENT.clear()
        _ACCENT[key] = k
    return k


def skeleton(word: str, keep_umlauts: bool = False) -> str:
    """transliteration.md §4.3: the same key for Selenskyj / Zelensky / Zelenskyy."""
    key = (word, keep_umlauts)
    k = _SKEL.get(key)
    if k is None:
        k = accent_key(word, keep_umlauts).replace("ß", "ss")
        for pat, rep in _translit()["skeleton"]:
            k = pat.sub(rep, k)
        if len(_SKEL) > 200_000:
            _SKEL.clear()
        _SKEL[key] = k
    return k


def near_key(word: str, keep_umlauts: bool = False) -> str | None:
    """The skeleton with y/j/i merged, for long words with a transliteration marker (or, rare in
    both languages, Ukrainian ia/iu/ie after a consonant); else None."""
    key = (word, keep_umlauts)
    try:
        return _NEAR[key]
    except KeyError:
        pass
    t = _translit()
    low = accent_key(word, keep_umlauts)
    k = None
    if len(low) >= t["near_min"] and (t["near_marker"].search(low) or (
            t["near_weak"].search(low) and all(zipf(word, lg) < t["near_weak_max"] for lg in LANGS))):
        k = skeleton(word, keep_umlauts)
        for pat, rep in t["near"]:
            k = pat.sub(rep, k)
    if len(_NEAR) > 200_000:
        _NEAR.clear()
    _NEAR[key] = k
    return k


# --------------------------------------------------------------------------- rewriting

_VARIANTS: dict[tuple[str, str], tuple[str, ...]] = {}


def _case_like(model: str, low: str) -> str:
    if model.isupper():
        return low.upper()
    return low[:1].upper() + low[1:]


def variants(word: str, source: str, target: str) -> tuple[str, ...]:
    """Spellings of ``word`` (written in ``source`` press style) in ``target`` press style,
    by the rewrite rules of translit.toml; the word itself excluded. Cached."""
    key = (word, source + target)
    got = _VARIANTS.get(key)
    if got is not None:
        return got
    rules = _translit()[f"{source}_{target}"]["rules"]
    low = word.lower()
    pieces: list[tuple[str, ...]] = []
    i = 0
    while i < len(low):
        for pat, alts in rules:
            m = pat.match(low, i)
            if m and m.end() > i:
                pieces.append(alts)
                i = m.end()
                break
        else:
            pieces.append((low[i],))
            i += 1
    out: list[str] = []
    seen = {low}
    for combo in product(*pieces):
        cand = "".join(combo)
        if cand and cand not in seen:
            seen.add(cand)
            out.append(_case_like(word, cand))
            if len(out) >= MAX_VARIANTS:
                break
    got = tuple(out)
    if len(_VARIANTS) > 100_000:
        _VARIANTS.clear()
    _VARIANTS[key] = got
    return got


def has_marker(word: str, source: str, target: str, strong: bool = False) -> bool:
    sec = _translit()[f"{source}_{target}"]
    return bool((sec["strong"] if strong else sec["markers"]).search(word.lower()))


def has_exclusive_marker(word: str, source: str, target: str) -> bool:
    """Letters only the source language's press transliteration writes (English kh, zh, -iy-,
    ya/yu/ye where German writes ch, sch, -ij-, ja/ju/je), in a word with an ending typical of
    transliterated names (-ov, -sky, -sk, -in, -enko, -yan …)."""
    sec = _translit()[f"{source}_{target}"]
    if sec["exclusive"] is None:
        return False
    low = word.lower()
    return bool(sec["exclusive"].search(low)
                and (sec["strong"].search(low) or (sec["typical"] and sec["typical"].search(low))))


# --------------------------------------------------------------------------- the name table

WORD_RE = re.compile(r"[^\W\d_]+")


def words_of(text: str) -> list[str]:
    return WORD_RE.findall(text)


@dataclass(frozen=True)
class Phrase:
    """A multi-word spelling that is foreign in the target language, and its fix."""

    form: str  # as written in the foreign language
    fix: str  # the target language's press spelling
    kind: str
    row: int
    # per word position: the target language's accepted words there (persons with equal word
    # counts only; None = replace the whole phrase)
    accepted: tuple[frozenset[str], ...] | None
    fix_words: tuple[str, ...] | None


@dataclass(frozen=True)
class Single:
    """A one-word spelling (surname, place, organisation) foreign in the target language."""

    form: str
    fix: str
    kind: str
    row: int
    fix_variants: frozenset[str]  # every target spelling of that word (article evidence)


@dataclass
class Table:
    phrases: dict[str, dict[str, list[Phrase]]] = field(default_factory=dict)  # lang -> first word -> phrases
    singles: dict[str, dict[str, Single]] = field(default_factory=dict)  # lang -> word -> entry
    first_names: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> foreign first name -> fix
    accepted: dict[str, frozenset[str]] = field(default_factory=dict)  # lang -> words right in that language
    known: frozenset[str] = frozenset()  # every word of the table, either language
    groups: dict[str, dict[str, int]] = field(default_factory=dict)  # lang -> word -> entity id (TQ202)
    person_groups: dict[str, dict[str, int]] = field(default_factory=dict)  # the same, person rows only
    preferred: dict[str, dict[int, str]] = field(default_factory=dict)  # lang -> entity id -> main spelling


def _split_alts(cell: str) -> list[str]:
    return [a.strip() for a in (cell or "").split(";") if a.strip()]


@lru_cache(maxsize=1)
def table() -> Table:
    rows = data.tsv("names.tsv")
    t = Table()
    known: set[str] = set()
    for lang in LANGS:
        t.phrases[lang] = {}
        t.singles[lang] = {}
        t.first_names[lang] = {}
        t.groups[lang] = {}
        t.person_groups[lang] = {}
        t.preferred[lang] = {}
    # forms[lang][row] = list of word tuples (main first)
    parsed = []
    for r, row in enumerate(rows):
        kind = row["kind"].strip()
        check = row["check"].strip() or "both"
        forms = {}
        for lang, col, also in (("de", "german", "also_de"), ("en", "english", "also_en")):
            main = row[col].strip()
            fulls, surnames = [main], []
            for alt in _split_alts(row[also]):
                n_alt, n_main = len(alt.split()), len(main.split())
                if kind == "person" and n_alt == 1 and n_main > 1:
                    surnames.append(alt)
                else:
                    fulls.append(alt)
            forms[lang] = (fulls, surnames)
            for f in fulls + surnames:
                known.update(words_of(f))
        parsed.append((r, kind, check, forms))

    accepted = {lang: set() for lang in LANGS}
    for r, kind, check, forms in parsed:
        for lang in LANGS:
            fulls, surnames = forms[lang]
            for f in fulls + surnames:
                accepted[lang].update(words_of(f))
    t.accepted = {lang: frozenset(v) for lang, v in accepted.items()}
    t.known = frozenset(known)

    specs: dict[str, list[tuple[set[str], str, bool]]] = {lang: [] for lang in LANGS}
    for r, kind, check, forms in parsed:
        for target in LANGS:
            source = OTHER[target]
            flag_here = check == "both" or check == target
            t_fulls, t_surnames = forms[target]
            s_fulls, s_surnames = forms[source]
            fix = t_fulls[0]
            fix_words = tuple(fix.split())
            n = len(fix_words)
            person = kind == "person" and n > 1
            pos_ok = None
            if person:  # the target's accepted words per position
                cols = [set() for _ in range(n)]
                for f in t_fulls:
                    ws = f.split()
                    if len(ws) == n:
                        for i, w in enumerate(ws):
                            cols[i].add(w)
                cols[-1].update(t_surnames)
                pos_ok = tuple(frozenset(c) for c in cols)
            # TQ202 entities in `target` text: the target's own spellings belong together; the
            # source's too when they are an error there (then they name the same entity).
            if person:
                for i in range(n):
                    members = set(pos_ok[i])
                    if flag_here:
                        members.update(f.split()[i] for f in s_fulls if len(f.split()) == n)
                        if i == n - 1:
                            members.update(s_surnames)
                    specs[target].append((members, fix_words[i], True))
            elif n == 1:
                members = {f for f in t_fulls if len(f.split()) == 1}
                if flag_here:
                    members.update(f for f in s_fulls if len(f.split()) == 1)
                specs[target].append((members, fix, False))
            if not flag_here:
                continue
            # TQ201: what is foreign in `target` text
            for f in s_fulls:
                ws = f.split()
                if f in t_fulls or len(ws) < 2:
                    continue
                same_shape = person and len(ws) == n
                t.phrases[target].setdefault(words_of(f)[0], []).append(Phrase(
                    f, fix, kind, r, pos_ok if same_shape else None, fix_words if same_shape else None))
                if same_shape and ws[0] not in pos_ok[0]:
                    t.first_names[target].setdefault(ws[0], fix_words[0])
            if person:
                single_forms = [f.split()[-1] for f in s_fulls if len(f.split()) == n] + s_surnames
                t_variants, fix_single = set(pos_ok[-1]), fix_words[-1]
            elif n == 1:
                single_forms = [f for f in s_fulls if len(f.split()) == 1]
                t_variants, fix_single = {f for f in t_fulls if len(f.split()) == 1}, fix
            else:
                single_forms = []
            for w in single_forms:
                if w in t.accepted[target] or not WORD_RE.fullmatch(w):
                    continue
                t.singles[target].setdefault(w, Single(w, fix_single, kind, r, frozenset(t_variants)))
    for lang in LANGS:
        for persons_only, out in ((False, t.groups[lang]), (True, t.person_groups[lang])):
            parent: dict[str, str] = {}

            def find(x: str) -> str:
                while parent.setdefault(x, x) != x:
                    parent[x] = parent[parent[x]]
                    x = parent[x]
                return x

            for members, _main, person in specs[lang]:
                if persons_only and not person:
                    continue
                ms = [m for m in members if WORD_RE.fullmatch(m)]
                for m in ms[1:]:
                    ra, rb = find(ms[0]), find(m)
                    if ra != rb:
                        parent[rb] = ra
            ids: dict[str, int] = {}
            for w in list(parent):
                out[w] = ids.setdefault(find(w), len(ids))
        for members, main, _person in specs[lang]:
            if main in t.groups[lang]:
                t.preferred[lang].setdefault(t.groups[lang][main], main)
    return t


# --------------------------------------------------------------------------- scanning an article

# Invisible characters that pasted or hostile text puts inside words ("Wla\u200bdimir"): a
# capitalised word runs on through them, and its text is looked up without them, so they
# cannot hide a name from the rules (spans still cover the original characters).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_FOLD = str.maketrans("", "", _INVISIBLE)
try:  # the `regex` module (a wordfreq dependency) finds capitalised words ~1.5x faster
    import regex as _regex

    # (letters in runs, "\p{L}*", rather than one letter per alternation: ~1.7x faster)
    _WORD = r"\p{Lu}\p{L}*(?:[" + _INVISIBLE + r"](?=\p{L})\p{L}*)*"
    CAP_RE = _regex.compile(r"\b" + _WORD)
    # ... and those that head their run: no capitalised word follows after one space (the
    # word taken whole, atomic group; only for text without invisible characters, see Scan.heads)
    HEAD_RE = _regex.compile(r"\b(?>" + _WORD + r")(?![ \u00a0\u202f]\p{Lu})")
    _compile = _regex.compile
except ImportError:  # pragma: no cover
    _compile = re.compile
    _UPPER = "".join(c for c in map(chr, range(0x3000)) if c.isupper() and c.isalpha())
    CAP_RE = re.compile(r"\b[" + re.escape(_UPPER) + r"](?:[^\W\d_]|[" + _INVISIBLE + r"](?=[^\W\d_]))*")
    HEAD_RE = re.compile(CAP_RE.pattern + r"+(?![ \u00a0\u202f][" + re.escape(_UPPER) + "])")


@lru_cache(maxsize=64)
def _has_invisible(text: str) -> bool:  # cached: asked per occurrence in long blocks
    return _INVISIBLE_RE.search(text) is not None


@lru_cache(maxsize=8)
def _folded(text: str) -> tuple[str, list[int]]:
    """The text without invisible characters, and where each of its characters was."""
    return text.translate(_FOLD), [i for i, ch in enumerate(text) if ch not in _INVISIBLE]


_RUN_GAP = frozenset({" ", "\u00a0", "\u202f"})
NOT_PROSE = frozenset("#@/._\\")  # #Kyiv, @Kyiv, kyiv.ua/Kharkiv: hashtags, handles, addresses
# HEAD_RE's words that do not follow a NOT_PROSE character (a word never starts inside a
# capitalised word, so the look-behind only drops those heads; tested after HEAD_RE's \b,
# which fails at most positions: a little faster)
PROSE_HEAD_RE = _compile(r"\b(?<![" + "".join(re.escape(c) for c in sorted(NOT_PROSE)) + "])"
                         + HEAD_RE.pattern.removeprefix(r"\b"))


class Occ:
    """One capitalised word in a block, with its run: the capitalised words joined to it by
    single spaces ("Russian President Wladimir Putin"). The last word of a run is its head
    (a surname, a place, a single word); the others are given names, titles or attributes."""

    __slots__ = ("block", "start", "end", "text", "pos", "run_start", "run_end")

    def __init__(self, block: Block, start: int, end: int, text: str, pos: int, run_start: int,
                 run_end: int):
        self.block, self.start, self.end, self.text = block, start, end, text
        self.pos, self.run_start, self.run_end = pos, run_start, run_end

    @property
    def head(self) -> bool:
        return self.pos == self.run_end


_SPAN = type(CAP_RE.match("A")).span


class Scan:
    """The capitalised words of an article's blocks. Words per block come from one findall;
    positions are only worked out for the blocks a rule asks about, and runs only for the
    words it asks about."""

    def __init__(self, doc: Document, blocks: tuple[Block, ...]):
        self.doc = doc
        self.blocks = blocks
        words = list(map(CAP_RE.findall, [b.text for b in blocks]))
        # Invisible characters inside a word (hardly ever; one test of the article's words,
        # not of its text): the words are looked up without them.
        self.invisible = _INVISIBLE_RE.search("".join(chain.from_iterable(words))) is not None
        if self.invisible:
            words = [[w.translate(_FOLD) for w in ws] for ws in words]
        self.block_words = words
        counts = Counter(chain.from_iterable(self.block_words))  # counted in C, in text order
        self.counts = counts
        self.words = counts.keys()
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def spans(self, k: int) -> list[tuple[int, int]]:
        """(start, end) of each of block_words[k] in the text of blocks[k]."""
        got = self._spans.get(k)
        if got is None:
            got = self._spans[k] = list(map(_SPAN, CAP_RE.finditer(self.blocks[k].text)))
        return got

    def find(self, k: int, wanted) -> list[Occ]:
        """The Occs of the words of blocks[k] that are in ``wanted``, in order. (An Occ of
        every word cost more than the rest of a rule: most capitalised words are not asked
        about.)"""
        ws = self.block_words[k]
        idx = [i for i, w in enumerate(ws) if w in wanted]
        if not idx:
            return []
        spans = self.spans(k)
        block = self.blocks[k]
        text = block.text
        gap = _RUN_GAP
        last = len(spans) - 1
        out = []
        for i in idx:
            # the run: neighbours joined by one gap character (a space), either way
            a = i
            while a and spans[a - 1][1] + 1 == spans[a][0] and text[spans[a][0] - 1] in gap:
                a -= 1
            b = i
            while b < last and spans[b][1] + 1 == spans[b + 1][0] and text[spans[b][1]] in gap:
                b += 1
            start, end = spans[i]
            out.append(Occ(block, start, end, ws[i], i, a, b))
        return out

    def prose_head_words(self, block: Block, quotes=()) -> list[str] | None:
        """The texts of heads(block) not right after a NOT_PROSE character and outside the
        spans ``quotes`` (quotations(block.text)), in order, from findalls; None when heads()
        would not come from HEAD_RE (invisible characters in the block's words). (Invisible
        characters outside the words change nothing: HEAD_RE finds the words CAP_RE does.)"""
        text = block.text
        if self.invisible and _has_invisible(text):
            return None
        if not quotes:
            return PROSE_HEAD_RE.findall(text)
        # Between the quotations: no word runs across a quotation mark, a look-behind sees the
        # text before `pos`, and the mark at `endpos` is neither a letter nor a run gap, so each
        # stretch finds what the whole text finds there.
        out: list[str] = []
        pos = 0
        for s, e in quotes:
            out += PROSE_HEAD_RE.findall(text, pos, s)
            pos = e
        out += PROSE_HEAD_RE.findall(text, pos)
        return out

    @staticmethod
    def heads(block: Block) -> list[tuple[int, int, str]]:
        """(start, end, text) of the heads of the block's runs (the Occs whose pos is their
        run_end)."""
        text = block.text
        if not _has_invisible(text):
            # (an invisible character would let HEAD_RE start a word again inside a word
            # it did not take)
            return [(m.start(), m.end(), m.group()) for m in HEAD_RE.finditer(text)]
        found = [(m.start(), m.end(), m.group().translate(_FOLD)) for m in CAP_RE.finditer(text)]
        # a word is a head unless the next one follows it after a single space
        return [f for f, nxt in zip(found, found[1:]) if text[f[1]:nxt[0]] not in _RUN_GAP] + found[-1:]


_last_scan: list = [None]


def scan(doc: Document, blocks) -> Scan:
    """The scan of these blocks of this article; the last one is reused (three rules ask)."""
    blocks = tuple(blocks)
    last = _last_scan[0]
    if last is not None and last.doc is doc and last.blocks == blocks:  # (the same Block objects)
        return last
    sc = _last_scan[0] = Scan(doc, blocks)
    return sc


# --------------------------------------------------------------------------- quotations

_QUOTE_RE = re.compile(r"„[^“”\"„\n]{2,}[“”\"]|“[^“”\n]{2,}[”“]|\"[^\"\n]{2,}\"|«[^«»\n]{2,}»|»[^«»\n]{2,}«")


def foreign_quotes(text: str, target: str) -> list[tuple[int, int]]:
    """Spans of quotations written in the other language (a German quote kept in an English
    article, "auf Englisch steht: „Kharkiv is grateful“" in a German one): names there are
    right as they are. A quotation is foreign when more of its words (names of the table left
    out) clearly lean to the other language than to the text's."""
    source = OTHER.get(target)
    if source is None or not any(q in text for q in "„“\"«»"):
        return []
    known = table().known
    out = []
    for m in _QUOTE_RE.finditer(text):
        src = tgt = 0
        for w in WORD_RE.findall(m.group()):
            if w in known:
                continue
            zs, zt = zipf(w, source), zipf(w, target)
            if zs >= 2.0 and zs >= zt + 1.0:
                src += 1
            elif zt >= 2.0 and zt >= zs + 1.0:
                tgt += 1
        if src >= 2 and src > 2 * tgt:
            out.append((m.start(), m.end()))
    return out


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of all double-quoted passages of a block („…“, “…”, "…", «…», »…«)."""
    if not any(q in text for q in "„“\"«»"):
        return []
    return list(map(re.Match.span, _QUOTE_RE.finditer(text)))  # (spans taken in C)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def leans(word: str, lang: str, margin: float = 1.0, floor: float = 3.0) -> bool:
    """The word is an ordinary word of ``lang`` and clearly not of the other language."""
    z = zipf(word, lang)
    return z >= floor and z > zipf(word, OTHER[lang]) + margin


MIN_COMPARED = 3  # "Xi", "Li": too short to tell spellings apart


class _Compared(dict):
    """word -> whether spellings of it are compared (TQ202, TQ204): three letters or more and
    not all capitals (NATO, EU). Filled as words come."""

    def __missing__(self, word: str) -> bool:
        if len(self) > 300_000:
            self.clear()
        ok = self[word] = len(word) >= MIN_COMPARED and not word.isupper()
        return ok


_COMPARED = _Compared()


def compared_words(words) -> list[str]:
    """The words (an iterable of distinct words) whose spellings are compared, in order.
    (Looked up per word in C: an article has a couple of hundred capitalised words.)"""
    words = list(words)
    return list(compress(words, map(_COMPARED.__getitem__, words)))


def block_language_ok(block: Block, doc_lang: str) -> bool:
    """Skip blocks detected as the other language (an untranslated paragraph: its names are
    right for its own language; the foreign_language rules report the block)."""
    return not (block.lang in LANGS and block.lang != doc_lang)


# --------------------------------------------------------------------------- TQ201's evidence

class Hit:
    """A spelling that belongs to the other language, with the target language's form."""

    __slots__ = ("block", "start", "end", "fix", "evidence")

    def __init__(self, block: Block, start: int, end: int, fix: str, evidence: str):
        self.block, self.start, self.end, self.fix = block, start, end, fix
        self.evidence = evidence  # "table" | "article" | "wordfreq"

    def __repr__(self) -> str:
        return f"Hit({self.block.text[self.start:self.end]!r}->{self.fix!r}, {self.evidence})"


_PHRASE, _SINGLE, _GENITIVE, _RULE = 1, 2, 4, 8
_KIND: dict[str, dict[str, int]] = {"en": {}, "de": {}}
_NO_KIND: dict[str, set[str]] = {"en": set(), "de": set()}  # the words _kind found nothing for
_RULE_VERDICT: dict[tuple[str, str], str | None] = {}


def _kind(w: str, target: str) -> int:
    """What TQ201 may do with this word in text of the target language (cached per word)."""
    cache = _KIND[target]
    k = cache.get(w)
    if k is not None:
        return k
    tab = table()
    k = 0
    if w in tab.phrases[target]:
        k |= _PHRASE
    if w in tab.singles[target]:
        k |= _SINGLE
    elif (target == "de" and len(w) > 4 and w.endswith("s") and w not in tab.accepted["de"]
          and w[:-1] in tab.singles["de"]):
        k |= _GENITIVE  # German genitive of an English form: Zelenskys -> Selenskyjs
    if not k and _rule_candidate(w, target):
        k |= _RULE
    if len(cache) > 300_000:
        cache.clear()
        _NO_KIND[target].clear()
    cache[w] = k
    if not k:
        _NO_KIND[target].add(w)
    return k


def _rule_candidate(w: str, target: str) -> bool:
    """Could the transliteration rules apply: a plain capitalised word the table does not know,
    with a transliteration marker, rare in the target language and at least as much at home in
    the source language."""
    source = OTHER[target]
    if len(w) < 4 or not w[1:].islower() or w in table().known:
        return False
    if not has_marker(w, source, target):
        return False
    ft = zipf(w, target)
    return ft < 2.5 and zipf(w, source) >= ft


def _foreign_neighbour(words: list[str], o: Occ, source: str) -> bool:
    """A word of the same name run is plainly a word of the source language: the name is part
    of a proper name in that language ("Kyiv Independent", "Moscow Times" in German text)."""
    known = table().known
    for j in (o.pos - 1, o.pos + 1):
        if o.run_start <= j <= o.run_end:
            w = words[j]
            if w not in known and leans(w, source):
                return True
    return False


def _phrase_hit(tab: Table, target: str, o: Occ) -> Hit | None:
    text, start = o.block.text, o.start
    if _has_invisible(text):  # match on the text without invisible characters, map back
        folded, keep = _folded(text)
        hit = _phrase_hit_at(tab, target, o, folded, bisect_left(keep, start))
        return hit and Hit(hit.block, keep[hit.start], keep[hit.end - 1] + 1, hit.fix, hit.evidence)
    return _phrase_hit_at(tab, target, o, text, start)


def _phrase_hit_at(tab: Table, target: str, o: Occ, text: str, start: int) -> Hit | None:
    for ph in tab.phrases[target].get(o.text, ()):
        if not text.startswith(ph.form, start):
            continue
        end = start + len(ph.form)
        if end < len(text) and text[end].isalnum():
            continue
        if ph.accepted is None:
            return Hit(o.block, start, end, ph.fix, "table")
        parts = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", ph.form)]
        wrong = [i for i, (_, _, w) in enumerate(parts) if w not in ph.accepted[i]]
        if not wrong:
            continue
        s, e = parts[wrong[0]][0], parts[wrong[-1]][1]
        out, cur = [], s
        for i in range(wrong[0], wrong[-1] + 1):
            ps, pe, w = parts[i]
            out.append(text[cur:ps])
            out.append(ph.fix_words[i] if i in wrong else w)
            cur = pe
        return Hit(o.block, s, e, "".join(out), "table")
    return None


def _single_verdict(tab: Table, counts, target: str, w: str, genitive: bool) -> tuple[str, str] | None:
    """(fix, evidence) for a table word, or None when the word is established in the target
    language (Odessa, Peking and Donbass in English) and the article does not use the
    counterpart."""
    entry = tab.singles[target][w[:-1] if genitive else w]
    ft, fc = zipf(entry.form, target), zipf(entry.fix, target)
    fix = entry.fix + ("s" if genitive else "")
    if not (ft >= 3.0 or (ft >= 1.5 and ft + 1.0 > fc)):
        return fix, "table"
    if ft < 3.0 and any(v in counts for v in entry.fix_variants):
        return fix, "article"
    return None


def _single_hit(tab: Table, target: str, words: list[str], o: Occ, verdict: tuple[str, str]) -> Hit | None:
    if not o.head and zipf(o.text, target) >= 1.0:  # "Tokio Hotel", "Riad Malki", "Kyiv Independent"
        return None
    if _foreign_neighbour(words, o, OTHER[target]):
        return None
    return Hit(o.block, o.start, o.end, verdict[0], verdict[1])


def _rule_verdict(tab: Table, counts, target: str, w: str) -> tuple[str, str] | None:
    """(counterpart, evidence) for a word the rules may rewrite: the article writes the
    counterpart, or wordfreq confirms it (strong marker; the counterpart a real word of five
    letters or more, clearly more frequent in the target language and at home there; or the
    cross-over of has_exclusive_marker words)."""
    source = OTHER[target]
    cands = variants(w, source, target)
    written = next(filter(counts.__contains__, cands), None)  # (up to 64 variants: tested in C)
    if written is not None:
        return written, "article"
    key = (w, target)
    if key in _RULE_VERDICT:
        best = _RULE_VERDICT[key]
    else:
        best = None
        zc, c = max((zipf(c, target), c) for c in cands) if cands else (0.0, "")
        zw = zipf(w, target)
        # a counterpart of four letters or fewer is a common word (Abiy/Abi, Seyi/Sei), not a name
        if len(c) >= MIN_WORDFREQ_FIX and c not in tab.known and zc >= zw + 1.0:
            if has_marker(w, source, target, strong=True):
                if zc >= 2.0 and zc >= zipf(c, source):
                    best = c
            elif (zw < CROSS_MAX_OWN and CROSS_MIN_FIX <= zc < CROSS_MAX_FIX
                  and zc > zipf(c, source) + CROSS_MARGIN and has_exclusive_marker(w, source, target)):
                # the cross-over: a word the text's language does not know, written with
                # letters only the source language's transliteration uses, whose rewrite is a
                # rare word of the text's language and not one of the source's (Novorossiysk /
                # Noworossijsk in German text)
                best = c
        if len(_RULE_VERDICT) > 100_000:
            _RULE_VERDICT.clear()
        _RULE_VERDICT[key] = best
    return (best, "wordfreq") if best else None


def _rule_hit(target: str, words: list[str], o: Occ, verdict: tuple[str, str]) -> Hit | None:
    if not o.head or _foreign_neighbour(words, o, OTHER[target]):
        return None
    return Hit(o.block, o.start, o.end, verdict[0], verdict[1])


def _with_first_name(tab: Table, target: str, words: list[str], spans: list[tuple[int, int]],
                     o: Occ, hit: Hit, counts=()) -> Hit:
    """Take a foreign first name before a flagged surname into the finding: one the table
    knows (Sergej Rjabkow), or one whose rewrite the article writes elsewhere (Yerlan Sadykov
    where the article also has Jerlan Sadykow). ``words`` and ``spans``: the block's words."""
    j = o.pos - 1
    if j < o.run_start or hit.start != o.start:
        return hit
    w = words[j]
    prev_start, prev_end = spans[j]
    fix = tab.first_names[target].get(w)
    if fix is None and counts:
        if len(w) >= 4 and w[1:].islower() and w not in tab.known:
            fix = next((c for c in variants(w, OTHER[target], target) if c in counts), None)
    if fix is None:
        return hit
    return Hit(hit.block, prev_start, hit.end, fix + o.block.text[prev_end:o.start] + hit.fix, hit.evidence)


_last_hits: list = [None, (), []]  # document, blocks, hits


def foreign_spellings(doc: Document, blocks) -> list[Hit]:
    """TQ201: names spelled the other language's way (German in English text, English in
    German text). Shared with TQ202, which leaves these spans to TQ201."""
    blocks = tuple(blocks)
    if _last_hits[0] is doc and _last_hits[1] == blocks:
        return _last_hits[2]
    hits: list[Hit] = []
    target = doc.lang
    if target in LANGS:
        tab = table()
        sc = scan(doc, blocks)
        counts = sc.counts
        kinds: dict[str, tuple[int, tuple[str, str] | None]] = {}
        # known-irrelevant words dropped in C (not `keys - set`: that walks the whole set)
        for w in list(filterfalse(_NO_KIND[target].__contains__, counts)):
            k = _kind(w, target)
            if not k:
                continue
            verdict = None
            if k & (_SINGLE | _GENITIVE):
                verdict = _single_verdict(tab, counts, target, w, bool(k & _GENITIVE))
            elif k & _RULE:
                verdict = _rule_verdict(tab, counts, target, w)
            if verdict or k & _PHRASE:
                kinds[w] = (k, verdict)
        if kinds:
            for n, (b, ws) in enumerate(zip(sc.blocks, sc.block_words)):
                if kinds.keys().isdisjoint(ws) or not block_language_ok(b, target):
                    continue
                quotes = None
                taken = -1
                text = b.text
                for o in sc.find(n, kinds):
                    got = kinds[o.text]
                    if o.start < taken or (o.start and text[o.start - 1] in NOT_PROSE):
                        continue
                    k, verdict = got
                    hit = _phrase_hit(tab, target, o) if k & _PHRASE else None
                    if hit is None and verdict is not None:
                        if k & (_SINGLE | _GENITIVE):
                            hit = _single_hit(tab, target, ws, o, verdict)
                        else:
                            hit = _rule_hit(target, ws, o, verdict)
                        if hit is not None:
                            hit = _with_first_name(tab, target, ws, sc.spans(n), o, hit, counts)
                    if hit is None:
                        continue
                    if quotes is None:
                        quotes = foreign_quotes(b.text, target)
                    if quotes and inside(quotes, hit.start, hit.end):
                        continue
                    hits.append(hit)
                    taken = hit.end
    _last_hits[:] = doc, blocks, hits
    return hits


# --------------------------------------------------------------------------- TQ202's evidence

_PROFILE: dict[str, dict[str, tuple]] = {}  # lang -> word -> profile


def _profile(f: str, lang: str) -> tuple:
    """(common, accent key, accented, keys, person keys) of a word; cached. Accented: its
    accent key when that is not just its lower case (Sánchez; not Kyiv, nor Müller in German
    text), else None.
    The keys are those it may share with another spelling of its entity, tagged by kind:
    s (skeleton), n (near key), g (table entity; p: table person entity, in the person keys
    instead)."""
    cache = _PROFILE.setdefault(lang, {})
    p = cache.get(f)
    if p is None:
        tab = table()
        ours = lang in LANGS
        de = lang == "de"
        accent = accent_key(f, de)
        keys = []
        skel = skeleton(f, de) if len(f) >= 4 else None
        if skel is not None:
            keys.append("s" + skel)
        near = near_key(f, de)
        if near is not None:
            keys.append("n" + near)
        group = tab.groups[lang].get(f) if ours else None
        person = tab.person_groups[lang].get(f) if ours else None
        p = (zipf(f, lang) >= 2.0, accent, accent if accent != f.lower() else None,
             tuple(keys + ([f"g{group}"] if group is not None else [])),
             tuple(keys + ([f"p{person}"] if person is not None else [])))
        if len(cache) > 300_000:
            cache.clear()
        cache[f] = p
    return p


_DOUBLE_RE = re.compile(r"(.)\1+")


def _typo_only(a: str, b: str) -> bool:
    """Spellings that differ only in case or letter doubling (Garett / Garrett, AirPods /
    Airpods): a typo or house style, not a transliteration; left alone."""
    return _DOUBLE_RE.sub(r"\1", a.lower()) == _DOUBLE_RE.sub(r"\1", b.lower())


def entity_groups(forms, lang: str, persons_only: bool = False) -> dict[str, str]:
    """Group the spellings of one article that name the same entity: the table (only its
    person rows with ``persons_only``, for first names: "Peking University" and "Beijing
    Normal University" are two universities), spellings that differ only in accents
    (Sánchez / Sanchez), and, in English and German, equal skeletons (Selenskyj / Selenskij,
    Zelensky / Zelenskyy) or, for long words with transliteration letters, equal near keys
    (Zaporizhzhia / Zaporizhzhya) unless both are established words (Chan / Khan, Schulz /
    Schultz, Fischer / Fisher: two names).

    Returns word -> representative for the words grouped with another; a word missing from
    the result stands alone."""
    # Which keys do two of the words share? Counted over every word's tagged keys at once
    # (in C: TQ202 passes a couple of hundred words, of which a few share a key).
    forms = list(forms)
    profiles = list(map(_PROFILE.setdefault(lang, {}).get, forms))
    if None in profiles:  # words not profiled yet
        profiles = [p or _profile(f, lang) for f, p in zip(forms, profiles)]
    keyed = list(map(itemgetter(4 if persons_only else 3), profiles))
    tagged = list(chain.from_iterable(keyed))
    n = Counter(tagged)
    shared = set(compress(n, map((1).__lt__, n.values()))) if len(n) < len(tagged) else ()
    # Two spellings that differ only in accents: at least one of them is accented (two
    # spellings whose accent key is their lower case differ in case only).
    accented = set(map(itemgetter(2), profiles))
    accented.discard(None)
    if not shared and not accented:
        return {}  # no key shared: every word stands alone
    buckets: dict[str, list] = {}  # shared key -> (word, profile), in the words' order
    if accented:
        accent_keys = list(map(itemgetter(1), profiles))
        for f, p in compress(zip(forms, profiles), map(accented.__contains__, accent_keys)):
            buckets.setdefault("a" + p[1], []).append((f, p))
    if shared:
        for f, p, ks in compress(zip(forms, profiles, keyed), map(not_, map(shared.isdisjoint, keyed))):
            for k in ks:
                if k in shared:
                    buckets.setdefault(k, []).append((f, p))

    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while x in parent and parent[x] != x:
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
            parent.setdefault(ra, ra)

    ours = lang in LANGS
    for tag in ("a", "s", "n", "p" if persons_only else "g"):  # accents, skeleton, near key, table
        for k, members in buckets.items():
            if k[0] != tag:
                continue
            for i, (a, pa) in enumerate(members):
                for m, pm in members[i + 1:]:
                    if tag == "a":  # differing only in accents is strong by itself
                        if a.lower() != m.lower():  # AirPods / Airpods: case is house style
                            union(a, m)
                    elif tag in "gp":  # the table says so
                        union(a, m)
                    elif ours and not _typo_only(a, m) and (not (pa[0] and pm[0]) or pa[1] == pm[1]):
                        union(a, m)
    return {f: find(f) for f in parent}


def majority(forms: dict[str, list], lang: str) -> tuple[str, str] | None:
    """The spelling to keep and why (proselint's majority rule); on a tie the table's form for
    the language, then (for spellings that differ only in accents) the accented form when the
    language really uses it, then a clearly more frequent word of the language. None when
    nothing decides."""
    counts = sorted(((len(v), f) for f, v in forms.items()), reverse=True)
    top = [f for n, f in counts if n == counts[0][0]]
    if len(top) == 1:
        return top[0], "majority"
    name = LANG_NAME.get(lang, lang)
    if lang in LANGS:
        tab = table()
        for f in top:
            g = tab.groups[lang].get(f)
            if g is not None and tab.preferred[lang].get(g) == f:
                return f, f"the {name} press form"
    if len({accent_key(f, lang == "de") for f in top}) == 1:
        plain = [f for f in top if f == strip_accents(f)]
        marked = [f for f in top if f != strip_accents(f)]
        if len(marked) == 1 and len(plain) == 1:
            if zipf(marked[0], lang) >= 1.5:
                return marked[0], f"the accented form {name} text uses"
            return plain[0], f"{name} text writes it without accents"
    scored = sorted(((zipf(f, lang), f) for f in top), reverse=True)
    if scored[0][0] >= scored[1][0] + 0.5:
        return scored[0][1], f"the more common {name} spelling"
    return None


# --------------------------------------------------------------------------- house spellings

def house_fix(fix: str, house) -> str:
    """A suggestion in the newsroom's house spelling: each word (or the whole suggestion) that
    the configuration replaces, replaced ("Zelensky" -> "Zelenskyy" for a house that writes so)."""
    if not house:
        return fix
    if fix in house:
        return house[fix]
    return " ".join(house.get(w, w) for w in fix.split(" "))


def is_house_form(text: str, house) -> bool:
    return bool(house) and text.translate(_FOLD) in set(house.values())


@lru_cache(maxsize=16)
def house_pattern(items: tuple[tuple[str, str], ...]) -> re.Pattern:
    """One regex over every variant a house spelling replaces (longest first, whole words)."""
    forms = sorted((v for v, _ in items), key=lambda v: (-len(v), v))
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(v) for v in forms) + r")(?![\w\-])")


# --------------------------------------------------------------------------- other languages

# French, Spanish, Italian, Dutch and Polish: table evidence only (no rewrite rules, no wordfreq
# path). names.tsv's fr/es/it/nl/pl columns hold each press's spellings; a german/english
# spelling a filled column does not list is what machine translation from German or English
# leaves behind ("Wladimir Putin" in French, "Charkiw" in Italian, "Kyiv" in Polish).
PRESS_LANGS = ("fr", "es", "it", "nl", "pl")
PRESS_NAME = {"fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch", "pl": "Polish"}
_SOURCE_COLS = (("de", "german", "also_de"), ("en", "english", "also_en"))


@lru_cache(maxsize=None)
def press_table(lang: str) -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """(one regex over the spellings foreign in ``lang``, spelling -> (fix, source language)).
    Persons are compared word by word (Italian writes Putin, not Wladimir); a place or
    organisation as a whole. The regex does not test the character before a spelling:
    press_matches does (see there)."""
    forms: dict[str, tuple[str, str]] = {}
    for row in data.tsv("names.tsv"):
        own = _split_alts(row.get(lang) or "")
        if not own:
            continue  # the language's spelling is not known: never judged
        ok = {w for f in own for w in f.split()}
        main = own[0].split()
        for src, col, also in _SOURCE_COLS:
            for f in [row[col].strip()] + _split_alts(row.get(also) or ""):
                ws = f.split()
                if f in own or not ws:
                    continue
                if row["kind"].strip() == "person" and len(ws) == len(main) > 1:
                    for i, w in enumerate(ws):
                        if w not in ok:
                            forms.setdefault(w, (main[i], src))
                elif not any(w in ok for w in ws):
                    forms.setdefault(f, (own[0], src))
    if not forms:
        return None, forms
    # Longest first; grouped by first character (the same alternatives in the same order, so
    # the same matches), which spares the regex engine most alternatives at each position.
    by_first: dict[str, list[str]] = {}
    for f in sorted(forms, key=len, reverse=True):
        by_first.setdefault(f[0], []).append(re.escape(f[1:]))
    alts = "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in by_first.items())
    return re.compile(rf"(?:{alts})(?![\w\-])"), forms


_PRESS_BEFORE = re.compile(r"[\w\-#@/.]")  # a spelling right after these is part of a word


def press_matches(pat: re.Pattern, text: str):
    """press_table's matches in ``text`` that do not follow _PRESS_BEFORE: the matches of
    "(?<![\\w\\-#@/.])" + pattern. The look-behind is tested here, on the rare candidate, as a
    pattern that starts with a look-behind makes the engine try every position; one that
    starts with its alternatives' first letters lets it skip to them (~3x faster)."""
    pos = 0
    search = pat.search
    while (m := search(text, pos)) is not None:
        start = m.start()
        if start and _PRESS_BEFORE.match(text, start - 1):
            pos = start + 1  # the look-behind fails here: the next candidate position
            continue
        yield m
        pos = m.end()


def _leans_to(word: str, src: str, target: str) -> bool:
    z = zipf(word, src)
    return z >= 3.0 and z > zipf(word, target) + 1.0


def press_spellings(doc: Document, blocks) -> list[tuple[Hit, str]]:
    """TQ201 for fr/es/it/nl/pl: (hit, source language) for each German or English spelling
    the name table knows; neighbouring words of one name become one hit ("Wladimir Putin")."""
    target = doc.lang
    pat, forms = press_table(target) if target in PRESS_LANGS else (None, {})
    out: list[tuple[Hit, str]] = []
    if pat is None:
        return out
    search = pat.search
    for b in blocks:
        text = b.text
        if search(text) is None:
            continue  # (most blocks: no spelling of the table, not even a candidate)
        if b.lang and b.lang != target and b.lang in LANGS + PRESS_LANGS:
            continue  # an untranslated paragraph keeps its own spellings
        quotes = None
        for m in press_matches(pat, text):
            fix, src = forms[m.group()]
            # a proper name of the source language ("Moscow Times", "Kyiv Independent")
            before = re.search(r"(\w+) $", text[:m.start()])
            after = re.match(r" (\w+)", text[m.end():])
            if any(n and n.group(1)[:1].isupper() and n.group(1) not in forms
                   and _leans_to(n.group(1), src, target) for n in (before, after)):
                continue
            if quotes is None:
                quotes = [(q.start(), q.end()) for q in _QUOTE_RE.finditer(text)
                          if sum(_leans_to(w, src, target) for w in WORD_RE.findall(q.group())) >= 2]
            if inside(quotes, m.start(), m.end()):
                continue  # a quotation in the source language keeps its spellings
            if out and out[-1][0].block is b and text[out[-1][0].end:m.start()] == " " \
                    and out[-1][1] == src:
                prev = out[-1][0]
                out[-1] = (Hit(b, prev.start, m.end(), prev.fix + " " + fix, "table"), src)
                continue
            out.append((Hit(b, m.start(), m.end(), fix, "table"), src))
    return out
