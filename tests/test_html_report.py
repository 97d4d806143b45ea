"""The HTML report: exact (findings in place, counts agree with the JSON), safe (article text
never becomes markup), self-contained, deterministic, scalable; `tqcheck report` re-renders."""
from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzzing import FUZZ
from hypothesis import given
from hypothesis import strategies as st

from tqcheck.cli import main
from tqcheck.reporters import html_report

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "presssplit-seed.txt"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


# -- a small DOM over html.parser, enough to ask where things are --

class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def all(self, tag: str | None = None, **attrs) -> list["Node"]:
        return [n for n in self.iter() if (tag is None or n.tag == tag)
                and all(n.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()

    def up(self, pred) -> "Node | None":
        n = self.parent
        while n is not None and not pred(n):
            n = n.parent
        return n


class Dom(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", {}, None)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(node)
        if tag not in self.VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        assert n is not None, f"stray </{tag}>"
        self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.root.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, f"{len(found)} elements with id {ident!r}"
        return found[0]


def check(*args, ok=(0, 1)):
    res = CliRunner().invoke(main, [str(a) for a in args])
    assert res.exit_code in ok, res.output + repr(res.exception)
    return res


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    d = tmp_path_factory.mktemp("seed")
    check("check", "-q", SEED, "--format", f"html:{d / 'r.html'}", "--format", f"json:{d / 'r.json'}")
    return json.loads((d / "r.json").read_text()), (d / "r.html").read_text(), d


def test_every_finding_is_listed_and_highlighted_exactly_at_its_place(seed):
    data, html, _ = seed
    dom = Dom(html)
    art = data["articles"][0]
    assert art["findings"]
    for k, f in enumerate(art["findings"], 1):
        fid = f"a1-f{k}"
        note = dom.by_id(fid)
        assert (note.attrs["data-c"], note.attrs["data-s"]) == (f["code"], f["severity"])
        text = " ".join(note.text().split())
        assert f["code"] in text and " ".join(f["message"].split()) in text and f"line {f['line']}," in text
        if f["suggestion"]:
            assert f["suggestion"] in text
        assert note.all("a", href=f"#doc-{f['code']}") and dom.by_id(f"doc-{f['code']}")
        # the note sits beside its block, whose gutter shows the finding's line and the block's role
        block = note.up(lambda n: n.has_class("blk"))
        gutter = block.all("p", class_="gut")[0]
        assert gutter.all("b")[0].text() == str(f["line"])
        assert art["blocks"][f["block"]]["role"].replace("_", " ") in gutter.text()
        # its highlight: the pieces covering it, in order, are exactly its text, in that block
        pieces = [m for m in block.all("mark") if fid in m.attrs["data-n"].split()]
        assert "".join(m.text() for m in pieces) == f["text"]
        tx = block.all("p", class_="tx")[0]
        assert "".join(c if isinstance(c, str) else c.text() for c in tx.children if not (
            isinstance(c, Node) and c.has_class("fr"))) == art["blocks"][f["block"]]["text"]
        marker = dom.by_id(f"{fid}-m")
        assert marker.attrs["href"] == f"#{fid}" and marker.up(lambda n: n is tx)
    assert len([n for n in dom.root.all("li") if "data-c" in n.attrs]) == len(art["findings"])


def test_counts_agree_with_the_json(seed):
    data, html, _ = seed
    dom, s = Dom(html), data["summary"]
    stats = [" ".join(li.text().split()) for li in dom.by_id("overview").all("li")]
    assert f"{s['articles']} article checked" in stats[0] and f"{s['findings']} findings" in stats[2]
    for family, n in s["by_family"].items():
        assert dom.root.all("a", href=f"#family={family}")[-1].text() == str(n)
        assert str(n) in dom.by_id(f"fam-{family}").text()
    for sev, n in s["by_severity"].items():
        assert dom.root.all("a", href=f"#severity={sev}")[-1].text() == str(n)
    for code, n in s["by_code"].items():
        rule = dom.by_id(f"code={code}")
        assert f"{n} occurrence" in rule.all("h4")[0].text()
        where = [a for a in rule.all("a") if re.fullmatch(r"#\d+:\d+", a.text())]
        assert len(where) == n  # every occurrence listed, each linking to its note
        assert all(dom.by_id(a.attrs["href"][1:]).attrs["data-c"] == code for a in where)
    title = dom.root.all("title")[0].text()
    assert f"{s['findings']} findings in {s['articles']} article" in title


def test_rule_docs_are_rendered_as_escaped_markup(seed):
    _, html, _ = seed
    dom = Dom(html)
    doc = dom.by_id("doc-TQ201")
    assert doc.tag == "details" and [h.text() for h in doc.all("h5")][:4] == [
        "What it flags", "Why it matters", "Example", "Fix"]
    blocks = html_report.doc_blocks("## Head `x`\nline one\nline two\n\n> quoted <b>\n> more\n\nlast <script>")
    assert [b["kind"] for b in blocks] == ["h", "p", "quote", "p"]
    assert blocks[0]["parts"] == [{"code": False, "text": "Head "}, {"code": True, "text": "x"}]
    assert blocks[2]["parts"][0]["text"] == "quoted <b> more"


def test_page_is_self_contained_and_allows_only_its_own_inline_code(seed):
    _, html, _ = seed
    dom = Dom(html)
    assert re.findall(r"https?://[^\s\"'<>]+", html) == ["http://www.w3.org/2000/svg"]  # the SVG namespace only
    assert not [n for n in dom.root.iter() if "src" in n.attrs or n.tag in ("link", "img", "iframe")]
    assert all(n.attrs["href"].startswith("#") for n in dom.root.iter() if "href" in n.attrs)
    csp = dom.root.all("meta", **{"http-equiv": "Content-Security-Policy"})[0].attrs["content"]
    (script,), (style,) = dom.root.all("script"), dom.root.all("style")

    def sha(node):
        return "sha256-" + base64.b64encode(hashlib.sha256(node.text().encode()).digest()).decode()
    assert f"script-src '{sha(script)}'" in csp and f"style-src '{sha(style)}'" in csp
    assert "default-src 'none'" in csp
    assert "{{" not in html and "{%" not in html  # every template tag was rendered


def test_report_command_renders_the_saved_json_byte_identically(seed):
    _, html, d = seed
    check("report", d / "r.json", "-o", d / "again.html", ok=(0,))
    assert (d / "again.html").read_text() == html
    again = check("check", "-q", SEED, "--format", "html", ok=(0, 1)).stdout
    assert again == html  # deterministic: no timestamps, stable order


@pytest.mark.parametrize("content, message", [
    ('{"schema": "tqcheck/3", "articles": []}', "not a tqcheck result (tqcheck/1 or tqcheck/2; schema: 'tqcheck/3')"),
    ('{"schema": "tqcheck/2", "articles": [], "tool": {"name": "t", "version": "1"}, "summary": {}}',
     "run_findings (a list) is missing"),
    ("[1, 2]", "not a tqcheck result"),
    ("{oops", "not JSON"),
    ("\xff\xfe\x00", "not UTF-8"),
])
def test_report_rejects_what_is_not_a_result(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="latin-1")
    res = check("report", bad, "-o", tmp_path / "out.html", ok=(2,))
    assert res.stderr.count("\n") == 1 and message in res.stderr and "bad.json" in res.stderr
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["articles"][0]["findings"][0].update(start=3), "does not match its block"),
    (lambda d: d["articles"][0]["findings"][0].update(severity="fatal"), "not valid"),
    (lambda d: d["articles"][0]["blocks"][0].update(role="<script>"), "role"),
    (lambda d: d["summary"].update(findings=99), "summary does not match"),
    (lambda d: d["articles"][0].pop("blocks"), "articles[0].blocks is missing"),
    (lambda d: d.update(tool=[]), "tool"),
])
def test_report_rejects_inconsistent_results(seed, tmp_path, edit, message):
    data = json.loads(json.dumps(seed[0]))
    edit(data)
    (tmp_path / "r.json").write_text(json.dumps(data))
    res = check("report", tmp_path / "r.json", ok=(2,))
    assert message in res.stderr and res.stderr.count("\n") == 1 and res.stdout == ""
    assert check("report", tmp_path / "missing.json", ok=(2,)).stderr.startswith("tqcheck: ")


# -- untrusted text --

PAYLOADS = [
    "<script>document.body.dataset.pwned=1</script>",
    '"><img src=x onerror="document.title=\'PWNED\'">',
    "<a href=\"javascript:alert(3)\">click</a>",
    "'><svg/onload=alert(4)>",
    "</p></details></section><iframe srcdoc=\"<script>alert(5)</script>\"></iframe>",
    "<style>body{display:none}</style><meta http-equiv=refresh content=0;url=https://example.com>",
    "{{ 7*7 }} {% raw %} ${7*7} <!-- comment --> <![CDATA[ x ]]> &amp; &lt;b&gt;",
    "\u202egpj.exe\u202c, \u2066iso\u2069, zero\u200bwidth, bom\ufeff, bell\x07, nbsp\xa0here",
]


def assert_inert(html: str) -> Dom:
    """Nothing from article text became markup: one script (ours), no handlers, no foreign elements."""
    dom = Dom(html)
    tags = {n.tag for n in dom.root.iter()}
    assert not tags & {"img", "iframe", "object", "embed", "base", "input", "link", "textarea"}
    assert [f.attrs.get("id") for f in dom.root.all("form")] == ["filters"]  # the page's own
    assert len(dom.root.all("svg")) <= 1  # the chart
    assert len(dom.root.all("script")) == 1 and len(dom.root.all("style")) == 1
    assert [m.attrs for m in dom.root.all("meta") if "http-equiv" in m.attrs][0]["http-equiv"] \
        == "Content-Security-Policy" and len([m for m in dom.root.all("meta") if "http-equiv" in m.attrs]) == 1
    assert not [(n.tag, k) for n in dom.root.iter() for k in n.attrs if k.startswith("on")]
    assert all(n.attrs["href"].startswith("#") for n in dom.root.iter() if "href" in n.attrs)
    assert not set(BIDI + "\u200b\ufeff\x07") & set(html)  # shown as ⟨U+…⟩ tokens, never raw
    assert "{{ 7*7 }}" in dom.root.all("main")[0].text()  # data, never template source
    return dom


def test_article_text_full_of_payloads_is_shown_as_text(tmp_path):
    name = tmp_path / 'x"><img src=y onerror=alert(9)>.txt'
    lines = [f"Headline {PAYLOADS[0]} about the council"] + [
        f"The council said {p} and Wladimir Putin was not invited to the ceremony in the town hall." for p in PAYLOADS]
    name.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # encoding rules flag the payloads' entities; their numbered markers would split the text
    html = check("check", "-q", "--ignore", "encoding", name, "--format", "html").stdout
    dom = assert_inert(html)
    shown = dom.root.all("main")[0].text()
    for p in PAYLOADS[:-1]:
        assert p in shown  # visible, character for character
    assert 'x"><img src=y onerror=alert(9)>' in shown
    tokens = {n.text() for n in dom.root.all("span", class_="cc")}
    assert {"⟨U+202E⟩", "⟨U+202C⟩", "⟨U+2066⟩", "⟨U+2069⟩", "⟨U+200B⟩", "⟨U+FEFF⟩", "⟨U+0007⟩"} <= tokens
    assert all(n.up(lambda a: a.tag in ("bdi", "p") or a.has_class("lit")) for n in dom.root.all("span", class_="cc"))
    assert html.count("dir=\"auto\"") >= len(lines)  # every block's text is isolated


def test_saved_json_with_payloads_in_every_field_renders_inert(seed, tmp_path):
    data = json.loads(json.dumps(seed[0]))
    art = data["articles"][0]
    evil = " ".join(PAYLOADS)
    art.update(id=evil, source=evil, title=evil, lang=PAYLOADS[1])
    art["errors"].append({"stage": PAYLOADS[0], "code": PAYLOADS[2], "message": evil})
    for f in art["findings"]:
        f.update(message=evil, suggestion=PAYLOADS[3], name=PAYLOADS[1])
    data["tool"]["version"] = PAYLOADS[0]
    data["summary"]["articles_with_errors"] = 1
    (tmp_path / "evil.json").write_text(json.dumps(data))
    assert_inert(check("report", tmp_path / "evil.json", ok=(0,)).stdout)


# -- highlighting, scaling --

@FUZZ
@given(st.text(min_size=1, max_size=40), st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=6),
       st.booleans())
def test_overlapping_findings_are_each_highlighted_exactly(text, spans, excerpt):
    notes = [{"id": f"f{i}", "start": min(a, len(text) - 1), "end": min(min(a, len(text) - 1) + n, len(text)),
              "severity": ("info", "warning", "error")[i % 3]} for i, (a, n) in enumerate(spans)]
    segs = html_report.segments(text, notes, excerpt=excerpt)
    if not excerpt:
        assert "".join(s["text"] for s in segs) == text
    for n in notes:
        covered = "".join(s["text"] for s in segs if n["id"] in s["ids"].split())
        assert covered == text[n["start"]:n["end"]]
        assert sum(n in s["starts"] for s in segs) == 1


def test_large_runs_degrade_to_excerpts_then_a_table_but_list_every_finding(seed, monkeypatch):
    data = json.loads(json.dumps(seed[0]))
    one = data["articles"][0]
    data["articles"] = [dict(one, id=f"copy-{i}") for i in range(12)] + [dict(one, id="clean", findings=[])]
    fs = [f for a in data["articles"] for f in a["findings"]]
    data["summary"].update(articles=13, articles_with_findings=12, findings=len(fs), by_family={
        k: v * 12 for k, v in data["summary"]["by_family"].items()}, by_severity={
        k: v * 12 for k, v in data["summary"]["by_severity"].items()}, by_code={
        k: v * 12 for k, v in data["summary"]["by_code"].items()})
    monkeypatch.setattr(html_report, "FULL_TEXT_BUDGET", 20_000)
    monkeypatch.setattr(html_report, "DETAIL_FINDINGS", 100)
    dom = Dom(html := render(data))
    arts = dom.root.all("details", class_="art")
    excerpts = [a for a in arts if "Excerpt:" in a.text()]
    assert excerpts and excerpts == arts[3:] and all("open" not in a.attrs for a in arts[3:])
    assert [a for a in arts[:3] if "open" in a.attrs] == arts[:3]
    summarised = dom.root.all("tr", class_="sa")
    assert len(arts) + len(summarised) == 12 and summarised
    assert len(dom.by_id("clean").all("tr")) == 2  # header + the clean article, no text
    where = [a for a in dom.by_id("rules").all("a") if re.fullmatch(r"#\d+:\d+", a.text())]
    assert len(where) == len(fs)
    for a in where:  # to the finding's note, or to its article's row when summarised
        target = dom.by_id(a.attrs["href"][1:])
        assert target.tag in ("li", "tr")
    assert len(html.encode()) < 7 * len(render(seed[0]).encode())


def render(data: dict) -> str:
    import io
    buf = io.StringIO()
    html_report.render_data(data, buf)
    return buf.getvalue()


def test_articles_that_could_not_be_read_are_reported(tmp_path):
    res = check("check", "-q", tmp_path / "missing.txt", SEED, "--format", "html", ok=(2,))
    dom = Dom(res.stdout)
    problems = dom.by_id("problems").up(lambda n: n.tag == "section")
    assert "missing.txt" in problems.text() and "no such file" in problems.text()


# -- the real browser --

def _browser_check():
    spec = importlib.util.spec_from_file_location("browser_check", ROOT / "scripts" / "browser_check.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_in_headless_chromium_no_payload_runs_and_filters_work():
    bc = _browser_check()
    if bc.find_chromium() is None:
        pytest.skip("no chromium binary (apt-get install -y chromium; .ci/run installs it)")
    results = bc.run()
    failed = [what for ok, what in results if not ok]
    assert not failed, failed
    assert len(results) >= 10


def test_text_colours_meet_wcag_aa_contrast():
    css = (ROOT / "reports" / "report.css").read_text()
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", css.split("}")[0]))

    def lum(hex_: str) -> float:
        h = hex_.lstrip("#")
        h = "".join(c * 2 for c in h) if len(h) == 3 else h
        ch = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in ch]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    def ratio(fg: str, bg: str) -> float:
        a, b = sorted((lum(var.get(fg, fg)), lum(var.get(bg, bg))), reverse=True)
        return (a + 0.05) / (b + 0.05)
    pairs = [("ink", "paper"), ("ink", "furn"), ("ink", "notice"), ("muted", "paper"), ("muted", "soft"),
             ("accent", "paper"), ("accent", "accent-soft"), ("err", "err-bg"), ("warn", "warn-bg"),
             ("info", "info-bg"), ("ink", "err-bg"), ("ink", "warn-bg"), ("ink", "info-bg"),
             ("notice-line", "paper"), ("#4b5563", "paper"), ("#7a1f6e", "#fbe7f6"), ("#6e7781", "paper"),
             ("#3d444c", "#fafbfc"), ("ink", "#cfe0ff")]
    low = [(fg, bg, round(ratio(fg, bg), 2)) for fg, bg in pairs if ratio(fg, bg) < 4.5]
    assert not low, low


def test_a_result_from_another_version_with_an_unknown_rule_still_renders(seed, tmp_path):
    data = json.loads(json.dumps(seed[0]))
    f = data["articles"][0]["findings"][0]
    old = f["code"]
    f["code"] = "TQ999"
    by_code = data["summary"]["by_code"]
    by_code["TQ999"] = 1
    by_code[old] -= 1
    data["summary"]["by_code"] = {k: v for k, v in sorted(by_code.items()) if v}
    (tmp_path / "r.json").write_text(json.dumps(data))
    dom = Dom(check("report", tmp_path / "r.json", ok=(0,)).stdout)
    assert "no documentation for TQ999" in dom.by_id("doc-TQ999").text()
