"""Great Expectations itself: the file context, one checkpoint per suite, and Data Docs.

This is the only module that imports GX (≈6 s of CPU), and runner.py imports it only when a
run has rows to validate, so `import expectations` and a run with nothing new stay cheap.

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

from expectations.outcomes import OBSERVED_EXAMPLES, CheckOutcome
from expectations.suites import SUITES, Check

DATASOURCE = "pandas"
BATCH_DEFINITION = "whole_frame"
DOCS_SITE = "local_site"
# The Data Docs index lists this many most recent results; older ones stay in the store.
DOCS_HISTORY = 200

# COMPLETE: every offending row, for the quarantine. The frames are indexed by row_id, so
# GX's unexpected_index_list is a plain list of row_ids: naming the column instead
# (`unexpected_index_column_names`) makes GX build one dict per row with .at lookups,
# ~0.3 ms a row — minutes when a broken extractor fails a million facts.
_RESULT_FORMAT = {"result_format": "COMPLETE", "return_unexpected_index_query": False}
# Full per-row lists are needed once, for the quarantine; the stored copy that Data Docs
# re-reads on every index rebuild keeps GX's 20-row partial lists only.
_BULKY_RESULT_KEYS = ("unexpected_list", "unexpected_index_list")


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
            # No UpdateDataDocsAction here: it rebuilds the whole index per suite and per
            # chunk (see Validator.build_docs), so the site is built once per run.
            actions=[],
            result_format=_RESULT_FORMAT,
        )
    )


def _row_ids(result: dict[str, Any]) -> np.ndarray:
    return np.asarray(result.get("unexpected_index_list") or [], dtype=np.int64)


def _unexpected(result: dict[str, Any]) -> tuple[tuple[int, Any], ...]:
    """(row_id, value) of the first OBSERVED_EXAMPLES offending rows by row_id.

    By row_id rather than GX's order, so that the values quoted for a run validated in
    chunks are those a single pass would quote. GX's two COMPLETE lists are aligned.
    """
    ids = _row_ids(result)
    values = result.get("unexpected_list") or []
    first = np.argsort(ids, kind="stable")[:OBSERVED_EXAMPLES]
    return tuple((int(ids[i]), values[i]) for i in first)


def _metric(check: Check, result: dict[str, Any], metrics: pd.DataFrame) -> str:
    """The run metric a band judged, for dq_result.observed_value."""
    value = f"{metrics[check.kwargs['column']].iloc[0]:.4g}"
    if not result.get("element_count"):  # the gate filtered the only row out
        return f"{value} (band not applied: {check.kwargs['row_condition']!r} is false)"
    return value


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
        by_rows = metrics is None
        outcomes.append(
            CheckOutcome(
                suite=suite_name,
                name=check.name,
                severity=check.severity,
                column_name=",".join(check.columns) or None,
                success=bool(evr.success),
                element_count=int(result.get("element_count") or 0),
                unexpected_count=int(result.get("unexpected_count") or 0),
                row_ids=_row_ids(result) if by_rows else np.empty(0, np.int64),
                error=error,
                observed=None if by_rows else _metric(check, result, metrics),
                unexpected=_unexpected(result) if by_rows else (),
            )
        )
        for key in _BULKY_RESULT_KEYS:
            result.pop(key, None)
    return sorted(outcomes, key=lambda o: order[o.name])


class Validator:
    """One run's GX session: context and checkpoints set up once, however many chunks the
    run has, and every stored result kept for a single Data Docs build at the end."""

    def __init__(self, gx_root: pathlib.Path, docs_dir: pathlib.Path, run_time: dt.datetime):
        self._ctx = _context(gx_root, docs_dir)
        self._run_time = run_time
        self._checkpoints: dict[str, Any] = {}
        self._keys: list[ValidationResultIdentifier] = []

    def validate(
        self, suite_name: str, frame: pd.DataFrame, params: dict[str, Any], run_name: str,
        metrics: pd.DataFrame | None = None,
    ) -> list[CheckOutcome]:
        """Run one suite's checkpoint over `frame`, storing its result under `run_name`.

        `metrics` is given for the batch suite, whose outcomes quote the metric judged.
        """
        if suite_name not in self._checkpoints:
            self._checkpoints[suite_name] = _checkpoint(self._ctx, suite_name, SUITES[suite_name])
        result = self._checkpoints[suite_name].run(
            batch_parameters={"dataframe": frame},
            expectation_parameters=params,
            run_id=RunIdentifier(run_name=run_name, run_time=self._run_time),
        )
        outcomes = []
        for key, validation in result.run_results.items():
            outcomes += _outcomes(suite_name, validation, metrics)
            self._ctx.validation_results_store.set(key, validation)  # the trimmed copy
            self._keys.append(key)
        self._release_batches()
        return outcomes

    def _release_batches(self) -> None:
        """Drop the frames GX keeps after a run.

        The pandas execution engine caches the last batch of every asset, frame included,
        so a run's frames would outlive their chunk and meet the next one's in memory.
        """
        engine = self._ctx.data_sources.get(DATASOURCE).execution_engine
        if engine is not None:
            engine.batch_manager.batch_data_cache.clear()
            engine.batch_manager.reset_batch_cache()

    def build_docs(self) -> None:
        """Render the run's result pages and the suites' pages, then the index, once.

        This is what UpdateDataDocsAction does, but per checkpoint it would rebuild the index
        for every suite of every chunk, and an index rebuild re-reads up to DOCS_HISTORY
        stored results (GX #8243: Data Docs rebuilds slow down as history grows).
        """
        suites = {
            k.expectation_suite_identifier.name: k.expectation_suite_identifier
            for k in self._keys
        }
        self._ctx.build_data_docs(
            site_names=[DOCS_SITE], resource_identifiers=[*self._keys, *suites.values()]
        )
