#!/usr/bin/env python3
"""Render time and page size of the HTML report for a large run (default: 5,000 articles).

Checks every fixture in fixtures/ once, then replicates the results with distinct ids and
sources up to --articles, and measures only the rendering (the JSON data, the view data and
the templates: exactly what `tqcheck check --format html` and `tqcheck report` do after
checking). By default every article keeps its findings, the worst case for the page (a real
feed has many clean articles); --clean-share 0.6 makes that share of articles clean.

  .venv/bin/python scripts/bench_report.py
  .venv/bin/python scripts/bench_report.py --articles 5000 --out /tmp/big.html --browser
  .venv/bin/python scripts/bench_report.py --clean-share 0.6

--browser also opens the page in headless Chromium (scripts/browser_check.py's driver) and
prints the time to the load event with the page's script done, and the time one filter
change takes. Speed is measured here, never in timed tests.
"""
from __future__ import annotations

import argparse
import io
import platform
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqcheck import __version__  # noqa: E402
from tqcheck.engine import Checker  # noqa: E402
from tqcheck.model import ArticleResult  # noqa: E402
from tqcheck.reporters import html_report  # noqa: E402


def fixture_results() -> list[ArticleResult]:
    checker = Checker()
    files = sorted((ROOT / "fixtures").rglob("*.txt"))
    return [checker.check_text(p.read_text(encoding="utf-8"), doc_id=p.stem, source=str(p.relative_to(ROOT)))
            for p in files]


def replicate(base: list[ArticleResult], n: int, clean_share: float) -> list[ArticleResult]:
    out = []
    for i in range(n):
        r = base[i % len(base)]
        doc = replace(r.document, id=f"{r.document.id}-{i:05d}", source=f"feed/{i:05d}/{r.document.id}.txt")
        clean = (i * 7919) % 1000 < clean_share * 1000  # spread evenly, deterministic
        out.append(ArticleResult(doc, () if clean else r.findings, r.errors))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--clean-share", type=float, default=0.0, help="share of articles without findings (0-1)")
    ap.add_argument("--repeat", type=int, default=1, help="render this many times, report the best")
    ap.add_argument("--out", type=Path, help="write the page here")
    ap.add_argument("--browser", action="store_true", help="also time opening the page in headless Chromium")
    args = ap.parse_args()

    base = fixture_results()
    results = replicate(base, args.articles, args.clean_share)
    findings = sum(len(r.findings) for r in results)
    chars = sum(len(b.text) for r in results for b in r.document.blocks)
    times, page = [], ""
    for _ in range(max(1, args.repeat)):
        buf = io.StringIO()
        t0 = time.perf_counter()
        html_report.render(results, buf)
        times.append(time.perf_counter() - t0)
        page = buf.getvalue()
    size = len(page.encode("utf-8"))
    print(f"tqcheck {__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(f"{args.articles:,} articles ({sum(1 for r in results if r.findings):,} with findings), "
          f"{findings:,} findings, {chars / 1e6:.1f} M characters of article text")
    print(f"render: {min(times):.2f} s (best of {len(times)}), page: {size / 1e6:.1f} MB, "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    shown, excerpts = page.count('<details class="art"'), page.count('<p class="scale">Excerpt')
    print(f"articles in full: {shown - excerpts:,}, as excerpts: {excerpts:,}")
    if args.out or args.browser:
        out = args.out or Path("/tmp/tqcheck-bench-report.html")
        out.write_text(page, encoding="utf-8")
        print(f"wrote {out}")
        if args.browser:
            browse(out)
    return 0


def browse(path: Path) -> None:
    import tempfile

    sys.path.insert(0, str(ROOT / "scripts"))
    import browser_check as bc

    binary = bc.find_chromium()
    if binary is None:
        print("browser: no chromium binary, skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        b = bc.Browser(binary, tmp)
        try:
            t0 = time.perf_counter()
            b.open(path.as_uri(), timeout=120)
            loaded = time.perf_counter() - t0
            took = b.js("(() => { const f = document.getElementById('filters'), t = performance.now();"
                        " f.elements.family.value = 'quote_marks'; f.dispatchEvent(new Event('change'));"
                        " return performance.now() - t; })()")
            print(f"browser: loaded and script ready in {loaded:.1f} s; one filter change {took / 1000:.2f} s; "
                  f"problems: {b.problems(path.as_uri()) or 'none'}")
        finally:
            b.close()


if __name__ == "__main__":
    sys.exit(main())
