"""The quote_marks family (TQ301-TQ306): the shared scanner, each rule's examples, the
document-level exceptions from the pitfalls, and the labelled fixtures."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzzing import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from tqcheck import lang as langid
from tqcheck import quotes
from tqcheck.detectors.quote_foreign_style import QuoteForeignStyle
from tqcheck.detectors.quote_glued import QuoteGlued
from tqcheck.detectors.quote_mixed_style import QuoteMixedStyle
from tqcheck.detectors.quote_opened_twice import QuoteOpenedTwice
from tqcheck.detectors.quote_unbalanced import QuoteUnbalanced
from tqcheck.detectors.quote_wrong_mark import QuoteWrongMark
from tqcheck.examples import problems, run
from tqcheck.model import Block, Document, Role
from tqcheck.registry import Context

RULES = (QuoteOpenedTwice, QuoteWrongMark, QuoteForeignStyle, QuoteUnbalanced, QuoteGlued,
         QuoteMixedStyle)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def findings(lines: list[str], lang: str = "en", roles: tuple[Role, ...] = ()) -> list:
    return [f for rule in RULES for f in run(rule, lines, lang, roles)]


# ---- metadata and examples ----------------------------------------------------------------

def test_codes_names_and_family():
    assert [r.meta.code for r in RULES] == [f"TQ30{i}" for i in range(1, 7)]
    assert len({r.meta.name for r in RULES}) == len(RULES)
    assert {r.meta.family for r in RULES} == {"quote_marks"}


@pytest.mark.parametrize("rule", RULES, ids=[r.meta.code for r in RULES])
def test_meta_is_well_formed(rule):
    assert rule.meta.problems() == []
    kinds = [e.kind for e in rule.meta.examples]
    assert kinds.count("bad") >= 3 and kinds.count("good") >= 4
    assert {e.lang for e in rule.meta.examples} >= {"en", "de"}


CASES = [(r, i, ex) for r in RULES for i, ex in enumerate(r.meta.examples)]


@pytest.mark.parametrize("rule,i,example", CASES,
                         ids=[f"{r.meta.code}-{ex.kind}{i}" for r, i, ex in CASES])
def test_example(rule, i, example):
    assert problems(rule, example) == []


# ---- the scanner ---------------------------------------------------------------------------

def test_apostrophes_and_inches_are_not_marks():
    s = quotes.scan("Siobhán O’Grady’s ’90s rock ’n’ roll, Harris’ strategy, a 7\" tablet, "
                    "don't, 6'2\"")
    assert s.marks == () and s.quotes == ()


def test_nested_single_quotes_are_left_alone():
    s = quotes.scan("“He told me ‘call me’ and left,” she said.")
    assert [q.pair for q in s.quotes] == ["“”"]
    assert not (s.reopened or s.stray or s.unclosed or s.glued)


def test_german_pairs_and_low_single():
    s = quotes.scan("Er sagte: „Ich habe ‚nein‘ gesagt“, und ging.")
    assert sorted(q.pair for q in s.quotes) == ["‚‘", "„“"]
    assert [q.depth for q in s.quotes] == [0, 1]


def test_opened_twice_is_recorded_once():
    s = quotes.scan("“They call [Trump] “Just call me straight away,” said one.")
    assert len(s.reopened) == 1 and not s.unclosed and not s.stray


def test_ap_style_doubled_single_marks_act_as_double():
    s = quotes.scan("‘‘It was an attempt to mislead voters,’’ Will Moy told the BBC.")
    assert [q.pair for q in s.quotes] == ["“”"]
    assert s.quotes[0].end == s.quotes[0].close.pos + 2


def test_guillemets_as_arrows_and_french_spacing():
    assert quotes.scan("Read more about the summit »").quotes == ()
    assert quotes.scan("Home › World › Europe").quotes == ()
    s = quotes.scan("Il a parlé d’un « tournant » et d’un «\u202fchoc\u202f».")
    assert [q.pair for q in s.quotes] == ["«»", "«»"]


def test_russian_merged_closing_guillemet():
    s = quotes.scan("«Когда всё плохо, – сказала она. – Я говорю: «Да ладно!»")
    assert not s.unclosed and not s.reopened


def test_conventions_from_data():
    assert quotes.convention("de").primary == "„“"
    assert quotes.convention("de_CH").primary == "«»"
    assert quotes.convention("de-AT").primary == "„“"
    assert quotes.convention("sv").primary == "””"
    assert quotes.convention("pl").primary == "„”"
    assert quotes.convention("und") is None
    for code in ("en", "de", "de-CH", "fr", "es", "it", "nl", "pl", "sv"):
        conv = quotes.convention(code)
        assert conv.primary in conv.accept and conv.secondary in conv.accept


@pytest.mark.parametrize("pair,lang,verdict", [
    ("“”", "en", "ok"), ("„“", "en", "foreign"), ("«»", "en", "foreign"), ("””", "en", "foreign"),
    ("““", "en", "wrong_close"), ("„„", "de", "wrong_close"), ("„”", "de", "wrong_close"),
    ("““", "de", "wrong_open"), ("“”", "de", "foreign"), ("„“", "de", "ok"), ("«»", "de", "ok"),
    ("»«", "de", "ok"), ("””", "sv", "ok"), ("„”", "pl", "ok"), ("«»", "fr", "ok"),
    ("“\"", "en", "mixed"), ("\"\"", "de", "ok"), ("„„", "en", "broken"), ("““", None, "broken"),
])
def test_judge(pair, lang, verdict):
    assert quotes.judge(pair, quotes.convention(lang)) == verdict


def test_data_file_names_its_sources():
    assert quotes.data.path("quotes.toml").read_text(encoding="utf-8").startswith("# source:")


TEXT = st.text(alphabet=st.sampled_from(list("ab Z7.,:;-–(')\u00a0\u202f“”„‟\"«»‹›‚‘’…")),
               max_size=40)


@FUZZ
@given(st.lists(TEXT, min_size=1, max_size=4), st.sampled_from(["en", "de", "fr", "sv", "und"]))
def test_any_text_gives_valid_spans(lines, lang):
    """No crash on any mix of marks; every span lies in its block (ctx.report checks it)."""
    for f in findings(lines, lang):
        assert f.text and f.start < f.end


# ---- document-level exceptions -----------------------------------------------------------

def test_multi_paragraph_quotation_across_furniture():
    lines = ["“We will fight on the beaches, we will fight on the landing grounds.",
             "Winston Churchill in 1940. Photo: Archive",
             "“We shall never surrender,” he said."]
    assert findings(lines, roles=(Role.BODY, Role.CAPTION, Role.BODY)) == []


def test_multi_paragraph_quotation_without_reopening_mark():
    lines = ["„Wir werden kämpfen, wir werden nicht aufgeben.",
             "Und wir werden niemals kapitulieren“, sagte der Minister am Montag."]
    assert findings(lines, lang="de") == []


def test_open_quotation_with_no_continuation_is_flagged():
    lines = ["“We will fight on the beaches, we will fight on the landing grounds.",
             "The prime minister then left the chamber without taking questions."]
    got = findings(lines)
    assert [(f.code, f.line, f.text) for f in got] == [("TQ304", 1, "“We")]


def test_teaser_cut_short_is_not_unbalanced():
    assert findings(["Read the interview: “We must talk about…"], roles=(Role.PROMO,)) == []


def test_untranslated_paragraph_keeps_its_own_marks():
    lines = ["The chancellor spoke to parliament on Sunday about the new defence budget.",
             "„Wir erleben eine Zeitenwende, und das bedeutet, dass die Welt danach nicht mehr "
             "dieselbe ist“, sagte der Kanzler."]
    assert [f.code for f in findings(lines)] == []


def test_mixed_style_ignores_headlines():
    lines = ["Trump’s \"deal\" explained", "“We will win,” he said on Monday."]
    assert findings(lines, roles=(Role.HEADLINE, Role.BODY)) == []


def test_korean_particles_after_closing_mark_are_not_glued():
    assert findings(["“잘못이냐”고 말하기도 했다. 또 “제 여자친구랑 여행 간 게 잘못인가요”라거나"],
                    lang="ko") == []


CLEAN_EN = """\
Scholz’s “Zeitenwende” speech, one year on
Berlin – Chancellor Olaf Scholz told the Bundestag on Sunday that the war marked a “Zeitenwende,” a turning point.
“We are living through a watershed era,” Scholz said. “And that means that the world afterwards will no longer be the same as the world before.”
The Bundeswehr received a special fund of €100 billion. Defence minister Boris Pistorius called the troops “not yet ready” for the task.
“The threat has not gone away.
“We have to be able to defend ourselves, and our allies have to be able to rely on us,” Pistorius said in Munich.
Photo: Kay Nietfeld/dpa
Critics, including the CDU’s Friedrich Merz, say the money is arriving too slowly. Merz called the plan ‘a good start’ but said more was needed.
Siobhán O’Grady, who covered the ’90s Balkan wars, said it felt like rock ’n’ roll without the music. Biden and Harris’ strategy relied on Berlin.
The Süddeutsche Zeitung (sueddeutsche.de) ran the headline „Die Zeitenwende ist vorbei“, which translates as “The turning point is over”.
A 12" scale model hangs in his office; the manual says the screen is 10.1" wide.
The minister described the mood as “cautious”. “We will see,” he said, “whether the Bundestag agrees.”
In a post on X (@BMVg_Bundeswehr), the ministry wrote that “Kriegstüchtig” – fit for war – is the goal. The iPhone app “Bundeswehr Karriere” has a million downloads.
Asked about “the so-called Zeitenwende”, he said: “It’s real.”
Read more: “Why Germany is rearming”"""

CLEAN_DE = """\
Scholz und die „Zeitenwende“
Berlin – Bundeskanzler Olaf Scholz hat im Bundestag von einer „Zeitenwende“ gesprochen. „Wir erleben eine Zeitenwende“, sagte der SPD-Politiker. „Und das bedeutet: Die Welt danach ist nicht mehr dieselbe wie die Welt davor.“
Die „Bild“-Zeitung titelte am Montag: „Kanzler kündigt 100 Milliarden an“. Der Ex-„Tatort“-Kommissar sagte dem „Spiegel“, er habe ‚großen Respekt‘ vor der Entscheidung.
„Wir müssen uns verteidigen können.
„Und unsere Verbündeten müssen sich auf uns verlassen können“, sagte Verteidigungsminister Boris Pistorius.
Foto: Kay Nietfeld/dpa
Der Schweizer Bundesrat sprach von einer «historischen Wende». In einem Buch heißt es: »Die Welt hat sich verändert.«
Pistorius zitierte den Satz „We will defend every inch“ auf Englisch. Der 7"-Bildschirm im Cockpit sei veraltet.
Die Opposition nannte den Plan „einen guten Anfang“. CDU-Chef Friedrich Merz sagte: „Das reicht nicht.“ Auf spiegel.de hieß es „Zu wenig, zu spät“.
Die App „Bundeswehr Karriere“ zählt eine Million Downloads; der Hashtag #Zeitenwende trendete.
Er sagte: „Ich habe ihm gesagt: ‚Das geht so nicht‘, und dann bin ich gegangen.“
Lesen Sie auch: „Warum Deutschland aufrüstet“"""


@pytest.mark.parametrize("text,lang", [(CLEAN_EN, "en"), (CLEAN_DE, "de")], ids=["en", "de"])
def test_clean_news_gets_no_finding(text, lang):
    assert [(f.code, f.text) for f in findings(text.split("\n"), lang)] == []


# ---- labelled fixtures ---------------------------------------------------------------------

def _labelled():
    return sorted(FIXTURES.glob("*/*.labels.json"))


def _clean():
    return [p for p in _labelled()
            if not json.loads(p.read_text(encoding="utf-8")).get("machine_translated", True)]


def _fixture_document(labels_path: Path) -> tuple[Document, dict, list[str]]:
    """The fixture as a document with the labelled roles (independent of the splitter)."""
    lab = json.loads(labels_path.read_text(encoding="utf-8"))
    lines = (labels_path.parent / lab["file"]).read_text(encoding="utf-8").splitlines()
    roles = {b["line"]: Role(b["role"]) for b in lab.get("blocks", [])}
    doc_lang = lab.get("lang", "en")
    blocks = tuple(Block(i, n, roles.get(n, Role.BODY), t.strip(), langid.detect(t, doc_lang))
                   for i, (n, t) in enumerate((n, t) for n, t in enumerate(lines, 1) if t.strip()))
    return Document(id=lab["file"], source=lab["file"], lang=doc_lang, blocks=blocks), lab, lines


def _quote_findings(doc: Document) -> list:
    out = []
    for rule in RULES:
        ctx = Context(rule.meta, rule.meta.severity)
        rule().check(doc, ctx)
        out += ctx.findings
    return out


def _overlaps(line: str, label_text: str, finding_text: str) -> bool:
    a, b = line.find(label_text), line.find(finding_text)
    return a < 0 or b < 0 or (a < b + len(finding_text) and b < a + len(label_text))


def _score(path: Path) -> tuple[int, int, int, int]:
    """(quote artifacts found, wanted, findings, findings matching no label)."""
    doc, lab, lines = _fixture_document(path)
    found = _quote_findings(doc)
    labels = [a for a in lab.get("artifacts", []) + lab.get("acceptable", [])
              if a["kind"] == "quote_marks"]

    def match(f, a):
        return f.line == a["line"] and _overlaps(lines[a["line"] - 1], a["text"], f.text)

    wanted = [a for a in lab.get("artifacts", []) if a["kind"] == "quote_marks"]
    hit = sum(any(match(f, a) for f in found) for a in wanted)
    extra = sum(not any(match(f, a) for a in labels) for f in found)
    return hit, len(wanted), len(found), extra


def test_seed_quote_artifacts():
    doc, _, _ = _fixture_document(FIXTURES / "seed" / "presssplit-seed.labels.json")
    got = sorted((f.line, f.code) for f in _quote_findings(doc))
    assert got == [(14, "TQ301"), (16, "TQ301"), (49, "TQ302")]
    hit, wanted, _, extra = _score(FIXTURES / "seed" / "presssplit-seed.labels.json")
    assert (hit, extra) == (wanted, 0)


@pytest.mark.parametrize("path", _clean(), ids=[p.name.split(".")[0] for p in _clean()])
def test_clean_fixture_has_no_quote_finding(path):
    doc, _, _ = _fixture_document(path)
    assert [(f.line, f.code, f.text) for f in _quote_findings(doc)] == []


def test_labelled_fixtures_recall_and_precision():
    hit = wanted = total = extra = 0
    for path in _labelled():
        h, w, t, e = _score(path)
        hit, wanted, total, extra = hit + h, wanted + w, total + t, extra + e
    assert wanted and hit / wanted >= 0.9
    assert total and 1 - extra / total >= 0.9
