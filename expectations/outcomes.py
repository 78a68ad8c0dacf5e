"""What one evaluated check concluded, and the quarantine that follows from the critical ones.

GX results are bulky (every unexpected value and row index, as Python lists); the runner
distils each into a `CheckOutcome` as soon as its suite has run, keeping only the
offending row ids as one int64 array and the few first offending rows the reports quote,
so a 1M-row run holds GX's lists for one suite only.

A run is validated in chunks that partition its articles (every fact travels with its
article), so the outcomes of one check over the chunks add up to the outcome over the
whole run: `merge` sums them, and `quarantine` runs per chunk with an exact cascade.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from expectations.suites import BATCH_SUITE, ROW_SUITES, SUITES, Severity

# Unexpected values quoted in dq_result.observed_value for a failed row check.
OBSERVED_EXAMPLES = 3
# What observed_value says for a check that had no rows because the run brought none.
NOTHING_NEW = "no new rows to validate"


def display(value: Any) -> str:
    """A value as an analyst would write it: dates without midnight, no numpy reprs."""
    if isinstance(value, (list, tuple)):
        return "(" + ", ".join(display(v) for v in value) + ")"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, np.generic):
        return str(value.item())
    return str(value)


@dataclass(frozen=True)
class CheckOutcome:
    """One expectation of one suite, over one chunk of a run or (merged) the whole run."""

    suite: str
    name: str
    severity: Severity
    column_name: str | None
    success: bool
    element_count: int
    unexpected_count: int
    row_ids: np.ndarray  # int64 `row_id`s of the frame's offending rows (empty for `run`)
    error: str | None = None  # GX raised instead of evaluating
    # What the `run` suite saw (a metric); row checks describe their counts and examples.
    observed: str | None = None
    # (row_id, unexpected value as GX reports it) of the first offending rows of each chunk.
    unexpected: tuple[tuple[int, Any], ...] = ()
    # The first offending rows of each chunk, as the markdown report quotes them.
    example_rows: pd.DataFrame | None = None

    @property
    def critical_failure(self) -> bool:
        return self.severity == "critical" and not self.success

    @property
    def observed_value(self) -> str:
        """A short human reading of what was seen, for dq_result.observed_value."""
        if self.error:
            return f"error: {self.error}"
        if self.observed is not None:
            return self.observed
        text = f"{self.unexpected_count} of {self.element_count} unexpected"
        examples = [value for _, value in sorted(self.unexpected, key=lambda e: e[0])]
        examples = examples[:OBSERVED_EXAMPLES]
        return f"{text}, e.g. {', '.join(map(display, examples))}" if examples else text


def nothing_new(suites: Iterable[str]) -> list[CheckOutcome]:
    """Every check of `suites` as passed over zero rows: the run brought nothing to judge."""
    return [
        CheckOutcome(
            suite=suite, name=check.name, severity=check.severity,
            column_name=",".join(check.columns) or None, success=True, element_count=0,
            unexpected_count=0, row_ids=np.empty(0, np.int64), observed=NOTHING_NEW,
        )
        for suite in suites
        for check in SUITES[suite]
    ]


def merge(parts: Sequence[Sequence[CheckOutcome]]) -> list[CheckOutcome]:
    """One outcome per check from its outcomes over the chunks of a run.

    Every part lists the same checks in the same order. Counts add up because the chunks
    partition the rows; a check passes if it passed in every chunk.
    """
    merged = []
    for same in zip(*parts, strict=True):
        examples = [o.example_rows for o in same if o.example_rows is not None]
        merged.append(replace(
            same[0],
            success=all(o.success for o in same),
            element_count=sum(o.element_count for o in same),
            unexpected_count=sum(o.unexpected_count for o in same),
            row_ids=np.concatenate([o.row_ids for o in same]),
            error=next((o.error for o in same if o.error), None),
            unexpected=tuple(e for o in same for e in o.unexpected),
            example_rows=pd.concat(examples, ignore_index=True) if examples else None,
        ))
    return merged


# (check name, offending row_ids) — the quarantine's raw material, per frame.
Failures = list[tuple[str, np.ndarray]]


def _article_cascade(
    articles: pd.DataFrame, failures: Failures, facts: pd.DataFrame
) -> Failures:
    """Facts of quarantined articles, blamed on the article's checks.

    Loading them would break the warehouse guarantee that every fact joins to its
    dim_article row, so they follow their article into quarantine.
    """
    cascade = []
    for name, row_ids in failures:
        bad = articles.loc[articles["row_id"].isin(row_ids), "article_id"].unique()
        hit = facts.loc[facts["article_id"].isin(bad), "row_id"].to_numpy(dtype=np.int64)
        if len(hit):
            cascade.append((name, hit))
    return cascade


def _collapse(failures: Failures) -> pd.DataFrame:
    """One row per row_id, its failed checks joined by ", " in suite order.

    Vectorised per check, not per row: a broken extractor can fail a million rows.
    """
    if not failures:
        return pd.DataFrame({"row_id": pd.Series(dtype="int64"),
                             "failed_check": pd.Series(dtype="object")})
    ids = np.unique(np.concatenate([row_ids for _, row_ids in failures]))
    names = pd.Series("", index=ids, dtype="object")
    for name, row_ids in failures:
        rows = np.unique(row_ids)
        current = names.loc[rows].to_numpy()
        names.loc[rows] = np.where(current == "", name, current + ", " + name)
    return pd.DataFrame({"row_id": ids, "failed_check": names.to_numpy()})


def quarantine(
    outcomes: Iterable[CheckOutcome], frames: Mapping[str, pd.DataFrame]
) -> dict[str, pd.DataFrame]:
    """Per frame key, the rows a critical check failed: `row_id`, `failed_check`."""
    outcomes = list(outcomes)
    failures: dict[str, Failures] = {
        key: [(o.name, o.row_ids) for o in outcomes
              if o.suite == key and o.critical_failure and len(o.row_ids)]
        for key in frames
        if key != BATCH_SUITE
    }
    if failures.get("articles"):
        for key, facts in frames.items():
            if key.startswith("fact_"):
                failures[key] += _article_cascade(frames["articles"], failures["articles"], facts)
    return {key: _collapse(f) for key, f in failures.items()}


def merge_quarantines(parts: Sequence[Mapping[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The chunks' quarantines as one, per row suite, in row_id order like `_collapse`'s.

    Empty parts are left out: their object-typed failed_check would turn the strings of
    the others into objects, and the merge would then differ from a single pass.
    """
    merged = {}
    for key in ROW_SUITES:
        frames = [part[key] for part in parts if len(part[key])]
        merged[key] = (
            pd.concat(frames, ignore_index=True).sort_values("row_id", ignore_index=True)
            if frames else _collapse([])
        )
    return merged
