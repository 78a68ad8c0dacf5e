"""Everything that writes the DuckDB warehouse.

There is one writer: the load stage of a run, holding one connection for one transaction.
Transform tasks never touch the file; they stage Parquet that this module publishes, so a
run that dies at any point before COMMIT leaves the warehouse exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from transforms.frames import FACT_TABLES
from transforms.gazetteer import gazetteer_frame
from transforms.measures import measure_taxonomy
from warehouse.sql import SQL_ROOT, run_file, sql

STAGED_TABLES = ("dim_article", *FACT_TABLES, "etl_reject")
# DuckDB sizes its buffer pool at 80% of RAM by default, and the load (the whole staged run
# in temp tables), the report's joins and the validation scans all grow with the warehouse:
# at 100,000 articles one process reached 1.9 GB. Within this bound DuckDB spills to a temp
# directory instead (<warehouse>.tmp for the file), so a run's memory stays flat in the
# corpus size. With 512 MB the 100,000-article run peaked at 1,413 MB (process tree), too
# near the 1.5 GB bound: the load runs after validation, whose imports stay resident. The
# writer also drops insertion order, which no table relies on (keys are explicit) and which
# makes large inserts hold more in memory.
MEMORY_CONFIG = {"memory_limit": "384MB"}
WRITER_CONFIG = {**MEMORY_CONFIG, "preserve_insertion_order": "false"}


class WarehouseLocked(RuntimeError):
    """Another process holds the DuckDB file (a run, or an analyst's session)."""


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only,
                             config=MEMORY_CONFIG if read_only else WRITER_CONFIG)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            holder = re.search(r"PID (\d+)", str(exc))
            who = f" (PID {holder.group(1)})" if holder else ""
            raise WarehouseLocked(f"{path}: warehouse is locked by another process{who}") from exc
        raise
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and views, and (re)seed the reference dimensions."""
    for ddl in sorted((SQL_ROOT / "ddl").glob("*.sql")):
        con.execute(ddl.read_text(encoding="utf-8"))
    con.register("gazetteer", gazetteer_frame())
    con.register("taxonomy", pl.DataFrame(measure_taxonomy()))
    run_file(con, "load/seed_reference")
    con.unregister("gazetteer")
    con.unregister("taxonomy")
    for view in sorted((SQL_ROOT / "views").glob("*.sql")):
        con.execute(view.read_text(encoding="utf-8"))


def known_files(con: duckdb.DuckDBPyConnection, input_root: str) -> dict[str, tuple[int, int]]:
    rows = con.execute(sql("queries/known_files"), {"input_root": input_root}).fetchall()
    return {path: (size, mtime) for path, size, mtime in rows}


def reference_codes(con: duckdb.DuckDBPyConnection) -> tuple[set[str], set[str]]:
    regions = {r[0] for r in con.sql(sql("queries/reference_regions")).fetchall()}
    measures = {r[0] for r in con.sql(sql("queries/reference_measures")).fetchall()}
    return regions, measures


def stage(con: duckdb.DuckDBPyConnection, staged: Mapping[str, list[Path]]) -> None:
    """Expose the run's staged Parquet as ``stg_<table>`` temp tables of this session."""
    for table in STAGED_TABLES:
        files = [str(p) for p in staged.get(table, [])]
        if files:
            run_file(con, "load/stage_table", {"files": files}, table=table)
        else:
            run_file(con, "load/stage_empty_table", table=table)


@dataclass(frozen=True)
class LoadCounts:
    articles_new: int
    articles_quarantined: int
    files_rejected: int


def publish(
    con: duckdb.DuckDBPyConnection,
    quarantine: Mapping[str, pl.DataFrame],
    run_failure: str | None,
    run_record: Mapping[str, Any],
    full_refresh: bool,
    dq_rows: list[dict[str, Any]],
) -> LoadCounts:
    """Publish the staged run and its etl_run row in ONE transaction."""
    params = {"run_id": run_record["run_id"], "full_refresh": full_refresh,
              "run_failure": run_failure}
    con.begin()
    try:
        for table in ("dim_article", *FACT_TABLES):
            ids = quarantine.get(table)
            if ids is None or ids.is_empty():
                ids = pl.DataFrame(schema={"row_id": pl.Int64, "failed_check": pl.String})
            con.register("quarantine_ids", ids)
            run_file(con, "load/stage_quarantine", table=table)
            con.unregister("quarantine_ids")
        run_file(con, "load/publish_articles", params)
        for table in FACT_TABLES:
            run_file(con, "load/publish_facts", params, table=table)
        run_file(con, "load/publish_rejects", params)
        if dq_rows:
            con.register("dq_rows", pl.DataFrame(dq_rows, infer_schema_length=None))
            run_file(con, "load/publish_dq")
            con.unregister("dq_rows")
        new, quarantined, rejected, facts = con.sql(sql("queries/load_counts")).fetchall()[0]
        record = {**run_record, "articles_new": new, "facts_loaded": facts}
        record["articles_unchanged"] = (
            record["files_seen"] - new - rejected - quarantined
        )
        record["files_rejected"] = rejected
        run_file(con, "load/record_run", record)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return LoadCounts(new, quarantined, rejected)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(con.sql(sql("queries/table_counts")).fetchall())
