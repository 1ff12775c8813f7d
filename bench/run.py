"""Every benchmark at the sizes given: extract, export, load, query.

For each size a fresh child process takes N abstracts of the real corpus (see
bench/corpus.py) from JSONL to a loaded embedded graph, and reports: abstracts/s in
total and per core, the ratio of per-core extraction speed to spaCy's bare tokenizer on
the same texts (measured in the same run), peak RSS, neo4j-admin CSV export time, nodes/s
and relationships/s loaded, and canned-query p50/p95. Writes one JSON and one markdown
table.

    python bench/run.py --sizes 10000,100000 --workers 2
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import CORPUS, write_corpus  # noqa: E402

RESULTS = HERE / "results"
TOKENIZER_SAMPLE = 20_000


def _peak_rss_mb() -> dict[str, float]:
    """This process's peak RSS, and the largest of its finished children's (the extraction
    workers; after a load, the database server too)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(own), "peak_child_rss_mb": round(children)}


def _tokenizer_speed(path: Path, limit: int) -> float:
    """Bare spaCy tokenizer, abstracts/s on one core, over the same texts kg reads."""
    import spacy

    from kg.extract import paper_text
    from kg.ingest import read_papers

    texts = []
    for paper in read_papers([path]):
        texts.append(paper_text(paper))
        if len(texts) >= limit:
            break
    tokenizer = spacy.blank("en").tokenizer  # spaCy's bare tokenizer, as shipped
    started = time.perf_counter()
    for _ in tokenizer.pipe(texts, batch_size=256):
        pass
    return len(texts) / (time.perf_counter() - started)


def _query_latencies(conn, repeats: int) -> dict[str, dict[str, float]]:
    from kg.query import list_queries, run_query

    params = _query_params(conn)
    latencies = {}
    for query in list_queries():
        values = {param.name: params.get(param.name, "1") for param in query.params}
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            run_query(conn, query.name, values)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        latencies[query.name] = {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1)}
    return latencies


def _query_params(conn) -> dict[str, str]:
    """Realistic parameters: the most mentioned entities and a well-connected paper."""
    def first(cypher: str) -> str:
        rows = conn.execute_query(cypher).records
        return str(rows[0][0]) if rows else "x"

    dataset = first("MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset) RETURN d.name AS name, count(p) AS n ORDER BY n DESC LIMIT 1")
    method = first("MATCH (p:Paper)-[:USES]->(m:Method) RETURN m.name AS name, count(p) AS n ORDER BY n DESC LIMIT 1")
    model = first("MATCH (p:Paper)-[:USES]->(m:Model) RETURN m.name AS name, count(p) AS n ORDER BY n DESC LIMIT 1")
    paper = first("MATCH (p:Paper)-[:MENTIONS]->() RETURN p.id AS id, count(*) AS n ORDER BY n DESC LIMIT 1")
    org = first("MATCH (o:Organization) RETURN o.id AS id LIMIT 1")
    return {"dataset": dataset, "name": method, "from": method, "to": model, "paper": paper, "type": "Dataset",
            "limit": "10", "org": org}


def run_one(size: int, workers: int, load: bool, query: bool, repeats: int, corpus: Path) -> dict:
    """One size, in this process: JSONL -> extraction -> CSV export -> embedded load -> queries."""
    from kg.graph import write_neo4j_csv
    from kg.ingest import IngestSummary
    from kg.pipeline import builder_from_files

    source = write_corpus(size, RESULTS / "corpus" / f"corpus-{size}.jsonl", corpus)
    report: dict = {"abstracts": size, "workers": workers}
    started = time.perf_counter()
    summary = IngestSummary()
    builder = builder_from_files([source], summary=summary, workers=workers, spool=True)
    extract_s = time.perf_counter() - started
    if workers > 1:  # one worker extracts in this process
        report["peak_worker_rss_mb"] = _peak_rss_mb()["peak_child_rss_mb"]
    report["papers"] = summary.papers
    report["extract_s"] = round(extract_s, 1)
    report["abstracts_per_s"] = round(summary.papers / extract_s)
    report["abstracts_per_s_per_core"] = round(summary.papers / extract_s / workers)
    tokenizer = _tokenizer_speed(source, min(size, TOKENIZER_SAMPLE))
    report["tokenizer_abstracts_per_s"] = round(tokenizer)
    report["ratio_to_tokenizer"] = round(report["abstracts_per_s_per_core"] / tokenizer, 3)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as scratch:
        started = time.perf_counter()
        write_neo4j_csv(builder.records(), Path(scratch) / "csv")
        report["csv_export_s"] = round(time.perf_counter() - started, 2)
        if load:
            from kg.store.client import apply_schema, connect
            from kg.store.load import load_records

            with connect(data_dir=Path(scratch) / "kg-data") as conn:
                apply_schema(conn)
                started = time.perf_counter()
                loaded = load_records(conn, builder.chunks())
                load_s = time.perf_counter() - started
                report["nodes"] = loaded.nodes
                report["relationships"] = loaded.relationships
                report["load_s"] = round(load_s, 1)
                report["nodes_per_s"] = round(loaded.nodes / load_s)
                report["relationships_per_s"] = round(loaded.relationships / load_s)
                # The relationship loaders alone (as bench/load.py reports): no nodes, no count refresh.
                relationship_s = sum(count.seconds for count in loaded.counts if count.kind == "relationship")
                report["relationships_per_s_loading_them"] = round(loaded.relationships / relationship_s)
                report["jsonl_to_loaded_s"] = round(extract_s + load_s, 1)
                if query:
                    report["queries"] = _query_latencies(conn, repeats)
    report.update(_peak_rss_mb())
    return report


def markdown(reports: list[dict], machine: str) -> str:
    columns = [
        ("abstracts", "abstracts"), ("abstracts/s", "abstracts_per_s"), ("abstracts/s/core", "abstracts_per_s_per_core"),
        ("÷ tokenizer", "ratio_to_tokenizer"), ("peak RSS MB", "peak_rss_mb"), ("worker RSS MB", "peak_worker_rss_mb"),
        ("CSV export s", "csv_export_s"), ("nodes/s", "nodes_per_s"), ("rels/s", "relationships_per_s"),
        ("rels/s, their loaders", "relationships_per_s_loading_them"), ("JSONL→loaded s", "jsonl_to_loaded_s"),
    ]
    lines = [f"Machine: {machine}", "", "| " + " | ".join(name for name, _ in columns) + " |", "|" + "---|" * len(columns)]
    for report in reports:
        lines.append("| " + " | ".join(f"{report.get(key, '-'):,}" if isinstance(report.get(key), int) else str(report.get(key, "-")) for _, key in columns) + " |")
    queries = [(report["abstracts"], report["queries"]) for report in reports if report.get("queries")]
    if queries:
        size, latencies = queries[-1]
        lines += ["", f"Canned queries on {size:,} abstracts (ms):", "", "| query | p50 | p95 |", "|---|---|---|"]
        lines += [f"| {name} | {value['p50_ms']} | {value['p95_ms']} |" for name, value in latencies.items()]
    return "\n".join(lines) + "\n"


@click.command()
@click.option("--sizes", default="10000", show_default=True, help="Comma-separated numbers of abstracts.")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default=True)
@click.option("--load/--no-load", default=True, show_default=True, help="Load into the embedded server.")
@click.option("--query/--no-query", default=True, show_default=True, help="Time the canned queries.")
@click.option("--repeats", default=20, show_default=True, help="Runs per canned query.")
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
@click.option("--output", type=click.Path(path_type=Path), default=RESULTS / "run", show_default=True, help="Writes OUTPUT.json and OUTPUT.md.")
@click.option("--one-size", type=int, hidden=True)
def main(sizes: str, workers: int, load: bool, query: bool, repeats: int, corpus: Path, output: Path, one_size: int | None) -> None:
    """Run every benchmark at the given sizes and write a JSON and a markdown report."""
    if one_size is not None:
        print(json.dumps(run_one(one_size, workers, load, query, repeats, corpus)))
        return
    reports = []
    for size in (int(part) for part in sizes.split(",")):
        child = [sys.executable, __file__, "--one-size", str(size), "--workers", str(workers), "--repeats", str(repeats),
                 "--corpus", str(corpus), "--load" if load else "--no-load", "--query" if query else "--no-query"]
        done = subprocess.run(child, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"benchmark at {size} abstracts failed:\n{done.stderr[-3000:]}")
        reports.append(json.loads(done.stdout.strip().splitlines()[-1]))
        click.echo(f"{size:,} abstracts: {json.dumps({k: v for k, v in reports[-1].items() if k != 'queries'})}", err=True)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, Python {platform.python_version()}"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.with_suffix(".json").write_text(json.dumps({"machine": machine, "runs": reports}, indent=2))
    table = markdown(reports, machine)
    output.with_suffix(".md").write_text(table)
    click.echo(table)


if __name__ == "__main__":
    main()
