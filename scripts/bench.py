#!/usr/bin/env python3
"""Speed benchmark: articles per second and peak memory on a corpus built from fixtures/.

Speed is measured here, never in timed tests. The corpus is made of ~1,000-word plain-text
articles assembled from the bundled fixtures (each article keeps one fixture's furniture and
takes more body paragraphs from the others), so every detector sees realistic text.

  python scripts/bench.py                 # 2,000 articles, every detector, one process
  python scripts/bench.py --articles 5000 --per-rule
  python scripts/bench.py --rss 1000,10000    # peak memory of `tqcheck check` on a JSON-lines
                                             # file of 1,000 and of 10,000 articles
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqcheck import __version__  # noqa: E402
from tqcheck.engine import Checker, Settings, build_document  # noqa: E402


def fixture_texts() -> list[tuple[str, str]]:
    """(language, text) of every labelled fixture."""
    out = []
    for labels in sorted((ROOT / "fixtures").rglob("*.labels.json")):
        meta = json.loads(labels.read_text(encoding="utf-8"))
        out.append((meta["lang"], (labels.parent / meta["file"]).read_text(encoding="utf-8")))
    return out


def iter_corpus(n: int, words: int):
    """n articles of at least `words` words: a fixture, padded with body paragraphs taken
    from other fixtures in the same language (so padding adds no foreign text)."""
    texts = fixture_texts()
    paragraphs: dict[str, list[str]] = {}
    for lang, text in texts:
        paragraphs.setdefault(lang, []).extend(ln for ln in text.splitlines() if len(ln.split()) >= 25)
    for i in range(n):
        lang, text = texts[i % len(texts)]
        lines, pool, k = text.splitlines(), paragraphs.get(lang) or [text], i
        while sum(len(ln.split()) for ln in lines) < words:
            lines.insert(len(lines) // 2, pool[k % len(pool)])
            k += 7
        yield "\n".join(lines) + "\n"


def corpus(n: int, words: int) -> list[str]:
    return list(iter_corpus(n, words))


def rss_run(n: int, words: int, fmt: str, workdir: Path) -> tuple[float, float]:
    """Peak RSS (MiB) and seconds of one `tqcheck check` over a JSON-lines file of n articles,
    reports written to files (the way an archive is audited)."""
    src = workdir / f"corpus-{n}.jsonl"
    if not src.exists():
        with src.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(iter_corpus(n, words)):
                fh.write(json.dumps({"id": f"b{i}", "text": text}, ensure_ascii=False) + "\n")
    outs = [f"--format={f}:{workdir / f'out-{n}.{f}'}" for f in fmt.split(",")]
    cmd = [sys.executable, "-m", "tqcheck", "check", "-q", str(src), *outs]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    secs = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: tqcheck exited {proc.returncode}: {proc.stderr.read().decode()[-500:]}")
    return usage.ru_maxrss / 1024, secs


def rss_table(sizes: list[int], words: int, fmt: str) -> int:
    print(f"tqcheck {__version__} on {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}: peak RSS of `tqcheck check` (one process) by corpus size, reports: {fmt}")
    print(f"{'articles':>10s} {'peak RSS MiB':>13s} {'seconds':>9s} {'articles/s':>11s}")
    with tempfile.TemporaryDirectory(prefix="tqcheck-bench-") as tmp:
        for n in sizes:
            rss, secs = rss_run(n, words, fmt, Path(tmp))
            print(f"{n:>10,d} {rss:13.0f} {secs:9.1f} {n / secs:11.0f}", flush=True)
    return 0


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--words", type=int, default=1000, help="minimum words per article")
    ap.add_argument("--per-rule", action="store_true", help="also time each detector alone")
    ap.add_argument("--rss", metavar="N,N,...", help="instead: peak memory of the CLI at these corpus sizes")
    ap.add_argument("--rss-format", default="json", metavar="FMT[,FMT]",
                    help="reports written in the --rss runs (default json; html keeps the page's data)")
    args = ap.parse_args()
    if args.rss:
        return rss_table([int(x) for x in args.rss.split(",")], args.words, args.rss_format)

    texts = corpus(args.articles, args.words)
    total_words = sum(len(t.split()) for t in texts)
    checker = Checker()
    checker.check_text(texts[0])  # warm-up: data files, langdetect profiles
    rows = []

    t0 = time.perf_counter()
    docs = [build_document(t, doc_id=str(i), source="bench") for i, t in enumerate(texts)]
    split_s = time.perf_counter() - t0
    rows.append(("split + language", split_s))

    findings = 0
    t0 = time.perf_counter()
    for doc in docs:
        findings += len(checker.check_document(doc).findings)
    rows.append(("detectors", time.perf_counter() - t0))

    if args.per_rule:
        for det in checker.detectors:
            one = Checker(Settings(select=(det.meta.code,)))
            t0 = time.perf_counter()
            for doc in docs:
                one.check_document(doc)
            rows.append((f"  {det.meta.code} {det.meta.name}", time.perf_counter() - t0))

    total = rows[0][1] + rows[1][1]
    print(f"tqcheck {__version__} on {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, one process")
    print(f"corpus: {len(texts)} articles, {total_words / len(texts):.0f} words each on average, "
          f"{findings} findings")
    print(f"{'stage':44s} {'seconds':>8s} {'articles/s':>11s}")
    for name, secs in rows:
        print(f"{name:44s} {secs:8.2f} {len(texts) / secs:11.0f}")
    print(f"{'total (split + language + detectors)':44s} {total:8.2f} {len(texts) / total:11.0f}")
    print(f"peak RSS: {peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
