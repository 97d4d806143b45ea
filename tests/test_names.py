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
    assert set(rows[0]) == {"german", "english", "kind", "check", "also_de", "also_en", "source",
                            "fr", "es", "it", "nl", "pl"}
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


def test_tq201_in_other_languages_uses_the_table_only():
    """fr/es/it/nl/pl: German or English spellings the table's column for the language does not
    list (no rewrite rules there); TQ202 stays English/German only."""
    got = run(ForeignTransliteration, ["Selenskyj und Kiew und Zelensky."], "fr")
    assert [(f.text, f.suggestion) for f in got] == [("Selenskyj", "Zelensky"), ("Kiew", "Kyiv")]
    assert run(ForeignTransliteration, ["Vladimir Poutine et Volodymyr Zelensky à Kiev."], "fr") == []
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


# --------------------------------------------------------------------------- new evidence (2)
# English transliterations in German text on wordfreq evidence (Novorossiysk / Noworossijsk),
# Ukrainian я ю є as ia/iu/ie (Hnatiuk / Hnatjuk), and what must stay quiet.

@pytest.mark.parametrize("text,lang,expect", [
    ("Das Öl fließt zum Hafen Novorossiysk am Schwarzen Meer.", "de", [("Novorossiysk", "Noworossijsk")]),
    ("Die Delegation kam aus Khabarovsk.", "de", [("Khabarovsk", "Chabarowsk")]),
    ("Ein Interview mit Solzhenitsyn erschien 1974.", "de", [("Solzhenitsyn", "Solschenizyn")]),
    ("Die Kämpfe bei Kupiansk dauern an.\nIn Kupjansk fiel der Strom aus.", "de", [("Kupiansk", "Kupjansk")]),
    ("Oleksandr Hnatjuk sprach.\nHnatiuk sagte, es gehe weiter.", "de", [("Hnatiuk", "Hnatjuk")]),
    # the first name too, when the article writes its German form elsewhere
    ("Jerlan Sadykow sprach.\nYerlan Sadykov sagte, es gehe weiter.", "de",
     [("Yerlan Sadykov", "Jerlan Sadykow")]),
])
def test_tq201_english_transliteration_in_german(text, lang, expect):
    got = run(ForeignTransliteration, text.split("\n"), lang)
    assert [(f.text, f.suggestion) for f in got] == expect


# English names and brands German news writes as they are, and German forms of Russian names.
ENGLISH_NAMES_IN_GERMAN = (
    "Shell Yahoo Nvidia Sky Vodafone Kentucky Sydney Shakespeare Tschaikowsky Sheffield Shanghai "
    "Shenzhen Yale Volvo Chevrolet Yamaha Yokohama Kawasaki Hyundai Shapiro Shrader Kirshner "
    "Washington Yorkshire Yellowstone Kashmir Khan Sheikh Zhang Zhejiang Zhuhai Akhilesh Sukhbir "
    "Harrison Yusen Barkha Younge Yogurts Abiy Seyi Ziyi Vitali Witali Wiktor Juri Jurij Julija "
    "Tatjana Natalja Dostojewski Prokofjew Rachmaninow Tolstoi Jekaterinburg Noworossijsk "
    "Tscheljabinsk Kupjansk Slowjansk Hnatjuk Podoljak Mykolajiw Saporischschja"
).split()


@pytest.mark.parametrize("template", ["Die Delegation traf {} am Dienstag.", "{} sagte, es gehe weiter."])
def test_english_names_are_right_in_german(template):
    flagged = [f.text for w in ENGLISH_NAMES_IN_GERMAN
               for f in run(ForeignTransliteration, [template.format(w)], "de")]
    assert flagged == []


@pytest.mark.parametrize("target,source", [("de", "en"), ("de", "de"), ("en", "en"), ("en", "de")])
def test_frequent_words_are_never_flagged_on_wordfreq_alone(target, source):
    """The 30,000 most frequent words of either language, capitalised, in text of either
    language: no rewrite confirmed by wordfreq alone (the article gives no counterpart)."""
    from wordfreq import top_n_list

    tab = names.table()
    flagged = []
    for w in top_n_list(source, 30000):
        if len(w) < 4 or not w.isalpha():
            continue
        w = w[0].upper() + w[1:]
        if names._kind(w, target) & names._RULE and names._rule_verdict(tab, {}, target, w):
            flagged.append(w)
    assert flagged == []


@pytest.mark.parametrize("forms,lang", [
    ({"Hnatjuk", "Hnatiuk"}, "de"), ({"Hnatyuk", "Hnatiuk"}, "en"), ({"Kupiansk", "Kupyansk"}, "en"),
    ({"Podoliak", "Podolyak"}, "en"),
])
def test_one_entity_ukrainian_ia_iu(forms, lang):
    assert len(set(names.entity_groups(forms, lang).values())) == 1


@pytest.mark.parametrize("forms,lang", [
    ({"Daniel", "Danjel"}, "en"), ({"Marian", "Marjan"}, "de"), ({"Sawyer", "Zavier"}, "en"),
    ({"Familie", "Familje"}, "de"), ({"Julian", "Juliane"}, "de"), ({"Serie", "Serje"}, "de"),
])
def test_different_entities_ia_iu(forms, lang):
    assert names.entity_groups(forms, lang) == {}


# Clean German and English news text written for these tests: English brands, names and places
# in German, German forms of Russian and Ukrainian names, English forms in English, photo
# credits in the agencies' spelling. Neither rule may find anything.
CLEAN_ARTICLES = {
    "de1-kaspisches-meer": (
        'Wirtschaft',
        'Ölkonzerne suchen neue Wege am Kaspischen Meer',
        'Shell, BP und Chevron verhandeln mit Kasachstan über neue Förderrechte. Die Pipeline zum'
        ' Schwarzmeerhafen Noworossijsk gilt in Astana inzwischen als Risiko.',
        'Astana – Die Ölkonzerne Shell, BP und Chevron wollen ihre Investitionen in Kasachstan '
        'ausweiten. Das teilte das Energieministerium am Montag in Astana mit. Im Mittelpunkt '
        'steht das Feld Kaschagan im Norden des Kaspischen Meeres, eines der größten Ölfelder der'
        ' Welt, an dem auch Exxon Mobil und der italienische Konzern Eni beteiligt sind.',
        'Bislang fließt der größte Teil des kasachischen Öls durch die Leitung des Kaspischen '
        'Pipeline-Konsortiums zum russischen Hafen Noworossijsk. Von dort bringen Tanker das Öl '
        'über den Bosporus nach Europa und Asien. Wegen Drohnenangriffen und Winterstürmen musste'
        ' das Terminal in Noworossijsk in den vergangenen Jahren mehrfach den Betrieb einstellen.',
        'Präsident Kassym-Schomart Tokajew hat die Regierung deshalb angewiesen, Alternativen zu '
        'prüfen: eine Route über Aserbaidschan und Georgien zu den Häfen Batumi und Poti sowie '
        'mehr Lieferungen nach China. „Wir können uns nicht auf einen einzigen Weg verlassen“, '
        'sagte ein Berater des Ministeriums, der anonym bleiben wollte.',
        'Unsicherheit in Atyrau',
        'Die Stimmung in der Ölstadt Atyrau ist gedämpft. Viele Zulieferer haben ihre '
        'Beschäftigten in den vergangenen Monaten in Kurzarbeit geschickt. Der Ingenieur Jerlan '
        'Schakirow arbeitet seit zwölf Jahren für einen Dienstleister aus Houston in Texas. „Das '
        'Team ist klein geworden“, sagt er. Bei jedem Meeting gehe es nur noch um Kosten.',
        'Ein Tanker im Hafen von Aktau. Foto: Daniyar Mussirov/Reuters',
        'Auch in Moskau verfolgt man die Pläne genau. Der Kreml hat kein Interesse daran, dass '
        'Kasachstan seine Exporte an Russland vorbei organisiert. Kremlsprecher Dmitri Peskow '
        'sagte, die Zusammenarbeit mit Astana sei „strategisch“ und werde fortgesetzt. Aus '
        'Jekaterinburg, Tscheljabinsk und Orenburg reisen regelmäßig Delegationen nach '
        'Kasachstan.',
        'Made in Kasachstan',
        'Die Regierung will zudem eine eigene Industrie aufbauen. Ein Startup aus Almaty '
        'entwickelt Software für die Wartung von Bohrinseln, ein anderes setzt auf Drohnen. Die '
        'Gründer haben in Stanford, Yale und am Imperial College in London studiert und sprechen '
        'lieber von „Tech“ als von Öl.',
        'Das nächste Update der Förderstrategie soll im Herbst vorgestellt werden. Bis dahin, '
        'heißt es in Astana, gelte für die Branche: abwarten.',
    ),
    "de3-kultur": (
        'Kultur',
        'Tschaikowsky in Sydney, Shakespeare in Kentucky',
        'Ein Festival zeigt, wie Klassiker um die Welt reisen. Die Programme sind international, '
        'die Debatten auch.',
        'Sydney – Wenn im Opernhaus von Sydney Tschaikowskys Violinkonzert erklingt, sitzen im '
        'Publikum Menschen aus fast hundert Ländern. Das Festival, das in diesem Jahr zum '
        'zwanzigsten Mal stattfindet, hat sich auf Werke spezialisiert, die weit von ihrem '
        'Entstehungsort aufgeführt werden. Neben Tschaikowsky stehen Schostakowitsch, Prokofjew '
        'und Rachmaninow auf dem Programm.',
        'Streit um russische Komponisten',
        'Seit dem russischen Angriff auf die Ukraine wird auch in Australien darüber gestritten, '
        'ob russische Musik gespielt werden soll. Der Intendant, ein gebürtiger Brite aus '
        'Sheffield, hält nichts von Boykotten. „Tschaikowsky ist nicht Putin“, sagt er. '
        'Gleichzeitig lädt das Festival Musikerinnen aus Kiew und Charkiw ein.',
        'Die Geigerin Olena Hnatjuk stammt aus Lwiw und lebt seit 2022 in Melbourne. Sie spielt '
        'Werke von Myroslaw Skoryk und Walentyn Sylwestrow. „Das Publikum soll hören, dass die '
        'Ukraine eine eigene musikalische Tradition hat“, sagt Hnatjuk.',
        'Die Geigerin Olena Hnatjuk bei einer Probe. Foto: Dan Himbrechts/AAP',
        'Shakespeare auf der Pferdekoppel',
        'Ein paar Tausend Kilometer entfernt, in Louisville im US-Bundesstaat Kentucky, spielt '
        'ein Ensemble seit Jahren Shakespeare unter freiem Himmel. In diesem Sommer stehen „Ein '
        'Sommernachtstraum“ und „Macbeth“ auf dem Spielplan. Die Regisseurin hat an der Yale '
        'School of Drama studiert und inszeniert die Stücke in heutiger Kleidung.',
        'Game of Thrones als Vorbild',
        'Viele junge Zuschauer kennen die Geschichten eher aus Serien. Die Intrigen am Hof von '
        'Schottland erinnern sie an „Game of Thrones“ oder „House of the Dragon“. Das Ensemble '
        'nimmt das gelassen: Hauptsache, die Leute kommen.',
        'Auch Dostojewski und Tolstoi sind wieder gefragt. Ein Verlag in Berlin hat gerade eine '
        'neue Übersetzung von „Krieg und Frieden“ herausgebracht. Die Übersetzerin arbeitete fünf'
        ' Jahre daran.',
    ),
    "de4-ukraine": (
        'Politik',
        'Selenskyj bittet um mehr Flugabwehr für Charkiw',
        'Nach schweren Angriffen auf die Energieversorgung wendet sich der ukrainische Präsident '
        'an die Verbündeten. In Kupjansk und Slowjansk wird weiter gekämpft.',
        'Kiew – Der ukrainische Präsident Wolodymyr Selenskyj hat die westlichen Partner um '
        'zusätzliche Flugabwehrsysteme gebeten. Russland habe in der Nacht mehr als hundert '
        'Drohnen und Raketen auf Ziele in Charkiw, Saporischschja und Odessa abgefeuert, sagte '
        'Selenskyj in seiner abendlichen Videobotschaft. In mehreren Stadtteilen von Charkiw fiel'
        ' der Strom aus.',
        'Der Bürgermeister von Charkiw, Ihor Terechow, sprach von der schwersten Angriffswelle '
        'seit Monaten. In Kiew rief Bürgermeister Vitali Klitschko die Bewohner auf, Strom zu '
        'sparen. Sein Bruder Wladimir Klitschko besuchte am Nachmittag ein Krankenhaus im '
        'Stadtteil Obolon.',
        'Kämpfe im Osten',
        'An der Front im Osten bleibt die Lage angespannt. Nach Angaben des Generalstabs '
        'versuchen russische Truppen, bei Kupjansk und Pokrowsk vorzurücken. Oberbefehlshaber '
        'Olexander Syrskyj besuchte Einheiten bei Slowjansk und Kramatorsk. Verteidigungsminister'
        ' Denys Schmyhal kündigte an, die Produktion von Drohnen weiter zu erhöhen.',
        'Ministerpräsidentin Julija Swyrydenko reiste nach Brüssel, um mit der EU-Kommission über'
        ' Hilfen für den Wiederaufbau zu sprechen. Kommissionspräsidentin Ursula von der Leyen '
        'sagte zu, die Unterstützung fortzusetzen.',
        'Ein Feuerwehrmann löscht einen Brand in Charkiw. Foto: Sergey Bobok/AFP',
        'Russische Reaktionen',
        'In Moskau wies Außenminister Sergej Lawrow die Vorwürfe zurück. Russland greife nur '
        'militärische Ziele an, sagte er. Die Sprecherin des Außenministeriums, Maria Sacharowa, '
        'warf dem Westen vor, den Krieg zu verlängern. Der frühere Präsident Dmitri Medwedew '
        'drohte erneut mit Vergeltung.',
        'Der ukrainische Präsidentenberater Mychajlo Podoljak nannte die Angriffe „Terror gegen '
        'Zivilisten“. Die Zeitung „Kyiv Independent“ berichtete, dass in Odessa auch ein '
        'Getreidesilo getroffen wurde. Die Hafenstadt Mykolajiw meldete ebenfalls Schäden.',
    ),
    "de5-sport": (
        'Sport',
        'Yamaha, Shanghai und ein Comeback',
        'Der Motorradrennfahrer aus Bayern feiert in China seinen ersten Sieg seit zwei Jahren. '
        'Im Fahrerlager wird über einen Wechsel spekuliert.',
        'Shanghai – Es war ein Rennen, das niemand so erwartet hatte. Auf dem Kurs in Shanghai '
        'setzte sich der Yamaha-Pilot gegen die Favoriten durch und gewann mit vier Sekunden '
        'Vorsprung. Zweiter wurde ein Spanier auf Ducati, Dritter ein Japaner aus Yokohama.',
        '„Ich habe nach der Verletzung lange gebraucht, um wieder Vertrauen zu fassen“, sagte der'
        ' Sieger. Sein Teamchef sprach von einem „perfekten Wochenende“. In der Gesamtwertung '
        'liegt er nun auf dem fünften Platz.',
        'Wechsel nach Japan?',
        'Im Fahrerlager wird schon länger spekuliert, ob der Deutsche zum Ende der Saison zu '
        'Kawasaki oder Honda wechselt. Sein Manager wollte sich dazu nicht äußern. Auch Gespräche'
        ' mit einem Team aus Shenzhen soll es gegeben haben.',
        'Der Rennfahrer jubelt auf dem Podium in Shanghai. Foto: Zhang Yuwei/Xinhua',
        'Chinas Staatschef Xi Jinping hatte angekündigt, den Motorsport im Land stärker zu '
        'fördern. Neben Shanghai sollen auch Zhuhai und Chongqing Rennen ausrichten. Die '
        'Veranstalter hoffen auf mehr Zuschauer aus Europa und den USA.',
        'Nächste Station ist das Rennen in Sepang in Malaysia. Danach geht es nach Phillip Island'
        ' in Australien und zum Saisonfinale nach Valencia.',
    ),
    "en1-ukraine": (
        'World',
        'Zelensky asks allies for more air defence after strikes on Kharkiv',
        'Russia launched more than a hundred drones and missiles overnight. Fighting continues '
        'near Kupiansk and Sloviansk.',
        'KYIV – Ukrainian President Volodymyr Zelensky appealed to Western partners on Tuesday '
        'for more air-defence systems after an overnight attack on Kharkiv, Zaporizhzhia and '
        'Odesa. In his nightly video address, Zelensky said Russia had fired more than a hundred '
        'drones and missiles at energy facilities.',
        "Kharkiv's mayor, Ihor Terekhov, called it the heaviest wave of attacks in months. In "
        'Kyiv, Mayor Vitali Klitschko urged residents to save electricity, while his brother '
        'Wladimir Klitschko visited a hospital in the Obolon district.',
        'Fighting in the east',
        'On the eastern front, Russian troops are trying to advance near Kupiansk and Pokrovsk, '
        "according to Ukraine's general staff. Commander-in-chief Oleksandr Syrskyi visited units"
        ' near Sloviansk and Kramatorsk. Defence Minister Denys Shmyhal said drone production '
        'would rise again this year.',
        'Prime Minister Yulia Svyrydenko travelled to Brussels to discuss reconstruction aid with'
        ' the European Commission. Commission President Ursula von der Leyen promised continued '
        'support.',
        'A firefighter puts out a blaze in Kharkiv. Photo: Sergey Bobok/AFP',
        "Moscow's response",
        'In Moscow, Foreign Minister Sergei Lavrov rejected the accusations and said Russia only '
        'hit military targets. Foreign Ministry spokeswoman Maria Zakharova accused the West of '
        'prolonging the war, and former president Dmitry Medvedev again threatened retaliation.',
        'Presidential adviser Mykhailo Podolyak called the strikes "terror against civilians". '
        'The Kyiv Independent reported that a grain silo in Odesa had been hit. The port city of '
        'Mykolaiv also reported damage.',
        'The violinist Olena Hnatiuk, who grew up in Lviv, played a benefit concert in Kyiv on '
        'Sunday. Hnatiuk said the money would go to a hospital in Kharkiv.',
    ),
    "en3-culture": (
        'Culture',
        'Tchaikovsky in Sydney, Shostakovich in Leipzig',
        'A festival asks whether Russian composers still belong on Western stages.',
        "SYDNEY – When Tchaikovsky's violin concerto filled the Sydney Opera House on Friday, the"
        ' audience included people from almost a hundred countries. The festival, now in its '
        'twentieth year, specialises in works performed far from where they were written. Besides'
        ' Tchaikovsky, the programme includes Shostakovich, Prokofiev and Rachmaninoff.',
        'The director, who was born in Sheffield, rejects boycotts. "Tchaikovsky is not Putin," '
        'he said. At the same time the festival has invited musicians from Kyiv and Kharkiv, and '
        'a string quartet from Leipzig will play Bach and Schumann.',
        'Sturm und Drang',
        "The quartet's programme is built around the German literary movement of the 1770s. Its "
        'cellist, who studied in Weimar, said the music of that period "sounds more modern than '
        'people expect". The Gewandhaus in Leipzig co-produces the tour.',
        'Films and books also travel. A new translation of Dostoevsky\'s "Crime and Punishment" '
        'has just appeared in London, and Erich Maria Remarque\'s "Im Westen nichts Neues" is '
        'being adapted for the stage in New York. Kraftwerk, the band from Düsseldorf, will play '
        '"Autobahn" at the closing concert.',
        'Ich bin ein Berliner',
        "An exhibition at the festival recalls John F. Kennedy's speech in West Berlin in 1963. "
        'Visitors can hear the recording and read the handwritten card on which Kennedy wrote the'
        ' German phrase phonetically.',
        'The cellist of the quartet during a rehearsal in Leipzig. Photo: Jan Woitas/dpa',
    ),
    "en4-russia": (
        'Business',
        'Kazakhstan looks for new routes as Novorossiysk terminal falters',
        'Oil majors Shell, Chevron and ExxonMobil are discussing new investments with the '
        'government in Astana.',
        'ASTANA – Kazakhstan is looking for ways to export more of its oil without relying on the'
        " Russian port of Novorossiysk. Most of the country's crude flows through the Caspian "
        'Pipeline Consortium to the Black Sea terminal, which has been shut several times because'
        ' of drone attacks and storms.',
        'President Kassym-Jomart Tokayev has asked the government to study a route across the '
        'Caspian Sea to Azerbaijan and Georgia, as well as larger deliveries to China. "We cannot'
        ' depend on a single route," an adviser to the energy ministry said.',
        'In Moscow, Kremlin spokesman Dmitry Peskov said cooperation with Astana remained '
        '"strategic". Delegations from Yekaterinburg, Chelyabinsk and Orenburg travel to '
        'Kazakhstan regularly.',
        'The mood in Atyrau',
        'In the oil town of Atyrau, suppliers have put workers on short hours. Yerlan Shakirov, '
        'an engineer who has worked for a Houston-based contractor for twelve years, hopes the '
        'talks bring clarity soon. "The team has become very small," he said.',
        'An oil tanker at the port of Aktau. Photo: Daniyar Mussirov/Reuters',
        'Analysts at Bank of America expect investment to rise once a decision is made. The '
        'opposition politician Yulia Navalnaya, widow of Alexei Navalny, said in an interview '
        'that Western companies should not help Moscow keep control over Central Asian exports.',
    ),
}


@pytest.mark.parametrize("name", sorted(CLEAN_ARTICLES))
def test_clean_written_articles_get_no_name_finding(name):
    text = "\n".join(CLEAN_ARTICLES[name]) + "\n"
    doc = build_document(text, doc_id=name, source=name)
    assert doc.lang == name[:2]
    out = []
    for det in DETECTORS:
        ctx = Context(det.meta, det.meta.severity)
        det().check(doc, ctx)
        out += [(f.code, f.line, f.text) for f in ctx.findings]
    assert out == []
