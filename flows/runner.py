"""Run the pipeline flow from the command line, without a Prefect server of the user's.

A flow called outside a deployment needs a Prefect API; with none configured, the run
launches one before its own imports (flows.server.RunApi) so that the two overlap. On a
cold machine that start can exceed Prefect's 20 s default (stack notes §2), so the timeout
is raised here, and telemetry is off because the machine may be offline. Failures that are
the user's to fix become a PipelineError with a one-line reason.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from zhfacts.settings import Settings

EXIT_INPUT = 2
EXIT_LOCKED = 3

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}


class PipelineError(RuntimeError):
    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


def configure_prefect(quiet: bool = False) -> None:
    """Set Prefect's environment defaults (a user's own settings win). ``quiet`` keeps a
    terminal run to its progress bar and summary; served runs keep INFO logs for the UI."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if quiet:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def run_pipeline(settings: Settings, progress: bool = False, quiet: bool = True):
    """Run the flow in this process; returns its RunSummary."""
    if not Path(settings.input_path).is_dir():
        raise PipelineError(f"{settings.input_path}: input folder not found", EXIT_INPUT)
    configure_prefect(quiet=quiet)
    from flows.server import RunApi

    api = RunApi.launch()
    try:
        return _run_flow(settings, progress, api)
    finally:
        if api:
            api.stop()


def _run_flow(settings: Settings, progress: bool, api) -> Any:
    from flows import progress as progress_hooks
    from flows.locking import WarehouseBusy
    from flows.pipeline import InputMissing, pipeline
    from flows.server import ServerError
    from warehouse.loader import WarehouseLocked

    bar = _progress_bar() if progress else None
    try:
        if bar:
            progress_hooks.add_hook(bar.update)
        with api.serving() if api else nullcontext():
            return pipeline(
                input_path=settings.input_path,
                warehouse_path=settings.warehouse_path,
                full_refresh=settings.full_refresh,
                batch_size=settings.batch_size,
                task_runner=settings.task_runner,
                workers=settings.workers,
                dask_address=settings.dask_address,
                max_file_bytes=settings.max_file_bytes,
                data_docs_dir=settings.resolved_data_docs_dir(),
            )
    except (WarehouseBusy, WarehouseLocked) as exc:
        raise PipelineError(str(exc), EXIT_LOCKED) from exc
    except InputMissing as exc:
        raise PipelineError(str(exc), EXIT_INPUT) from exc
    except ServerError as exc:
        raise PipelineError(f"the Prefect API server for this run did not start: {exc}") from exc
    finally:
        if bar:
            progress_hooks.remove_hook(bar.update)
            bar.close()


class _progress_bar:
    """A rich progress bar over transform batches, shown only in a terminal."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        self._progress = Progress("transforming", BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), transient=True)
        self._task = None

    def update(self, done: int, total: int) -> None:
        if self._task is None:
            self._progress.start()
            self._task = self._progress.add_task("batches", total=total)
        self._progress.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._task is not None:
            self._progress.stop()
