"""Validate one run with Great Expectations, chunk by chunk, and merge the results.

Where validation happens: on pandas frames, not in DuckDB. GX 1.24's SQL datasource
cannot read DuckDB results (stack notes §0.2), and GX has no polars source. The frames
carry no article body (the lead computes `mention_matches` and `offsets_in_body` next to
the bodies in DuckDB), and plain numpy-backed pandas validates ~1M rows per expectation in
a fraction of a second (pyarrow-backed is ~3× slower).

Memory stays flat in the corpus size because the run arrives as chunks that partition its
articles, each with exactly its articles' facts, and only one chunk's frames (with GX's
copies of them) are alive at a time. What a chunk leaves behind is small: per check the
offending row ids and a few example rows, the chunk's quarantine and its run counts. Since
an article_id lives in one chunk, per-chunk uniqueness and the article → facts cascade
are exact, and the `run` suite judges metrics summed over the chunks, once.

A run with nothing new (no staged rows, no rejected file) has nothing for GX to judge: it
reports every check as passed over zero rows without importing GX (≈6 s of CPU). Rejected
files alone still go through GX, since the `run` suite judges the reject rate.
"""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from expectations.docs import pin_latest_run
from expectations.outcomes import (
    CheckOutcome,
    merge,
    merge_quarantines,
    nothing_new,
    quarantine,
)
from expectations.report import DQReport, example_rows
from expectations.suites import (
    BATCH_SUITE,
    DATE_COLUMNS,
    MEASURE_CODES,
    REGION_CODES,
    ROW_SUITES,
    RUN_METRIC_COLUMNS,
    SUITES,
    TODAY,
)

if TYPE_CHECKING:
    from expectations.engine import Validator

# A chunk of the run: called, it builds that chunk's frames (see validate_run).
Chunk = Callable[[], Mapping[str, pd.DataFrame]]

NOTHING_NEW_NOTE = "nothing new to validate"


class FrameContractError(ValueError):
    """A frame handed to validate_run does not have the shape the suites read."""


def _check_frames(frames: Mapping[str, pd.DataFrame]) -> None:
    """Fail early, naming the frame and column, instead of deep inside GX."""
    missing_keys = [k for k in ROW_SUITES if k not in frames]
    if missing_keys:
        raise FrameContractError(f"validate_run: frames missing: {', '.join(missing_keys)}")
    for key in ROW_SUITES:
        frame = frames[key]
        needed = {"row_id", "article_id"} | {c for chk in SUITES[key] for c in chk.columns}
        absent = sorted(needed - set(frame.columns))
        if absent:
            raise FrameContractError(f"validate_run: frame {key!r} lacks columns {absent}")
        if not pd.api.types.is_integer_dtype(frame["row_id"]):
            raise FrameContractError(
                f"validate_run: frame {key!r} row_id is {frame['row_id'].dtype}, not integer"
            )
        if not frame["row_id"].is_unique:
            raise FrameContractError(f"validate_run: frame {key!r} has duplicate row_id values")


def _numpy_column(column: pd.Series) -> pd.Series | None:
    """The column in the dtype GX validates vectorised, or None if it already is.

    GX 1.24's between-checks take a vectorised path only for int64/float64 and
    datetime64[ns] columns and otherwise call a Python function per value (≈10× slower
    on 1M rows). polars' to_pandas() yields int32, datetime64[ms] and nullable ints.
    """
    dtype = column.dtype
    if column.name in DATE_COLUMNS:
        if dtype == "datetime64[ns]":
            return None
        dates = pd.to_datetime(column)
        try:
            return dates.astype("datetime64[ns]")
        except pd.errors.OutOfBoundsDatetime:  # e.g. year 9999: checked per value, still right
            return dates
    if pd.api.types.is_bool_dtype(dtype):
        return None
    if pd.api.types.is_integer_dtype(dtype) and dtype != np.int64:
        return column.astype("float64" if column.hasnans else "int64")
    if pd.api.types.is_float_dtype(dtype) and dtype != np.float64:
        return column.astype("float64")
    return None


def _prepared(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame in GX-friendly dtypes and indexed by row_id, leaving the caller's alone.

    The index stays unnamed: GX reports unexpected rows by index value then (see
    _RESULT_FORMAT).
    """
    changed = {c: _numpy_column(frame[c]) for c in frame.columns}
    prepared = frame.assign(**{c: col for c, col in changed.items() if col is not None})
    prepared.index = pd.Index(frame["row_id"].to_numpy(dtype=np.int64))
    return prepared


@dataclass(frozen=True)
class RunCounts:
    """What the `run` suite's metrics need from the frames, summed over the chunks.

    Chunks partition the articles by article_id and every fact travels with its article,
    so distinct articles, and articles without a region or without any fact, add up.
    """

    articles: int = 0
    facts: int = 0
    without_region: int = 0
    without_facts: int = 0

    @classmethod
    def of(cls, frames: Mapping[str, pd.DataFrame]) -> RunCounts:
        """The counts of one chunk's frames.

        Python sets: pandas 3's Series.isin on pyarrow strings boxes every value (~30 s/1M).
        """
        article_ids = set(frames["articles"]["article_id"].dropna())
        fact_keys = [k for k in frames if k.startswith("fact_")]

        def without(keys: list[str]) -> int:
            hit = set().union(*(frames[k]["article_id"].dropna().unique() for k in keys))
            return len(article_ids - hit)

        return cls(
            articles=len(article_ids),
            facts=sum(len(frames[k]) for k in fact_keys),
            without_region=without(["fact_region"]),
            without_facts=without(fact_keys),
        )

    def __add__(self, other: RunCounts) -> RunCounts:
        return RunCounts(
            self.articles + other.articles, self.facts + other.facts,
            self.without_region + other.without_region, self.without_facts + other.without_facts,
        )


def run_metrics(counts: RunCounts, run_stats: Mapping[str, float]) -> pd.DataFrame:
    """The one-row frame the `run` suite validates.

    Article-based rates count the distinct article_ids of the articles frames, so they
    agree with the fact frames whatever run_stats["articles"] counts (e.g. unchanged
    articles). The reject rate uses run_stats' files_seen / files_rejected. Empty runs
    get rates of 0; the bands' gates skip them anyway.
    """
    files_seen = float(run_stats.get("files_seen", 0))
    rejected = float(run_stats.get("files_rejected", 0))
    articles = float(counts.articles)
    row = {
        "files_seen": files_seen,
        "articles": articles,
        "reject_rate": rejected / files_seen if files_seen else 0.0,
        "facts_per_article": counts.facts / articles if articles else 0.0,
        "share_articles_no_region": counts.without_region / articles if articles else 0.0,
        "share_articles_no_facts": counts.without_facts / articles if articles else 0.0,
    }
    return pd.DataFrame([row], columns=list(RUN_METRIC_COLUMNS))


def _parameters(
    frame: pd.DataFrame, region_codes: set[str], measure_codes: set[str], today: dt.date
) -> dict[str, Any]:
    """The suite parameters for one frame: its codes that the reference sets lack (see
    suites._known_code), and the run's date."""

    def unknown(column: str, codes: set[str]) -> list[str]:
        if column not in frame.columns:
            return []
        return sorted(set(frame[column].dropna().unique()) - codes)

    return {
        REGION_CODES: unknown("region_code", region_codes),
        MEASURE_CODES: unknown("measure_code", measure_codes),
        TODAY: dt.datetime.combine(today, dt.time()),
    }


@dataclass(frozen=True)
class _ChunkResult:
    """What survives a chunk once its frames are gone."""

    outcomes: list[CheckOutcome]
    quarantine: dict[str, pd.DataFrame]
    rows: dict[str, int]
    counts: RunCounts


def _validate_chunk(
    validator: Validator, chunk: Chunk, run_name: str, region_codes: set[str],
    measure_codes: set[str], today: dt.date,
) -> _ChunkResult:
    """Build one chunk's frames, run the row suites over them, and keep only the results."""
    frames = chunk()
    _check_frames(frames)
    prepared = {key: _prepared(frames[key]) for key in ROW_SUITES}
    del frames  # the converted columns' originals
    outcomes: list[CheckOutcome] = []
    for suite_name in ROW_SUITES:
        frame = prepared[suite_name]
        params = _parameters(frame, region_codes, measure_codes, today)
        outcomes += [
            replace(o, example_rows=example_rows(o, frame))
            for o in validator.validate(suite_name, frame, params, run_name)
        ]
    return _ChunkResult(
        outcomes=outcomes,
        quarantine=quarantine(outcomes, prepared),
        rows={key: len(frame) for key, frame in prepared.items()},
        counts=RunCounts.of(prepared),
    )


def _run_names(run_id: str, n_chunks: int) -> list[str]:
    """GX run names of the chunks' results: the run id itself when the run is one chunk."""
    if n_chunks == 1:
        return [run_id]
    return [f"{run_id} part {i} of {n_chunks}" for i in range(1, n_chunks + 1)]


def _nothing_new(run_id: str, checked_at: dt.datetime, docs_dir: pathlib.Path) -> DQReport:
    outcomes = nothing_new(SUITES)
    pin_latest_run(docs_dir, run_id, outcomes, note=NOTHING_NEW_NOTE)
    return DQReport.build(
        run_id=run_id,
        outcomes=outcomes,
        quarantine=merge_quarantines([]),
        rows_checked=dict.fromkeys(SUITES, 0),
        checked_at=checked_at,
        docs_index=docs_dir / "index.html",
        note=NOTHING_NEW_NOTE,
    )


def validate_run(
    run_id: str,
    chunks: Sequence[Chunk],
    *,
    region_codes: set[str],
    measure_codes: set[str],
    run_stats: dict[str, float],
    today: dt.date,
    gx_root: pathlib.Path,
    docs_dir: pathlib.Path,
) -> DQReport:
    """Run every suite over the run's chunks; report, quarantine, and rebuild Data Docs.

    Each chunk, called, returns the row suites' frames of a part of the run's articles
    and exactly their facts (see suites.py for the columns each suite reads), each with an
    int64 `row_id` unique in the run. No chunks means nothing was staged. Nothing here
    raises on bad data: failures come back in the report for the caller to act on.
    """
    checked_at = dt.datetime.now(dt.UTC)
    if not chunks and not run_stats.get("files_rejected"):
        return _nothing_new(run_id, checked_at, docs_dir)
    from expectations.engine import Validator  # imports GX: only runs with rows pay for it

    validator = Validator(gx_root, docs_dir, checked_at)
    run_names = _run_names(run_id, len(chunks))
    results = [
        _validate_chunk(validator, chunk, name, region_codes, measure_codes, today)
        for chunk, name in zip(chunks, run_names, strict=True)
    ]
    outcomes = merge([r.outcomes for r in results]) if results else nothing_new(ROW_SUITES)
    metrics = run_metrics(sum((r.counts for r in results), RunCounts()), run_stats)
    params = _parameters(metrics, region_codes, measure_codes, today)
    outcomes += validator.validate(BATCH_SUITE, metrics, params, run_id, metrics)
    validator.build_docs()
    pin_latest_run(docs_dir, run_id, outcomes, run_names=[*run_names, run_id])
    rows_checked = {key: sum(r.rows[key] for r in results) for key in ROW_SUITES}
    return DQReport.build(
        run_id=run_id,
        outcomes=outcomes,
        quarantine=merge_quarantines([r.quarantine for r in results]),
        rows_checked=rows_checked | {BATCH_SUITE: len(metrics)},
        checked_at=checked_at,
        docs_index=docs_dir / "index.html",
    )
