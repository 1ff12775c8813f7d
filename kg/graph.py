"""Graph: extractions -> a validated networkx MultiDiGraph, and its files.

Nodes are keyed "<Label>:<key>" and carry ``label`` plus their properties; edges are
keyed by relationship type and carry ``type`` plus theirs:

- Paper {id, title, title_key, abstract, arxiv_id, authors_count, date, date_text, upvotes, sources}
- Dataset / Model / Method / Metric / Task {key, type, name, aliases, keys}; in the
  database also ``papers``, the number of papers mentioning it (set after each load)
- Result {id, value, unit, metric, dataset, text, sentence}
- Organization {id, name}
- Paper -INTRODUCES|EVALUATES_ON|USES|COMPARES_TO|ADDRESSES {sentence}-> entity
- Paper -MENTIONS {count, sentence}-> entity;  Paper -REPORTS {sentence}-> Result
- Paper -PUBLISHED_BY-> Organization;  Result -MEASURES-> Metric;  Result -ON_DATASET-> Dataset

The database and the neo4j-admin CSV also hold a look-up index for alias names, derived
from the entities by ``name_index`` (not part of the networkx graph):
- Name {key} -NAMES-> entity, one Name per normalized alias that is not the entity's own key

Exports: node-link JSON (read back by ``read_json``), GraphML, neo4j-admin CSV.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import json
import pickle
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, Literal, NamedTuple

import networkx as nx
from pydantic import BaseModel, ConfigDict, ValidationError

from kg.errors import GraphError
from kg.models import ENTITY_TYPES, RELATION_TYPES, Entity, PaperExtraction, normalize_key
from kg.resolve import MentionName, Resolver, paper_keys

__all__ = [
    "NODE_LABELS",
    "EDGE_TYPES",
    "build_graph",
    "GraphBuilder",
    "PreparedPaper",
    "prepare_paper",
    "FactSpool",
    "Relationship",
    "graph_from_records",
    "records_from_graph",
    "node_id",
    "write_json",
    "read_json",
    "write_graphml",
    "write_neo4j_csv",
    "name_index",
    "graph_stats",
    "GraphStats",
]

NODE_LABELS = ("Paper", *ENTITY_TYPES, "Result", "Organization", "Name")
EDGE_TYPES = (*RELATION_TYPES, "MENTIONS", "REPORTS", "PUBLISHED_BY", "MEASURES", "ON_DATASET", "NAMES")


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PaperNode(_Node):
    id: str
    title: str
    title_key: str  # the title lower-cased, for case-insensitive look-ups by index
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


class NameNode(_Node):
    key: str  # a normalized alias; -[:NAMES]-> the entities that list it in their keys


class Relationship(_Node):
    """Any relationship: its type, endpoints by label and key, and its properties."""

    type: Literal[EDGE_TYPES]  # type: ignore[valid-type]
    source_label: Literal[NODE_LABELS]  # type: ignore[valid-type]
    source_key: str
    target_label: Literal[NODE_LABELS]  # type: ignore[valid-type]
    target_key: str
    sentence: str | None = None
    count: int | None = None


def _edge(type_: str, source_label: str, source_key: str, target_label: str, target_key: str, **props: Any) -> Record:
    """An edge record, unchecked: its ends are validated nodes' keys and its properties come
    from the extraction. ``graph_from_records`` checks every edge (``_check_edge``); the
    streaming paths (exports, loads) do not, where doing so cost a fifth of the CSV export."""
    return ("edge", type_, source_label, source_key, target_label, target_key, props)


def _check_edge(record: Record) -> None:
    _, type_, source_label, source_key, target_label, target_key, props = record
    try:
        Relationship(type=type_, source_label=source_label, source_key=source_key, target_label=target_label, target_key=target_key, **props)
    except ValidationError as err:
        raise GraphError(f"invalid {type_} relationship {source_label}:{source_key} -> {target_label}:{target_key}: {err.errors()[0]['msg']}") from err


_NODE_MODELS: dict[str, type[_Node]] = {
    "Paper": PaperNode,
    **{label: EntityNode for label in ENTITY_TYPES},
    "Result": ResultNode,
    "Organization": OrganizationNode,
    "Name": NameNode,
}
_NODE_KEYS = {"Paper": "id", **{label: "key" for label in ENTITY_TYPES}, "Result": "id", "Organization": "id", "Name": "key"}


# A record is ("node", label, properties) or ("edge", type, source label, source key,
# target label, target key, properties): what networkx, the exports and the loaders take.
Record = tuple


def node_id(label: str, key: str) -> str:
    """The networkx id of a node: "Dataset:metaworld"."""
    return f"{label}:{key}"


def _validated(model: type[_Node], record: dict[str, Any], what: str) -> dict[str, Any]:
    try:
        return model.model_validate(record).model_dump()
    except ValidationError as err:
        raise GraphError(f"invalid {what}: {err.errors()[0]['loc']} {err.errors()[0]['msg']} in {record!r:.300}") from err


# Python's cycle collector walks every tracked object on a full collection. A large run
# holds millions (the resolver's names, the entities) while it builds and writes records,
# which hold no cycles and are freed by reference counting: with the collector running,
# resolving the names of 100,000 abstracts took twice as long, and the CSV export of
# 1,000,000 took 124 s instead of 102-106. While a consumer loads the records the collector
# must run (the driver leaves cycles: the 100,000-abstract load peaked 500 MB higher
# without it), so the long-lived objects are frozen out of its walks instead.
@contextmanager
def _long_lived_frozen() -> Iterator[None]:
    """The objects alive now left out of cycle collections until the block ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cycle collections in the block."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class FactSpool:
    """Per-paper facts on disk (a pickle stream in a temporary file), read back in order.

    Large runs spool here so that memory holds only the resolver's distinct names.
    """

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="kg-facts-")
        self._count = 0

    def append(self, facts: bytes) -> None:
        """Add one paper's facts, pickled (``prepare_paper`` pickles them where it runs)."""
        self._file.write(facts)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[tuple]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self._count):
            yield pickle.load(self._file)
        self._file.seek(0, 2)


class GraphBuilder:
    """Adds papers one extraction at a time, then gives the graph as records or networkx.

    Per paper only what the graph needs is kept (its node, mention counts, relations by
    name key, results), pickled, in memory or, with ``spool=True``, in a temporary file. Each
    paper must be added once (``kg.ingest`` merges duplicates).
    """

    def __init__(self, spool: bool = False, chunk_size: int = 5000) -> None:
        self.resolver = Resolver()
        self._facts: list[bytes] | FactSpool = FactSpool() if spool else []
        self.chunk_size = chunk_size

    def __len__(self) -> int:
        return len(self._facts)

    def add(self, extraction: PaperExtraction) -> None:
        self.add_prepared(prepare_paper(extraction))

    def add_prepared(self, paper: PreparedPaper) -> None:
        """Add a paper ``prepare_paper`` made (in an extraction worker, say)."""
        self.resolver.add_mentions(paper.names, paper.keys)
        self._facts.append(paper.facts)

    def paper_facts(self) -> Iterator[tuple]:
        """Each paper's facts, unpickled, in the order the papers were added."""
        if isinstance(self._facts, FactSpool):
            return iter(self._facts)
        return map(pickle.loads, self._facts)

    def chunks(self) -> Iterator[list[Record]]:
        """The graph as lists of records: every entity first, then papers chunk by chunk,
        each chunk's nodes before its edges (the order a database load needs)."""
        with _collector_paused():
            entities = self.resolver.entities()
            entity_records = [("node", entity.type, node) for entity, node in _entity_nodes(entities)]
        yield entity_records
        organizations: set[str] = set()
        papers = self.paper_facts()
        with _long_lived_frozen():
            while True:
                with _collector_paused():
                    chunk = list(islice(papers, self.chunk_size))
                    records = _chunk_records(chunk, entities, organizations) if chunk else []
                if not records:
                    return
                yield records

    def records(self) -> Iterator[Record]:
        for chunk in self.chunks():
            yield from chunk

    def graph(self) -> nx.MultiDiGraph:
        return graph_from_records(self.records())


class PreparedPaper(NamedTuple):
    """One paper as GraphBuilder keeps it: its names for the resolver, their keys in this
    paper (``paper_keys``), and the rest of its facts, pickled."""

    names: list[MentionName]
    keys: dict[str, str]
    facts: bytes


def prepare_paper(extraction: PaperExtraction) -> PreparedPaper:
    """The per-paper part of building the graph, which needs nothing from other papers.

    Extraction workers run it (``kg.extract.parallel``'s `then`), so that the main process
    only resolves names and stores bytes.
    """
    keys = paper_keys(extraction.mentions)
    names = [MentionName(m.text, m.type, m.canonical, m.long_form) for m in extraction.mentions]
    facts = pickle.dumps(_paper_facts(extraction, keys), protocol=pickle.HIGHEST_PROTOCOL)
    return PreparedPaper(names, keys, facts)


def _paper_facts(extraction: PaperExtraction, key_of: dict[str, str]) -> tuple:
    """(paper node, organization, mentions, relations, results) of one paper, by name key
    (`key_of`: its mentions' ``paper_keys``)."""
    paper, sentences = extraction.paper, extraction.sentences
    node = _validated(
        PaperNode,
        {
            "id": paper.id,
            "title": paper.title,
            "title_key": paper.title.lower() if isinstance(paper.title, str) else None,
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
    organization = (paper.organization.id, paper.organization.name) if paper.organization else None
    counts = Counter(key_of[mention.text] for mention in extraction.mentions)
    first_sentence: dict[str, str] = {}
    for mention in extraction.mentions:
        first_sentence.setdefault(key_of[mention.text], sentences[mention.sentence])
    mentions = [(key, count, first_sentence[key]) for key, count in counts.items()]
    relations, seen = [], set()
    for relation in extraction.relations:
        key = key_of.get(relation.target, normalize_key(relation.target))
        if (relation.type, key) not in seen:
            seen.add((relation.type, key))
            relations.append((relation.type, key, sentences[relation.sentence]))
    results = []
    for result in extraction.results:
        digest = hashlib.sha1(f"{paper.id}|{result.sentence}|{result.start}|{result.text}".encode()).hexdigest()[:16]
        result_node = {"id": digest, "value": result.value, "unit": result.unit, "text": result.text, "sentence": sentences[result.sentence]}
        results.append((result_node, key_of.get(result.metric) if result.metric else None, key_of.get(result.dataset) if result.dataset else None))
    return node, organization, mentions, relations, results


def _entity_nodes(entities: dict[str, Entity]) -> Iterator[tuple[Entity, dict[str, Any]]]:
    """One validated node per canonical entity (two groups whose names share a key merge)."""
    nodes: dict[tuple[str, str], tuple[Entity, dict[str, Any]]] = {}
    for entity in {id(e): e for e in entities.values()}.values():
        keys = {normalize_key(name) for name in [entity.name, *entity.aliases]}
        record = {"key": entity.key, "type": entity.type, "name": entity.name, "aliases": entity.aliases, "keys": sorted(keys)}
        existing = nodes.get((entity.type, entity.key))
        if existing is not None:
            old = existing[1]
            record["name"] = old["name"]
            record["aliases"] = sorted((set(old["aliases"]) | set(entity.aliases) | {entity.name}) - {old["name"]})
            record["keys"] = sorted(set(old["keys"]) | keys)
        nodes[(entity.type, entity.key)] = (entity, _validated(EntityNode, record, f"{entity.type} {entity.name!r}"))
    yield from nodes.values()


def _chunk_records(chunk: list[tuple], entities: dict[str, Entity], organizations: set[str]) -> list[Record]:
    nodes: list[Record] = []
    edges: list[Record] = []
    for paper, organization, mentions, relations, results in chunk:
        paper_id = paper["id"]
        nodes.append(("node", "Paper", paper))
        if organization is not None:
            org_id, org_name = organization
            if org_id not in organizations:
                organizations.add(org_id)
                nodes.append(("node", "Organization", _validated(OrganizationNode, {"id": org_id, "name": org_name}, f"organization {org_id!r}")))
            edges.append(_edge("PUBLISHED_BY", "Paper", paper_id, "Organization", org_id))
        mention_counts: dict[tuple[str, str], list] = {}
        for key, count, sentence in mentions:
            entity = entities.get(key)
            if entity is None:
                continue
            # Two surface keys of one entity in a paper: one MENTIONS, counts added.
            target = (entity.type, entity.key)
            if target in mention_counts:
                mention_counts[target][0] += count
            else:
                mention_counts[target] = [count, sentence]
        for (label, key), (count, sentence) in mention_counts.items():
            edges.append(_edge("MENTIONS", "Paper", paper_id, label, key, count=count, sentence=sentence))
        done = set()
        for type_, key, sentence in relations:
            entity = entities.get(key)
            if entity is None or not _fits(type_, entity.type) or (type_, entity.key) in done:
                continue
            done.add((type_, entity.key))
            edges.append(_edge(type_, "Paper", paper_id, entity.type, entity.key, sentence=sentence))
        for node, metric_key, dataset_key in results:
            metric = entities.get(metric_key) if metric_key else None
            dataset = entities.get(dataset_key) if dataset_key else None
            # The entity a result's metric word resolved to may be typed otherwise corpus-wide.
            metric = metric if metric is not None and metric.type == "Metric" else None
            dataset = dataset if dataset is not None and dataset.type == "Dataset" else None
            node = {**node, "metric": metric.name if metric else None, "dataset": dataset.name if dataset else None}
            nodes.append(("node", "Result", _validated(ResultNode, node, f"result {node['text']!r} of paper {paper_id!r}")))
            edges.append(_edge("REPORTS", "Paper", paper_id, "Result", node["id"], sentence=node["sentence"]))
            if metric is not None:
                edges.append(_edge("MEASURES", "Result", node["id"], "Metric", metric.key))
            if dataset is not None:
                edges.append(_edge("ON_DATASET", "Result", node["id"], "Dataset", dataset.key))
    return nodes + edges


# Which entity types each relation may point at (ANNOTATION_GUIDE.md).
RELATION_TARGETS = {
    "INTRODUCES": {"Dataset", "Model", "Method", "Metric"},
    "EVALUATES_ON": {"Dataset"},
    "USES": {"Model", "Method"},
    "COMPARES_TO": {"Model", "Method"},
    "ADDRESSES": {"Task"},
}


def _fits(relation_type: str, entity_type: str) -> bool:
    return entity_type in RELATION_TARGETS.get(relation_type, set(ENTITY_TYPES))


def graph_from_records(records: Iterable[Record]) -> nx.MultiDiGraph:
    """A networkx MultiDiGraph of a record stream."""
    graph = nx.MultiDiGraph()
    for record in records:
        if record[0] == "node":
            _, label, props = record
            graph.add_node(node_id(label, props[_NODE_KEYS[label]]), label=label, **props)
        else:
            _check_edge(record)
            _, type_, source_label, source_key, target_label, target_key, props = record
            props = {name: value for name, value in props.items() if value is not None}
            graph.add_edge(node_id(source_label, source_key), node_id(target_label, target_key), key=type_, type=type_, **props)
    return graph


def records_from_graph(graph: nx.MultiDiGraph) -> Iterator[Record]:
    """The records of a networkx graph: nodes, then edges."""
    for _, attrs in graph.nodes(data=True):
        yield ("node", attrs["label"], {name: value for name, value in attrs.items() if name != "label"})
    for source, target, attrs in graph.edges(data=True):
        source_attrs, target_attrs = graph.nodes[source], graph.nodes[target]
        yield (
            "edge", attrs["type"],
            source_attrs["label"], source_attrs[_NODE_KEYS[source_attrs["label"]]],
            target_attrs["label"], target_attrs[_NODE_KEYS[target_attrs["label"]]],
            {name: value for name, value in attrs.items() if name != "type"},
        )


def build_graph(extractions: Iterable[PaperExtraction]) -> nx.MultiDiGraph:
    """The graph of a corpus's extractions."""
    builder = GraphBuilder()
    for extraction in extractions:
        builder.add(extraction)
    return builder.graph()


def name_index(label: str, props: dict[str, Any]) -> list[Record]:
    """The alias look-up records of one entity node: a Name node per key in its ``keys``
    other than its own, and a NAMES edge from it to the entity.

    Queries find an entity by its key through the key's uniqueness index; a name that is
    only an alias would otherwise need a scan of every entity's ``keys`` list, which no
    Neo4j or ArcadeDB index serves. Other labels have no Name records.

    >>> name_index("Dataset", {"key": "metaworld", "keys": ["metaworld", "mw"]})
    [('node', 'Name', {'key': 'mw'}), ('edge', 'NAMES', 'Name', 'mw', 'Dataset', 'metaworld', {})]
    """
    if label not in ENTITY_TYPES:
        return []
    own = props["key"]
    records: list[Record] = []
    for key in dict.fromkeys(props.get("keys") or ()):
        if key != own:
            records.append(("node", "Name", {"key": key}))
            records.append(("edge", "NAMES", "Name", key, label, own, {}))
    return records


# --- files -------------------------------------------------------------------

def write_json(graph: nx.MultiDiGraph | Iterable[Record], path: str | Path) -> None:
    """Node-link JSON of a graph or a record stream; ``read_json`` gives the graph back.

    A record stream is written as it comes (edges wait in a temporary file), so a large
    run never needs the whole graph in memory.
    """
    records = records_from_graph(graph) if isinstance(graph, nx.Graph) else graph
    with open(path, "w", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as edges:
        out.write('{"directed": true, "multigraph": true, "graph": {}, "nodes": [')
        first_node = first_edge = True
        for record in records:
            if record[0] == "node":
                _, label, props = record
                node = {"label": label, **props, "nid": node_id(label, props[_NODE_KEYS[label]])}
                out.write(("" if first_node else ",\n") + json.dumps(node, ensure_ascii=False))
                first_node = False
            else:
                _, type_, source_label, source_key, target_label, target_key, props = record
                edge = {"type": type_, **{k: v for k, v in props.items() if v is not None},
                        "source": node_id(source_label, source_key), "target": node_id(target_label, target_key), "key": type_}
                edges.write(("" if first_edge else ",\n") + json.dumps(edge, ensure_ascii=False))
                first_edge = False
        out.write('],\n"edges": [')
        edges.seek(0)
        while block := edges.read(1 << 20):
            out.write(block)
        out.write("]}\n")


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


ARRAY_DELIMITER = "|"
_EDGE_PROPS = {"MENTIONS": ("count", "sentence"), "PUBLISHED_BY": (), "MEASURES": (), "ON_DATASET": (), "NAMES": ()}


def _csv_column(name: str, annotation: Any) -> str:
    text = str(annotation)
    if "list" in text:
        return f"{name}:string[]"
    if "int" in text:
        return f"{name}:int"
    if "float" in text:
        return f"{name}:float"
    return name


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(item).replace(ARRAY_DELIMITER, "/") for item in value)
    return "" if value is None else value


def write_neo4j_csv(graph: nx.MultiDiGraph | Iterable[Record], folder: str | Path) -> list[str]:
    """CSV files in neo4j-admin import format, one per label and relationship kind.

    Takes a graph or a record stream (written as it comes). Returns the
    ``neo4j-admin database import full`` arguments that load the files. The alias
    look-up index (``name_index``) is written too, each Name once.
    """
    records = _with_name_index(records_from_graph(graph) if isinstance(graph, nx.Graph) else graph)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    handles: list[Any] = []
    args: list[str] = []
    # Per label or relationship kind: (csv writer, property names); opened on first use.
    writers: dict[Any, tuple[Any, tuple[str, ...]]] = {}

    def open_file(kind: Any, name: str, header: list[str], props: tuple[str, ...], flag: str) -> tuple[Any, tuple[str, ...]]:
        handle = open(folder / name, "w", newline="", encoding="utf-8")
        handles.append(handle)
        writer = csv.writer(handle)
        writer.writerow(header)
        args.append(f"--{flag}={folder / name}")  # flag: "nodes=Label" or "relationships=TYPE"
        writers[kind] = (writer, props)
        return writers[kind]

    def node_file(label: str) -> tuple[Any, tuple[str, ...]]:
        fields = _NODE_MODELS[label].model_fields
        header = [f":ID({label})", *(_csv_column(n, fields[n].annotation) for n in fields), ":LABEL"]
        return open_file(label, f"nodes_{label}.csv", header, tuple(fields), f"nodes={label}")

    def edge_file(kind: tuple[str, str, str]) -> tuple[Any, tuple[str, ...]]:
        type_, source_label, target_label = kind
        props = _EDGE_PROPS.get(type_, ("sentence",))
        header = [f":START_ID({source_label})", f":END_ID({target_label})",
                  *(f"{n}:int" if n == "count" else n for n in props), ":TYPE"]
        return open_file(kind, f"rels_{type_}_{source_label}_{target_label}.csv", header, props, f"relationships={type_}")

    try:
        with _collector_paused():
            for record in records:
                if record[0] == "node":
                    _, label, props = record
                    writer, names = writers.get(label) or node_file(label)
                    writer.writerow([props[_NODE_KEYS[label]], *[_csv_value(props.get(n)) for n in names], label])
                else:
                    _, type_, source_label, source_key, target_label, target_key, props = record
                    kind = (type_, source_label, target_label)
                    writer, names = writers.get(kind) or edge_file(kind)
                    writer.writerow([source_key, target_key, *[_csv_value(props.get(n)) for n in names], type_])
    finally:
        for handle in handles:
            handle.close()
    return sorted(args, key=lambda arg: (not arg.startswith("--nodes"), arg))


def _with_name_index(records: Iterable[Record]) -> Iterator[Record]:
    names: set[str] = set()
    for record in records:
        yield record
        if record[0] == "node":
            for extra in name_index(record[1], record[2]):
                if extra[0] == "node":
                    if extra[2]["key"] in names:
                        continue
                    names.add(extra[2]["key"])
                yield extra


class GraphStats:
    """Counts per label and relationship type, and papers per entity, gathered record by record."""

    def __init__(self) -> None:
        self.labels: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        self._names: dict[tuple[str, str], str] = {}
        self._papers: Counter[tuple[str, str]] = Counter()

    def add(self, record: Record) -> Record:
        if record[0] == "node":
            self.labels[record[1]] += 1
            if record[1] in ENTITY_TYPES:
                self._names[(record[1], record[2]["key"])] = record[2]["name"]
        else:
            self.types[record[1]] += 1
            if record[1] == "MENTIONS":
                self._papers[(record[4], record[5])] += 1
        return record

    def counting(self, records: Iterable[Record]) -> Iterator[Record]:
        """Pass records through, counting them on the way (for a writer that consumes them)."""
        return (self.add(record) for record in records)

    def result(self, top: int = 5) -> dict[str, Any]:
        top_entities: dict[str, list[tuple[str, int]]] = {label: [] for label in ENTITY_TYPES}
        for (label, key), count in self._papers.most_common():
            if len(top_entities[label]) < top:
                top_entities[label].append((self._names[(label, key)], count))
        return {"nodes": dict(sorted(self.labels.items())), "relationships": dict(sorted(self.types.items())), "top_entities": top_entities}


def graph_stats(graph: nx.MultiDiGraph | Iterable[Record], top: int = 5) -> dict[str, Any]:
    """Counts per label and relationship type, and the most mentioned entities per type."""
    stats = GraphStats()
    for record in records_from_graph(graph) if isinstance(graph, nx.Graph) else graph:
        stats.add(record)
    return stats.result(top)
