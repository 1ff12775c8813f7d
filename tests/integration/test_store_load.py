"""load_graph: concrete contents, idempotent reloads, merges, atomic batches, retries."""

from __future__ import annotations

import re

import networkx as nx
import pytest
from neo4j.exceptions import TransientError

from kg.errors import GraphError, StoreError
from kg.models import normalize_key
from kg.store import graph_rows, load_graph, loaders

pytestmark = pytest.mark.integration


# -- graphs in the shape kg/graph.py builds ----------------------------------------------


def add_paper(g: nx.MultiDiGraph, pid: str, **props) -> str:
    node = f"Paper:{pid}"
    g.add_node(node, label="Paper", id=pid, **props)
    return node


def add_entity(g: nx.MultiDiGraph, label: str, name: str, aliases=(), key: str | None = None) -> str:
    key = key or normalize_key(name)
    node = f"{label}:{key}"
    aliases = list(aliases)
    g.add_node(
        node,
        label=label,
        key=key,
        type=label,
        name=name,
        aliases=aliases,
        keys=list(dict.fromkeys([key, *(normalize_key(a) for a in aliases)])),
    )
    return node


def add_edge(g: nx.MultiDiGraph, u: str, v: str, rel_type: str, **props) -> None:
    g.add_edge(u, v, key=rel_type, type=rel_type, **props)


EVAL_SENTENCE = "We evaluate PPO on Meta-World and report success rates."
RESULT_SENTENCE = "PPO reaches 87.5% success on Meta-World."


def small_graph() -> nx.MultiDiGraph:
    """Two papers, every label and every relationship type at least once."""
    g = nx.MultiDiGraph()
    p1 = add_paper(
        g,
        "2501.00001",
        title="Meta-World+: benchmarking robot learning",
        abstract=f"{EVAL_SENTENCE} {RESULT_SENTENCE}",
        arxiv_id="2501.00001",
        authors_count=3,
        date="2025-01-02",
        date_text="Jan 2",
        upvotes=12,
        sources=["papers.jsonl:1"],
    )
    p2 = add_paper(g, "2501.00002", title="Scaling GPT-4 for manipulation", date=None, sources=["papers.jsonl:2"])
    mw = add_entity(g, "Dataset", "Meta-World", ["Meta-World", "MetaWorld"])
    ppo = add_entity(g, "Method", "PPO", ["PPO", "Proximal Policy Optimization"])
    gpt4 = add_entity(g, "Model", "GPT-4", ["GPT-4"])
    sr = add_entity(g, "Metric", "success rate", ["success rate"])
    task = add_entity(g, "Task", "robot manipulation", ["robot manipulation"])
    g.add_node("Organization:deepmind", label="Organization", id="deepmind", name="Google DeepMind")
    g.add_node(
        "Result:2501.00001:r0",
        label="Result",
        id="2501.00001:r0",
        value=87.5,
        unit="%",
        metric="success rate",
        dataset="Meta-World",
        text="87.5%",
        sentence=RESULT_SENTENCE,
    )
    add_edge(g, p1, mw, "EVALUATES_ON", sentence=EVAL_SENTENCE)
    add_edge(g, p1, ppo, "USES", sentence=EVAL_SENTENCE)
    add_edge(g, p1, mw, "MENTIONS", count=2, sentence=EVAL_SENTENCE)
    add_edge(g, p1, ppo, "MENTIONS", count=2, sentence=EVAL_SENTENCE)
    add_edge(g, p1, sr, "MENTIONS", count=1, sentence=None)
    add_edge(g, p1, "Result:2501.00001:r0", "REPORTS", sentence=RESULT_SENTENCE)
    add_edge(g, p1, "Organization:deepmind", "PUBLISHED_BY")
    add_edge(g, "Result:2501.00001:r0", sr, "MEASURES")
    add_edge(g, "Result:2501.00001:r0", mw, "ON_DATASET")
    add_edge(g, p2, gpt4, "USES", sentence="We fine-tune GPT-4.")
    add_edge(g, p2, gpt4, "INTRODUCES", sentence="We introduce GPT-4-Manip.")
    add_edge(g, p2, ppo, "COMPARES_TO", sentence="We compare to PPO.")
    add_edge(g, p2, task, "ADDRESSES", sentence="We address robot manipulation.")
    add_edge(g, p2, gpt4, "MENTIONS", count=3, sentence="We fine-tune GPT-4.")
    return g


def snapshot(conn: Connection) -> tuple[list, list]:
    """Every node and relationship with its properties, sorted: compares two database states."""
    nodes, _, _ = conn.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels, _, _ = conn.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.key) AS src, "
        "coalesce(b.id, b.key) AS dst, properties(r) AS props"
    )
    node_rows = sorted((sorted(r["labels"]), sorted(r["props"].items())) for r in nodes)
    rel_rows = sorted((r["type"], r["src"], r["dst"], sorted(r["props"].items())) for r in rels)
    return node_rows, rel_rows


def one(conn, query, **params):
    records, _, _ = conn.execute_query(query, params)
    assert len(records) == 1, records
    return records[0]


def test_store_load_small_graph(conn):
    summary = load_graph(conn, small_graph())

    row = one(
        conn,
        "MATCH (p:Paper {id: $id})-[r:EVALUATES_ON]->(d:Dataset {key: 'metaworld'}) "
        "RETURN r.sentence AS sentence, d.name AS name, d.aliases AS aliases, d.keys AS keys, d.type AS type",
        id="2501.00001",
    )
    assert row["sentence"] == EVAL_SENTENCE
    assert (row["name"], row["type"]) == ("Meta-World", "Dataset")
    assert row["aliases"] == ["Meta-World", "MetaWorld"]
    assert row["keys"] == ["metaworld"]

    paper = one(conn, "MATCH (p:Paper {id: '2501.00001'}) RETURN p")["p"]
    assert dict(paper) == {
        "id": "2501.00001",
        "title": "Meta-World+: benchmarking robot learning",
        "title_key": "meta-world+: benchmarking robot learning",  # the loader lower-cases a title without one
        "abstract": f"{EVAL_SENTENCE} {RESULT_SENTENCE}",
        "arxiv_id": "2501.00001",
        "authors_count": 3,
        "date": "2025-01-02",
        "date_text": "Jan 2",
        "upvotes": 12,
        "sources": ["papers.jsonl:1"],
    }
    # None values are missing properties, not stored nulls.
    assert "date" not in dict(one(conn, "MATCH (p:Paper {id: '2501.00002'}) RETURN p")["p"])

    # USES reaches a Model and a Method: one loader per target label.
    uses = conn.execute_query(
        "MATCH (p:Paper)-[:USES]->(t) RETURN p.id AS paper, labels(t) AS labels, t.key AS key ORDER BY paper"
    ).records
    assert [(r["paper"], r["labels"], r["key"]) for r in uses] == [
        ("2501.00001", ["Method"], "ppo"),
        ("2501.00002", ["Model"], "gpt4"),
    ]
    result = one(
        conn,
        "MATCH (:Paper {id: '2501.00001'})-[rep:REPORTS]->(r:Result)-[:MEASURES]->(m:Metric), "
        "(r)-[:ON_DATASET]->(d:Dataset) RETURN r.value AS value, r.unit AS unit, m.key AS metric, "
        "d.key AS dataset, rep.sentence AS sentence",
    )
    assert dict(result) == {
        "value": 87.5,
        "unit": "%",
        "metric": "successrate",
        "dataset": "metaworld",
        "sentence": RESULT_SENTENCE,
    }
    mentions = one(conn, "MATCH (:Paper {id: '2501.00001'})-[m:MENTIONS]->(:Dataset) RETURN m.count AS count")
    assert mentions["count"] == 2
    org = one(conn, "MATCH (:Paper {id: '2501.00001'})-[:PUBLISHED_BY]->(o:Organization) RETURN o.name AS name")
    assert org["name"] == "Google DeepMind"

    assert summary.labels["Paper"] == {"rows": 2, "created": 2, "existed": 0, "skipped": 0}
    assert summary.types["MENTIONS"] == {"rows": 4, "created": 4, "existed": 0, "skipped": 0}
    # PPO's long form is an alias key: one (:Name) node pointing at it, for alias look-ups.
    alias = one(conn, "MATCH (n:Name)-[:NAMES]->(e) RETURN n.key AS name, labels(e) AS labels, e.key AS key")
    assert dict(alias) == {"name": "proximalpolicyoptimization", "labels": ["Method"], "key": "ppo"}
    assert summary.labels["Name"] == {"rows": 1, "created": 1, "existed": 0, "skipped": 0}

    assert summary.nodes == 10 and summary.nodes_created == 10
    assert summary.relationships == 15 and summary.relationships_created == 15
    counts = one(conn, "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels")
    assert (counts["nodes"], counts["rels"]) == (10, 15)


def test_store_load_twice_changes_nothing(conn):
    graph = small_graph()
    first = load_graph(conn, graph)
    before = snapshot(conn)
    second = load_graph(conn, graph, batch_size=3)
    assert snapshot(conn) == before
    assert second.nodes_created == 0 and second.relationships_created == 0
    assert second.labels["Dataset"] == {"rows": 1, "created": 0, "existed": 1, "skipped": 0}
    assert {k: v["existed"] for k, v in second.types.items()} == {k: v["created"] for k, v in first.types.items()}


def overlapping_graph() -> nx.MultiDiGraph:
    """Another corpus: paper 2501.00001 again, Meta-World under new aliases, a new paper."""
    g = nx.MultiDiGraph()
    p1 = add_paper(g, "2501.00001", title="Meta-World+: benchmarking robot learning", sources=["other.csv:7"])
    p3 = add_paper(g, "2502.00003", title="Offline RL on Meta-World", sources=["other.csv:8"])
    mw = add_entity(g, "Dataset", "MetaWorld", ["MetaWorld", "Meta World", "MW"])
    add_edge(g, p1, mw, "MENTIONS", count=5, sentence="Meta World again.")
    add_edge(g, p3, mw, "EVALUATES_ON", sentence="We evaluate on Meta World.")
    return g


def test_store_load_merges_overlapping_graphs(conn):
    load_graph(conn, small_graph())
    summary = load_graph(conn, overlapping_graph())

    datasets = conn.execute_query("MATCH (d:Dataset) RETURN d.key AS key, d.name AS name, d.aliases AS aliases").records
    assert len(datasets) == 1
    assert datasets[0]["name"] == "Meta-World"  # the first name loaded stays
    assert datasets[0]["aliases"] == ["Meta-World", "MetaWorld", "Meta World", "MW"]
    assert one(conn, "MATCH (d:Dataset) RETURN d.keys AS keys")["keys"] == ["metaworld", "mw"]
    paper = one(conn, "MATCH (p:Paper {id: '2501.00001'}) RETURN p")["p"]
    assert paper["sources"] == ["papers.jsonl:1", "other.csv:7"]
    assert paper["upvotes"] == 12  # not in the second corpus: kept
    mention = one(conn, "MATCH (:Paper {id: '2501.00001'})-[m:MENTIONS]->(:Dataset) RETURN m.count AS c, m.sentence AS s")
    assert (mention["c"], mention["s"]) == (5, "Meta World again.")  # set, not 2 + 5
    assert summary.labels["Paper"] == {"rows": 2, "created": 1, "existed": 1, "skipped": 0}
    assert summary.labels["Dataset"] == {"rows": 1, "created": 0, "existed": 1, "skipped": 0}
    assert one(conn, "MATCH (:Paper)-[r:EVALUATES_ON]->(:Dataset) RETURN count(r) AS n")["n"] == 2
    # The derived numbers are recomputed over the merged graph, and the new alias is indexed.
    derived = one(conn, "MATCH (d:Dataset) RETURN d.papers AS papers, d.mentions AS mentions, d.rank AS rank")
    assert dict(derived) == {"papers": 1, "mentions": 5, "rank": 1}
    assert one(conn, "MATCH (:Name {key: 'mw'})-[:NAMES]->(d:Dataset) RETURN d.key AS key")["key"] == "metaworld"

    # Loading the second corpus again inflates nothing.
    before = snapshot(conn)
    load_graph(conn, overlapping_graph())
    assert snapshot(conn) == before


def bad_batch_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for i in range(5):
        add_paper(g, f"p{i}", title=f"Paper {i}")
    g.nodes["Paper:p3"]["title"] = {"not": "a property value"}  # maps cannot be stored
    return g


def test_store_load_failed_batch_writes_nothing(conn):
    with pytest.raises(StoreError, match=r"loaders/10_paper.cypher, rows 2-3 failed.*Nothing of this batch"):
        load_graph(conn, bad_batch_graph(), batch_size=2)
    ids = {r["id"] for r in conn.execute_query("MATCH (p:Paper) RETURN p.id AS id").records}
    # Batch 0 committed; the failing batch 1 (p2, p3) not at all. With two writers,
    # batch 2 (p4) may have committed beside it: a rerun completes the load.
    assert {"p0", "p1"} <= ids and not ids & {"p2", "p3"}


def test_store_load_failed_single_batch_writes_nothing(conn):
    with pytest.raises(StoreError):
        load_graph(conn, bad_batch_graph(), batch_size=100)
    assert one(conn, "MATCH (n) RETURN count(n) AS n")["n"] == 0


def test_store_load_retries_transient_errors(conn, monkeypatch):
    real_session = type(conn).session
    failures = []

    def flaky_session(self, **config):
        if len(failures) < 2:
            failures.append(1)
            raise TransientError("simulated deadlock", "Neo.TransientError.Transaction.DeadlockDetected")
        return real_session(self, **config)

    monkeypatch.setattr(type(conn), "session", flaky_session)
    summary = load_graph(conn, small_graph(), initial_delay=0.01)
    assert summary.retries == 2
    assert summary.nodes_created == 10


def test_store_load_gives_up_after_max_attempts(conn, monkeypatch):
    def always_busy(self, **config):
        raise TransientError("simulated", "Neo.TransientError.Transaction.DeadlockDetected")

    monkeypatch.setattr(type(conn), "session", always_busy)
    with pytest.raises(StoreError, match="after 3 attempts"):
        load_graph(conn, small_graph(), max_attempts=3, initial_delay=0.01)


def test_store_load_reports_progress(conn):
    calls = []
    load_graph(conn, small_graph(), batch_size=1, progress=lambda *args: calls.append(args))
    assert ("(:Paper)", 1, 2) in calls and ("(:Paper)", 2, 2) in calls
    assert calls[-1] == ("(:Name)-[:NAMES]->(:Method)", 1, 1)


def test_store_load_rows_follow_loader_order():
    names = [loader.name for loader in graph_rows(small_graph())]
    order = [loader.name for loader in loaders()]
    assert names == sorted(names, key=order.index)
    assert names[:8] == ["paper", "organization", "dataset", "model", "method", "metric", "task", "result"]


def test_store_load_rejects_node_without_key():
    g = nx.MultiDiGraph()
    g.add_node("Paper:x", label="Paper", id=None, title="no id")
    with pytest.raises(GraphError, match="has no 'id'"):
        graph_rows(g)


def test_store_load_rejects_unknown_relationship():
    g = nx.MultiDiGraph()
    p = add_paper(g, "p")
    d = add_entity(g, "Dataset", "D")
    add_edge(g, d, p, "USES")
    with pytest.raises(GraphError, match=r"No loader for \(:Dataset\)-\[:USES\]->\(:Paper\)"):
        graph_rows(g)


ENTITY_LABELS = ["Dataset", "Model", "Method", "Metric", "Task"]


def test_store_load_has_a_loader_for_every_contract_edge():
    """One loader per relationship kind the annotation guide allows, and no other."""
    from kg.graph import RELATION_TARGETS

    targets = {loader.target_id for loader in loaders()}
    expected = {(t, "Paper", label) for t, labels in RELATION_TARGETS.items() for label in labels}
    expected |= {("MENTIONS", "Paper", label) for label in ENTITY_LABELS}
    expected |= {
        ("REPORTS", "Paper", "Result"),
        ("PUBLISHED_BY", "Paper", "Organization"),
        ("MEASURES", "Result", "Metric"),
        ("ON_DATASET", "Result", "Dataset"),
    }
    expected |= {("NAMES", "Name", label) for label in ENTITY_LABELS}  # the alias look-up index
    expected |= {"Paper", "Organization", "Result", "Name", *ENTITY_LABELS}
    assert targets == expected


@pytest.mark.parametrize("loader", loaders(), ids=lambda loader: loader.file)
def test_store_load_loader_files_declare_rows_and_return(loader):
    header = [line for line in loader.cypher.splitlines() if line.startswith("//")]
    body = "\n".join(line for line in loader.cypher.splitlines() if not line.startswith("//"))
    assert any("$rows" in line for line in header) and any("Returns:" in line for line in header)
    assert set(re.findall(r"\$(\w+)", body)) == {"rows"}
    assert body.lstrip().startswith("UNWIND $rows AS row")
    assert body.rstrip().endswith("RETURN count(*) AS rows")
    if not loader.is_node:
        # MERGE from the source node: ArcadeDB looks for an existing relationship from
        # the pattern's first node, and targets (datasets...) have the high degree.
        assert re.search(rf"MERGE \(a\)-\[\w*:{loader.type}\]->\(b\)", body)


def test_store_load_shared_aliases_give_one_name_each(conn):
    # 40 methods all listing the alias "PR" (and their own long form): the Name rows are
    # sent once per key, so two writers with one-row batches never race on a new Name.
    g = nx.MultiDiGraph()
    for i in range(40):
        add_entity(g, "Method", f"Shared Alias Method {i}", [f"Shared Alias Method {i}", "KGPR", f"KGPR long {i}"])
    summary = load_graph(conn, g, batch_size=1, writers=2)
    names = conn.execute_query(
        "MATCH (n:Name)-[:NAMES]->(m:Method) WHERE n.key STARTS WITH 'kgpr' "
        "RETURN n.key AS name, count(m) AS methods ORDER BY name"
    ).records
    assert [(r["name"], r["methods"]) for r in names][:2] == [("kgpr", 40), ("kgprlong0", 1)]
    assert len(names) == 41
    assert summary.labels["Name"]["rows"] == 41
