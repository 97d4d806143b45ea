"""tqcheck.literals: the one-pass search for many fixed strings must agree with `s in text`."""
import pytest
from hypothesis import given, strategies as st

from tqcheck.literals import Literals

WORDS = ["bild", "bild:", "photo", "foto", "ph", "©", " ads", "übersetz"]


def test_overlapping_and_nested_strings_are_all_found():
    found = Literals(WORDS).found_in("bild: photo©")
    assert found == {"bild", "bild:", "photo", "ph", "©"}


def test_each_line_gets_only_its_own_strings():
    lines = ["free ads here", "", "bild: x", "nothing"]
    assert Literals(WORDS).found_in_each(lines) == [{" ads"}, set(), {"bild", "bild:"}, set()]


def test_starts_are_where_occurrences_begin():
    text = "a photo, a foto"
    assert sorted(Literals(WORDS).starts(text)) == [2, 2, 11]


def test_no_strings_finds_nothing():
    assert Literals([]).found_in("anything") == frozenset()
    assert Literals([]).found_in_each(["a", "b"]) == [frozenset(), frozenset()]


def test_a_string_with_a_line_break_is_refused():
    with pytest.raises(ValueError, match="line break"):
        Literals(["two\nlines"])


@given(st.lists(st.text("abc ü\u200b", max_size=30), max_size=6),
       st.lists(st.text("abc ü", min_size=1, max_size=3), max_size=8))
def test_agrees_with_substring_tests(lines, strings):
    finder = Literals(strings)
    expected = [{s for s in strings if s in line} for line in lines]
    assert finder.found_in_each(lines) == expected
    assert [finder.found_in(line) for line in lines] == expected
