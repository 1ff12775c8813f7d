"""Ingest: files and directories -> Iterator[Paper], one paper per id.

Readers, one per format, picked by extension, else by content (``detect_format``):

- listing dumps (``.txt``, ``.md``): ``kg.ingest.listing``
- JSONL (``.jsonl``, ``.ndjson``, ``.jsonl.gz``): ``kg.ingest.jsonl``
- CSV (``.csv``, ``.tsv``): ``kg.ingest.csv_reader``

Any of these may be gzip-compressed (``.jsonl.gz``, ``.csv.gz``...).

Duplicates (the same id more than once, in one file or several; or a paper known
only by its title id, "t-...", and the same title with an arXiv id) become one
paper: first non-null value per field, upvotes the maximum, sources concatenated
(``kg.ingest.merge``). Merging needs every occurrence before a paper is yielded,
while a JSONL corpus of a million abstracts must stream. So ``read_papers``:

1. reads all listing and CSV files first (page dumps and hand-made tables are
   small) and merges them, in memory, by id;
2. then streams the JSONL files in order: a record that is one of the papers of
   step 1 is merged into that paper (which is not yielded yet); a record of a paper
   already yielded from JSONL is counted in ``summary.duplicates`` and dropped, its
   metadata lost; any other record is yielded at once. Only the ids of streamed
   papers are kept;
3. last, yields the merged papers of step 1, in the order they were first read.

When two occurrences merge, the one from the file named first wins, whatever the
reading order. Papers come out JSONL first, then listing and CSV.

>>> papers = list(read_papers(["examples/000_3472a3ad1e7b0f8f.txt"]))
>>> len(papers), papers[0].title
(57, 'Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data')
"""

from __future__ import annotations

import csv as _csv
import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

from kg.errors import InputError
from kg.models import Paper

from .csv_reader import read_csv
from .ids import title_id
from .jsonl import read_jsonl
from .listing import read_listing
from .merge import MergeBuffer
from .checks import checked_paper
from .summary import IngestSummary, logger
from .textio import head_encoding, looks_like_html, read_head

__all__ = ["read_papers", "IngestSummary", "detect_format", "sniff_format", "iter_input_files"]

Format = Literal["listing", "jsonl", "csv"]

_EXTENSIONS: dict[str, Format] = {
    ".txt": "listing",
    ".md": "listing",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}
_READERS: dict[Format, Callable[[Path, IngestSummary], Iterator[Paper]]] = {
    "listing": read_listing,
    "jsonl": read_jsonl,
    "csv": read_csv,
}
# Documentation that lives beside data files (examples/README.md) is not data.
_SKIPPED_NAMES = ("readme*.md",)


def sniff_format(head: str) -> Format:
    """The format of a file from its first characters.

    A first non-blank character ``{`` means JSONL; a first line with a ``title`` cell
    (comma- or tab-separated) means CSV; anything else is a listing dump.

    >>> sniff_format('\\n{"title": "A"}'), sniff_format("Title,Abstract\\n"), sniff_format("new\\n")
    ('jsonl', 'csv', 'listing')
    """
    text = head.lstrip()
    if text.startswith("{"):
        return "jsonl"
    if text.startswith("["):
        raise InputError("a JSON array is not supported; write one JSON object per line (JSONL)")
    first_line = text.split("\n", 1)[0]
    for delimiter in (",", "\t"):
        try:
            cells = next(_csv.reader([first_line], delimiter=delimiter))
        except (_csv.Error, StopIteration):
            continue
        if len(cells) > 1 and "title" in (cell.strip().lower() for cell in cells):
            return "csv"
    return "listing"


def detect_format(path: Path) -> Format:
    """The format of ``path``: by extension (``.gz`` looked through), else sniffed.

    Raises InputError when the file must be sniffed and cannot be read.
    """
    name = path.name.lower().removesuffix(".gz")
    suffix = os.path.splitext(name)[1]
    if suffix in (".html", ".htm") or (suffix not in _EXTENSIONS and looks_like_html(read_head(path))):
        raise InputError(
            f"{path}: an HTML page; save the page's text (as the listing dumps in examples/ are) or give JSONL/CSV"
        )
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    head = read_head(path)
    try:
        return sniff_format(head)
    except InputError as err:
        raise InputError(f"{path}: {err}") from err


def _is_skipped(name: str) -> bool:
    lowered = name.lower()
    return name.startswith(".") or any(fnmatch.fnmatch(lowered, p) for p in _SKIPPED_NAMES)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named in ``paths``, directories walked recursively in sorted order.

    In directories, hidden files and folders and README*.md are skipped; files named
    directly are always read. A file reached twice is listed once. Raises InputError
    for a path that does not exist.
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root, f) for f in sorted(files) if not _is_skipped(f))
        elif path.exists():
            found = [path]
        else:
            raise InputError(f"{path}: no such file or directory; check the path")
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file


def read_papers(
    paths: Iterable[str | Path], summary: IngestSummary | None = None
) -> Iterator[Paper]:
    """Read papers from files and directories, one Paper per id (see the module doc).

    ``summary``, when given, is filled in as papers are read: counts and every warning.
    A malformed record is skipped with a warning naming file and line; a file that
    cannot be read gives one warning naming it; the rest is read either way. Raises
    InputError, before anything is yielded, when a path does not exist.
    """
    summary = summary if summary is not None else IngestSummary()
    files: list[tuple[int, Path, Format]] = []
    for rank, path in enumerate(iter_input_files(paths)):
        summary.files += 1
        try:
            files.append((rank, path, detect_format(path)))
        except InputError as err:
            summary.warn(f"{err}; file skipped")

    # Step 1: small files, held and merged in memory.
    buffer = MergeBuffer()
    for rank, path, fmt in files:
        if fmt != "jsonl":
            for paper in _read_file(path, fmt, summary):
                summary.duplicates += buffer.add(paper, rank)

    # Step 2: JSONL, streamed. Of what was yielded only ids are kept: the paper ids
    # (arXiv or title ids) and the title ids of papers with an arXiv id, so that a
    # record with only a title matches an arXiv record of the same title and back.
    yielded_ids: set[str] = set()
    arxiv_title_ids: set[str] = set()
    for rank, path, fmt in files:
        if fmt != "jsonl":
            continue
        for paper in _read_file(path, fmt, summary):
            if buffer.find(paper) is not None:
                summary.duplicates += buffer.add(paper, rank)
                continue
            by_title = title_id(paper.title)
            if paper.arxiv_id is None:
                seen = paper.id in yielded_ids or paper.id in arxiv_title_ids
            else:
                seen = paper.id in yielded_ids or by_title in yielded_ids
            if seen:
                summary.duplicates += 1
                logger.debug("%s: %s was already read; dropped", paper.sources[0], paper.id)
                continue
            yielded_ids.add(paper.id)
            if paper.arxiv_id is not None:
                arxiv_title_ids.add(by_title)
            yield paper

    # Step 3: the merged small-file papers.
    yield from buffer.papers()


def _read_file(path: Path, fmt: Format, summary: IngestSummary) -> Iterator[Paper]:
    """The papers of one file; an unreadable file becomes one warning, not an error."""
    count = 0
    if head_encoding(path) == "latin-1":
        summary.warn(f"{path}: not UTF-8; read as Latin-1, so check accented characters (or save the file as UTF-8)")
    try:
        for paper in _READERS[fmt](path, summary):
            count += 1
            summary.read += 1
            yield checked_paper(paper, summary)
    except InputError as err:
        summary.warn(f"{err}; " + ("the rest of the file is skipped" if count else "file skipped"))
        return
    if count == 0:
        summary.warn(f"{path}: no paper found; give a listing-page dump, JSONL or CSV with title and abstract")
