"""The zhfacts pipeline flow: discover → read/decode → transform → validate → load.

Articles move in batches (one task run per few hundred files), transform tasks stage
Parquet instead of returning text, validation runs over the staged run, and the load
publishes everything in one transaction — write, audit, publish.
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import polars as pl
from prefect import flow, get_run_logger
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.futures import as_completed
from prefect.runtime import flow_run
from pydantic import Field

from flows import progress
from flows.locking import warehouse_lock
from flows.runners import choose_task_runner, make_task_runner, worker_count
from flows.summary import RunSummary
from flows.tasks import (
    discover,
    load,
    preload_validation,
    prepare_warehouse,
    refresh_report,
    stage_rejects,
    transform_batch,
    validate,
)
from flows.timing import Stopwatch
from transforms.planning import batch_size_for, batches, plan_files
from warehouse import staging
from zhfacts.settings import Settings, TaskRunnerName

_DEFAULTS = Settings()
# validation frame keys → warehouse tables
_SUITE_TABLE = {"articles": "dim_article", "fact_region": "fact_region", "fact_count": "fact_count",
                "fact_date": "fact_date", "fact_measure": "fact_measure"}


class InputMissing(FileNotFoundError):
    pass


def _run_name() -> str:
    params = flow_run.parameters
    folder = Path(str(params.get("input_path") or _DEFAULTS.input_path)).name
    return f"{folder}-{datetime.now(UTC):%Y%m%d-%H%M%S}"


@flow(name="zhfacts-pipeline", flow_run_name=_run_name, log_prints=False)
def pipeline(
    input_path: Path = _DEFAULTS.input_path,
    warehouse_path: Path = _DEFAULTS.warehouse_path,
    full_refresh: bool = False,
    batch_size: Annotated[int | None, Field(ge=1, le=10_000)] = _DEFAULTS.batch_size,
    task_runner: TaskRunnerName = "auto",
    workers: Annotated[int | None, Field(ge=1, le=512)] = None,
    dask_address: str | None = None,
    max_file_bytes: Annotated[int, Field(ge=1)] = _DEFAULTS.max_file_bytes,
    data_docs_dir: Path | None = None,
) -> RunSummary:
    """Turn a folder of scraped Chinese news pages into validated warehouse facts.

    Args:
        input_path: Folder scanned recursively for *.txt pages (on the machine running the flow).
        warehouse_path: DuckDB warehouse file; created if missing.
        full_refresh: Re-extract every file, even those already loaded unchanged.
        batch_size: Articles per transform task run (one task per batch, not per article);
            default: about four batches per worker, 200–1000 articles each.
        task_runner: Where transform batches run: auto (processes once there are several
            batches per core, else threads), thread, process (every core) or dask.
        workers: Parallel workers for process/dask/thread runners (default: CPU count).
        dask_address: tcp://host:port of an existing Dask scheduler (task_runner=dask).
        max_file_bytes: Files larger than this are rejected as too_large.
        data_docs_dir: Folder of the Data Docs site (default: data_docs beside the warehouse).
    """
    logger = get_run_logger()
    clock = time.monotonic()
    started_at = datetime.now(UTC).replace(tzinfo=None)
    run_id = str(flow_run.id or uuid.uuid4())
    input_root = Path(input_path).resolve()
    warehouse_path = Path(warehouse_path).resolve()
    docs_dir = Path(data_docs_dir) if data_docs_dir else warehouse_path.parent / "data_docs"
    if not input_root.is_dir():
        raise InputMissing(f"{input_root}: input folder not found")
    summary = RunSummary(run_id=run_id, warehouse=warehouse_path)
    stages = Stopwatch()

    with warehouse_lock(warehouse_path):
        known = prepare_warehouse(warehouse_path, str(input_root))
        files = discover(input_root)
        plan = plan_files(files, known, max_file_bytes, full_refresh)
        logger.info("%d files: %d to read, %d unchanged, %d too large", len(files),
                    len(plan.to_read), len(plan.unchanged), len(plan.rejected))
        area = staging.staging_dir(warehouse_path, run_id)
        preload_validation(len(plan.to_read))
        try:
            size = batch_size or batch_size_for(len(plan.to_read), worker_count(workers))
            work = batches(plan.to_read, size)
            results = []
            runner_name = choose_task_runner(task_runner, len(work), workers)
            logger.info("%d batches of up to %d articles on the %s task runner",
                        len(work), size, runner_name)
            with make_task_runner(runner_name, workers, dask_address) as runner:
                futures = [
                    runner.submit(transform_batch, {"batch_no": i, "files": b, "area": area,
                                                    "run_id": run_id})
                    for i, b in enumerate(work)
                ]
                progress.report(0, len(work))
                for done, future in enumerate(as_completed(futures), start=1):
                    results.append(future.result())
                    progress.report(done, len(work))
                    logger.info("transformed batch %d/%d", done, len(work))
            if plan.rejected:
                results.append(stage_rejects(plan.rejected, area, run_id, len(work)))
            for r in results:
                summary.rejects.update(r.rejects)
                stages.add(r.seconds)
            articles = sum(r.articles for r in results)
            with stages("validate"):
                report = validate(
                    area, warehouse_path, run_id,
                    {"files_seen": len(files), "files_rejected": summary.files_rejected,
                     "articles": articles},
                    docs_dir,
                )
            quarantine = {
                _SUITE_TABLE[key]: pl.from_pandas(frame[["row_id", "failed_check"]])
                for key, frame in report.quarantine.items() if key in _SUITE_TABLE
            }
            run_failure = ", ".join(report.batch_failures) or None
            record = {
                "run_id": run_id, "started_at": started_at,
                "finished_at": datetime.now(UTC).replace(tzinfo=None),
                "status": "quarantined" if report.critical_failed else "success",
                "files_seen": len(files),
                "parameters": json.dumps(
                    {"input_path": str(input_root), "warehouse_path": str(warehouse_path),
                     "full_refresh": full_refresh, "batch_size": size,
                     "task_runner": task_runner}),
            }
            with stages("load"):
                counts, summary.table_rows = load(warehouse_path, area, quarantine, run_failure,
                                                  record, full_refresh, report.dq_rows)
        finally:
            staging.remove(area)

    summary.files_seen = len(files)
    summary.articles_new = counts.articles_new
    summary.articles_quarantined = counts.articles_quarantined
    summary.articles_unchanged = (len(files) - counts.articles_new - counts.files_rejected
                                  - counts.articles_quarantined)
    summary.dq_status = "failed" if report.critical_failed else "passed"
    failed = [row for row in report.dq_rows if not row["success"]]
    summary.dq_failures = sorted({r["expectation"] for r in failed if r["severity"] == "critical"})
    summary.dq_warnings = sorted({r["expectation"] for r in failed if r["severity"] != "critical"})
    summary.data_docs = report.docs_index
    summary.seconds = time.monotonic() - clock
    summary.stage_seconds = stages.seconds
    try:
        summary.report = refresh_report(warehouse_path)
    except Exception as exc:
        logger.warning("report not refreshed: %s", exc)
    _publish_artifacts(summary, report)
    if report.critical_failed:
        logger.error("critical data-quality checks failed, offending rows quarantined: %s",
                     ", ".join(summary.dq_failures or report.batch_failures))
    return summary


def _publish_artifacts(summary: RunSummary, report) -> None:
    create_markdown_artifact(key="zhfacts-run-summary", markdown=summary.markdown(),
                             description="Files, articles, rejects and rows of this run")
    create_markdown_artifact(key="zhfacts-dq-summary", markdown=report.markdown,
                             description="Data-quality outcome per suite")
    create_table_artifact(key="zhfacts-dq-counts", table=report.table,
                          description="Expectations passed/failed and rows quarantined per suite")
    create_link_artifact(key="zhfacts-data-docs", link=report.docs_index.resolve().as_uri(),
                         link_text="Great Expectations Data Docs")
    if summary.report:
        create_link_artifact(key="zhfacts-report", link=summary.report.resolve().as_uri(),
                             link_text="zhfacts report (charts and evidence)",
                             description=f"Open {summary.report} in a browser")
