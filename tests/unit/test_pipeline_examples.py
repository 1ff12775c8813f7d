"""End to end on the sample corpus: examples/ -> graph, concrete facts."""

from __future__ import annotations

from kg.graph import write_json, read_json


def _paper(graph, title_start: str) -> str:
    [node] = [n for n, a in graph.nodes(data=True) if a["label"] == "Paper" and a["title"].startswith(title_start)]
    return node


def _entity_of(graph, label: str, surface: str) -> str:
    from kg.models import normalize_key

    key = normalize_key(surface)
    [node] = [n for n, a in graph.nodes(data=True) if a["label"] == label and key in a["keys"]]
    return node


def test_examples_metaworld_spellings_are_one_dataset(examples_graph):
    graph = examples_graph
    node = _entity_of(graph, "Dataset", "Metaworld")
    assert node == _entity_of(graph, "Dataset", "Meta-World") == _entity_of(graph, "Dataset", "MetaWorld")
    attrs = graph.nodes[node]
    assert {attrs["name"], *attrs["aliases"]} >= {"Meta-World", "MetaWorld", "Metaworld"}
    writers = {s for s, _, k in graph.in_edges(node, keys=True) if k == "MENTIONS"}
    assert writers == {
        _paper(graph, "Meta-World: A Benchmark"),
        _paper(graph, "Self-Adapting Improvement Loops"),
        _paper(graph, "Meta-DT: Offline Meta-RL"),
        _paper(graph, "Prediction with Action"),
    }
    evaluators = {s for s, _, k in graph.in_edges(node, keys=True) if k == "EVALUATES_ON"}
    assert _paper(graph, "Meta-World: A Benchmark") in evaluators
    assert _paper(graph, "Self-Adapting Improvement Loops") in evaluators
    assert graph.has_edge(_paper(graph, "Meta-World: A Benchmark"), node, "INTRODUCES")


def test_examples_grpo_is_a_method(examples_graph):
    node = _entity_of(examples_graph, "Method", "GRPO")
    assert node == _entity_of(examples_graph, "Method", "Group Relative Policy Optimization")
    assert examples_graph.nodes[node]["type"] == "Method"


def test_examples_reported_accuracy_result(examples_graph):
    graph = examples_graph
    results = [graph.nodes[t] for _, t, k in graph.out_edges(_paper(graph, "Cross-LLM Generalization"), keys=True) if k == "REPORTS"]
    assert any(r["value"] == 92.7 and r["unit"] == "%" and r["metric"].lower() == "accuracy" for r in results)


def test_examples_author_counts_are_not_results(examples_graph):
    texts = [a["text"] for _, a in examples_graph.nodes(data=True) if a["label"] == "Result"]
    assert texts and not any("author" in text for text in texts)
    assert examples_graph.nodes[_paper(examples_graph, "RegMean++")]["authors_count"] == 4


def test_examples_paper_in_two_files_is_one_node(examples_graph):
    [node] = [n for n, a in examples_graph.nodes(data=True) if a["label"] == "Paper" and a["title"].startswith("Easy2Hard-Bench")]
    files = {source.rsplit(":", 1)[0].rsplit("/", 1)[-1] for source in examples_graph.nodes[node]["sources"]}
    assert files == {"002_bfb9b92e3007a05a.txt", "003_d49c66286add6fa3.txt"}


def test_examples_graph_round_trips_through_json(examples_graph, tmp_path):
    write_json(examples_graph, tmp_path / "graph.json")
    again = read_json(tmp_path / "graph.json")
    assert dict(again.nodes(data=True)) == dict(examples_graph.nodes(data=True))
    assert sorted(again.edges(keys=True)) == sorted(examples_graph.edges(keys=True))


def test_examples_two_workers_give_the_same_graph(examples_graph):
    """Workers extract and prepare each paper; the parent resolves names: same graph as one process."""
    import networkx as nx

    from kg.pipeline import graph_from_files
    from tests.conftest import EXAMPLES

    assert nx.utils.graphs_equal(graph_from_files([EXAMPLES], workers=2), examples_graph)
