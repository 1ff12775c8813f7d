"""Schema: constraints and indexes exist after apply_schema, which is idempotent."""

from __future__ import annotations

import pytest
from neo4j.exceptions import ConstraintError

from kg.store import apply_schema, schema_files

pytestmark = pytest.mark.integration

UNIQUE_KEYS = [
    ("Paper", "id"),
    ("Organization", "id"),
    ("Result", "id"),
    ("Dataset", "key"),
    ("Model", "key"),
    ("Method", "key"),
    ("Metric", "key"),
    ("Task", "key"),
]


def test_store_schema_runs_every_file_in_order(schema):
    assert schema == sorted(schema) == schema_files()
    assert schema[0] == "01_paper_id.cypher"


def test_store_schema_is_idempotent(conn):
    assert apply_schema(conn) == schema_files()


@pytest.mark.parametrize(("label", "prop"), UNIQUE_KEYS)
def test_store_schema_creates_uniqueness_constraint(conn, label, prop):
    records, _, _ = conn.execute_query("SHOW CONSTRAINTS")
    found = {(tuple(r["labelsOrTypes"]), tuple(r["properties"])) for r in records if r["type"] == "UNIQUENESS"}
    assert ((label,), (prop,)) in found


@pytest.mark.parametrize(("label", "prop"), UNIQUE_KEYS)
def test_store_schema_rejects_duplicate_key(conn, label, prop):
    conn.execute_query(f"CREATE (:{label} {{{prop}: 'dup'}})")
    with pytest.raises(ConstraintError):
        conn.execute_query(f"CREATE (:{label} {{{prop}: 'dup'}})")
    records, _, _ = conn.execute_query(f"MATCH (n:{label}) RETURN count(n) AS n")
    assert records[0]["n"] == 1


@pytest.mark.parametrize("label", ["Dataset", "Model", "Method", "Metric", "Task", "Organization"])
def test_store_schema_indexes_names(conn, label):
    records, _, _ = conn.execute_query("SHOW INDEXES")
    indexed = {(tuple(r["labelsOrTypes"] or ()), tuple(r["properties"] or ())) for r in records}
    assert ((label,), ("name",)) in indexed


@pytest.mark.parametrize("name", schema_files())
def test_store_schema_files_have_header_and_one_statement(name):
    from kg.store import read_cypher

    lines = read_cypher("kg.schema", name).splitlines()
    header = [line for line in lines if line.startswith("//")]
    body = [line for line in lines if line.strip() and not line.startswith("//")]
    assert lines[0].startswith("// ") and header
    assert len(body) == 1 and body[0].startswith("CREATE ") and "IF NOT EXISTS" in body[0]
    assert "$" not in body[0]
