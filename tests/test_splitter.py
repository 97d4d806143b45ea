"""The plain-text splitter: line numbering, every role on small hand-written snippets in English
and German, and role accuracy on the labelled seed article."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tqcheck import data
from tqcheck.model import Role
from tqcheck.splitter import split_plain
from tqcheck.splitter import plain

SEED = Path(__file__).parent.parent / "fixtures" / "seed"

# Filler paragraphs: long enough to be running text, neutral in content.
EN = ("The regional council met on Tuesday evening to discuss the budget for next year, and "
      "several members asked for more money for schools, roads and the local hospital.")
EN2 = ("Officials said the final decision would be taken in December, after a public "
       "consultation that is expected to draw hundreds of written comments from residents.")
DE = ("Der Gemeinderat hat am Dienstagabend über den Haushalt für das kommende Jahr beraten, "
      "und mehrere Mitglieder forderten mehr Geld für Schulen, Straßen und das Krankenhaus.")
DE2 = ("Die endgültige Entscheidung soll im Dezember fallen, nach einer öffentlichen Anhörung, "
       "zu der Hunderte schriftliche Stellungnahmen von Anwohnern erwartet werden.")
# Headline and lede, so that the lines under test sit in the running text.
TOP_EN = ("Council argues over next year’s budget",
          "Several members want more money for schools. The decision is due in December.")
TOP_DE = ("Gemeinderat streitet über den Haushalt",
          "Mehrere Mitglieder wollen mehr Geld für Schulen. Entschieden wird im Dezember.")


def roles(*lines: str) -> list[str]:
    return [b.role.value for b in split_plain("\n".join(lines))]


def between_paragraphs(*lines: str, lang: str = "en") -> list[str]:
    """The roles of `lines` standing between two paragraphs of an article."""
    top, first, last = (TOP_EN, EN, EN2) if lang == "en" else (TOP_DE, DE, DE2)
    got = roles(*top, first, *lines, last)
    assert got[:3] == ["headline", "lede", "body"] and got[-1] == "body", got
    return got[3:-1]


def at_the_end(*lines: str, lang: str = "en") -> list[str]:
    top, first, last = (TOP_EN, EN, EN2) if lang == "en" else (TOP_DE, DE, DE2)
    got = roles(*top, first, last, *lines)
    assert got[:4] == ["headline", "lede", "body", "body"], got
    return got[4:]


# -- API and line handling -----------------------------------------------------------------

def test_reexport_is_the_same_function():
    assert split_plain is plain.split_plain


@pytest.mark.parametrize("text", ["", "\n", "  \n\t\n", "\ufeff", "\ufeff\r\n \r\n"])
def test_empty_input_gives_no_blocks(text):
    assert split_plain(text) == ()


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_count_blank_lines(newline):
    text = newline.join(["Headline of the day", "", EN, "   ", "", EN2, ""])
    blocks = split_plain(text)
    assert [b.line for b in blocks] == [1, 3, 6]
    assert [b.index for b in blocks] == [0, 1, 2]
    assert [b.text for b in blocks] == ["Headline of the day", EN, EN2]
    assert all(b.lang is None for b in blocks)


def test_line_numbers_match_splitlines_for_crlf_files():
    text = "Kicker\r\nA headline that is longer\r\n\r\n" + EN + "\r\n\r\n" + EN2 + "\r\n"
    expected = [n for n, ln in enumerate(text.splitlines(), 1) if ln.strip()]
    assert [b.line for b in split_plain(text)] == expected


def test_only_cr_and_lf_end_lines():
    # \x85 is what a mis-decoded "…" becomes; \u2028 and \x0c are no line ends in an article.
    blocks = split_plain(f"Headline of the day\n{EN}\x85 more\u2028text\x0cend.\n{EN2}")
    assert [b.line for b in blocks] == [1, 2, 3]


def test_bom_and_surrounding_whitespace_are_dropped():
    blocks = split_plain("\ufeff  Headline of the day \t\n" + EN)
    assert blocks[0].text == "Headline of the day"
    assert blocks[0].line == 1
    assert blocks[0].role is Role.HEADLINE


def test_every_block_gets_a_role_from_the_vocabulary():
    for block in split_plain("\n".join(["x", "?", "—", "12", EN, "…", "Foo bar"])):
        assert isinstance(block.role, Role)


# -- the top of an article -----------------------------------------------------------------

def test_headline_lede_body_en():
    lede = "Several members want more money for schools. The decision is due in December."
    assert roles("Council argues over next year’s budget", lede, EN, EN2) == [
        "headline", "lede", "body", "body"]


def test_kicker_headline_lede_de():
    lede = "Mehrere Mitglieder wollen mehr Geld für Schulen. Entschieden wird im Dezember."
    assert roles("Haushalt", "Gemeinderat streitet über das Geld für das kommende Jahr", lede,
                 DE, DE2) == ["kicker", "headline", "lede", "body", "body"]


def test_line_under_a_kicker_is_the_headline_even_as_a_sentence():
    assert roles("Budget", "The council argued about money. Nobody was happy with it.", EN)[:2] == [
        "kicker", "headline"]


def test_paragraph_opening_with_a_dateline_is_body_not_lede():
    assert roles("Council argues over budget", "BERLIN (dpa) – " + EN, EN2)[1] == "body"


def test_text_without_a_headline_starts_with_body():
    assert roles(EN, EN2) == ["body", "body"]


@pytest.mark.parametrize("line", ["BERLIN, Nov 7 (Agency)", "Kyiv, 12. März", "Washington (AP) —",
                                  "Tehran/Berlin, 14 August", "Stand: 07.11.2024, 10:32 Uhr"])
def test_dateline(line):
    assert roles(TOP_EN[0], line, EN, EN2) == ["headline", "dateline", "body", "body"]


# -- page furniture between paragraphs -----------------------------------------------------

@pytest.mark.parametrize("line", [
    "The mayor at the council meeting on Tuesday. © Jane Miller/Agency",
    "The town hall in the evening. Photo: Jane Miller",
    "Das Rathaus am Abend. Foto: Jana Müller/dpa",
    "Der Sitzungssaal des Rathauses (Archivbild)",
])
def test_caption(line):
    assert between_paragraphs(line) == ["caption"]


def test_running_text_mentioning_a_photo_is_no_caption():
    line = "Die Polizei veröffentlichte ein Foto: Es zeigt den Mann vor dem Haus in der Nacht."
    assert between_paragraphs(line, lang="de") == ["body"]


def test_copyright_footer_is_other():
    assert at_the_end("© 2024 Daily Courier. All rights reserved.") == ["other"]


@pytest.mark.parametrize("line", [
    "Read the Daily Courier for free for four weeks",
    "Subscribe now and get unlimited access to all articles",
    "Jetzt vier Wochen kostenlos lesen – mit dem Digital-Abo",
    "Unser Newsletter: jeden Morgen die wichtigsten Nachrichten",
])
def test_promo(line):
    assert between_paragraphs(line) == ["promo"]


def test_gallery_line_and_the_title_above_it():
    assert between_paragraphs("The ten biggest council projects", "View photo series") == [
        "gallery", "gallery"]
    assert between_paragraphs("Die größten Bauprojekte der Stadt", "Zur Bildergalerie",
                              lang="de") == ["gallery", "gallery"]


@pytest.mark.parametrize("line", ["Read also: Why the hospital needs a new wing",
                                  "Read more: The ten biggest council projects",
                                  "Lesen Sie auch: Warum das Krankenhaus anbauen muss",
                                  "Mehr zum Thema: Die größten Bauprojekte"])
def test_related(line):
    assert between_paragraphs(line) == ["related"]


def test_teaser_title_under_a_bare_related_marker():
    assert between_paragraphs("Lesen Sie auch:", "Warum das Krankenhaus anbauen muss",
                              lang="de") == ["related", "related"]


def test_subheadings_stand_between_paragraphs():
    assert between_paragraphs("Schools want more money") == ["subheading"]
    assert between_paragraphs("Wer bekommt das Geld?", lang="de") == ["subheading"]
    assert between_paragraphs("„Ein Signal an die Schulen“", lang="de") == ["subheading"]
    # across page furniture too
    assert between_paragraphs("Subscribe to our newsletter", "Schools want more money") == [
        "promo", "subheading"]


def test_a_short_sentence_between_paragraphs_is_body():
    assert between_paragraphs("Nobody objected.") == ["body"]


def test_short_line_outside_the_running_text_is_other():
    assert at_the_end("Share this article") == ["other"]


def test_pullquote_repeats_a_body_sentence_fuzzily():
    source = ("“Any budget – even a bad budget – would be better than none,” the mayor said on "
              "Tuesday, adding that the council had wasted three months.")
    quote = "Any budget — even a bad budget — would be better than none."
    assert between_paragraphs(source, quote) == ["body", "pullquote"]
    assert between_paragraphs(quote, source) == ["pullquote", "body"]


def test_pullquote_de():
    source = ("„Wir können nicht jedes Jahr neue Schulden machen“, sagte die Kämmerin am Dienstag "
              "und verwies auf die steigenden Zinsen der vergangenen Jahre.")
    quote = "„Wir können nicht jedes Jahr neue Schulden machen.“"
    assert between_paragraphs(source, quote, lang="de") == ["body", "pullquote"]


def test_short_sentence_that_repeats_nothing_is_not_a_pullquote():
    assert between_paragraphs("The mayor did not attend the meeting at all.") == ["body"]


# -- end matter ----------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Jane Miller in Brussels contributed to this report.",
    "John Smith contributed reporting.",
    "Mitarbeit: Jana Müller",
    "Mit Material von dpa und AFP",
    "Jana Müller in Kiew hat zu diesem Bericht beigetragen.",
])
def test_contributors(line):
    assert at_the_end(line) == ["contributors"]


def test_byline_under_the_headline():
    assert roles(TOP_EN[0], "By Jane Miller and John Smith", EN, EN2)[1] == "contributors"
    assert roles(TOP_DE[0], "Von Jana Müller", DE, DE2)[1] == "contributors"


def test_author_box_header_and_bios():
    bio_en = "Jane Miller is a local government reporter at the Daily Courier."
    bio_de = "Jana Müller ist Lokalkorrespondentin und berichtet aus dem Rathaus."
    assert at_the_end("To the authors", bio_en, bio_de) == ["author_bio"] * 3
    assert at_the_end(bio_en) == ["author_bio"]
    assert at_the_end("Zu den Autoren", "Sie schreibt seit 2010 über Kommunalpolitik.",
                      lang="de") == ["author_bio", "author_bio"]
    assert at_the_end("Über die Autorin", lang="de") == ["author_bio"]


def test_bio_sentence_inside_the_running_text_is_body():
    mid = ("Jane Miller is a former reporter who now advises the council on its press work, and "
           "she said the budget debate had been the toughest in years.")
    assert between_paragraphs(mid) == ["body"]


@pytest.mark.parametrize("line", [
    "This article was machine-translated from German and may contain errors.",
    "We are currently testing machine translations. This article was automatically translated.",
    "Dieser Artikel wurde maschinell übersetzt.",
    "Dieser Beitrag wurde automatisiert aus dem Englischen ins Deutsche übersetzt.",
    "Cet article a été traduit automatiquement.",
    "Este artículo ha sido traducido automáticamente.",
    "Translated from German by DeepL.",
])
def test_translation_notice(line):
    assert at_the_end(line) == ["translation_notice"]


def test_translation_notice_at_the_top():
    notice = "Translated from Portuguese:"
    assert roles(notice, *TOP_EN, EN)[:3] == ["translation_notice", "headline", "lede"]
    # glued to the headline, the line is the headline
    assert roles(f"{notice} {TOP_EN[0]}", TOP_EN[1], EN)[:2] == ["headline", "lede"]


@pytest.mark.parametrize("line", [
    "This article was first published in English on the Daily Courier website.",
    "It first appeared in English in the Daily Courier.",
    "Dieser Artikel erschien zuerst auf Englisch im Daily Courier.",
    "Der Text entstand im Rahmen einer Kooperation mit dem Daily Courier.",
])
def test_syndication_notice(line):
    assert at_the_end(line) == ["syndication_notice"]


def test_notices_in_the_running_text_need_to_speak_about_the_article():
    assert between_paragraphs("This article was first published in the Daily Courier.") == [
        "syndication_notice"]
    assert between_paragraphs("The study first appeared in a journal in 2023.") == ["body"]


@pytest.mark.parametrize("line", ["Translated from the German by Anna Weber.",
                                  "Aus dem Englischen von Anna Weber."])
def test_human_translator_credit_is_not_a_machine_notice(line):
    assert at_the_end(line) == ["contributors"]


def test_article_about_machine_translation_is_not_a_notice():
    head = "Why machine-translated news still needs human eyes"
    mid = ("Researchers said the study first appeared in a journal last year and that machine "
           "translation is improving fast, although names are still a problem for it.")
    last = "“Machine translation is a wonderful tool,” the researcher said."
    assert roles(head, EN, mid, EN2, last) == ["headline", "lede", "body", "body", "body"]


# -- the cue data --------------------------------------------------------------------------

def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source."""
    parts, depth, start, escaped = [], 0, 0, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return parts + [pattern[start:]]


def test_every_contains_pattern_carries_a_trigger():
    """Triggers spare blocks the regex search; a pattern without one would never be tried."""
    tables = data.toml("roles.toml")
    for name, table in tables.items():
        triggers = table.get("triggers")
        if not triggers:
            continue
        for pattern in table.get("contains", ()):
            for branch in _branches(pattern):
                literal = re.sub(r"\\(\W)", r"\1", branch)  # "bild\)" reads "bild)"
                assert any(t in literal for t in triggers), (name, branch)


def test_contains_patterns_are_lower_case():
    """`contains` patterns search the lower-cased text: a capital would never match."""
    for name, table in data.toml("roles.toml").items():
        for pattern in table.get("contains", ()):
            literal = re.sub(r"\\.", "", pattern)  # escapes such as \b \S \W are fine
            assert literal == literal.lower() and "(?-i" not in pattern, (name, pattern)


def test_roles_toml_names_its_source():
    assert data.path("roles.toml").read_text(encoding="utf-8").startswith("# source:")


# -- the labelled seed ---------------------------------------------------------------------

def test_seed_roles_at_least_90_percent():
    labels = json.loads((SEED / "presssplit-seed.labels.json").read_text(encoding="utf-8"))
    text = (SEED / labels["file"]).read_text(encoding="utf-8")
    got = {}
    for block in split_plain(text):
        got.setdefault(block.line, block.role.value)
    expected = labels["blocks"]
    right = sum(got.get(b["line"]) == b["role"] for b in expected)
    assert right / len(expected) >= 0.9, [(b["line"], b["role"], got.get(b["line"]))
                                          for b in expected if got.get(b["line"]) != b["role"]]
