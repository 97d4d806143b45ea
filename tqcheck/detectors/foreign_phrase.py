"""TQ703 foreign-phrase: an untranslated word group inside a sentence in the article's language
("the summit of Jefes de Estado y de Gobierno", "criticised die Zeitenwende der
Bundesregierung").

A phrase is a run of consecutive words (separated by single spaces only: a comma, a number, a
masked quotation or a bracket ends it) in which every word belongs to one other language L:
either a function word of L that is rare in the article's language (its function-word list and
wordfreq's 40 most frequent words of L, such as Spanish "de" and "y"),
or a common word of L (wordfreq zipf >= 3.0, or >= 2.5 and unknown at home) at least 1.5 zipf
more frequent there than in the article's language. Trailing function words are dropped. It is
flagged when it has
- >= 2 distinct function words of L and >= 2 other words (so >= 4 words in all);
- no quotation, loan phrase ("coup d'état", "status quo", "last but not least"), URL or number
  in it (masked first, data/foreign_phrases.toml);
- no framing: no framing word ("so-called", "slogan", "the chant", "Motto", "Titel") in the
  three words before it, no colon right before it, no translation in brackets right after it;
- when it starts with a capital inside a sentence, or right after a capitalised word ("Union des
  démocrates pour la République"): a name or a title, so its first word must not be
  the head of an organisation name ("Partido", "Palacio", "Bund", "Die", "Union"); and, for languages
  that do not capitalise their nouns, >= 3 other words that are everyday words of L (zipf >= 4)
  and a conjunction coordinating them ("y", "et"), so "Pont de la Concorde", "Suprema Corte de
  Justicia de la Nación" or "Partido de la Revolución Democrática" stay unflagged;
- >= 1 function word of the article's language in the rest of its sentence (a group inside a
  sentence of the article's language, not a foreign sentence or title line of its own);
- no overlap with a sentence TQ701 or TQ702 already reports.
The severity is info: a word group can be a title or name the data does not know. Articles in
English and German only (foreign_text.ARTICLE_LANGS).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lang as langid
from .. import names
from ..model import Document, Severity
from ..registry import Context, RuleMeta, bad, good
from ..sentences import split as split_sentences
from . import foreign_language as fl
from . import foreign_sentence as fsent
from . import foreign_text as ft

MIN_FUNCTION = 2  # distinct function words of the foreign language in the run
MIN_CONTENT = 2  # other words of it
CONTENT_MIN_ZIPF, CONTENT_MARGIN = 3.0, 1.5  # a common word there, clearly rarer here
CONTENT_MIN_ZIPF_ABSENT = 2.5  # ... or a less common one the article's language does not know
TITLE_MIN_CONTENT, TITLE_MIN_ZIPF = 3, 4.0  # a capitalised run in a language without noun capitals
NOUN_CAPITALS = frozenset({"de", "lb"})  # languages that capitalise every noun
TOP_WORDS = 40  # wordfreq's most frequent words of a language count as its function words
FUNCTION_MARGIN = 1.0
MIN_OWN_CONTEXT = 1  # the article's function words in the rest of the sentence
WINDOW = 6  # words between two function words of one run
REACH = 8  # words a run is followed beyond them (a longer run is reported shorter)
MAX_GAP = 2  # characters between two words of a run: spaces only
_WORD = langid.WORD_RE
_SENTENCE_END = ".!?…:;"
_PREV_WORD = re.compile(r"([^\W\d_]+(?:['’-][^\W\d_]+)*) $")  # the word right before a run


@lru_cache(maxsize=None)
def _function(doc_lang: str) -> dict[str, tuple[str, ...]]:
    """word -> the foreign languages it is a function word of, in text of ``doc_lang``: the
    language's function-word list and wordfreq's most frequent words of it (Spanish "de" and
    "y", which the list leaves out), each at least FUNCTION_MARGIN zipf rarer in ``doc_lang``
    and not one of its own function words or most frequent words."""
    from wordfreq import top_n_list

    fw = fl._function_words()
    own = fw.get(doc_lang, frozenset()) | set(top_n_list(doc_lang, TOP_WORDS))
    out: dict[str, list[str]] = {}
    for lg, words in fw.items():
        if lg == doc_lang:
            continue
        for w in sorted(set(words) | set(top_n_list(lg, TOP_WORDS))):
            if w in own or not _WORD.fullmatch(w):
                continue
            if names.zipf(w, doc_lang) <= names.zipf(w, lg) - FUNCTION_MARGIN:
                out.setdefault(w, []).append(lg)
    return {w: tuple(lgs) for w, lgs in out.items()}


@lru_cache(maxsize=None)
def _gate_words(doc_lang: str) -> frozenset[str]:
    ev = _function(doc_lang)
    return frozenset(ev) | frozenset(w.capitalize() for w in ev)


@lru_cache(maxsize=1 << 16)  # a pure function of the word: asked once per word, not per token
def _foreign_word(lw: str, lang: str, doc_lang: str) -> bool:
    za = names.zipf(lw, lang)
    if za < CONTENT_MIN_ZIPF_ABSENT:
        return False
    zh = names.zipf(lw, doc_lang)
    return (za >= CONTENT_MIN_ZIPF and za - zh >= CONTENT_MARGIN) or zh == 0


def _tokens(text: str) -> tuple[list, list[str], list[str]]:
    """The words of ``text``: their matches, as written, lower case."""
    toks = list(_WORD.finditer(text))
    words = [m.group() for m in toks]
    return toks, words, [w.lower() for w in words]


def _runs(masked: str, tokens: tuple, lang: str, doc_lang: str, ranges: list[tuple[int, int]]):
    """Runs of consecutive words of ``lang`` among the tokens [lo:hi] of each range (_tokens
    of ``masked``): lists of (start, end, word, is_function)."""
    evidence = _function(doc_lang)
    toks, words, lows = tokens
    for lo, hi in ranges:
        if lo >= hi:
            continue
        run: list = []
        last_end = toks[lo].start()
        for k in range(lo, hi):
            m, t = toks[k], words[k]
            start = m.start()
            gap = masked[last_end:start]
            tight = len(gap) <= MAX_GAP and not gap.strip()  # single spaces (or nothing) between
            if len(t) > 1 and t.isupper():
                kind = None  # an acronym: "NATO", "EU"
            elif lang in evidence.get(lows[k], ()):
                # a capitalised function word inside a run is a noun of a name or title
                # ("Estado" is also Spanish "been"): it counts as a content word there
                kind = not (t[0].isupper() and run and tight)
            elif _foreign_word(lows[k], lang, doc_lang):
                kind = False
            else:
                kind = None
            if kind is None or not tight:
                if run:
                    yield run
                run = []
            if kind is not None:
                run.append((start, m.end(), t, kind))
            last_end = m.end()
        if run:
            yield run


def _ranges(found: list[tuple[int, str, tuple[str, ...]]], n: int, lang: str) -> list[tuple[int, int]]:
    """Token ranges around two different function words of ``lang`` within WINDOW words of
    each other: only there can a run hold both (most blocks with "de" and "la" have them in
    two different names, and most have no such pair at all). ``found``: (index, word, its
    languages) of the function words among the n tokens."""
    last: dict[str, int] = {}
    out: list[tuple[int, int]] = []
    for i, lw, langs in found:
        if lang in langs:
            near = [j for w, j in last.items() if w != lw and i - j <= WINDOW]
            if near:
                lo, hi = max(0, min(near) - REACH), min(n, i + REACH + 1)
                if out and lo <= out[-1][1]:
                    out[-1] = (out[-1][0], hi)
                else:
                    out.append((lo, hi))
            last[lw] = i
    return out


def _prev_word(text: str, pos: int):
    """_PREV_WORD's match right before ``pos``, searched in the 64 characters before it (from
    the start only when the word may go on further back)."""
    lo = max(0, pos - 64)
    m = _PREV_WORD.search(text, lo, pos)
    if m and lo and m.start() <= lo + 1:
        m = _PREV_WORD.search(text, 0, pos)
    return m


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"'“„‘‚«»(–—-")
    return not before or before[-1] in _SENTENCE_END


def _judge(text: str, run: list, lang: str, doc_lang: str) -> bool:
    while run and run[-1][3]:
        run = run[:-1]  # "… de Gobierno de" ends on its last content word
    if len(run) < MIN_FUNCTION + MIN_CONTENT:
        return False
    functions = {w.lower() for _, _, w, f in run if f}
    content = [w for _, _, w, f in run if not f]
    if len(functions) < MIN_FUNCTION or len(content) < MIN_CONTENT:
        return False
    first = run[0][2]
    before = _prev_word(text, run[0][0])
    if before and before.group(1)[0].isupper() and not _sentence_start(text, before.start(1)):
        first = before.group(1)  # "Union des démocrates pour la République": a name goes on
    if first[0].isupper() and not (_sentence_start(text, run[0][0]) and run[0][3]):
        # a capitalised start inside a sentence: a name or a title, unless proven otherwise
        if first in ft.name_heads(lang) or first in ft.name_heads(doc_lang):
            return False
        if lang not in NOUN_CAPITALS:
            common = sum(1 for w in content if names.zipf(w, lang) >= TITLE_MIN_ZIPF)
            if common < TITLE_MIN_CONTENT or functions.isdisjoint(ft.conjunctions(lang)):
                return False
    return True


def _inside_own_sentence(text: str, s: int, e: int, doc_lang: str) -> bool:
    """Does the sentence around text[s:e] have, outside it, MIN_OWN_CONTEXT function words of
    the article's language (the group sits inside a sentence of the article's language)?"""
    for a, b in split_sentences(text, doc_lang):
        if a <= s < b:
            rest = text[a:s] + " " + text[e:b]
            own = fl._function_words()[doc_lang]
            return sum(1 for t in _WORD.findall(rest) if t.lower() in own) >= MIN_OWN_CONTEXT
    return False


def phrases(text: str, doc_lang: str, taken: list[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, language) of the foreign word groups of a block."""
    tokens = _tokens(text)
    evidence = _function(doc_lang)
    found = [(i, lw, evidence[lw]) for i, lw in enumerate(tokens[2]) if lw in evidence]
    counts: dict[str, int] = {}
    for w in {lw for _, lw, _ in found}:
        for lg in evidence[w]:
            counts[lg] = counts.get(lg, 0) + 1
    n = len(tokens[0])
    ranges = {lg: r for lg in sorted(lg for lg, c in counts.items() if c >= MIN_FUNCTION)
              if (r := _ranges(found, n, lg))}
    if not ranges:
        return []
    # the runs of the text as it is first: masking (quotations, loan phrases) only shortens
    # runs, so a block without a candidate needs none
    if not any(len(run) >= MIN_FUNCTION + MIN_CONTENT and _judge(text, run, lg, doc_lang)
               for lg, r in ranges.items() for run in _runs(text, tokens, lg, doc_lang, r)):
        return []
    masked = ft.mask(text, ft.masked_spans(text, doc_lang))
    tokens = _tokens(masked)
    out: list[tuple[int, int, str]] = []
    for lg in ranges:
        for run in _runs(masked, tokens, lg, doc_lang, [(0, len(tokens[0]))]):
            if len(run) < MIN_FUNCTION + MIN_CONTENT or not _judge(text, run, lg, doc_lang):
                continue
            while run[-1][3]:
                run = run[:-1]
            s, e = run[0][0], run[-1][1]
            if ft.overlaps(taken, s, e) or ft.overlaps([(a, b) for a, b, _ in out], s, e):
                continue
            if ft.framed(text, s, e, doc_lang) or not _inside_own_sentence(text, s, e, doc_lang):
                continue
            out.append((s, e, lg))
    return sorted(out)


DOC = """\
## What it flags
A group of four or more words in another language inside a sentence in the article's
language: Spanish "Jefes de Estado y de Gobierno" left in an English sentence, German "die
Zeitenwende der Bundesregierung". Every word of the group must be a word of that language that
is rare in the article's language, with at least two of its function words ("de", "y"; "die",
"der") and two other words. Quotations, established loan phrases ("coup d'état", "de facto",
"status quo", "Sturm und Drang", in German "last but not least"), groups introduced as a slogan,
title or term ("the so-called", "the chant", "Motto") or followed by a translation in
brackets, names of organisations ("Partido Popular", "Bund der Steuerzahler", "Die Linke") and
capitalised titles are not flagged. Sentences TQ701 or TQ702 already report are left to them.

## Why it matters
Machine translation leaves word groups it could not parse (a title of office, a noun phrase
with a rare compound) in the original; readers of the republished article cannot understand
them and the sentence reads as garbled.

## Example
"The summit of the Jefes de Estado y de Gobierno ended on Friday." -- "heads of state and
government".

## Fix
Translate the word group; if the original wording matters, keep it in quotation marks with a
translation.
"""


class ForeignPhrase:
    meta = RuleMeta(
        code="TQ703",
        name="foreign-phrase",
        family="foreign_language",
        severity=Severity.INFO,
        summary="Untranslated word group inside a sentence",
        doc=DOC,
        roles=fl.ROLES,
        examples=(
            bad("The summit of the [[Jefes de Estado y de Gobierno]] ended on Friday without a "
                "joint statement."),
            bad("The opposition leader sharply criticised [[die Zeitenwende der "
                "Bundesregierung]] in a speech on Tuesday."),
            bad("Der Minister sprach von einem [[breakthrough for the ceasefire talks]] und "
                "kündigte weitere Gespräche an.", lang="de"),
            good("Critics called it the so-called Zeitenwende der Bundesregierung, a phrase "
                 "coined by Olaf Scholz."),
            good("The crowd chanted „Wir sind das Volk“ as it marched through the city centre."),
            good("The Partido Popular and the Palacio de la Moncloa both declined to comment."),
            good("Analysts said the coup d'état had changed the status quo in the region for good."),
            good("Das Unternehmen setzt auf Learning by Doing und last but not least auf "
                 "flache Hierarchien.", lang="de"),
        ),
    )

    def __init__(self) -> None:
        fl.ForeignLanguageBlock()
        for lg in fl.WARM_LANGS:
            _gate_words(lg)

    def check(self, doc: Document, ctx: Context) -> None:
        if doc.lang not in ft.ARTICLE_LANGS or doc.lang not in fl._function_words():
            return
        foreign = _gate_words(doc.lang)
        taken = None
        for block, hits in fl.blocks(doc):  # the blocks of fl.ROLES, this rule's roles
            if len(foreign.intersection(hits)) < MIN_FUNCTION:
                continue
            text = block.text
            if taken is None:
                taken = {}
                for src in (fl.spans(doc), fsent.spans(doc)):
                    for i, sp in src.items():
                        taken.setdefault(i, []).extend(sp)
            for s, e, lg in phrases(text, doc.lang, taken.get(block.index, [])):
                ctx.report(block, s, e, f"{fl._name(lg)} phrase in {fl._name(doc.lang)} text: "
                           "left untranslated?", None)
