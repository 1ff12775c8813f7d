"""neo4j-admin CSV export time of a large graph, without extracting it in full.

Extracts --abstracts real abstracts once (two workers, spooled, as bench/run.py does),
then spools their per-paper facts --repeat times with distinct paper and result ids
(what bench/corpus.py does to the JSONL past 111,937 abstracts) and times
``write_neo4j_csv`` on the result. 100,000 x 10 gives the 1,000,000-abstract graph in
about 3 minutes of extraction instead of 25. Prints a table and writes
bench/results/export.json.

    python bench/export.py --abstracts 100000 --repeat 10
"""

from __future__ import annotations

import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import CORPUS, write_corpus  # noqa: E402

from kg.graph import FactSpool, write_neo4j_csv  # noqa: E402
from kg.pipeline import builder_from_files  # noqa: E402

RESULTS = HERE / "results"
TARGET_S = 120.0


def repeated(facts, repeat: int):
    """Each paper's facts `repeat` times; copies after the first get ids suffixed ~1, ~2, ..."""
    for copy in range(repeat):
        for paper, organization, mentions, relations, results in facts:
            if copy:
                paper = {**paper, "id": f"{paper['id']}~{copy}"}
                results = [({**node, "id": f"{node['id']}~{copy}"}, metric, dataset) for node, metric, dataset in results]
            yield paper, organization, mentions, relations, results


@click.command()
@click.option("--abstracts", default=100_000, show_default=True, help="Real abstracts to extract.")
@click.option("--repeat", default=10, show_default=True, help="Times their facts are spooled.")
@click.option("--workers", default=2, show_default=True)
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
@click.option("--output", type=click.Path(path_type=Path), default=RESULTS / "export.json", show_default=True)
def main(abstracts: int, repeat: int, workers: int, corpus: Path, output: Path) -> None:
    source = write_corpus(abstracts, RESULTS / "corpus" / f"corpus-{abstracts}.jsonl", corpus)
    started = time.perf_counter()
    builder = builder_from_files([source], workers=workers, spool=True)
    extract_s = time.perf_counter() - started
    spool = FactSpool()
    for facts in repeated(builder.paper_facts(), repeat):
        spool.append(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))
    builder._facts = spool
    with tempfile.TemporaryDirectory(prefix="kg-export-") as folder:
        started = time.perf_counter()
        write_neo4j_csv(builder.records(), folder)
        export_s = time.perf_counter() - started
        size_mb = sum(f.stat().st_size for f in Path(folder).iterdir()) / 2**20
    report = {"abstracts": abstracts * repeat, "extracted": abstracts, "repeat": repeat, "extract_s": round(extract_s, 1),
              "csv_export_s": round(export_s, 1), "csv_mb": round(size_mb), "target_s": TARGET_S}
    table = Table(title="neo4j-admin CSV export")
    for name in report:
        table.add_column(name, justify="right")
    table.add_row(*(f"{value:,}" if isinstance(value, int) else str(value) for value in report.values()))
    Console().print(table)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {output}")


if __name__ == "__main__":
    main()
