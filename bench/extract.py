"""Extraction speed on one core over real arXiv abstracts.

Reads N abstracts of ../shared/corpus/arxiv-daily.jsonl.gz, times spaCy's bare
tokenizer and the full kg pipeline (to PaperExtraction records) on the same texts in
one process, prints a table and writes bench/results/extract.json.

    python bench/extract.py --n 10000
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import sys
import time
from pathlib import Path

import click
import spacy
from rich.console import Console
from rich.table import Table

from kg.extract import build_nlp, extract, paper_text
from kg.models import Paper

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arxiv-daily.jsonl.gz"
RESULTS = Path(__file__).resolve().parent / "results"


def read_corpus(path: Path, n: int) -> list[Paper]:
    if not path.exists():
        sys.exit(f"corpus not found at {path}: put arxiv-daily.jsonl.gz there or pass --corpus")
    papers = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            papers.append(Paper(id=record["arxiv_id"], title=record["title"], abstract=record["abstract"]))
            if len(papers) >= n:
                break
    return papers


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


@click.command()
@click.option("--n", default=10_000, show_default=True, help="Abstracts to run.")
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
@click.option("--output", type=click.Path(path_type=Path), default=RESULTS / "extract.json", show_default=True)
def main(n: int, corpus: Path, output: Path) -> None:
    pin_to_one_core()
    papers = read_corpus(corpus, n)
    texts = [paper_text(paper) for paper in papers]
    started = time.perf_counter()
    nlp = build_nlp()
    setup = time.perf_counter() - started

    started = time.perf_counter()
    tokens = sum(len(doc) for doc in spacy.blank("en").tokenizer.pipe(texts, batch_size=256))
    tokenizer_s = time.perf_counter() - started

    started = time.perf_counter()
    counts = {"mentions": 0, "relations": 0, "results": 0}
    for record in extract(papers, nlp, batch_size=256):
        counts["mentions"] += len(record.mentions)
        counts["relations"] += len(record.relations)
        counts["results"] += len(record.results)
    pipeline_s = time.perf_counter() - started

    report = {
        "abstracts": len(papers),
        "tokens": tokens,
        "setup_s": round(setup, 2),
        "tokenizer_abstracts_per_s": round(len(papers) / tokenizer_s),
        "pipeline_abstracts_per_s": round(len(papers) / pipeline_s),
        "ratio_to_tokenizer": round(tokenizer_s / pipeline_s, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        **counts,
    }
    table = Table("measure", "value", title=f"kg extract, one core, {len(papers):,} abstracts")
    for name, value in report.items():
        table.add_row(name, f"{value:,}" if isinstance(value, int) else str(value))
    Console().print(table)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
