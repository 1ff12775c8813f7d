"""The embedded graph database: ArcadeDB with its Bolt plugin, in a child process.

kg talks Bolt to every database. Without a ``--uri`` it starts this one: ArcadeDB
from the ``arcadedb-embedded`` wheel (which bundles its own JRE), listening on a
free port of 127.0.0.1, its data in a local folder. The JVM runs in a child
process (``python -m kg.store.server``) so it never lives in the CLI process,
its loud logs go to a file instead of the terminal, and ``kg serve`` can keep it
up while other kg commands attach to it.

Layout of the data folder (default ``./kg-data``)::

    credentials.json   root user and password, generated on first start (mode 0600)
    server.json        pid and ports of the running server (removed when it stops)
    server.log         the child's stdout and stderr (the JVM's console)
    log/               ArcadeDB's own rotating log (it writes to ./log of its cwd)
    arcadedb/          ArcadeDB's server root: config/ (users), databases/<name>/
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from kg.errors import StoreError

__all__ = ["DEFAULT_DATA_DIR", "DEFAULT_DATABASE", "EmbeddedServer", "free_port"]

DEFAULT_DATA_DIR = Path("kg-data")
DEFAULT_DATABASE = "kg"
BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"
HOST = "127.0.0.1"
USER = "root"

CREDENTIALS_FILE = "credentials.json"
STATE_FILE = "server.json"
LOG_FILE = "server.log"
ROOT_DIR = "arcadedb"
LOG_ROTATE_BYTES = 10 * 1024 * 1024  # server.log moves to server.log.1 beyond this, at start


def free_port(host: str = HOST) -> int:
    """A TCP port nothing listens on right now (the OS picks it).

    >>> 1024 <= free_port() <= 65535
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive, but not ours
        return True
    return True


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_private(path: Path, text: str) -> None:
    """Write a file only the user can read, atomically (temp file, then rename)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(tmp, 0o600)  # O_CREAT's mode is masked by umask; the file may have existed
    os.replace(tmp, path)


def _log_tail(path: Path, lines: int = 8) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    tail = [line for line in text.splitlines() if line.strip()][-lines:]
    return "\n".join(tail)


class EmbeddedServer:
    """The embedded ArcadeDB server, started in a child process and stopped on exit.

    ``start()`` reuses a server already running on the same data folder (one that
    ``kg serve`` keeps up) and then leaves it running on ``stop()``; otherwise it
    starts one, waits until its Bolt port accepts connections and owns it.

        with EmbeddedServer("kg-data") as server:
            driver = neo4j.GraphDatabase.driver(server.uri, auth=server.auth)
    """

    def __init__(
        self,
        data_dir: str | os.PathLike[str] = DEFAULT_DATA_DIR,
        *,
        databases: tuple[str, ...] = (DEFAULT_DATABASE,),
        heap_size: str | None = None,
        startup_timeout: float = 120.0,
        reuse: bool = True,
    ) -> None:
        self.data_dir = Path(data_dir).absolute()
        self.databases = tuple(databases)
        self.heap_size = heap_size
        self.startup_timeout = startup_timeout
        self.reuse = reuse
        self.credentials_file = self.data_dir / CREDENTIALS_FILE
        self.state_file = self.data_dir / STATE_FILE
        self.log_file = self.data_dir / LOG_FILE
        self.bolt_port: int | None = None
        self.http_port: int | None = None
        self.pid: int | None = None
        self.owned = False
        self.startup_seconds: float | None = None
        self._process: subprocess.Popen | None = None
        self._auth: tuple[str, str] | None = None

    # -- what clients need -------------------------------------------------------------

    @property
    def uri(self) -> str:
        if self.bolt_port is None:
            raise StoreError("The embedded server is not started: call start() first.")
        return f"bolt://{HOST}:{self.bolt_port}"

    @property
    def auth(self) -> tuple[str, str]:
        if self._auth is None:
            self._auth = self._load_or_create_credentials()
        return self._auth

    @property
    def running(self) -> bool:
        if self._process is not None:
            return self._process.poll() is None
        return self.pid is not None and _pid_alive(self.pid)

    # -- lifecycle ------------------------------------------------------------------

    def start(self) -> EmbeddedServer:
        if self.bolt_port is not None and self.running:
            return self
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._auth = self._load_or_create_credentials()
        if self.reuse and self._attach():
            return self
        self._spawn()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the server if this object started it; leave a reused one running."""
        process, self._process = self._process, None
        self.bolt_port = self.http_port = None
        if process is None:
            self.pid = None
            return
        atexit.unregister(self.stop)
        if process.poll() is None:
            process.terminate()  # the child shuts ArcadeDB down cleanly on SIGTERM
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._forget_state(process.pid)
        self.pid = None

    def wait(self) -> int:
        """Block until the child exits (``kg serve``); returns its exit code."""
        if self._process is None:
            raise StoreError("This process did not start the embedded server, so it cannot wait on it.")
        return self._process.wait()

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"bolt://{HOST}:{self.bolt_port}" if self.bolt_port else "stopped"
        return f"EmbeddedServer({str(self.data_dir)!r}, {state})"

    # -- internals -------------------------------------------------------------------

    def _load_or_create_credentials(self) -> tuple[str, str]:
        data = _read_json(self.credentials_file)
        if data is not None:
            if self.credentials_file.stat().st_mode & 0o077:
                os.chmod(self.credentials_file, 0o600)
            try:
                return str(data["user"]), str(data["password"])
            except (KeyError, TypeError) as err:
                raise StoreError(
                    f"{self.credentials_file} has no user and password; "
                    f"delete it and {self.data_dir / ROOT_DIR / 'config'} to start afresh."
                ) from err
        if self.credentials_file.exists():
            raise StoreError(f"Cannot read {self.credentials_file}: fix or delete it.")
        users = self.data_dir / ROOT_DIR / "config" / "server-users.jsonl"
        if users.exists():
            # ArcadeDB set the root password when it first started; a new one would be refused.
            raise StoreError(
                f"{self.credentials_file} is missing but the database in {self.data_dir} "
                f"already has a root password. Restore the file, or delete {users} "
                "to have a new password generated (the data is kept)."
            )
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        password = secrets.token_urlsafe(24)
        _write_private(self.credentials_file, json.dumps({"user": USER, "password": password}) + "\n")
        return USER, password

    def _attach(self) -> bool:
        """Use the server another kg process keeps running on this folder, if any."""
        state = _read_json(self.state_file)
        if not state:
            return False
        pid, port = state.get("pid"), state.get("bolt_port")
        if not isinstance(pid, int) or not isinstance(port, int):
            return False
        if not _pid_alive(pid) or not _port_open(HOST, port):
            self._forget_state(pid)  # left behind by a server that was killed
            return False
        missing = set(self.databases) - set(state.get("databases", ()))
        if missing:
            raise StoreError(
                f"The server running on {self.data_dir} (pid {pid}) does not serve "
                f"database(s) {', '.join(sorted(missing))}; stop it (kg serve) and retry."
            )
        self.pid, self.bolt_port, self.http_port = pid, port, state.get("http_port")
        self.owned = False
        return True

    def _forget_state(self, pid: int) -> None:
        state = _read_json(self.state_file)
        if state is not None and state.get("pid") == pid:
            with contextlib.suppress(FileNotFoundError):
                self.state_file.unlink()

    def _spawn(self) -> None:
        bolt_port, http_port = free_port(), free_port()
        while http_port == bolt_port:
            http_port = free_port()
        command = [
            sys.executable, "-m", "kg.store.server",
            "--data-dir", str(self.data_dir),
            "--bolt-port", str(bolt_port),
            "--http-port", str(http_port),
            "--parent-pid", str(os.getpid()),
        ]  # fmt: skip
        for name in self.databases:
            command += ["--database", name]
        if self.heap_size:
            command += ["--heap-size", self.heap_size]
        env = dict(os.environ)
        # JVM crash reports go with the other logs, not into the user's cwd.
        env.setdefault("ARCADEDB_JVM_ERROR_FILE", str(self.data_dir / "log" / "hs_err_pid%p.log"))
        started = time.perf_counter()
        if self.log_file.exists() and self.log_file.stat().st_size > LOG_ROTATE_BYTES:
            os.replace(self.log_file, self.log_file.with_suffix(".log.1"))
        with open(self.log_file, "ab") as log:
            log.write(f"\n--- kg: starting ArcadeDB on bolt://{HOST}:{bolt_port} at {time.ctime()}\n".encode())
            log.flush()
            process = subprocess.Popen(
                command,
                cwd=self.data_dir,  # ArcadeDB writes its log to ./log of its working directory
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                # Own session: a ^C in the terminal reaches the CLI, which stops the
                # child in order, instead of hitting the JVM mid-write.
                start_new_session=True,
            )
        self._process, self.pid, self.owned = process, process.pid, True
        atexit.register(self.stop)
        try:
            self._wait_ready(process, bolt_port, started)
        except BaseException:
            self.stop()
            raise
        self.bolt_port, self.http_port = bolt_port, http_port
        self.startup_seconds = time.perf_counter() - started

    def _wait_ready(self, process: subprocess.Popen, bolt_port: int, started: float) -> None:
        deadline = started + self.startup_timeout
        while True:
            code = process.poll()
            if code is not None:
                tail = _log_tail(self.log_file)
                raise StoreError(
                    f"The embedded ArcadeDB server exited with code {code} while starting; "
                    f"see {self.log_file}" + (f". Its last lines:\n{tail}" if tail else ".")
                )
            state = _read_json(self.state_file)
            if state and state.get("pid") == process.pid and _port_open(HOST, bolt_port):
                return
            if time.perf_counter() > deadline:
                raise StoreError(
                    f"The embedded ArcadeDB server did not accept connections on "
                    f"{HOST}:{bolt_port} within {self.startup_timeout:.0f}s; see {self.log_file}."
                )
            time.sleep(0.05)


# -- the child process: python -m kg.store.server ----------------------------------------


def _serve(args: argparse.Namespace) -> int:
    """Run ArcadeDB until SIGTERM/SIGINT or until the parent process goes away."""
    data_dir = Path(args.data_dir)
    credentials = json.loads((data_dir / CREDENTIALS_FILE).read_text(encoding="utf-8"))
    root = data_dir / ROOT_DIR

    import arcadedb_embedded as arcadedb
    from arcadedb_embedded.jvm import start_jvm

    start_jvm(**jvm_memory(args.heap_size, os.environ.get("ARCADEDB_JVM_ARGS", "")))
    # After the JVM starts, so these replace its handlers: a SIGTERM stops ArcadeDB
    # through server.stop() below (flushing the database) rather than by halting.
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, lambda *_: stop.set())

    # Create missing databases before the server listens, so a client that sees the
    # port open never sees "database not found". Bolt maps the driver's database=
    # to the ArcadeDB database of that name under <root>/databases.
    for name in args.database:
        path = root / "databases" / name
        if not arcadedb.database_exists(str(path)):
            path.parent.mkdir(parents=True, exist_ok=True)
            arcadedb.create_database(str(path)).close()
            print(f"kg: created database {name!r}", flush=True)

    server = _create_server(arcadedb, root, credentials["password"], args)
    server.start()
    try:
        _write_private(
            data_dir / STATE_FILE,
            json.dumps(
                {
                    "pid": os.getpid(),
                    "bolt_port": args.bolt_port,
                    "http_port": args.http_port,
                    "databases": list(args.database),
                    "started": time.time(),
                }
            )
            + "\n",
        )
        print(f"kg: ArcadeDB ready on bolt://{HOST}:{args.bolt_port}", flush=True)
        while not stop.wait(1.0):
            if args.parent_pid and os.getppid() != args.parent_pid:
                print("kg: parent process is gone; stopping", flush=True)
                break
    finally:
        server.stop()
        state = _read_json(data_dir / STATE_FILE)
        if state and state.get("pid") == os.getpid():
            (data_dir / STATE_FILE).unlink(missing_ok=True)
        print("kg: ArcadeDB stopped", flush=True)
    return 0


def default_heap_size() -> str:
    """A quarter of this machine's memory in whole GiB, from 1 to 8 ("5g" on a box reporting 23.5 GiB)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return "4g"
    return f"{min(8, max(1, total // 4 // 2**30))}g"


def jvm_memory(heap_size: str | None, env_args: str = "") -> dict[str, Any]:
    """``start_jvm`` arguments: the heap, and half of it for ArcadeDB's page cache.

    ArcadeDB's own default cache is a quarter of the heap, which a million abstracts'
    database (about 6 GB) outgrows many times. -Xmx or arcadedb.maxPageRAM set in
    ARCADEDB_JVM_ARGS win over both defaults.

    >>> jvm_memory("8g")
    {'heap_size': '8g', 'jvm_args': ['-Darcadedb.maxPageRAM=4096']}
    >>> jvm_memory(None, "-Xmx2g")
    {'heap_size': None, 'jvm_args': ['-Darcadedb.maxPageRAM=1024']}
    """
    user_heap = re.findall(r"-Xmx(\d+[kKmMgG]?)", env_args)
    heap = heap_size or (None if user_heap else default_heap_size())
    memory: dict[str, Any] = {"heap_size": heap, "jvm_args": []}
    if "arcadedb.maxPageRAM" not in env_args:
        memory["jvm_args"].append(f"-Darcadedb.maxPageRAM={_megabytes(heap or user_heap[-1]) // 2}")
    return memory


def _megabytes(size: str) -> int:
    number, unit = int(re.sub(r"\D", "", size)), size[-1].lower()
    return {"g": number * 1024, "m": number, "k": number // 1024}.get(unit, number // 2**20)


def _create_server(arcadedb, root: Path, password: str, args: argparse.Namespace):
    return arcadedb.ArcadeDBServer(
        str(root),
        password,
        {
            "host": HOST,  # every listener, HTTP and Bolt, on loopback only
            "http_port": args.http_port,
            "server_plugins": BOLT_PLUGIN,
            "bolt_port": args.bolt_port,
        },
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kg.store.server",
        description="Run kg's embedded ArcadeDB server (started by kg itself; see EmbeddedServer).",
    )
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--database", action="append", default=[])
    parser.add_argument("--heap-size", default=None)
    parser.add_argument("--parent-pid", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.database:
        args.database = [DEFAULT_DATABASE]
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())
