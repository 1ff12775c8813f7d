"""Resolution and the graph: hand-made extractions in, concrete nodes and edges out."""

from __future__ import annotations

import csv
import datetime as dt

import networkx as nx
import pytest

from kg.errors import GraphError
from kg.graph import build_graph, read_json, write_graphml, write_json, write_neo4j_csv
from kg.models import Mention, Organization, Paper, PaperExtraction, Relation, Result
from kg.resolve import Resolver


def _mention(text, type_="Dataset", sentence=0, **extra):
    return Mention(text=text, type=type_, sentence=sentence, start=0, end=len(text), **extra)


def _extraction(paper_id, mentions, relations=(), results=(), **paper):
    return PaperExtraction(
        paper=Paper(id=paper_id, title=f"Paper {paper_id}", **paper),
        sentences=["first sentence", "second sentence"],
        mentions=list(mentions),
        relations=list(relations),
        results=list(results),
    )


@pytest.fixture
def corpus():
    return [
        _extraction(
            "a",
            [_mention("Meta-World"), _mention("Meta-World"), _mention("Regression Mean", "Method"),
             _mention("RegMean", "Method", long_form="Regression Mean"), _mention("accuracy", "Metric", canonical="Accuracy")],
            [Relation(type="EVALUATES_ON", target="Meta-World", target_type="Dataset", sentence=1),
             Relation(type="USES", target="RegMean", target_type="Method", sentence=0),
             Relation(type="EVALUATES_ON", target="RegMean", target_type="Method", sentence=0)],
            [Result(value=92.7, unit="%", text="92.7%", sentence=1, start=0, end=5, metric="accuracy", dataset="Meta-World")],
            organization=Organization(id="deepmind", name="Deepmind"),
            date=dt.date(2025, 9, 25),
        ),
        _extraction("b", [_mention("MetaWorld"), _mention("RegMean", "Method")],
                    [Relation(type="EVALUATES_ON", target="MetaWorld", target_type="Dataset", sentence=0)]),
        _extraction("c", [_mention("Metaworld")]),
    ]


def test_resolve_spelling_variants_and_acronyms_to_one_entity(corpus):
    resolver = Resolver()
    for extraction in corpus:
        resolver.add_mentions(extraction.mentions)
    metaworld = resolver.entity_of("Metaworld")
    assert metaworld is resolver.entity_of("Meta-World") is resolver.entity_of("MetaWorld")
    assert metaworld.name == "Meta-World" and metaworld.aliases == ["MetaWorld", "Metaworld"]
    assert resolver.entity_of("RegMean").name == "Regression Mean"
    assert resolver.entity_of("accuracy").name == "Accuracy"


def test_graph_nodes_edges_and_evidence(corpus):
    graph = build_graph(corpus)
    assert graph.nodes["Dataset:metaworld"]["aliases"] == ["MetaWorld", "Metaworld"]
    assert set(graph.nodes["Dataset:metaworld"]["keys"]) == {"metaworld"}
    papers_on_metaworld = {s for s, _, k in graph.in_edges("Dataset:metaworld", keys=True) if k == "EVALUATES_ON"}
    assert papers_on_metaworld == {"Paper:a", "Paper:b"}
    assert graph.edges["Paper:a", "Dataset:metaworld", "EVALUATES_ON"]["sentence"] == "second sentence"
    assert graph.edges["Paper:a", "Dataset:metaworld", "MENTIONS"]["count"] == 2
    assert graph.has_edge("Paper:b", "Method:regressionmean", "MENTIONS")
    # A relation that does not fit its target's type (EVALUATES_ON a Method) is dropped.
    assert not graph.has_edge("Paper:a", "Method:regressionmean", "EVALUATES_ON")
    assert graph.has_edge("Paper:a", "Organization:deepmind", "PUBLISHED_BY")
    assert graph.nodes["Paper:a"]["date"] == "2025-09-25"
    [result] = [n for n, attrs in graph.nodes(data=True) if attrs["label"] == "Result"]
    assert graph.nodes[result]["value"] == 92.7 and graph.nodes[result]["metric"] == "Accuracy"
    assert graph.has_edge(result, "Metric:accuracy", "MEASURES") and graph.has_edge(result, "Dataset:metaworld", "ON_DATASET")


def test_graph_spooled_builder_gives_the_same_graph(corpus):
    from kg.graph import GraphBuilder

    in_memory, spooled = GraphBuilder(), GraphBuilder(spool=True, chunk_size=2)
    for extraction in corpus:
        in_memory.add(extraction)
        spooled.add(extraction)
    assert nx.utils.graphs_equal(in_memory.graph(), spooled.graph())
    # Entities come first, then each chunk's nodes before its edges.
    seen = set()
    for record in spooled.records():
        if record[0] == "node":
            seen.add((record[1], record[2].get("id", record[2].get("key"))))
        else:
            assert (record[2], record[3]) in seen and (record[4], record[5]) in seen


def test_graph_json_streamed_from_records_round_trips(corpus, tmp_path):
    from kg.graph import GraphBuilder

    builder = GraphBuilder(spool=True)
    for extraction in corpus:
        builder.add(extraction)
    write_json(builder.records(), tmp_path / "g.json")
    assert nx.utils.graphs_equal(read_json(tmp_path / "g.json"), build_graph(corpus))


def test_graph_invalid_record_names_it():
    bad = _extraction("x", [_mention("Meta-World")])
    bad.paper.title = None  # a reader bug: a paper without a title
    with pytest.raises(GraphError, match="invalid paper 'x'"):
        build_graph([bad])


def test_graph_invalid_edge_names_it():
    from kg.graph import graph_from_records

    with pytest.raises(GraphError, match="invalid MENTIONS relationship Paper:p -> Dataset:d"):
        graph_from_records([("edge", "MENTIONS", "Paper", "p", "Dataset", "d", {"count": "many"})])


def test_graph_json_round_trips(corpus, tmp_path):
    graph = build_graph(corpus)
    write_json(graph, tmp_path / "g.json")
    again = read_json(tmp_path / "g.json")
    assert nx.utils.graphs_equal(graph, again)
    assert dict(again.nodes(data=True)) == dict(graph.nodes(data=True))


def test_graph_graphml_opens_with_lists_as_json(corpus, tmp_path):
    write_graphml(build_graph(corpus), tmp_path / "g.graphml")
    again = nx.read_graphml(tmp_path / "g.graphml")
    assert again.nodes["Dataset:metaworld"]["aliases"] == '["MetaWorld", "Metaworld"]'


def test_graph_neo4j_admin_csv_headers(corpus, tmp_path):
    args = write_neo4j_csv(build_graph(corpus), tmp_path)
    assert f"--nodes=Dataset={tmp_path / 'nodes_Dataset.csv'}" in args
    with open(tmp_path / "nodes_Dataset.csv") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [":ID(Dataset)", "key", "type", "name", "aliases:string[]", "keys:string[]", ":LABEL"]
    assert rows[1] == ["metaworld", "metaworld", "Dataset", "Meta-World", "MetaWorld|Metaworld", "metaworld", "Dataset"]
    with open(tmp_path / "nodes_Paper.csv") as handle:
        assert next(csv.reader(handle))[:7] == [":ID(Paper)", "id", "title", "title_key", "abstract", "arxiv_id", "authors_count:int"]
    with open(tmp_path / "rels_EVALUATES_ON_Paper_Dataset.csv") as handle:
        assert next(csv.reader(handle)) == [":START_ID(Paper)", ":END_ID(Dataset)", "sentence", ":TYPE"]


def test_graph_neo4j_admin_csv_holds_the_alias_index_once_per_name(tmp_path):
    records = [
        ("node", "Dataset", {"key": "metaworld", "type": "Dataset", "name": "Meta-World", "aliases": ["MW"], "keys": ["metaworld", "mw"]}),
        ("node", "Model", {"key": "mwnet", "type": "Model", "name": "MWNet", "aliases": ["MW"], "keys": ["mw", "mwnet"]}),
    ]
    args = write_neo4j_csv(records, tmp_path)
    assert f"--nodes=Name={tmp_path / 'nodes_Name.csv'}" in args
    assert f"--relationships=NAMES={tmp_path / 'rels_NAMES_Name_Model.csv'}" in args
    with open(tmp_path / "nodes_Name.csv") as handle:
        assert list(csv.reader(handle)) == [[":ID(Name)", "key", ":LABEL"], ["mw", "mw", "Name"]]
    with open(tmp_path / "rels_NAMES_Name_Dataset.csv") as handle:
        assert list(csv.reader(handle)) == [[":START_ID(Name)", ":END_ID(Dataset)", ":TYPE"], ["mw", "metaworld", "NAMES"]]
    with open(tmp_path / "rels_NAMES_Name_Model.csv") as handle:
        assert list(csv.reader(handle))[1:] == [["mw", "mwnet", "NAMES"]]


def test_graph_read_json_errors_name_the_file(tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(GraphError, match="bad.json: not a kg graph file"):
        read_json(tmp_path / "bad.json")
    with pytest.raises(GraphError, match="no such graph file"):
        read_json(tmp_path / "missing.json")


def test_acronym_definitions_hold_in_their_own_paper():
    # "CI" means two things in two papers; a third paper's bare "CI" is neither.
    corpus = [
        _extraction("ci1", [_mention("Confidence Interval", "Metric"), _mention("CI", "Metric", long_form="Confidence Interval")]),
        _extraction("ci2", [_mention("Cochlear Implant", "Method"), _mention("CI", "Method", long_form="Cochlear Implant")]),
        _extraction("ci3", [_mention("CI", "Metric")]),
        # Three of four papers agree on "RL": a bare "RL" is reinforcement learning.
        *[_extraction(f"rl{i}", [_mention("reinforcement learning", "Method"), _mention("RL", "Method", long_form="reinforcement learning")])
          for i in range(3)],
        _extraction("rl3", [_mention("representation learning", "Method"), _mention("RL", "Method", long_form="representation learning")]),
        _extraction("rl4", [_mention("RL", "Method")]),
    ]
    graph = build_graph(corpus)
    mentioned = {p: {v for _, v, k in graph.out_edges(f"Paper:{p}", keys=True) if k == "MENTIONS"} for p in ("ci1", "ci2", "ci3", "rl3", "rl4")}
    assert mentioned["ci1"] == {"Metric:confidenceinterval"}
    assert mentioned["ci2"] == {"Method:cochlearimplant"}
    assert mentioned["ci3"] == {"Metric:ci"}
    assert graph.nodes["Metric:confidenceinterval"]["aliases"] == ["CI"]
    assert mentioned["rl3"] == {"Method:representationlearning"}
    assert mentioned["rl4"] == {"Method:reinforcementlearning"}
    assert "Method:rl" not in graph


def test_acronym_on_a_list_defined_otherwise_leaves_the_listed_entity_alone():
    # "R1" is listed as DeepSeek-R1; one paper defines it as Recall@1.
    corpus = [
        _extraction("m", [_mention("Recall@1", "Metric", canonical="Recall@1"),
                          _mention("R1", "Metric", canonical="DeepSeek-R1", long_form="Recall@1")]),
        _extraction("d", [_mention("R1", "Model", canonical="DeepSeek-R1")]),
    ]
    graph = build_graph(corpus)
    assert graph.nodes["Model:deepseekr1"]["name"] == "DeepSeek-R1"
    assert graph.nodes["Metric:recall@1"]["aliases"] == ["R1"]
    assert graph.has_edge("Paper:m", "Metric:recall@1", "MENTIONS") and not graph.has_edge("Paper:m", "Model:deepseekr1", "MENTIONS")
