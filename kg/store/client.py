"""Connect to the graph database over Bolt and create its schema.

One code path for every server: the official neo4j driver. With a ``uri`` it is
the user's Neo4j 5 (or any Bolt server); without one, the embedded ArcadeDB of
:mod:`kg.store.server` is started (or reused) and connected to.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from kg.errors import StoreError
from kg.store.server import DEFAULT_DATA_DIR, DEFAULT_DATABASE, EmbeddedServer

__all__ = [
    "Connection",
    "apply_schema",
    "connect",
    "cypher_files",
    "read_cypher",
    "schema_files",
    "translate_error",
]

DEFAULT_USER = "neo4j"
_DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"


@dataclass
class Connection:
    """A neo4j Driver and the database every session of it uses.

    ``server`` is the embedded server when kg started (or reused) one, else None.
    """

    driver: neo4j.Driver
    database: str | None
    uri: str
    user: str | None = None
    server: EmbeddedServer | None = field(default=None, repr=False)

    @property
    def embedded(self) -> bool:
        return self.server is not None

    def session(self, **config: Any) -> neo4j.Session:
        """A session on this connection's database (always named: see the README's findings)."""
        return self.driver.session(database=self.database, **config)

    def execute_query(
        self, query: str, parameters: dict[str, Any] | None = None, **kwargs: Any
    ) -> neo4j.EagerResult:
        """``driver.execute_query`` on this database; connection errors become StoreError.

        Errors in the statement itself (syntax, constraint) are raised as the
        driver's ``Neo4jError`` for the caller to word.
        """
        try:
            return self.driver.execute_query(query, parameters, database_=self.database, **kwargs)
        except (DriverError, Neo4jError) as err:
            translated = translate_error(err, self)
            if translated is None:
                raise
            raise translated from err

    def close(self) -> None:
        self.driver.close()


def translate_error(err: Exception, conn: Connection | None = None, *, uri: str | None = None) -> StoreError | None:
    """A StoreError saying what to check for a connection-level driver error, else None.

    Unreachable server, refused credentials, missing database and bad URIs are
    translated; errors of a statement (syntax, constraint, type) are not.
    """
    uri = uri or (conn.uri if conn else "the graph database")
    where = f"the embedded server (log: {conn.server.log_file})" if conn and conn.server else uri
    if isinstance(err, AuthError):
        if conn is not None and conn.server is not None:
            return StoreError(
                f"The embedded server refused the credentials in {conn.server.credentials_file}; "
                "the file no longer matches the database's root password. Restore it, or "
                f"delete {conn.server.data_dir / 'arcadedb' / 'config' / 'server-users.jsonl'} "
                "to have a new one generated."
            )
        user = conn.user if conn else None
        return StoreError(
            f"{uri} refused the credentials" + (f" of user '{user}'" if user else "")
            + f": {err.message}. Check NEO4J_USER and NEO4J_PASSWORD."
        )
    if isinstance(err, (ServiceUnavailable, SessionExpired)):
        hint = (
            "It may have stopped; retry to start it again."
            if conn is not None and conn.server is not None
            else "Check that the server is running (docker compose up -d) and that --uri / NEO4J_URI is right."
        )
        return StoreError(f"Cannot reach {where}: {err}. {hint}")
    if isinstance(err, ClientError) and err.code == _DATABASE_NOT_FOUND:
        database = conn.database if conn else None
        return StoreError(
            f"Database '{database}' does not exist on {uri}. Check --database "
            "(Neo4j Community Edition has only 'neo4j')."
        )
    if isinstance(err, ConfigurationError):
        return StoreError(f"Cannot use {uri}: {err}. Check --uri / NEO4J_URI (e.g. bolt://localhost:7687).")
    return None


@contextlib.contextmanager
def connect(
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    data_dir: str | os.PathLike[str] = DEFAULT_DATA_DIR,
    *,
    heap_size: str | None = None,
) -> Iterator[Connection]:
    """Connect to ``uri``, or to the embedded server on ``data_dir`` when uri is None.

    Checks the connection (and that the database exists) before yielding; closes
    the driver and stops an embedded server this call started on exit.

        with connect() as conn:            # embedded ArcadeDB in ./kg-data
            apply_schema(conn)
        with connect("bolt://localhost:7687", "neo4j", "kgpassword") as conn:
            ...
    """
    with contextlib.ExitStack() as stack:
        server = None
        if uri is None:
            database = database or DEFAULT_DATABASE
            server = stack.enter_context(EmbeddedServer(data_dir, databases=(database,), heap_size=heap_size))
            uri, auth = server.uri, server.auth
            user = auth[0]
        else:
            _check_scheme(uri)
            user = user or DEFAULT_USER
            auth = (user, password) if password is not None else None
        try:
            driver = neo4j.GraphDatabase.driver(uri, auth=auth)
        except (ValueError, ConfigurationError) as err:
            raise StoreError(f"Cannot use {uri!r} as a Bolt URI: {err}. Use e.g. bolt://localhost:7687.") from err
        stack.callback(driver.close)
        conn = Connection(driver=driver, database=database, uri=uri, user=user, server=server)
        _check(conn)
        yield conn


_BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _check_scheme(uri: str) -> None:
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in _BOLT_SCHEMES:
        raise StoreError(
            f"Cannot use {uri!r}: kg speaks Bolt, so the URI starts with bolt:// or neo4j:// "
            "(e.g. bolt://localhost:7687; Browser's http://localhost:7474 is not it)."
        )


def _check(conn: Connection) -> None:
    """Fail fast on a wrong URI, password or database name: one try, no driver retries."""
    try:
        with conn.session() as session:
            session.run("RETURN 1 AS ok").consume()
    except (DriverError, Neo4jError) as err:
        translated = translate_error(err, conn)
        if translated is None:
            raise StoreError(f"{conn.uri} did not answer a test query: {err}") from err
        raise translated from err


def cypher_files(package: str) -> list[tuple[str, str]]:
    """(file name, text) of every .cypher file shipped in ``package``, in file-name order."""
    paths = sorted((p for p in files(package).iterdir() if p.name.endswith(".cypher")), key=lambda p: p.name)
    return [(path.name, path.read_text(encoding="utf-8")) for path in paths]


def schema_files() -> list[str]:
    """Names of the schema statements, in the order they run."""
    return [name for name, _ in cypher_files("kg.schema")]


def read_cypher(package: str, name: str) -> str:
    """The text of a shipped Cypher file, e.g. ``read_cypher("kg.loaders", "10_paper.cypher")``."""
    return files(package).joinpath(name).read_text(encoding="utf-8")


def apply_schema(conn: Connection) -> list[str]:
    """Run schema/*.cypher in file-name order; every statement is idempotent.

    Returns the names of the files run.
    """
    names = schema_files()
    for name in names:
        try:
            conn.execute_query(read_cypher("kg.schema", name))
        except Neo4jError as err:
            raise StoreError(f"Schema statement {name} failed on {conn.uri}: {err.message}") from err
    return names

