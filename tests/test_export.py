"""Exports: every fact table, dimensions joined, round-trips with its row count; and the
read-only access the exports and the report share waits out a writer."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl
import pytest

from transforms.frames import FACT_TABLES
from warehouse import loader
from zhfacts.export import export_tables
from zhfacts.reading import read_only

_READERS = {"parquet": pl.read_parquet, "csv": pl.read_csv}


def _table_rows(warehouse: Path) -> dict[str, int]:
    with loader.connect(warehouse, read_only=True) as con:
        counts = loader.table_counts(con)
    return {t: counts[t] for t in FACT_TABLES}


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_round_trips_row_counts(
    sample_warehouse: Path,
    tmp_path: Path, fmt: str,
) -> None:
    written = export_tables(sample_warehouse, fmt, tmp_path)
    expected = _table_rows(sample_warehouse)
    assert written == {f"{t}.{fmt}": n for t, n in expected.items()}
    assert all(n > 0 for n in expected.values())
    for table, rows in expected.items():
        frame = _READERS[fmt](tmp_path / f"{table}.{fmt}")
        assert frame.height == rows, table


def test_export_joins_the_dimensions(sample_warehouse: Path, tmp_path: Path) -> None:
    export_tables(sample_warehouse, "parquet", tmp_path)
    counts = pl.read_parquet(tmp_path / "fact_count.parquet")
    assert {"title", "publish_date", "province", "region_label", "measure_name_zh", "unit_class",
            "evidence", "value"} <= set(counts.columns)
    regions = pl.read_parquet(tmp_path / "fact_region.parquet")
    assert regions["region_name"].null_count() == 0
    assert {"title", "province", "region_level"} <= set(regions.columns)


def test_csv_keeps_chinese_text(sample_warehouse: Path, tmp_path: Path) -> None:
    export_tables(sample_warehouse, "csv", tmp_path)
    text = (tmp_path / "fact_measure.csv").read_text(encoding="utf-8")
    assert "measure_name_zh" in text.splitlines()[0]
    assert "驻企服务" in text


def test_unknown_format_is_refused(sample_warehouse: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parquet or csv"):
        export_tables(sample_warehouse, "xlsx", tmp_path)  # type: ignore[arg-type]


def test_reader_waits_while_a_run_holds_the_write_lock(
    sample_warehouse: Path,
    tmp_path: Path,
) -> None:
    """Another process holds the file read-write for a moment, as a run's load does; a
    reader retries instead of failing, and fails clearly once its retries run out."""
    path = tmp_path / "busy.duckdb"
    path.write_bytes(sample_warehouse.read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time, duckdb
            con = duckdb.connect({str(path)!r})
            print("locked", flush=True)
            time.sleep(float(sys.argv[1]))
            con.close()
        """), "2"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(loader.WarehouseLocked), read_only(path, delays=()):
            pass
        with read_only(path, delays=(0.5, 1.0, 2.0, 4.0)) as con:
            assert con.sql("SELECT count(*) FROM dim_article").fetchall()[0][0] > 0
    finally:
        holder.wait(timeout=30)
