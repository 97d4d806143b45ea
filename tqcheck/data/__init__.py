"""Language knowledge lives in data files beside this module; this loads them once.

Each file starts with a ``# source:`` comment naming where its facts come from.
"""
from __future__ import annotations

import csv
import tomllib
from functools import lru_cache
from importlib.resources import files


def path(name: str):
    return files(__name__).joinpath(name)


@lru_cache(maxsize=None)
def toml(name: str) -> dict:
    return tomllib.loads(path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated file with a header line; '#' lines are comments."""
    lines = [ln for ln in path(name).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
