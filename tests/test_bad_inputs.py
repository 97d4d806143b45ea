"""A catalogue of bad inputs, each with its defined outcome through `tqcheck check --format json`.

Every case runs the CLI (CliRunner on tqcheck.cli.main) and asserts: no traceback, and one of
a finding, an errors[] entry whose message names the problem (exit 2, one stderr line), or a
clean run. Several cases are also covered piecemeal in test_inputs.py / test_cli.py; this file
is the one place that lists them all.

=============================================  ==============================================================
case                                           outcome
=============================================  ==============================================================
empty file                                     exit 0; one article, no blocks, no findings, no errors
only whitespace (spaces, tabs, CRLF)           exit 0; one article, no blocks, no findings, no errors
binary file                                    exit 2; error "looks like a binary file (NUL bytes), not text"
50 MB single line                              exit 2 at once (< 60 s, ~2.5 s): "larger than --max-bytes
                                               (20971520 bytes); not read" (default 20M); a 1 MB line under
                                               the limit is checked (one block)
feed of 10,000 items, > 20 MiB                 exit 2: the same --max-bytes size error, nothing read
feed of 10,000 items, < 20 MiB (--max-bytes)   every item audited: 10,000 articles with blocks, no errors
NUL bytes in a text file                       exit 2; the binary-file error
invalid UTF-8                                  checked as cp1252, plus error "not valid UTF-8 (byte 0x.. at
                                               offset N); decoded as cp1252 (a guess: check the text)"
UTF-16 with BOM (LE and BE)                    decoded by the BOM; checked normally (finding TQ201)
UTF-16 without BOM                             exit 2; the binary-file error (NUL bytes, no BOM: refused)
mixed line endings \\r\\n, \\r, \\n            each counts as one line break; block lines match the file
bidi controls, zero-width chars                kept in the text; offsets valid, finding text == block slice;
                                               names are found through zero-width characters, soft
                                               hyphens and word joiners inside or glued to them
combining chars and emoji at finding edges     offsets are code points of the block text; text == slice
unclosed HTML tags                             recovered by the HTML5 parser; body checked (TQ201)
10,000-deep HTML nesting (closed and unclosed) no recursion error; the paragraph is checked (TQ201)
malformed XML feed                             exit 2; feed error "malformed XML (line L, column C: ...)";
                                               the items a lenient parse recovered are checked
billion laughs                                 nothing expanded; error naming the entities; small output
XXE (file:///etc/passwd)                       never resolved; the file's content appears nowhere
feed item link javascript:alert(1)             kept as text in source; no href="javascript: in the HTML
a JSON line that is not JSON                   error "line N: not JSON (...)" for that line only; others
                                               checked
folder: unreadable file, symlink loop          error "Permission denied" for that file; the loop is walked
                                               once; the readable file is checked; exit 2
=============================================  ==============================================================
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck.cli import main

PASSWD = Path("/etc/passwd")
BINARY_ERROR = "looks like a binary file (NUL bytes), not text"
SIZE_ERROR = "larger than --max-bytes (20971520 bytes); not read"
SENTENCE = "Wladimir Putin met the council on Monday to discuss the budget."


def run(*args, input=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def check(*args, input=None):
    result = run("check", "--format", "json", "--offline", "-q", *args, input=input)
    return result, json.loads(result.stdout)


def only(data: dict) -> dict:
    (art,) = data["articles"]
    return art


def messages(art: dict) -> list[str]:
    return [e["message"] for e in art["errors"]]


def assert_findings_are_slices(art: dict) -> None:
    texts = {b["index"]: b["text"] for b in art["blocks"]}
    for f in art["findings"]:
        block = texts[f["block"]]
        assert 0 <= f["start"] < f["end"] <= len(block)
        assert block[f["start"]:f["end"]] == f["text"]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- empty and binary -------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\t\n  \r\n\n"], ids=["empty", "whitespace"])
def test_empty_and_whitespace_only_give_an_empty_article(tmp_path, data):
    result, data = check(write(tmp_path, "a.txt", data))
    art = only(data)
    assert result.exit_code == 0 and result.stderr == ""
    assert art["blocks"] == [] and art["findings"] == [] and art["errors"] == []


@pytest.mark.parametrize("data", [bytes(range(256)) * 16, b"Headline\nBody with a \x00 NUL byte.\n",
                                  ("Headline\n" + SENTENCE).encode("utf-16-le"),
                                  ("Headline\n" + SENTENCE).encode("utf-16-be")],
                         ids=["binary", "nul-bytes", "utf16le-no-bom", "utf16be-no-bom"])
def test_nul_bytes_are_a_binary_file_error(tmp_path, data):
    path = write(tmp_path, "a.txt", data)
    result, data = check(path)
    art = only(data)
    assert result.exit_code == 2
    assert messages(art) == [BINARY_ERROR] and art["blocks"] == []
    assert result.stderr == f"tqcheck: {path}: {BINARY_ERROR}\n"


# -- size -------------------------------------------------------------------------------------

def test_a_50_mb_single_line_is_refused_by_the_default_max_bytes(tmp_path):
    path = tmp_path / "line.txt"
    chunk = (SENTENCE + " ").encode()
    with path.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    assert path.stat().st_size >= 50 * 1024 * 1024 and b"\n" not in path.read_bytes()[:100_000]
    result, data = check(path)
    art = only(data)
    assert result.exit_code == 2 and messages(art) == [SIZE_ERROR] and art["blocks"] == []
    # the same line under an explicit, smaller limit: refused just the same
    result, data = check("--max-bytes", "1M", write(tmp_path, "small.txt", chunk * (2 * 1024 * 1024 // len(chunk))))
    assert messages(only(data)) == ["larger than --max-bytes (1048576 bytes); not read"]


def test_a_one_megabyte_single_line_under_the_limit_is_checked(tmp_path):
    chunk = (SENTENCE + " ").encode()
    result, data = check("--lang", "en", write(tmp_path, "line.txt", chunk * (1024 * 1024 // len(chunk))))
    art = only(data)
    assert art["errors"] == [] and len(art["blocks"]) == 1 and art["blocks"][0]["line"] == 1
    assert art["findings"]
    assert_findings_are_slices(art)


def _feed(n_items: int, body_repeat: int) -> bytes:
    item = ("<item><title>Item {n}</title><link>https://x.example/items/{n}</link><guid>g{n}</guid>"
            "<description>" + "The council met on Monday and approved the budget for the next year. " * body_repeat
            + "</description></item>\n")
    head = '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>T</title>\n'
    return (head + "".join(item.format(n=n) for n in range(n_items)) + "</channel></rss>\n").encode()


def test_a_10000_item_feed_over_20_mib_is_a_size_error(tmp_path):
    data = _feed(10_000, 30)
    assert len(data) > 20 * 1024 * 1024
    result, out = check(write(tmp_path, "big.xml", data))
    assert result.exit_code == 2 and messages(only(out)) == [SIZE_ERROR]


def test_a_10000_item_feed_under_the_limit_is_audited_item_by_item(tmp_path):
    # The full 19.6 MiB / 10,000-item feed takes ~10 s (see /tmp/limits.md); short bodies keep this fast.
    data = _feed(10_000, 1)
    result, out = check("--lang", "en", "--max-bytes", "5M", write(tmp_path, "many.xml", data))
    arts = out["articles"]
    assert result.exit_code == 0 and out["summary"]["articles"] == 10_000
    assert all(a["blocks"] and not a["errors"] for a in arts)
    assert len({a["id"] for a in arts}) == 10_000 and arts[-1]["source"].endswith("#g9999")


# -- encodings and characters -----------------------------------------------------------------

def test_invalid_utf8_is_checked_as_a_reported_guess(tmp_path):
    path = write(tmp_path, "a.txt", b"Headline\nThe caf\xe9 re\xffopened on Monday.\n")
    result, data = check(path)
    art = only(data)
    assert result.exit_code == 2
    assert messages(art) == ["not valid UTF-8 (byte 0xe9 at offset 16); decoded as cp1252 (a guess: check the text)"]
    assert art["blocks"][1]["text"] == "The café reÿopened on Monday."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_decoded(tmp_path, codec):
    text = "Headline here\n" + SENTENCE + "\n"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    result, data = check("--lang", "en", write(tmp_path, "a.txt", bom + text.encode(codec)))
    art = only(data)
    assert art["errors"] == [] and [b["text"] for b in art["blocks"]] == ["Headline here", SENTENCE]
    assert [f["code"] for f in art["findings"]] == ["TQ201"]
    assert_findings_are_slices(art)


def test_mixed_line_endings_keep_line_numbers(tmp_path):
    raw = (b"Headline\r\nFirst: Wladimir Putin said.\rSecond line.\nThird\r\n\r\n"
           b"Wladimir Putin spoke.\n")
    result, data = check("--lang", "en", write(tmp_path, "a.txt", raw))
    art = only(data)
    assert [(b["line"], b["text"]) for b in art["blocks"]] == [
        (1, "Headline"), (2, "First: Wladimir Putin said."), (3, "Second line."), (4, "Third"),
        (6, "Wladimir Putin spoke.")]
    assert [(f["line"], f["start"]) for f in art["findings"]] == [(2, 7), (6, 0)]
    assert_findings_are_slices(art)


BIDI_AND_ZERO_WIDTH = [
    ("\u202eWladimir Putin\u202c spoke.", 1),  # RLO … PDF
    ("\u2066Wladimir Putin\u2069 spoke.", 1),  # LRI … PDI
    ("\u200fWladimir Putin spoke.", 1),  # RLM
    ("\ufeffWladimir Putin spoke.", 1),  # a BOM inside the text (ZWNBSP)
    ("\u200bWladimir Putin spoke.", 1),  # ZWSP before the name
    ("Wla\u200bdimir Putin spoke.", 0),  # inside the word: seen through, the span keeps it
    ("Wla\u00addi\u2060mir Putin spoke.", 0),  # soft hyphen and word joiner inside the word
    ("Wladimir\u200d Putin spoke.", 0),  # ZWJ glued to the name
    ("Wladimir\u200c Putin spoke.", 0),  # ZWNJ glued to the name
]


@pytest.mark.parametrize("line, start", BIDI_AND_ZERO_WIDTH)
def test_bidi_controls_and_zero_width_characters(tmp_path, line, start):
    result, data = check("--lang", "en", write(tmp_path, "a.txt", f"Headline\n{line}\n".encode()))
    art = only(data)
    assert art["errors"] == [] and art["blocks"][1]["text"] == line  # kept, not stripped
    assert_findings_are_slices(art)
    assert [f["start"] for f in art["findings"] if f["code"] == "TQ201"] == ([] if start is None else [start])


EMOJI_AND_COMBINING = [
    ("😀Wladimir Putin😀 spoke.", "TQ201", 1, "Wladimir"),
    ("👍🏽Wladimir Putin🇩🇪 spoke.", "TQ201", 2, "Wladimir"),  # skin-tone modifier, flag pair
    ("e\u0301e\u0301 Wladimir Putin\u0301 spoke.", "TQ201", 5, "Wladimir"),  # combining acute accents
    ("The Federal Chancellor said 😀 the councilwas meeting🇩🇪.", "TQ401", 34, "councilwas"),
    ("He said „Hello“😀 to the council which was meeting on Monday.", "TQ303", 8, "„Hello“"),
]


@pytest.mark.parametrize("line, code, start, text", EMOJI_AND_COMBINING)
def test_emoji_and_combining_characters_at_finding_boundaries(tmp_path, line, code, start, text):
    result, data = check("--lang", "en", write(tmp_path, "a.txt", f"Headline\n{line}\n".encode()))
    art = only(data)
    assert_findings_are_slices(art)
    assert (start, start + len(text), text) in [(f["start"], f["end"], f["text"]) for f in art["findings"]
                                                if f["code"] == code]


# -- HTML -------------------------------------------------------------------------------------

def test_unclosed_html_tags_are_recovered(tmp_path):
    page = (b"<html><body><h1>Council news<p>" + SENTENCE.encode()
            + b"<p>Second <b>bold <i>paragraph about the harbour ferry\n<div><span>tail")
    result, data = check("--lang", "en", write(tmp_path, "a.html", page))
    art = only(data)
    assert art["errors"] == [] and SENTENCE in [b["text"] for b in art["blocks"]]
    assert [f["code"] for f in art["findings"]] == ["TQ201"]
    assert_findings_are_slices(art)


@pytest.mark.parametrize("closed", [True, False], ids=["closed", "unclosed"])
def test_html_nested_10000_deep(tmp_path, closed):
    page = (b"<html><body>" + b"<div>" * 10_000 + b"<p>" + SENTENCE.encode() + b"</p>"
            + (b"</div>" * 10_000 if closed else b""))
    result, data = check("--lang", "en", write(tmp_path, "deep.html", page))
    art = only(data)
    assert art["errors"] == [] and [b["text"] for b in art["blocks"]] == [SENTENCE]
    assert [f["code"] for f in art["findings"]] == ["TQ201"]


# -- feeds ------------------------------------------------------------------------------------

def test_malformed_xml_feed_names_line_and_column_and_keeps_recovered_items(tmp_path):
    path = write(tmp_path, "bad.xml", b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title>\n'
                 b"<item><title>One</title><description>" + SENTENCE.encode() + b"</description></item>\n"
                 b"<item><title>Two<description>Broken</item>\n")
    result, data = check("--lang", "en", path)
    assert result.exit_code == 2
    feed_error = messages(data["articles"][0])[0]
    assert feed_error.startswith("malformed XML (line 4, column ") and "mismatched tag" in feed_error
    assert result.stderr.splitlines()[0] == f"tqcheck: {path}: {feed_error}"
    recovered = [a for a in data["articles"] if a["blocks"]]
    assert recovered and recovered[0]["title"] == "One" and recovered[0]["findings"]


def test_billion_laughs_is_not_expanded(tmp_path):
    levels = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    levels += [f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    doc = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(levels) + "\n]>\n"
           '<rss version="2.0"><channel><title>T</title><item><title>Laughs &lol9;</title>'
           "<description>&lol9;</description></item></channel></rss>").encode()
    started = time.monotonic()
    result, data = check(write(tmp_path, "lol.xml", doc))
    assert time.monotonic() - started < 20
    assert result.exit_code == 2 and len(result.stdout) < 20_000
    assert "lollollollollollollollollollollol" not in result.output
    assert "entities" in data["articles"][0]["errors"][0]["message"]


def test_xxe_never_reads_the_local_file(tmp_path):
    doc = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>T</title><item><title>Leak &xxe; here</title>
<description>Body &xxe; text of the item that should be checked.</description></item></channel></rss>"""
    path = write(tmp_path, "xxe.xml", doc)
    result, data = check(path)
    page = run("check", "--format", "html", "--offline", "-q", path).stdout
    assert data["articles"]
    secrets = [ln for ln in PASSWD.read_text().splitlines() if ln.strip()] if PASSWD.exists() else []
    for out in (result.output, page):
        assert "root:x:0:0" not in out and "nologin" not in out
        assert not any(line in out for line in secrets)


def test_javascript_item_link_is_data_never_a_live_link(tmp_path):
    path = write(tmp_path, "js.xml", b'<rss version="2.0"><channel><title>T</title><item><title>Click me</title>'
                 b"<link>javascript:alert(1)</link><description>" + SENTENCE.encode()
                 + b"</description></item></channel></rss>")
    _, data = check(path)
    assert only(data)["source"] == f"{path}#javascript:alert(1)"
    page = run("check", "--format", "html", "--offline", "-q", path).stdout
    assert "javascript:alert(1)" in page  # shown as text
    assert 'href="javascript:' not in page.lower() and "href='javascript:" not in page.lower()


# -- JSON lines -------------------------------------------------------------------------------

def test_a_line_that_is_not_json_is_an_error_for_that_line_only(tmp_path):
    path = write(tmp_path, "x.jsonl", b'{"id":"a","text":"Headline\\n' + SENTENCE.encode() + b'"}\n'
                 b"not json at all\n"
                 b'{"id":"c","text":"Headline\\nThe harbour ferry is running again."}\n')
    result, data = check("--lang", "en", path)
    arts = data["articles"]
    assert result.exit_code == 2 and len(arts) == 3
    assert messages(arts[1]) == ["line 2: not JSON (Expecting value at column 1)"]
    assert result.stderr == f"tqcheck: {path}:2: line 2: not JSON (Expecting value at column 1)\n"
    assert arts[0]["findings"] and not arts[0]["errors"]
    assert arts[2]["blocks"] and not arts[2]["errors"]


# -- folders ----------------------------------------------------------------------------------

def test_folder_with_an_unreadable_file_and_a_symlink_loop(tmp_path, unreadable):
    (tmp_path / "a").mkdir()
    good = write(tmp_path / "a", "good.txt", b"Headline\nA readable article body in a folder with traps.\n")
    locked = write(tmp_path / "a", "locked.txt", b"Headline\nNobody can read this.\n")
    unreadable(locked)
    (tmp_path / "a" / "loop").symlink_to(tmp_path)  # a link back up: a loop
    result, data = check(tmp_path)
    by_source = {a["source"]: a for a in data["articles"]}
    assert list(by_source) == [str(good), str(locked)]  # the loop added nothing, and ended
    assert by_source[str(good)]["blocks"] and not by_source[str(good)]["errors"]
    assert messages(by_source[str(locked)]) == ["Permission denied"]
    assert result.exit_code == 2 and result.stderr == f"tqcheck: {locked}: Permission denied\n"


def test_no_input_is_ever_run_as_code():
    """Input is data: the package never evaluates, unpickles or unmarshals anything."""
    import ast
    banned_calls, banned_modules = {"eval", "exec", "compile", "__import__"}, {"pickle", "marshal", "shelve", "dill"}
    found = []
    for path in sorted((Path(__file__).resolve().parent.parent / "tqcheck").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in banned_calls:
                found.append(f"{path.name}:{node.lineno} {node.func.id}()")
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.name}:{node.lineno} import {n}" for n in names if n.split(".")[0] in banned_modules]
    assert found == []
