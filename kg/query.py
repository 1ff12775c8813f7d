"""Canned queries (queries/<name>.cypher) and ad-hoc Cypher: list, run, format.

A canned query is one Cypher file whose ``//`` header names it, says what it does and
declares each parameter with its type and an example::

    // papers-evaluating-on: papers that evaluate on a dataset, newest first, ...
    // $dataset: string, e.g. "MetaWorld". A dataset's name or alias; ...
    // Returns: one row per paper ...

Parameters arrive as strings (``--param dataset=MetaWorld``), are coerced to their
declared type and are always sent as driver parameters, never formatted into the
query text. Every canned query runs in a read transaction; so does ad-hoc Cypher
unless ``write=True``.

    >>> [p.name for p in get_query("top-entities").params]
    ['type', 'limit']
    >>> coerce_params(get_query("top-entities"), {"type": "Model", "limit": "5"})
    {'type': 'Model', 'limit': 5}
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import neo4j
import neo4j.graph
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.errors import QueryError
from kg.store.client import Connection, cypher_files, translate_error

__all__ = [
    "FORMATS",
    "CannedQuery",
    "QueryParam",
    "coerce_params",
    "find_write_clause",
    "format_rows",
    "get_query",
    "list_queries",
    "parse_header",
    "parse_params",
    "return_columns",
    "used_params",
    "rows_table",
    "run_cypher",
    "run_query",
]

FORMATS = ("table", "json", "csv")
PARAM_TYPES = ("string", "int", "float", "bool")
_ACCESS_MODE_ERROR = "Neo.ClientError.Statement.AccessMode"

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class QueryParam:
    """One ``$param`` of a canned query, as its header declares it."""

    name: str
    type: str  # one of PARAM_TYPES
    example: Any  # already of that type: "MetaWorld", 10
    description: str = ""
    default: Any = None  # taken when the parameter is not given; None: it must be given

    def __str__(self) -> str:
        default = "" if self.default is None else f", default {json.dumps(self.default, ensure_ascii=False)}"
        return f"${self.name} ({self.type}, e.g. {json.dumps(self.example, ensure_ascii=False)}{default})"


@dataclass(frozen=True)
class CannedQuery:
    """One queries/<name>.cypher file: its header, parsed, and its statement."""

    name: str
    description: str
    params: tuple[QueryParam, ...]
    header: str  # the whole header, without the leading "// "
    text: str  # the file as shipped, header included
    file: str

    @property
    def columns(self) -> list[str]:
        """The columns of its final RETURN (ArcadeDB sends none with an empty result)."""
        return return_columns(self.text)

    @property
    def example_params(self) -> dict[str, str]:
        """The header's examples of the parameters that must be given, as the CLI would pass
        them: ``{"dataset": "MetaWorld"}``."""
        return {p.name: _as_text(p.example) for p in self.params if p.default is None}

    @property
    def usage(self) -> str:
        """``kg query papers-evaluating-on --param dataset=MetaWorld``"""
        args = "".join(f" --param {name}={_shell_word(value)}" for name, value in self.example_params.items())
        return f"kg query {self.name}{args}"


# -- the header ------------------------------------------------------------------------

_TITLE = re.compile(r"^(?P<name>[a-z][a-z0-9-]*):\s*(?P<description>\S.*)$")
_VALUE = r"\"(?:[^\"\\]|\\.)*\"|-?\d+(?:\.\d+)?|true|false"
_PARAM = re.compile(
    rf"^\$(?P<name>\w+):\s*(?P<type>\w+),\s*e\.g\.\s*(?P<example>{_VALUE})"
    rf"(?:,\s*default\s+(?P<default>{_VALUE}))?\.?\s*(?P<description>.*)$"
)
_USED_PARAM = re.compile(r"\$(\w+)")


def parse_header(text: str, file: str = "<query>") -> tuple[str, str, tuple[QueryParam, ...], str]:
    """(name, description, params, header text) of a canned query's ``//`` header.

    Raises QueryError when the first line is not ``// <name>: <description>`` or a
    ``// $param:`` line lacks a known type or an example.

    >>> name, description, params, _ = parse_header(
    ...     '// demo: counts papers.\\n// $limit: int, e.g. 10, default 25. How many.\\nRETURN $limit')
    >>> name, description, params[0]
    ('demo', 'counts papers.', QueryParam(name='limit', type='int', example=10, description='How many.', default=25))
    """
    raw = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        raw.append(line[2:].rstrip())
    lines = [line.strip() for line in raw]
    if not lines or not (title := _TITLE.match(lines[0])):
        raise QueryError(f"{file}: the first line must be '// <name>: <what the query does>'.")
    # A parameter line may go on over lines indented deeper than "// $".
    items: list[str] = []
    for line in raw[1:]:
        if line.startswith("  ") and items and items[-1].startswith("$"):
            items[-1] += " " + line.strip()
        else:
            items.append(line.strip())
    params: list[QueryParam] = []
    for line in items:
        if not line.startswith("$"):
            continue
        match = _PARAM.match(line)
        if match is None or match["type"] not in PARAM_TYPES:
            raise QueryError(
                f"{file}: cannot read the parameter line '// {line}'; write it as "
                f"'// $name: <{'|'.join(PARAM_TYPES)}>, e.g. <example>[, default <value>]. <description>'."
            )
        example = json.loads(match["example"])
        default = None if match["default"] is None else _coerce(match["type"], json.loads(match["default"]))
        params.append(QueryParam(match["name"], match["type"], _coerce(match["type"], example), match["description"], default))
    return title["name"], title["description"], tuple(params), "\n".join(lines)


_RETURN = re.compile(r"\bRETURN\b", re.I)
_RETURN_END = re.compile(r"\bORDER\s+BY\b|\bSKIP\b|\bLIMIT\b|\bUNION\b|;", re.I)


def return_columns(text: str) -> list[str]:
    """The column names of a statement's last RETURN: each item's alias, else the item itself.

    >>> return_columns("MATCH (p) RETURN p.id AS id, count(*) AS n, [x IN p.a | x.b] AS xs, papers ORDER BY n")
    ['id', 'n', 'xs', 'papers']
    >>> return_columns("CALL { MATCH (n) RETURN n ORDER BY n.x LIMIT 1 } RETURN DISTINCT n.name AS name")
    ['name']
    """
    body = _strip_comments_and_strings(text)
    starts = [m.end() for m in _RETURN.finditer(body)]
    if not starts:
        return []
    clause = re.sub(r"^\s*DISTINCT\b", "", body[starts[-1] :], flags=re.I)
    if end := _RETURN_END.search(clause):
        clause = clause[: end.start()]
    items, depth, start = [], 0, 0
    for i, char in enumerate(clause + ","):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(clause[start:i].strip())
            start = i + 1
    return [re.split(r"\s+AS\s+", item, flags=re.I)[-1].strip("` ") for item in items if item]


def used_params(text: str) -> set[str]:
    """The ``$params`` the statement (header and comments aside) refers to."""
    body = _strip_comments_and_strings(text)
    return set(_USED_PARAM.findall(body))


@cache
def _load_queries() -> tuple[CannedQuery, ...]:
    found = []
    for file, text in cypher_files("kg.queries"):
        name, description, params, header = parse_header(text, f"queries/{file}")
        if name != file.removesuffix(".cypher"):
            raise QueryError(f"queries/{file}: its header names it '{name}'; name it after its file.")
        found.append(CannedQuery(name, description, params, header, text, file))
    return tuple(found)


def list_queries() -> list[CannedQuery]:
    """Every canned query, by name."""
    return list(_load_queries())


def get_query(name: str) -> CannedQuery:
    """The canned query called ``name``; QueryError listing the available ones if there is none."""
    queries = {query.name: query for query in _load_queries()}
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, queries, n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise QueryError(f"Unknown query '{name}'.{hint} Available queries: {', '.join(queries)}.")


# -- parameters ------------------------------------------------------------------------


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["dataset=MetaWorld", "limit=5"]`` (the CLI's ``--param`` values) as a dict.

    >>> parse_params(["dataset=Meta-World", "q=a=b"])
    {'dataset': 'Meta-World', 'q': 'a=b'}
    """
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("$")
        if not sep or not name:
            raise QueryError(f"Cannot read parameter '{pair}': write it as name=value, e.g. --param limit=10.")
        params[name] = value
    return params


_TRUE, _FALSE = {"true", "yes", "1", "on"}, {"false", "no", "0", "off"}


def _coerce(type_: str, value: Any) -> Any:
    """``value`` (a string from the command line, or already typed) as ``type_``; ValueError if it is not one."""
    if type_ == "string":
        return value if isinstance(value, str) else _as_text(value)
    if type_ == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE | _FALSE:
            return text in _TRUE
        raise ValueError(value)
    if isinstance(value, bool):
        raise ValueError(value)
    if type_ == "int":
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return int(str(value).strip())
    if type_ == "float":
        return float(value if isinstance(value, (int, float)) else str(value).strip())
    raise ValueError(f"unknown parameter type {type_!r}")


def coerce_params(query: CannedQuery, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` checked against the query's declared parameters and coerced to their types.

    QueryError, listing what the query expects, for a missing, unknown or mistyped parameter.
    """
    expected = ", ".join(str(p) for p in query.params) or "no parameters"
    declared = {p.name for p in query.params}
    unknown = sorted(set(params) - declared)
    if unknown:
        raise QueryError(
            f"Query '{query.name}' has no parameter {', '.join('$' + n for n in unknown)}; "
            f"it expects {expected}. Example: {query.usage}"
        )
    params = {**params, **{p.name: p.default for p in query.params if p.default is not None and params.get(p.name) is None}}
    missing = [p for p in query.params if params.get(p.name) is None]
    if missing:
        raise QueryError(
            f"Query '{query.name}' needs {', '.join(str(p) for p in missing)}; it expects {expected}. "
            f"Example: {query.usage}"
        )
    coerced = {}
    for param in query.params:
        try:
            coerced[param.name] = _coerce(param.type, params[param.name])
        except (TypeError, ValueError) as err:
            raise QueryError(
                f"Query '{query.name}': ${param.name} must be {'an' if param.type == 'int' else 'a'} {param.type} "
                f"(e.g. {param.name}={_as_text(param.example)}), not {params[param.name]!r}."
            ) from err
        if param.type == "int" and coerced[param.name] < 0:
            raise QueryError(f"Query '{query.name}': ${param.name} must be 0 or more, not {coerced[param.name]}.")
    return coerced


# -- running ---------------------------------------------------------------------------


def run_query(conn: Connection, name: str, params: dict[str, Any] | None = None) -> tuple[list[str], Rows]:
    """Run the canned query ``name`` in a read transaction: (columns, rows).

    ``params`` are strings as given on the command line (or already-typed values);
    each is coerced to its declared type and sent as a driver parameter. Rows are
    dicts of plain Python values (lists, dicts, str, int, float, bool, None). The
    columns are the query's even when no row comes back.
    """
    query = get_query(name)
    values = coerce_params(query, dict(params or {}))
    columns, rows = _run(conn, query.text, values, write=False, what=f"Query '{name}'")
    return columns or query.columns, rows


def run_cypher(
    conn: Connection, text: str, params: dict[str, Any] | None = None, write: bool = False
) -> tuple[list[str], Rows]:
    """Run one ad-hoc Cypher statement: (columns, rows), like ``run_query``.

    It runs in a read transaction unless ``write`` is true. ArcadeDB does not refuse
    writes in read transactions, so a statement holding a clause that can write
    (CREATE, MERGE, SET, DELETE, REMOVE, DROP, LOAD CSV, CALL, FOREACH, ...: see
    ``find_write_clause``) is refused before it is sent; Neo4j's own refusal is
    reported the same way. On ArcadeDB an empty result has no columns either.
    """
    if not text or not text.strip():
        raise QueryError("The Cypher statement is empty; pass one, e.g. kg cypher 'MATCH (p:Paper) RETURN count(p)'.")
    if not write:
        clause = find_write_clause(text)
        if clause is not None:
            raise QueryError(_write_refused(clause))
    return _run(conn, text, dict(params or {}), write=write, what="The Cypher statement")


def _write_refused(clause: str) -> str:
    return (
        f"Not run: the statement contains {clause}, which can write, and statements run read-only "
        "by default. Check it, then run it again with --write."
    )


def _run(conn: Connection, text: str, params: dict[str, Any], *, write: bool, what: str) -> tuple[list[str], Rows]:
    def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], Rows]:
        result = tx.run(text, params)
        columns = list(result.keys())
        return columns, [{column: _plain(record[column]) for column in columns} for record in result]

    try:
        with conn.session() as session:
            return session.execute_write(work) if write else session.execute_read(work)
    except (DriverError, Neo4jError) as err:
        translated = translate_error(err, conn)
        if translated is not None:
            raise translated from err
        if isinstance(err, Neo4jError) and err.code == _ACCESS_MODE_ERROR:
            raise QueryError(_write_refused("a write")) from err
        message = getattr(err, "message", None) or str(err)
        raise QueryError(f"{what} failed on {conn.uri}: {message}") from err


def _plain(value: Any) -> Any:
    """A driver value as plain Python: nodes and relationships as dicts, paths as lists, temporals as ISO text."""
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        out: list[Any] = [_plain(value.start_node)]
        for rel in value.relationships:
            out += [_plain(rel), _plain(rel.end_node)]
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return value.iso_format()
    return value


# -- write detection -------------------------------------------------------------------

# Comments, string literals and `quoted identifiers` are blanked before looking for clauses.
_LEXEMES = re.compile(
    r"//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`",
    re.DOTALL,
)
_WRITE_CLAUSE = re.compile(
    r"(?<![\w.$])(CREATE|MERGE|SET|DELETE|DETACH\s+DELETE|REMOVE|DROP|LOAD\s+CSV|CALL(?!\s*[{(])|FOREACH|ALTER|RENAME|"
    r"GRANT|DENY|REVOKE|START|STOP|TERMINATE|ENABLE|DEALLOCATE|REALLOCATE)(?!\w)",
    re.IGNORECASE,
)


def _strip_comments_and_strings(text: str) -> str:
    return _LEXEMES.sub(lambda m: " " if m[0].startswith("/") else "''", text)


def find_write_clause(text: str) -> str | None:
    """The first clause in ``text`` that can write, upper-cased, or None.

    Conservative: a procedure CALL counts (it may write; a ``CALL { ... }`` subquery
    is judged by the clauses inside it), and a map key or variable named like a
    clause is a false alarm; words in strings and comments are not.

    >>> find_write_clause("MATCH (n) WHERE n.name = 'CREATE' RETURN n.set // DELETE")
    >>> find_write_clause("match (n) detach delete n")
    'DETACH DELETE'
    """
    match = _WRITE_CLAUSE.search(_strip_comments_and_strings(text))
    return re.sub(r"\s+", " ", match[1]).upper() if match else None


# -- output ----------------------------------------------------------------------------


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _shell_word(text: str) -> str:
    return text if re.fullmatch(r"[\w.,:/+-]+", text) else "'" + text.replace("'", "'\\''") + "'"


def rows_table(columns: list[str], rows: Rows, title: str | None = None) -> Table:
    """A rich Table of the rows (lists joined with ", ", nulls empty, no markup interpreted)."""
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(Text(_as_text(row.get(column))) for column in columns))
    return table


def format_rows(columns: list[str], rows: Rows, fmt: str = "table", *, width: int | None = None) -> str:
    """The rows as text: "table" (rich, ``width`` columns wide, default the terminal's),
    "json" (a list of objects) or "csv" (a header line; lists and maps as JSON).

    >>> print(format_rows(["name", "papers"], [{"name": "GPT-4", "papers": 6}], "csv"), end="")
    name,papers
    GPT-4,6
    """
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2, default=str)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(
                [json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else _as_text(v) for v in (row.get(c) for c in columns)]
            )
        return out.getvalue()
    if fmt == "table":
        width = width or shutil.get_terminal_size((120, 24)).columns
        console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
        console.print(rows_table(columns, rows))
        console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
        return console.file.getvalue()  # type: ignore[attr-defined]
    raise QueryError(f"Unknown format '{fmt}'; use one of {', '.join(FORMATS)}.")
