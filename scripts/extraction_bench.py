#!/usr/bin/env python3
"""Body extraction of tqcheck's HTML splitter against trafilatura, on an article-extraction
benchmark laid out like Zyte's (github.com/scrapinghub/article-extraction-benchmark):

    DATASET/ground-truth.json    {"<id>": {"articleBody": "...", "url": "..."}, ...}
    DATASET/html/<id>.html.gz    (or <id>.html) the page, UTF-8

Scoring is the benchmark's own method: tokens are re.findall(r"\\w+"); each page's truth and
prediction are multisets of 4-token shingles; per page precision = tp/(tp+fp) and recall =
tp/(tp+fn) (a page with an empty prediction counts in recall only); precision and recall are
averaged over pages (macro) and F1 is the harmonic mean of those two means.

tqcheck's body is the text of its blocks with role body or subheading (tqcheck.model.BODY_ROLES),
as `tqcheck split --format json` prints it. By default the pages go through that command, in
this process, over a temporary folder of .html files (so the time includes reading, decoding,
language identification and the JSON output); --via function calls
tqcheck.splitter.split_html directly (the splitter alone). Both are timed either way when the
CLI path works. trafilatura runs as the benchmark's runner calls it,
extract(html, include_comments=False) (--trafilatura-defaults: extract(html)).

Timing is single-process, pinned to one core where the OS allows it, after a warm-up call.

    python scripts/extraction_bench.py DATASET [--via cli|function] [--no-trafilatura]
        [--split 01234567] [--json results.json]
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"\w+")


# -- scoring ---------------------------------------------------------------------------------

def shingles(text: str, n: int = 4) -> Counter:
    tokens = _WORD.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_counts(truth: str, prediction: str) -> tuple[int, int, int]:
    t, p = shingles(truth), shingles(prediction)
    return sum((t & p).values()), sum((p - t).values()), sum((t - p).values())


def macro(counts: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    precisions = [tp / (tp + fp) for tp, fp, _ in counts if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in counts if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- the dataset -----------------------------------------------------------------------------

def load(dataset: Path) -> tuple[dict[str, str], dict[str, str]]:
    truth = {k: v.get("articleBody", "") for k, v in
             json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8")).items()}
    pages = {}
    for path in sorted((dataset / "html").iterdir()):
        name = path.name
        if name.endswith(".html.gz"):
            pages[name[:-len(".html.gz")]] = gzip.decompress(path.read_bytes()).decode("utf-8")
        elif name.endswith(".html"):
            pages[name[:-len(".html")]] = path.read_text(encoding="utf-8")
    missing = sorted(set(truth) - set(pages))
    if missing:
        sys.exit(f"extraction_bench: {len(missing)} pages of ground-truth.json have no html file "
                 f"(first: {missing[0]})")
    return truth, {k: pages[k] for k in truth}


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            return f"pinned to cpu {cpu}"
        except OSError:
            pass
    return "not pinned (one process)"


# -- the extractors --------------------------------------------------------------------------

def run_function(pages: dict[str, str]) -> tuple[dict[str, str], float]:
    from tqcheck.model import BODY_ROLES
    from tqcheck.splitter import split_html

    split_html(next(iter(pages.values())))  # warm-up: data files, regexes
    out = {}
    start = time.perf_counter()
    for key, html in pages.items():
        out[key] = "\n\n".join(b.text for b in split_html(html) if b.role in BODY_ROLES)
    return out, time.perf_counter() - start


def _cli_split(folder: str) -> dict:
    from tqcheck.cli import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            main(["split", "--format", "json", folder], standalone_mode=False)
        except SystemExit as exc:
            if exc.code not in (0, None):
                raise RuntimeError(f"tqcheck split exited with {exc.code}") from None
    return json.loads(buf.getvalue())


def run_cli(pages: dict[str, str]) -> tuple[dict[str, str], float]:
    """`tqcheck split --format json FOLDER` in this process, over the pages saved as .html."""
    with tempfile.TemporaryDirectory(prefix="tqcheck-bench-") as tmp:
        warm = Path(tmp, "warm")
        warm.mkdir()
        first = next(iter(pages))
        Path(warm, f"{first}.html").write_text(pages[first], encoding="utf-8")
        folder = Path(tmp, "pages")
        folder.mkdir()
        for key, html in pages.items():
            Path(folder, f"{key}.html").write_text(html, encoding="utf-8")
        _cli_split(str(warm))  # warm-up: word lists, language profiles
        start = time.perf_counter()
        result = _cli_split(str(folder))
        elapsed = time.perf_counter() - start
    out = {}
    for article in result.get("articles", []):
        key = Path(article.get("source", "")).name.removesuffix(".html")
        out[key] = article.get("body", "")
    missing = set(pages) - set(out)
    if missing:
        raise RuntimeError(f"tqcheck split gave no article for {len(missing)} pages")
    return out, elapsed


def run_trafilatura(pages: dict[str, str], defaults: bool) -> tuple[dict[str, str], float]:
    import trafilatura

    options = {} if defaults else {"include_comments": False}
    trafilatura.extract(next(iter(pages.values())), **options)  # warm-up
    out = {}
    start = time.perf_counter()
    for key, html in pages.items():
        out[key] = trafilatura.extract(html, **options) or ""
    return out, time.perf_counter() - start


# -- report ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset", type=Path, help="folder with ground-truth.json and html/")
    ap.add_argument("--via", choices=("cli", "function"), default="cli",
                    help="how tqcheck's score is taken: the split command (default) or split_html")
    ap.add_argument("--no-trafilatura", action="store_true", help="score tqcheck only")
    ap.add_argument("--trafilatura-defaults", action="store_true",
                    help="extract(html) instead of the benchmark runner's include_comments=False")
    ap.add_argument("--split", default="01234567",
                    help="first characters of the ids of the tuning half; the rest is held out "
                         "(default 01234567; '' for no split)")
    ap.add_argument("--json", type=Path, help="also write scores and per-page counts here")
    args = ap.parse_args(argv)

    truth, pages = load(args.dataset)
    where = pin_one_core()
    print(f"{len(pages)} pages from {args.dataset}; one process, {where}")

    runs: dict[str, tuple[dict[str, str], float]] = {}
    function_run = run_function(pages)
    if args.via == "cli":
        try:
            runs["tqcheck split (CLI)"] = run_cli(pages)
        except Exception as exc:  # the CLI cannot read HTML yet: say so, score split_html
            print(f"note: the CLI path failed ({type(exc).__name__}: {exc}); "
                  "scoring split_html directly", file=sys.stderr)
    runs["tqcheck split_html"] = function_run
    if not args.no_trafilatura:
        try:
            name = "trafilatura " + ("extract(h)" if args.trafilatura_defaults
                                     else "extract(h, include_comments=False)")
            runs[name] = run_trafilatura(pages, args.trafilatura_defaults)
        except ImportError:
            print("note: trafilatura is not installed (pip install -e '.[bench]')", file=sys.stderr)

    halves = {"all": list(pages)}
    if args.split:
        halves[f"ids {args.split[0]}-{args.split[-1]}"] = [k for k in pages if k[:1] in args.split]
        halves["held out"] = [k for k in pages if k[:1] not in args.split]
    report = {}
    header = f"{'extractor':42s} {'set':10s} {'pages':>5s} {'P':>6s} {'R':>6s} {'F1':>6s} {'pages/s':>8s}"
    print(header)
    print("-" * len(header))
    for name, (out, elapsed) in runs.items():
        counts = {k: page_counts(truth[k], out.get(k, "")) for k in pages}
        speed = len(pages) / elapsed if elapsed else float("inf")
        report[name] = {"pages_per_second": speed, "seconds": elapsed, "sets": {},
                        "pages": {k: list(v) for k, v in counts.items()}}
        for half, keys in halves.items():
            p, r, f = macro([counts[k] for k in keys])
            report[name]["sets"][half] = {"pages": len(keys), "precision": p, "recall": r, "f1": f}
            rate = f"{speed:8.1f}" if half == "all" else ""
            print(f"{name:42s} {half:10s} {len(keys):5d} {p:6.3f} {r:6.3f} {f:6.3f} {rate:>8s}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
