"""Benchmark inputs of a given size from the real corpus.

Reads ../shared/corpus/arxiv-daily.jsonl.gz (111,937 arXiv abstracts) and writes the
first N records as JSONL. Sizes past the corpus repeat it; each repeat gets distinct
arXiv-shaped ids (the year moved up by 20, 40 or 60 and the month by 12 or 24:
2503.24388 -> 4503.24388 in the first repeat, 2515.24388 in the fourth), so every record
is a distinct paper to kg.

    python bench/corpus.py 1000000 -o /tmp/corpus-1m.jsonl
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arxiv-daily.jsonl.gz"

__all__ = ["CORPUS", "corpus_records", "write_corpus"]


def _check(corpus: Path) -> None:
    if not corpus.exists():
        sys.exit(
            f"The benchmark corpus is not at {corpus}. It is the shared arXiv corpus "
            "(arxiv-daily.jsonl.gz); put it there or pass --corpus PATH."
        )


def _repeat_id(arxiv_id: str, repeat: int) -> str:
    """A distinct id per repeat: YYMM becomes (YY + 20a)(MM + 12b), a = repeat % 4 and
    b = repeat // 4; corpus years 07-26 and months 01-12 keep every pair apart."""
    if repeat == 0:
        return arxiv_id
    year, month, number = int(arxiv_id[:2]), int(arxiv_id[2:4]), arxiv_id[4:]
    return f"{year + 20 * (repeat % 4):02d}{month + 12 * (repeat // 4):02d}{number}"


def corpus_records(n: int, corpus: Path = CORPUS) -> Iterator[dict]:
    """The first n records of the corpus, repeating it with distinct ids past its end."""
    _check(corpus)
    written, repeat = 0, 0
    while written < n:
        if repeat > 9:
            raise ValueError("at most 10 repeats of the corpus (about 1.1 million records)")
        with gzip.open(corpus, "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                record["arxiv_id"] = _repeat_id(record["arxiv_id"], repeat)
                yield record
                written += 1
                if written >= n:
                    return
        repeat += 1


def write_corpus(n: int, output: Path, corpus: Path = CORPUS) -> Path:
    """Write n records as JSONL to `output` (reused when it already holds n lines)."""
    if output.exists() and sum(1 for _ in open(output, "rb")) == n:
        return output
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as out:
        for record in corpus_records(n, corpus):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return output


@click.command()
@click.argument("n", type=click.IntRange(min=1))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True)
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
def main(n: int, output: Path, corpus: Path) -> None:
    """Write N benchmark abstracts as JSONL."""
    write_corpus(n, output, corpus)
    click.echo(f"wrote {n:,} records to {output}")


if __name__ == "__main__":
    main()
