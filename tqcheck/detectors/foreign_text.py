"""What the foreign-language rules (TQ701 block, TQ702 sentence, TQ703 phrase) leave alone in a
block before judging its language: quotations, established loan phrases, URLs, numbers and
emphasised words; and the words that frame a foreign slogan or title as deliberate.

The data (loan phrases, framing words, name heads, name particles) is in
data/foreign_phrases.toml. Quotations come from quotes.scan, the pairing every quote rule uses,
plus straight single quotes ('Wir sind das Volk'), which it leaves out because they double as
apostrophes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import data
from .. import quotes as qm

# 'Wir sind das Volk', ‘Wir schaffen das’: a single-quoted passage of at least two words, not
# an apostrophe (Merkel's, the Greens' plan, rock 'n' roll).
_SINGLE = re.compile(r"(?<![\w'’])['‘](?=[^\W\d_])[^'‘’\n]*?\s[^'‘’\n]*?[^\W\d_][.,!?…]?['’](?![\w'’])")
_EMPHASIS = re.compile(r"(?<!\w)([*_])(?=\S)[^*_\n]+?(?<=\S)\1(?!\w)")  # *Zeitgeist*, _Angst_
_URL = re.compile(r"(?<!\S)(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+|(?<!\S)[^\s\d]*\d\S*")  # URLs, e-mail, numbers


# Article languages the sentence and phrase rules (TQ702, TQ703) run in: the ones their false
# positives were measured on (English and German clean news). Romance and Slavic neighbours
# share many words and names, so an article in another language is left to TQ701.
ARTICLE_LANGS = frozenset({"en", "de"})


@lru_cache(maxsize=1)
def _table() -> dict:
    return data.toml("foreign_phrases.toml")


def _norm(s: str) -> str:
    return s.replace("’", "'").casefold()


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=None)
def _loan_index(doc_lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """first word -> the multi-word loan phrases of the article's language starting with it,
    as word tuples (lower case, ’ as '), longest first."""
    loans = _table()["loan_phrases"]
    out: dict[str, set[tuple[str, ...]]] = {}
    for p in loans.get("all", []) + loans.get(doc_lang, []):
        words = tuple(_TOKEN.findall(_norm(p)))
        if len(words) >= 2:
            out.setdefault(words[0], set()).add(words)
    return {w: tuple(sorted(ps, key=len, reverse=True)) for w, ps in out.items()}


@lru_cache(maxsize=None)
def _loan_words(doc_lang: str) -> dict[str, tuple[frozenset[str], ...]]:
    """first word -> the word sets of the loan phrases starting with it (_loan_index)."""
    return {w: tuple(frozenset(p) for p in ps) for w, ps in _loan_index(doc_lang).items()}


def loan_spans(text: str, doc_lang: str) -> list[tuple[int, int]]:
    """Spans of the multi-word loan phrases in ``text`` (word by word, whatever punctuation or
    hyphens lie between their words: "coup d’état", "vis-à-vis", "Veni, vidi, vici")."""
    # first: is every word of some phrase in the text? Most blocks have "a" or "in", few all
    # of "in dubio pro reo" (the distinct words are normalised, not every token)
    present = {_norm(w) for w in set(_TOKEN.findall(text))}
    phrases = _loan_words(doc_lang)
    if not any(present.issuperset(p) for w in present.intersection(phrases) for p in phrases[w]):
        return []
    index = _loan_index(doc_lang)
    toks = list(_TOKEN.finditer(text))
    words = [_norm(m.group()) for m in toks]
    out = []
    i = 0
    while i < len(toks):
        for phrase in index.get(words[i], ()):
            n = len(phrase)
            if tuple(words[i:i + n]) == phrase:
                out.append((toks[i].start(), toks[i + n - 1].end()))
                i += n - 1
                break
        i += 1
    return out


@lru_cache(maxsize=None)
def loanwords(doc_lang: str) -> frozenset[str]:
    """Every loan phrase's words, lower case, and the single-word loans (Realpolitik)."""
    loans = _table()["loan_phrases"]
    return frozenset(_norm(p) for p in loans.get("all", []) + loans.get(doc_lang, []))


@lru_cache(maxsize=None)
def framing_re(doc_lang: str, table: str = "framing") -> re.Pattern | None:
    """Framing words ("the so-called", "the chant", "Motto"); ``table`` "framing_sentence":
    the words that announce a slogan or quotation given as a sentence of its own."""
    words = _table()[table].get(doc_lang)
    if not words:
        return None
    alts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def name_heads(lang: str) -> frozenset[str]:
    return frozenset(_table()["name_heads"].get(lang, ()))


@lru_cache(maxsize=None)
def conjunctions(lang: str) -> frozenset[str]:
    return frozenset(_table()["conjunctions"].get(lang, ()))


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    return frozenset(_table()["name_particles"]["all"])


def masked_spans(text: str, doc_lang: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are not the article's own running prose: quotations (closed ones,
    and an unclosed one to the end of the block), single-quoted and emphasised passages, loan
    phrases, URLs and numbers."""
    out: list[tuple[int, int]] = []
    for q in qm.scan(text).quotes:
        out.append((q.open.pos, q.close.end if q.close else len(text)))
    if "'" in text or "‘" in text:
        out += [m.span() for m in _SINGLE.finditer(text)]
    if "*" in text or "_" in text:
        out += [m.span() for m in _EMPHASIS.finditer(text)]
    out += loan_spans(text, doc_lang)
    out += [m.span() for m in _URL.finditer(text)]
    return out


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the spans blanked out (offsets kept)."""
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def framed(text: str, start: int, end: int, doc_lang: str) -> bool:
    """Is the foreign passage text[start:end] framed as deliberate: a framing word ("the
    so-called", "the chant", "Motto") in the three words before it, or a translation in
    brackets right after it ("… (the government's turning point)")?"""
    after = text[end:end + 3].lstrip()
    if after.startswith(("(", "[", "–", "—", "- ")):
        return True
    rx = framing_re(doc_lang)
    if rx is None:
        return False
    before = text[max(0, start - 60):start]
    tail = " ".join(before.split()[-3:])
    return bool(rx.search(tail)) or before.rstrip().endswith(":")


def overlaps(spans, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)
