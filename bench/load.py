"""Benchmark load_graph: nodes/s and relationships/s into a fresh embedded server.

    python bench/load.py                       # synthetic graph, ~6,000 papers, >100k relationships
    python bench/load.py --papers 20000 --batch-size 5000
    python bench/load.py --graph graph.json    # a node-link JSON written by kg/graph.py
    python bench/load.py --uri bolt://localhost:7687 --password kgpassword   # an EMPTY Neo4j

Prints a table and writes bench/results/load.json. The target is 20,000 relationships/s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from rich.console import Console
from rich.table import Table

from kg.store import LoadSummary, apply_schema, connect, load_graph

ENTITY_LABELS = ("Dataset", "Model", "Method", "Metric", "Task")
PAPER_RELATIONS = ("INTRODUCES", "EVALUATES_ON", "USES", "COMPARES_TO", "ADDRESSES")
TARGET_RELS_PER_SECOND = 20_000
RESULTS = Path(__file__).parent / "results" / "load.json"


def synthetic_graph(papers: int = 6000, entities: int = 1500, seed: int = 7) -> nx.MultiDiGraph:
    """A graph in the shape kg/graph.py builds: about 19 relationships per paper.

    Entity popularity is skewed (a few datasets and methods get most edges), as in
    real corpora, so the MERGE of a relationship meets high-degree nodes.
    """
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    per_label = {label: [] for label in ENTITY_LABELS}
    for label in ENTITY_LABELS:
        for i in range(entities // len(ENTITY_LABELS)):
            name = f"{label} {i}"
            key = f"{label.lower()}{i}"
            node = f"{label}:{key}"
            g.add_node(node, label=label, key=key, type=label, name=name, aliases=[name, f"{label}-{i}"], keys=[key])
            per_label[label].append(node)
    orgs = [f"Organization:org{i}" for i in range(200)]
    for i, node in enumerate(orgs):
        g.add_node(node, label="Organization", id=f"org{i}", name=f"Org {i}")

    def pick(label: str) -> str:
        nodes = per_label[label]
        return nodes[min(int(rng.paretovariate(1.2)) - 1, len(nodes) - 1)]

    sentence = "We evaluate the proposed method on the benchmark and compare it with strong baselines."
    for p in range(papers):
        pid = f"25{p // 10000:02d}.{p % 10000:05d}"
        paper = f"Paper:{pid}"
        g.add_node(
            paper,
            label="Paper",
            id=pid,
            title=f"Synthetic paper {p}",
            abstract=sentence * 6,
            arxiv_id=pid,
            authors_count=rng.randint(1, 12),
            date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            date_text=None,
            upvotes=rng.randint(0, 300),
            sources=[f"synthetic.jsonl:{p + 1}"],
        )
        g.add_edge(paper, rng.choice(orgs), key="PUBLISHED_BY", type="PUBLISHED_BY")
        for _ in range(6):
            target = pick(rng.choice(ENTITY_LABELS))
            g.add_edge(paper, target, key="MENTIONS", type="MENTIONS", count=rng.randint(1, 4), sentence=sentence)
        for rel, label, n in (
            ("EVALUATES_ON", "Dataset", 2),
            ("USES", "Method", 1),
            ("USES", "Model", 1),
            ("COMPARES_TO", "Method", 1),
            ("ADDRESSES", "Task", 1),
            ("INTRODUCES", "Method", 1),
        ):
            for _ in range(n):
                g.add_edge(paper, pick(label), key=rel, type=rel, sentence=sentence)
        for r in range(2):
            rid = f"{pid}:r{r}"
            result = f"Result:{rid}"
            metric, dataset = pick("Metric"), pick("Dataset")
            g.add_node(
                result,
                label="Result",
                id=rid,
                value=round(rng.uniform(0, 100), 2),
                unit="%",
                metric=g.nodes[metric]["name"],
                dataset=g.nodes[dataset]["name"],
                text="87.5%",
                sentence=sentence,
            )
            g.add_edge(paper, result, key="REPORTS", type="REPORTS", sentence=sentence)
            g.add_edge(result, metric, key="MEASURES", type="MEASURES")
            g.add_edge(result, dataset, key="ON_DATASET", type="ON_DATASET")
    return g


def read_graph(path: Path) -> nx.MultiDiGraph:
    from kg.graph import read_json  # the node-link JSON kg writes

    return read_json(path)


def rates(summary: LoadSummary) -> dict:
    node_s = sum(c.seconds for c in summary.counts if c.kind == "node")
    rel_s = sum(c.seconds for c in summary.counts if c.kind == "relationship")
    return {
        "nodes": summary.nodes,
        "relationships": summary.relationships,
        "node_seconds": round(node_s, 3),
        "relationship_seconds": round(rel_s, 3),
        "nodes_per_second": round(summary.nodes / node_s) if node_s else None,
        "relationships_per_second": round(summary.relationships / rel_s) if rel_s else None,
        "total_seconds": round(summary.seconds, 3),
        "nodes_created": summary.nodes_created,
        "relationships_created": summary.relationships_created,
        "batches": summary.batches,
        "retries": summary.retries,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, help="node-link JSON graph to load instead of a synthetic one")
    parser.add_argument("--papers", type=int, default=6000, help="synthetic papers (about 19 relationships each)")
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--writers", type=int, default=1, help="concurrent write transactions (load_graph's writers)")
    parser.add_argument("--no-reload", action="store_true", help="skip the second (idempotent) load")
    parser.add_argument("--data-dir", type=Path, help="embedded server folder (default: a fresh temporary one)")
    parser.add_argument("--heap-size", default=None, help="JVM heap of the embedded server, e.g. 4g")
    parser.add_argument("--uri", help="load into this EMPTY Bolt server instead of the embedded one")
    parser.add_argument("--user", default=os.environ.get("NEO4J_USER", "neo4j"))
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD"))
    parser.add_argument("--database", default=None)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    console = Console()

    started = time.perf_counter()
    graph = read_graph(args.graph) if args.graph else synthetic_graph(args.papers)
    build_s = time.perf_counter() - started
    console.print(
        f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} relationships "
        f"({'read' if args.graph else 'generated'} in {build_s:.1f}s)"
    )

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "kg-data"
        started = time.perf_counter()
        with connect(args.uri, args.user, args.password, args.database, data_dir, heap_size=args.heap_size) as conn:
            connect_s = time.perf_counter() - started
            existing = conn.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
            if existing:
                console.print(f"[red]The database already holds {existing:,} nodes; the benchmark needs an empty one.")
                return 1
            apply_schema(conn)
            first = load_graph(conn, graph, batch_size=args.batch_size, writers=args.writers)
            second = None if args.no_reload else load_graph(conn, graph, batch_size=args.batch_size, writers=args.writers)
            server = "external" if conn.server is None else "embedded ArcadeDB"
            startup = conn.server.startup_seconds if conn.server else None

    runs = {"first load": rates(first)}
    if second is not None:
        runs["reload (no changes)"] = rates(second)
    table = Table(title=f"load_graph into {server}, batch size {args.batch_size:,}, {args.writers} writers")
    for column in ("run", "nodes", "nodes/s", "relationships", "relationships/s", "retries", "total s"):
        table.add_column(column, justify="left" if column == "run" else "right")
    for name, r in runs.items():
        table.add_row(
            name,
            f"{r['nodes']:,}",
            f"{r['nodes_per_second']:,}",
            f"{r['relationships']:,}",
            f"{r['relationships_per_second']:,}",
            f"{r['retries']:,}",
            f"{r['total_seconds']:.1f}",
        )
    console.print(table)
    rels_per_s = runs["first load"]["relationships_per_second"] or 0
    verdict = "meets" if rels_per_s >= TARGET_RELS_PER_SECOND else "misses"
    console.print(f"{rels_per_s:,} relationships/s {verdict} the target of {TARGET_RELS_PER_SECOND:,}/s.")

    args.output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "server": server,
        "uri": args.uri,
        "graph": str(args.graph) if args.graph else f"synthetic, {args.papers} papers",
        "batch_size": args.batch_size,
        "writers": args.writers,
        "server_startup_seconds": round(startup, 3) if startup is not None else None,
        "connect_seconds": round(connect_s, 3),
        "runs": runs,
        "per_loader": [
            {"loader": c.loader, "rows": c.rows, "created": c.created, "seconds": round(c.seconds, 3)}
            for c in first.counts
        ],
        "target_relationships_per_second": TARGET_RELS_PER_SECOND,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    console.print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
