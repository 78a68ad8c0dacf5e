"""What one evaluated check concluded, and the quarantine that follows from the critical ones.

GX results are bulky (every unexpected value and row index, as Python lists); the runner
distils each into a `CheckOutcome` as soon as its suite has run, keeping only the
offending row ids as one int64 array, so a 1M-row run holds GX's lists for one suite only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from expectations.suites import BATCH_SUITE, Severity


@dataclass(frozen=True)
class CheckOutcome:
    """One expectation of one suite in one run."""

    suite: str
    name: str
    severity: Severity
    column_name: str | None
    success: bool
    element_count: int
    unexpected_count: int
    observed_value: str
    row_ids: np.ndarray  # int64 `row_id`s of the frame's offending rows (empty for `run`)
    error: str | None = None  # GX raised instead of evaluating

    @property
    def critical_failure(self) -> bool:
        return self.severity == "critical" and not self.success


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
