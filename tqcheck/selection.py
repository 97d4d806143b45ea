"""Which rules run: --select/--ignore by code prefix, family or name; the longest prefix wins."""
from __future__ import annotations

from .model import FAMILIES, Severity
from .registry import RuleMeta


class SelectionError(ValueError):
    pass


def _matches(selector: str, meta: RuleMeta) -> int:
    """How specific a match the selector is for this rule (0 = no match)."""
    if selector in ("ALL", "all"):
        return 1
    if selector == meta.name:
        return 100
    if selector == meta.family:
        return 2
    if meta.code.startswith(selector.upper()) and selector.upper().startswith("TQ"):
        return 2 + len(selector)
    return 0


def validate(selectors: list[str], metas: list[RuleMeta]) -> None:
    for sel in selectors:
        if sel in ("ALL", "all") or sel in FAMILIES:
            continue
        if not any(_matches(sel, m) for m in metas):
            raise SelectionError(f"unknown rule selector {sel!r} (a code prefix like TQ2, a family or a rule name)")


def is_selected(meta: RuleMeta, select: list[str], ignore: list[str]) -> bool:
    """flake8's rule: the most specific matching selector decides; ties go to select.

    Without --select the default rules run; an opt-in rule needs a selector naming its code,
    name or family ("ALL" does not switch opt-in rules on).
    """
    if select:
        best_select = max((_matches(s, meta) for s in select if meta.default or s not in ("ALL", "all")),
                          default=0)
    else:
        best_select = 1 if meta.default else 0
    best_ignore = max((_matches(s, meta) for s in ignore), default=0)
    return best_select > 0 and best_select >= best_ignore


def severity_for(meta: RuleMeta, overrides) -> Severity:
    """The rule's severity: the most specific (selector, severity) override that matches it
    (a name beats a code prefix, a longer prefix a shorter one, any of them a family), else
    its default."""
    best, severity = 0, meta.severity
    for selector, sev in overrides:
        rank = _matches(selector, meta)
        if rank > best:
            best, severity = rank, sev
    return severity


def split_list(values: tuple[str, ...] | list[str]) -> list[str]:
    """Accept both repeated options and comma-separated lists."""
    return [p.strip() for v in values for p in v.split(",") if p.strip()]
