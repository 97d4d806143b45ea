#!/usr/bin/env python3
"""Speed benchmark: articles per second and peak memory on a corpus built from fixtures/.

Speed is measured here, never in timed tests. The corpus is made of ~1,000-word plain-text
articles assembled from the bundled fixtures (each article keeps one fixture's furniture and
takes more body paragraphs from the others), so every detector sees realistic text.

  python scripts/bench.py                 # 2,000 articles, every detector, one process
  python scripts/bench.py --articles 5000 --per-rule
  python scripts/bench.py --cold          # text caches emptied before each article
  python scripts/bench.py --corpus bodies.jsonl --cold   # your own articles ({"text": ...} lines)
  python scripts/bench.py --cli 1000,10000 --jobs 1,2 --scheduler local
      # `tqcheck check` on JSON-lines files of 1,000 and 10,000 articles: --jobs 1, --jobs 2 and
      # a two-worker Dask LocalCluster; articles/s and peak memory of the whole process tree
"""
from __future__ import annotations

import argparse
import contextlib
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
from tqcheck.caches import clear_text_caches  # noqa: E402
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


def load_corpus(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def corpus(n: int, words: int) -> list[str]:
    return list(iter_corpus(n, words))


def write_corpus(n: int, words: int, workdir: Path) -> Path:
    src = workdir / f"corpus-{n}.jsonl"
    if not src.exists():
        with src.open("w", encoding="utf-8") as fh:
            for i, text in enumerate(iter_corpus(n, words)):
                fh.write(json.dumps({"id": f"b{i}", "text": text}, ensure_ascii=False) + "\n")
    return src


def _tree_memory_mib(pid: int) -> float:
    """Memory of a process and its descendants: the sum of their PSS (proportional set size:
    pages shared by forked workers are counted once in all), from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
            total += int(next(ln.split()[1] for ln in rollup.splitlines() if ln.startswith("Pss:")))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def cli_run(src: Path, fmt: str, workdir: Path, extra: list[str]) -> tuple[float, float]:
    """Seconds and peak memory (MiB, the whole process tree) of one `tqcheck check` over src,
    reports written to files (the way an archive is audited)."""
    outs = [f"--format={f}:{workdir / f'out.{f}'}" for f in fmt.split(",")]
    cmd = [sys.executable, "-m", "tqcheck", "check", "-q", "--no-config", *extra, str(src), *outs]
    peak = [0.0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None:
        peak[0] = max(peak[0], _tree_memory_mib(proc.pid))
        time.sleep(0.2)
    secs = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: tqcheck exited {proc.returncode}: {proc.stderr.read().decode()[-500:]}")
    return secs, peak[0]


def cli_table(sizes: list[int], words: int, fmt: str, runs: list[tuple[str, list[str]]]) -> int:
    print(f"tqcheck {__version__} on {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores: `tqcheck check` over a JSON-lines corpus of "
          f"~{words}-word articles, reports: {fmt}; memory = peak PSS of the process tree")
    print(f"{'run':>22s} {'articles':>10s} {'seconds':>9s} {'articles/s':>11s} {'peak MiB':>9s}")
    with tempfile.TemporaryDirectory(prefix="tqcheck-bench-") as tmp:
        for n in sizes:
            src = write_corpus(n, words, Path(tmp))
            for label, extra in runs:
                secs, mem = cli_run(src, fmt, Path(tmp), extra)
                print(f"{label:>22s} {n:>10,d} {secs:9.1f} {n / secs:11.0f} {mem:9.0f}", flush=True)
    return 0


@contextlib.contextmanager
def dask_scheduler(address: str):
    """The scheduler address; 'local' starts a LocalCluster of two one-thread worker processes."""
    if address != "local":
        yield address
        return
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--words", type=int, default=1000, help="minimum words per article")
    ap.add_argument("--per-rule", action="store_true", help="also time each detector alone")
    ap.add_argument("--cold", action="store_true",
                    help="empty the text-keyed caches before each article: text that never repeats "
                         "(the fixture-built corpus reuses paragraphs)")
    ap.add_argument("--corpus", metavar="FILE.jsonl",
                    help="time these articles instead (JSON lines with a \"text\" field)")
    ap.add_argument("--cli", metavar="N,N,...",
                    help="instead: time and peak memory of the CLI on JSON-lines corpora of these sizes")
    ap.add_argument("--jobs", default="1", metavar="N,N,...", help="with --cli: --jobs values to run (default 1)")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --cli: also run on this Dask scheduler ('local': a 2-worker LocalCluster)")
    ap.add_argument("--format", dest="fmt", default="json", metavar="FMT[,FMT]",
                    help="with --cli: reports written (default json; html keeps the page's data)")
    args = ap.parse_args()
    if args.cli:
        runs = [(f"--jobs {j}", ["--jobs", j]) for j in args.jobs.split(",")]
        sizes = [int(x) for x in args.cli.split(",")]
        if not args.scheduler:
            return cli_table(sizes, args.words, args.fmt, runs)
        with dask_scheduler(args.scheduler) as address:
            runs.append(("dask " + ("LocalCluster" if args.scheduler == "local" else address),
                         ["--scheduler", address]))
            return cli_table(sizes, args.words, args.fmt, runs)

    texts = load_corpus(args.corpus) if args.corpus else corpus(args.articles, args.words)
    total_words = sum(len(t.split()) for t in texts)
    checker = Checker()
    checker.warm_up()  # data files, langdetect profiles: loaded once, as before a real run
    before_each = clear_text_caches if args.cold else (lambda: None)

    # What a user gets: check_text, one article after another (split, languages, every
    # detector, the per-article bounds), each result dropped before the next.
    findings, elapsed = 0, 0.0
    for i, text in enumerate(texts):
        before_each()
        t0 = time.perf_counter()
        findings += len(checker.check_text(text, doc_id=str(i), source="bench").findings)
        elapsed += time.perf_counter() - t0

    # The same again, timed in two stages.
    split_s = detect_s = 0.0
    for i, text in enumerate(texts):
        before_each()
        t0 = time.perf_counter()
        doc = build_document(text, doc_id=str(i), source="bench")
        t1 = time.perf_counter()
        checker.check_document(doc)
        split_s, detect_s = split_s + t1 - t0, detect_s + time.perf_counter() - t1
    rows = [("  split + language", split_s), ("  detectors", detect_s)]

    if args.per_rule:
        docs = [build_document(t, doc_id=str(i), source="bench") for i, t in enumerate(texts)]
        for det in checker.detectors:
            one = Checker(Settings(select=(det.meta.code,)))
            t0 = time.perf_counter()
            for doc in docs:
                before_each()
                one.check_document(doc)
            rows.append((f"    {det.meta.code} {det.meta.name}", time.perf_counter() - t0))

    caches = "text caches emptied before each article (--cold)" if args.cold else "warm caches"
    source = args.corpus or "a corpus built from fixtures/"
    print(f"tqcheck {__version__} on {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, one process, {caches}")
    print(f"corpus: {len(texts)} articles from {source}, {total_words / len(texts):.0f} words each on "
          f"average, {findings} findings")
    print(f"{'stage':44s} {'seconds':>8s} {'articles/s':>11s}")
    print(f"{'check_text (split + language + detectors)':44s} {elapsed:8.2f} {len(texts) / elapsed:11.0f}")
    for name, secs in rows:
        print(f"{name:44s} {secs:8.2f} {len(texts) / secs:11.0f}")
    print(f"peak RSS: {peak_rss_mib():.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
