#!/usr/bin/env python3
"""Findings on human-written news: every one is a false positive (or a real typo).

Reads a JSON file mapping ids to {"articleBody": str} (the article-extraction benchmark's
ground-truth.json has that shape: 181 real, mostly English pages, human-written), checks each
body as a plain-text article with the default rules, and prints findings per article by code,
then the findings about the whole run (all bodies as one run: TQ204). Page-furniture findings
(TQ101) are left out: bodies carry no furniture labels.

  python scripts/clean_text_findings.py ../shared/datasets/article-extraction-benchmark/ground-truth.json
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tqcheck.engine import Checker, Settings  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ground_truth", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="print every finding")
    ap.add_argument("--select", help="only these rules (comma-separated, as tqcheck check --select)")
    args = ap.parse_args()
    items = json.loads(args.ground_truth.read_text(encoding="utf-8"))
    checker = Checker(Settings(select=tuple(args.select.split(","))) if args.select else Settings())
    run = checker.start_run()
    by_code, langs, flagged = Counter(), Counter(), 0
    for item_id, item in sorted(items.items()):
        text = "\n".join(p.strip() for p in item["articleBody"].split("\n") if p.strip())
        result = run.add(checker.check_text(text, doc_id=item_id[:12], source=item_id[:12]))
        langs[result.document.lang] += 1
        findings = [f for f in result.findings if f.family != "boilerplate_in_body"]
        flagged += bool(findings)
        for f in findings:
            by_code[f.code] += 1
            if args.verbose:
                print(f"{item_id[:12]} {result.document.lang} {f.code} {f.text[:70]!r}")
    n = len(items)
    total = sum(by_code.values())
    print(f"{n} human-written articles ({', '.join(f'{k} {v}' for k, v in langs.most_common())})")
    print(f"{total} findings ({total / n:.2f} per article), {flagged} articles with any")
    for code, count in sorted(by_code.items()):
        print(f"  {code} {count}")
    run_findings, _ = run.finish()
    print(f"{len(run_findings)} findings about the whole run")
    for f in run_findings:
        print(f"  {f.code} [{f.lang}] {f.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
