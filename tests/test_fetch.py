"""Fetching feeds and pages over HTTP from a local server (127.0.0.1, a free port, a thread).

Every item of a served feed is audited; a second run of an unchanged feed asks conditionally
and gets 304, using the cache; timeouts, 404, 500, redirect loops, oversized and gzip-bomb
responses each become one clear error for their URL while the other sources are checked.
"""
from __future__ import annotations

import gzip
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck import __version__
from tqcheck.cli import main
from tqcheck.inputs import InputOptions, read_all
from tqcheck.inputs.fetch import Cache, FetchError, Fetcher

ROOT = Path(__file__).resolve().parent.parent
FEED = (ROOT / "fixtures" / "feeds" / "partner-rss2.xml").read_bytes()
PAGE = (ROOT / "fixtures" / "html" / "article-en.html").read_bytes()
LATIN1_FEED = (ROOT / "fixtures" / "feeds" / "latin1-de.xml").read_bytes()
FEED_ITEMS = 5
TIMEOUT = 0.5
MAX_BYTES = 200_000
ETAG = '"feed-v1"'
LAST_MODIFIED = "Tue, 24 Nov 2026 09:00:00 GMT"


class Server:
    def __init__(self):
        self.requests: list[tuple[str, dict]] = []
        self.release = threading.Event()  # ends the slow handler at teardown
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _send(self, status, body=b"", headers=()):
                self.send_response(status)
                for k, v in headers:
                    self.send_header(k, v)
                if not any(k.lower() == "content-length" for k, _ in headers):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body and self.command != "HEAD":
                    self.wfile.write(body)

            def do_GET(self):
                outer.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                path = self.path
                if path == "/feed.xml":
                    if self.headers.get("If-None-Match") == ETAG:
                        return self._send(304, headers=[("ETag", ETAG)])
                    return self._send(200, FEED, [("Content-Type", "application/rss+xml; charset=utf-8"),
                                                  ("ETag", ETAG), ("Last-Modified", LAST_MODIFIED)])
                if path == "/dated.xml":  # validators by date only
                    if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                        return self._send(304)
                    return self._send(200, FEED, [("Content-Type", "text/xml"), ("Last-Modified", LAST_MODIFIED)])
                if path == "/page.html":
                    return self._send(200, PAGE, [("Content-Type", "text/html; charset=utf-8")])
                if path == "/latin1.xml":  # the header's charset agrees with the XML declaration
                    return self._send(200, LATIN1_FEED, [("Content-Type", "application/rss+xml; charset=ISO-8859-1")])
                if path == "/gzip.xml":
                    return self._send(200, gzip.compress(FEED), [("Content-Type", "application/rss+xml"),
                                                                ("Content-Encoding", "gzip")])
                if path == "/missing":
                    return self._send(404, b"not here", [("Content-Type", "text/plain")])
                if path == "/broken":
                    return self._send(500, b"oops", [("Content-Type", "text/plain")])
                if path == "/loop-a":
                    return self._send(302, headers=[("Location", "/loop-b")])
                if path == "/loop-b":
                    return self._send(302, headers=[("Location", "/loop-a")])
                if path == "/to-file":
                    return self._send(302, headers=[("Location", "file:///etc/passwd")])
                if path == "/big":  # declares its size
                    return self._send(200, b"x" * (MAX_BYTES + 1), [("Content-Type", "text/plain")])
                if path == "/big-chunked":  # does not: the cap counts while reading
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    chunk = b"y" * 65536
                    for _ in range(MAX_BYTES // len(chunk) + 2):
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.write(b"0\r\n\r\n")
                    return None
                if path == "/gzip-bomb":  # small on the wire, large once decompressed
                    return self._send(200, gzip.compress(b"\0" * (MAX_BYTES * 20)),
                                      [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")])
                if path == "/slow":
                    outer.release.wait(TIMEOUT * 6)
                    return self._send(200, b"too late", [("Content-Type", "text/plain")])
                return self._send(404)

        class Quiet(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a client that gave up (timeout, size cap) breaks the pipe: expected

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


@pytest.fixture
def server(monkeypatch):
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    srv = Server()
    srv.thread.start()
    yield srv
    srv.release.set()
    srv.httpd.shutdown()
    srv.httpd.server_close()
    srv.thread.join(5)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def check_json(server, tmp_path, *urls, extra=()):
    result = run("check", "--format", "json", "--cache-dir", tmp_path / "cache", "--timeout", TIMEOUT,
                 "--max-bytes", MAX_BYTES, *extra, *urls)
    return result, json.loads(result.stdout)


def test_every_feed_item_is_audited_and_the_second_run_uses_the_cache(server, tmp_path):
    url = server.url("/feed.xml")
    first, data = check_json(server, tmp_path, url)
    assert first.exit_code == 1, first.stderr  # the feed has warnings, and no input error
    arts = data["articles"]
    assert len(arts) == FEED_ITEMS
    assert all(a["source"].startswith(url + "#") for a in arts)
    assert all(a["errors"] == [] for a in arts)
    assert arts[0]["title"] == "Flood barriers hold in Dresden as the Elbe peaks"
    assert {"TQ201", "TQ303", "TQ102"} <= {f["code"] for a in arts for f in a["findings"]}
    (path, headers), = server.requests
    assert headers["user-agent"] == f"tqcheck/{__version__} (+translation-quality checker)"
    assert "gzip" in headers["accept-encoding"]
    assert "if-none-match" not in headers

    second, data2 = check_json(server, tmp_path, url)
    assert len(server.requests) == 2
    _, headers2 = server.requests[1]
    assert headers2["if-none-match"] == ETAG  # conditional GET, answered 304 by the server
    assert headers2["if-modified-since"] == LAST_MODIFIED
    assert second.stdout == first.stdout  # the cached body gives the same result, byte for byte

    # cache files are named by a hash of the URL, inside the cache folder
    names = sorted(p.name for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert names and all(re.fullmatch(r"[0-9a-f]{64}\.(json|body)", n) for n in names)

    third, _ = check_json(server, tmp_path, url, extra=("--no-cache",))
    assert "if-none-match" not in server.requests[2][1]
    assert third.stdout == first.stdout


def test_last_modified_alone_is_enough_for_a_conditional_get(server, tmp_path):
    url = server.url("/dated.xml")
    first, _ = check_json(server, tmp_path, url)
    second, _ = check_json(server, tmp_path, url)
    assert server.requests[1][1]["if-modified-since"] == LAST_MODIFIED
    assert second.stdout == first.stdout and json.loads(first.stdout)["summary"]["articles"] == FEED_ITEMS


def test_failing_sources_give_one_clear_error_each_and_the_others_are_checked(server, tmp_path):
    bad = {
        "/missing": "HTTP 404 Not Found",
        "/broken": "HTTP 500 Internal Server Error",
        "/slow": "timed out",
        "/loop-a": "too many redirects",
        "/big": "too large",
        "/big-chunked": "too large",
        "/gzip-bomb": "too large",
        "/to-file": "only http and https",
    }
    urls = [server.url("/feed.xml")] + [server.url(p) for p in bad] + [server.url("/page.html")]
    started = time.monotonic()
    result, data = check_json(server, tmp_path, *urls)
    elapsed = time.monotonic() - started
    assert result.exit_code == 2
    arts = data["articles"]
    by_source = {a["source"]: a for a in arts}
    for path, words in bad.items():
        art = by_source[server.url(path)]
        assert art["blocks"] == [] and len(art["errors"]) == 1
        err = art["errors"][0]
        assert err["stage"] == "fetch" and words in err["message"], (path, err)
    # the good sources are checked in full
    assert sum(a["source"].startswith(server.url("/feed.xml#")) for a in arts) == FEED_ITEMS
    page = by_source[server.url("/page.html")]
    assert page["errors"] == [] and page["blocks"]
    # stderr: one line per failed source, naming it
    lines = [ln for ln in result.stderr.splitlines() if ln]
    assert len(lines) == len(bad)
    for path in bad:
        assert sum(ln.startswith(f"tqcheck: {server.url(path)}: ") for ln in lines) == 1
    assert "Traceback" not in result.output
    assert elapsed < 10  # one timeout of 0.5 s, the rest answer at once
    assert "root:" not in result.output  # the redirect to file:// read nothing


def test_gzip_and_a_declared_charset(server, tmp_path):
    _, data = check_json(server, tmp_path, server.url("/gzip.xml"), server.url("/latin1.xml"))
    arts = data["articles"]
    assert len(arts) == FEED_ITEMS + 1
    latin = arts[-1]
    assert latin["title"] == "Brücke über die Saale wird saniert"
    assert any("Fußgänger" in b["text"] for b in latin["blocks"])
    assert latin["lang"] == "de" and latin["errors"] == []


def test_offline_refuses_urls_without_a_request(server, tmp_path):
    page = ROOT / "fixtures" / "html" / "fragment-de.html"
    result, data = check_json(server, tmp_path, server.url("/feed.xml"), page, extra=("--offline",))
    assert result.exit_code == 2
    assert server.requests == []
    first, second = data["articles"]
    assert first["errors"][0]["stage"] == "fetch" and "--offline" in first["errors"][0]["message"]
    assert second["errors"] == [] and second["blocks"]
    assert f"tqcheck: {server.url('/feed.xml')}: not fetched: --offline refuses URLs" in result.stderr


def test_split_reads_urls_too(server, tmp_path):
    result = run("split", "--body", "--cache-dir", tmp_path / "c", server.url("/page.html"))
    assert result.exit_code == 0
    assert "The ferry operator Nordlink has ordered three battery-powered ships" in result.stdout
    assert "dataLayer" not in result.stdout


def test_only_http_and_https_are_fetched(tmp_path):
    opts = InputOptions(cache_dir=tmp_path)
    for url in ("file:///etc/passwd", "ftp://example.org/feed.xml", "gopher://x/"):
        (art,) = list(read_all([url], opts))
        assert art.error and "only http and https" in art.error and art.stage == "fetch"
    with Fetcher(opts) as f, pytest.raises(FetchError):
        f.fetch("file:///etc/passwd")


def test_cache_names_cannot_escape_the_cache_folder(tmp_path):
    cache = Cache(tmp_path)
    for url in ("http://x/../../../etc/passwd", "http://x/%2e%2e/%2e%2e/x", "http://x/" + "a/" * 500):
        cache.store(url, {"etag": '"1"'}, b"body")
        assert cache.load(url)[1].read_bytes() == b"body"
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) == 6 and all(p.parent == tmp_path / "http" for p in files)
    assert cache.load("http://never-stored/") is None


def test_default_cache_dir_follows_xdg(monkeypatch, tmp_path):
    from tqcheck.inputs.fetch import default_cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "tqcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # not absolute: ignored, as the spec says
    assert default_cache_dir() == Path.home() / ".cache" / "tqcheck"
