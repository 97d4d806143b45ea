"""TQ101 page furniture, TQ102 leftover notices, TQ103 notice language claims, and the shared
sentence splitter they stand on."""
from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.detectors.boilerplate import PageFurnitureInBody
from tqcheck.detectors.language_notice import (
    LeftoverTranslationNotice, document_notices, find_notices, language_of_word)
from tqcheck.detectors.notice_language import NoticeContradictsLanguage, language_claims
from tqcheck.engine import build_document
from tqcheck.examples import document, run
from tqcheck.model import Block, Role
from tqcheck.registry import Context
from tqcheck.sentences import sentences

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


# -- sentences ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,lang,want", [
    ("The U.S. Army said so. Mr. Smith agreed! Dr. Who? Yes.", "en",
     ["The U.S. Army said so.", "Mr. Smith agreed!", "Dr. Who?", "Yes."]),
    ("Das ist z. B. gut. Er kam am 7. November an. Der 3. Platz ging an ihn. Danach u. a. Rom.",
     "de", ["Das ist z. B. gut.", "Er kam am 7. November an.", "Der 3. Platz ging an ihn.",
            "Danach u. a. Rom."]),
    ("John F. Kennedy was shot in 1963. It was “terrible.” Then he left.", "en",
     ["John F. Kennedy was shot in 1963.", "It was “terrible.”", "Then he left."]),
    ("„Wir schaffen das.“ Sagte sie. Und dann?", "de",
     ["„Wir schaffen das.“", "Sagte sie.", "Und dann?"]),
    ("The call on Thursday (7. November) was long. Next.", "en",
     ["The call on Thursday (7. November) was long.", "Next."]),
    ("It costs 5.5 percent, i.e. more. Gov. Chris Christie left.", "en",
     ["It costs 5.5 percent, i.e. more.", "Gov. Chris Christie left."]),
    ("  Leading space. And trailing.  ", "en", ["Leading space.", "And trailing."]),
    ("", "en", []),
])
def test_sentences(text, lang, want):
    assert sentences(text, lang) == want


def test_sentence_offsets_are_half_open_and_trimmed():
    from tqcheck.sentences import split
    text = "One. Two three.  Four"
    assert [text[s:e] for s, e in split(text)] == ["One.", "Two three.", "Four"]


# -- TQ102: what is and is not a notice -----------------------------------------------------

NOTICES = [
    ("en", "This article was automatically translated from English into German."),
    ("en", "This article has been machine translated."),
    ("en", "This article was automatically translated from Japanese to English by ChatGPT."),
    ("en", "This article was translated from Korean using AI."),
    ("en", "We are currently testing machine translations."),
    ("en", "This article was first published on Substack in English."),
    ("en", "A version of this article first appeared in Der Spiegel."),
    ("en", "Machine translated from German."),
    ("en", "Translation: DeepL"),
    ("de", "Dieser Artikel wurde maschinell übersetzt."),
    ("de", "Achtung: Dieser Artikel wurde maschinell übersetzt, was zu schlechter Qualität "
           "führen kann, bitte sorgfältig lesen!"),
    ("de", "Hinweis: Dieser Text wurde mithilfe von KI aus dem Englischen übersetzt."),
    ("de", "Wir testen zurzeit maschinelle Übersetzungen."),
    ("de", "Dieser Artikel erschien zuerst auf Deutsch im Techniktagebuch."),
    ("de", "Dieser Artikel erschien zuerst am 02.06.2026 auf LinkedIn."),
    ("de", "Dieser Artikel lag zuerst in englischer Sprache bei Washingtonpost.com vor – im Zuge "
           "einer Kooperation steht er nun in Übersetzung zur Verfügung."),
    ("de", "Dieser Text ist eine maschinelle Übersetzung aus dem Englischen."),
    ("fr", "Cet article a été traduit automatiquement, voir l'avertissement."),
    ("fr", "Attention : cet article est traduit par machine."),
    ("es", "Este artículo ha sido traducido automáticamente por nuestro sistema de IA."),
    ("it", "Questo articolo è stato tradotto automaticamente."),
    ("nl", "Dit artikel is automatisch vertaald."),
    ("pl", "Ten artykuł został przetłumaczony maszynowo."),
    ("pt", "Aviso: Este artigo é traduzido por máquina."),
]

NOT_NOTICES = [
    ("en", "Translated from the German by Anna Weber."),
    ("en", "This article contains translated quotes from the Kremlin."),
    ("en", "Machine translation has improved a lot in recent years."),
    ("en", "The company's automatically translated subtitles confused viewers."),
    ("en", "This story is about how machine-translated menus confuse tourists."),
    ("en", "When this article was first published, the ministry had not commented."),
    ("en", "This story was originally published at 6 a.m. and has been updated."),
    ("en", "This story was first published on Monday."),
    ("en", "An earlier version of this article misstated the date."),
    ("en", "The novel was first published in 1925 and translated into 40 languages."),
    ("en", "The book, translated from the French by Lydia Davis, was first published in Paris."),
    ("en", "She said this text had been translated badly by the ministry's own staff."),
    ("de", "Aus dem Englischen von Max Muster."),
    ("de", "Aus dem Englischen übersetzt von Max Muster."),
    ("de", "Übersetzung: Anna Weber"),
    ("de", "Das Buch erschien zuerst 1925 und wurde in 40 Sprachen übersetzt."),
    ("de", "Maschinelle Übersetzungen werden immer besser, sagte die Forscherin."),
    ("de", "Dieser Artikel des Grundgesetzes wurde 1994 geändert."),
    ("fr", "Traduit de l'anglais par Jean Dupont."),
    ("es", "Traducido del inglés por Ana García."),
    ("it", "Tradotto dall'inglese da Marco Rossi."),
]


def _notices(lang, text, role=Role.BODY):
    return find_notices(Block(0, 1, role, text), lang)


@pytest.mark.parametrize("lang,text", NOTICES)
def test_notice_found(lang, text):
    found = _notices(lang, text)
    assert found, text
    assert found[0].lang == lang


@pytest.mark.parametrize("lang,text", NOT_NOTICES)
@pytest.mark.parametrize("role", [Role.BODY, Role.TRANSLATION_NOTICE])
def test_not_a_notice(lang, text, role):
    assert _notices(lang, text, role) == []


def test_notice_span_is_the_sentence():
    text = "The talks ended. This article was machine translated. Thank you for reading."
    (n,) = _notices("en", text)
    assert text[n.start:n.end] == "This article was machine translated."


def test_prefix_span_is_the_prefix():
    text = "Translated from Portuguese: Lula met the ministers."
    (n,) = _notices("en", text)
    assert text[n.start:n.end] == "Translated from Portuguese:"


def test_pronoun_refers_back_to_a_notice_in_the_previous_block():
    lines = ["Dieser Artikel wurde automatisch aus dem Englischen übersetzt.",
             "Er erschien zuerst auf Englisch in der „Coastal Tribune“."]
    doc = document(lines, "de")
    assert sorted(document_notices(doc)) == [0, 1]
    # without the notice before it, "Er erschien zuerst …" is just a sentence
    assert document_notices(document(lines[1:], "de")) == {}


def test_plain_syndication_credit_needs_a_translation_context():
    credit = "This article was originally published on The Conversation."
    assert run(LeftoverTranslationNotice, [credit]) == []
    assert len(run(LeftoverTranslationNotice, ["Dieser Artikel wurde maschinell übersetzt.",
                                               credit])) == 2
    # the same credit in another language than the article is a leftover of the original
    (f,) = run(LeftoverTranslationNotice, ["Ce texte est paru d'abord dans Le Monde."], "en")
    assert f.message == ("leftover syndication notice (first published elsewhere), in French in "
                         "an English article: remove it")


def test_language_of_word():
    assert language_of_word("Englischen") == "en"
    assert language_of_word("anglais") == "en"
    assert language_of_word("angielskiego") == "en"
    assert language_of_word("Deutsche") == "de"
    assert language_of_word("Engineer") is None


# -- TQ103 ----------------------------------------------------------------------------------

def test_language_claims():
    got = [(d, c) for d, c, _, _ in language_claims(
        "This article was automatically translated from English into German.")]
    assert got == [("source", "en"), ("target", "de")]
    got = [(d, c) for d, c, _, _ in language_claims(
        "Dieser Artikel wurde automatisiert aus dem Englischen ins Deutsche übersetzt.")]
    assert got == [("source", "en"), ("target", "de")]
    got = [(d, c) for d, c, _, _ in language_claims(
        "Cet article a été traduit automatiquement de l'anglais en allemand.")]
    assert got == [("source", "en"), ("target", "de")]


def test_tq103_needs_a_known_article_language():
    assert run(NoticeContradictsLanguage,
               ["This article was automatically translated into German."], "und") == []


# -- TQ101 ----------------------------------------------------------------------------------

def test_furniture_only_between_body_paragraphs():
    lines = ["Promo at the top", "First paragraph.", "Photo: Agency", "Second paragraph.",
             "Read more: something"]
    roles = (Role.PROMO, Role.BODY, Role.CAPTION, Role.BODY, Role.RELATED)
    found = run(PageFurnitureInBody, lines, "en", roles)
    assert [(f.line, f.text) for f in found] == [(3, "Photo: Agency")]
    assert "with credit" in found[0].message


# -- the fixtures and the seed --------------------------------------------------------------

def _check(det_cls, path: Path):
    doc = build_document(path.read_text(encoding="utf-8"), doc_id=path.stem, source=str(path))
    ctx = Context(det_cls.meta, det_cls.meta.severity)
    det_cls().check(doc, ctx)
    return ctx.findings


CLEAN = sorted((FIXTURES / "clean").glob("*.txt"))
DAMAGED = sorted((FIXTURES / "damaged").glob("*.txt")) + [FIXTURES / "seed" / "presssplit-seed.txt"]


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
@pytest.mark.parametrize("det", [LeftoverTranslationNotice, NoticeContradictsLanguage])
def test_no_notice_findings_on_clean_articles(det, path):
    assert _check(det, path) == []


@pytest.mark.parametrize("path", DAMAGED, ids=[p.stem for p in DAMAGED])
def test_labelled_notices_are_found(path):
    import json

    labels = json.loads(path.with_name(path.stem + ".labels.json").read_text(encoding="utf-8"))
    findings = _check(LeftoverTranslationNotice, path) + _check(NoticeContradictsLanguage, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    for art in labels["artifacts"]:
        if art["kind"] != "language_notice":
            continue
        line = lines[art["line"] - 1]
        a = line.find(art["text"])
        assert any(f.line == art["line"] and line.find(f.text) < a + len(art["text"])
                   and a < line.find(f.text) + len(f.text) for f in findings), art
    allowed = {(a["line"], a["kind"]) for a in labels["artifacts"] + labels.get("acceptable", [])}
    for f in findings:
        assert (f.line, "language_notice") in allowed, (f.line, f.text)
