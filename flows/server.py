"""Local Prefect API servers, started and stopped by zhfacts.

Two kinds, both child processes on the loopback interface that keep their own SQLite
database under PREFECT_HOME (the warehouse is never touched by them):

- `start_server`: the full `prefect server start`, UI and services, for `zhfacts serve`.
- `RunApi`: the API alone for one command-line run, launched the way Prefect launches its
  own ephemeral server (the same uvicorn arguments and ephemeral-mode flags, run through
  flows.api_server so that its exit skips the interpreter's teardown). Prefect would
  start that server only when the flow is first called, after importing its server package
  into this process (≈ 4–7 s of CPU) — so the boot of the API would follow all of our own
  imports. Launched first, the child boots on the other core while this process imports,
  and this process never imports the server package at all.

The first start on a fresh PREFECT_HOME runs database migrations and can take 20 s or more
on a cold machine (stack notes §2), hence the generous waits.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

STARTUP_TIMEOUT_S = 180
_EXCEPTION_LINE = re.compile(r"^[\w.]+(?:Error|Exception)\b")


class ServerError(RuntimeError):
    pass


def api_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/api"


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


class StartLock:
    """One server start at a time for this user, held from launch until the server answers.

    A server's start migrates its database, and Prefect guards migrations with a thread lock
    only: two `zhfacts run`s started together on a fresh PREFECT_HOME both ran the same
    ALTER TABLEs and one died with "duplicate column name". The lock is an flock, so a
    crashed holder releases it with its last file descriptor; it lives in the temp folder
    because PREFECT_HOME is only known once Prefect is imported.
    """

    def __init__(self) -> None:
        path = Path(tempfile.gettempdir()) / f"zhfacts-prefect-start-{os.getuid()}.lock"
        self._fd: int | None = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)

    def try_acquire(self) -> bool:
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def acquire(self) -> None:
        fcntl.flock(self._fd, fcntl.LOCK_EX)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class ServerProcess:
    """A Prefect server child. Its stderr goes to an unnamed temporary file, not a pipe
    nobody reads (a pipe would block the server once ~64 KB of warnings filled it), and is
    read back only to say why a start failed."""

    def __init__(self, args: list[str], env: dict[str, str], url: str) -> None:
        self.url = url
        self._log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=self._log)

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerError(f"prefect server exited with {self.process.returncode}: {self._reason()}")
            if healthy(self.url):
                return
            time.sleep(0.1)
        self.stop()
        raise ServerError(f"prefect server did not answer on {self.url} within {timeout:.0f} s")

    def _reason(self) -> str:
        """The exception a dying server printed, else its last line ("Application startup
        failed" says nothing)."""
        self._log.seek(0)
        lines = self._log.read().decode(errors="replace").strip().splitlines()
        errors = [line for line in lines if _EXCEPTION_LINE.match(line)]
        return (errors or lines or [""])[-1]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def start_server(port: int) -> ServerProcess:
    """Start `prefect server start` on 127.0.0.1:port and wait until it answers."""
    url = api_url(port)
    if healthy(url):
        raise ServerError(f"port {port} already serves a Prefect API; set PREFECT_API_URL={url} to use it")
    prefect = Path(sys.executable).with_name("prefect")
    # The UI asks the API at PREFECT_UI_API_URL, which otherwise assumes the default port.
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "true",
           "PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": str(port),
           "PREFECT_UI_API_URL": url}
    lock = StartLock()
    lock.acquire()
    try:
        server = ServerProcess(
            [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env, url)
        server.wait_healthy(STARTUP_TIMEOUT_S)
    finally:
        lock.release()
    return server


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _ephemeral_api() -> ServerProcess:
    """Prefect's own command and flags for an ephemeral server: no UI, only the services a
    short-lived server needs (prefect/server/api/server.py, SubprocessASGIServer)."""
    spec = find_spec("prefect")
    assert spec is not None and spec.origin is not None, "prefect is not installed"
    port = _free_port()
    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
           "PREFECT__SERVER_FINAL": "1"}
    return ServerProcess(
        [sys.executable, "-m", "flows.api_server", "--app-dir", str(Path(spec.origin).parents[1]),
         "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "error", "--lifespan", "on"],
        env, api_url(port))


class RunApi:
    """The API server of one run: launched at once, adopted only if Prefect would start one.

    `launch` costs a fork and no imports. `serving` is entered once Prefect is imported: if
    the user's settings name an API (PREFECT_API_URL in a profile) or forbid ephemeral mode,
    the child is stopped and Prefect does what it always does; otherwise the run and its
    worker processes are pointed at the child, and on exit Prefect's log and event queues
    are drained into it before it stops (prefect_test_harness does the same). While another
    run's server is starting (StartLock), the launch waits for `serving` instead.
    """

    def __init__(self, server: ServerProcess | None, start_lock: StartLock):
        self.server = server
        self._start_lock = start_lock

    @classmethod
    def launch(cls) -> RunApi | None:
        """Start the child unless PREFECT_API_URL already names a server."""
        if os.environ.get("PREFECT_API_URL"):
            return None
        lock = StartLock()
        return cls(_ephemeral_api() if lock.try_acquire() else None, lock)

    @contextlib.contextmanager
    def serving(self) -> Iterator[None]:
        from prefect.context import _temporary_global_settings_context, get_settings_context
        from prefect.settings import (
            PREFECT_API_URL,
            PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
            get_current_settings,
            temporary_settings,
        )

        settings = get_current_settings()
        if settings.api.url or not settings.server.ephemeral.enabled:
            self.stop()
            yield
            return
        try:
            if self.server is None:
                self._start_lock.acquire()
                self.server = _ephemeral_api()
            self.server.wait_healthy(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
        finally:
            self._start_lock.release()
        url = self.server.url
        os.environ["PREFECT_API_URL"] = url  # inherited by process-pool and Dask workers
        try:
            # Both layers, as prefect_test_harness does: temporary_settings for this context,
            # and the process-global settings for the threads Prefect started before it
            # (its log and event workers), which would otherwise start a server of their own.
            with (temporary_settings(updates={PREFECT_API_URL: url}),
                  _temporary_global_settings_context(get_settings_context())):
                try:
                    yield
                finally:
                    _drain_prefect_queues()
        finally:
            del os.environ["PREFECT_API_URL"]

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
        self._start_lock.release()


def _drain_prefect_queues() -> None:
    """Send the logs and events still queued in this process before the API goes away."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    with contextlib.suppress(RuntimeError):  # the worker never started
        APILogWorker.instance().drain()
    EventsWorker.drain_all()
