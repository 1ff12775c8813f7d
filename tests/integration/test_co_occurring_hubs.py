"""co-occurring on an entity mentioned by 500+ papers: answered from the lists stored at load time.

Such an entity's lists (loaders/95-99) must give exactly what counting the mentions gives,
and stay right when a second corpus merges in.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kg.graph import graph_from_records
from kg.query import run_query
from kg.store import load_graph

HUB = ("Dataset", "hubbench", "HubBench")
OTHERS = [("Method", f"method{i}", f"Method {i}") for i in range(13)] + [
    ("Model", f"model{i}", f"Model {i}") for i in range(150)
] + [("Metric", "accuracy", "accuracy")]


def _entity(label: str, key: str, name: str):
    return ("node", label, {"key": key, "type": label, "name": name, "aliases": [], "keys": [key]})


def _corpus(papers: range) -> nx.MultiDiGraph:
    """Papers that all mention HubBench, each with a method, a model and, every other one, accuracy."""
    records = [_entity(*HUB), *(_entity(*other) for other in OTHERS)]
    for i in papers:
        pid = f"p{i}"
        records.append(("node", "Paper", {"id": pid, "title": f"Paper {i}", "title_key": f"paper {i}", "abstract": "", "sources": []}))
        mentioned = [HUB, OTHERS[i % 13], OTHERS[13 + (i * 7) % 150]] + ([OTHERS[-1]] if i % 2 == 0 else [])
        for label, key, _ in mentioned:
            records.append(("edge", "MENTIONS", "Paper", pid, label, key, {"count": 1, "sentence": "s"}))
    return graph_from_records(records)


def _counted(graph: nx.MultiDiGraph) -> list[tuple[str, str, int]]:
    hub = f"{HUB[0]}:{HUB[1]}"
    shared = Counter(
        other for paper, _ in graph.in_edges(hub) for _, other in graph.out_edges(paper) if other != hub
    )
    rows = [(graph.nodes[n]["name"], graph.nodes[n]["type"], count) for n, count in shared.items()]
    return sorted(rows, key=lambda row: (-row[2], row[0], row[1]))


def _answer(conn, limit: int) -> list[tuple[str, str, int]]:
    _, rows = run_query(conn, "co-occurring", {"name": "hub-bench", "limit": str(limit)})
    return [(row["name"], row["type"], row["shared_papers"]) for row in rows]


def _stored(conn) -> list[str]:
    records, _, _ = conn.execute_query("MATCH (d:Dataset {key: 'hubbench'}) RETURN d.co_occurring_names AS names")
    return records[0]["names"]


def test_co_occurring_hub_lists_match_the_counts_and_follow_a_merge(conn):
    first = _corpus(range(0, 520))
    load_graph(conn, first)
    expected = _counted(first)
    assert len(expected) == 1 + 13 + 150
    assert _stored(conn) == [name for name, _, _ in expected[:100]]
    assert _answer(conn, 10) == expected[:10] and expected[0] == ("accuracy", "Metric", 260)
    # More than the stored 100: counted from the mentions, same order.
    assert _answer(conn, 1000) == expected
    # The answer comes from the stored lists: a changed list shows.
    conn.execute_query("MATCH (d:Dataset {key: 'hubbench'}) SET d.co_occurring_names = ['stored'] + d.co_occurring_names[1..]")
    assert _answer(conn, 2)[0] == ("stored", "Metric", 260)

    second = _corpus(range(520, 700))
    load_graph(conn, second)
    both = _counted(nx.compose(first, second))
    assert both[0] == ("accuracy", "Metric", 350)
    assert _answer(conn, 20) == both[:20]
    assert _stored(conn) == [name for name, _, _ in both[:100]]


def test_co_occurring_below_the_threshold_stores_nothing(conn):
    load_graph(conn, _corpus(range(0, 499)))
    assert _stored(conn) is None
    assert _answer(conn, 3)[0] == ("accuracy", "Metric", 250)
