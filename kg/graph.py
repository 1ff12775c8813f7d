"""Graph: extractions -> a validated networkx MultiDiGraph, and its files.

Nodes are keyed "<Label>:<key>" and carry ``label`` plus their properties; edges are
keyed by relationship type and carry ``type`` plus theirs:

- Paper {id, title, abstract, arxiv_id, authors_count, date, date_text, upvotes, sources}
- Dataset / Model / Method / Metric / Task {key, type, name, aliases, keys}
- Result {id, value, unit, metric, dataset, text, sentence}
- Organization {id, name}
- Paper -INTRODUCES|EVALUATES_ON|USES|COMPARES_TO|ADDRESSES {sentence}-> entity
- Paper -MENTIONS {count, sentence}-> entity;  Paper -REPORTS {sentence}-> Result
- Paper -PUBLISHED_BY-> Organization;  Result -MEASURES-> Metric;  Result -ON_DATASET-> Dataset

Exports: node-link JSON (read back by ``read_json``), GraphML, neo4j-admin CSV.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict, ValidationError

from kg.errors import GraphError
from kg.models import ENTITY_TYPES, RELATION_TYPES, Entity, PaperExtraction, normalize_key
from kg.resolve import Resolver, mention_key

__all__ = [
    "NODE_LABELS",
    "EDGE_TYPES",
    "build_graph",
    "GraphBuilder",
    "node_id",
    "write_json",
    "read_json",
    "write_graphml",
    "write_neo4j_csv",
    "graph_stats",
]

NODE_LABELS = ("Paper", *ENTITY_TYPES, "Result", "Organization")
EDGE_TYPES = (*RELATION_TYPES, "MENTIONS", "REPORTS", "PUBLISHED_BY", "MEASURES", "ON_DATASET")


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PaperNode(_Node):
    id: str
    title: str
    abstract: str = ""
    arxiv_id: str | None = None
    authors_count: int | None = None
    date: str | None = None
    date_text: str | None = None
    upvotes: int | None = None
    sources: list[str] = []


class EntityNode(_Node):
    key: str
    type: Literal["Dataset", "Model", "Method", "Metric", "Task"]
    name: str
    aliases: list[str] = []
    keys: list[str]


class ResultNode(_Node):
    id: str
    value: float
    unit: str | None = None
    metric: str | None = None
    dataset: str | None = None
    text: str
    sentence: str


class OrganizationNode(_Node):
    id: str
    name: str | None = None


class EdgeProps(_Node):
    sentence: str | None = None
    count: int | None = None


_NODE_MODELS: dict[str, type[_Node]] = {
    "Paper": PaperNode,
    **{label: EntityNode for label in ENTITY_TYPES},
    "Result": ResultNode,
    "Organization": OrganizationNode,
}
_NODE_KEYS = {"Paper": "id", **{label: "key" for label in ENTITY_TYPES}, "Result": "id", "Organization": "id"}


def node_id(label: str, key: str) -> str:
    """The networkx id of a node: "Dataset:metaworld"."""
    return f"{label}:{key}"


def _validated(model: type[_Node], record: dict[str, Any], what: str) -> dict[str, Any]:
    try:
        return model.model_validate(record).model_dump()
    except ValidationError as err:
        raise GraphError(f"invalid {what}: {err.errors()[0]['loc']} {err.errors()[0]['msg']} in {record!r:.300}") from err


class GraphBuilder:
    """Adds papers one extraction at a time; ``graph()`` resolves entities and builds the graph.

    Per paper only what the graph needs is kept (relations by name key, mention counts,
    results), so memory grows like the graph itself.
    """

    def __init__(self) -> None:
        self.resolver = Resolver()
        self._papers: dict[str, dict[str, Any]] = {}
        self._organizations: dict[str, dict[str, Any]] = {}
        self._published_by: list[tuple[str, str]] = []
        # (paper id, relation type, name key, sentence, mention count)
        self._relations: list[tuple[str, str, str, str, int | None]] = []
        self._results: list[tuple[str, dict[str, Any], str | None, str | None]] = []

    def add(self, extraction: PaperExtraction) -> None:
        paper = extraction.paper
        if paper.id in self._papers:
            return
        self._papers[paper.id] = _validated(
            PaperNode,
            {
                "id": paper.id,
                "title": paper.title,
                "abstract": paper.abstract,
                "arxiv_id": paper.arxiv_id,
                "authors_count": paper.authors_count,
                "date": paper.date.isoformat() if paper.date else None,
                "date_text": paper.date_text,
                "upvotes": paper.upvotes,
                "sources": paper.sources,
            },
            f"paper {paper.id!r}",
        )
        if paper.organization is not None:
            org = paper.organization
            self._organizations.setdefault(org.id, {"id": org.id, "name": org.name})
            self._published_by.append((paper.id, org.id))
        self.resolver.add_mentions(extraction.mentions)
        self._add_paper_facts(extraction)

    def _add_paper_facts(self, extraction: PaperExtraction) -> None:
        paper_id, sentences = extraction.paper.id, extraction.sentences
        key_of = {mention.text: mention_key(mention) for mention in extraction.mentions}
        counts = Counter(mention_key(mention) for mention in extraction.mentions)
        first_sentence = {}
        for mention in extraction.mentions:
            first_sentence.setdefault(mention_key(mention), sentences[mention.sentence])
        for key, count in counts.items():
            self._relations.append((paper_id, "MENTIONS", key, first_sentence[key], count))
        seen = set()
        for relation in extraction.relations:
            key = key_of.get(relation.target, normalize_key(relation.target))
            if (relation.type, key) not in seen:
                seen.add((relation.type, key))
                self._relations.append((paper_id, relation.type, key, sentences[relation.sentence], None))
        for result in extraction.results:
            sentence = sentences[result.sentence]
            digest = hashlib.sha1(f"{paper_id}|{result.sentence}|{result.start}|{result.text}".encode()).hexdigest()[:16]
            node = {
                "id": digest,
                "value": result.value,
                "unit": result.unit,
                "text": result.text,
                "sentence": sentence,
            }
            metric_key = key_of.get(result.metric) if result.metric else None
            dataset_key = key_of.get(result.dataset) if result.dataset else None
            self._results.append((paper_id, node, metric_key, dataset_key))

    def graph(self) -> nx.MultiDiGraph:
        entities = self.resolver.entities()
        graph = nx.MultiDiGraph()
        for paper in self._papers.values():
            graph.add_node(node_id("Paper", paper["id"]), label="Paper", **paper)
        for org in self._organizations.values():
            node = _validated(OrganizationNode, org, f"organization {org['id']!r}")
            graph.add_node(node_id("Organization", org["id"]), label="Organization", **node)
        for paper_id, org_id in self._published_by:
            _add_edge(graph, node_id("Paper", paper_id), node_id("Organization", org_id), "PUBLISHED_BY", {})
        for entity in {id(e): e for e in entities.values()}.values():
            _add_entity(graph, entity)
        for paper_id, type_, key, sentence, count in self._relations:
            entity = entities.get(key)
            if entity is None:
                continue
            source, target = node_id("Paper", paper_id), node_id(entity.type, entity.key)
            if type_ == "MENTIONS" and graph.has_edge(source, target, "MENTIONS"):
                graph.edges[source, target, "MENTIONS"]["count"] += count  # two keys, one entity
                continue
            if _fits(type_, entity.type):
                _add_edge(graph, source, target, type_, {"sentence": sentence, "count": count})
        for paper_id, node, metric_key, dataset_key in self._results:
            metric = entities.get(metric_key) if metric_key else None
            dataset = entities.get(dataset_key) if dataset_key else None
            # The entity a result's metric word resolved to may be typed otherwise corpus-wide.
            metric = metric if metric is not None and metric.type == "Metric" else None
            dataset = dataset if dataset is not None and dataset.type == "Dataset" else None
            node = {**node, "metric": metric.name if metric else None, "dataset": dataset.name if dataset else None}
            result_id = node_id("Result", node["id"])
            graph.add_node(result_id, label="Result", **_validated(ResultNode, node, f"result {node['text']!r} of paper {paper_id!r}"))
            _add_edge(graph, node_id("Paper", paper_id), result_id, "REPORTS", {"sentence": node["sentence"]})
            if metric is not None:
                _add_edge(graph, result_id, node_id(metric.type, metric.key), "MEASURES", {})
            if dataset is not None:
                _add_edge(graph, result_id, node_id("Dataset", dataset.key), "ON_DATASET", {})
        return graph


# Which entity types each relation may point at (ANNOTATION_GUIDE.md).
_TARGETS = {
    "INTRODUCES": {"Dataset", "Model", "Method", "Metric"},
    "EVALUATES_ON": {"Dataset"},
    "USES": {"Model", "Method"},
    "COMPARES_TO": {"Model", "Method"},
    "ADDRESSES": {"Task"},
}


def _fits(relation_type: str, entity_type: str) -> bool:
    return entity_type in _TARGETS.get(relation_type, set(ENTITY_TYPES))


def _add_entity(graph: nx.MultiDiGraph, entity: Entity) -> None:
    keys = sorted({normalize_key(name) for name in [entity.name, *entity.aliases]})
    record = {"key": entity.key, "type": entity.type, "name": entity.name, "aliases": entity.aliases, "keys": keys}
    node = node_id(entity.type, entity.key)
    if node in graph:  # two groups whose canonical names share a key: one entity
        existing = graph.nodes[node]
        record["aliases"] = sorted((set(existing["aliases"]) | set(entity.aliases) | {entity.name}) - {existing["name"]})
        record["keys"] = sorted(set(existing["keys"]) | set(keys))
        record["name"] = existing["name"]
    graph.add_node(node, label=entity.type, **_validated(EntityNode, record, f"{entity.type} {entity.name!r}"))


def _add_edge(graph: nx.MultiDiGraph, source: str, target: str, type_: str, props: dict[str, Any]) -> None:
    if graph.has_edge(source, target, type_):
        return
    props = {name: value for name, value in _validated(EdgeProps, props, f"{type_} {source} -> {target}").items() if value is not None}
    graph.add_edge(source, target, key=type_, type=type_, **props)


def build_graph(extractions: Iterable[PaperExtraction]) -> nx.MultiDiGraph:
    """The graph of a corpus's extractions."""
    builder = GraphBuilder()
    for extraction in extractions:
        builder.add(extraction)
    return builder.graph()


# --- files -------------------------------------------------------------------

def write_json(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Node-link JSON; ``read_json`` gives the same graph back."""
    data = nx.node_link_data(graph, edges="edges", name="nid")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)


def read_json(path: str | Path) -> nx.MultiDiGraph:
    """A graph written by ``write_json``."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
            raise GraphError(f"{path}: not a kg graph file (node-link JSON with nodes and edges, from 'kg extract')")
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges", name="nid")
    except FileNotFoundError as err:
        raise GraphError(f"{path}: no such graph file; make one with 'kg extract INPUT -o {path}'") from err
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError, AttributeError) as err:
        raise GraphError(f"{path}: not a kg graph file (node-link JSON from 'kg extract'): {err}") from err


def _graphml_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """GraphML for Gephi or yEd; list properties are written as JSON strings."""
    flat = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **{name: _graphml_value(value) for name, value in attrs.items() if value is not None})
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **{name: _graphml_value(value) for name, value in attrs.items() if value is not None})
    nx.write_graphml(flat, path)


_CSV_TYPES = {int: "int", float: "float", bool: "boolean"}
ARRAY_DELIMITER = "|"


def _csv_header(label_or_type: str, props: list[str], sample: dict[str, list[Any]]) -> list[str]:
    header = []
    for prop in props:
        values = [value for value in sample[prop] if value is not None]
        if values and isinstance(values[0], list):
            header.append(f"{prop}:string[]")
        elif values and type(values[0]) in _CSV_TYPES:
            header.append(f"{prop}:{_CSV_TYPES[type(values[0])]}")
        else:
            header.append(prop)
    return header


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(item).replace(ARRAY_DELIMITER, "/") for item in value)
    return "" if value is None else value


def write_neo4j_csv(graph: nx.MultiDiGraph, folder: str | Path) -> list[str]:
    """CSV files in neo4j-admin import format, one per label and relationship kind.

    Returns the ``neo4j-admin database import full`` arguments that load them.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for node, attrs in graph.nodes(data=True):
        by_label.setdefault(attrs["label"], []).append((node, attrs))
    args = []
    for label, nodes in sorted(by_label.items()):
        props = sorted({name for _, attrs in nodes for name in attrs if name != "label"})
        sample = {prop: [attrs.get(prop) for _, attrs in nodes[:1000]] for prop in props}
        header = [f"nid:ID({label})", *_csv_header(label, props, sample), ":LABEL"]
        path = folder / f"nodes_{label}.csv"
        with open(path, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            for node, attrs in nodes:
                writer.writerow([attrs[_NODE_KEYS[label]], *(_csv_value(attrs.get(prop)) for prop in props), label])
        args.append(f"--nodes={label}={path}")
    by_kind: dict[tuple[str, str, str], list[tuple[str, str, dict[str, Any]]]] = {}
    for source, target, attrs in graph.edges(data=True):
        kind = (attrs["type"], graph.nodes[source]["label"], graph.nodes[target]["label"])
        by_kind.setdefault(kind, []).append((source, target, attrs))
    for (type_, source_label, target_label), edges in sorted(by_kind.items()):
        props = sorted({name for _, _, attrs in edges for name in attrs if name != "type"})
        sample = {prop: [attrs.get(prop) for _, _, attrs in edges[:1000]] for prop in props}
        header = [f":START_ID({source_label})", f":END_ID({target_label})", *_csv_header(type_, props, sample), ":TYPE"]
        path = folder / f"rels_{type_}_{source_label}_{target_label}.csv"
        with open(path, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            for source, target, attrs in edges:
                start = graph.nodes[source][_NODE_KEYS[source_label]]
                end = graph.nodes[target][_NODE_KEYS[target_label]]
                writer.writerow([start, end, *(_csv_value(attrs.get(prop)) for prop in props), type_])
        args.append(f"--relationships={type_}={path}")
    return args


def graph_stats(graph: nx.MultiDiGraph, top: int = 5) -> dict[str, Any]:
    """Counts per label and relationship type, and the most mentioned entities per type."""
    labels = Counter(attrs["label"] for _, attrs in graph.nodes(data=True))
    types = Counter(attrs["type"] for _, _, attrs in graph.edges(data=True))
    papers: dict[str, Counter[str]] = {label: Counter() for label in ENTITY_TYPES}
    for _, target, attrs in graph.edges(data=True):
        if attrs["type"] == "MENTIONS":
            node = graph.nodes[target]
            papers[node["label"]][node["name"]] += 1
    return {
        "nodes": dict(sorted(labels.items())),
        "relationships": dict(sorted(types.items())),
        "top_entities": {label: counter.most_common(top) for label, counter in papers.items()},
    }
