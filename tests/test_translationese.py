"""TQ601-TQ606 (translationese): table-driven cases that must be flagged and cases that must stay
quiet, the rules' silence on human-written news, and their cost per article.

Each FLAG case marks the expected spans with [[...]] (one block per line, like the rules'
doc examples); QUIET cases are ordinary news English or German that no rule of the family may
flag. The sentences were written for these tests.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tqcheck.detectors.translationese import DETECTORS
from tqcheck.engine import Checker, Settings
from tqcheck.examples import run
from tqcheck.registry import MARK_RE, bad

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "datasets" / "article-extraction-benchmark" / "ground-truth.json"
BY_CODE = {d.meta.code: d for d in DETECTORS}

FLAG = [
    # TQ601 article before title + name
    ("TQ601", "en", "Talks were held with [[the Turkish President Recep Tayyip Erdogan]] in Ankara."),
    ("TQ601", "en", "[[The NATO Secretary General Mark Rutte]] arrived in Kyiv on Monday."),
    ("TQ601", "en", "She met [[the British Prime Minister Keir Starmer]] and "
                    "[[the Kremlin spokesman Dmitry Peskov]] declined to comment."),
    ("TQ601", "en", "A letter from [[the Chancellor Olaf Scholz]] was read out."),
    ("TQ601", "en", "[[the Polish Defence Minister Wladyslaw Kosiniak-Kamysz]]’s plan was approved."),
    ("TQ601", "en", "According to [[the CDU leader Friedrich Merz]], the vote was a mistake."),
    ("TQ601", "en", "[[The US Secretary of State Antony Blinken]] flew to Riyadh."),
    # TQ602 calques
    ("TQ602", "en", "The airport opened [[in the year 2012]] after years of delay."),
    ("TQ602", "en", "Production has fallen [[since the year 2019]]."),
    ("TQ602", "en", "Sales stagnated [[until the year 2021]]."),
    # TQ603 honorific beside the bare surname
    ("TQ603", "en", "Kretschmer said the state would pay.\nLater [[Mr. Kretschmer]] admitted the costs."),
    ("TQ603", "en", "Baerbock has rejected the plan. [[Ms. Baerbock]] was in Kyiv on Friday."),
    # TQ604 verbless add-on sentences
    ("TQ604", "en", "The storm hit the north coast. [[Also in Bremen and Hamburg.]]"),
    ("TQ604", "en", "Several parties criticised the plan. [[Including the Greens, who had "
                    "supported it at first.]]"),
    ("TQ604", "en", "Prices rose again in the cities. [[Also for rents.]]"),
    # TQ605 ellipsis inside a sentence
    ("TQ605", "en", "The minister wanted [[to… Talks]] with the unions to resume.\nThe talks failed."),
    ("TQ605", "en", "The aid is meant for [[the… Reconstruction]] of the bridge.\n"
                    "The reconstruction will take years."),
    # TQ606 German "in 2024"
    ("TQ606", "de", "Die Zahl der Anträge hat sich [[in 2023]] verdoppelt."),
    ("TQ606", "de", "Der Konzern will [[in 2025]] rund 500 Stellen streichen."),
    ("TQ606", "de", "Das war schon [[in 1998]] so, sagte sie."),
]

QUIET_EN = [
    "Russian President Vladimir Putin spoke with Chinese President Xi Jinping on Thursday.",
    "The call was confirmed by the president, Joe Biden, and by the Kremlin.",
    "The Russian president, Vladimir Putin, did not attend.",
    "The then-president Barack Obama and the late President John F. Kennedy were compared.",
    "The former president Donald Trump and the new Prime Minister Keir Starmer met.",
    "The Senate President Bukola Saraki and the Lagos State Governor Babajide Sanwo-Olu spoke.",
    "The Minister for Health and the Leader of the House met the President of France.",
    "The President Is Missing was a bestseller; the President Hotel closed.",
    "The Prime Minister Narendra Modi-led government won; critics dubbed the President Teflon Don.",
    "The German chancellor said on Monday that the Russian president was isolated.",
    "The president Trump described was not the one voters knew.",
    "Exports fell sharply in 2023; by the year 2050 the grid must be carbon-free.",
    "In the year since the election, prices have risen; the year 2000 problem was fixed.",
    "“In the year 2000 we had nothing,” he said.",
    "Mr. Scholz said the plan was fair.\nMr. Scholz also rejected the criticism.",
    "“Mr. Scholz has been clear,” the diplomat said. Scholz said nothing.",
    "Olaf Scholz said the plan was fair. Mr. Smith disagreed.",
    "Including bonuses, the package is worth $5m.",
    "Including two new members, the band now has six.",
    "Including a planned tax, the government expects to raise 20 billion euros.",
    "Also, the ministry is drafting a new law.",
    "Also on the agenda: climate policy. Also attending were two governors.",
    "Also see our guide to the election.",
    "Also injured was a police officer.",
    "“Including my brother? Also him?” she asked.",
    "Talks, votes, vetoes and so on… The summit ended without a deal, and the talks resumed.",
    "He advised the president to… Ukraine.\nUkraine was not mentioned.",
    "“We have to… Look, it is complicated,” he said. The war goes on.",
    "They shouldn’t even take it. ... War is not the answer, the war critics say.",
]

QUIET_DE = [
    "Die Exporte sind 2023 um zwölf Prozent gestiegen, im Jahr 2022 waren sie gefallen.",
    "Das Lager liegt in 2000 Metern Höhe; in 2023/24 und seit 2019 wurde gebaut.",
    "„Wir haben in 2023 viel gelernt“, sagte sie.",
    "Der russische Präsident Wladimir Putin sprach mit dem US-Präsidenten.",
    "In den Jahren 2022 und 2023 stiegen die Preise; bis zum Jahr 2030 soll es so bleiben.",
    "Das Gesetz gilt in 2 Bundesländern und in 2000er-Jahren gebauten Häusern.",
]


def _marked(text: str) -> list[tuple[int, str]]:
    out = []
    for i, line in enumerate(text.split("\n")):
        out += [(i, m.group(1)) for m in MARK_RE.finditer(line)]
    return out


@pytest.mark.parametrize("code,lang,text", FLAG, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(FLAG)])
def test_flags(code, lang, text):
    ex = bad(text, lang=lang)
    found = run(BY_CODE[code], ex.lines(), lang)
    got = sorted((f.line - 1, f.text) for f in found)
    assert got == sorted(_marked(text))
    # and no other rule of the family fires on it
    for det in DETECTORS:
        if det.meta.code != code:
            assert run(det, ex.lines(), lang) == [], det.meta.code


@pytest.mark.parametrize("text", QUIET_EN)
def test_quiet_en(text):
    for det in DETECTORS:
        assert run(det, text.split("\n"), "en") == [], det.meta.code


@pytest.mark.parametrize("text", QUIET_DE)
def test_quiet_de(text):
    for det in DETECTORS:
        assert run(det, text.split("\n"), "de") == [], det.meta.code


def test_english_rules_skip_german_and_back():
    en = "He met the Russian President Vladimir Putin in the year 2024."
    de = "Die Exporte sind in 2023 gestiegen."
    for det in DETECTORS:
        if det.meta.code == "TQ606":
            assert run(det, [en], "en") == []
        else:
            assert run(det, [de], "de") == []


def _checker() -> Checker:
    return Checker(Settings(select=("translationese",)))


@pytest.mark.skipif(not BENCH.exists(), reason="shared article-extraction benchmark not present")
def test_quiet_on_human_written_news():
    """The 181 human-written bodies of scripts/clean_text_findings.py: measured 0 findings."""
    items = json.loads(BENCH.read_text(encoding="utf-8"))
    checker = _checker()
    found = []
    for item_id, item in sorted(items.items()):
        text = "\n".join(p.strip() for p in item["articleBody"].split("\n") if p.strip())
        found += [(item_id[:8], f.code, f.text) for f in checker.check_text(text).findings]
    assert len(found) <= 1, found  # "more than very rarely" is a failure


def test_cost_per_article():
    """All six rules on a ~1,000-word news article: well under a millisecond each."""
    from tqcheck.engine import build_document
    from tqcheck.registry import Context

    text = (ROOT / "fixtures" / "damaged" / "en-mt-translationese-moldova.txt").read_text(
        encoding="utf-8")
    doc = build_document("\n".join([text] * 3), doc_id="bench", source="-", lang="en")
    dets = [d() for d in DETECTORS]
    n = 200
    t0 = time.perf_counter()
    for _ in range(n):
        for d in dets:
            d.check(doc, Context(d.meta, d.meta.severity))
    per = (time.perf_counter() - t0) / n
    assert per < 0.002, f"{per * 1000:.2f} ms per article"
