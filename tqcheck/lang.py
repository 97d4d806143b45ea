"""Language identification: a cheap function-word vote first, seeded langdetect only when needed.

langdetect is slow (~1 ms a call) and random unless seeded; most blocks of an article are
plainly in the article's language, which counting function words settles for free.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import data

# Possessive (never backtracks: a word is always its longest run), ~20% faster than greedy.
WORD_RE = re.compile(r"[^\W\d_]++(?:['’][^\W\d_]++)*+")
MIN_WORDS = 6  # below this neither method is trustworthy: the block gets no language
SEED = 0
NO_EVIDENCE_WORDS = 15  # a block this long without one function word is worth a langdetect call


@lru_cache(maxsize=None)
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in data.toml("function_words.toml").items()}


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


@lru_cache(maxsize=None)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose function-word list holds it (one lookup per token)."""
    index: dict[str, list[str]] = {}
    for lang, fw in _function_words().items():
        for w in fw:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def _counts(tokens: list[str]) -> Counter:
    index = _languages_of_word()
    counts: dict[str, int] = {}
    for t in tokens:
        for lang in index.get(t) or index.get(t.lower()) or ():
            counts[lang] = counts.get(lang, 0) + 1
    return Counter(counts)


def vote(tokens: list[str]) -> tuple[str | None, int, int]:
    """(leading language, its function-word count, the runner-up's count)."""
    ranked = _counts(tokens).most_common(2)
    if not ranked:
        return None, 0, 0
    return ranked[0][0], ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0


def clear_vote(tokens: list[str]) -> str | None:
    """The language the function words clearly point to, or None when they don't."""
    lang, top, second = vote(tokens)
    if lang and top >= 3 and top >= 2 * second and top >= len(tokens) * 0.15:
        return lang
    return None


@lru_cache(maxsize=1)
def _langdetect():
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = SEED
    detector_factory.init_factory()
    return detector_factory._factory


_NORMALIZED: dict[str, str] = {}  # character -> langdetect's NGram.normalize() of it


def _ngrams(det) -> list[str]:
    """langdetect's Detector._extract_ngrams, inlined: the same n-grams in the same order
    (NGram.add_char/get unrolled, normalize() looked up per character), about 3x faster; the
    n-gram extraction is most of a call on a long text."""
    from langdetect.utils.ngram import NGram

    table = det.word_lang_prob_map
    norm, normalize = _NORMALIZED, NGram.normalize
    result = []
    grams, capital = " ", False
    for ch in det.text:
        c = norm.get(ch)
        if c is None:
            c = norm[ch] = normalize(ch)
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
            if c == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += c
        if c.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        if c != " " and c in table:  # the 1-gram
            result.append(c)
        n = len(grams)
        if n >= 2:
            w = grams[-2:]
            if w in table:
                result.append(w)
            if n >= 3:
                w = grams[-3:]
                if w in table:
                    result.append(w)
    return result


def _detector(factory):
    """A seeded langdetect Detector extracting its n-grams with _ngrams."""
    det = factory.create()
    det._extract_ngrams = lambda: _ngrams(det)
    return det


# Seeded langdetect is a pure function of the text, so its answers are kept for the texts seen
# last: a feed repeats its furniture (a partner's notice, a credit line) in every article.
LANGDETECT_CACHE = 1024  # texts; a few MB at most


def probabilities(text: str) -> list[tuple[str, float]]:
    """Seeded langdetect's (language, probability) list, most likely first; [] for no text."""
    return list(_probabilities(text))


@lru_cache(maxsize=LANGDETECT_CACHE)
def _probabilities(text: str) -> tuple[tuple[str, float], ...]:
    from langdetect.lang_detect_exception import LangDetectException

    try:
        det = _detector(_langdetect())
        det.append(text)
        return tuple((p.lang, p.prob) for p in det.get_probabilities())
    except LangDetectException:
        return ()


def warm_up() -> None:
    """Load langdetect's profiles now rather than inside the first article."""
    _langdetect()


def languages() -> tuple[str, ...]:
    """The languages the function-word vote knows."""
    return tuple(sorted(_function_words()))


def sample(lang: str) -> str:
    """A text made of the language's function words: enough for every rule to take the
    language's path (and load its data), meaningless otherwise."""
    return " ".join(sorted(_function_words()[lang])[:60])


@lru_cache(maxsize=LANGDETECT_CACHE)
def langdetect(text: str) -> str | None:
    """Seeded langdetect: the same text gives the same answer on every run and machine."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect()
    try:
        det = _detector(factory)
        det.append(text)
        return det.detect()
    except LangDetectException:
        return None


def detect(text: str, expected: str | None = None, tokens: list[str] | None = None) -> str | None:
    """The language of a block of text, or None when it is too short to tell.

    langdetect is only asked when the function words disagree with ``expected`` or say
    nothing about a long block: agreement, even weak, is accepted for free.
    ``tokens``: words(text), when the caller has them already.
    """
    if tokens is None:
        tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    counts = _counts(tokens)
    ranked = counts.most_common(2)
    leader, top = ranked[0] if ranked else (None, 0)
    second = ranked[1][1] if len(ranked) > 1 else 0
    if leader is not None and expected is not None and counts[expected] == top:
        return expected  # the expected language leads or ties: no reason to doubt it
    if leader is not None and expected is None and top > second:
        return leader
    if leader is None and len(tokens) < NO_EVIDENCE_WORDS:
        return None  # a short line of names and numbers: nothing to go on
    return langdetect(text)
