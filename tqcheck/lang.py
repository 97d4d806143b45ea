"""Language identification: a cheap function-word vote first, seeded langdetect only when needed.

langdetect is slow (~1 ms a call) and random unless seeded; most blocks of an article are
plainly in the article's language, which counting function words settles for free.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from . import data

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
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


def probabilities(text: str) -> list[tuple[str, float]]:
    """Seeded langdetect's (language, probability) list, most likely first; [] for no text."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        det = _langdetect().create()
        det.append(text)
        return [(p.lang, p.prob) for p in det.get_probabilities()]
    except LangDetectException:
        return []


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


def langdetect(text: str) -> str | None:
    """Seeded langdetect: the same text gives the same answer on every run and machine."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect()
    try:
        det = factory.create()
        det.append(text)
        return det.detect()
    except LangDetectException:
        return None


def detect(text: str, expected: str | None = None) -> str | None:
    """The language of a block of text, or None when it is too short to tell.

    langdetect is only asked when the function words disagree with ``expected`` or say
    nothing about a long block: agreement, even weak, is accepted for free.
    """
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
