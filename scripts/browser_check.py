#!/usr/bin/env python3
"""Open tqcheck's HTML report in headless Chromium and check it the way a reader would.

    .venv/bin/python scripts/browser_check.py                  # checks only
    .venv/bin/python scripts/browser_check.py --screenshots docs   # + report-overview.png, report-article.png
    .venv/bin/python scripts/browser_check.py --keep /tmp/out      # keep the rendered pages

It renders two pages: the bundled sample article (fixtures/seed) and an article full of HTML/JS
injection payloads, bidi and zero-width characters (in its text and in its file name). Both are
opened in headless Chromium, driven over the DevTools protocol on a pipe
(`--remote-debugging-pipe`: no extra Python packages, no network port), and checked:

- the page's own script ran (html[data-js=ready]) with no script error and no
  Content-Security-Policy violation, and the page made no network request;
- no payload ran: the title, body and window are untouched, the page's one <script> is its own,
  no element carries an on* handler or a non-fragment link, and every payload is visible as text;
  bidi controls are shown as ⟨U+202E⟩ tokens, not obeyed;
- filters: opening the page with `#family=quote_marks` hides every finding, article, rule and
  family outside that family; choosing a rule in the form narrows further and writes the hash;
  "Show all" shows everything again;
- with `--screenshots DIR`: a page over every fixture (fixtures/), DIR/report-overview.png (its
  top) and DIR/report-article.png (its worst article, scrolled into view), 1280x1600 px.

Exit status: 0 all checks passed, 1 a check failed, 3 no chromium binary (the reason is printed;
the test suite skips then). Set TQCHECK_CHROMIUM to use a specific binary.
"""
from __future__ import annotations

import argparse
import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "presssplit-seed.txt"
WIDTH, HEIGHT = 1280, 1600
EXIT_NO_BROWSER = 3

# One block per line. Each payload would change the page if it ran (title, body, window).
EVIL_NAME = 'evil"><img src=x onerror="document.title=\'PWNED-name\'">.txt'
EVIL_LINES = [
    "Council <b>approves</b> budget <script>document.body.dataset.pwned='headline'</script>",
    "The council said <img src=x onerror=\"document.title='PWNED'\"> on Monday that Wladimir Putin "
    "had not been invited to the ceremony in the town hall.",
    "A spokesman called it “a <script>window.pwned=1</script> historic day“ and left the building "
    "after the meeting with the mayor and her deputies.",
    "Readers may click <a href=\"javascript:document.title='PWNED'\">here</a> or on "
    "\"><svg onload=\"document.body.dataset.pwned='svg'\"> for the full list of decisions today.",
    "Template text {{ 7*7 }} {% if true %}x{% endif %} ${7*7} </details></section></main>"
    "<script>document.body.dataset.pwned='close'</script> stays plain text in the report.",
    "The attachment is named \u202egpj.exe\u202c and \u2066isolated\u2069 words, a zero\u200bwidth "
    "space and a stray BOM\ufeff sit in this sentence of the article text.",
    "<iframe srcdoc=\"<script>parent.document.title='PWNED'</script>\"></iframe> and "
    "<style>body{display:none}</style> and <meta http-equiv=refresh content=0;url=https://example.com> end here.",
]
PAYLOAD_MARKERS = ["<script>document.body.dataset.pwned='headline'</script>",
                   "<img src=x onerror=\"document.title='PWNED'\">", "{{ 7*7 }}",
                   "<a href=\"javascript:document.title='PWNED'\">", "<style>body{display:none}</style>"]


def find_chromium() -> str | None:
    env = os.environ.get("TQCHECK_CHROMIUM")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        if path := shutil.which(name):
            return path
    return None


class Browser:
    """Headless Chromium over the DevTools protocol on a pipe (fd 3 in, fd 4 out, NUL-framed)."""

    def __init__(self, binary: str, profile: str):
        to_chrome_r, self._w = os.pipe()
        self._r, from_chrome_w = os.pipe()
        # above 9, so putting them on fds 3 and 4 in the child never clobbers one of them
        child_r, child_w = (fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_chrome_r, from_chrome_w))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        args = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--force-device-scale-factor=1", f"--window-size={WIDTH},{HEIGHT}",
                f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]

        def pipe_fds() -> None:  # in the child: --remote-debugging-pipe reads fd 3, writes fd 4
            os.dup2(child_r, 3)
            os.dup2(child_w, 4)
        # close_fds=False: Python's own fds are non-inheritable anyway; dup2 makes 3 and 4 inheritable
        self.proc = subprocess.Popen(args, preexec_fn=pipe_fds, close_fds=False, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(child_r)
        os.close(child_w)
        self._inbox: queue.Queue = queue.Queue()
        self._next = 0
        self.events: list[dict] = []
        threading.Thread(target=self._reader, daemon=True).start()
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=WIDTH, height=HEIGHT,
                  deviceScaleFactor=1, mobile=False)

    def _reader(self) -> None:
        buf = b""
        while chunk := os.read(self._r, 1 << 16):
            buf += chunk
            *msgs, buf = buf.split(b"\0")
            for m in msgs:
                self._inbox.put(json.loads(m))
        self._inbox.put(None)

    def _wait(self, pred, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            try:
                msg = self._inbox.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise TimeoutError("chromium did not answer in time") from None
            if msg is None:
                raise RuntimeError("chromium closed the DevTools pipe")
            if "method" in msg:
                self.events.append(msg)
            if pred(msg):
                return msg

    def call(self, method: str, session: bool = False, timeout: float = 30, **params) -> dict:
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        reply = self._wait(lambda m: m.get("id") == self._next, timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def open(self, url: str, timeout: float = 30) -> None:
        """Load url afresh (via about:blank, so a new hash is a new load) and wait for the page's JS."""
        self.call("Page.navigate", session=True, url="about:blank")
        self._wait(lambda m: m.get("method") == "Page.loadEventFired", timeout)
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        self._wait(lambda m: m.get("method") == "Page.loadEventFired", timeout)
        deadline = time.monotonic() + 5  # the script runs before the load event; this is a margin
        while self.js("document.documentElement.dataset.js") != "ready" and time.monotonic() < deadline:
            time.sleep(0.05)

    def js(self, expression: str):
        res = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                        awaitPromise=True)
        if "exceptionDetails" in res:
            raise RuntimeError(f"evaluating {expression[:60]!r}: {res['exceptionDetails'].get('text')}")
        return res["result"].get("value")

    def screenshot(self, path: Path) -> None:
        self.js("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def problems(self, page_url: str) -> list[str]:
        """Script errors, console errors (CSP violations land there) and network requests."""
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                out.append(f"script error: {p['exceptionDetails'].get('text')}")
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(f"console error: {p['entry'].get('text')}")
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") == "error":
                out.append("console.error from the page")
            elif e["method"] == "Network.requestWillBeSent":
                url = p["request"]["url"]
                if url.split("#")[0] != page_url.split("#")[0] and url != "about:blank":
                    out.append(f"network request: {url[:120]}")
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except Exception:  # noqa: BLE001 - closing anyway
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._w)


def render_pages(out: Path, fixtures: bool = False) -> tuple[Path, Path, Path | None]:
    """The sample's report and the payload article's report (and with `fixtures`, one over every
    fixture, for the screenshots), rendered by the real CLI code."""
    sys.path.insert(0, str(ROOT))
    from click.testing import CliRunner

    from tqcheck.cli import main

    seed_html, evil_html = out / "seed-report.html", out / "evil-report.html"
    evil = out / EVIL_NAME
    evil.write_text("\n".join(EVIL_LINES) + "\n", encoding="utf-8")
    all_html = out / "fixtures-report.html" if fixtures else None
    jobs = [(SEED, seed_html), (evil, evil_html)] + ([(ROOT / "fixtures", all_html)] if all_html else [])
    for src, dst in jobs:
        # relative paths (as a user types them) for the sources shown in the page
        arg = os.path.relpath(src, ROOT) if src.is_relative_to(ROOT) else str(src)
        res = CliRunner().invoke(main, ["check", "-q", arg, "--format", "html", "-o", str(dst)])
        if res.exit_code not in (0, 1) or not dst.exists():
            raise RuntimeError(f"tqcheck check {src.name} failed: {res.output}{res.exception!r}")
    return seed_html, evil_html, all_html


STATE = """(() => {
  const vis = el => !el.hidden && !el.closest('[hidden]');
  const fam = {};
  document.querySelectorAll('section.rule').forEach(r => { fam[r.dataset.c] = r.dataset.f; });
  const notes = [...document.querySelectorAll('.nts > li')];
  return {
    notes: notes.map(n => [fam[n.dataset.c], n.dataset.c, vis(n)]),
    articles: [...document.querySelectorAll('details.art')].map(vis),
    rules: [...document.querySelectorAll('section.rule')].map(r => [r.dataset.f, r.dataset.c, vis(r)]),
    occurrences: [...document.querySelectorAll('tr.oc')].map(o => [fam[o.dataset.c], o.dataset.c, vis(o)]),
    status: document.getElementById('fstatus').textContent,
    form: document.getElementById('filters').hidden,
    hash: location.hash,
  };
})()"""


def check_seed(b: Browser, url: str) -> list[tuple[bool, str]]:
    res: list[tuple[bool, str]] = []
    b.open(url)
    problems = b.problems(url)
    res.append((not problems, "sample page: script ran, no errors, no CSP violation, no network request"
                + (f" ({'; '.join(problems)})" if problems else "")))
    st = b.js(STATE)
    res.append((not st["form"] and st["notes"] and all(v for _, _, v in st["notes"]),
                f"unfiltered: filter form shown, all {len(st['notes'])} findings visible"))

    b.open(url + "#family=quote_marks")
    problems = b.problems(url)
    res.append((not problems, "#family=quote_marks: no script error" + (f" ({'; '.join(problems)})" if problems else "")))
    st = b.js(STATE)
    qm = [v for f, _, v in st["notes"] if f == "quote_marks"]
    rest = [v for f, _, v in st["notes"] if f != "quote_marks"]
    res.append((qm and all(qm) and rest and not any(rest),
                f"#family=quote_marks: {sum(qm)} quote_marks findings shown, {len(rest)} others hidden"))
    res.append((all(v == (f == "quote_marks") for f, _, v in st["rules"] + st["occurrences"]),
                "#family=quote_marks: only quote_marks rules and occurrences in the rules section"))
    res.append((f"Showing {len(qm)} of {len(st['notes'])} findings" in st["status"],
                f"status line says so: {st['status']!r}"))

    b.js("(() => { const f = document.getElementById('filters'); f.elements.code.value = 'TQ302';"
         " f.dispatchEvent(new Event('change')); })()")
    st = b.js(STATE)
    shown = [c for _, c, v in st["notes"] if v]
    res.append((shown and set(shown) == {"TQ302"} and "code=TQ302" in st["hash"],
                f"choosing rule TQ302 in the form: {len(shown)} finding(s) shown, hash {st['hash']!r}"))
    b.js("document.querySelector('#filters button[type=reset]').click()")
    time.sleep(0.2)
    st = b.js(STATE)
    res.append((all(v for _, _, v in st["notes"]) and all(st["articles"]) and not st["status"],
                "\"Show all\": every finding and article visible again"))

    b.open(url + "#a-1")
    opened = b.js("document.getElementById('a-1').open && window.scrollY > 0")
    res.append((bool(opened), "a link to an article opens and scrolls to it"))
    return res


def screenshots(b: Browser, url: str, shots: Path) -> list[tuple[bool, str]]:
    """The top of the page, and its worst article scrolled into view."""
    b.open(url)
    b.screenshot(shots / "report-overview.png")
    worst = b.js("document.querySelector('details.art').id")
    b.open(f"{url}#{worst}")
    b.screenshot(shots / "report-article.png")
    problems = b.problems(url)
    return [(not problems, f"screenshots of the fixtures' page in {shots}/ (report-overview.png, "
                           f"report-article.png: #{worst})" + (f" ({'; '.join(problems)})" if problems else ""))]


PWNED = """(() => ({
  title: document.title, pwned: document.body.dataset.pwned || null, win: window.pwned || null,
  scripts: document.scripts.length,
  handlers: [...document.querySelectorAll('*')].filter(el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
  foreign: document.querySelectorAll('img, iframe, object, embed, svg script, meta[http-equiv=refresh], body style, form[action], input').length,
  links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('#')),
  text: document.querySelector('main').innerText,
  controls: [...document.querySelectorAll('.cc')].map(c => c.textContent),
  visible: getComputedStyle(document.body).display,
}))()"""


def check_evil(b: Browser, url: str) -> list[tuple[bool, str]]:
    res: list[tuple[bool, str]] = []
    b.open(url + "#a-1")
    problems = b.problems(url)
    res.append((not problems, "payload page: no errors, no CSP violation, no network request"
                + (f" ({'; '.join(problems)})" if problems else "")))
    st = b.js(PWNED)
    res.append((st["title"].startswith("tqcheck report") and not st["pwned"] and not st["win"],
                f"no payload ran (title {st['title'][:40]!r}, body.dataset.pwned={st['pwned']}, window.pwned={st['win']})"))
    res.append((st["scripts"] == 1 and st["handlers"] == 0 and st["foreign"] == 0 and not st["links"],
                f"DOM: {st['scripts']} script (the page's own), {st['handlers']} on* handlers, "
                f"{st['foreign']} img/iframe/svg/meta/style elements, non-fragment links {st['links'][:3]}"))
    missing = [m for m in PAYLOAD_MARKERS if m not in st["text"]]
    res.append((not missing and st["visible"] != "none", "every payload is shown as text" +
                (f" (missing: {missing})" if missing else "")))
    res.append(("⟨U+202E⟩" in st["controls"] and "⟨U+2066⟩" in st["controls"] and "⟨U+200B⟩" in st["controls"],
                f"bidi and zero-width controls shown as tokens: {sorted(set(st['controls']))}"))
    return res


def run(shots: Path | None = None, keep: Path | None = None) -> list[tuple[bool, str]]:
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("no chromium binary (apt-get install -y chromium, or set TQCHECK_CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="tqcheck-browser-") as tmp:
        work = keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            seed_html, evil_html, all_html = render_pages(work, fixtures=bool(shots))
        finally:
            os.chdir(cwd)
        if shots:
            shots.mkdir(parents=True, exist_ok=True)
        browser = Browser(binary, str(Path(tmp) / "profile"))
        results: list[tuple[bool, str]] = []
        try:
            jobs = [("sample page", lambda: check_seed(browser, seed_html.as_uri())),
                    ("payload page", lambda: check_evil(browser, evil_html.as_uri()))]
            if shots and all_html:
                jobs.append(("screenshots", lambda: screenshots(browser, all_html.as_uri(), shots)))
            for name, checks in jobs:
                try:
                    results += checks()
                except (RuntimeError, TimeoutError, KeyError, TypeError) as exc:  # the page misbehaved
                    results.append((False, f"{name}: could not be checked: {exc}"))
            return results
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screenshots", type=Path, metavar="DIR", help="write report-overview.png and report-article.png here")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="render the pages into DIR and keep them")
    args = ap.parse_args(argv)
    try:
        results = run(args.screenshots, args.keep)
    except FileNotFoundError as exc:
        print(f"SKIP: {exc}")
        return EXIT_NO_BROWSER
    for ok, what in results:
        print(f"{'ok  ' if ok else 'FAIL'} {what}")
    failed = sum(1 for ok, _ in results if not ok)
    print(f"{len(results) - failed} of {len(results)} browser checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
