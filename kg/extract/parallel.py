"""Extraction over several processes, streaming: papers in, extractions out, in order.

Each worker builds the pipeline once. Papers travel in chunks, and at most two
chunks per worker are in flight, so memory stays flat however long the input is.
A `then` function runs on each extraction inside the worker (the graph stage's
per-paper part), so the parent only receives its smaller result.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from kg.extract import build_nlp, extract
from kg.models import Paper, PaperExtraction

__all__ = ["default_workers", "extract_parallel"]

_nlp = None


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _init_worker() -> None:
    global _nlp
    _nlp = build_nlp()


def _extract_chunk(papers: list[Paper], then: Callable[[PaperExtraction], Any] | None) -> list[Any]:
    extractions = extract(papers, _nlp)
    return list(extractions if then is None else map(then, extractions))


def _chunks(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    iterator = iter(papers)
    while chunk := list(islice(iterator, size)):
        yield chunk


def extract_parallel(
    papers: Iterable[Paper],
    workers: int | None = None,
    chunk_size: int = 256,
    then: Callable[[PaperExtraction], Any] | None = None,
) -> Iterator[Any]:
    """Like ``extract``, over `workers` processes (default: one per core); output in input order.

    With `then` (a module-level function, so workers can receive it), each extraction is
    replaced by ``then(extraction)``, computed in the worker.
    """
    workers = workers or default_workers()
    if workers <= 1:
        extractions = extract(papers, build_nlp())
        yield from (extractions if then is None else map(then, extractions))
        return
    # fork shares the parent's loaded modules; where it is missing, spawn still works.
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    with mp.get_context(method).Pool(workers, initializer=_init_worker) as pool:
        pending: deque = deque()
        for chunk in _chunks(papers, chunk_size):
            pending.append(pool.apply_async(_extract_chunk, (chunk, then)))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
