"""Local Prefect API servers, started and stopped by zhfacts.

Two kinds, both child processes on the loopback interface that keep their own SQLite
database under PREFECT_HOME (the warehouse is never touched by them):

- `start_server`: the full `prefect server start`, UI and services, for `zhfacts serve`.
- `RunApi`: the API alone for one command-line run, launched the way Prefect launches its
  own ephemeral server (the same uvicorn command and ephemeral-mode flags). Prefect would
  start that server only when the flow is first called, after importing its server package
  into this process (≈ 4–7 s of CPU) — so the boot of the API would follow all of our own
  imports. Launched first, the child boots on the other core while this process imports,
  and this process never imports the server package at all.

The first start on a fresh PREFECT_HOME runs database migrations and can take 20 s or more
on a cold machine (stack notes §2), hence the generous waits.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path

STARTUP_TIMEOUT_S = 180


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


def _wait_healthy(process: subprocess.Popen[bytes], url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace").strip().splitlines() if process.stderr else []
            raise ServerError(f"prefect server exited with {process.returncode}: {error[-1] if error else ''}")
        if healthy(url):
            return
        time.sleep(0.1)
    stop_server(process)
    raise ServerError(f"prefect server did not answer on {url} within {timeout:.0f} s")


def start_server(port: int) -> subprocess.Popen[bytes]:
    """Start `prefect server start` on 127.0.0.1:port and wait until it answers."""
    url = api_url(port)
    if healthy(url):
        raise ServerError(f"port {port} already serves a Prefect API; set PREFECT_API_URL={url} to use it")
    prefect = Path(sys.executable).with_name("prefect")
    # The UI asks the API at PREFECT_UI_API_URL, which otherwise assumes the default port.
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "true",
           "PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": str(port),
           "PREFECT_UI_API_URL": url}
    process = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _wait_healthy(process, url, STARTUP_TIMEOUT_S)
    return process


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunApi:
    """The API server of one run: launched at once, adopted only if Prefect would start one.

    `launch` costs a fork and no imports. `serving` is entered once Prefect is imported: if
    the user's settings name an API (PREFECT_API_URL in a profile) or forbid ephemeral mode,
    the child is stopped and Prefect does what it always does; otherwise the run and its
    worker processes are pointed at the child, and on exit Prefect's log and event queues
    are drained into it before it stops (prefect_test_harness does the same).
    """

    def __init__(self, process: subprocess.Popen[bytes], url: str):
        self.process = process
        self.url = url

    @classmethod
    def launch(cls) -> RunApi | None:
        """Start the child unless PREFECT_API_URL already names a server."""
        if os.environ.get("PREFECT_API_URL"):
            return None
        spec = find_spec("prefect")
        assert spec is not None and spec.origin is not None, "prefect is not installed"
        port = _free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0",
               # Prefect's own flags for an ephemeral server: no UI, only the services a
               # short-lived server needs (prefect/server/api/server.py, SubprocessASGIServer).
               "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parents[1]),
             "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
             "--port", str(port), "--log-level", "error", "--lifespan", "on"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        return cls(process, api_url(port))

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
        _wait_healthy(self.process, self.url, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
        os.environ["PREFECT_API_URL"] = self.url  # inherited by process-pool and Dask workers
        try:
            # Both layers, as prefect_test_harness does: temporary_settings for this context,
            # and the process-global settings for the threads Prefect started before it
            # (its log and event workers), which would otherwise start a server of their own.
            with (temporary_settings(updates={PREFECT_API_URL: self.url}),
                  _temporary_global_settings_context(get_settings_context())):
                try:
                    yield
                finally:
                    _drain_prefect_queues()
        finally:
            del os.environ["PREFECT_API_URL"]

    def stop(self) -> None:
        stop_server(self.process)


def _drain_prefect_queues() -> None:
    """Send the logs and events still queued in this process before the API goes away."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    with contextlib.suppress(RuntimeError):  # the worker never started
        APILogWorker.instance().drain()
    EventsWorker.drain_all()
