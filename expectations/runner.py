"""Validate one run's frames with Great Expectations and turn the results into a DQReport.

Where validation happens: on pandas frames, not in DuckDB. GX 1.24's SQL datasource
cannot read DuckDB results (stack notes §0.2), and GX has no polars source. The frames
are small anyway: they carry no article body (the lead computes `mention_matches` and
`offsets_in_body` next to the bodies in DuckDB), and plain numpy-backed pandas validates
~1M rows per expectation in a fraction of a second (pyarrow-backed is ~3× slower).

GX objects live in a file context under `gx_root` so that suites and every past
validation result persist: the Data Docs site, rebuilt into `docs_dir` once per run,
shows the latest run next to the earlier ones. Setup is idempotent: GX refuses to add
what a previous run already added, so sources and assets are get-or-add, and suites,
validation definitions and checkpoints are add-or-update so edits in suites.py take
effect on the next run.

Each suite runs as its own Checkpoint because a dataframe asset receives its frame through
the checkpoint's batch_parameters, which all definitions of one checkpoint share.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
from collections.abc import Mapping
from typing import Any

# The installed GX 1.24.1 ships no analytics client, but upstream builds read this when a
# context starts (before any project config can say otherwise), and the pipeline runs
# offline; _context records the same choice in the project's great_expectations.yml.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx
import numpy as np
import pandas as pd
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.data_context.types.resource_identifiers import (
    ValidationResultIdentifier,
)

from expectations.docs import pin_latest_run
from expectations.outcomes import CheckOutcome, quarantine
from expectations.report import DQReport, display
from expectations.suites import (
    BATCH_SUITE,
    DATE_COLUMNS,
    MEASURE_CODES,
    REGION_CODES,
    ROW_SUITES,
    RUN_METRIC_COLUMNS,
    SUITES,
    TODAY,
    Check,
)

DATASOURCE = "pandas"
BATCH_DEFINITION = "whole_frame"
DOCS_SITE = "local_site"
# The Data Docs index lists this many most recent results; older ones stay in the store.
DOCS_HISTORY = 200
# Values quoted in dq_result.observed_value for a failed row check.
OBSERVED_EXAMPLES = 3

# COMPLETE: every offending row, for the quarantine. The frames are indexed by row_id, so
# GX's unexpected_index_list is a plain list of row_ids: naming the column instead
# (`unexpected_index_column_names`) makes GX build one dict per row with .at lookups,
# ~0.3 ms a row — minutes when a broken extractor fails a million facts.
_RESULT_FORMAT = {"result_format": "COMPLETE", "return_unexpected_index_query": False}
# Full per-row lists are needed once, for the quarantine; the stored copy that Data Docs
# re-reads on every index rebuild keeps GX's 20-row partial lists only.
_BULKY_RESULT_KEYS = ("unexpected_list", "unexpected_index_list")


class FrameContractError(ValueError):
    """A frame handed to validate_run does not have the shape the suites read."""


def _site_config(docs_dir: pathlib.Path) -> dict[str, Any]:
    return {
        "class_name": "SiteBuilder",
        "show_how_to_buttons": False,
        "store_backend": {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(docs_dir.resolve()),
        },
        "site_index_builder": {
            "class_name": "DefaultSiteIndexBuilder",
            "validation_results_limit": DOCS_HISTORY,
        },
    }


def _context(gx_root: pathlib.Path, docs_dir: pathlib.Path) -> Any:
    """The file context, configured quietly and publishing Data Docs into `docs_dir`."""
    gx_root.mkdir(parents=True, exist_ok=True)
    ctx = gx.get_context(mode="file", project_root_dir=gx_root)
    sites = {DOCS_SITE: _site_config(docs_dir)}  # only ours: GX's default site is unused
    bars = ctx.variables.progress_bars  # a ProgressBarsConfig, or a dict once read back
    if (
        ctx.variables.data_docs_sites != sites
        or bars is None
        or bars["globally"] is not False
        or ctx.variables.analytics_enabled is not False
    ):
        ctx.variables.data_docs_sites = sites
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        ctx.variables.analytics_enabled = False
        ctx.variables.save()
    return ctx


def _checkpoint(ctx: Any, suite_name: str, checks: tuple[Check, ...]) -> Any:
    """Suite, dataframe asset, validation definition and checkpoint for one suite."""
    try:
        source = ctx.data_sources.get(DATASOURCE)
    except KeyError:
        source = ctx.data_sources.add_pandas(DATASOURCE)
    try:
        asset = source.get_asset(suite_name)
    except LookupError:
        asset = source.add_dataframe_asset(suite_name)
    try:
        batch = asset.get_batch_definition(BATCH_DEFINITION)
    except KeyError:
        batch = asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)
    suite = ctx.suites.add_or_update(
        gx.ExpectationSuite(name=suite_name, expectations=[c.build() for c in checks])
    )
    definition = ctx.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=suite_name, data=batch, suite=suite)
    )
    return ctx.checkpoints.add_or_update(
        gx.Checkpoint(
            name=suite_name,
            validation_definitions=[definition],
            # No UpdateDataDocsAction here: it rebuilds the whole index per suite (see
            # _build_docs), so validate_run builds the site once after all suites.
            actions=[],
            result_format=_RESULT_FORMAT,
        )
    )


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


def run_metrics(
    frames: Mapping[str, pd.DataFrame], run_stats: Mapping[str, float]
) -> pd.DataFrame:
    """The one-row frame the `run` suite validates.

    Article-based rates count the distinct article_ids of the articles frame, so they
    agree with the fact frames whatever run_stats["articles"] counts (e.g. unchanged
    articles). The reject rate uses run_stats' files_seen / files_rejected. Empty runs
    get rates of 0; the bands' gates skip them anyway.
    """
    files_seen = float(run_stats.get("files_seen", 0))
    rejected = float(run_stats.get("files_rejected", 0))
    article_ids = set(frames["articles"]["article_id"].dropna())
    articles = float(len(article_ids))
    fact_keys = [k for k in frames if k.startswith("fact_")]
    n_facts = sum(len(frames[k]) for k in fact_keys)

    def share_without(keys: list[str]) -> float:
        # Python sets: pandas 3's Series.isin on pyarrow strings boxes every value (~30 s/1M).
        if not article_ids:
            return 0.0
        hit = set().union(*(frames[k]["article_id"].dropna().unique() for k in keys))
        return len(article_ids - hit) / len(article_ids)

    row = {
        "files_seen": files_seen,
        "articles": articles,
        "reject_rate": rejected / files_seen if files_seen else 0.0,
        "facts_per_article": n_facts / articles if articles else 0.0,
        "share_articles_no_region": share_without(["fact_region"]),
        "share_articles_no_facts": share_without(fact_keys),
    }
    return pd.DataFrame([row], columns=list(RUN_METRIC_COLUMNS))


def _row_ids(result: dict[str, Any]) -> np.ndarray:
    return np.asarray(result.get("unexpected_index_list") or [], dtype=np.int64)


def _observed(check: Check, result: dict[str, Any], metrics: pd.DataFrame | None) -> str:
    """A short human reading of what was seen, for dq_result.observed_value."""
    if metrics is not None:
        value = f"{metrics[check.kwargs['column']].iloc[0]:.4g}"
        if not result.get("element_count"):  # the gate filtered the only row out
            return f"{value} (band not applied: {check.kwargs['row_condition']!r} is false)"
        return value
    unexpected = int(result.get("unexpected_count") or 0)
    text = f"{unexpected} of {int(result.get('element_count') or 0)} unexpected"
    examples = (result.get("partial_unexpected_list") or [])[:OBSERVED_EXAMPLES]
    return f"{text}, e.g. {', '.join(map(display, examples))}" if examples else text


def _outcomes(
    suite_name: str, validation: Any, metrics: pd.DataFrame | None
) -> list[CheckOutcome]:
    """Distil one suite's GX result, then drop its bulky per-row lists.

    Outcomes come back in the suite's declared order (GX groups its results by column),
    so dq_result rows and joined quarantine reasons read the same way every run.
    """
    order = {c.name: i for i, c in enumerate(SUITES[suite_name])}
    checks = {c.name: c for c in SUITES[suite_name]}
    outcomes = []
    for evr in validation.results:
        check = checks[evr.expectation_config.meta["name"]]
        result = evr.result or {}
        error = None
        if evr.exception_info and evr.exception_info.get("raised_exception"):
            error = str(evr.exception_info.get("exception_message"))
        outcomes.append(
            CheckOutcome(
                suite=suite_name,
                name=check.name,
                severity=check.severity,
                column_name=",".join(check.columns) or None,
                success=bool(evr.success),
                element_count=int(result.get("element_count") or 0),
                unexpected_count=int(result.get("unexpected_count") or 0),
                observed_value=f"error: {error}" if error else _observed(check, result, metrics),
                row_ids=_row_ids(result) if metrics is None else np.empty(0, np.int64),
                error=error,
            )
        )
        for key in _BULKY_RESULT_KEYS:
            result.pop(key, None)
    return sorted(outcomes, key=lambda o: order[o.name])


def _parameters(
    frame: pd.DataFrame, region_codes: set[str], measure_codes: set[str], today: dt.date
) -> dict[str, Any]:
    """The suite parameters for one frame.

    A code set is narrowed to the codes that occur in the frame: "value in dim_region"
    and "value in (dim_region ∩ values present)" accept exactly the same rows, but GX
    copies an expectation's kwargs hundreds of times per run (pydantic), so passing all
    ~3,500 region codes costs seconds even for a five-article run.
    """

    def present(column: str, codes: set[str]) -> list[str]:
        if column not in frame.columns:
            return []
        return sorted(codes.intersection(frame[column].dropna().unique()))

    return {
        REGION_CODES: present("region_code", region_codes),
        MEASURE_CODES: present("measure_code", measure_codes),
        TODAY: dt.datetime.combine(today, dt.time()),
    }


def _validate_suite(
    ctx: Any, suite_name: str, frame: pd.DataFrame, params: dict[str, Any],
    run: RunIdentifier, metrics: pd.DataFrame | None = None,
) -> tuple[list[CheckOutcome], list[ValidationResultIdentifier]]:
    """Run one suite's checkpoint; its outcomes and the keys of its stored results."""
    checkpoint = _checkpoint(ctx, suite_name, SUITES[suite_name])
    result = checkpoint.run(
        batch_parameters={"dataframe": frame}, expectation_parameters=params, run_id=run
    )
    outcomes = []
    for key, validation in result.run_results.items():
        outcomes += _outcomes(suite_name, validation, metrics)
        ctx.validation_results_store.set(key, validation)  # the trimmed copy replaces the full
    return outcomes, list(result.run_results)


def _build_docs(ctx: Any, keys: list[ValidationResultIdentifier]) -> None:
    """Render this run's result pages and the suites' pages, then the index, once.

    This is what UpdateDataDocsAction does, but per checkpoint it would rebuild the index
    six times a run, and an index rebuild re-reads up to DOCS_HISTORY stored results
    (GX #8243: Data Docs rebuilds slow down as history grows).
    """
    suites = {k.expectation_suite_identifier.name: k.expectation_suite_identifier for k in keys}
    ctx.build_data_docs(site_names=[DOCS_SITE], resource_identifiers=[*keys, *suites.values()])


def validate_run(
    run_id: str,
    frames: dict[str, pd.DataFrame],
    *,
    region_codes: set[str],
    measure_codes: set[str],
    run_stats: dict[str, float],
    today: dt.date,
    gx_root: pathlib.Path,
    docs_dir: pathlib.Path,
) -> DQReport:
    """Run every suite over the run's frames; report, quarantine, and rebuild Data Docs.

    `frames` holds the row suites' frames (see suites.py for the columns each reads), each
    with an int64 `row_id` unique within it. Frames may be empty. Nothing here raises on
    bad data: failures come back in the report for the caller to act on.
    """
    _check_frames(frames)
    prepared = {key: _prepared(frames[key]) for key in ROW_SUITES}
    metrics = run_metrics(prepared, run_stats)
    checked_at = dt.datetime.now(dt.UTC)
    run = RunIdentifier(run_name=run_id, run_time=checked_at)
    ctx = _context(gx_root, docs_dir)

    outcomes: list[CheckOutcome] = []
    keys: list[ValidationResultIdentifier] = []
    for suite_name in (*ROW_SUITES, BATCH_SUITE):
        batch_level = suite_name == BATCH_SUITE
        frame = metrics if batch_level else prepared[suite_name]
        params = _parameters(frame, region_codes, measure_codes, today)
        suite_outcomes, suite_keys = _validate_suite(
            ctx, suite_name, frame, params, run, metrics if batch_level else None
        )
        outcomes += suite_outcomes
        keys += suite_keys
    _build_docs(ctx, keys)
    pin_latest_run(docs_dir, run_id, outcomes)

    return DQReport.build(
        run_id=run_id,
        outcomes=outcomes,
        quarantine=quarantine(outcomes, prepared),
        frames=prepared,
        checked_at=checked_at,
        docs_index=docs_dir / "index.html",
    )
