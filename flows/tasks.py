"""Prefect tasks: thin wrappers that do I/O and call the pure transforms.

Retries only where a retry can help: listing and reading files, and opening the warehouse
(an analyst's read-only session may release its lock). A bad article is a reject, never a
retry, so the transform itself has none.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import polars as pl
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.timing import Stopwatch
from transforms.articles import Article, Reject, SourceFile, clean_document, with_facts
from transforms.frames import batch_frames
from warehouse import loader, staging


def _is_lock_error(task, task_run, state) -> bool:
    try:
        state.result()
    except loader.WarehouseLocked:
        return True
    except Exception:
        return False
    return False


@task(name="discover", retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def discover(input_root: Path) -> list[SourceFile]:
    """Every regular *.txt file under the root, recursively, in a stable order."""
    found = []
    for dirpath, dirnames, filenames in os.walk(input_root):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".txt"):
                continue
            path = Path(dirpath) / name
            if not path.is_file():
                continue
            stat = path.stat()
            found.append(
                SourceFile(
                    input_root=str(input_root),
                    source_path=path.relative_to(input_root).as_posix(),
                    source_name=name,
                    size=stat.st_size,
                    mtime_ns=stat.st_mtime_ns,
                )
            )
    return found


@task(name="prepare-warehouse", retries=3, retry_delay_seconds=[2, 5, 10],
      retry_condition_fn=_is_lock_error, cache_policy=NO_CACHE)
def prepare_warehouse(warehouse_path: Path, input_root: str) -> dict[str, tuple[int, int]]:
    """Create missing tables, seed reference dimensions, return the files already loaded."""
    with loader.connect(warehouse_path) as con:
        loader.ensure_schema(con)
        return loader.known_files(con, input_root)


@dataclass(frozen=True)
class BatchResult:
    batch_no: int
    articles: int
    rejects: Counter[str]
    rows: dict[str, int]
    seconds: dict[str, float]  # worker seconds per stage: read, clean, extract, stage


def _read(source: SourceFile) -> bytes | Reject:
    try:
        return (Path(source.input_root) / source.source_path).read_bytes()
    except OSError as exc:
        return Reject(source, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Keep Python's cycle collector out of a transform batch.

    A batch holds its articles and facts until they are staged, and the extractors' caches
    fill, so about once per 1,000 articles the collector walks every object of the worker
    (≈ 190,000, dictionaries included) and finds almost nothing: 0.12 s of a 2.7 s batch,
    plus 0.05 s of young collections (measured with gc.callbacks). Batch objects are freed
    by reference counting when the batch ends; the collector resumes after it. Under the
    thread runner the switch is process-wide: whichever batch found it on turns it back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@task(name="transform-batch", task_run_name="transform-batch-{batch_no}", cache_policy=NO_CACHE)
def transform_batch(batch_no: int, files: list[SourceFile], area: Path, run_id: str) -> BatchResult:
    """Read, decode, clean and extract one batch; stage it as Parquet (no retries)."""
    with _cyclic_gc_paused():
        return _transform(batch_no, files, area, run_id)


def _transform(batch_no: int, files: list[SourceFile], area: Path, run_id: str) -> BatchResult:
    clock = Stopwatch()
    with clock("read"):
        raws = [_read(source) for source in files]
    # Article by article, extraction right after cleaning: the extractors then find the
    # page's text still in the small caches the cleaning steps filled (find_dateline's).
    outcomes: list[Article | Reject] = []
    for raw, source in zip(raws, files, strict=True):
        with clock("clean"):
            cleaned = raw if isinstance(raw, Reject) else clean_document(raw, source)
        with clock("extract"):
            outcomes.append(with_facts(cleaned) if isinstance(cleaned, Article) else cleaned)
    del raws
    with clock("stage"):
        frames = batch_frames(outcomes, run_id)
        rows = staging.write_batch(area, batch_no, frames)
    rejects = Counter(frames["etl_reject"]["reason"].to_list())
    return BatchResult(batch_no, rows["dim_article"], rejects, rows, clock.seconds)


@task(name="stage-rejects", cache_policy=NO_CACHE)
def stage_rejects(rejects: list[Reject], area: Path, run_id: str, batch_no: int) -> BatchResult:
    """Stage files refused before reading (too large) like any other reject."""
    frames = batch_frames(list(rejects), run_id)
    rows = staging.write_batch(area, batch_no, frames)
    return BatchResult(batch_no, 0, Counter(r.reason for r in rejects), rows, {})


# Above this many files to read, the preload is not worth its memory: GX's ≈160 MB would
# sit beside the pool workers for the whole transform phase (a 100,000-article run peaked
# at 1,479 MB with it), while the 4 s it saves are under 2% of such a run.
PRELOAD_MAX_FILES = 20_000


def preload_validation(files_to_read: int) -> threading.Thread | None:
    """Import Great Expectations in a background thread while the transform batches run.

    The import costs ≈4 s of CPU and `validate` starts with it, after every batch is done
    and on the run's critical path; meanwhile this process mostly waits on futures. If the
    preload fails, `validate` imports again and reports the error itself. No preload for a
    run with nothing to read (it never needs GX) or a very large one (PRELOAD_MAX_FILES).
    """
    if not 0 < files_to_read <= PRELOAD_MAX_FILES:
        return None

    def load_quietly() -> None:
        with contextlib.suppress(Exception):  # validate imports again and raises it
            importlib.import_module("expectations.engine")

    thread = threading.Thread(target=load_quietly, name="zhfacts-preload-gx", daemon=True)
    thread.start()
    return thread


@task(name="validate", cache_policy=NO_CACHE)
def validate(
    area: Path,
    warehouse_path: Path,
    run_id: str,
    run_stats: dict[str, float],
    docs_dir: Path,
) -> Any:
    """Run the Great Expectations suites over the staged run, chunk by chunk (see
    expectations/ and warehouse/validation.py); a run that staged nothing skips GX."""
    from expectations import validate_run
    from warehouse.validation import validation_chunks

    with loader.connect(warehouse_path, read_only=True) as con:
        regions, measures = loader.reference_codes(con)
    return validate_run(
        run_id,
        validation_chunks(staging.staged_files(area)),
        region_codes=regions,
        measure_codes=measures,
        run_stats=run_stats,
        today=date.today(),
        gx_root=docs_dir.parent / "gx",
        docs_dir=docs_dir,
    )


@task(name="load", retries=3, retry_delay_seconds=[2, 5, 10],
      retry_condition_fn=_is_lock_error, cache_policy=NO_CACHE)
def load(
    warehouse_path: Path,
    area: Path,
    quarantine: dict[str, pl.DataFrame],
    run_failure: str | None,
    run_record: dict[str, Any],
    full_refresh: bool,
    dq_rows: list[dict[str, Any]],
) -> tuple[loader.LoadCounts, dict[str, int]]:
    """Publish the staged run, its DQ results and its etl_run row in one transaction."""
    with loader.connect(warehouse_path) as con:
        loader.stage(con, staging.staged_files(area))
        counts = loader.publish(con, quarantine, run_failure, run_record, full_refresh, dq_rows)
        return counts, loader.table_counts(con)


@task(name="refresh-report", cache_policy=NO_CACHE)
def refresh_report(warehouse_path: Path) -> Path:
    """Rebuild the HTML report from the warehouse just loaded."""
    from zhfacts.report import default_out_dir, write_report

    return write_report(warehouse_path, default_out_dir(warehouse_path))
