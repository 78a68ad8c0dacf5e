"""End-to-end runs of the Prefect flow on real and deliberately broken inputs."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from flows.locking import warehouse_lock
from flows.runner import EXIT_INPUT, EXIT_LOCKED, PipelineError, run_pipeline
from warehouse import loader
from zhfacts.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("prefect_server")]

FACT_TABLES = ("fact_region", "fact_count", "fact_date", "fact_measure")


def _run(input_dir: Path, warehouse: Path, **overrides):
    settings = Settings(input_path=input_dir, warehouse_path=warehouse, **overrides)
    return run_pipeline(settings)


def _counts(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {
            t: con.sql(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("dim_article", *FACT_TABLES, "etl_reject", "etl_run")
        }


def test_samples_load_with_facts_in_every_table(sample_dir, tmp_path):
    warehouse = tmp_path / "wh.duckdb"
    summary = _run(sample_dir, warehouse)
    assert (summary.files_seen, summary.articles_new, summary.files_rejected) == (5, 5, 0)
    assert summary.dq_status == "passed"
    counts = _counts(warehouse)
    assert counts["dim_article"] == 5 and counts["etl_run"] == 1
    assert all(counts[t] > 0 for t in FACT_TABLES), counts
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in FACT_TABLES:
            bad = con.sql(
                f"""SELECT count(*) FROM {table} f JOIN dim_article a USING (article_id)
                    WHERE substring(a.body, f."start" + 1, f."end" - f."start") <> f.mention"""
            ).fetchall()[0][0]
            assert bad == 0, f"{table}: mentions not at their offsets"
        orphans = con.sql(
            "SELECT count(*) FROM fact_region LEFT JOIN dim_region r USING (region_code) "
            "WHERE r.region_code IS NULL"
        ).fetchall()[0][0]
        assert orphans == 0
        assert con.sql("SELECT count(*) FROM dim_region").fetchall()[0][0] > 3000
        assert con.sql("SELECT count(*) FROM dq_result").fetchall()[0][0] > 0
    assert summary.data_docs and summary.data_docs.exists()

    from flows import tasks

    reads = []
    real_read = tasks._read
    tasks._read = lambda source: reads.append(source) or real_read(source)
    try:
        second = _run(sample_dir, warehouse)
    finally:
        tasks._read = real_read
    assert (second.articles_new, second.articles_unchanged) == (0, 5)
    assert reads == []  # unchanged files are recognised by their stat, never read
    after = _counts(warehouse)
    assert {k: v for k, v in after.items() if k != "etl_run"} == {
        k: v for k, v in counts.items() if k != "etl_run"
    }
    assert after["etl_run"] == 2


def test_messy_folder_loads_articles_and_rejects_the_rest(messy_dir, tmp_path):
    warehouse = tmp_path / "wh.duckdb"
    summary = _run(messy_dir, warehouse)
    assert summary.files_seen == 4  # notes.md is not a *.txt
    assert summary.articles_new == 2
    assert dict(summary.rejects) == {"empty": 1, "not_text": 1}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.sql("SELECT source_path, encoding, script FROM dim_article ORDER BY 1").fetchall()
        rejects = con.sql("SELECT source_path, reason FROM etl_reject ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == ["gbk_article.txt", "nested/big5_article.txt"]
    assert rows[1][2] == "traditional"
    assert rejects == [("empty.txt", "empty"), ("image.txt", "not_text")]


def test_too_large_and_no_body_are_rejects(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text("企业复工。" * 400, encoding="utf-8")
    (folder / "nav.txt").write_text("首页 | 新闻 | 关于我们\nCopyright 2020\n", encoding="utf-8")
    summary = _run(folder, tmp_path / "wh.duckdb", max_file_bytes=1000)
    assert dict(summary.rejects) == {"too_large": 1, "no_body": 1}


def test_changed_file_replaces_its_article(sample_dir, tmp_path):
    warehouse = tmp_path / "wh.duckdb"
    _run(sample_dir, warehouse)
    page = sorted(sample_dir.glob("*.txt"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n补充：某地发放贷款5000万元。\n", encoding="utf-8")
    summary = _run(sample_dir, warehouse)
    assert (summary.articles_new, summary.articles_unchanged) == (1, 4)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.sql("SELECT count(*) FROM dim_article").fetchall()[0][0] == 5
        orphans = con.sql(
            "SELECT count(*) FROM fact_count WHERE article_id NOT IN (SELECT article_id FROM dim_article)"
        ).fetchall()[0][0]
        assert orphans == 0


def test_failure_during_load_leaves_the_warehouse_as_it_was(sample_dir, tmp_path, monkeypatch):
    warehouse = tmp_path / "wh.duckdb"
    pages = sorted(sample_dir.glob("*.txt"))
    held_back = tmp_path / pages[-1].name
    pages[-1].rename(held_back)
    _run(sample_dir, warehouse)
    before = _counts(warehouse)
    held_back.rename(sample_dir / held_back.name)

    real_run_file = loader.run_file

    def failing_run_file(con, name, params=None, **identifiers):
        if name == "load/publish_rejects":  # after articles and facts were inserted
            raise RuntimeError("disk full (injected)")
        return real_run_file(con, name, params, **identifiers)

    monkeypatch.setattr(loader, "run_file", failing_run_file)
    with pytest.raises(RuntimeError, match="injected"):
        _run(sample_dir, warehouse)
    assert _counts(warehouse) == before
    assert not (warehouse.parent / ".staging").exists()


def test_second_writer_fails_at_once(sample_dir, tmp_path):
    warehouse = tmp_path / "wh.duckdb"
    with warehouse_lock(warehouse), pytest.raises(PipelineError) as err:
        _run(sample_dir, warehouse)
    assert err.value.exit_code == EXIT_LOCKED
    assert "another zhfacts run" in str(err.value)


def test_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(PipelineError) as err:
        _run(tmp_path / "nope", tmp_path / "wh.duckdb")
    assert err.value.exit_code == EXIT_INPUT
    assert "input folder not found" in str(err.value)


def _table_rows(warehouse: Path, table: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.sql(f"SELECT * EXCLUDE (run_id) FROM {table} ORDER BY ALL"
                       if table == "dim_article" else f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_every_task_runner_gives_the_same_warehouse(sample_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)  # the Dask runner exports it
    threads = tmp_path / "thread.duckdb"
    _run(sample_dir, threads, batch_size=2, task_runner="thread")
    for runner in ("process", "dask"):
        other = tmp_path / f"{runner}.duckdb"
        summary = _run(sample_dir, other, batch_size=2, task_runner=runner, workers=2)
        assert summary.articles_new == 5
        for table in ("dim_article", *FACT_TABLES):
            assert _table_rows(threads, table) == _table_rows(other, table), (runner, table)


def test_the_run_api_steps_aside_for_a_configured_server(prefect_server, monkeypatch):
    """With an API in the settings (here the test server; a profile's PREFECT_API_URL works
    the same way) the server launched by the command line is stopped unused."""
    from flows.server import RunApi

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    api = RunApi.launch()
    assert api is not None
    with api.serving():
        assert "PREFECT_API_URL" not in os.environ
    assert api.server.process.poll() is not None


def test_no_run_api_when_the_environment_names_one(monkeypatch):
    from flows.server import RunApi

    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    assert RunApi.launch() is None
