"""TQ701 foreign-language-block: untranslated sentences, and the many foreign-looking things in
clean news that are not damage."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import tqcheck.detectors.foreign_language as fl
from tqcheck.detectors.foreign_language import ForeignLanguageBlock, foreign_language
from tqcheck.engine import build_document
from tqcheck.examples import run
from tqcheck.model import Role
from tqcheck.registry import Context

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

FOREIGN = [
    ("en", "de", "Die Regierung wird die Pläne noch in dieser Woche im Kabinett beraten."),
    ("en", "de", "Dass die Regierung die Pläne nicht ändern wird, ist klar, sagte der Minister."),
    ("en", "de", "Der Vertrag läuft bis zum Sommer 2030."),
    ("en", "de", "Ein Techniker prüft eine beschädigte Umspannstation am Stadtrand."),
    ("en", "es", "El gobierno ha dicho que no habrá cambios en la ley de pensiones este año."),
    ("en", "fr", "Le gouvernement a annoncé que la réforme des retraites sera votée demain."),
    ("de", "en", "The government will discuss the plans in the cabinet at the end of this week."),
    ("de", "en", "Since the full-scale invasion, the number of such cases has risen sharply."),
]

NATIVE = [
    ("en", "The so-called Zeitenwende has changed German defence policy for good."),
    ("en", "His motto, „Wir schaffen das“, was borrowed from Angela Merkel, critics noted."),
    ("en", "Ursula von der Leyen, president of the European Commission, welcomed the plan."),
    ("en", "Der Spiegel was more critical; Die Zeit praised it."),
    ("en", "The phrase Sturm und Drang has been used to describe the mood in Berlin."),
    ("en", "Kremlin spokesman Dmitri Peskow said Wladimir Putin was ready to talk."),
    ("en", "The war in Ukraine will die down only when people die of exhaustion, he said."),
    ("en", "Los Angeles, Las Vegas, El Paso and San Diego saw record heat on Sunday."),
    ("en", "Ana de la Cruz y García, the mayor of San Juan de la Maraña, was re-elected."),
    ("en", "Alexander von Humboldt and Wilhelm von Humboldt founded the university in 1810."),
    ("en", "Im Westen nichts Neues, the novel by Erich Maria Remarque, was banned in 1933."),
    ("en", "Ich bin ein Berliner, Kennedy said in 1963, and the crowd cheered."),
    ("en", "Present were Wolodymyr Selenskyj, Oleksandr Syrskyj, Dmytro Kuleba, Andrij Jermak "
           "and Denys Schmyhal."),
    ("en", "Olena Zelenska, Wolodymyr Selenskyj's wife, visited Charkiw, Cherson and Mykolajiw."),
    ("en", "\"Es ist eine Frage der Verantwortung, und wir werden sie tragen\", Scholz said."),
    ("en", "Mi casa es su casa, the host told us with a smile, per the old saying."),
    ("en", "Photo: Michael Kappeler/dpa"),
    ("de", "Die Start-ups aus dem Silicon Valley setzen auf Machine Learning und Cloud Computing."),
    ("de", "Der Song „Born in the U.S.A.“ lief auf vielen Veranstaltungen."),
    ("de", "Trump sagte: „We are going to end this war very quickly, believe me.“"),
    ("de", "Das Motto Make America Great Again prägte den Wahlkampf."),
    ("de", "Die Band spielte Stairway to Heaven und Smoke on the Water als Zugabe."),
    ("de", "The Economist nennt das Land the sick man of Europe."),
    ("de", "Das Gericht verwies auf den Grundsatz in dubio pro reo und sprach ihn frei."),
]


@pytest.mark.parametrize("doc_lang,want,text", FOREIGN)
def test_foreign_sentence(doc_lang, want, text):
    assert foreign_language(text, doc_lang) == want


@pytest.mark.parametrize("doc_lang,text", NATIVE)
def test_not_foreign(doc_lang, text):
    assert foreign_language(text, doc_lang) is None


def test_sentence_inside_a_paragraph_is_the_span():
    text = ("The chancellor spoke in Berlin on Monday. Die Regierung wird die Pläne noch in "
            "dieser Woche im Kabinett beraten. Critics were not convinced.")
    (f,) = run(ForeignLanguageBlock, [text])
    assert f.text == "Die Regierung wird die Pläne noch in dieser Woche im Kabinett beraten."
    assert f.message.startswith("German sentence in English text")


def test_adjacent_foreign_sentences_make_one_finding():
    text = ("Der Kanzler hat am Montag in Berlin gesagt, dass die Regierung die Pläne nicht "
            "ändern wird. Die Opposition hat das scharf kritisiert und will nun klagen.")
    (f,) = run(ForeignLanguageBlock, [text])
    assert f.text == text
    assert f.message.startswith("German paragraph")


def test_notice_sentences_are_left_to_tq102():
    assert run(ForeignLanguageBlock, ["Dieser Artikel wurde maschinell übersetzt und erschien "
                                      "zuerst bei einer Partnerzeitung in den USA."]) == []


def test_roles_outside_the_body_are_not_read():
    german = "Der Kanzler hat am Montag gesagt, dass die Regierung die Pläne nicht ändern wird."
    assert run(ForeignLanguageBlock, [german], "en", (Role.AUTHOR_BIO,)) == []
    assert len(run(ForeignLanguageBlock, [german], "en", (Role.CAPTION,))) == 1


def test_article_language_without_function_words_is_skipped():
    assert run(ForeignLanguageBlock, ["Der Kanzler hat am Montag gesagt, dass die Regierung "
                                      "die Pläne nicht ändern wird."], "ja") == []


def test_langdetect_is_not_called_on_plain_text(monkeypatch):
    """Speed: the function-word gate settles ordinary paragraphs without langdetect."""
    def boom(text):
        raise AssertionError(f"langdetect called on {text!r}")
    monkeypatch.setattr(fl.langid, "probabilities", boom)
    english = [
        "The war in Ukraine has cost tens of thousands of lives, and the front line has barely "
        "moved in a year. Kyiv says it needs more air defence before the winter.",
        "Chancellor Olaf Scholz told the Bundestag that the so-called Zeitenwende was not over. "
        "Friedrich Merz, the CDU leader, accused him of dithering.",
        "Tomato, cucumber slices, cooked chicken, white beans, feta and balsamic vinegar.",
    ]
    german = [
        "Der Krieg in der Ukraine hat Zehntausende Menschenleben gekostet, und die Front hat "
        "sich seit einem Jahr kaum bewegt. Kiew sagt, es brauche vor dem Winter mehr Flugabwehr.",
    ]
    assert run(ForeignLanguageBlock, english, "en") == []
    assert run(ForeignLanguageBlock, german, "de") == []


def _check(path: Path):
    doc = build_document(path.read_text(encoding="utf-8"), doc_id=path.stem, source=str(path))
    ctx = Context(ForeignLanguageBlock.meta, ForeignLanguageBlock.meta.severity)
    ForeignLanguageBlock().check(doc, ctx)
    return ctx.findings


CLEAN = sorted((FIXTURES / "clean").glob("*.txt")) + [FIXTURES / "seed" / "presssplit-seed.txt"]
DAMAGED = sorted((FIXTURES / "damaged").glob("*.txt"))


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_nothing_on_clean_articles_and_the_seed(path):
    assert _check(path) == []


@pytest.mark.parametrize("path", DAMAGED, ids=[p.stem for p in DAMAGED])
def test_labelled_foreign_sentences_are_found(path):
    labels = json.loads(path.with_name(path.stem + ".labels.json").read_text(encoding="utf-8"))
    findings = _check(path)
    for art in labels["artifacts"]:
        if art["kind"] == "foreign_language":
            assert any(f.line == art["line"] and art["text"] in f.text or f.text in art["text"]
                       for f in findings), art
    allowed = {(a["line"], a["kind"]) for a in labels["artifacts"] + labels.get("acceptable", [])}
    for f in findings:
        assert (f.line, "foreign_language") in allowed, (f.line, f.text)
