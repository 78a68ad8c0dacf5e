"""The DQ report of a run: dq_result rows, quarantine, and the Prefect artifact texts.

Rendering stays here, free of Prefect, so the flow only publishes what it gets back
(`markdown` → create_markdown_artifact, `table` → create_table_artifact) and the same text
can be printed by the CLI or asserted in tests.
"""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from expectations.outcomes import CheckOutcome, display
from expectations.suites import BATCH_SUITE, SUITES

# Top failures listed in the markdown, and example rows quoted under each.
TOP_FAILURES = 10
EXAMPLE_ROWS = 3
CELL_CHARS = 60


@dataclass
class DQReport:
    """Everything the flow needs to act on and publish a run's data quality."""

    dq_rows: list[dict[str, Any]]
    quarantine: dict[str, pd.DataFrame]
    batch_failures: list[str]
    docs_index: pathlib.Path
    markdown: str
    table: list[dict[str, Any]]

    @property
    def critical_failed(self) -> bool:
        """Any critical expectation failed, row- or batch-level."""
        return any(r["severity"] == "critical" and not r["success"] for r in self.dq_rows)

    @classmethod
    def build(
        cls,
        *,
        run_id: str,
        outcomes: Sequence[CheckOutcome],
        quarantine: dict[str, pd.DataFrame],
        rows_checked: Mapping[str, int],
        checked_at: dt.datetime,
        docs_index: pathlib.Path,
        note: str | None = None,
    ) -> DQReport:
        """The report of a run; `rows_checked` counts the rows each suite saw, `note` qualifies
        the verdict (e.g. a run with nothing new)."""
        batch_failures = [o.name for o in outcomes if o.critical_failure and o.suite == BATCH_SUITE]
        # A critical row check that GX could not evaluate vouches for no row: the run as a
        # whole cannot be trusted, so it counts as a batch-level failure.
        batch_failures += [
            o.name for o in outcomes
            if o.critical_failure and o.error and o.suite != BATCH_SUITE
        ]
        table = render_table(outcomes, quarantine, rows_checked)
        return cls(
            dq_rows=[_dq_row(run_id, o, checked_at) for o in outcomes],
            quarantine=quarantine,
            batch_failures=batch_failures,
            docs_index=docs_index,
            markdown=render_markdown(run_id, outcomes, table, batch_failures, docs_index, note),
            table=table,
        )


def _dq_row(run_id: str, o: CheckOutcome, checked_at: dt.datetime) -> dict[str, Any]:
    """One dq_result row (warehouse.md), plus the severity the loader may keep.

    checked_at is naive UTC, like etl_run's timestamps: dq_result.checked_at is a plain
    TIMESTAMP, and an aware value would be shifted by the session time zone on insert.
    """
    return {
        "run_id": run_id,
        "suite": o.suite,
        "expectation": o.name,
        "column_name": o.column_name,
        "success": o.success,
        "element_count": o.element_count,
        "unexpected_count": o.unexpected_count,
        "observed_value": o.observed_value,
        "checked_at": checked_at.astimezone(dt.UTC).replace(tzinfo=None),
        "severity": o.severity,
    }


def render_table(
    outcomes: Sequence[CheckOutcome],
    quarantine: Mapping[str, pd.DataFrame],
    rows_checked: Mapping[str, int],
) -> list[dict[str, Any]]:
    """Counts per suite, in suite order, for the Prefect table artifact."""
    rows = []
    for suite in SUITES:
        mine = [o for o in outcomes if o.suite == suite]
        failed = sum(not o.success for o in mine)
        rows.append({
            "suite": suite,
            "expectations": len(mine),
            "passed": len(mine) - failed,
            "failed": failed,
            "critical_failed": sum(o.critical_failure for o in mine),
            "rows_checked": rows_checked[suite],
            "rows_quarantined": len(quarantine[suite]) if suite in quarantine else 0,
        })
    return rows


def _cell(value: Any) -> str:
    """A markdown table cell: one line, no bare `|`, long text cut, nulls empty."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    text = " ".join(display(value).split())
    if len(text) > CELL_CHARS:
        text = text[: CELL_CHARS - 1] + "…"
    return text.replace("|", "\\|")


def _markdown_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def example_rows(o: CheckOutcome, frame: pd.DataFrame) -> pd.DataFrame | None:
    """The check's first EXAMPLE_ROWS offending rows of `frame` by row_id, in the columns the
    markdown quotes: who they are and what was checked.

    First by row_id, not by position, so that the rows quoted for a run validated in chunks
    are the ones a single pass would quote (see `_examples`).
    """
    if o.error or not len(o.row_ids):
        return None
    label = [c for c in ("article_id", "mention", "title") if c in frame.columns]
    checked = [c for c in (o.column_name or "").split(",") if c and c not in label]
    columns = ["row_id", *label, *checked]
    ids = np.sort(o.row_ids)[:EXAMPLE_ROWS]
    return frame.loc[frame["row_id"].isin(ids), columns]


def _examples(o: CheckOutcome) -> list[str]:
    """The first EXAMPLE_ROWS of the example rows the chunks of the run gathered."""
    if o.example_rows is None:
        return []
    rows = o.example_rows.sort_values("row_id").head(EXAMPLE_ROWS)
    return _markdown_table(list(rows.columns), rows.itertuples(index=False, name=None))


def render_markdown(
    run_id: str,
    outcomes: Sequence[CheckOutcome],
    table: Sequence[Mapping[str, Any]],
    batch_failures: Sequence[str],
    docs_index: pathlib.Path,
    note: str | None = None,
) -> str:
    """The Prefect markdown artifact: verdict, per-suite counts, top failures with examples."""
    failures = [o for o in outcomes if not o.success]
    critical = [o for o in failures if o.severity == "critical"]
    if batch_failures:
        verdict = "FAILED — whole run quarantined (batch-level critical check failed)"
    elif critical:
        verdict = "FAILED — offending rows quarantined (critical checks failed)"
    elif failures:
        verdict = "PASSED with warnings"
    else:
        verdict = "PASSED"
    if note:
        verdict += f" ({note})"
    lines = [
        f"# Data quality — run `{_cell(run_id)}`",
        "",
        (
            f"**{verdict}**: {len(outcomes) - len(failures)} of {len(outcomes)} expectations"
            f" passed, {len(critical)} critical and {len(failures) - len(critical)} warning"
            " failures."
        ),
        "",
    ]
    if batch_failures:
        lines += [f"Batch-level failures: {', '.join(f'`{n}`' for n in batch_failures)}", ""]
    header = ["suite", "status", "expectations", "passed", "failed", "critical_failed",
              "rows_checked", "rows_quarantined"]
    lines += _markdown_table(header, [
        [r["suite"], "failed" if r["failed"] else "passed",
         *(r[k] for k in header[2:])]
        for r in table
    ])
    if failures:
        lines += ["", "## Top failures"]
        ranked = sorted(failures, key=lambda o: (o.severity != "critical", -o.unexpected_count))
        for o in ranked[:TOP_FAILURES]:
            lines += ["", f"### `{o.name}` ({o.severity})", ""]
            if o.suite != BATCH_SUITE and not o.error:
                lines.append(f"{o.unexpected_count} of {o.element_count} rows failed.")
                example = _examples(o)
                lines += ["", *example] if example else []
            else:
                lines.append(f"Observed: {_cell(o.observed_value)}")
        if len(ranked) > TOP_FAILURES:
            lines += ["", f"… and {len(ranked) - TOP_FAILURES} more failed expectations."]
    lines += ["", f"Data Docs: `{docs_index}`"]
    return "\n".join(lines) + "\n"
