"""CSV/TSV reader: a header row with a ``title`` column, one paper per row.

Headers match case-insensitively and map as ``kg.ingest.records`` says; other
columns go to ``Paper.extra`` and empty cells are dropped. ``.tsv`` files (and
sniffed files whose header has more tabs than commas) are tab-separated. A row
without a title is skipped with a warning naming file and line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from kg.errors import InputError
from kg.models import Paper

from .records import paper_from_record
from .summary import IngestSummary
from .textio import read_text

__all__ = ["read_csv", "parse_csv", "guess_delimiter"]


def guess_delimiter(header_line: str) -> str:
    r"""Tab when the header line has more tabs than commas, else comma.

    >>> guess_delimiter("title\tabstract"), guess_delimiter("Title,Abstract")
    ('\t', ',')
    """
    return "\t" if header_line.count("\t") > header_line.count(",") else ","


def parse_csv(
    text: str, source: str, summary: IngestSummary | None = None, delimiter: str | None = None
) -> Iterator[Paper]:
    r"""Papers from CSV text; ``source`` names the file in sources and warnings.

    >>> text = "Title,Abstract,Venue\nA,We show.,ICML\n,orphan,\n"
    >>> summary = IngestSummary()
    >>> [(p.title, p.extra) for p in parse_csv(text, "p.csv", summary)]
    [('A', {'Venue': 'ICML'})]
    >>> summary.warnings
    ['p.csv:3: record has no title; skipped']
    """
    summary = summary if summary is not None else IngestSummary()
    if delimiter is None:
        delimiter = guess_delimiter(text.lstrip().split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    while True:
        number = reader.line_num + 1  # first physical line of the next row
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            summary.skip(f"{source}:{number}: not valid CSV ({err}); skipped")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            if "title" not in (name.lower() for name in header):
                raise InputError(f"{source}:{number}: the header has no 'title' column: {row!r}")
            continue
        where = f"{source}:{number}"
        if len(row) > len(header):
            summary.warn(
                f"{where}: {len(row)} cells but {len(header)} columns; the cells past the last"
                " column are ignored"
            )
        try:
            yield paper_from_record(dict(zip(header, row)), where, summary)
        except InputError as err:
            summary.skip(str(err))


def read_csv(path: str | Path, summary: IngestSummary | None = None) -> Iterator[Paper]:
    """The papers of a ``.csv`` or ``.tsv`` file (``.tsv`` is tab-separated).

    Raises InputError when the file cannot be decoded or its header has no title column.
    """
    path = Path(path)
    name = path.name.lower().removesuffix(".gz")
    delimiter = "\t" if name.endswith(".tsv") else ("," if name.endswith(".csv") else None)
    return parse_csv(read_text(path), str(path), summary, delimiter)
