"""Checking a stream of articles on several cores (or a Dask cluster), results in input order.

The reader stays in this process; articles go to workers in batches and their results come
back in the order they were read, so every report is byte-identical whatever the number of
workers. At most `window` batches are in flight at once: memory stays flat however long the
input is, and a slow reader or a slow worker holds the others back instead of queueing
without end. Any `concurrent.futures.Executor` works: a process pool for `--jobs`, or a Dask
client's executor for `--scheduler`.
"""
from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from itertools import islice
from typing import Iterable, Iterator

from .engine import Checker, Settings
from .model import ArticleResult

BATCH = 32  # articles per task: enough to make the pickling round trip cheap per article
WINDOW_PER_WORKER = 4  # batches in flight per worker

_checker: tuple[Settings, Checker] | None = None  # one per worker process, built on first use


def _worker_checker(settings: Settings) -> Checker:
    global _checker
    if _checker is None or _checker[0] != settings:
        _checker = (settings, Checker(settings))
    return _checker[1]


def check_batch(settings: Settings, raws: list) -> list[ArticleResult]:
    """Check RawArticles in a worker (the same Checker serves every batch it gets)."""
    checker = _worker_checker(settings)
    return [checker.check_article(raw) for raw in raws]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover (macOS, Windows)
        return max(1, os.cpu_count() or 1)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ordered(executor: Executor, settings: Settings, raws: Iterable, workers: int,
            batch: int = BATCH) -> Iterator[ArticleResult]:
    """Results of checking `raws` on `executor`, in input order, with a bounded window."""
    pending: deque[Future] = deque()
    window = max(2, workers * WINDOW_PER_WORKER)
    try:
        for chunk in _batches(raws, batch):
            pending.append(executor.submit(check_batch, settings, chunk))
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except KeyboardInterrupt:
        # Ctrl-C reaches this process only (workers ignore it): batches not started are
        # dropped, the ones being checked are finished (a few seconds at most) and handed
        # over in order, then the run stops. A second Ctrl-C stops at once.
        for future in pending:
            future.cancel()
        while pending and not pending[0].cancelled():
            try:
                done = pending.popleft().result()
            except Exception:  # noqa: BLE001 - a broken batch ends the hand-over, not the report
                break
            yield from done
        raise
    finally:
        for future in pending:  # stopped early (Ctrl-C, an error): drop what was not started
            future.cancel()


def check_stream(raws: Iterable, checker: Checker, jobs: int = 1) -> Iterator[ArticleResult]:
    """Check articles with `jobs` worker processes (1: in this process, with `checker`), in
    input order. Workers are forked from this process after its checker has loaded every word
    list and language profile, so they start at once and share that memory."""
    if jobs <= 1:
        for raw in raws:
            yield checker.check_article(raw)
        return
    checker.warm_up()
    freeze_loaded()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_fork_context(), initializer=_init_worker)
    try:
        yield from ordered(pool, checker.settings, raws, jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def freeze_loaded() -> None:
    """Move everything loaded so far (word lists, profiles, tables: never garbage) out of the
    garbage collector's sight. A full collection, which unpickling a few batches of results
    triggers, then walks only new objects (it was 6x the cost of the unpickling itself), and
    forked workers do not write to, and so copy, the pages those objects live on."""
    import gc
    gc.collect()
    gc.freeze()


def _fork_context():
    """fork where the platform has it (Linux: workers share the loaded data), else spawn."""
    import multiprocessing
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _init_worker() -> None:
    """Workers ignore Ctrl-C: the parent stops them and reports what was finished."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
