"""The embedded server: private credentials, loopback only, restart after a crash."""

from __future__ import annotations

import json
import os
import signal
import socket
import stat
import time
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store import EmbeddedServer, connect

pytestmark = pytest.mark.integration


def test_store_server_credentials_file_is_private(embedded):
    mode = stat.S_IMODE(embedded.credentials_file.stat().st_mode)
    assert mode == 0o600
    data = json.loads(embedded.credentials_file.read_text())
    assert data["user"] == "root" and len(data["password"]) >= 24


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port``, from /proc/net/tcp{,6}."""
    found = set()
    for name in ("tcp", "tcp6"):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add(address)
    return found


# 127.0.0.1 as /proc/net/tcp writes it, and as an IPv4-mapped address in tcp6.
LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F"}


def test_store_server_listens_on_loopback_only(embedded):
    for port in (embedded.bolt_port, embedded.http_port):
        if Path("/proc/net/tcp").exists():
            addresses = _listening_addresses(port)
            assert addresses and addresses <= LOOPBACK, (port, addresses)
        # Bound to 127.0.0.1 itself, a socket does not answer on another loopback address.
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.2", port), timeout=1).close()
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_store_server_logs_to_data_folder(embedded):
    assert embedded.log_file.parent == embedded.data_dir
    assert "ArcadeDB" in embedded.log_file.read_text(errors="replace")


def test_store_server_connect_reuses_running_server(embedded):
    with connect(data_dir=embedded.data_dir) as conn:
        assert conn.uri == f"bolt://127.0.0.1:{embedded.bolt_port}"
        assert not conn.server.owned
        assert conn.execute_query("RETURN 1 AS one").records[0]["one"] == 1
    assert embedded.running  # leaving the nested connect did not stop the shared server


def test_store_server_restarts_after_kill(tmp_path):
    server = EmbeddedServer(tmp_path)
    server.start()
    try:
        assert server.startup_seconds is not None and server.startup_seconds < 60
        os.kill(server.pid, signal.SIGKILL)
        server._process.wait()
        assert (tmp_path / "server.json").exists()  # left behind, as after a crash
    finally:
        server.stop()
    with connect(data_dir=tmp_path) as conn:  # stale state and lock files do not stop it
        conn.execute_query("CREATE (:Paper {id: 'after-crash'})")
        assert conn.execute_query("MATCH (p:Paper) RETURN count(p) AS n").records[0]["n"] == 1
        pid = conn.server.pid
    assert not (tmp_path / "server.json").exists()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"server process {pid} still running after stop()")


def test_store_server_missing_credentials_is_explained(tmp_path):
    (tmp_path / "arcadedb" / "config").mkdir(parents=True)
    (tmp_path / "arcadedb" / "config" / "server-users.jsonl").write_text("{}\n")
    with pytest.raises(StoreError, match="credentials.json is missing"):
        EmbeddedServer(tmp_path).start()


def test_store_server_unreachable_uri_is_explained():
    with pytest.raises(StoreError, match="Cannot reach bolt://127.0.0.1:9"):
        with connect("bolt://127.0.0.1:9", "neo4j", "x"):
            pass


def test_store_server_unknown_database_is_explained(embedded):
    with pytest.raises(StoreError, match="Database 'nosuchdb' does not exist"):
        with connect(embedded.uri, *embedded.auth, database="nosuchdb"):
            pass


def test_store_server_wrong_password_is_explained(embedded):
    with pytest.raises(StoreError, match="refused the credentials of user 'root'"):
        with connect(embedded.uri, "root", "wrong-password"):
            pass
