"""The name_variant family: TQ201 foreign-transliteration and TQ202 inconsistent-name-spelling,
and the shared helpers in tqcheck/names.py."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcheck import data, names
from tqcheck.detectors.name_consistency import InconsistentNameSpelling
from tqcheck.detectors.name_variant import ForeignTransliteration
from tqcheck.engine import build_document
from tqcheck.examples import problems, run
from tqcheck.registry import Context

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DETECTORS = (ForeignTransliteration, InconsistentNameSpelling)


def findings(path: Path, detectors=DETECTORS):
    doc = build_document(path.read_text(encoding="utf-8"), doc_id=path.stem, source=str(path))
    out = []
    for det in detectors:
        ctx = Context(det.meta, det.meta.severity)
        det().check(doc, ctx)
        out += ctx.findings
    return out


# --------------------------------------------------------------------------- rule metadata

@pytest.mark.parametrize("det", DETECTORS, ids=lambda d: d.meta.code)
def test_meta_is_well_formed(det):
    assert det.meta.problems() == []
    assert det.meta.family == "name_variant"
    kinds = [e.kind for e in det.meta.examples]
    assert kinds.count("bad") >= 3 and kinds.count("good") >= 4
    assert {e.lang for e in det.meta.examples} >= {"en", "de"}


CASES = [(det, i, ex) for det in DETECTORS for i, ex in enumerate(det.meta.examples)]


@pytest.mark.parametrize("det,i,example", CASES, ids=[f"{d.meta.code}-{e.kind}{i}" for d, i, e in CASES])
def test_examples(det, i, example):  # also run by test_examples.py once registered
    assert problems(det, example) == []


def test_data_files_name_their_source():
    for name in ("names.tsv", "translit.toml"):
        assert data.path(name).read_text(encoding="utf-8").startswith("# source:")
    rows = data.tsv("names.tsv")
    assert len(rows) >= 164
    assert set(rows[0]) == {"german", "english", "kind", "check", "also_de", "also_en", "source"}
    assert {r["check"] for r in rows} <= {"both", "en", "de", "none"}
    assert all(r["source"] for r in rows)


# --------------------------------------------------------------------------- measured articles

def test_seed_article():
    got = findings(FIXTURES / "seed" / "presssplit-seed.txt")
    assert sorted((f.code, f.line, f.text, f.suggestion) for f in got) == [
        ("TQ201", 3, "Wladimir", "Vladimir"),
        ("TQ201", 10, "Wolodymyr Selenskyj", "Volodymyr Zelensky"),
        ("TQ202", 43, "Kiev", "Kyiv"),
    ]


@pytest.mark.parametrize("path", sorted((FIXTURES / "clean").glob("*.txt")), ids=lambda p: p.stem)
def test_clean_articles_get_no_finding(path):
    assert [(f.line, f.text, f.message) for f in findings(path)] == []


def _labelled():
    for lab in sorted(FIXTURES.rglob("*.labels.json")):
        spec = json.loads(lab.read_text(encoding="utf-8"))
        yield lab.parent / spec["file"], spec


def test_labelled_articles_recall_and_precision():
    wanted = found = total = wrong = 0
    for path, spec in _labelled():
        lines = path.read_text(encoding="utf-8").splitlines()
        got = findings(path)

        def hit(f, lab):
            if f.line != lab["line"] or lab["kind"] != "name_variant":
                return False
            i = lines[lab["line"] - 1].find(lab["text"])
            return i < 0 or (i < f.start + len(f.text) and f.start < i + len(lab["text"]))

        required = [a for a in spec.get("artifacts", []) if a["kind"] == "name_variant"]
        labels = spec.get("artifacts", []) + spec.get("acceptable", [])
        wanted += len(required)
        found += sum(any(hit(f, a) for f in got) for a in required)
        total += len(got)
        wrong += sum(not any(hit(f, a) for a in labels) for f in got)
    assert wanted and found / wanted >= 0.8
    assert total and 1 - wrong / total >= 0.9


# --------------------------------------------------------------------------- TQ201 evidence

GERMAN_NAMES_IN_ENGLISH = (
    "Merkel Steinmeier Scholz Schröder Wagner Schwarz Schumacher Bundestag Bundeswehr Zeitenwende "
    "Schaffer Wagenknecht Weidel Chrupalla Woidke Wüst Wissing Tschentscher Kretschmer Söder Baerbock "
    "Wiesbaden Würzburg Jena Schwerin Weimar Wolfsburg Zwickau Pankow Treptow Virchow Bülow Modrow "
    "Tanja Nadja Katja Tatjana Swetlana Waldemar Jannik Joschka Wojciech Jarosław Kowalski Lewandowski"
).split()


@pytest.mark.parametrize("template", ["Officials met {} on Tuesday.", "{} said the talks would go on."])
def test_german_names_are_right_in_english(template):
    flagged = [f.text for w in GERMAN_NAMES_IN_ENGLISH
               for f in run(ForeignTransliteration, [template.format(w)], "en")]
    assert flagged == []


@pytest.mark.parametrize("text,lang,expect", [
    ("Talks with Sergej Rjabkow ended.", "en", [("Sergej Rjabkow", "Sergei Ryabkov")]),
    ("Dmitri Peskow declined to comment.", "en", [("Peskow", "Peskov")]),  # English also writes Dmitri
    ("A concert of Schostakowitsch was cancelled.", "en", [("Schostakowitsch", "Shostakovich")]),
    ("Die Regierung von Zelenskys Vorgänger.", "de", [("Zelenskys", "Selenskyjs")]),
    ("Der Vize-Außenminister Sergei Ryabkov sagte das.", "de", [("Ryabkov", "Rjabkow")]),
    ("Die Kyiv-Reise des Kanzlers.", "de", [("Kyiv", "Kiew")]),
    ("The boxer Wladimir Klitschko spoke.", "en", []),
    ("Riad Malki and Tokio Hotel and Peking University.", "en", []),
    ("Die Moscow Times und der Kyiv Independent berichteten.", "de", []),
    ("Im US-Bundesstaat Georgia und am Jordan.", "de", []),
    ("Viktor Orbán und Benjamin Netanjahu.", "de", []),
])
def test_tq201_cases(text, lang, expect):
    assert [(f.text, f.suggestion) for f in run(ForeignTransliteration, [text], lang)] == expect


def test_tq201_skips_quotations_in_the_other_language():
    de = "Auf dem Transparent steht auf Englisch: „Kharkiv is grateful, Nuremberg“."
    assert run(ForeignTransliteration, [de], "de") == []
    en = "The banner read „Wir stehen an der Seite von Selenskyj und Kiew“ in German."
    assert run(ForeignTransliteration, [en], "en") == []
    # a quotation in the text's own language is no excuse
    en2 = "“We trust Selenskyj,” the minister said."
    assert [f.text for f in run(ForeignTransliteration, [en2], "en")] == ["Selenskyj"]


def test_tq201_skips_blocks_in_the_other_language():
    lines = ["The minister spoke about the war in the east of the country on Tuesday.",
             "Der Präsident Wolodymyr Selenskyj sagte am Dienstag in Kiew, dass die Lage ernst sei."]
    assert run(ForeignTransliteration, lines, "en") == []


def test_tq201_uses_the_article_as_evidence():
    lines = ["Oksana Markarova is the ambassador.", "Markarowa said the embassy would stay open."]
    got = run(ForeignTransliteration, lines, "en")
    assert [(f.text, f.suggestion) for f in got] == [("Markarowa", "Markarova")]
    assert "elsewhere" in got[0].message


def test_tq201_other_languages_are_left_alone():
    assert run(ForeignTransliteration, ["Selenskyj und Kiew und Zelensky."], "fr") == []
    assert run(InconsistentNameSpelling, ["Kiev et Kyiv et Kyiv."], "fr") == []


# --------------------------------------------------------------------------- TQ202 evidence

@pytest.mark.parametrize("forms,lang", [
    ({"Selenskyj", "Zelensky", "Zelenskyy"}, "en"),
    ({"Kadyrow", "Kadyrov"}, "en"),
    ({"Sánchez", "Sanchez"}, "en"),
    ({"Kiev", "Kyiv"}, "en"),
    ({"Zaporizhzhia", "Zaporizhzhya"}, "en"),
    ({"Selenskyj", "Selenskij"}, "de"),
])
def test_one_entity(forms, lang):
    assert len(set(names.entity_groups(forms, lang).values())) == 1


@pytest.mark.parametrize("forms,lang", [
    ({"Peskov", "Petrov"}, "en"), ({"Maria", "Mario"}, "en"), ({"Chan", "Khan"}, "en"),
    ({"Schulz", "Schultz"}, "en"), ({"Fischer", "Fisher"}, "en"), ({"Marx", "Marks"}, "en"),
    ({"Garten", "Gärten"}, "de"), ({"Wasserschaden", "Wasserschäden"}, "de"), ({"Masse", "Maße"}, "de"),
    ({"Jahr", "Ahr"}, "de"), ({"Kirche", "Kirsche"}, "de"), ({"Garett", "Garrett"}, "en"),
    ({"AirPods", "Airpods"}, "en"), ({"Ivanov", "Ivanova"}, "en"), ({"Navalny", "Navalnaya"}, "en"),
])
def test_different_entities(forms, lang):
    assert names.entity_groups(forms, lang) == {}


def test_tq202_first_names_only_before_the_same_surname():
    lines = ["Viktor Orbán met Wiktor Janukowytsch.", "Viktor Orbán left, Wiktor Janukowytsch stayed."]
    assert run(InconsistentNameSpelling, lines, "de") == []
    lines = ["Vladimir Putin spoke.", "Vladímir Putin left.", "Vladimir Putin returned."]
    assert [(f.text, f.suggestion) for f in run(InconsistentNameSpelling, lines, "en")] == [
        ("Vladímir", "Vladimir")]


def test_tq202_leaves_quotations_and_tq201_spans_alone():
    lines = ["President Zelenskiy spoke. Zelenskiy left.",
             "“Sondland said that President Zelensky will do anything,” Holmes testified."]
    assert run(InconsistentNameSpelling, lines, "en") == []
    lines = ["Zelensky met Selenskyj.", "Zelensky left."]  # Selenskyj is TQ201's
    assert run(InconsistentNameSpelling, lines, "en") == []
    assert [f.text for f in run(ForeignTransliteration, lines, "en")] == ["Selenskyj"]


def test_tq202_majority_and_ties():
    lines = ["Kiev is the capital.", "Kiev said.", "Kyiv agreed."]  # majority wins, even the old form
    assert [(f.text, f.suggestion) for f in run(InconsistentNameSpelling, lines, "en")] == [("Kyiv", "Kiev")]
    lines = ["Kiev is the capital.", "Kyiv agreed."]  # a tie: the table's English form
    assert [(f.text, f.suggestion) for f in run(InconsistentNameSpelling, lines, "en")] == [("Kiev", "Kyiv")]
    lines = ["Kyjiw ist die Hauptstadt.", "Kiew stimmte zu."]
    assert [(f.text, f.suggestion) for f in run(InconsistentNameSpelling, lines, "de")] == [("Kyjiw", "Kiew")]


# --------------------------------------------------------------------------- helpers

def test_skeleton_and_variants():
    assert names.skeleton("Selenskyj") == names.skeleton("Zelensky") == names.skeleton("Zelenskyy")
    assert names.skeleton("Wolodymyr") == names.skeleton("Volodymyr")
    assert names.skeleton("Jelzin") == names.skeleton("Yeltsin")
    assert names.skeleton("Peskov") != names.skeleton("Petrov")
    assert "Lavrov" in names.variants("Lawrow", "de", "en")
    assert "Zelensky" in names.variants("Selenskyj", "de", "en")
    assert "Selenskyj" in names.variants("Zelensky", "en", "de")
    assert "Gerassimow" in names.variants("Gerasimov", "en", "de")


def test_results_do_not_depend_on_earlier_articles():
    seed = FIXTURES / "seed" / "presssplit-seed.txt"
    first = [(f.code, f.line, f.start) for f in findings(seed)]
    for path in sorted(FIXTURES.rglob("*.txt")):
        findings(path)
    assert [(f.code, f.line, f.start) for f in findings(seed)] == first
