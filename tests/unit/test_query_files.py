"""queries/*.cypher: every file has a readable header whose parameters match its body; kg.query's pure parts."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from kg.errors import QueryError
from kg.query import (
    coerce_params,
    find_write_clause,
    format_rows,
    get_query,
    list_queries,
    parse_header,
    parse_params,
    used_params,
)

QUERY_FILES = sorted(p.name for p in files("kg.queries").iterdir() if p.name.endswith(".cypher"))
REQUIRED = {
    "papers-evaluating-on",
    "methods-on-dataset",
    "datasets-for-method",
    "introduced-by",
    "top-entities",
    "co-occurring",
    "paper-profile",
    "related-papers",
    "entity-timeline",
    "connection",
    "organisation-focus",
}


def test_query_files_cover_the_required_queries():
    assert REQUIRED <= {name.removesuffix(".cypher") for name in QUERY_FILES}
    assert [q.file for q in list_queries()] == QUERY_FILES


@pytest.mark.parametrize("file", QUERY_FILES)
def test_query_files_header_names_and_describes(file):
    text = files("kg.queries").joinpath(file).read_text(encoding="utf-8")
    name, description, params, header = parse_header(text, file)
    assert name == file.removesuffix(".cypher")
    assert len(description) > 20
    assert "Returns:" in header and "Example row:" in header
    for param in params:
        assert param.description, f"{file}: ${param.name} has no description"


@pytest.mark.parametrize("file", QUERY_FILES)
def test_query_files_declared_params_equal_used_params(file):
    text = files("kg.queries").joinpath(file).read_text(encoding="utf-8")
    _, _, params, _ = parse_header(text, file)
    assert {p.name for p in params} == used_params(text)


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_query_files_header_lists_the_returned_columns(query):
    returns = query.header[query.header.index("Returns:") :]
    assert query.columns
    for column in query.columns:
        assert re.search(rf"\b{column}\b", returns), f"{query.file}: column {column} is not described under Returns:"


@pytest.mark.parametrize("file", QUERY_FILES)
def test_query_files_are_one_read_only_statement(file):
    text = files("kg.queries").joinpath(file).read_text(encoding="utf-8")
    assert find_write_clause(text) is None
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    assert ";" not in body


@pytest.mark.parametrize(
    "text, message",
    [
        ("MATCH (n) RETURN n", "the first line must be"),
        ("// demo: does things\n// $x: text, e.g. 1. X.\nRETURN $x", "cannot read the parameter line"),
        ("// demo: does things\n// $x: int. No example.\nRETURN $x", "cannot read the parameter line"),
    ],
)
def test_query_parse_header_rejects(text, message):
    with pytest.raises(QueryError, match=message):
        parse_header(text, "demo.cypher")


def test_query_parse_header_continuation_lines():
    text = '// demo: does things\n// $name: string, e.g. "a b". First part,\n//   second part.\nRETURN $name'
    _, _, (param,), _ = parse_header(text)
    assert (param.name, param.type, param.example, param.description) == ("name", "string", "a b", "First part, second part.")


def test_query_used_params_ignore_comments_and_strings():
    assert used_params("// $a: int, e.g. 1. A.\nMATCH (n) WHERE n.x = '$b' RETURN $c, $d // $e") == {"c", "d"}


def test_query_get_unknown_lists_available():
    with pytest.raises(QueryError) as info:
        get_query("papers-evaluating")
    message = str(info.value)
    assert message.startswith("Unknown query 'papers-evaluating'. Did you mean 'papers-evaluating-on'?")
    for name in REQUIRED:
        assert name in message


def test_query_coerce_params_types():
    assert coerce_params(get_query("top-entities"), {"type": "Model", "limit": "5"}) == {"type": "Model", "limit": 5}
    assert coerce_params(get_query("related-papers"), {"paper": "42", "limit": 3}) == {"paper": "42", "limit": 3}


def test_query_optional_parameter_takes_its_default():
    query = get_query("datasets-for-method")
    assert [str(p) for p in query.params] == ['$name (string, e.g. "Chain-of-Thought")', "$limit (int, e.g. 10, default 50)"]
    assert coerce_params(query, {"name": "CoT"}) == {"name": "CoT", "limit": 50}
    assert coerce_params(query, {"name": "CoT", "limit": "3"}) == {"name": "CoT", "limit": 3}
    assert query.usage == "kg query datasets-for-method --param name=Chain-of-Thought"


@pytest.mark.parametrize(
    "params, message",
    [
        ({"type": "Model"}, "Query 'top-entities' needs $limit (int, e.g. 10); it expects $type (string, e.g. \"Dataset\"), $limit (int, e.g. 10)."),
        ({}, "Query 'top-entities' needs $type (string, e.g. \"Dataset\"), $limit (int, e.g. 10);"),
        ({"type": "Model", "limit": "ten"}, "Query 'top-entities': $limit must be an int (e.g. limit=10), not 'ten'."),
        ({"type": "Model", "limit": "-1"}, "Query 'top-entities': $limit must be 0 or more, not -1."),
        ({"type": "Model", "limit": "5", "top": "1"}, "Query 'top-entities' has no parameter $top; it expects"),
    ],
)
def test_query_coerce_params_errors(params, message):
    with pytest.raises(QueryError) as info:
        coerce_params(get_query("top-entities"), params)
    assert str(info.value).startswith(message)
    if "expects" in message:
        assert str(info.value).endswith("Example: kg query top-entities --param type=Dataset --param limit=10")


def test_query_parse_params():
    assert parse_params(["dataset=Meta-World", "$limit=5", "q=a=b", "empty="]) == {
        "dataset": "Meta-World",
        "limit": "5",
        "q": "a=b",
        "empty": "",
    }
    with pytest.raises(QueryError, match="write it as name=value"):
        parse_params(["limit"])


@pytest.mark.parametrize(
    "text, clause",
    [
        ("MATCH (n) RETURN n", None),
        ("MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n.set AS s // DELETE n", None),
        ("MATCH (n:`SET`) RETURN n /* MERGE */", None),
        ("MATCH (n) RETURN n.offset, n.created, $delete", None),
        ("create (n:X)", "CREATE"),
        ("MATCH (n) DETACH DELETE n", "DETACH DELETE"),
        ("MATCH (n) SET n.x = 1", "SET"),
        ("MATCH (n)\nREMOVE n.x", "REMOVE"),
        ("MERGE (n:X {id: 1})", "MERGE"),
        ("DROP INDEX x", "DROP"),
        ("LOAD  CSV FROM 'file:///x' AS row RETURN row", "LOAD CSV"),
        ("CALL db.labels()", "CALL"),
        ("call apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", "CALL"),
        ("WITH 1 AS x CALL { WITH x MATCH (n) RETURN n } RETURN n", None),
        ("WITH 1 AS x CALL (x) { MATCH (n) RETURN n } RETURN n", None),
        ("WITH 1 AS x CALL { WITH x MATCH (n) DELETE n } RETURN x", "DELETE"),
        ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
        ("x'}) MATCH (n) DETACH DELETE n //", "DETACH DELETE"),
    ],
)
def test_query_find_write_clause(text, clause):
    assert find_write_clause(text) == clause


ROWS = [
    {"name": "GPT-4", "papers": 6, "aliases": ["GPT4", "gpt-4"], "date": None},
    {"name": "[bold]x[/bold], \"y\"", "papers": 1, "aliases": [], "date": "2025-01-02"},
]


def test_query_format_rows_json():
    import json

    assert json.loads(format_rows(["name", "papers", "aliases", "date"], ROWS, "json")) == ROWS


def test_query_format_rows_csv():
    text = format_rows(["name", "papers", "aliases", "date"], ROWS, "csv")
    assert text.splitlines() == [
        "name,papers,aliases,date",
        'GPT-4,6,"[""GPT4"", ""gpt-4""]",',
        '"[bold]x[/bold], ""y""",1,[],2025-01-02',
    ]


def test_query_format_rows_table():
    text = format_rows(["name", "papers", "aliases", "date"], ROWS, "table", width=100)
    assert "GPT4, gpt-4" in text
    assert "[bold]x[/bold]" in text  # shown as is, not read as markup
    assert text.rstrip().endswith("2 rows")


def test_query_format_rows_unknown_format():
    with pytest.raises(QueryError, match="Unknown format 'xml'; use one of table, json, csv."):
        format_rows(["a"], [], "xml")
