"""The CLI against the real server: one clear 'Error:' line and exit 1 for every database failure."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase

from kg.cli import main
from kg.store.server import EmbeddedServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "graph.json"
    result = CliRunner().invoke(main, ["extract", str(ROOT / "examples"), "-o", str(path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return path


def _fails_cleanly(args, *expected):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ") and "Traceback" not in result.output
    for text in expected:
        assert text in result.output
    return result


def test_cli_unreachable_server(graph_file):
    _fails_cleanly(["load", str(graph_file), "--uri", "bolt://127.0.0.1:9", "--password", "x"], "Cannot reach bolt://127.0.0.1:9")


def test_cli_wrong_password(graph_file, embedded):
    _fails_cleanly(["load", str(graph_file), "--uri", embedded.uri, "--user", "root", "--password", "wrong"], "refused the credentials")


def test_cli_missing_database(graph_file, embedded):
    user, password = embedded.auth
    _fails_cleanly(["query", "top-entities", "-p", "type=Dataset", "-p", "limit=3", "--uri", embedded.uri,
                    "--user", user, "--password", password, "--database", "nosuchdb"], "nosuchdb")


def test_cli_debug_shows_the_traceback(graph_file):
    result = CliRunner().invoke(main, ["--debug", "load", str(graph_file), "--uri", "bolt://127.0.0.1:9", "--password", "x"])
    assert result.exit_code != 0 and result.exception is not None


def test_cli_server_dropping_mid_load(tmp_path):
    """The server goes away during a load: the client stops with one message, no traceback."""
    sys.path.insert(0, str(ROOT / "bench"))
    corpus = ROOT.parent / "shared" / "corpus" / "arxiv-daily.jsonl.gz"
    if not corpus.exists():
        pytest.skip("needs the shared corpus for a load long enough to interrupt")
    from corpus import write_corpus

    source = write_corpus(1500, tmp_path / "corpus.jsonl", corpus)
    graph = tmp_path / "graph.json"
    assert CliRunner().invoke(main, ["extract", str(source), "-o", str(graph), "--workers", "1"]).exit_code == 0
    server = EmbeddedServer(tmp_path / "kg-data").start()
    try:
        user, password = server.auth
        process = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "load", str(graph), "--uri", server.uri, "--user", user, "--batch-size", "100"],
            env={**os.environ, "NEO4J_PASSWORD": password}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        with GraphDatabase.driver(server.uri, auth=(user, password)) as driver:
            deadline = time.monotonic() + 120
            while process.poll() is None and time.monotonic() < deadline:
                if driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n").records[0]["n"] > 0:
                    break  # past the nodes, into the relationships: stop the server now
                time.sleep(0.05)
        assert process.poll() is None, "the load finished before the server could be stopped"
        os.kill(server.pid, signal.SIGKILL)
        _, stderr = process.communicate(timeout=180)
    finally:
        server.stop()
    assert process.returncode == 1
    assert "Error: " in stderr and "Traceback" not in stderr


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687"])
def test_cli_uri_that_is_not_bolt(graph_file, uri):
    _fails_cleanly(["load", str(graph_file), "--uri", uri], "kg speaks Bolt")
