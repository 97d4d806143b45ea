"""Checking on a Dask cluster: `tqcheck check --scheduler`, and a Python API for archives.

Two ways in, one set of rules:

- ``results(raws, checker, scheduler)`` is what ``tqcheck check --scheduler tcp://host:8786``
  runs: this process reads the inputs, keeps the run (TQ204) and writes the reports; the
  cluster's workers check the articles in batches (``parallel.ordered`` over the client's
  executor), so the reports are byte-identical to ``--jobs 1``.
- ``read_archive``, ``check_bag``, ``check_dataframe``, ``write_results`` and ``run_findings``
  map a Dask bag of article records (or a Dask dataframe with one row per article) to the JSON's
  article objects or to one row per finding, partition by partition: nothing but the run-level
  observations comes back to the client, so an archive may be far bigger than one machine.

Records become articles by the rules of ``tqcheck.inputs.jsonl`` (the reader of JSON lines):
fields id, title, text or html, lang, url; a record's ``source`` (when given) names where it
came from, else ``NAME:PARTITION:N``. Dask is an optional dependency (``pip install
'tqcheck[dask]'``); this module imports it only when called.
"""
from __future__ import annotations

import json
import logging
import math
import os
import warnings
from concurrent.futures import BrokenExecutor, CancelledError
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Iterable, Iterator

from . import __version__
from .engine import Checker, Settings
from .inputs.base import DEFAULT_MAX_BYTES, IdAllocator, RawArticle, path_id, slug
from .inputs.jsonl import parse_line, parse_record
from .model import ArticleResult, RunFinding
from .reporters.json_report import article_dict

CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler and to see a first worker
INSTALL_HINT = "install tqcheck[dask] (pip install 'tqcheck[dask]') for Dask support"
ROW_COLUMNS = ("article", "source", "lang", "code", "name", "family", "severity", "block", "line",
               "start", "end", "text", "message", "suggestion")
_INT_COLUMNS = frozenset({"block", "line", "start", "end"})
_UTF8_BOM = b"\xef\xbb\xbf"


class DistributedError(Exception):
    """A one-line reason why the cluster cannot be used (no dask, no scheduler, no workers)."""


# -- the command line: `tqcheck check --scheduler ADDRESS` -----------------------------------

def _require_distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DistributedError(f"--scheduler needs Dask's distributed package ({exc}); {INSTALL_HINT}") from None
    return distributed


@contextmanager
def _quiet_logs():
    """Dask logs each failed connection attempt; the one-line error says it all."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def connect(address: str, timeout: float | None = None):
    """A distributed.Client on the scheduler at `address` with at least one worker that runs
    this version of tqcheck; DistributedError (one line) when that cannot be had within
    `timeout` seconds (default CONNECT_TIMEOUT)."""
    distributed = _require_distributed()
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    try:  # a malformed address fails here rather than half-way through starting a client
        from distributed.comm import get_address_host_port
        get_address_host_port(address)
    except (ValueError, TypeError) as exc:
        raise DistributedError(f"not a Dask scheduler address: {address!r} ({' '.join(str(exc).split())}); "
                               f"give one like tcp://host:8786") from None
    with _quiet_logs():
        try:
            client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except Exception as exc:  # noqa: BLE001 - refused, unresolvable, timed out: one line for them all
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise DistributedError(f"cannot reach the Dask scheduler at {address} within {timeout:g} s "
                                   f"({reason})") from None
    try:
        with _quiet_logs():
            try:
                client.wait_for_workers(1, timeout=timeout)
            except (OSError, TimeoutError):
                raise DistributedError(f"the Dask scheduler at {address} has no workers (none joined within "
                                       f"{timeout:g} s); start some with `dask worker {address}`") from None
            versions = client.run(_worker_version, on_error="return")
        for worker, version in sorted(versions.items()):
            if isinstance(version, BaseException):
                raise DistributedError(f"Dask worker {worker} cannot run tqcheck ({type(version).__name__}: "
                                       f"{version}); install tqcheck {__version__} on every worker")
            if version != __version__:
                raise DistributedError(f"Dask worker {worker} runs tqcheck {version}, this is {__version__}; "
                                       f"install the same version everywhere")
    except BaseException:
        client.close()
        raise
    return client


def _worker_version() -> str:
    from tqcheck import __version__ as version
    return version


def results(raws: Iterable[RawArticle], checker: Checker, scheduler, *, close: bool | None = None,
            timeout: float | None = None) -> Iterator[ArticleResult]:
    """The results of checking `raws` on the cluster, in input order (like parallel.check_stream).

    `scheduler` is an address (tcp://host:8786) or a distributed.Client. An address is connected
    to now (DistributedError if it cannot be), not at the first result; the client is closed
    when the results end if this function made it (or `close` is true). A worker lost for good
    or a lost scheduler ends the results with BrokenExecutor, as a dead --jobs worker does."""
    client = connect(scheduler, timeout) if isinstance(scheduler, str) else scheduler
    if close is None:
        close = isinstance(scheduler, str)
    return _results(raws, checker, client, close)


def _results(raws, checker: Checker, client, close: bool) -> Iterator[ArticleResult]:
    from .parallel import ordered
    try:
        workers = max(1, sum(client.nthreads().values()))
        # pure=False: a batch is not hashed to name its task (that costs as much as checking it)
        executor = client.get_executor(pure=False)
        try:
            yield from ordered(executor, checker.settings, raws, workers)
        except (CancelledError, OSError) as exc:
            raise BrokenExecutor(f"the Dask cluster went away: {type(exc).__name__}: {exc}") from exc
        except Exception as exc:
            if type(exc).__name__ in ("KilledWorker", "CommClosedError", "FutureCancelledError"):
                raise BrokenExecutor(f"Dask: {exc}") from exc
            raise
    finally:
        if close:
            with _quiet_logs():
                client.close()


# -- the Python API for archives --------------------------------------------------------------

def _require_dask():
    try:
        import dask
    except ImportError as exc:
        raise ImportError(f"tqcheck.distributed needs Dask ({exc}); {INSTALL_HINT}") from None
    return dask


def _is_dataframe(collection) -> bool:
    import dask.dataframe as dd
    return isinstance(collection, dd.DataFrame)


def read_archive(path: str, *, blocksize: int | str | None = None, max_bytes: int = DEFAULT_MAX_BYTES):
    """An archive as a Dask collection: Parquet (a .parquet/.pq file, a folder of them, or a
    glob) as a dataframe, one row per article; anything else as a bag of RawArticle.

    Local files (a path, a glob, a list) are read one partition per file by the reader of
    `tqcheck check FILE`: JSON lines in any encoding it reads (UTF-8, UTF-16 with a BOM…), a
    whole JSON array, a feed, text or HTML, with the same ids, FILE:LINE sources and an error
    entry for a line that is not a record. With a `blocksize` (e.g. "64MiB"), or for remote
    paths (s3://…, read through fsspec), JSON lines are split by Dask's text reader instead,
    as UTF-8; a record without url is then located as FILE#PARTITION:LINE-IN-PARTITION. Ids
    are made unique within a partition."""
    _require_dask()
    import dask
    import dask.bag as db

    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    paths = [os.fspath(p) for p in paths]
    if all(_is_parquet(p) for p in paths):
        import dask.dataframe as dd
        return dd.read_parquet(paths[0] if len(paths) == 1 else paths)
    if blocksize is None and not any("://" in p for p in paths):
        files = _local_files(paths)
        if not files:
            raise FileNotFoundError(f"no files match {', '.join(paths)}")
        return db.from_delayed([dask.delayed(_archive_file)(f, max_bytes) for f in files])
    # surrogateescape keeps every byte, so each line is decoded by the JSON lines reader's rules
    lines = db.read_text(paths if len(paths) > 1 else paths[0], blocksize=blocksize, encoding="utf-8",
                         errors="surrogateescape", include_path=True)
    parts = lines.to_delayed()
    split = blocksize is not None
    return db.from_delayed([dask.delayed(_archive_lines)(part, p if split else None, max_bytes)
                            for p, part in enumerate(parts)])


def _local_files(paths: list[str]) -> list[str]:
    """Each path as given (a folder is read as `tqcheck check FOLDER` reads it), or the sorted
    paths a glob in it matches."""
    import glob
    out = []
    for p in paths:
        out.extend(sorted(glob.glob(p)) if glob.has_magic(p) else [p])
    return out


def _archive_file(path: str, max_bytes: int) -> list[RawArticle]:
    from .inputs import InputOptions, read_source
    ids = IdAllocator()
    return [ids.assign(a) for a in read_source(path, InputOptions(max_bytes=max_bytes, offline=True))]


def _is_parquet(path: str) -> bool:
    if path.lower().endswith((".parquet", ".pq")):
        return True
    if os.path.isdir(path):
        return any(n.lower().endswith((".parquet", ".pq")) for n in os.listdir(path))
    return False


def _archive_lines(lines: list[tuple[str, str]], part: int | None, max_bytes: int) -> list[RawArticle]:
    ids, out = IdAllocator(), []
    for n, (text, file) in enumerate(lines, start=1):
        data = text.encode("utf-8", "surrogateescape")
        if n == 1 and part is None and data.startswith(_UTF8_BOM):
            data = data[len(_UTF8_BOM):]
        source = file if part is None else f"{file}#{part}"
        base_id = path_id(file) if part is None else f"{path_id(file)}-{part}"
        line = None if len(data.rstrip(b"\r\n")) > max_bytes else data
        out.extend(ids.assign(a) for a in parse_line(n, line, source=source, base_id=base_id, max_bytes=max_bytes))
    return out


def _plain(value: Any) -> Any:
    """A record's value as the JSON reader would have it: numpy scalars as Python ones, missing
    values (None, NaN, pandas.NA) as None."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (TypeError, ValueError):
            return value
        return None if isinstance(value, float) and math.isnan(value) else value
    return value


def _records(part) -> list:
    """A partition's elements: a pandas DataFrame's rows as dicts, a bag's list as is."""
    if hasattr(part, "to_dict") and hasattr(part, "columns"):
        return part.to_dict("records")
    return list(part)


def _raw(item, name: str, p: int, i: int) -> RawArticle:
    """A bag element or dataframe row as a RawArticle (a RawArticle stays as it is)."""
    if isinstance(item, RawArticle):
        return item
    fallback_where, fallback_id = f"{name}:{p}:{i}", f"{slug(name) or 'record'}-{p}-{i}"
    if not isinstance(item, dict):
        return parse_record(item, source=name, where=fallback_where, label=f"record {p}:{i}",
                             fallback_id=fallback_id)
    record = {k: _plain(v) for k, v in item.items()}
    given = record.get("source")
    where = given.strip() if isinstance(given, str) and given.strip() else fallback_where
    return parse_record(record, source=name, where=where, label=f"record {where}", fallback_id=fallback_id)


def _check_partition(part, settings: Settings, name: str, p: int) -> list[ArticleResult]:
    from .parallel import _worker_checker
    checker = _worker_checker(settings)  # one per worker process, as for --jobs and --scheduler
    ids = IdAllocator()
    return [checker.check_article(ids.assign(_raw(item, name, p, i)))
            for i, item in enumerate(_records(part), start=1)]


def _articles_partition(part, settings: Settings, name: str, p: int) -> list[dict]:
    return [article_dict(r) for r in _check_partition(part, settings, name, p)]


def finding_rows(result: ArticleResult) -> list[dict]:
    """One row per finding of one article (the columns of check_dataframe)."""
    doc = result.document
    return [{"article": doc.id, "source": doc.source, "lang": doc.lang, "code": f.code, "name": f.name,
             "family": f.family, "severity": str(f.severity), "block": f.block, "line": f.line,
             "start": f.start, "end": f.end, "text": f.text, "message": f.message,
             "suggestion": f.suggestion} for f in result.findings]


def _rows_frame(rows: list[dict]):
    import pandas as pd
    frame = pd.DataFrame(rows, columns=list(ROW_COLUMNS))
    return frame.astype({c: ("int64" if c in _INT_COLUMNS else pd.StringDtype()) for c in ROW_COLUMNS})


def _rows_partition(part, settings: Settings, name: str, p: int):
    return _rows_frame([row for r in _check_partition(part, settings, name, p) for row in finding_rows(r)])


def rows_meta():
    """The empty dataframe that declares check_dataframe's columns and dtypes."""
    return _rows_frame([])


def _partitions(collection, settings: Settings | None, name: str, func) -> list:
    import dask
    settings = settings or Settings()
    Checker(settings)  # a bad selection fails here, not on every worker
    return [dask.delayed(func, pure=True)(part, settings, name, p)
            for p, part in enumerate(collection.to_delayed())]


def check_results(collection, settings: Settings | None = None, *, name: str = "archive"):
    """A bag of ArticleResult, one per record, in the collection's order (for your own
    reporting; check_bag and check_dataframe ship less back)."""
    _require_dask()
    import dask.bag as db
    return db.from_delayed(_partitions(collection, settings, name, _check_partition))


def check_bag(collection, settings: Settings | None = None, *, name: str = "archive"):
    """A bag of the JSON report's article objects (`article_dict`), one per record, in order.

    `collection`: a Dask bag of records (dicts: id, text or html, lang, title, url, source) or
    of RawArticle (read_archive), or a Dask dataframe with those columns. `name` stands for the
    collection in the source of a record that has neither url nor source (NAME:PARTITION:N)."""
    _require_dask()
    import dask.bag as db
    return db.from_delayed(_partitions(collection, settings, name, _articles_partition))


def check_dataframe(collection, settings: Settings | None = None, *, name: str = "archive"):
    """A Dask dataframe with one row per finding: article (id), source, lang (the article's),
    code, name, family, severity, block, line, start, end, text, message, suggestion (meta:
    rows_meta()). Articles without findings give no row; their errors are in check_bag's objects."""
    _require_dask()
    import dask.dataframe as dd
    return dd.from_delayed(_partitions(collection, settings, name, _rows_partition), meta=rows_meta(),
                           verify_meta=False)


def _json_line(article: dict) -> str:
    return json.dumps(article, ensure_ascii=False, sort_keys=True)


def _part_name(i: int) -> str:
    return f"{i:06d}"


def write_results(collection, path: str, format: str = "jsonl", settings: Settings | None = None, *,
                  name: str = "archive") -> None:
    """Check the collection and write the results partition by partition into the folder `path`:
    "jsonl": 000000.jsonl, 000001.jsonl… with one article object (check_bag) per line;
    "parquet": part.000000.parquet… with the finding rows (check_dataframe)."""
    _require_dask()
    if format == "jsonl":
        os.makedirs(path, exist_ok=True)
        check_bag(collection, settings, name=name).map(_json_line).to_textfiles(
            os.path.join(os.fspath(path), "*.jsonl"), name_function=_part_name, encoding="utf-8", last_endline=True)
    elif format == "parquet":
        check_dataframe(collection, settings, name=name).to_parquet(
            os.fspath(path), write_index=False, name_function=lambda i: f"part.{_part_name(i)}.parquet")
    else:
        raise ValueError(f"unknown format {format!r} (jsonl or parquet)")


def _run_settings(settings: Settings) -> Settings | None:
    """The settings with only the selected run rules (TQ204…): their observations need the
    split and the languages, not the article detectors. None when no run rule is selected."""
    codes = tuple(d.meta.code for d in Checker(settings).run_rules)
    return replace(settings, select=codes, ignore=()) if codes else None


def _observations_partition(part, settings: Settings, name: str, p: int) -> list[tuple]:
    """(observations, the document without its blocks) per article that has observations:
    all a Run needs (rules add by article identity), and little to ship to the client."""
    return [(r.observations, replace(r.document, blocks=())) for r in _check_partition(part, settings, name, p)
            if r.observations]


def run_findings(collection, settings: Settings | None = None, *, name: str = "archive") -> tuple[RunFinding, ...]:
    """The run-level findings (TQ204: one entity spelled several ways across articles) of the
    whole collection, as `tqcheck check` makes them over the same articles in the same order.

    The workers split each article and note what the run rules observe; the notes come back
    and are merged here, partition by partition in order, with a Run (as the CLI does). Uses
    the current Dask scheduler (a distributed Client if one is the default). Rule failures are
    reported as warnings, as the CLI reports them as errors without stopping."""
    _require_dask()
    import dask
    settings = settings or Settings()
    only_run = _run_settings(settings)
    if only_run is None:
        return ()
    run = Checker(only_run).start_run()
    failures = []
    for part in dask.compute(*_partitions(collection, only_run, name, _observations_partition)):
        for observations, doc in part:
            added = run.add(ArticleResult(doc, (), (), observations))
            failures.extend(f"{doc.source}: {e.message} ({e.code})" for e in added.errors)
    findings, errors = run.finish()
    failures.extend(f"the run's {code}: {message}" for code, message in errors)
    for failure in failures:
        warnings.warn(f"tqcheck: {failure}", RuntimeWarning, stacklevel=2)
    return findings


__all__ = ["DistributedError", "connect", "results", "read_archive", "check_results", "check_bag",
           "check_dataframe", "finding_rows", "rows_meta", "write_results", "run_findings", "ROW_COLUMNS"]
