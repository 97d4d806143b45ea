"""A newsroom's settings: `[tool.tqcheck]` in pyproject.toml or the same keys in tqcheck.toml.

Found from the current folder upwards (the first tqcheck.toml, .tqcheck.toml, or
pyproject.toml with a [tool.tqcheck] table), or named with --config. Command-line options win
over the file. Every key is checked: an unknown key or a wrong value is a one-line error
naming the file and the key, never a silent default.

    select = ["ALL"]                 # rules on: codes, code prefixes, families, names
    ignore = ["TQ101"]
    fail-on = "warning"              # exit 1 from this severity up
    max-article-chars = 2000000
    article-timeout = 30

    [severity]                       # per rule, family or code prefix (most specific wins)
    TQ101 = "warning"

    [[sources]]                      # which language(s) a source is expected in
    match = ["feeds/partner-de/*", "https://partner.example/de/*"]
    lang = ["de"]

    [house-spellings.en]             # the house spelling, then the forms it replaces
    Zelenskyy = ["Zelensky", "Zelenskiy"]

    [notices]                        # more leftover-notice phrases, per language (TQ102)
    en = ["This story was machine-translated"]
"""
from __future__ import annotations

import difflib
import fnmatch
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .model import Severity

FILE_NAMES = ("tqcheck.toml", ".tqcheck.toml")
LANG_RE = re.compile(r"^[a-z]{2,3}$")
TOP_KEYS = ("select", "ignore", "fail-on", "max-article-chars", "article-timeout", "severity", "sources",
            "house-spellings", "notices")
SOURCE_KEYS = ("match", "lang")


class FrozenDict(dict):
    """A read-only dict that pickles (settings travel to worker processes)."""

    def _read_only(self, *args, **kwargs):
        raise TypeError("configuration values are read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _read_only  # type: ignore

    def __reduce__(self):
        return (type(self), (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


EMPTY = FrozenDict()


class ConfigError(ValueError):
    """A configuration that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class SourceLanguages:
    patterns: tuple[str, ...]  # shell-style globs over an article's source (path, URL, FEED#guid)
    langs: tuple[str, ...]

    def matches(self, source: str) -> bool:
        return any(fnmatch.fnmatchcase(s, p) for p in self.patterns for s in _source_forms(source))


def _source_forms(source: str) -> tuple[str, ...]:
    """The source as given, and the file or feed it came from ("feed.xml#guid" -> "feed.xml",
    "export.jsonl:17" -> "export.jsonl")."""
    forms = [source]
    base = source.split("#", 1)[0]
    head, _, tail = base.rpartition(":")
    if head and tail.isdigit():
        base = head
    if base != source:
        forms.append(base)
    return tuple(forms)


@dataclass(frozen=True)
class RuleOptions:
    """What a newsroom tells the rules; rules read it through ctx.options."""

    # lang -> foreign or variant form -> the house spelling that replaces it
    house_spellings: Mapping[str, Mapping[str, str]] = EMPTY
    notices: Mapping[str, tuple[str, ...]] = EMPTY
    sources: tuple[SourceLanguages, ...] = ()

    def house(self, lang: str) -> Mapping[str, str]:
        return self.house_spellings.get(lang, EMPTY)

    def house_forms(self, lang: str) -> frozenset[str]:
        return frozenset(self.house(lang).values())

    def expected_languages(self, source: str) -> tuple[str, ...]:
        """The languages the first matching [[sources]] entry expects (none: no expectation)."""
        return next((s.langs for s in self.sources if s.matches(source)), ())


NO_OPTIONS = RuleOptions()


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    max_article_chars: int | None = None
    article_timeout: float | None = None
    severity: tuple[tuple[str, Severity], ...] = ()  # (selector, severity), as written
    options: RuleOptions = NO_OPTIONS


def find(start: Path | None = None) -> Path | None:
    """The configuration that applies in `start` (default: the current folder) or above."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in FILE_NAMES:
            if (folder / name).is_file():
                return folder / name
        py = folder / "pyproject.toml"
        if py.is_file() and _has_tool_table(py):
            return py
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "tqcheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # not ours to complain about unless it holds our table


def load(path: Path | str | None = None, *, discover: bool = True) -> Config:
    """The Config from `path`, else the one found from the current folder up, else defaults."""
    if path is None:
        path = find() if discover else None
        if path is None:
            return Config()
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        table, where = raw.get("tool", {}).get("tqcheck"), "[tool.tqcheck]"
        if table is None:
            raise ConfigError(f"{path}: has no [tool.tqcheck] table")
    else:
        table, where = raw, ""
    return parse(table, path, where)


def parse(table: Mapping[str, Any], path: Path | None = None, where: str = "") -> Config:
    """Check every key and value of a configuration table and build the Config."""
    p = _Parser(path, where)
    p.keys(table, TOP_KEYS, "")
    sev = p.table(table, "severity")
    severity = tuple((sel, p.severity(v, f"severity.{sel}")) for sel, v in sev.items())
    sources = []
    raw_sources = table.get("sources", [])
    if not isinstance(raw_sources, list):
        p.fail("sources", "must be a list of tables ([[sources]])")
    for i, src in enumerate(raw_sources):
        key = f"sources[{i}]"
        if not isinstance(src, dict):
            p.fail(key, "must be a table with match and lang")
        p.keys(src, SOURCE_KEYS, key + ".")
        if "match" not in src or "lang" not in src:
            p.fail(key, "needs both match and lang")
        sources.append(SourceLanguages(p.strings(src["match"], f"{key}.match"),
                                       tuple(p.lang(x, f"{key}.lang") for x in p.strings(src["lang"], f"{key}.lang"))))
    house: dict[str, dict[str, str]] = {}
    for lang, spellings in p.table(table, "house-spellings").items():
        p.lang(lang, f"house-spellings.{lang}")
        if not isinstance(spellings, dict):
            p.fail(f"house-spellings.{lang}", 'must be a table: House = ["variant", ...]')
        out = house.setdefault(lang, {})
        for house_form, variants in spellings.items():
            for v in p.strings(variants, f"house-spellings.{lang}.{house_form}"):
                if v == house_form:
                    p.fail(f"house-spellings.{lang}.{house_form}", "lists the house spelling itself as a variant")
                if v in out and out[v] != house_form:
                    p.fail(f"house-spellings.{lang}.{house_form}", f"{v!r} is already replaced by {out[v]!r}")
                out[v] = house_form
    notices = {}
    for lang, phrases in p.table(table, "notices").items():
        p.lang(lang, f"notices.{lang}")
        notices[lang] = p.strings(phrases, f"notices.{lang}")
    fail_on = table.get("fail-on")
    if fail_on is not None:
        p.severity(fail_on, "fail-on")
    limit = table.get("max-article-chars")
    if limit is not None and (type(limit) is not int or limit < 1):
        p.fail("max-article-chars", "must be a whole number above 0")
    timeout = table.get("article-timeout")
    if timeout is not None and (type(timeout) not in (int, float) or timeout <= 0):
        p.fail("article-timeout", "must be a number of seconds above 0")
    options = RuleOptions(
        house_spellings=FrozenDict({k: FrozenDict(v) for k, v in sorted(house.items())}),
        notices=FrozenDict(sorted(notices.items())), sources=tuple(sources))
    return Config(path=path, select=p.strings(table.get("select", []), "select"),
                  ignore=p.strings(table.get("ignore", []), "ignore"), fail_on=fail_on,
                  max_article_chars=limit, article_timeout=float(timeout) if timeout is not None else None,
                  severity=severity, options=options)


class _Parser:
    def __init__(self, path: Path | None, where: str):
        self.prefix = f"{path}: " if path else ""
        self.where = f"{where} " if where else ""

    def fail(self, key: str, problem: str):
        raise ConfigError(f"{self.prefix}{self.where}{key}: {problem}")

    def keys(self, table: Mapping, known: tuple[str, ...], prefix: str) -> None:
        for key in table:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(known)})"
                self.fail(prefix + key, f"unknown key{hint}")

    def table(self, table: Mapping, key: str) -> Mapping:
        value = table.get(key, {})
        if not isinstance(value, dict):
            self.fail(key, "must be a table")
        return value

    def strings(self, value, key: str) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, "must be a string or a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def severity(self, value, key: str) -> Severity:
        try:
            return Severity.parse(value) if isinstance(value, str) else Severity.parse(repr(value))
        except ValueError:
            self.fail(key, f"{value!r} is not a severity (info, warning, error)")

    def lang(self, value: str, key: str) -> str:
        if not LANG_RE.match(value):
            self.fail(key, f"{value!r} is not a language code (ISO 639-1, e.g. en, de)")
        return value
