"""Load a kg graph (networkx MultiDiGraph) into the graph database.

Each label and each (relationship type, source label, target label) has one
loader, ``loaders/NN_*.cypher``, run in file-name order: nodes before
relationships. Rows go in batches, one explicit write transaction per batch, so
a failing batch leaves nothing of itself behind; transient errors are retried
with jittered exponential backoff, each retry running alone. With ``writers`` > 1,
batches of the same loader run at once; a loader finishes before the next starts. Entity
rows bring their alias look-up rows (kg.graph.name_index); after the rows, derived
counts, ranks and co-occurring lists are recomputed over the whole graph (refresh_counts).
"""

from __future__ import annotations

import queue
import random
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import networkx as nx
from neo4j.exceptions import DriverError, Neo4jError

from kg.errors import GraphError, StoreError
from kg.graph import name_index
from kg.store.client import Connection, cypher_files, translate_error

__all__ = [
    "KEY_PROPERTY",
    "LoadCount",
    "LoadSummary",
    "Loader",
    "graph_rows",
    "load_graph",
    "load_records",
    "record_rows",
    "refresh_counts",
    "loaders",
]

# The property each label's nodes are merged on (its uniqueness constraint).
KEY_PROPERTY: dict[str, str] = {
    "Paper": "id",
    "Organization": "id",
    "Result": "id",
    "Dataset": "key",
    "Model": "key",
    "Method": "key",
    "Metric": "key",
    "Task": "key",
    "Name": "key",
}

# A loader says what it loads on its first line; that line is how rows find it.
_NODE_HEADER = re.compile(r"^// Loads \(:(\w+)\) nodes\b")
_EDGE_HEADER = re.compile(r"^// Loads \(:(\w+)\)-\[:(\w+)\]->\(:(\w+)\) relationships\b")
# Statements that recompute derived properties once a load is done ("// Counts (:Dataset) papers").
_COUNT_HEADER = re.compile(r"^// Counts \(:(\w+)\) \w+")

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Loader:
    """One loaders/*.cypher file: what it loads and its statement."""

    name: str  # file name without the NN_ prefix and .cypher: "paper", "uses_model"
    file: str
    cypher: str
    label: str | None = None  # node loaders
    type: str | None = None  # relationship loaders: type, source and target labels
    source: str | None = None
    target: str | None = None

    @property
    def is_node(self) -> bool:
        return self.label is not None

    @property
    def target_id(self) -> str | tuple[str, str, str]:
        """What rows are grouped by: a label, or (type, source label, target label)."""
        if self.label is not None:
            return self.label
        return (self.type, self.source, self.target)  # type: ignore[return-value]

    @property
    def title(self) -> str:
        if self.label is not None:
            return f"(:{self.label})"
        return f"(:{self.source})-[:{self.type}]->(:{self.target})"


@cache
def loaders() -> tuple[Loader, ...]:
    """Every loader, in the order they run (file-name order: nodes first)."""
    found = []
    for file, text in cypher_files("kg.loaders"):
        first = text.splitlines()[0] if text else ""
        name = re.sub(r"^\d+_", "", file.removesuffix(".cypher"))
        if m := _NODE_HEADER.match(first):
            found.append(Loader(name, file, text, label=m[1]))
        elif m := _EDGE_HEADER.match(first):
            found.append(Loader(name, file, text, type=m[2], source=m[1], target=m[3]))
        elif _COUNT_HEADER.match(first):
            continue  # run by refresh_counts, after the rows
        else:
            raise StoreError(
                f"loaders/{file} does not start with '// Loads (:Label) nodes', "
                "'// Loads (:A)-[:TYPE]->(:B) relationships' or '// Counts (:Label) ...'."
            )
    if any(not a.is_node and b.is_node for a, b in zip(found, found[1:])):
        raise StoreError("A node loader sorts after a relationship loader; nodes must load first.")
    return tuple(found)


@cache
def count_statements() -> tuple[tuple[str, str], ...]:
    """(file, statement) of every "// Counts" loader, in file-name order."""
    return tuple((name, text) for name, text in cypher_files("kg.loaders") if _COUNT_HEADER.match(text))


def refresh_counts(conn: Connection) -> None:
    """Recompute derived properties (each entity's ``papers``, ``rank``, co-occurring lists) over the whole graph.

    Runs after every load, so the counts stay right when a second corpus merges in;
    run it by hand (``kg schema``) after a neo4j-admin import.
    """
    for name, cypher in count_statements():
        try:
            with conn.session() as session:
                session.execute_write(lambda tx: tx.run(cypher).consume())
        except (DriverError, Neo4jError) as err:
            translated = translate_error(err, conn)
            if translated is not None:
                raise translated from err
            raise StoreError(f"loaders/{name} failed: {getattr(err, 'message', None) or err}; run the load again.") from err


def _loader_index() -> dict[Any, Loader]:
    return {loader.target_id: loader for loader in loaders()}


def _key_of(graph: nx.MultiDiGraph, node: Any) -> tuple[str, Any]:
    attrs = graph.nodes[node]
    label = attrs.get("label")
    if label not in KEY_PROPERTY:
        raise GraphError(f"Node {node!r} has label {label!r}; expected one of {', '.join(KEY_PROPERTY)}.")
    key = attrs.get(KEY_PROPERTY[label])
    if key is None:
        raise GraphError(f"Node {node!r} ({label}) has no {KEY_PROPERTY[label]!r}, the property it is merged on.")
    return label, key


def _unique(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def graph_rows(graph: nx.MultiDiGraph) -> dict[Loader, list[dict[str, Any]]]:
    """Group a graph's nodes and edges into rows per loader, in load order.

    Node rows are the node's properties (``label`` dropped); edge rows are
    ``{src, dst, **properties}`` with src/dst the endpoints' keys. None values are
    dropped (a missing property). Raises GraphError for a node without a known
    label or key, or an edge no loader handles.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("Paper:p1", label="Paper", id="p1", title="T", date=None)
    >>> g.add_node("Dataset:mw", label="Dataset", key="mw", name="MW", aliases=[], keys=["mw"])
    >>> g.add_edge("Paper:p1", "Dataset:mw", key="EVALUATES_ON", type="EVALUATES_ON", sentence="S")
    'EVALUATES_ON'
    >>> {loader.name: rows for loader, rows in graph_rows(g).items()}
    {'paper': [{'id': 'p1', 'title': 'T'}], 'dataset': [{'key': 'mw', 'name': 'MW', 'aliases': [], 'keys': ['mw']}], 'evaluates_on_dataset': [{'src': 'p1', 'dst': 'mw', 'sentence': 'S'}]}
    """
    index = _loader_index()
    grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for node, attrs in graph.nodes(data=True):
        label, _ = _key_of(graph, node)
        row = {k: v for k, v in attrs.items() if k != "label" and v is not None}
        for name in ("aliases", "keys", "sources"):
            if isinstance(row.get(name), (list, tuple)):
                row[name] = _unique(row[name])
        grouped[label].append(row)
        _add_name_rows(grouped, index, label, row)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        rel_type = attrs.get("type", key)
        source, src = _key_of(graph, u)
        target, dst = _key_of(graph, v)
        loader = index.get((rel_type, source, target))
        if loader is None:
            raise GraphError(f"No loader for (:{source})-[:{rel_type}]->(:{target}) (edge {u!r} -> {v!r}).")
        row = {"src": src, "dst": dst}
        row.update((k, val) for k, val in attrs.items() if k != "type" and val is not None)
        grouped[loader.target_id].append(row)
    return _in_load_order(grouped)


def _in_load_order(grouped: dict[Any, list[dict[str, Any]]]) -> dict[Loader, list[dict[str, Any]]]:
    """Rows per loader, in load order. Entities sharing an alias give one Name row, so
    that two writers never MERGE the same new Name at once."""
    if grouped.get("Name"):
        grouped["Name"] = list({row["key"]: row for row in grouped["Name"]}.values())
    return {loader: grouped[loader.target_id] for loader in loaders() if grouped.get(loader.target_id)}


def _add_name_rows(grouped: dict[Any, list[dict[str, Any]]], index: dict[Any, Loader], label: str, props: dict[str, Any]) -> None:
    """The alias look-up rows (kg.graph.name_index) of one entity row."""
    for record in name_index(label, props):
        if record[0] == "node":
            grouped["Name"].append(record[2])
        else:
            _, rel_type, source, src, target, dst, _ = record
            grouped[index[(rel_type, source, target)].target_id].append({"src": src, "dst": dst})


@dataclass
class LoadCount:
    """What one loader did: rows sent, and how many were new, already there, or skipped."""

    loader: str
    title: str
    label_or_type: str
    kind: str  # "node" or "relationship"
    rows: int = 0
    created: int = 0
    existed: int = 0
    skipped: int = 0  # relationship rows whose two nodes were not both found
    seconds: float = 0.0


@dataclass
class LoadSummary:
    """Counts per loader, with per-label and per-type totals."""

    counts: list[LoadCount] = field(default_factory=list)
    batches: int = 0
    retries: int = 0
    seconds: float = 0.0

    def _totals(self, kind: str) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for count in self.counts:
            if count.kind == kind:
                total = out.setdefault(count.label_or_type, {"rows": 0, "created": 0, "existed": 0, "skipped": 0})
                for name in total:
                    total[name] += getattr(count, name)
        return out

    @property
    def labels(self) -> dict[str, dict[str, int]]:
        """``{"Paper": {"rows": 3, "created": 2, "existed": 1, "skipped": 0}, ...}``"""
        return self._totals("node")

    @property
    def types(self) -> dict[str, dict[str, int]]:
        """``{"USES": {"rows": ..., "created": ..., "existed": ..., "skipped": ...}, ...}``"""
        return self._totals("relationship")

    @property
    def nodes(self) -> int:
        return sum(c.rows for c in self.counts if c.kind == "node")

    @property
    def relationships(self) -> int:
        return sum(c.rows - c.skipped for c in self.counts if c.kind == "relationship")

    @property
    def nodes_created(self) -> int:
        return sum(c.created for c in self.counts if c.kind == "node")

    @property
    def relationships_created(self) -> int:
        return sum(c.created for c in self.counts if c.kind == "relationship")


def _write_batch(tx, cypher: str, rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    result = tx.run(cypher, rows=rows)
    record = result.single()
    counters = result.consume().counters
    return (record["rows"] if record else 0), counters.nodes_created, counters.relationships_created


def load_graph(
    conn: Connection,
    graph: nx.MultiDiGraph,
    batch_size: int = 2000,
    progress: Progress | None = None,
    *,
    max_attempts: int = 6,
    initial_delay: float = 0.2,
    writers: int = 1,
) -> LoadSummary:
    """Load ``graph`` into the database: MERGE every node, then every relationship.

    Idempotent: loading the same graph again creates nothing and leaves every
    value as it was; an overlapping graph merges into what is there (entity
    aliases and keys unioned, MENTIONS count set rather than added).

    Each batch of ``batch_size`` rows is one write transaction, retried up to
    ``max_attempts`` times with jittered exponential backoff on transient errors
    (including two writers touching one node); any other error raises StoreError and
    leaves nothing of that batch written (other batches stay).
    ``progress(loader_title, rows_done, rows_total)`` is called after each batch.
    ``writers`` transactions run at once. One is the default: ArcadeDB detects write
    conflicts per page, and two writers adding relationships collide on the pages of
    shared nodes; on the 111,937-abstract graph one writer loaded 24,900 relationships/s
    (29,478 since neo4j-rust-ext), two 20,200/s with 156 retries (bench/load.py --graph,
    --writers 1 and 2).
    """
    return _load(conn, [graph_rows(graph)], batch_size, progress, max_attempts, initial_delay, writers, whole=True)


def record_rows(records: Iterable[tuple]) -> dict[Loader, list[dict[str, Any]]]:
    """Group kg.graph records (``("node", label, props)`` / ``("edge", type, source label,
    source key, target label, target key, props)``) into rows per loader, in load order."""
    index = _loader_index()
    grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        if record[0] == "node":
            _, label, props = record
            if label not in KEY_PROPERTY or props.get(KEY_PROPERTY[label]) is None:
                raise GraphError(f"Node record {record!r:.200} has no known label or no {KEY_PROPERTY.get(label, 'key')!r}.")
            grouped[label].append({k: v for k, v in props.items() if v is not None})
            _add_name_rows(grouped, index, label, props)
        else:
            _, rel_type, source, src, target, dst, props = record
            loader = index.get((rel_type, source, target))
            if loader is None:
                raise GraphError(f"No loader for (:{source})-[:{rel_type}]->(:{target}) ({src!r} -> {dst!r}).")
            row = {"src": src, "dst": dst}
            row.update((k, v) for k, v in props.items() if v is not None)
            grouped[loader.target_id].append(row)
    return _in_load_order(grouped)


def load_records(
    conn: Connection,
    chunks: Iterable[list[tuple]],
    batch_size: int = 2000,
    progress: Progress | None = None,
    *,
    max_attempts: int = 6,
    initial_delay: float = 0.2,
    writers: int = 1,
) -> LoadSummary:
    """Load a graph given as chunks of records (``GraphBuilder.chunks()``), chunk by chunk.

    Within a chunk nodes load before relationships; a chunk's relationships may point
    at nodes of earlier chunks. Memory holds one chunk, however large the corpus.
    ``progress(loader_title, rows_done, None)`` is called after each batch.
    Same guarantees as ``load_graph``.
    """
    grouped_chunks = _read_ahead(record_rows(chunk) for chunk in chunks)
    return _load(conn, grouped_chunks, batch_size, progress, max_attempts, initial_delay, writers)


def _read_ahead(items: Iterator[Any]) -> Iterator[Any]:
    """`items`, the next one made in a background thread while the caller uses this one.

    The database works on one chunk while Python builds the next (the driver waits on
    the socket without holding the GIL); on a 20,000-abstract corpus this cut the load
    from 17.2 to 15.5 s. An error making an item reaches the caller in its place.
    """
    ready: queue.Queue = queue.Queue(maxsize=1)
    stop = threading.Event()
    done = object()

    def hand_over(item: Any, err: BaseException | None = None) -> bool:
        while not stop.is_set():
            try:
                ready.put((item, err), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def make() -> None:
        try:
            for item in items:
                if not hand_over(item):
                    return
            hand_over(done)
        except BaseException as err:  # raised by the caller, in order
            hand_over(done, err)
        finally:
            close = getattr(items, "close", None)  # a generator's own cleanup runs in this thread
            if close is not None:
                close()

    maker = threading.Thread(target=make, name="kg-read-ahead", daemon=True)
    maker.start()
    try:
        while True:
            item, err = ready.get()
            if err is not None:
                raise err
            if item is done:
                return
            yield item
    finally:
        stop.set()
        maker.join()


def _load(conn, grouped_chunks, batch_size, progress, max_attempts, initial_delay, writers, whole=False) -> LoadSummary:
    """Load rows grouped per loader, chunk after chunk, then refresh the derived counts."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    summary = LoadSummary()
    counts: dict[str, LoadCount] = {}
    gate = _WriterGate()
    with ThreadPoolExecutor(max_workers=writers) as pool:
        for grouped in grouped_chunks:
            _load_grouped(conn, grouped, summary, counts, batch_size, progress, max_attempts, initial_delay, pool, gate, whole)
    refresh_counts(conn)
    return summary


def _load_grouped(
    conn: Connection,
    grouped: dict[Loader, list[dict[str, Any]]],
    summary: LoadSummary,
    counts: dict[str, LoadCount],
    batch_size: int,
    progress: Progress | None,
    max_attempts: int,
    initial_delay: float,
    pool: ThreadPoolExecutor,
    gate: _WriterGate,
    whole: bool = False,
) -> None:
    """Run each loader over its rows in batches; counts accumulate across calls.

    `whole`: the rows are all there will be (progress then knows the total)."""
    started = time.perf_counter()
    for loader, rows in grouped.items():
        count = counts.get(loader.name)
        if count is None:
            count = counts[loader.name] = LoadCount(
                loader=loader.name,
                title=loader.title,
                label_or_type=loader.label or loader.type or "",
                kind="node" if loader.is_node else "relationship",
            )
            summary.counts.append(count)
        loader_started = time.perf_counter()
        starts = range(0, len(rows), batch_size)
        futures = [
            pool.submit(_run_batch, conn, loader, rows[start : start + batch_size], start, summary, max_attempts, initial_delay, gate)
            for start in starts
        ]
        for start, future in zip(starts, futures):
            batch = rows[start : start + batch_size]
            matched, nodes_created, rels_created = future.result()
            created = nodes_created if loader.is_node else rels_created
            count.rows += len(batch)
            count.created += created
            count.existed += matched - created
            count.skipped += len(batch) - matched
            summary.batches += 1
            if progress is not None:
                progress(loader.title, count.rows, len(rows) if whole else None)
        count.seconds += time.perf_counter() - loader_started
    summary.seconds += time.perf_counter() - started


def _lost_merge_race(err: Exception) -> bool:
    """ArcadeDB's answer when two transactions MERGE the same new key at once: the
    retry finds the other's node (Neo4j locks instead and never says this)."""
    return "Duplicated key" in (getattr(err, "message", None) or str(err))


class _WriterGate:
    """Batches run side by side, except a retried one, which runs alone.

    Two writers that touch the same popular nodes collide again and again (ArcadeDB
    detects conflicts per page): a retry next to a writer that never pauses can fail
    every attempt, so a retry waits for the running batches and keeps others out.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._running = 0
        self._waiting_alone = 0
        self._alone = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._changed:
            self._changed.wait_for(lambda: not self._alone and not self._waiting_alone)
            self._running += 1
        try:
            yield
        finally:
            with self._changed:
                self._running -= 1
                self._changed.notify_all()

    @contextmanager
    def alone(self) -> Iterator[None]:
        with self._changed:
            self._waiting_alone += 1
            self._changed.wait_for(lambda: not self._alone and not self._running)
            self._waiting_alone -= 1
            self._alone = True
        try:
            yield
        finally:
            with self._changed:
                self._alone = False
                self._changed.notify_all()


def _run_batch(
    conn: Connection,
    loader: Loader,
    batch: list[dict[str, Any]],
    start: int,
    summary: LoadSummary,
    max_attempts: int,
    initial_delay: float,
    gate: _WriterGate,
) -> tuple[int, int, int]:
    where = f"loaders/{loader.file}, rows {start}-{start + len(batch) - 1}"
    delay = initial_delay
    for attempt in range(1, max_attempts + 1):
        try:
            # The driver's own retry loop is off (0 s): this loop bounds the attempts.
            with gate.alone() if attempt > 1 else gate.shared():
                with conn.session(max_transaction_retry_time=0.0) as session:
                    return session.execute_write(_write_batch, loader.cypher, batch)
        except (DriverError, Neo4jError) as err:
            if (err.is_retryable() or _lost_merge_race(err)) and attempt < max_attempts:
                summary.retries += 1
                time.sleep(delay * random.uniform(0.5, 1.5))  # jitter: two writers do not retry in step
                delay *= 2
                continue
            translated = translate_error(err, conn)
            if translated is not None:
                raise translated from err
            message = getattr(err, "message", None) or str(err)
            tried = f" after {attempt} attempts" if attempt > 1 else ""
            raise StoreError(
                f"Loading {where} failed{tried}: {message}. Nothing of this batch was "
                "written; earlier batches were, and loading again resumes safely."
            ) from err
    raise AssertionError("unreachable")  # pragma: no cover
