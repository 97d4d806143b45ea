#!/usr/bin/env python3
# Copied unchanged from the project's shared acceptance kit (shared/acceptance/score.py) so that
# the acceptance test runs from a clean clone; keep it in step with that file.
"""Score tqcheck against hand-labelled articles.

Each labelled article is a text file (one block per line) with a labels file:

  NAME.labels.json   {"file": "NAME.txt", "lang": "en", "machine_translated": true,
                      "blocks": [{"line": 1, "role": "headline"}, ...],
                      "artifacts":  [{"line": 3, "kind": "name_variant", "text": "Wladimir"}, ...],
                      "acceptable": [... same shape: may be flagged, never required ...]}

or one labels.jsonl with an "id" per line and the text in articles/ID.txt beside it.

The scorer runs `tqcheck check --format json FILE` (the command is --cmd) and reads
the JSON contract: articles[0].blocks[*].{line, role} and
articles[0].findings[*].{family, line, text, severity}.

  recall     labelled artifacts matched by a finding of the same family on the same
             line whose text overlaps the labelled text
  precision  findings that match an artifact or an acceptable label, over all findings
             (findings of a neutral family, by default boilerplate_in_body, are left out,
             and labels of kind "other" or of a neutral family are acceptable, never required)
  roles      share of labelled lines whose first block has the labelled role
  fp/clean   findings per article on articles labelled machine_translated=false

Exit 0 when every threshold given holds; the last line printed is the summary.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path


def load_cases(paths: list[Path]) -> list[dict]:
    cases = []
    for p in paths:
        if p.is_dir():
            cases += load_cases(sorted(p.glob("*.labels.json")) + sorted(p.glob("labels.jsonl")))
        elif p.name.endswith(".labels.json"):
            lab = json.loads(p.read_text(encoding="utf-8"))
            lab["path"] = p.parent / lab["file"]
            cases.append(lab)
        elif p.suffix == ".jsonl":
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    lab = json.loads(line)
                    lab["path"] = p.parent / "articles" / f"{lab['id']}.txt"
                    cases.append(lab)
    return cases


def run_tqcheck(cmd: str, path: Path) -> dict:
    proc = subprocess.run(shlex.split(cmd) + ["check", "--format", "json", str(path)],
                          capture_output=True, text=True, timeout=120)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{path}: exit {proc.returncode}: {proc.stderr.strip()[-400:]}")
    data = json.loads(proc.stdout)
    return data["articles"][0]


def span(line: str, text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    i = line.find(text)
    return (i, i + len(text)) if i >= 0 else None


def overlaps(a, b) -> bool:
    return a is None or b is None or (a[0] < b[1] and b[0] < a[1])


def score_case(case: dict, art: dict, verbose: bool, neutral: set[str]) -> dict:
    lines = case["path"].read_text(encoding="utf-8").splitlines()
    findings = [f for f in art.get("findings", []) if f.get("family") not in neutral]
    skip = {"other"} | neutral
    required = [a for a in case.get("artifacts", []) if a["kind"] not in skip]
    optional = [a for a in case.get("artifacts", []) if a["kind"] in skip] + case.get("acceptable", [])
    first_role = {}
    for b in art.get("blocks", []):
        if b.get("line") is not None:
            first_role.setdefault(b["line"], b.get("role"))
    role_ok = role_n = 0
    confusions = Counter()
    for b in case.get("blocks", []):
        role_n += 1
        got = first_role.get(b["line"])
        if got == b["role"]:
            role_ok += 1
        else:
            confusions[(b["role"], got)] += 1

    def matches(f, lab):
        if f.get("line") != lab["line"] or f.get("family") != lab["kind"]:
            return False
        text = lines[lab["line"] - 1] if 0 < lab["line"] <= len(lines) else ""
        return overlaps(span(text, lab["text"]), span(text, f.get("text")))

    found = Counter()
    missed = []
    per_kind = defaultdict(lambda: [0, 0])
    for lab in required:
        hit = any(matches(f, lab) for f in findings)
        per_kind[lab["kind"]][1] += 1
        if hit:
            per_kind[lab["kind"]][0] += 1
        else:
            missed.append(lab)
    labels = required + optional
    false_pos = [f for f in findings if not any(matches(f, lab) for lab in labels)]
    if verbose:
        name = case["path"].name
        for lab in missed:
            print(f"  MISSED {name}:{lab['line']} {lab['kind']}: {lab['text'][:70]!r}")
        for f in false_pos:
            print(f"  EXTRA  {name}:{f.get('line')} {f.get('family')} {f.get('code')}: {str(f.get('text'))[:70]!r}")
        for (want, got), n in confusions.items():
            print(f"  ROLE   {name}: {want} read as {got} x{n}")
    return {"role_ok": role_ok, "role_n": role_n, "found": len(required) - len(missed),
            "wanted": len(required), "findings": len(findings), "false_pos": len(false_pos),
            "per_kind": dict(per_kind), "clean": not case.get("machine_translated", True)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path, help="*.labels.json, labels.jsonl, or folders of them")
    ap.add_argument("--cmd", default="tqcheck", help="how to call tqcheck (default: tqcheck)")
    ap.add_argument("--min-recall", type=float)
    ap.add_argument("--min-precision", type=float)
    ap.add_argument("--min-roles", type=float)
    ap.add_argument("--max-fp-per-clean", type=float)
    ap.add_argument("--neutral", default="boilerplate_in_body",
                    help="comma-separated families left out of precision (default: boilerplate_in_body)")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()

    cases = load_cases(args.paths)
    if not cases:
        print("no labelled articles found")
        return 2
    tot = Counter()
    kinds = defaultdict(lambda: [0, 0])
    clean_n = clean_fp = 0
    for case in cases:
        try:
            art = run_tqcheck(args.cmd, case["path"])
        except Exception as exc:  # a crash on one article is a finding of its own
            print(f"  ERROR  {case['path'].name}: {exc}")
            tot["errors"] += 1
            continue
        r = score_case(case, art, not args.quiet, set(filter(None, args.neutral.split(","))))
        for k in ("role_ok", "role_n", "found", "wanted", "findings", "false_pos"):
            tot[k] += r[k]
        for k, (a, b) in r["per_kind"].items():
            kinds[k][0] += a
            kinds[k][1] += b
        if r["clean"]:
            clean_n += 1
            clean_fp += r["findings"]
    recall = tot["found"] / tot["wanted"] if tot["wanted"] else 1.0
    precision = 1 - tot["false_pos"] / tot["findings"] if tot["findings"] else 1.0
    roles = tot["role_ok"] / tot["role_n"] if tot["role_n"] else 1.0
    fp_clean = clean_fp / clean_n if clean_n else 0.0
    for k, (a, b) in sorted(kinds.items()):
        print(f"  kind {k:20s} {a}/{b}")
    ok = tot["errors"] == 0
    ok &= args.min_recall is None or recall >= args.min_recall
    ok &= args.min_precision is None or precision >= args.min_precision
    ok &= args.min_roles is None or roles >= args.min_roles
    ok &= args.max_fp_per_clean is None or fp_clean <= args.max_fp_per_clean
    print(f"{'PASS' if ok else 'FAIL'} articles={len(cases)} errors={tot['errors']} "
          f"recall={recall:.3f} ({tot['found']}/{tot['wanted']}) precision={precision:.3f} "
          f"roles={roles:.3f} ({tot['role_ok']}/{tot['role_n']}) fp_per_clean={fp_clean:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
