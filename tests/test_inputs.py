"""Real inputs: feeds, HTML pages and fragments, JSON lines, folders, stdin; encodings; safety.

HTML assertions only ask what any reasonable HTML splitter gives (body paragraph text appears
in the blocks, scripts and navigation do not make body text); the HTML splitter's own tests
are in test_html_splitter.py.
"""
from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck.cli import main
from tqcheck.engine import Checker, build_document, document_language
from tqcheck.inputs import RawArticle, detect, read_all
from tqcheck.inputs.encoding import decode
from tqcheck.inputs.feed import read_feed
from tqcheck.inputs.jsonl import PrefixedStream, read_json
from tqcheck.inputs.text import read_document
from tqcheck.model import Block, Role

ROOT = Path(__file__).resolve().parent.parent
FEEDS = ROOT / "fixtures" / "feeds"
HTML = ROOT / "fixtures" / "html"
JSONL = ROOT / "fixtures" / "jsonl" / "cms-export.jsonl"
ARTICLE_KEYS = {"id", "source", "lang", "title", "blocks", "findings", "errors"}
PASSWD = Path("/etc/passwd")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def check_json(*args, input=None):
    result = run("check", "--format", "json", "--offline", *args, input=input)
    return result, json.loads(result.stdout)


def texts(art: dict) -> str:
    return "\n".join(b["text"] for b in art["blocks"])


# -- detection --------------------------------------------------------------------------------

@pytest.mark.parametrize("data, name, kind", [
    (b'<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<rss version="2.0">', "", detect.FEED),
    (b"<!-- generated -->\n<feed xmlns='http://www.w3.org/2005/Atom'>", "a.txt", detect.FEED),
    (b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd">\n<rss>', "", detect.FEED),
    (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "", detect.FEED),
    (b'<!DOCTYPE lolz [<!ENTITY a "b">]>\n<rss version="2.0">', "", detect.FEED),
    (b"\xef\xbb\xbf<!doctype html><html><body><p>Hi</p>", "page.txt", detect.HTML),
    (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "", detect.HTML),
    (b"<p>One paragraph.</p>\n<p>Another.</p>", "x.txt", detect.HTML),
    (b"Headline\nA line with <3 hearts and a > sign.", "x.html", detect.TEXT),
    (b'{"id": 1, "text": "x"}\n', "export.txt", detect.JSON),
    (b'[{"id": 1}]', "", detect.JSON),
    (b"Headline\nBody text.", "x.jsonl", detect.JSON),  # not JSON: read as JSON lines, which says so
    (b"Headline\nBody text.", "", detect.TEXT),
    ("<rss version='2.0'>".encode("utf-16"), "", detect.FEED),
    (b"\x00\x01\x02binary", "x.txt", detect.BINARY),
])
def test_inputs_are_recognised_by_content(data, name, kind):
    assert detect.sniff(data, name) == kind


# -- feeds ------------------------------------------------------------------------------------

def test_rss2_items_become_articles_with_identity_and_metadata():
    arts = list(read_all([str(FEEDS / "partner-rss2.xml")]))
    assert len(arts) == 5 and not any(a.error for a in arts)
    feed = str(FEEDS / "partner-rss2.xml")
    assert [a.source for a in arts] == [
        f"{feed}#https://wire.example.org/en/world/dresden-flood-barriers",  # guid (a permalink)
        f"{feed}#wire-2026-11-24-0193",  # guid, not a permalink
        f"{feed}#https://wire.example.org/en/local/bridge-closed",  # no guid: the link, made absolute
        f"{feed}#item-4",  # neither
        f"{feed}#https://wire.example.org/de/lokales/e-scooter-regeln",
    ]
    assert [a.id for a in arts] == ["dresden-flood-barriers", "kremlin-talks-offer", "bridge-closed",
                                    "partner-rss2-4", "e-scooter-regeln"]
    assert arts[0].title == "Flood barriers hold in Dresden as the Elbe peaks"
    assert arts[0].meta["published"].startswith("Tue, 24 Nov 2026")
    assert arts[1].meta["link"] == "https://wire.example.org/en/world/kremlin-talks-offer"
    assert arts[0].lang == "en" and arts[4].lang == "de"  # channel <language>, item dc:language
    assert arts[3].title == "Weather warning lifted" and arts[3].kind == "html"


def test_rss2_bodies_are_split_and_checked():
    result, data = check_json(FEEDS / "partner-rss2.xml")
    assert result.exit_code == 1  # warnings; no input error
    arts = data["articles"]
    assert all(set(a) == ARTICLE_KEYS for a in arts)  # the tqcheck/1 contract is unchanged
    flood, kremlin, bridge, weather, scooter = arts
    # CDATA content:encoded wins over the shorter description
    assert "mobile flood barriers along the old town held" in texts(flood)
    assert "just below the record of 2002" not in texts(flood)
    assert "Volunteers fill sandbags" in texts(flood)
    # an HTML-escaped description is HTML, not text with visible tags or entities
    assert "Russian President Wladimir Putin has rejected" in texts(kremlin)
    assert "&lt;" not in texts(kremlin) and "<p>" not in texts(kremlin) and "&quot;" not in texts(kremlin)
    assert '"unacceptable"' in texts(kremlin)
    # the title is the first block, a headline
    assert kremlin["blocks"][0]["text"] == "Kremlin rejects talks offer"
    assert kremlin["blocks"][0]["role"] == "headline" and kremlin["title"] == "Kremlin rejects talks offer"
    assert weather["title"] == "Weather warning lifted" and weather["errors"] == []
    # several languages in one feed, each item detected for itself
    assert [a["lang"] for a in arts] == ["en", "en", "en", "en", "de"]
    assert "Ab dem ersten Januar dürfen E-Scooter" in texts(scooter)
    codes = {a["id"]: {f["code"] for f in a["findings"]} for a in arts}
    assert "TQ201" in codes["kremlin-talks-offer"]  # Wladimir in English
    assert "TQ303" in codes["dresden-flood-barriers"]  # German quotation marks in English
    assert "TQ102" in codes["e-scooter-regeln"]  # a leftover translation notice
    for a in arts:
        for f in a["findings"]:
            assert a["blocks"][f["block"]]["text"][f["start"]:f["end"]] == f["text"]
    # the whole run stays byte-identical
    assert run("check", "--format", "json", FEEDS / "partner-rss2.xml").stdout == result.stdout


def test_atom_with_xml_base_xml_lang_and_three_content_types():
    raws = list(read_all([str(FEEDS / "partner-atom.xml")]))
    assert [r.lang for r in raws] == ["de", "de", "en"]  # feed xml:lang, overridden by an entry's
    assert [r.id for r in raws] == ["getreidekorridor-vertagt", "georgien-wahlbeteiligung",
                                    "antwerp-port-strike-ends"]
    assert raws[0].meta["link"] == "https://partner.example.net/ausland/getreidekorridor-vertagt"
    assert raws[0].title == "Gespräche über Getreidekorridor vertagt"  # type="html" title, tags gone
    assert raws[2].kind == "text"  # <summary type="text">
    _, data = check_json(FEEDS / "partner-atom.xml")
    grain, georgia, antwerp = data["articles"]
    assert grain["source"].endswith("partner-atom.xml#tag:partner.example.net,2026:ausland-4411")
    assert "Die Verhandlungen über eine Verlängerung des Getreidekorridors" in texts(grain)
    assert "Bei der Stichwahl in Georgien haben bis zum Mittag" in texts(georgia)
    assert "Dock workers in Antwerp returned to work" in texts(antwerp)
    assert [a["lang"] for a in data["articles"]] == ["de", "de", "en"]
    assert all(a["errors"] == [] for a in data["articles"])


@pytest.mark.parametrize("name, count, first_words", [
    ("partner-rss1.xml", 2, "Die Stadtbibliothek hat künftig auch sonntags"),
    ("partner-rss091.xml", 1, "The harbour ferry is running again"),
    ("latin1-de.xml", 1, "Die Brücke über die Saale wird ab März"),  # ISO-8859-1 declared
])
def test_rss_1_0_and_0_91_and_a_declared_charset(name, count, first_words):
    result, data = check_json(FEEDS / name)
    assert result.exit_code in (0, 1), result.stderr
    assert len(data["articles"]) == count
    assert first_words in texts(data["articles"][0])
    assert all(a["errors"] == [] for a in data["articles"])


def test_malformed_and_non_feed_xml_give_a_clear_error():
    result, data = check_json(FEEDS / "malformed.xml", FEEDS / "not-a-feed.xml", FEEDS / "partner-rss091.xml")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"tqcheck: {FEEDS / 'malformed.xml'}: malformed XML (line 8, column 4: ")
    assert lines[1] == f"tqcheck: {FEEDS / 'not-a-feed.xml'}: not an RSS or Atom feed (no channel, feed or items found)"
    # the items a lenient parse recovered, and the next file, are still checked
    assert any(a["title"] == "Council approves budget" and not a["errors"] for a in data["articles"])
    assert "The harbour ferry is running again" in texts(data["articles"][-1])


XXE_FEEDS = {
    "general entity": b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>T</title><item><title>Leak &xxe; here</title>
<description>Body &xxe; text of the item that should be checked.</description></item></channel></rss>""",
    "parameter entity": b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
<rss version="2.0"><channel><title>T</title><item><title>A</title><description>B</description></item></channel></rss>""",
    "external DTD": b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file:///etc/passwd">
<rss version="2.0"><channel><title>T</title><item><title>A</title><description>B</description></item></channel></rss>""",
    "atom, no XML declaration": b"""<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>x</id><title>A &xxe;</title>
<content type="html">&lt;p&gt;Body &amp;xxe; &xxe;&lt;/p&gt;</content></entry></feed>""",
}


@pytest.mark.parametrize("name", XXE_FEEDS)
def test_external_entities_are_never_resolved(name, tmp_path):
    feed = tmp_path / "evil.xml"
    feed.write_bytes(XXE_FEEDS[name])
    result = run("check", "--format", "json", feed)
    html_out = run("check", "--format", "html", feed).stdout
    assert "Traceback" not in result.output
    data = json.loads(result.stdout)
    assert data["articles"]  # read (as an error, or its items), never crashed
    secrets = [ln for ln in PASSWD.read_text().splitlines() if ln.strip()] if PASSWD.exists() else []
    for out in (result.output, html_out):
        assert "root:x:0:0" not in out and "/bin/" not in out and "nologin" not in out
        for line in secrets:
            assert line not in out


def test_feed_bytes_are_never_taken_for_a_file_name(tmp_path):
    # feedparser.parse(b"/etc/passwd") would open that file; the reader hands it a stream.
    arts = list(read_feed(str(PASSWD).encode(), source="x", feed_id="x"))
    assert len(arts) == 1 and arts[0].error and not arts[0].text
    result, data = check_json("-", input=str(PASSWD))
    assert texts(data["articles"][0]) == str(PASSWD)


# -- HTML -------------------------------------------------------------------------------------

def test_html_page_body_is_isolated():
    page = HTML / "article-en.html"
    result, data = check_json(page)
    (art,) = data["articles"]
    assert set(art) == ARTICLE_KEYS and art["errors"] == [] and art["lang"] == "en"
    assert art["id"] == "article-en" and art["source"] == str(page)
    body = [b["text"] for b in art["blocks"] if b["role"] in ("body", "subheading")]
    assert any(t.startswith("The ferry operator Nordlink has ordered three battery-powered ships") for t in body)
    assert any(t.startswith("Environmental groups welcomed the order") for t in body)
    everything = texts(art)
    assert "dataLayer" not in everything and ".promo {" not in everything  # script and style
    assert not any("Imprint" in t or "Privacy" in t for t in body)
    assert "TQ303" in {f["code"] for f in art["findings"]}  # „…“ in English

    split_body = run("split", "--body", page)
    assert split_body.exit_code == 0
    assert "The ferry operator Nordlink has ordered three battery-powered ships" in split_body.stdout
    assert "dataLayer" not in split_body.stdout and "Subscribe now" not in split_body.stdout.split("\n\n")[0]


def test_html_fragment_and_windows_1252_page():
    _, data = check_json(HTML / "fragment-de.html", HTML / "cp1252-de.html")
    fragment, market = data["articles"]
    assert fragment["lang"] == "de" and market["lang"] == "de"
    assert "Alle Schulen im Landkreis sollen bis zum Ende des kommenden Jahres" in texts(fragment)
    assert "Der Wochenmarkt zieht während der Bauarbeiten" in texts(market)  # <meta http-equiv> charset
    assert "„Für unsere Kundschaft ändert sich fast nichts“" in texts(market)
    assert market["errors"] == [] and fragment["errors"] == []


def test_split_json_per_article_for_a_feed():
    result = run("split", "--format", "json", FEEDS / "partner-atom.xml")
    assert result.exit_code == 0
    arts = json.loads(result.stdout)["articles"]
    assert len(arts) == 3
    for art in arts:
        assert set(art) == {"id", "source", "lang", "blocks", "body"}
        assert set(art["body"].split("\n\n")) <= {b["text"] for b in art["blocks"]}
    assert "Beobachter berichteten von langen Schlangen" in arts[1]["body"]
    assert "Wahlbeteiligung in Georgien" not in arts[1]["body"]  # the headline is not body


# -- JSON lines -------------------------------------------------------------------------------

def test_jsonl_fixture():
    result, data = check_json(JSONL)
    arts = data["articles"]
    assert [a["id"] for a in arts] == ["cms-88120", "cms-88121", "cms-88122", "cms-export-5"]
    assert [a["source"] for a in arts] == ["https://cms.example.com/news/airport-night-ban",
                                           "https://cms.example.com/wirtschaft/energie-preise",
                                           f"{JSONL}:3", f"{JSONL}:5"]  # url, else FILE:LINE
    assert [a["title"] for a in arts] == ["Airport expands night flight ban", "Energieversorger senkt Preise",
                                          "Minister visits Kiew", "Museum reopens after renovation"]
    assert [a["lang"] for a in arts] == ["en", "de", "en", "en"]
    assert "Der städtische Energieversorger senkt zum ersten Februar" in texts(arts[1])  # "html" record
    assert '"Night means night," said transport minister' in texts(arts[0])  # "text" record
    museum = [b["text"] for b in arts[3]["blocks"]]
    assert museum.count("Museum reopens after renovation") == 1  # the title is not added twice
    assert {"TQ201"} <= {f["code"] for f in arts[2]["findings"]}
    assert all(a["errors"] == [] for a in arts)


def test_a_bad_json_line_is_an_error_for_that_line_only(tmp_path):
    export = tmp_path / "export.jsonl"
    lines = [
        b'{"id": "ok-1", "text": "Title one\\nThe first record is fine and has some text."}',
        b"this line is not JSON",
        b'["an", "array"]',
        b'{"id": "no-text", "title": "Only a title"}',
        b'{"id": "bad-type", "text": 42}',
        b'{"id": "latin", "text": "Caf\xe9 au lait in der Stadt"}',
        b'{"id": "long", "text": "' + b"x" * 5000 + b'"}',
        b'{"id": "ok-2", "html": "<p>The last record is fine too and has a paragraph.</p>"}',
    ]
    export.write_bytes(b"\n".join(lines) + b"\n")
    result, data = check_json(export, "--max-bytes", "2000")
    assert result.exit_code == 2
    arts = data["articles"]
    assert [a["source"] for a in arts] == [f"{export}:{n}" for n in range(1, 9)]
    errors = {a["source"].rsplit(":", 1)[1]: a["errors"] for a in arts}
    assert errors["1"] == [] and errors["8"] == []
    assert "not JSON" in errors["2"][0]["message"]
    assert "not an article record" in errors["3"][0]["message"]
    assert 'no "text" or "html"' in errors["4"][0]["message"]
    assert '"text" must be a string' in errors["5"][0]["message"]
    assert "UTF-8" in errors["6"][0]["message"] and "Café au lait" in texts(arts[5])  # guessed, checked
    assert "longer than --max-bytes" in errors["7"][0]["message"]
    assert "The last record is fine too" in texts(arts[7])
    stderr = result.stderr.splitlines()
    assert len(stderr) == 6 and stderr[0] == f"tqcheck: {export}:2: line 2: not JSON (Expecting value at column 1)"


def test_json_documents_and_streaming(tmp_path):
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"id": "a", "text": "One."}, {"id": "b", "html": "<p>Two.</p>"}], indent=2))
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"id": "solo", "text": "Alone."}, indent=2))
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "id": "x",\n  "text": \n')
    arts = list(read_all([str(array), str(single), str(broken)]))
    assert [(a.id, a.source) for a in arts] == [("a", f"{array}#1"), ("b", f"{array}#2"), ("solo", str(single)),
                                                ("broken", str(broken))]
    assert arts[-1].error.startswith("not JSON (Expecting value at line 4")

    class Counting(io.BytesIO):
        def readline(self, limit=-1):
            self.lines = getattr(self, "lines", 0) + 1
            return super().readline(limit)

    big = Counting(b"".join(b'{"id": "r%d", "text": "Record %d."}\n' % (i, i) for i in range(10_000)))
    gen = read_json(PrefixedStream(b"", big), source="big", base_id="big", max_bytes=1000)
    first = next(gen)
    assert first.id == "r0" and big.lines < 5  # one record read, not the file
    assert sum(1 for _ in gen) == 9_999


# -- encodings --------------------------------------------------------------------------------

GERMAN = "Die Bürgermeisterin äußerte sich über die Größe des Projekts in Köln. „Gut“, sagte sie.\n"


@pytest.mark.parametrize("data, content_type, kind, encoding, noted", [
    (GERMAN.encode(), None, "text", "utf-8", False),
    (GERMAN.encode("utf-16"), None, "text", "utf-16-le", False),
    (GERMAN.encode("cp1252"), None, "text", "cp1252", True),  # undeclared, not UTF-8: a reported guess
    (GERMAN.encode(), "text/html; charset=ISO-8859-1", "text", "utf-8", False),  # a wrong server default
    (GERMAN.encode("cp1252"), "text/plain; charset=windows-1252", "text", "cp1252", False),
    (GERMAN.encode("cp1252"), "text/plain; charset=x-no-such-charset", "text", "cp1252", True),
    ("Президент заявил в понедельник".encode("koi8-r"), "text/plain; charset=KOI8-R", "text", "koi8-r", False),
    (b'<meta charset="windows-1252"><p>' + GERMAN.encode("cp1252"), None, "html", "cp1252", False),
    (b'<meta charset="utf-8"><p>' + GERMAN.encode("cp1252"), "text/html; charset=windows-1252", "html",
     "cp1252", False),  # the HTTP header wins over <meta>
    (bytes(range(0x80, 0x100)) * 4, None, "text", None, True),  # garbage: never a crash
])
def test_declared_charsets_are_honoured_and_guesses_reported(data, content_type, kind, encoding, noted):
    art = read_document(data, source="s", doc_id="d", kind=kind, content_type=content_type)
    assert art.error is None
    if encoding:
        assert art.meta["encoding"] == encoding
    if encoding and not noted:
        assert "Bürgermeisterin" in art.text or "Президент" in art.text
    assert bool(art.notes) == noted
    if noted:
        assert "UTF-8" in art.notes[0] and "guess" in art.notes[0]


def test_a_guessed_encoding_is_checked_and_reported(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes(("Titel\n" + GERMAN).encode("cp1252"))
    result, data = check_json(f)
    (art,) = data["articles"]
    assert result.exit_code == 2 and art["blocks"] and "Bürgermeisterin" in texts(art)
    assert art["errors"][0]["stage"] == "read" and "decoded as cp1252" in art["errors"][0]["message"]
    assert decode(b"plain ascii").text == "plain ascii"


# -- folders, stdin, identity -----------------------------------------------------------------

def test_folder_walk_picks_every_kind_and_obeys_globs(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "wire.xml").write_bytes((FEEDS / "partner-rss1.xml").read_bytes())
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "page.htm").write_bytes((HTML / "fragment-de.html").read_bytes())
    (tmp_path / "export.jsonl").write_bytes(JSONL.read_bytes())
    (tmp_path / "note.txt").write_text("Headline\nA plain text article body for the folder walk.\n")
    (tmp_path / "readme.md").write_text("# not an input kind\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("hidden\n")
    _, data = check_json(tmp_path)
    sources = [a["source"] for a in data["articles"]]
    assert len(sources) == 4 + 2 + 1 + 1
    assert not any("readme" in s or ".hidden" in s for s in sources)
    assert sources[-2:] == [str(tmp_path / "note.txt"), str(tmp_path / "pages" / "page.htm")]  # sorted
    _, only = check_json(tmp_path, "--include", "*.htm", "--include", "feeds/*")
    assert {a["source"].split("#")[0] for a in only["articles"]} == {str(tmp_path / "feeds" / "wire.xml"),
                                                                     str(tmp_path / "pages" / "page.htm")}
    _, without = check_json(tmp_path, "--exclude", "feeds", "--exclude", "*.jsonl")
    assert [a["source"] for a in without["articles"]] == sources[-2:]


def test_folder_with_unreadable_file_symlink_loop_fifo_and_dangling_link(tmp_path, unreadable):
    (tmp_path / "a").mkdir()
    good = tmp_path / "a" / "good.txt"
    good.write_text("Headline\nA readable article body in a folder with traps.\n")
    locked = tmp_path / "a" / "locked.txt"
    locked.write_text("Headline\nNobody can read this.\n")
    unreadable(locked)
    (tmp_path / "a" / "loop").symlink_to(tmp_path)  # a link back up: a loop
    (tmp_path / "a" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "a" / "pipe.txt")  # reading it would block forever
    result, data = check_json(tmp_path)
    by_source = {a["source"]: a for a in data["articles"]}
    assert set(by_source) == {str(good), str(locked), str(tmp_path / "a" / "dangling.txt")}
    assert by_source[str(good)]["errors"] == [] and by_source[str(good)]["blocks"]
    assert by_source[str(locked)]["errors"][0]["message"] == "Permission denied"
    assert by_source[str(tmp_path / "a" / "dangling.txt")]["errors"][0]["message"] == "broken symbolic link"
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 2


def test_stdin_feed_and_unique_ids(tmp_path):
    result, data = check_json("-", input=(FEEDS / "partner-rss091.xml").read_bytes())
    (art,) = data["articles"]
    assert art["source"] == "-#https://ticker.example.org/items/harbour-ferry" and art["id"] == "harbour-ferry"
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    for d in ("x", "y"):
        (tmp_path / d / "story.txt").write_text("Headline\nThe same file name in two folders.\n")
    _, data = check_json(tmp_path / "x" / "story.txt", tmp_path / "y" / "story.txt", FEEDS / "partner-rss091.xml",
                         FEEDS / "partner-rss091.xml")
    assert [a["id"] for a in data["articles"]] == ["story", "story-2", "harbour-ferry", "harbour-ferry-2"]


def test_lang_option_overrides_and_a_declared_language_is_only_a_hint():
    _, data = check_json("--lang", "de", FEEDS / "partner-rss091.xml")
    assert data["articles"][0]["lang"] == "de"
    blocks = (Block(0, 1, Role.BODY, "2026 – 14:30 – 3:1"),)
    assert document_language(blocks, hint="de") == "de"
    assert document_language(blocks, forced="en", hint="de") == "en"
    english = "The council met on Monday and approved the budget for the next year after a long debate."
    assert build_document(english, doc_id="x", source="x", lang_hint="de").lang == "en"


def test_check_article_turns_read_errors_and_notes_into_errors():
    checker = Checker()
    failed = checker.check_article(RawArticle("x", "http://h/x", error="HTTP 404 Not Found", stage="fetch"))
    assert failed.errors[0].stage == "fetch" and failed.document.blocks == ()
    noted = checker.check_article(RawArticle("y", "y.txt", "Title\nSome text of the article body.\n",
                                             notes=("decoded as cp1252 (a guess)",)))
    assert noted.document.blocks and noted.errors[0].stage == "read"
    html = checker.check_article(RawArticle("z", "z.html", "<h1>Title</h1><p>The body paragraph text.</p>",
                                            kind="html", title="Given title"))
    assert html.document.title == "Given title"
    assert "The body paragraph text." in [b.text for b in html.document.blocks]


def test_javascript_links_in_a_feed_stay_text(tmp_path):
    feed = tmp_path / "js.xml"
    feed.write_text('<rss version="2.0"><channel><title>T</title><item><title>Click "me"</title>'
                    "<link>javascript:alert(document.cookie)</link>"
                    "<description>&lt;p&gt;A body with a &lt;a href='javascript:alert(2)'&gt;link&lt;/a&gt; in it "
                    "and enough words to be a paragraph.&lt;/p&gt;</description></item></channel></rss>")
    _, data = check_json(feed)
    (art,) = data["articles"]
    assert art["source"] == f"{feed}#javascript:alert(document.cookie)"  # a string an editor can search for
    page = run("check", "--format", "html", feed).stdout
    assert "javascript:alert(document.cookie)" in page  # shown as text …
    assert 'href="javascript:' not in page.lower() and "href='javascript:" not in page.lower()  # … never a link
