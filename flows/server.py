"""A local Prefect server for `zhfacts serve`, started and stopped with it.

The server runs as a child process (`prefect server start`) on the loopback interface. Its
first start on a fresh PREFECT_HOME runs database migrations and can take 20 s or more on a
cold machine (stack notes §2), hence the generous wait. The warehouse is never touched by
the server: it keeps its own SQLite database under PREFECT_HOME.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
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
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode(errors="replace").strip().splitlines() if process.stderr else []
            raise ServerError(f"prefect server exited with {process.returncode}: {error[-1] if error else ''}")
        if healthy(url):
            return process
        time.sleep(0.5)
    stop_server(process)
    raise ServerError(f"prefect server did not answer on {url} within {STARTUP_TIMEOUT_S} s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
