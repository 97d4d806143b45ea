"""Which of many literal strings occur in a text, in one pass (Aho–Corasick, pyahocorasick).

Several steps ask "does this line hold any of these 20 words?" for every line of every
article. A substring test per word, or a regex alternation of them (which `re` tries word by
word at every position), costs time in proportion to the number of words; an Aho–Corasick
automaton reads the text once whatever their number, and reports overlapping hits too.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import Iterable, Sequence

import ahocorasick

_NOTHING: frozenset[str] = frozenset()


class Literals:
    """A fixed set of strings, searched for all at once. Matching is exact (lower-case the
    text first when the strings are lower-case)."""

    def __init__(self, strings: Iterable[str]):
        self._automaton = ahocorasick.Automaton()
        for s in sorted(set(strings)):
            if "\n" in s:
                raise ValueError(f"a literal with a line break: {s!r}")
            if s:
                self._automaton.add_word(s, s)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def found_in(self, text: str) -> frozenset[str]:
        """The strings that occur in text (anywhere, overlapping or not)."""
        found = _NOTHING
        if not self._empty:
            for _, s in self._automaton.iter(text):  # usually none: no set built
                found = found | {s}
        return found

    def found_in_each(self, texts: Sequence[str]) -> list[frozenset[str]]:
        """found_in() of each text (none holding a line break), in one pass over them all:
        the per-call cost dominates for short texts such as the lines of an article."""
        found = [_NOTHING] * len(texts)
        if self._empty or not texts:
            return found
        breaks = list(accumulate(len(t) + 1 for t in texts))  # one past each text's end
        for end, s in self._automaton.iter("\n".join(texts)):
            i = bisect_left(breaks, end + 1)  # a match never spans a break: no string has one
            found[i] = found[i] | {s}
        return found

    def starts(self, text: str) -> list[int]:
        """Where occurrences begin, in order of their ends."""
        if self._empty:
            return []
        return [end - len(s) + 1 for end, s in self._automaton.iter(text)]
