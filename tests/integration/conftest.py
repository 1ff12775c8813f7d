"""Integration fixtures: one real graph database per test session, cleaned per test.

The embedded ArcadeDB server is started once, on a temporary data folder. With
NEO4J_URI set (and NEO4J_USER, NEO4J_PASSWORD, optionally NEO4J_DATABASE) the
tests run against that server instead: use a throwaway database, every test
deletes all of its nodes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import Connection, apply_schema, connect


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    """A connection for the whole session: to NEO4J_URI if set, else to a fresh embedded server."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        with connect(
            uri,
            os.environ.get("NEO4J_USER"),
            os.environ.get("NEO4J_PASSWORD"),
            os.environ.get("NEO4J_DATABASE"),
        ) as conn:
            yield conn
    else:
        with connect(data_dir=tmp_path_factory.mktemp("kg-data")) as conn:
            yield conn


@pytest.fixture(scope="session")
def schema(store: Connection) -> list[str]:
    return apply_schema(store)


@pytest.fixture
def conn(store: Connection, schema: list[str]) -> Connection:
    """The session's connection on an empty database (schema applied)."""
    store.execute_query("MATCH (n) DETACH DELETE n")
    return store


@pytest.fixture
def embedded(store: Connection):
    """The embedded server; skips the test when running against NEO4J_URI."""
    if store.server is None:
        pytest.skip("runs against the embedded server only (NEO4J_URI is set)")
    return store.server
