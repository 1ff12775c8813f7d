"""The graph database: Bolt client (connect, apply_schema, load_graph) and the embedded server.

Only this package (and kg/query.py) imports neo4j. Names are imported on first
use, so the server's child process (``python -m kg.store.server``) does not pay
for the driver and networkx at startup.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Connection": "kg.store.client",
    "apply_schema": "kg.store.client",
    "connect": "kg.store.client",
    "read_cypher": "kg.store.client",
    "schema_files": "kg.store.client",
    "translate_error": "kg.store.client",
    "LoadCount": "kg.store.load",
    "LoadSummary": "kg.store.load",
    "Loader": "kg.store.load",
    "graph_rows": "kg.store.load",
    "load_graph": "kg.store.load",
    "load_records": "kg.store.load",
    "record_rows": "kg.store.load",
    "loaders": "kg.store.load",
    "DEFAULT_DATA_DIR": "kg.store.server",
    "DEFAULT_DATABASE": "kg.store.server",
    "EmbeddedServer": "kg.store.server",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from kg.store.client import Connection, apply_schema, connect, read_cypher, schema_files, translate_error
    from kg.store.load import LoadCount, Loader, LoadSummary, graph_rows, load_graph, load_records, loaders, record_rows
    from kg.store.server import DEFAULT_DATA_DIR, DEFAULT_DATABASE, EmbeddedServer


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
