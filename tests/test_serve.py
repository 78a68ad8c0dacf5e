"""The Prefect UI path and concurrent runs, with real processes: a real Prefect server and
`zhfacts serve`, a run triggered through the API with parameters, two CLI runs at once."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.integration

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return response.status
    except OSError:
        return 0


def _post_json(url: str, payload: dict) -> list:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "ZHFACTS_"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_RUNNER_POLL_FREQUENCY="2", **extra)
    return env


def test_serve_runs_a_deployment_triggered_through_the_api(sample_dir, tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    warehouse = tmp_path / "served.duckdb"
    env = _env(tmp_path)
    serve = subprocess.Popen(
        [str(BIN / "zhfacts"), "serve", "--port", str(port), "--input", str(sample_dir),
         "--warehouse", str(warehouse)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while _get(f"{api}/deployments/name/zhfacts-pipeline/manual") != 200:
            assert serve.poll() is None, serve.stdout.read()
            assert time.monotonic() < deadline, "deployment never appeared"
            time.sleep(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/ui-settings", timeout=5) as response:
            assert json.loads(response.read())["api_url"] == api  # the UI talks to this server
        client_env = {**env, "PREFECT_API_URL": api}
        refused = subprocess.run(
            [str(BIN / "prefect"), "deployment", "run", "zhfacts-pipeline/manual",
             "--param", "batch_size=0"],
            env=client_env, capture_output=True, text=True, timeout=120,
        )
        assert "minimum of 1" in refused.stdout + refused.stderr

        run = subprocess.run(
            [str(BIN / "prefect"), "deployment", "run", "zhfacts-pipeline/manual",
             "--param", "batch_size=2", "--param", "task_runner=thread",
             "--watch", "--watch-timeout", "400"],
            env=client_env, capture_output=True, text=True, timeout=450,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        assert "Completed" in run.stdout + run.stderr

        with duckdb.connect(str(warehouse), read_only=True) as con:
            assert con.sql("SELECT count(*) FROM dim_article").fetchall()[0][0] == 5
            assert con.sql("SELECT count(*) FROM etl_run").fetchall()[0][0] == 1
        keys = {a["key"] for a in _post_json(f"{api}/artifacts/filter", {})}
        assert {"zhfacts-run-summary", "zhfacts-dq-summary", "zhfacts-dq-counts"} <= keys
        runs = _post_json(f"{api}/flow_runs/filter", {})
        assert any(r["name"].startswith(f"{sample_dir.name}-") for r in runs)
    finally:
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=90)
    assert _get(f"{api}/health") != 200, "the server started by serve must stop with it"


def test_two_runs_at_once_never_corrupt_the_warehouse(sample_dir, tmp_path):
    warehouse = tmp_path / "shared.duckdb"
    env = _env(tmp_path)
    command = [str(BIN / "zhfacts"), "run", "--input", str(sample_dir), "--warehouse", str(warehouse)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outcomes = [(p.wait(timeout=600), p.stderr.read()) for p in (first, second)]
    codes = sorted(code for code, _ in outcomes)
    assert codes in ([0, 0], [0, 3]), outcomes
    for code, err in outcomes:
        if code == 3:
            assert "another zhfacts run" in err or "locked" in err
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.sql("SELECT count(*) FROM dim_article").fetchall()[0][0] == 5
        assert con.sql("SELECT count(*) FROM etl_run").fetchall()[0][0] == codes.count(0)
        assert con.sql("SELECT sum(articles_new) FROM etl_run").fetchall()[0][0] == 5


def test_a_cli_run_records_itself_in_the_one_api_it_starts_and_stops(sample_dir, tmp_path):
    """The command line launches its own API server before its imports (flows.server.RunApi).
    Every process of the run (this one, Prefect's log/event threads, pool workers) must use
    that one server, the flow run and its task runs must reach its database with the queued
    logs, and the server must be gone when the command returns."""
    import sqlite3

    import psutil

    env = _env(tmp_path, PREFECT_LOGGING_LEVEL="INFO")
    home = env["PREFECT_HOME"]
    run = subprocess.Popen(
        [str(BIN / "zhfacts"), "run", "--input", str(sample_dir), "--warehouse",
         str(tmp_path / "w.duckdb"), "--task-runner", "process", "--batch-size", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    servers: set[int] = set()
    while run.poll() is None:
        try:
            children = psutil.Process(run.pid).children(recursive=True)
            servers |= {c.pid for c in children if "flows.api_server" in c.cmdline()}
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, err = run.communicate()
    assert run.returncode == 0, err
    assert len(servers) == 1
    assert "nanobind" not in err  # the quick exit skips the teardown that printed it
    assert "files seen" in out + err

    with sqlite3.connect(Path(home) / "prefect.db") as db:
        states = db.execute("SELECT state_type FROM flow_run").fetchall()
        tasks = [name.rsplit("-", 1)[0] for (name,) in db.execute("SELECT name FROM task_run")]
        logs = db.execute("SELECT count(*) FROM log").fetchone()[0]
    assert states == [("COMPLETED",)]
    assert tasks.count("transform-batch") == 3  # run in the pool workers
    assert {"prepare-warehouse", "discover", "validate", "load", "refresh-report"} <= set(tasks)
    assert logs > 0
    assert not [pid for pid in servers if psutil.pid_exists(pid)]


def test_a_run_api_that_dies_is_a_one_line_error(tmp_path, monkeypatch):
    """A server child that dies on start ends the run with a PipelineError naming the
    exception the server printed (not uvicorn's closing line), not a traceback."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.runner import PipelineError, run_pipeline
    from flows.server import RunApi, ServerProcess, StartLock
    from zhfacts.settings import Settings

    def dead_server() -> RunApi:
        dying = ("import sys; sys.exit('Traceback (most recent call last):\\n'"
                 " 'sqlite3.OperationalError: duplicate column name: x\\n'"
                 " 'ERROR | uvicorn.error - Application startup failed. Exiting.')")
        server = ServerProcess([sys.executable, "-c", dying], dict(os.environ), "http://127.0.0.1:9/api")
        lock = StartLock()
        assert lock.try_acquire()
        return RunApi(server, lock)

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr(RunApi, "launch", staticmethod(dead_server))
    (tmp_path / "in").mkdir()
    settings = Settings(input_path=tmp_path / "in", warehouse_path=tmp_path / "w.duckdb")
    # as on a user's machine: no API in the settings, whatever test server ran before
    with (temporary_settings(restore_defaults={PREFECT_API_URL}),
          pytest.raises(PipelineError, match=r"did not start: prefect server exited with 1: "
                                              r"sqlite3\.OperationalError: duplicate column name: x$")):
        run_pipeline(settings)


def test_a_run_api_launched_while_another_server_starts_waits_its_turn(tmp_path, monkeypatch):
    """Servers start one at a time (StartLock): two on one fresh PREFECT_HOME would migrate
    its database together and one would die. A run launched meanwhile starts its server once
    the other answers, and still serves the run."""
    import threading

    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.server import RunApi, StartLock, healthy

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "prefect-home"))
    other = StartLock()
    assert other.try_acquire()
    api = RunApi.launch()
    assert api is not None and api.server is None  # nothing launched while the lock is held
    threading.Timer(1.0, other.release).start()
    try:
        with temporary_settings(restore_defaults={PREFECT_API_URL}), api.serving():
            assert api.server is not None and healthy(os.environ["PREFECT_API_URL"])
            after = StartLock()
            assert after.try_acquire()  # released once the server answered
            after.release()
    finally:
        api.stop()
    assert api.server.process.poll() == 0  # a clean exit, teardown skipped (flows.api_server)
