"""The data-quality layer: suites pass clean runs, quarantine bad rows, catch bad batches.

Frames are built by hand to the warehouse shape (no body column: `mention_matches` and
`offsets_in_body` arrive precomputed, as the flow computes them in DuckDB) and handed to
validate_run as a run of one chunk; tests/test_chunked_validation.py covers staged runs
split into several.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from expectations import SUITES, DQReport, validate_run
from expectations.outcomes import NOTHING_NEW
from expectations.runner import RunCounts, run_metrics

TODAY = dt.date(2025, 6, 1)
REGIONS = {"110000", "110101", "370800"}
MEASURES = {"onsite_service", "finance"}


def _article(i: int, **over) -> dict:
    row = {
        "row_id": i, "article_id": f"a{i:04d}", "title": f"济宁市新闻{i}",
        "publisher": "济宁日报", "publish_date": dt.date(2020, 3, 1), "script": "simplified",
        "raw_chars": 3000, "body_chars": 800, "cjk_share": 0.85,
    }
    return row | over


def _fact(i: int, article: int, **over) -> dict:
    row = {
        "row_id": i, "article_id": f"a{article:04d}", "sentence_no": 0, "start": 10,
        "end": 13, "mention": "济宁市", "mention_matches": True, "offsets_in_body": True,
    }
    return row | over


def _frames(n_articles: int = 3) -> dict[str, pd.DataFrame]:
    """A clean run: every article has a region, a count, a date and a measure."""
    ids = range(n_articles)
    return {
        "articles": pd.DataFrame([_article(i) for i in ids]),
        "fact_region": pd.DataFrame([_fact(i, i, region_code="370800") for i in ids]),
        "fact_count": pd.DataFrame([
            _fact(i, i, mention="4600多个", value=4600.0, value_max=None, approx=True,
                  unit="个", unit_class="count", what="问题", region_code="370800",
                  date_start=dt.date(2020, 2, 1), measure_code=None)
            for i in ids
        ] + [
            _fact(100, 0, mention="四五万台", value=40000.0, value_max=50000.0, approx=True,
                  unit="台", unit_class="count", what=None, region_code=None,
                  date_start=None, measure_code="finance"),
            _fact(101, 0, mention="50%", value=50.0, value_max=None, approx=False,
                  unit="%", unit_class="percent", what=None, region_code=None,
                  date_start=None, measure_code=None),
        ]),
        "fact_date": pd.DataFrame([
            _fact(i, i, mention="2月19日", date_start=dt.date(2020, 2, 19),
                  date_end=dt.date(2020, 2, 19), granularity="day")
            for i in ids
        ]),
        "fact_measure": pd.DataFrame([
            _fact(i, i, mention="驻企", measure_code="onsite_service", region_code=None)
            for i in ids
        ]),
    }


def _run(tmp_path: Path, frames, run_stats=None, run_id="r1") -> DQReport:
    """Validate `frames` as a run of one chunk, or a run that staged nothing if None."""
    chunks = [] if frames is None else [lambda: frames]
    return validate_run(
        run_id, chunks, region_codes=REGIONS, measure_codes=MEASURES,
        run_stats=run_stats or {"files_seen": 5, "files_rejected": 0, "articles": 3},
        today=TODAY, gx_root=tmp_path / "gx", docs_dir=tmp_path / "docs",
    )


def _expectation_count() -> int:
    return sum(len(checks) for checks in SUITES.values())


def _corrupt() -> dict[str, pd.DataFrame]:
    """The clean run with one defect per check under test (comments name them)."""
    frames = _frames()
    arts, reg, cnt, dat = (frames[k] for k in ("articles", "fact_region", "fact_count",
                                                "fact_date"))
    arts.loc[arts.row_id == 2, "body_chars"] = 0                         # empty body
    reg.loc[reg.row_id == 0, "mention_matches"] = False                  # mention mismatch
    reg.loc[reg.row_id == 1, ["offsets_in_body", "region_code"]] = [False, "999999"]
    cnt.loc[cnt.row_id == 0, ["value", "mention"]] = [-5.0, "4600|多\n个"]  # negative value
    cnt.loc[cnt.row_id == 100, "value_max"] = 100.0                      # value_max < value
    cnt.loc[cnt.row_id == 101, "value"] = 5000.0                         # insane percent (warning)
    dat.loc[dat.row_id == 0, ["date_start", "date_end"]] = [dt.date(2030, 1, 1), dt.date(2029, 12, 1)]
    dat.loc[dat.row_id == 1, ["date_start", "date_end"]] = [dt.date(9999, 1, 1)] * 2  # > ns range
    return frames


def _as_duckdb_gives(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The dtypes DuckDB's .df() / polars' to_pandas() produce: int32, nullable, non-ns dates."""
    arts, cnt, dat = frames["articles"], frames["fact_count"], frames["fact_date"]
    arts["raw_chars"] = arts["raw_chars"].astype("int32")
    arts["body_chars"] = arts["body_chars"].astype("Int32")
    arts["publish_date"] = pd.to_datetime(arts["publish_date"]).astype("datetime64[us]")
    cnt["approx"] = cnt["approx"].astype("boolean")
    dat["date_end"] = pd.to_datetime(dat["date_end"]).astype("datetime64[s]")
    return frames


# A clean run then a corrupted one into the same GX root, once for the module: a
# validation costs seconds, and the second run also shows the Data Docs history.
@pytest.fixture(scope="module")
def history(tmp_path_factory) -> tuple[Path, DQReport, DQReport]:
    tmp = tmp_path_factory.mktemp("history")
    clean = _run(tmp, _frames(), run_id="clean-run")
    return tmp, clean, _run(tmp, _as_duckdb_gives(_corrupt()), run_id="bad-run")


@pytest.fixture
def clean(history) -> tuple[Path, DQReport]:
    return history[0], history[1]


@pytest.fixture
def corrupted(history) -> tuple[Path, DQReport]:
    return history[0], history[2]


def test_clean_run_passes_every_suite(clean):
    tmp, report = clean
    failed = [r["expectation"] for r in report.dq_rows if not r["success"]]
    assert failed == []
    assert not report.critical_failed
    assert report.batch_failures == []
    assert all(q.empty for q in report.quarantine.values())
    assert len(report.dq_rows) == _expectation_count()
    assert report.docs_index == tmp / "docs" / "index.html"
    assert report.docs_index.exists()
    assert "**PASSED**" in report.markdown


def test_every_dq_row_has_the_warehouse_columns_in_suite_order(clean):
    _, report = clean
    keys = {"run_id", "suite", "expectation", "column_name", "success", "element_count",
            "unexpected_count", "observed_value", "checked_at", "severity"}
    for row in report.dq_rows:
        assert set(row) == keys
        assert row["severity"] in {"critical", "warning"}
        assert isinstance(row["observed_value"], str)
        assert row["checked_at"].tzinfo is None  # naive UTC, for a TIMESTAMP column
    assert {r["suite"] for r in report.dq_rows} == set(SUITES)
    names = [r["expectation"] for r in report.dq_rows]
    assert names == [c.name for checks in SUITES.values() for c in checks]


@pytest.mark.parametrize(("frame", "row_id", "check"), [
    ("articles", 2, "articles.body_not_empty"),
    ("fact_region", 0, "fact_region.mention_matches_body"),
    ("fact_region", 1, "fact_region.offsets_in_body"),
    ("fact_region", 1, "fact_region.region_code_in_dim_region"),
    ("fact_count", 0, "fact_count.value_non_negative"),
    ("fact_count", 100, "fact_count.value_max_ge_value"),
    ("fact_date", 0, "fact_date.date_end_ge_date_start"),
])
def test_critical_failure_quarantines_the_row_naming_the_check(corrupted, frame, row_id, check):
    _, report = corrupted
    q = report.quarantine[frame]
    assert list(q.columns) == ["row_id", "failed_check"]
    assert check in q.set_index("row_id").loc[row_id, "failed_check"].split(", ")


def test_an_unknown_region_code_is_quoted_where_users_look(corrupted):
    # region_code_in_dim_region is checked as "not among the frame's unknown codes":
    # the code that failed must still be what dq_result, the report and Data Docs show.
    tmp, report = corrupted
    row = next(r for r in report.dq_rows
               if r["expectation"] == "fact_region.region_code_in_dim_region")
    assert (row["success"], row["unexpected_count"], row["element_count"]) == (False, 1, 3)
    assert "999999" in report.markdown
    (page,) = (tmp / "docs" / "validations" / "fact_region" / "bad-run").rglob("*.html")
    assert "999999" in page.read_text(encoding="utf-8")


def test_several_failed_checks_of_one_row_make_one_quarantine_row(corrupted):
    _, report = corrupted
    q = report.quarantine["fact_region"]
    assert q["row_id"].is_unique
    assert q.set_index("row_id").loc[1, "failed_check"] == (
        "fact_region.offsets_in_body, fact_region.region_code_in_dim_region")


def test_facts_of_a_quarantined_article_follow_it(corrupted):
    _, report = corrupted
    for frame in ("fact_region", "fact_count", "fact_date", "fact_measure"):
        q = report.quarantine[frame].set_index("row_id")
        assert "articles.body_not_empty" in q.loc[2, "failed_check"]


def test_warnings_are_reported_but_quarantine_nothing(corrupted):
    _, report = corrupted
    row = next(r for r in report.dq_rows if r["expectation"] == "fact_count.percent_sane")
    assert (row["success"], row["severity"], row["unexpected_count"]) == (False, "warning", 1)
    assert 101 not in set(report.quarantine["fact_count"]["row_id"])
    future = next(r for r in report.dq_rows if r["expectation"] == "fact_date.date_start_not_future")
    assert (future["success"], future["severity"], future["unexpected_count"]) == (False, "warning", 2)
    assert 1 not in set(report.quarantine["fact_date"]["row_id"])  # only in the future


def test_corrupted_run_is_critical_with_rows_docs_and_summary(corrupted):
    tmp, report = corrupted
    assert report.critical_failed
    assert {r["expectation"] for r in report.dq_rows if not r["success"]} == {
        "articles.body_not_empty", "fact_region.mention_matches_body",
        "fact_region.offsets_in_body", "fact_region.region_code_in_dim_region",
        "fact_count.value_non_negative", "fact_count.value_max_ge_value",
        "fact_count.percent_sane", "fact_date.date_start_not_future",
        "fact_date.date_end_ge_date_start",
    }
    assert report.batch_failures == []  # 3 articles: too few for batch bands
    assert len(report.dq_rows) == _expectation_count()
    assert "fact_count" in report.docs_index.read_text(encoding="utf-8")
    (page,) = (tmp / "docs" / "validations" / "fact_count" / "bad-run").rglob("*.html")
    assert "fact_count.value_non_negative [critical]" in page.read_text(encoding="utf-8")
    assert "FAILED" in report.markdown
    assert "`fact_count.value_non_negative` (critical)" in report.markdown
    assert "四五万台" in report.markdown  # an example row of value_max_ge_value
    assert "| 4600\\|多 个 |" in report.markdown  # cells stay on one line, `|` escaped
    table = {r["suite"]: r for r in report.table}
    assert table["fact_count"]["critical_failed"] == 2
    assert table["fact_count"]["rows_quarantined"] == 3  # rows 0, 100 and article 2's count
    assert table["run"]["failed"] == 0


def test_batch_band_violation_fails_the_run(tmp_path):
    frames = _frames(100)
    report = _run(tmp_path, frames,
                  run_stats={"files_seen": 1000, "files_rejected": 900, "articles": 100})
    assert report.batch_failures == ["run.reject_rate_max"]
    assert report.critical_failed
    assert all(q.empty for q in report.quarantine.values())
    row = next(r for r in report.dq_rows if r["expectation"] == "run.reject_rate_max")
    assert row["observed_value"].startswith("0.9")
    assert "whole run quarantined" in report.markdown
    assert "`run.reject_rate_max`" in report.markdown


def test_small_runs_do_not_trip_batch_bands(tmp_path):
    """2 good articles + 2 rejected files, one article without facts: bands need ≥ 20."""
    frames = _frames(2)
    frames = {k: f[f["article_id"] != "a0001"] if k.startswith("fact_") else f
              for k, f in frames.items()}
    report = _run(tmp_path, frames,
                  run_stats={"files_seen": 4, "files_rejected": 2, "articles": 2})
    assert report.batch_failures == []
    rows = {r["expectation"]: r for r in report.dq_rows if r["suite"] == "run"}
    assert all(r["success"] for r in rows.values())
    assert "band not applied" in rows["run.reject_rate_max"]["observed_value"]


def test_empty_frames_validate(tmp_path):
    frames = {k: f.iloc[0:0] for k, f in _frames().items()}
    report = _run(tmp_path, frames, run_stats={"files_seen": 0, "files_rejected": 0,
                                              "articles": 0})
    assert not report.critical_failed
    assert len(report.dq_rows) == _expectation_count()


def test_history_accumulates_in_data_docs(history):
    _, first, second = history
    assert first.docs_index == second.docs_index
    index = second.docs_index.read_text(encoding="utf-8")
    assert "clean-run" in index and "bad-run" in index


def test_run_metrics():
    frames = _frames(4)
    frames["fact_region"] = frames["fact_region"].iloc[:1]
    counts = RunCounts.of(frames)
    m = run_metrics(counts, {"files_seen": 8, "files_rejected": 2, "articles": 4}).iloc[0]
    assert m["reject_rate"] == 0.25
    assert m["share_articles_no_region"] == 0.75
    assert m["share_articles_no_facts"] == 0.0
    assert m["facts_per_article"] == (1 + 6 + 4 + 4) / 4


def test_missing_column_is_named(tmp_path):
    frames = _frames()
    frames["fact_count"] = frames["fact_count"].drop(columns="unit_class")
    with pytest.raises(ValueError, match=r"fact_count.*unit_class"):
        _run(tmp_path, frames)


def test_unknown_codes_fail_even_when_no_known_code_occurs(tmp_path):
    frames = _frames(1)
    frames["fact_region"]["region_code"] = "999999"
    frames["fact_measure"]["measure_code"] = "no_such_measure"
    report = _run(tmp_path, frames)
    assert report.quarantine["fact_region"]["failed_check"].tolist() == [
        "fact_region.region_code_in_dim_region"]
    assert report.quarantine["fact_measure"]["failed_check"].tolist() == [
        "fact_measure.measure_code_in_dim_measure"]



def test_run_counts_of_chunks_add_up_to_the_whole_run():
    frames = _frames(4)
    frames["fact_region"] = frames["fact_region"].iloc[:1]
    halves = [
        {k: f[f["article_id"].isin(ids)] for k, f in frames.items()}
        for ids in (["a0000", "a0003"], ["a0001", "a0002"])
    ]
    assert RunCounts.of(halves[0]) + RunCounts.of(halves[1]) == RunCounts.of(frames)
    assert RunCounts.of(frames) == RunCounts(articles=4, facts=15, without_region=3,
                                             without_facts=0)


def test_importing_the_package_does_not_import_great_expectations():
    code = "import sys, expectations; print('great_expectations' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_nothing_new_reports_every_check_passed_without_gx(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "expectations.engine", None)  # importing it would fail
    report = _run(tmp_path, None, run_stats={"files_seen": 40, "files_rejected": 0})
    assert len(report.dq_rows) == _expectation_count()
    assert all(
        (r["success"], r["element_count"], r["unexpected_count"], r["observed_value"])
        == (True, 0, 0, NOTHING_NEW)
        for r in report.dq_rows
    )
    assert not report.critical_failed and report.batch_failures == []
    assert set(report.quarantine) == set(SUITES) - {"run"}
    for q in report.quarantine.values():
        assert q.empty and list(q.columns) == ["row_id", "failed_check"]
    assert "**PASSED (nothing new to validate)**" in report.markdown
    assert all(r["rows_checked"] == 0 and r["failed"] == 0 for r in report.table)
    assert not (tmp_path / "gx").exists()
    # no Data Docs site yet: a bare index carries the verdict, so the link is never dead
    index = report.docs_index.read_text(encoding="utf-8")
    assert "Latest run r1: data quality passed (nothing new to validate)" in index


def test_nothing_new_replaces_the_pinned_verdict_and_keeps_the_site(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "expectations.engine", None)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.html").write_text(
        "<html><body><!-- zhfacts-latest-run -->old verdict<!-- /zhfacts-latest-run -->"
        "<p>GX history table</p></body></html>", encoding="utf-8")
    report = _run(tmp_path, None, run_id="rerun")
    index = report.docs_index.read_text(encoding="utf-8")
    assert "old verdict" not in index and "GX history table" in index
    assert index.count("Latest run rerun: data quality passed (nothing new") == 1


def test_rejected_files_alone_still_face_the_run_suite(tmp_path):
    report = _run(tmp_path, None, run_stats={"files_seen": 100, "files_rejected": 90})
    assert report.batch_failures == ["run.reject_rate_max"]
    rows = [r for r in report.dq_rows if r["suite"] != "run"]
    assert all(r["success"] and r["observed_value"] == NOTHING_NEW for r in rows)
    assert "Latest run r1: data quality FAILED" in report.docs_index.read_text(encoding="utf-8")
