"""The encoding family (TQ901-TQ905): table-driven flag and quiet cases."""
from __future__ import annotations

import pytest

from tqcheck.detectors.encoding import (DoubledPunctuation, InvisibleCharacter,
                                        LeftoverHtmlEntity, Mojibake, ReplacementCharacter)
from tqcheck.examples import run

ALL = (Mojibake, LeftoverHtmlEntity, ReplacementCharacter, InvisibleCharacter, DoubledPunctuation)

# (rule, lang, text, flagged text, suggestion)
FLAG = [
    (Mojibake, "de", "Die Polizei in MÃ¼nchen sprach.", "MÃ¼nchen", "München"),
    (Mojibake, "de", "Das ist Ã¼ber alles.", "Ã¼ber", "über"),
    (Mojibake, "de", "Sie lebt in Ã–sterreich.", "Ã–sterreich", "Österreich"),
    (Mojibake, "de", "Er kam aus Ã„gypten.", "Ã„gypten", "Ägypten"),
    (Mojibake, "de", "Die StraÃŸe ist gesperrt.", "StraÃŸe", "Straße"),
    (Mojibake, "de", "Er sagte â€žNeinâ€œ und ging.", "â€žNeinâ€œ", "„Nein“"),
    (Mojibake, "de", "Viele GrÃƒÂ¼ÃƒÅ¸e aus Kiel.", "GrÃƒÂ¼ÃƒÅ¸e", "Grüße"),
    (Mojibake, "en", "He said â€œnoâ€\x9d twice.", "â€œnoâ€\x9d", "“no”"),
    (Mojibake, "en", "He said â€œnoâ€ twice.", "â€œnoâ€", "“no”"),
    (Mojibake, "en", "The city\x92s mayor spoke.", "city\x92s", "city’s"),
    (Mojibake, "en", "It doesnâ€™t matter.", "doesnâ€™t", "doesn’t"),
    (Mojibake, "en", "The 2019â€“2020 season.", "2019â€“2020", "2019–2020"),
    (Mojibake, "en", "It costs 5 â‚¬ now.", "â‚¬", "€"),
    (Mojibake, "en", "The Appleâ„¢ logo.", "Appleâ„¢", "Apple™"),
    (Mojibake, "en", "They met at the CafÃ© de Flore.", "CafÃ©", "Café"),
    (Mojibake, "fr", "Il a dit qu’il Ã©tait prêt.", "Ã©tait", "était"),
    (Mojibake, "fr", "FranÃ§ois Hollande", "FranÃ§ois", "François"),
    (Mojibake, "en", "Talks in WrocÅ‚aw ended.", "WrocÅ‚aw", "Wrocław"),
    (Mojibake, "pl", "Nie ma wiÄ™cej czasu.", "wiÄ™cej", "więcej"),
    (Mojibake, "en", "He flew to (KrakÃ³w) at night.", "KrakÃ³w", "Kraków"),
    (Mojibake, "fr", "voilÃ\xa0 le travail", "voilÃ\xa0", "voilà"),
    (Mojibake, "fr", "voilÃ  le travail", "voilÃ", "voilà"),
    (LeftoverHtmlEntity, "en", "He said &quot;no.", "&quot;", '"'),
    (LeftoverHtmlEntity, "en", "Johnson &amp; Johnson", "&amp;", "&"),
    (LeftoverHtmlEntity, "en", "AT&amp;T shares", "&amp;", "&"),
    (LeftoverHtmlEntity, "en", "a &#8220;turning point", "&#8220;", "“"),
    (LeftoverHtmlEntity, "en", "a &#x201C;turning point", "&#x201C;", "“"),
    (LeftoverHtmlEntity, "en", "the court said &amp;quot;no", "&amp;quot;", '"'),
    (LeftoverHtmlEntity, "de", "5&nbsp;Prozent", "&nbsp;", "\xa0"),
    (LeftoverHtmlEntity, "de", "Gr&uuml;ße", "&uuml;", "ü"),
    (ReplacementCharacter, "de", "Die Polizei in M\ufffdnchen sprach.", "M\ufffdnchen", "München"),
    (ReplacementCharacter, "de", "Er sagte: \ufffdWir gehen.", "\ufffdWir", None),
    (ReplacementCharacter, "en", "Price: 5 \ufffd a month.", "\ufffd", None),
    (InvisibleCharacter, "de", "in Ber\u200blin heute", "Ber\u200blin", "Berlin"),
    (InvisibleCharacter, "en", "the Prime\u2060minister said", "Prime\u2060minister", "Primeminister"),
    (InvisibleCharacter, "en", "the mini\ufeffster said", "mini\ufeffster", "minister"),
    (InvisibleCharacter, "en", "the Par\u200dliament voted", "Par\u200dliament", "Parliament"),
    (InvisibleCharacter, "de", "am Donnerstag\u00ad ab", "Donnerstag\u00ad", "Donnerstag"),
    (InvisibleCharacter, "en", "named \u202eexe.txt by them", "\u202eexe.txt", "exe.txt"),
    (InvisibleCharacter, "en", "in \u202aLondon\u202c today", "\u202aLondon\u202c", "London"),
    (InvisibleCharacter, "en", "the mayor said\x0bThursday", "said\x0bThursday", "said Thursday"),
    (DoubledPunctuation, "en", "arrived in Berlin,, the chancellor said", "Berlin,,", "Berlin,"),
    (DoubledPunctuation, "de", "bis Mitternacht.. Am Morgen", "Mitternacht..", "Mitternacht."),
    (DoubledPunctuation, "de", "Er schwieg..", "schwieg..", "schwieg."),
    (DoubledPunctuation, "en", "Note:: the text", "Note::", "Note:"),
    (DoubledPunctuation, "en", "The talks ended.. “We go on”", "ended..", "ended."),
]

# (lang, text): no encoding rule may flag these
QUIET = [
    ("en", "André’s café in Kraków, Zürich–Genf, Øresund, Ñuñoa, Đoković’s serve, Brontë’s."),
    ("en", "Ålesund, Ærø, Þórsmörk, İstanbul, Erdoğan’s party, Dvořák’s symphony, Łódź."),
    ("en", "Citroën’s plant in Besançon; Señor Piñera; São Paulo’s mayor; Côte d’Ivoire."),
    ("en", "Mötley Crüe’s tour; Hôtel de Ville; née Müller; ROMÂNIA; the Élysée–Palast."),
    ("de", "„Das war groß“, sagte der Bürgermeister. Spaß… und Grüße aus Köln."),
    ("de", "«Spaß» und «Café» in der Schweiz; Öl’s Preis; ÖVP–Chef; Ü–Wagen."),
    ("fr", "« C’est l’été\u00a0», a-t-il dit. Il était prêt à 10\u00a0h. «\u00a0Où\u00a0?\u00a0»"),
    ("pl", "Zażółć gęślą jaźń — powiedział minister w Gdańsku i we Wrocławiu."),
    ("en", "AT&T and R&D spending rose; the Q&A session, S&P 500, M&A and P&O ferries."),
    ("en", "Procter & Gamble; Marks & Spencer; Tom&Jerry; B&Q; A&E."),
    ("en", "See https://example.com/search?q=tax&lang=en&copy=1 and www.x.org/?a=1&b=2."),
    ("en", "He paused... then said: well, nothing. Wow!! Really?? And so on…"),
    ("en", "Use std::vector and fe80::1 here; see ../docs and https://a.org/x..y."),
    ("de", "Er sagte ,,Hallo'' und ging."),
    ("en", "Is it over?No, said the mayor, who?"),
    ("en", "Congrats to the team 👩\u200d💻 🏳️\u200d🌈 👨\u200d👩\u200d👧 on the launch."),
    ("fa", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0628\u0647 \u062e\u0627\u0646\u0647 \u0628\u0631\u0648\u0645."),
    ("hi", "\u0915\u094d\u200d\u0937 and \u0930\u094d\u200c\u092f in Hindi text."),
    ("de", "Laut Gesetz soll der Not\u00adfall\u00addaten\u00adsatz kommen."),
    ("en", "\u200b"),
    ("en", "Read more on Instagram.\u2060\u2060"),
    ("he", "\u05e9\u05dc\u05d5\u05dd \u200fworld\u200e \u05e2\u05d5\u05dc\u05dd \u202bx\u202c"),
    ("en", "It rose 2.5% to €1,200 (£1,000; ¥150,000) at 25°C, ±2, ½ and ¾ of 10²."),
    ("en", "The “Zeitenwende” speech — ‘a turning point’ — «quoted» and „cited“ • bullet."),
    ("en", "Temperatures of –5 °C; the © AFP photo; Nestlé™ and Häagen-Dazs®."),
    ("en", "The etc.. and the e.g., i.e., U.S., a.m.. Fine. Acme Corp.. The Beatles Inc.. It."),
]


@pytest.mark.parametrize("rule,lang,text,flagged,suggestion", FLAG,
                         ids=[f"{r.meta.code}-{i}" for i, (r, *_rest) in enumerate(FLAG)])
def test_flags(rule, lang, text, flagged, suggestion):
    found = run(rule, [text], lang)
    assert [(f.text, f.suggestion) for f in found] == [(flagged, suggestion)]
    assert found[0].family == "encoding"


@pytest.mark.parametrize("lang,text", QUIET, ids=[f"quiet-{i}" for i in range(len(QUIET))])
def test_quiet(lang, text):
    for rule in ALL:
        assert run(rule, [text], lang) == [], rule.meta.code


def test_mojibake_flags_each_word_not_the_block():
    text = "Die Polizei in MÃ¼nchen und KÃ¶ln sprach von einem Unfall."
    found = run(Mojibake, [text], "de")
    assert [f.text for f in found] == ["MÃ¼nchen", "KÃ¶ln"]
    assert [f.suggestion for f in found] == ["München", "Köln"]


def test_mojibake_keeps_curly_quotes_and_other_characters():
    # ftfy must only fix the encoding: no uncurling, no width or ligature changes
    found = run(Mojibake, ["â€œﬁnalâ€\x9d"], "en")
    assert found[0].suggestion == "“ﬁnal”"


def test_entity_twice_escaped_says_so():
    found = run(LeftoverHtmlEntity, ["a &amp;amp; b"], "en")
    assert found[0].suggestion == "&"
    assert "twice" in found[0].message


def test_invisible_message_names_the_character():
    found = run(InvisibleCharacter, ["in Ber\u200blin heute"], "de")
    assert "zero width space" in found[0].message
    assert "U+200B" in found[0].message


def test_replacement_guess_needs_a_clear_winner():
    # "?" is never a replacement; an ambiguous lost letter gets no guess
    assert run(ReplacementCharacter, ["Was it fine?Yes."], "en") == []
    found = run(ReplacementCharacter, ["Das W\ufffdrter-Buch"], "de")
    assert len(found) == 1


def test_clean_text_costs_one_scan():
    """Clean text never reaches ftfy: the prefilter finds no candidate."""
    from tqcheck.detectors.encoding_mojibake import repair
    repair.cache_clear()
    text = "The talks in Berlin ended on Monday, officials said. " * 50
    assert run(Mojibake, [text], "en") == []
    assert repair.cache_info().misses == 0
