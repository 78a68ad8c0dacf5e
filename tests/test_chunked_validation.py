"""A staged run validated in several chunks reports exactly what one pass reports.

The run is the five sample pages staged in two batches, with defects whose detection spans
rows, tables or batches: the same page staged in both batches (article_id_unique), an
unknown region code, and an article from the future whose facts must follow it into
quarantine.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest

from expectations import DQReport, validate_run
from transforms.articles import SourceFile, process_document
from transforms.frames import batch_frames
from warehouse import staging
from warehouse.validation import validation_chunks

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
RUN_ID = "chunked"
BAD_REGION = "999999"


def _first_row(frame: pl.DataFrame, column: str, value: object) -> pl.DataFrame:
    return frame.with_columns(
        pl.when(pl.int_range(pl.len()) == 0).then(pl.lit(value)).otherwise(pl.col(column))
        .alias(column))


@pytest.fixture(scope="module")
def staged(tmp_path_factory) -> dict[str, list[Path]]:
    area = tmp_path_factory.mktemp("staged") / RUN_ID
    pages = sorted(SAMPLES.glob("*.txt"))
    articles = [
        process_document(p.read_bytes(), SourceFile(str(SAMPLES), p.name, p.name,
                                                    p.stat().st_size, 0))
        for p in pages
    ]
    first, second = batch_frames(articles[:3], RUN_ID), batch_frames(articles[2:], RUN_ID)
    first["fact_region"] = _first_row(first["fact_region"], "region_code", BAD_REGION)
    future = articles[-1].article_id
    second["dim_article"] = second["dim_article"].with_columns(
        pl.when(pl.col("article_id") == future).then(pl.lit(dt.date(2999, 1, 1)))
        .otherwise(pl.col("publish_date")).alias("publish_date"))
    staging.write_batch(area, 0, first)
    staging.write_batch(area, 1, second)
    return staging.staged_files(area)


def _codes(staged: dict[str, list[Path]], column: str, tables: tuple[str, ...]) -> set[str]:
    """Every code the run uses, as if all were in the dimension (BAD_REGION excepted)."""
    files = [str(p) for t in tables for p in staged[t]]
    rows = duckdb.execute(
        f"SELECT DISTINCT {column} FROM read_parquet($f, union_by_name = true)"
        f" WHERE {column} IS NOT NULL", {"f": files}).fetchall()
    return {r[0] for r in rows} - {BAD_REGION}


def _validate(staged, tmp: Path, chunk_rows: int | None = None) -> tuple[int, DQReport]:
    chunks = validation_chunks(staged) if chunk_rows is None else validation_chunks(
        staged, chunk_rows=chunk_rows)
    report = validate_run(
        RUN_ID, chunks,
        region_codes=_codes(staged, "region_code", ("fact_region", "fact_count", "fact_measure")),
        measure_codes=_codes(staged, "measure_code", ("fact_count", "fact_measure")),
        run_stats={"files_seen": 6, "files_rejected": 0, "articles": 6},
        today=dt.date(2025, 6, 1), gx_root=tmp / "gx", docs_dir=tmp / "docs",
    )
    return len(chunks), report


@pytest.fixture(scope="module")
def reports(staged, tmp_path_factory) -> tuple[Path, DQReport, DQReport]:
    """The run validated in one pass, then in three chunks, into the same Data Docs."""
    tmp = tmp_path_factory.mktemp("reports")
    n, single = _validate(staged, tmp)
    assert n == 1
    rows = sum(t["rows_checked"] for t in single.table if t["suite"] != "run")
    n, chunked = _validate(staged, tmp, chunk_rows=math.ceil(rows / 3))
    assert n == 3
    return tmp, single, chunked


def test_chunks_partition_the_run_by_article(staged):
    whole = validation_chunks(staged)[0]()
    parts = [chunk() for chunk in validation_chunks(staged, chunk_rows=50)]
    assert len(parts) > 2
    for key, frame in whole.items():
        ids = [set(part[key]["row_id"]) for part in parts]
        assert sum(map(len, ids)) == len(frame) and set().union(*ids) == set(frame["row_id"])
    for part in parts:  # every fact sits with its article, duplicates sit together
        articles = set(part["articles"]["article_id"])
        for key in ("fact_region", "fact_count", "fact_date", "fact_measure"):
            assert set(part[key]["article_id"]) <= articles
    assert sum(len(part["articles"]) > 0 for part in parts) > 1


def test_the_defects_are_caught(reports):
    _, single, _ = reports
    failed = {r["expectation"] for r in single.dq_rows if not r["success"]}
    assert {"articles.article_id_unique", "articles.publish_date_not_future",
            "fact_region.region_code_in_dim_region"} <= failed
    checks = single.quarantine["articles"]["failed_check"]
    assert checks.tolist().count("articles.article_id_unique") == 2
    assert (checks == "articles.publish_date_not_future").sum() == 1
    region = single.quarantine["fact_region"]["failed_check"]
    assert region.str.contains("fact_region.region_code_in_dim_region").any()
    assert region.str.contains("articles.publish_date_not_future").any()  # the cascade


def test_three_chunks_report_exactly_what_one_pass_reports(reports):
    _, single, chunked = reports
    assert [{k: v for k, v in r.items() if k != "checked_at"} for r in chunked.dq_rows] == [
        {k: v for k, v in r.items() if k != "checked_at"} for r in single.dq_rows]
    assert chunked.quarantine.keys() == single.quarantine.keys()
    for key, frame in single.quarantine.items():
        pd.testing.assert_frame_equal(chunked.quarantine[key], frame)
    assert chunked.batch_failures == single.batch_failures
    assert chunked.table == single.table
    assert chunked.markdown == single.markdown
    assert chunked.docs_index == single.docs_index


def test_every_chunk_has_its_data_docs_pages(reports):
    tmp, _, chunked = reports
    results = tmp / "docs" / "validations"
    for part in ("part 1 of 3", "part 2 of 3", "part 3 of 3"):
        assert list((results / "articles").glob(f"{RUN_ID} {part}/**/*.html"))
    assert list((results / "run").glob(f"{RUN_ID}/**/*.html"))
    index = chunked.docs_index.read_text(encoding="utf-8")
    assert index.count("Latest run chunked: data quality FAILED") == 1
    assert f'href="validations/articles/{RUN_ID} part 1 of 3/' in index


def test_offset_checks_hold_exactly_up_to_the_end_of_the_body(tmp_path):
    """offsets_in_body and mention_matches, computed in DuckDB from the staged body: a fact
    may end on the body's last character, not one past it, and its mention must be the
    body's characters between its offsets. (Out of the body only offsets_in_body is judged:
    substring() clamps, so mention_matches alone would pass a truncated mention.)"""
    page = sorted(SAMPLES.glob("*.txt"))[0]
    article = process_document(page.read_bytes(), SourceFile(str(SAMPLES), page.name, page.name,
                                                             page.stat().st_size, 0))
    body = article.page.body
    frames = batch_frames([article], RUN_ID)
    cases = [  # (start, end, mention, offsets_in_body, mention_matches or None: not judged)
        (len(body) - 2, len(body), body[-2:], True, True),
        (len(body) - 2, len(body), body[-3:-1], True, False),
        (len(body) - 1, len(body) + 1, body[-1:], False, None),
        (0, 2, body[:2], True, True),
        (0, 2, body[1:3], True, False),
        (-1, 2, body[:2], False, None),
        (3, 3, "", False, None),
    ]
    region = frames["fact_region"].head(1)
    frames["fact_region"] = pl.concat([
        region.with_columns(pl.lit(s).cast(pl.Int32).alias("start"),
                            pl.lit(e).cast(pl.Int32).alias("end"), pl.lit(m).alias("mention"))
        for s, e, m, _, _ in cases])
    area = tmp_path / RUN_ID
    staging.write_batch(area, 0, frames)
    checked = validation_chunks(staging.staged_files(area))[0]()["fact_region"]
    assert checked["offsets_in_body"].tolist() == [c[3] for c in cases]
    judged = [(got, c[4]) for got, c in zip(checked["mention_matches"], cases, strict=True)
              if c[4] is not None]
    assert [got for got, _ in judged] == [want for _, want in judged]
