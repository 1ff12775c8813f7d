"""Streaming loads (chunks of records) and a load killed part-way, on the real server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.graph import GraphBuilder, name_index, write_json
from kg.pipeline import builder_from_files
from kg.store import load_graph, load_records

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "arxiv-daily.jsonl.gz"

COUNTS = "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships"


def _counts(conn) -> tuple[int, int]:
    record = conn.execute_query(COUNTS).records[0]
    return record["nodes"], record["relationships"]


def _expected_counts(graph) -> tuple[int, int]:
    """The graph's nodes and edges, plus the alias look-up index the loaders add."""
    names, links = set(), 0
    for _, attrs in graph.nodes(data=True):
        for record in name_index(attrs["label"], attrs):
            if record[0] == "node":
                names.add(record[2]["key"])
            else:
                links += 1
    return graph.number_of_nodes() + len(names), graph.number_of_edges() + links


def test_store_streamed_chunks_load_the_same_graph(conn):
    builder = builder_from_files([ROOT / "examples"], spool=True)
    builder.chunk_size = 40  # several chunks, whose edges point at earlier chunks' entities
    summary = load_records(conn, builder.chunks(), batch_size=100)
    graph = builder.graph()
    assert _counts(conn) == _expected_counts(graph)
    assert summary.nodes_created == _expected_counts(graph)[0]
    again = load_graph(conn, graph)
    assert again.nodes_created == 0 and again.relationships_created == 0
    titles = {r["title"] for r in conn.execute_query(
        "MATCH (p:Paper)-[:EVALUATES_ON]->(d:Dataset {key: 'metaworld'}) RETURN p.title AS title").records}
    assert "Self-Adapting Improvement Loops for Robotic Learning" in titles


@pytest.fixture(scope="module")
def corpus_graph(tmp_path_factory):
    """The graph of 1,500 real abstracts, as a graph file: big enough to kill a load part-way."""
    if not CORPUS.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import write_corpus

    folder = tmp_path_factory.mktemp("killed")
    source = write_corpus(1500, folder / "corpus.jsonl", CORPUS)
    builder = builder_from_files([source])
    path = folder / "graph.json"
    write_json(builder.records(), path)
    return path, builder.graph()


def test_store_load_killed_part_way_converges_on_rerun(conn, corpus_graph, tmp_path):
    if conn.server is None:
        pytest.skip("kills a client of the embedded server only")
    path, graph = corpus_graph
    user, password = conn.server.auth
    command = [sys.executable, "-m", "kg.cli", "load", str(path), "--uri", conn.server.uri, "--user", user,
               "--database", conn.database, "--batch-size", "200"]
    env = {**os.environ, "NEO4J_PASSWORD": password}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _counts(conn)[1] < 2000 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    part_nodes, part_relationships = _counts(conn)
    assert part_relationships < graph.number_of_edges(), "the load finished before it could be killed"
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _counts(conn) == _expected_counts(graph)
    duplicates = conn.execute_query("MATCH (p:Paper) WITH p.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS c").records[0]["c"]
    assert duplicates == 0
