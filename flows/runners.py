"""The task runners a run can use for its transform batches."""

from __future__ import annotations

import os

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

# A worker process costs seconds to start (interpreter, dictionaries, its Prefect client):
# worth it only when each core gets a few batches.
BATCHES_PER_WORKER_FOR_PROCESSES = 2


def worker_count(workers: int | None = None) -> int:
    """The workers a run uses: as many as asked, else one per core."""
    return workers or os.cpu_count() or 1


def choose_task_runner(name: str, batches: int, workers: int | None = None) -> str:
    """Resolve ``auto``: threads for small runs, one process per core for large ones."""
    if name != "auto":
        return name
    cores = worker_count(workers)
    return "process" if cores > 1 and batches >= BATCHES_PER_WORKER_FOR_PROCESSES * cores else "thread"


def make_task_runner(name: str, workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    """thread: one process, fine for small runs; process: every core, the default for large
    corpora; dask: a local cluster or an existing one at ``dask_address``."""
    workers = worker_count(workers)
    if name == "thread":
        return ThreadPoolTaskRunner(max_workers=workers)
    if name == "process":
        _share_api_with_workers()
        return ProcessPoolTaskRunner(max_workers=workers)
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        _share_api_with_workers()
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1})
    raise ValueError(f"unknown task runner {name!r} (thread, process or dask)")


def _share_api_with_workers() -> None:
    """Process-pool and Dask workers are separate processes that inherit the environment:
    without an API URL, each starts its own ephemeral Prefect server (≈10 s and ≈200 MB
    apiece, seen in the benchmark). Point them at the API this flow run already uses."""
    if not os.environ.get("PREFECT_API_URL"):
        from prefect.client.orchestration import get_client

        url = str(get_client().api_url)
        if url.startswith("http"):
            os.environ["PREFECT_API_URL"] = url.rstrip("/")
