#!/usr/bin/env python3
"""Per family and language: recall on the damaged fixtures and findings on the clean ones.

Scores exactly as scripts/score.py (the acceptance kit's scorer: an artifact is found by a
finding of its family on its line overlapping its text), but breaks the numbers down by the
article's language, and lists every finding on a clean article by rule and language (each
is a false positive: clean fixtures are human-quality text). Page furniture (TQ101) is the
splitter's business and left out, as the scorer does.

  python scripts/rule_table.py               # fixtures/damaged and fixtures/clean
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqcheck.engine import Checker  # noqa: E402
from tqcheck.reporters.json_report import article_dict  # noqa: E402

NEUTRAL = {"boilerplate_in_body"}


def scorer():
    spec = importlib.util.spec_from_file_location("score", ROOT / "scripts" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path,
                    default=[ROOT / "fixtures" / "damaged", ROOT / "fixtures" / "clean"])
    args = ap.parse_args()
    score = scorer()
    checker = Checker()
    found: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # (family, lang) -> [found, total]
    clean_fp: Counter = Counter()  # (code, lang) -> findings on clean articles
    clean_articles: Counter = Counter()
    for case in score.load_cases(args.folders):
        text = case["path"].read_text(encoding="utf-8")
        art = article_dict(checker.check_text(text, doc_id=case["id"], source=str(case["path"])))
        lang = case["lang"]
        for kind, (hit, total) in score.score_case(case, art, False, NEUTRAL)["per_kind"].items():
            found[(kind, lang)][0] += hit
            found[(kind, lang)][1] += total
        if not case.get("machine_translated", True):
            clean_articles[lang] += 1
            for f in art["findings"]:
                if f["family"] not in NEUTRAL:
                    clean_fp[(f["code"], lang)] += 1
    langs = sorted({lang for _, lang in found} | set(clean_articles))
    print("recall on damaged fixtures (found/labelled), by family and article language")
    print(f"{'family':18s} " + " ".join(f"{lang:>7s}" for lang in langs) + "   total")
    for fam in sorted({f for f, _ in found}):
        cells = [found.get((fam, lang)) for lang in langs]
        tot = [sum(c[0] for c in cells if c), sum(c[1] for c in cells if c)]
        print(f"{fam:18s} " + " ".join(f"{c[0]:>3d}/{c[1]:<3d}" if c else "      -" for c in cells)
              + f"  {tot[0]}/{tot[1]} = {tot[0] / tot[1]:.2f}")
    print(f"\nfindings on clean fixtures (false positives), articles per language: "
          + ", ".join(f"{lang} {n}" for lang, n in sorted(clean_articles.items())))
    if not clean_fp:
        print("none")
    for (code, lang), n in sorted(clean_fp.items()):
        print(f"  {code} [{lang}] {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
