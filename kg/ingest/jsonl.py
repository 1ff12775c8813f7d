"""JSONL reader: one JSON object per line, plain or gzip (``.jsonl.gz``), streamed.

Each object needs a ``title``; the other fields map as ``kg.ingest.records`` says.
A line that is not JSON, not an object, or has no title is skipped with a warning
naming file and line; the rest of the file is read. Blank lines are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.models import Paper

from .records import paper_from_record
from .summary import IngestSummary
from .textio import iter_lines

__all__ = ["read_jsonl", "parse_jsonl_lines"]


def parse_jsonl_lines(
    lines: Iterable[tuple[int, str]], source: str, summary: IngestSummary | None = None
) -> Iterator[Paper]:
    """Papers from numbered JSONL lines; ``source`` names the file in sources and warnings.

    >>> lines = [(1, '{"title": "A", "abstract": "x"}'), (2, '{oops'), (3, '{"title": "B"}')]
    >>> summary = IngestSummary()
    >>> [p.title for p in parse_jsonl_lines(lines, "s.jsonl", summary)], summary.skipped
    (['A', 'B'], 1)
    """
    summary = summary if summary is not None else IngestSummary()
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            summary.skip(f"{where}: not valid JSON ({err.msg} at column {err.colno}); skipped")
            continue
        if not isinstance(record, dict):
            summary.skip(f"{where}: a JSON {type(record).__name__}, not an object; skipped")
            continue
        try:
            yield paper_from_record(record, where, summary)
        except InputError as err:
            summary.skip(str(err))


def read_jsonl(path: str | Path, summary: IngestSummary | None = None) -> Iterator[Paper]:
    """Stream the papers of a ``.jsonl``/``.ndjson`` file, gzip-compressed or not.

    Raises InputError when the file is binary or its gzip stream is broken.
    """
    path = Path(path)
    return parse_jsonl_lines(iter_lines(path, summary), str(path), summary)
