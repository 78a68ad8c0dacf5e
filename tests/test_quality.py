"""Data quality through the real flow: bad rows are quarantined with the check named, good
rows of the same run load, and the failure shows in dq_result, Data Docs, `zhfacts dq` and
the Prefect artifacts."""

from __future__ import annotations

import asyncio
import shutil
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from flows.runner import run_pipeline
from flows.summary import EXIT_QUARANTINE
from warehouse import staging
from zhfacts.cli import app
from zhfacts.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("prefect_server")]
BROKEN = Path(__file__).parent / "fixtures" / "broken"


def _rows(warehouse: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.sql(query).fetchall()


def _artifact_keys() -> set[str]:
    from prefect.client.orchestration import get_client

    async def read() -> set[str]:
        async with get_client() as client:
            return {a.key for a in await client.read_artifacts() if a.key}

    return asyncio.run(read())


def test_broken_input_is_quarantined_and_reported_everywhere(tmp_path):
    folder = tmp_path / "broken"
    shutil.copytree(BROKEN, folder, ignore=shutil.ignore_patterns("*.md"))
    warehouse = tmp_path / "wh.duckdb"
    summary = run_pipeline(Settings(input_path=folder, warehouse_path=warehouse))

    assert summary.exit_code == EXIT_QUARANTINE
    assert (summary.articles_new, summary.articles_quarantined) == (1, 1)
    assert dict(summary.rejects) == {"empty": 1}
    assert "articles.publish_date_not_future" in summary.dq_failures
    # the future article and all its facts are in quarantine, named by the check
    quarantined = _rows(warehouse, "SELECT source_name, failed_check FROM quarantine_article")
    assert quarantined == [("future_article.txt", "articles.publish_date_not_future")]
    assert _rows(warehouse, "SELECT count(*) FROM quarantine_fact_count")[0][0] > 0
    # nothing failing a critical check reached the tables analysts query
    assert _rows(warehouse, "SELECT source_name FROM dim_article") == [("good_article.txt",)]
    assert _rows(warehouse, f"SELECT count(*) FROM fact_date WHERE date_start > DATE '{date.today()}'") == [(0,)]
    assert _rows(warehouse, "SELECT count(*) FROM fact_count")[0][0] > 0
    # dq_result holds every expectation of the run, with the failure
    failed = _rows(warehouse, f"""SELECT expectation FROM dq_result
                                  WHERE run_id = '{summary.run_id}' AND NOT success""")
    assert ("articles.publish_date_not_future",) in failed
    assert _rows(warehouse, f"SELECT count(*) FROM dq_result WHERE run_id = '{summary.run_id}'")[0][0] > 50
    # Data Docs name the failing expectation
    docs = summary.data_docs
    assert docs is not None and docs.name == "index.html" and docs.exists()
    index = docs.read_text(encoding="utf-8")
    assert f"Latest run {summary.run_id}: data quality FAILED" in index
    assert "articles.publish_date_not_future [critical]" in index
    linked = [p for p in docs.parent.glob(f"validations/articles/{summary.run_id}/**/*.html")]
    assert linked and "articles.publish_date_not_future" in linked[0].read_text(encoding="utf-8")
    # the terminal summary and the Prefect artifacts
    result = CliRunner().invoke(app, ["dq", "--warehouse", str(warehouse)])
    assert result.exit_code == EXIT_QUARANTINE
    assert "publish_date_not_future" in result.output
    assert {"zhfacts-dq-summary", "zhfacts-dq-counts", "zhfacts-run-summary"} <= _artifact_keys()


def _corrupt(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Break rows of each fact table the way a buggy extractor would: an unknown region
    code, a negative value, offsets past the body, a date range that ends before it starts."""
    broken = dict(frames)
    if frames["fact_region"].height:
        broken["fact_region"] = frames["fact_region"].with_columns(
            pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("999999"))
            .otherwise(pl.col("region_code")).alias("region_code"))
    if frames["fact_count"].height:
        broken["fact_count"] = frames["fact_count"].with_columns(
            pl.when(pl.int_range(pl.len()) == 0).then(-5.0).otherwise(pl.col("value")).alias("value"),
            pl.when(pl.int_range(pl.len()) == 1).then(pl.col("start") + 1000)
            .otherwise(pl.col("start")).alias("start"),
            pl.when(pl.int_range(pl.len()) == 1).then(pl.col("end") + 1000)
            .otherwise(pl.col("end")).alias("end"))
    if frames["fact_date"].height:
        broken["fact_date"] = frames["fact_date"].with_columns(
            pl.when(pl.int_range(pl.len()) == 0).then(pl.lit(date(1999, 1, 1)))
            .otherwise(pl.col("date_end")).alias("date_end"))
    return broken


def test_corrupted_batch_is_quarantined_and_good_rows_load(sample_dir, tmp_path, monkeypatch):
    write_batch = staging.write_batch
    monkeypatch.setattr(staging, "write_batch",
                        lambda area, no, frames: write_batch(area, no, _corrupt(frames)))
    warehouse = tmp_path / "wh.duckdb"
    summary = run_pipeline(Settings(input_path=sample_dir, warehouse_path=warehouse, batch_size=5))

    assert summary.dq_status == "failed" and summary.exit_code == EXIT_QUARANTINE
    assert summary.articles_new == 5
    checks = dict(_rows(warehouse, """
        SELECT 'region', string_agg(failed_check, ';') FROM quarantine_fact_region
        UNION ALL SELECT 'count', string_agg(failed_check, ';') FROM quarantine_fact_count
        UNION ALL SELECT 'date', string_agg(failed_check, ';') FROM quarantine_fact_date"""))
    assert "fact_region.region_code_in_dim_region" in checks["region"]
    assert "fact_count.value_non_negative" in checks["count"]
    assert "fact_count.offsets_in_body" in checks["count"]
    assert "fact_date.date_end_ge_date_start" in checks["date"]
    assert _rows(warehouse, "SELECT count(*) FROM fact_region WHERE region_code = '999999'") == [(0,)]
    assert _rows(warehouse, "SELECT count(*) FROM fact_count WHERE value < 0") == [(0,)]
    assert _rows(warehouse, "SELECT count(*) FROM fact_date WHERE date_end < date_start") == [(0,)]
    assert _rows(warehouse, "SELECT count(*) FROM fact_region")[0][0] > 0
