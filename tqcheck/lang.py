"""Language identification: a cheap function-word vote first, seeded langdetect only when needed.

langdetect is slow (~1 ms a call) and random unless seeded; most blocks of an article are
plainly in the article's language, which counting function words settles for free.
"""
from __future__ import annotations

import re
from collections import _count_elements  # Counter's counting loop (C)
from functools import lru_cache

from . import data
from .caches import text_cache

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


KEEP = 4  # documents whose blocks' words are kept
_KEPT: tuple = ()  # ((document, words of each of its blocks), ...), the latest last


def keep_words(doc, block_words: list[list[str]]) -> None:
    """Keep words() of each block of a document just built, for the rules that read its blocks
    again (kept_words): tokenised once, and the words' hashes already computed by counts()."""
    global _KEPT
    _KEPT = (_KEPT + ((doc, block_words),))[-KEEP:]


def kept_words(doc) -> list[list[str]] | None:
    """words() of each block of ``doc`` (by identity) if keep_words() was given them, else None."""
    for seen, block_words in _KEPT:
        if seen is doc:
            return block_words
    return None


@lru_cache(maxsize=None)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """word -> the languages whose function-word list holds it (one lookup per token)."""
    index: dict[str, list[str]] = {}
    for lang, fw in _function_words().items():
        for w in fw:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


class _TokenLanguages(dict):
    """token -> the languages whose function word it is (as it is, else lower-cased; () for
    none), looked up on first use and remembered; emptied when it grows past MAX entries."""

    MAX = 50_000  # a few MB

    def __missing__(self, token: str) -> tuple[str, ...]:
        if len(self) >= self.MAX:
            self.clear()
        index = _languages_of_word()
        langs = self[token] = index.get(token) or index.get(token.lower()) or ()
        return langs


_TOKEN_LANGS = _TokenLanguages()


def counts(tokens: list[str]) -> dict[str, int]:
    """language -> how many of the tokens are its function words (a token as it is, else
    lower-cased), the languages in the order the tokens first name them. The tokens' language
    tuples are counted in C (a Counter's counting loop), then spread over their languages."""
    tally: dict[tuple[str, ...], int] = {}
    _count_elements(tally, filter(None, map(_TOKEN_LANGS.__getitem__, tokens)))
    out: dict[str, int] = {}
    for langs, n in tally.items():
        for lang in langs:
            out[lang] = out.get(lang, 0) + n
    return out


def merge_counts(parts) -> dict[str, int]:
    """counts() of the concatenated token lists, from the counts() of each (same order)."""
    out: dict[str, int] = {}
    for part in parts:
        for lang, n in part.items():
            out[lang] = out.get(lang, 0) + n
    return out


def _ranked(counts: dict[str, int]) -> tuple[str | None, int, int]:
    """(leader, its count, the runner-up's count) as Counter.most_common(2) ranks them: the
    first-named language wins a tie."""
    leader, top, second = None, 0, 0
    for lang, n in counts.items():
        if leader is None or n > top:
            if leader is not None:
                second = top
            leader, top = lang, n
        elif n > second:
            second = n
    return leader, top, second


def vote(tokens: list[str], counted: dict[str, int] | None = None) -> tuple[str | None, int, int]:
    """(leading language, its function-word count, the runner-up's count).
    ``counted``: counts(tokens), when the caller has them already."""
    return _ranked(counts(tokens) if counted is None else counted)


def clear_vote(tokens: list[str], counted: dict[str, int] | None = None) -> str | None:
    """The language the function words clearly point to, or None when they don't."""
    lang, top, second = vote(tokens, counted)
    if lang and top >= 3 and top >= 2 * second and top >= len(tokens) * 0.15:
        return lang
    return None


@lru_cache(maxsize=1)
def _langdetect():
    from langdetect import DetectorFactory, detector_factory

    DetectorFactory.seed = SEED
    detector_factory.init_factory()
    return detector_factory._factory


class _Normalized(dict):
    """code point -> langdetect's NGram.normalize() of the character (a str.translate table),
    computed on first use."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        c = self[code] = NGram.normalize(chr(code))
        return c


_NORMALIZED = _Normalized()
_WORD_NGRAMS: dict[str, list[str]] = {}  # normalised word (+ " " when one follows) -> n-grams
_WORD_NGRAMS_MAX = 100_000  # words; emptied when full


def _word_ngrams(word: str, table) -> list[str]:
    """langdetect's n-grams of one normalised word (NGram.add_char/get unrolled), from the
    state a space leaves (grams " ", not a capital word); with its trailing space if given."""
    result = []
    grams, capital = " ", False
    for c in word:
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
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


def _ngrams(det) -> list[str]:
    """langdetect's Detector._extract_ngrams: the same n-grams in the same order, word by word.
    Its n-gram buffer starts afresh after every space, so a word's n-grams (with those of the
    space after it) depend on the word alone and are computed once per word, not per token;
    the characters are normalised with one str.translate. Most of a call on a long text was
    this extraction, one character at a time."""
    table = det.word_lang_prob_map  # the one factory's: the same for every call
    if len(_WORD_NGRAMS) > _WORD_NGRAMS_MAX:
        _WORD_NGRAMS.clear()
    words = det.text.translate(_NORMALIZED).split(" ")
    result: list[str] = []
    last = len(words) - 1
    for i, word in enumerate(words):
        if word:  # "": between two spaces, where the buffer only starts afresh
            if i < last:
                word += " "
            grams = _WORD_NGRAMS.get(word)
            if grams is None:
                grams = _WORD_NGRAMS[word] = _word_ngrams(word, table)
            result += grams
    return result


_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]")  # what Detector.cleaning_text counts as Latin
_ABOVE_LATIN = re.compile("[\u0300-\U0010ffff]")  # ... the characters it may count as not


def _append(det, text: str) -> None:
    """Detector.append: URLs and e-mail addresses dropped, Vietnamese normalised, the first
    max_text_length characters kept with each run of spaces made one (its loop, in C)."""
    from langdetect.utils.ngram import NGram

    text = NGram.normalize_vi(det.MAIL_RE.sub(" ", det.URL_RE.sub(" ", text)))
    det.text += _SPACES.sub(" ", text[:det.max_text_length])


def _clean(det) -> None:
    """Detector.cleaning_text (which drops the Latin letters of a text mostly in another
    script), called only when that can happen: it counts the non-Latin characters among those
    from U+0300 on, so twice the Latin letters outnumbering those leaves the text as it is."""
    text = det.text
    if not text.isascii() and 2 * len(_LATIN.findall(text)) < len(_ABOVE_LATIN.findall(text)):
        det.cleaning_text()


def _detect_block(det) -> None:
    """langdetect's Detector._detect_block with the same random draws and the same float
    operations in the same order (so the same probabilities to the last bit), in about 70% of
    its time. The draws do not depend on the probabilities, so the five updates between two
    normalisations are done in one pass over the languages (each language's product is
    still taken one factor at a time, left to right); the update loop is most of a call."""
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    _clean(det)
    ngrams = _ngrams(det)
    if not ngrams:
        raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
    table, n_trial = det.word_lang_prob_map, det.n_trial
    limit, conv = det.ITERATION_LIMIT, det.CONV_THRESHOLD
    langprob = [0.0] * len(det.langlist)
    det.random.seed(det.seed)
    choice, five = det.random.choice, range(5)
    for _ in range(n_trial):
        prob = det._init_probability()
        w = (det.alpha + det.random.gauss(0.0, 1.0) * det.ALPHA_WIDTH) / det.BASE_FREQ
        # iteration 0, then iterations 1-5, 6-10, ...: normalised (and tested) after each group
        prob = [p * (w + a) for p, a in zip(prob, table[choice(ngrams)])]
        i = 0
        while True:
            total = sum(prob)  # _normalize_prob (the probabilities are positive: max() is its maxp)
            prob = [p / total for p in prob]
            if max(prob) > conv or i >= limit:
                break
            a, b, c, d, e = [table[choice(ngrams)] for _ in five]
            prob = [p * (w + ai) * (w + bi) * (w + ci) * (w + di) * (w + ei)
                    for p, ai, bi, ci, di, ei in zip(prob, a, b, c, d, e)]
            i += 5
        langprob = [lp + p / n_trial for lp, p in zip(langprob, prob)]
    det.langprob = langprob


def _detector(factory, text: str):
    """A seeded langdetect Detector holding ``text`` (_append), detecting with _detect_block."""
    det = factory.create()
    _append(det, text)
    det._detect_block = lambda: _detect_block(det)
    return det


# Seeded langdetect is a pure function of the text, so its answers are kept for the texts seen
# last: a feed repeats its furniture (a partner's notice, a credit line) in every article.
LANGDETECT_CACHE = 1024  # texts; a few MB at most


def probabilities(text: str) -> list[tuple[str, float]]:
    """Seeded langdetect's (language, probability) list, most likely first; [] for no text."""
    return list(_probabilities(text))


@text_cache(LANGDETECT_CACHE)
def _probabilities(text: str) -> tuple[tuple[str, float], ...]:
    from langdetect.lang_detect_exception import LangDetectException

    try:
        det = _detector(_langdetect(), text)
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


@text_cache(LANGDETECT_CACHE)
def langdetect(text: str) -> str | None:
    """Seeded langdetect: the same text gives the same answer on every run and machine."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        return _detector(_langdetect(), text).detect()
    except LangDetectException:
        return None


def detect(text: str, expected: str | None = None, tokens: list[str] | None = None,
           counted: dict[str, int] | None = None) -> str | None:
    """The language of a block of text, or None when it is too short to tell.

    langdetect is only asked when the function words disagree with ``expected`` (more than
    one of another language's) or say nothing about a long block of an article in a language
    they know: agreement, even weak, is accepted for free.
    ``tokens``: words(text), and ``counted``: counts(tokens), when the caller has them already.
    """
    if tokens is None:
        tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    if counted is None:
        counted = counts(tokens)
    leader, top, second = _ranked(counted)
    if leader is not None and expected is not None and counted.get(expected, 0) == top:
        return expected  # the expected language leads or ties: no reason to doubt it
    if leader is not None and expected is None and top > second:
        return leader
    if leader is None and expected is not None and expected not in _function_words():
        # An article in a language the vote does not know (Russian, Korean): its blocks show
        # none of the known function words either, so nothing disagrees with it.
        return expected
    if top <= 1 and len(tokens) < NO_EVIDENCE_WORDS:
        # A short line of names and numbers, maybe with one stray function word ("Apple
        # iPhone 7 Plus, GSM Unlocked, 128GB", "CB Tavierre Thomas 1 1% No stats registered."):
        # nothing to go on. langdetect's guesses there are noise, and its slowest calls.
        return None
    return langdetect(text)
