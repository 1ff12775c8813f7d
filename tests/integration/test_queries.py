"""Every canned query on the graph of examples/, checked row by row against the networkx graph itself."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import QueryError
from kg.models import normalize_key
from kg.graph import graph_from_records
from kg.pipeline import graph_from_files
from kg.query import get_query, list_queries, run_cypher, run_query
from kg.store import Connection, load_graph

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ENTITY_LABELS = {"Dataset", "Model", "Method", "Metric", "Task"}
META_WORLD_PAPER = "Meta-World: A Benchmark and Evaluation for Multi-Task and Meta Reinforcement Learning"
REFT = "ReFT: Reasoning with Reinforced Fine-Tuning"
INJECTION = "x'}) MATCH (n) DETACH DELETE n //"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    g = graph_from_files([EXAMPLES])
    # kg/graph.py's contract is Result-[MEASURES]->Metric, but the builder also links a
    # result to a metric name resolved as another type (e.g. "F1" as a Model); no loader
    # takes those, so they are left out here (reported to the graph's owner).
    g.remove_edges_from(
        [(u, v, k) for u, v, k, a in g.edges(keys=True, data=True) if a["type"] == "MEASURES" and g.nodes[v]["label"] != "Metric"]
    )
    return g


@pytest.fixture(scope="module")
def db(store: Connection, schema: list[str], graph: nx.MultiDiGraph) -> Connection:
    """The session's database holding the examples graph, for this module's read-only tests."""
    store.execute_query("MATCH (n) DETACH DELETE n")
    load_graph(store, graph)
    return store


def node_count(conn: Connection) -> int:
    records, _, _ = conn.execute_query("MATCH (n) RETURN count(n) AS n")
    return records[0]["n"]


# -- what each query should return, computed from the networkx graph ---------------------------


def entities(g: nx.MultiDiGraph, name: str, labels=ENTITY_LABELS) -> set[str]:
    """What the queries resolve a name to: the entities keyed by it, else those listing it as an alias."""
    key = normalize_key(name)
    nodes = [(n, a) for n, a in g.nodes(data=True) if a["label"] in labels]
    return {n for n, a in nodes if a["key"] == key} or {n for n, a in nodes if key in a["keys"]}


def sources(g: nx.MultiDiGraph, node: str, *types: str) -> set[str]:
    return {u for u, _, a in g.in_edges(node, data=True) if a["type"] in types}


def targets(g: nx.MultiDiGraph, node: str, *types: str) -> set[str]:
    return {v for _, v, a in g.out_edges(node, data=True) if a["type"] in types}


def paper(g: nx.MultiDiGraph, title: str) -> str:
    (node,) = [n for n, a in g.nodes(data=True) if a["label"] == "Paper" and a["title"].lower() == title.lower()]
    return node


def pid(node: str) -> str:
    return node.split(":", 1)[1]


# -- the queries ---------------------------------------------------------------------------


def test_queries_every_one_runs_with_its_header_example(db):
    for query in list_queries():
        columns, rows = run_query(db, query.name, query.example_params)
        assert columns, query.name
        assert all(list(row) == columns for row in rows)


@pytest.mark.parametrize("spelling", ["MetaWorld", "meta-world", "Metaworld", " META_WORLD ", "Meta.World"])
def test_queries_papers_evaluating_on(db, graph, spelling):
    expected = set()
    for dataset in entities(graph, "Meta-World", {"Dataset"}):
        expected |= {pid(p) for p in sources(graph, dataset, "EVALUATES_ON")}
    assert len(expected) >= 2
    columns, rows = run_query(db, "papers-evaluating-on", {"dataset": spelling})
    assert columns == ["paper_id", "title", "date", "dataset", "sentence"]
    assert {row["paper_id"] for row in rows} == expected
    assert META_WORLD_PAPER in {row["title"] for row in rows}
    assert {row["dataset"] for row in rows} == {"Meta-World"}
    assert all(row["sentence"] for row in rows)
    dates = [row["date"] or "" for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert run_query(db, "papers-evaluating-on", {"dataset": "MetaWorld"}) == (columns, rows)


def leaderboard(graph: nx.MultiDiGraph, name: str) -> Counter:
    """(paper id, value, methods) of the results methods-on-dataset should list."""
    rows = Counter()
    for dataset in entities(graph, name, {"Dataset"}):
        keys = graph.nodes[dataset]["keys"]
        for p in sources(graph, dataset, "EVALUATES_ON"):
            kinds = {"Method", "Model"}
            introduced = {graph.nodes[e]["name"] for e in targets(graph, p, "INTRODUCES") if graph.nodes[e]["label"] in kinds}
            used = {graph.nodes[e]["name"] for e in targets(graph, p, "USES") if graph.nodes[e]["label"] in kinds}
            for result in targets(graph, p, "REPORTS"):
                attrs = graph.nodes[result]
                if dataset in targets(graph, result, "ON_DATASET") or normalize_key(attrs["dataset"] or "") in keys:
                    rows[(pid(p), attrs["value"], frozenset(introduced or used))] += 1
    return rows


@pytest.mark.parametrize("name", ["HumanEval", "human eval", "PACS"])
def test_queries_methods_on_dataset(db, graph, name):
    expected = leaderboard(graph, name)
    assert expected
    columns, rows = run_query(db, "methods-on-dataset", {"dataset": name})
    assert columns == ["methods", "metric", "value", "unit", "result", "dataset", "paper_id", "title", "sentence"]
    assert Counter((row["paper_id"], row["value"], frozenset(row["methods"])) for row in rows) == expected
    assert all(row["sentence"] and row["result"] for row in rows)
    # best first within a metric (these metrics are all higher-is-better or unnamed)
    for metric in {row["metric"] for row in rows}:
        values = [row["value"] for row in rows if row["metric"] == metric]
        assert values == sorted(values, reverse=True)


def test_queries_methods_on_dataset_lower_is_better(db):
    # An error metric ranks its lowest value first.
    run_cypher(
        db,
        "CREATE (p:Paper {id: 'kgq-lb', title: 'KGQ leaderboard'}), "
        "(d:Dataset {key: 'kgqset', type: 'Dataset', name: 'KGQSet', aliases: [], keys: ['kgqset']}), "
        "(m:Metric {key: 'worderrorrate', type: 'Metric', name: 'word error rate', aliases: [], keys: ['worderrorrate']}), "
        "(x:Method {key: 'kgqasr', type: 'Method', name: 'KGQ-ASR', aliases: [], keys: ['kgqasr']}), "
        "(p)-[:EVALUATES_ON {sentence: 'S'}]->(d), (p)-[:INTRODUCES {sentence: 'S'}]->(x) "
        "WITH p, d, m UNWIND [7.5, 3.25, 12.0] AS value "
        "CREATE (p)-[:REPORTS {sentence: 'S'}]->(r:Result {id: 'kgq-r' + toString(value), value: value, unit: '%', "
        "metric: 'word error rate', dataset: 'KGQSet', text: toString(value) + '%', sentence: 'S'}), "
        "(r)-[:MEASURES]->(m), (r)-[:ON_DATASET]->(d)",
        write=True,
    )
    try:
        _, rows = run_query(db, "methods-on-dataset", {"dataset": "kgqset"})
        assert [(row["metric"], row["value"], row["methods"]) for row in rows] == [
            ("word error rate", 3.25, ["KGQ-ASR"]),
            ("word error rate", 7.5, ["KGQ-ASR"]),
            ("word error rate", 12.0, ["KGQ-ASR"]),
        ]
    finally:
        run_cypher(
            db,
            "MATCH (n) WHERE n.id STARTS WITH 'kgq-' OR n.key IN ['kgqset', 'worderrorrate', 'kgqasr'] DETACH DELETE n",
            write=True,
        )


@pytest.mark.parametrize("name", ["chain of thought", "CoT", "GPT-4"])
def test_queries_datasets_for_method(db, graph, name):
    expected = {}
    for method in entities(graph, name, {"Method", "Model"}):
        per_dataset = defaultdict(list)
        for p in sources(graph, method, "INTRODUCES", "USES"):
            for dataset in targets(graph, p, "EVALUATES_ON"):
                per_dataset[graph.nodes[dataset]["name"]].append(p)
        for dataset, papers in per_dataset.items():
            introducing = sum(1 for p in papers if p in sources(graph, method, "INTRODUCES"))
            titles = sorted((graph.nodes[p]["title"] for p in papers))
            expected[(dataset, graph.nodes[method]["name"])] = (len(papers), introducing, titles)
    columns, rows = run_query(db, "datasets-for-method", {"name": name})
    assert columns == ["dataset", "papers", "introduced_in", "method", "titles"]
    assert {(row["dataset"], row["method"]): (row["papers"], row["introduced_in"], sorted(row["titles"])) for row in rows} == expected
    assert [row["papers"] for row in rows] == sorted((row["papers"] for row in rows), reverse=True)


def test_queries_datasets_for_method_known(db, graph):
    (method,) = entities(graph, "CoT", {"Method", "Model"})
    _, rows = run_query(db, "datasets-for-method", {"name": "CoT"})
    assert rows and {row["method"] for row in rows} == {graph.nodes[method]["name"]}
    assert any(REFT in row["titles"] for row in rows)  # ReFT uses CoT and evaluates on GSM8K, MathQA, SVAMP
    _, top = run_query(db, "datasets-for-method", {"name": "CoT", "limit": "1"})
    assert top == rows[:1]


def test_queries_introduced_by(db, graph):
    columns, rows = run_query(db, "introduced-by", {"name": "meta world"})
    assert columns == ["entity", "type", "paper_id", "title", "date", "sentence"]
    expected = {pid(p) for e in entities(graph, "Meta-World") for p in sources(graph, e, "INTRODUCES")}
    assert {row["paper_id"] for row in rows} == expected
    assert [(row["entity"], row["type"], row["title"], row["date"]) for row in rows] == [
        ("Meta-World", "Dataset", META_WORLD_PAPER, "2019-10-23")
    ]


def test_queries_names_resolve_key_first_then_aliases(db):
    # A name that is one entity's key and another's alias resolves to the first only;
    # a name that is only an alias resolves to every entity listing it (through the
    # (:Name)-[:NAMES]-> index the loaders build from the entities' keys).
    records = [
        ("node", "Paper", {"id": "kgq-p", "title": "KGQ", "title_key": "kgq"}),
        ("node", "Dataset", {"key": "kgqbench", "type": "Dataset", "name": "KGQ-Bench", "aliases": ["KGQ Alias"],
                             "keys": ["kgqalias", "kgqbench"]}),
        ("node", "Model", {"key": "kgqnet", "type": "Model", "name": "KGQNet", "aliases": ["KGQ Bench", "KGQ Alias"],
                           "keys": ["kgqalias", "kgqbench", "kgqnet"]}),
        ("edge", "INTRODUCES", "Paper", "kgq-p", "Dataset", "kgqbench", {"sentence": "S1"}),
        ("edge", "INTRODUCES", "Paper", "kgq-p", "Model", "kgqnet", {"sentence": "S2"}),
    ]
    load_graph(db, graph_from_records(records))
    try:
        _, names = run_cypher(db, "MATCH (n:Name)-[:NAMES]->(e) WHERE n.key STARTS WITH 'kgq' RETURN n.key AS name, e.key AS entity")
        assert sorted((row["name"], row["entity"]) for row in names) == [
            ("kgqalias", "kgqbench"), ("kgqalias", "kgqnet"), ("kgqbench", "kgqnet")
        ]
        for name, expected in [("kgq bench", {"KGQ-Bench"}), ("KGQNET", {"KGQNet"}), ("kgq_alias", {"KGQ-Bench", "KGQNet"})]:
            _, rows = run_query(db, "introduced-by", {"name": name})
            assert {row["entity"] for row in rows} == expected, name
    finally:
        run_cypher(db, "MATCH (n) WHERE n.id = 'kgq-p' OR n.key IN ['kgqbench', 'kgqnet', 'kgqalias'] DETACH DELETE n", write=True)


@pytest.mark.parametrize("type_, limit", [("Model", 5), ("dataset", 3), ("METHOD", 10), ("Task", 100)])
def test_queries_top_entities(db, graph, type_, limit):
    papers = Counter()
    for _, v, a in graph.edges(data=True):
        if a["type"] == "MENTIONS" and graph.nodes[v]["type"].lower() == type_.lower():
            papers[graph.nodes[v]["name"]] += 1
    columns, rows = run_query(db, "top-entities", {"type": type_, "limit": str(limit)})
    assert columns == ["name", "type", "papers", "mentions", "aliases"]
    assert len(rows) == min(limit, len(papers))
    assert [row["papers"] for row in rows] == sorted(papers.values(), reverse=True)[:limit]
    assert all(papers[row["name"]] == row["papers"] for row in rows)


def test_queries_top_entities_rows(db, graph):
    # Full rows, ties broken by name; mentions sum the MENTIONS counts.
    expected = []
    for node, attrs in graph.nodes(data=True):
        if attrs["label"] == "Dataset":
            counts = [a.get("count") or 1 for _, _, a in graph.in_edges(node, data=True) if a["type"] == "MENTIONS"]
            if counts:
                expected.append((-len(counts), attrs["name"], sum(counts), sorted(attrs["aliases"])))
    expected = [(name, "Dataset", -papers, mentions, aliases) for papers, name, mentions, aliases in sorted(expected)[:5]]
    _, rows = run_query(db, "top-entities", {"type": "Dataset", "limit": "5"})
    assert [(r["name"], r["type"], r["papers"], r["mentions"], sorted(r["aliases"])) for r in rows] == expected
    assert "Meta-World" in {row["name"] for row in rows}


def test_queries_top_entities_unknown_type(db):
    assert run_query(db, "top-entities", {"type": "Paper", "limit": "5"})[1] == []


def co_occurring(graph: nx.MultiDiGraph, name: str) -> list[tuple[str, str, int]]:
    resolved = entities(graph, name)
    shared = defaultdict(set)
    for entity in resolved:
        for p in sources(graph, entity, "MENTIONS"):
            for other in targets(graph, p, "MENTIONS") - resolved:
                shared[other].add(p)
    rows = [(graph.nodes[n]["name"], graph.nodes[n]["type"], len(ps)) for n, ps in shared.items()]
    return sorted(rows, key=lambda row: (-row[2], row[0], row[1]))


@pytest.mark.parametrize("name", ["CoT", "GPT-4", "Meta-World"])
def test_queries_co_occurring(db, graph, name):
    expected = co_occurring(graph, name)
    assert expected
    columns, rows = run_query(db, "co-occurring", {"name": name, "limit": "1000"})
    assert columns == ["name", "type", "shared_papers", "entities"]
    assert [(row["name"], row["type"], row["shared_papers"]) for row in rows] == expected
    names = sorted(graph.nodes[e]["name"] for e in entities(graph, name))
    assert all(sorted(row["entities"]) == names for row in rows)
    _, top = run_query(db, "co-occurring", {"name": name, "limit": "2"})
    assert [(row["name"], row["type"], row["shared_papers"]) for row in top] == expected[:2]


@pytest.mark.parametrize("given", [REFT, REFT.upper(), "t-1e6493958f635d69"])
def test_queries_paper_profile(db, graph, given):
    node = paper(graph, REFT)
    expected = Counter()
    for _, v, a in graph.out_edges(node, data=True):
        if a["type"] != "MENTIONS":
            attrs = graph.nodes[v]
            expected[(a["type"], attrs.get("name") or attrs.get("text"), a.get("sentence"))] += 1
    columns, rows = run_query(db, "paper-profile", {"paper": given})
    assert columns == ["paper_id", "title", "relation", "type", "name", "value", "unit", "metric", "dataset", "sentence"]
    assert Counter((row["relation"], row["name"], row["sentence"]) for row in rows) == expected
    assert {row["title"] for row in rows} == {REFT}
    order = ["INTRODUCES", "EVALUATES_ON", "USES", "COMPARES_TO", "ADDRESSES", "REPORTS", "PUBLISHED_BY"]
    ranks = [order.index(row["relation"]) for row in rows]
    assert ranks == sorted(ranks) and ranks[0] == 0
    assert ("EVALUATES_ON", "Dataset", "SVAMP") in {(row["relation"], row["type"], row["name"]) for row in rows}


def test_queries_paper_profile_reports_results(db, graph):
    node = next(n for n, a in graph.nodes(data=True) if a["label"] == "Paper" and a["title"].startswith("Adversarial Style Augmentation"))
    expected = sorted(
        (graph.nodes[r]["value"], graph.nodes[r]["unit"], graph.nodes[r]["metric"], graph.nodes[r]["dataset"], graph.nodes[r]["text"])
        for r in targets(graph, node, "REPORTS")
    )
    assert expected
    _, rows = run_query(db, "paper-profile", {"paper": pid(node)})
    reports = [row for row in rows if row["relation"] == "REPORTS"]
    assert sorted((r["value"], r["unit"], r["metric"], r["dataset"], r["name"]) for r in reports) == expected
    assert {row["type"] for row in reports} == {"Result"}


def test_queries_related_papers(db, graph):
    node = paper(graph, REFT)
    mine = targets(graph, node, "MENTIONS")
    shared = Counter()
    for entity in mine:
        for other in sources(graph, entity, "MENTIONS") - {node}:
            shared[pid(other)] += 1
    columns, rows = run_query(db, "related-papers", {"paper": REFT, "limit": "100"})
    assert columns == ["paper_id", "title", "date", "shared", "entities"]
    assert {row["paper_id"]: row["shared"] for row in rows} == dict(shared)
    assert [row["shared"] for row in rows] == sorted(shared.values(), reverse=True)
    _, top = run_query(db, "related-papers", {"paper": REFT, "limit": "2"})
    assert [row["paper_id"] for row in top] == [row["paper_id"] for row in rows[:2]]
    for row in top:
        other = f"Paper:{row['paper_id']}"
        assert sorted(row["entities"]) == sorted(graph.nodes[e]["name"] for e in mine & targets(graph, other, "MENTIONS"))


def test_queries_entity_timeline(db, graph):
    months = Counter()
    for e in entities(graph, "GPT-4"):
        for p in sources(graph, e, "MENTIONS"):
            date = graph.nodes[p]["date"]
            months[date[:7] if date else None] += 1
    assert None in months and len(months) > 2
    columns, rows = run_query(db, "entity-timeline", {"name": "gpt4"})
    assert columns == ["month", "papers", "entities"]
    assert [(row["month"], row["papers"]) for row in rows] == sorted(months.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))
    assert rows[-1]["month"] is None  # undated papers: one row, last


def _paper_entity_graph(g: nx.MultiDiGraph) -> nx.Graph:
    kinds = {"INTRODUCES", "EVALUATES_ON", "USES", "COMPARES_TO", "ADDRESSES", "MENTIONS"}
    return nx.Graph([(u, v) for u, v, a in g.edges(data=True) if a["type"] in kinds])


def _check_chain(graph, rows, a, b, hops):
    undirected = _paper_entity_graph(graph)
    assert [row["step"] for row in rows] == list(range(hops + 1))
    assert {row["hops"] for row in rows} == {hops}
    assert (rows[0]["name"], rows[-1]["name"]) == (graph.nodes[a]["name"], graph.nodes[b]["name"])
    assert [row["label"] == "Paper" for row in rows] == [i % 2 == 1 for i in range(hops + 1)]
    nodes = [f"{row['label']}:{row['id']}" for row in rows]
    assert nodes[0] == a and nodes[-1] == b
    assert all(undirected.has_edge(u, v) for u, v in zip(nodes, nodes[1:]))
    assert rows[-1]["relation"] is None and all(row["relation"] and row["sentence"] for row in rows[:-1])


@pytest.mark.parametrize("source, target", [("GPT-4", "roberta"), ("TruthfulQA", "gpt 4")])
def test_queries_connection(db, graph, source, target):
    (a,), (b,) = entities(graph, source), entities(graph, target)
    hops = nx.shortest_path_length(_paper_entity_graph(graph), a, b)
    assert hops <= 8
    columns, rows = run_query(db, "connection", {"from": source, "to": target})
    assert columns == ["step", "hops", "label", "name", "id", "relation", "sentence"]
    _check_chain(graph, rows, a, b, hops)


def test_queries_connection_every_distance(db, graph):
    # From GPT-4 to one entity at each distance: a chain up to 8 hops, nothing beyond.
    undirected = _paper_entity_graph(graph)
    (a,) = entities(graph, "GPT-4")
    distance = nx.single_source_shortest_path_length(undirected, a)
    for hops in (2, 4, 6, 8, 10):
        b = min(
            n for n, d in distance.items()
            if d == hops and not n.startswith("Paper:") and entities(graph, graph.nodes[n]["name"]) == {n}
        )
        _, rows = run_query(db, "connection", {"from": "GPT-4", "to": graph.nodes[b]["name"]})
        if hops > 8:
            assert rows == []
        else:
            _check_chain(graph, rows, a, b, hops)


@pytest.mark.parametrize("source, target", [("GPT-4", "gpt4"), ("GPT-4", "no such thing"), ("no such thing", "GPT-4")])
def test_queries_connection_none(db, source, target):
    assert run_query(db, "connection", {"from": source, "to": target})[1] == []


def test_queries_connection_unconnected(db, graph):
    # Two entities in different components of the paper-entity graph: no chain.
    components = sorted(nx.connected_components(_paper_entity_graph(graph)), key=len, reverse=True)
    a = min(n for n in components[0] if not n.startswith("Paper:") and entities(graph, graph.nodes[n]["name"]) == {n})
    b = min(n for n in components[1] if not n.startswith("Paper:") and entities(graph, graph.nodes[n]["name"]) == {n})
    assert run_query(db, "connection", {"from": graph.nodes[a]["name"], "to": graph.nodes[b]["name"]})[1] == []


@pytest.mark.parametrize("org", ["UC Berkeley", "berkeley", "BERKELEY"])
def test_queries_organisation_focus(db, graph, org):
    (node,) = [n for n, a in graph.nodes(data=True) if a["label"] == "Organization" and a["id"] == "Berkeley"]
    expected = {pid(p) for p in sources(graph, node, "PUBLISHED_BY")}
    columns, rows = run_query(db, "organisation-focus", {"org": org})
    assert columns == ["organization", "paper_id", "title", "date", "entities", "introduces"]
    assert {row["paper_id"] for row in rows} == expected
    assert [(row["organization"], row["title"]) for row in rows] == [
        ("UC Berkeley", "Learning to Grasp Anything by Playing with Random Toys")
    ]
    paper_node = f"Paper:{rows[0]['paper_id']}"
    mentioned = sorted(
        (-(a.get("count") or 1), graph.nodes[v]["name"], graph.nodes[v]["type"])
        for _, v, a in graph.out_edges(paper_node, data=True) if a["type"] == "MENTIONS"
    )
    assert rows[0]["entities"] == [f"{name} ({type_})" for _, name, type_ in mentioned[:5]]
    assert sorted(rows[0]["introduces"]) == sorted(graph.nodes[e]["name"] for e in targets(graph, paper_node, "INTRODUCES"))


# -- parameters are values, never Cypher ------------------------------------------------------


@pytest.mark.parametrize("query", [q.name for q in list_queries()])
def test_queries_injection_is_harmless(db, query):
    before = node_count(db)
    params = {p.name: (INJECTION if p.type == "string" else "5") for p in next(q for q in list_queries() if q.name == query).params}
    if query == "top-entities":
        params["type"] = INJECTION
    columns, rows = run_query(db, query, params)
    assert rows == []
    assert columns == get_query(query).columns  # ArcadeDB sends no columns with an empty result
    assert node_count(db) == before


def test_queries_unknown_query(db):
    with pytest.raises(QueryError) as info:
        run_query(db, "no-such-query", {})
    assert str(info.value).startswith("Unknown query 'no-such-query'.")
    assert all(q.name in str(info.value) for q in list_queries())


def test_queries_missing_parameter(db):
    with pytest.raises(QueryError) as info:
        run_query(db, "co-occurring", {"name": "GPT-4"})
    assert str(info.value) == (
        "Query 'co-occurring' needs $limit (int, e.g. 10); it expects $name (string, e.g. \"Chain-of-Thought\"), "
        "$limit (int, e.g. 10). Example: kg query co-occurring --param name=Chain-of-Thought --param limit=10"
    )


# -- ad-hoc Cypher ----------------------------------------------------------------------------


def test_queries_run_cypher_reads(db, graph):
    columns, rows = run_cypher(db, "MATCH (p:Paper) RETURN count(p) AS papers")
    papers = sum(1 for _, a in graph.nodes(data=True) if a["label"] == "Paper")
    assert (columns, rows) == (["papers"], [{"papers": papers}])
    columns, rows = run_cypher(db, "MATCH (d:Dataset {key: $key}) RETURN d", {"key": "metaworld"})
    assert rows[0]["d"]["labels"] == ["Dataset"] and rows[0]["d"]["name"] == "Meta-World"


@pytest.mark.parametrize(
    "text",
    ["CREATE (n:KgQueryTest {x: 1})", "MATCH (n) DETACH DELETE n", "MATCH (d:Dataset) SET d.name = 'x'", "MERGE (n:KgQueryTest)"],
)
def test_queries_run_cypher_refuses_writes_in_read_mode(db, text):
    before = node_count(db)
    with pytest.raises(QueryError) as info:
        run_cypher(db, text)
    assert str(info.value).endswith("Check it, then run it again with --write.")
    assert node_count(db) == before
    assert run_cypher(db, "MATCH (d:Dataset) WHERE d.name = 'x' RETURN d")[1] == []


def test_queries_run_cypher_writes_with_write(db):
    before = node_count(db)
    _, rows = run_cypher(db, "CREATE (n:KgQueryTest {x: $x}) RETURN n.x AS x", {"x": 7}, write=True)
    assert rows == [{"x": 7}]
    assert node_count(db) == before + 1
    run_cypher(db, "MATCH (n:KgQueryTest) DELETE n", write=True)
    assert node_count(db) == before


def test_queries_run_cypher_syntax_error(db):
    with pytest.raises(QueryError, match=r"^The Cypher statement failed on bolt://"):
        run_cypher(db, "MATCH (n RETURN n")
