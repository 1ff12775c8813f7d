"""Latency of every canned query on the graph of the 111,937 arXiv abstracts.

Builds the graph of ../shared/corpus/arxiv-daily.jsonl.gz with kg.pipeline (a few
minutes; cached as bench/results/arxiv-daily.graph.json and reused), or reads
--graph; loads it into a fresh embedded ArcadeDB server; runs each canned query
--repeat times through kg.query.run_query, with parameters taken from the graph
(its most popular entities and papers), after --warmup untimed runs; prints p50 and
p95 per query and writes bench/results/query.json. The target is p95 < 100 ms.

    python bench/query.py                       # build or reuse the cached graph
    python bench/query.py --repeat 50 --data-dir /tmp/kg-bench --keep   # keep the loaded server data
    python bench/query.py --data-dir /tmp/kg-bench --skip-load          # rerun on it
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import click
import networkx as nx
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.graph import read_json, write_json
from kg.models import normalize_key
from kg.query import list_queries, run_query
from kg.store import apply_schema, connect, load_graph, loaders

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT.parents[1] / "shared" / "corpus" / "arxiv-daily.jsonl.gz"
RESULTS = ROOT / "results"
TARGET_MS = 100.0
ENTITY_LABELS = ("Dataset", "Model", "Method", "Metric", "Task")

console = Console(width=max(Console().width, 120))


def build_or_read(graph_path: Path | None, corpus: Path, cache: Path) -> tuple[nx.MultiDiGraph, str]:
    if graph_path is not None:
        return read_json(graph_path), str(graph_path)
    if cache.exists():
        console.print(f"reading the cached graph {cache}")
        return read_json(cache), str(cache)
    from kg.pipeline import graph_from_files

    console.print(f"building the graph of {corpus} (a few minutes)")
    started = time.perf_counter()
    graph = graph_from_files([corpus])
    console.print(f"built in {time.perf_counter() - started:.0f} s; caching it as {cache}")
    cache.parent.mkdir(parents=True, exist_ok=True)
    write_json(graph, cache)
    return graph, str(corpus)


def loadable(graph: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, Counter]:
    """The graph without edges no loader takes (counted, to be reported)."""
    kinds = {(lo.type, lo.source, lo.target) for lo in loaders() if not lo.is_node}
    dropped: Counter = Counter()
    bad = []
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        kind = (attrs["type"], graph.nodes[u]["label"], graph.nodes[v]["label"])
        if kind not in kinds:
            dropped["(:{1})-[:{0}]->(:{2})".format(*kind)] += 1
            bad.append((u, v, key))
    if bad:
        graph = graph.copy()
        graph.remove_edges_from(bad)
    return graph, dropped


# -- realistic parameters: the graph's popular entities and papers -------------------------


def _in_count(graph: nx.MultiDiGraph, node: str, *types: str) -> int:
    return sum(1 for _, _, a in graph.in_edges(node, data=True) if a["type"] in types)


def _top(graph: nx.MultiDiGraph, labels: tuple[str, ...], types: tuple[str, ...], n: int) -> list[str]:
    nodes = [node for node, a in graph.nodes(data=True) if a["label"] in labels]
    nodes.sort(key=lambda node: (-_in_count(graph, node, *types), node))
    return nodes[:n]


def alias_of(graph: nx.MultiDiGraph, node: str, entity_keys: set[str]) -> str | None:
    """An alias of ``node`` that no entity has as its key: looking it up takes the alias path."""
    for alias in graph.nodes[node]["aliases"]:
        if normalize_key(alias) not in entity_keys:
            return alias
    return None


def choose_params(graph: nx.MultiDiGraph, per_query: int, seed: int = 7) -> dict[str, list[dict[str, str]]]:
    """For each query, ``per_query`` parameter sets drawn from the graph's most popular things.

    Entity-name queries run a second time as "<query> [alias]", each name replaced by an
    alias (the slower lookup path); paper-profile also runs with titles in lower case.
    """
    rng = random.Random(seed)
    name = lambda node: graph.nodes[node]["name"]  # noqa: E731

    evaluated = _top(graph, ("Dataset",), ("EVALUATES_ON",), per_query)
    with_results = _top(graph, ("Dataset",), ("ON_DATASET",), per_query)
    methods = [
        node for node in _top(graph, ("Method", "Model"), ("INTRODUCES", "USES"), 50 * per_query)
        if any(a["type"] == "EVALUATES_ON" for p in graph.predecessors(node) for _, _, a in graph.out_edges(p, data=True))
    ][:per_query]
    introduced = _top(graph, ENTITY_LABELS, ("INTRODUCES",), per_query)
    mentioned = _top(graph, ENTITY_LABELS, ("MENTIONS",), 50)
    papers = [node for node, a in graph.nodes(data=True) if a["label"] == "Paper"]
    papers.sort(key=lambda node: (-graph.out_degree(node), node))
    busy_papers = papers[:per_query]
    some_papers = rng.sample(papers, per_query)
    orgs = [a.get("name") or a["id"] for _, a in graph.nodes(data=True) if a["label"] == "Organization"]
    types = ["Dataset", "Model", "Method", "Metric", "Task"]
    pairs = [rng.sample(mentioned, 2) for _ in range(per_query)]
    entity_keys = {a["key"] for _, a in graph.nodes(data=True) if a["label"] in ENTITY_LABELS}

    def aliased(nodes: list[str]) -> list[str]:
        return [alias for alias in (alias_of(graph, node, entity_keys) for node in nodes) if alias]

    with_alias = lambda nodes: [n for n in nodes if alias_of(graph, n, entity_keys)]  # noqa: E731
    alias_pairs = [rng.sample(with_alias(mentioned), 2) for _ in range(per_query)]
    params = {
        "papers-evaluating-on": [{"dataset": name(d)} for d in evaluated],
        "methods-on-dataset": [{"dataset": name(d)} for d in with_results],
        "datasets-for-method": [{"name": name(m)} for m in methods],
        "introduced-by": [{"name": name(e)} for e in introduced],
        **{f"top-entities [{type_}]": [{"type": type_, "limit": "10"}] for type_ in types},
        "co-occurring": [{"name": name(e), "limit": "10"} for e in mentioned[:per_query]],
        "paper-profile": [{"paper": graph.nodes[p]["title"]} for p in busy_papers],
        "related-papers": [{"paper": graph.nodes[p]["id"], "limit": "10"} for p in some_papers],
        "entity-timeline": [{"name": name(e)} for e in mentioned[:per_query]],
        "connection": [{"from": name(a), "to": name(b)} for a, b in pairs],
        "organisation-focus": [{"org": org} for org in (orgs[:per_query] or ["deepmind"])],
        "papers-evaluating-on [alias]": [{"dataset": a} for a in aliased(evaluated)],
        "methods-on-dataset [alias]": [{"dataset": a} for a in aliased(with_results)],
        "datasets-for-method [alias]": [{"name": a} for a in aliased(methods)],
        "introduced-by [alias]": [{"name": a} for a in aliased(introduced)],
        "co-occurring [alias]": [{"name": a, "limit": "10"} for a in aliased(mentioned[:per_query])],
        "entity-timeline [alias]": [{"name": a} for a in aliased(mentioned[:per_query])],
        "connection [alias]": [
            {"from": alias_of(graph, a, entity_keys), "to": alias_of(graph, b, entity_keys)} for a, b in alias_pairs
        ],
        "paper-profile [any case]": [{"paper": graph.nodes[p]["title"].lower()} for p in busy_papers],
    }
    return {variant: sets for variant, sets in params.items() if sets}


# -- timing ----------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def time_query(conn, name: str, param_sets: list[dict[str, str]], repeat: int, warmup: int) -> dict[str, Any]:
    for i in range(warmup):
        run_query(conn, name, param_sets[i % len(param_sets)])
    times, rows = [], []
    for i in range(repeat):
        params = param_sets[i % len(param_sets)]
        started = time.perf_counter()
        _, result = run_query(conn, name, params)
        times.append((time.perf_counter() - started) * 1000)
        rows.append(len(result))
    return {
        "runs": repeat,
        "p50_ms": round(percentile(times, 50), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "max_ms": round(max(times), 1),
        "mean_ms": round(statistics.fmean(times), 1),
        "rows_median": statistics.median(rows),
        "params": param_sets,
    }


def report_table(report: dict[str, Any]) -> Table:
    """The latencies of a report, one row per query (and parameter variant); misses in red."""
    table = Table(
        title=f"kg canned queries: {report['nodes']:,} nodes, {report['relationships']:,} relationships, "
        f"{report['repeat']} runs each (target p95 < {TARGET_MS:.0f} ms)"
    )
    table.add_column("query", no_wrap=True)
    table.add_column("first parameters", no_wrap=True, max_width=44, overflow="ellipsis")
    for column in ("rows", "p50 ms", "p95 ms", "max ms"):
        table.add_column(column, justify="right")
    for name, stats in sorted(report["queries"].items()):
        p95 = Text(f"{stats['p95_ms']:.1f}", style=None if stats["p95_ms"] < TARGET_MS else "red")
        table.add_row(
            Text(name), Text(json.dumps(stats["params"][0], ensure_ascii=False)), f"{stats['rows_median']:g}",
            f"{stats['p50_ms']:.1f}", p95, f"{stats['max_ms']:.1f}",
        )
    return table


@click.command()
@click.option("--graph", "graph_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A graph JSON (kg extract -o) to load instead of the corpus's.")
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
@click.option("--cache", type=click.Path(path_type=Path), default=RESULTS / "arxiv-daily.graph.json", show_default=True,
              help="Where the corpus's graph is cached.")
@click.option("--repeat", "-r", default=20, show_default=True, help="Timed runs per query.")
@click.option("--warmup", default=3, show_default=True, help="Untimed runs per query first.")
@click.option("--params-per-query", default=5, show_default=True, help="Parameter sets per query, run in turn.")
@click.option("--query", "only", multiple=True, help="Only these queries (repeatable).")
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Server data folder (default: a temporary one, deleted afterwards).")
@click.option("--keep", is_flag=True, help="Keep --data-dir after the run.")
@click.option("--skip-load", is_flag=True, help="Use the graph already loaded in --data-dir.")
@click.option("--heap-size", default=None, help="JVM heap of the embedded server, e.g. 4g.")
@click.option("--output", type=click.Path(path_type=Path), default=RESULTS / "query.json", show_default=True)
def main(graph_path, corpus, cache, repeat, warmup, params_per_query, only, data_dir, keep, skip_load, heap_size, output):
    graph, source = build_or_read(graph_path, corpus, cache)
    graph, dropped = loadable(graph)
    for kind, count in dropped.items():
        console.print(f"[yellow]warning:[/] {count} {kind} edges have no loader; left out")
    params = choose_params(graph, params_per_query)
    labels = Counter(a["label"] for _, a in graph.nodes(data=True))
    report: dict[str, Any] = {
        "graph": source,
        "nodes": graph.number_of_nodes(),
        "relationships": graph.number_of_edges(),
        "labels": dict(sorted(labels.items())),
        "dropped_edges": dict(dropped),
        "server": "embedded ArcadeDB",
        "repeat": repeat,
        "warmup": warmup,
        "target_p95_ms": TARGET_MS,
    }
    temporary = data_dir is None
    data_dir = Path(tempfile.mkdtemp(prefix="kg-bench-")) if temporary else data_dir
    try:
        with connect(data_dir=data_dir, heap_size=heap_size) as conn:
            if not skip_load:
                conn.execute_query("MATCH (n) DETACH DELETE n")
                apply_schema(conn)
                started = time.perf_counter()
                with console.status("loading") as status:
                    summary = load_graph(conn, graph, progress=lambda t, d, n: status.update(f"loading {t}: {d:,}/{n:,}"))
                report["load_seconds"] = round(time.perf_counter() - started, 1)
                console.print(f"loaded {summary.nodes:,} nodes and {summary.relationships:,} relationships "
                              f"in {report['load_seconds']} s")
            else:
                apply_schema(conn)
            results = {}
            names = {query.name for query in list_queries()}
            for variant, sets in params.items():
                query = variant.split(" [")[0]
                if query not in names or (only and query not in only):
                    continue
                with console.status(f"running {variant}"):
                    results[variant] = time_query(conn, query, sets, repeat, warmup)
            report["queries"] = results
    finally:
        if temporary or not keep:
            shutil.rmtree(data_dir, ignore_errors=True)

    console.print(report_table(report))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    console.print(f"wrote {output}")


if __name__ == "__main__":
    main()
