"""The data-quality suites of a run, one declarative table per stage.

Each row of a table is a `Check`: a Great Expectations expectation class, its kwargs, a
severity and a stable readable name. The name is what `dq_result.expectation` and the
quarantine tables' `failed_check` carry, so it must not change when kwargs are tuned.

Run-dependent values (a frame's codes that dim_region / dim_measure lack, and "today") are
GX suite parameters (`{"$PARAMETER": …}`) filled in at validation time: the stored suites
then stay identical from run to run, which keeps the Data Docs history comparable and the
suite JSON small.

Severity decides what a failure does: `critical` quarantines the offending rows (or, for
the `run` suite, the whole run); `warning` loads the rows and only reports.

The tables name GX classes and row conditions without importing Great Expectations (≈6 s of
CPU): a run with nothing new reads the suites to report every check, and must stay cheap.
Only `Check.build`, called when GX really runs, imports it.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["critical", "warning"]

# Suite parameters naming the codes of a frame that dim_region / dim_measure lack (see
# _known_code): empty when every code is known.
REGION_CODES = "unknown_region_codes"
MEASURE_CODES = "unknown_measure_codes"
TODAY = "today"

UNIT_CLASSES = ("money", "percent", "count", "duration", "other")
GRANULARITIES = ("day", "month", "year")
SCRIPTS = ("simplified", "traditional", "mixed")

# The People's Republic's founding: the corpus is PRC local news, so an earlier
# publish_date is a mis-parse (a founding year or a copyright line), not an old article.
EARLIEST_PUBLISH_DATE = dt.datetime(1949, 1, 1)

# Run-suite bands are judged only on runs big enough for a rate to mean something: the
# 5-sample run or "2 good articles + 2 bad files" must not fail a batch check by chance.
MIN_ARTICLES_FOR_BANDS = 20
MIN_FILES_FOR_BANDS = 20

# Columns every fact frame carries (warehouse contract, warehouse.md "Facts").
FACT_KEY_COLUMNS = ("article_id", "sentence_no", "start", "end", "mention")

# Columns handed to the frames as dates; the runner converts them to datetime64 so that
# GX compares them with the datetime bounds below.
DATE_COLUMNS = ("publish_date", "date_start", "date_end")


def param(name: str) -> dict[str, str]:
    """A GX suite-parameter reference, resolved from `expectation_parameters` at run time."""
    return {"$PARAMETER": name}


_OPERATORS = {"==": operator.eq, ">=": operator.ge}


@dataclass(frozen=True)
class Condition:
    """A GX row condition (`column op value`), spelled without importing GX.

    Its repr is GX's own (`unit == %`), so rules and observed values read the same.
    """

    column: str
    op: Literal["==", ">="]
    value: Any

    def __repr__(self) -> str:
        return f"{self.column} {self.op} {self.value}"

    def build(self) -> Any:
        from great_expectations.expectations.row_conditions import Column

        return _OPERATORS[self.op](Column(self.column), self.value)


@dataclass(frozen=True)
class Check:
    """One expectation of a suite, with the name, rule and severity the project reports.

    `rule` replaces GX's generated sentence in Data Docs (as the expectation's description),
    so each result line there carries the same name as dq_result and the quarantine.
    """

    name: str
    rule: str
    expectation: str  # class name in great_expectations.expectations
    kwargs: dict[str, Any] = field(default_factory=dict)
    severity: Severity = "critical"

    @property
    def columns(self) -> tuple[str, ...]:
        """Columns the check reads (for dq_result.column_name and the frame schema check)."""
        cols = [self.kwargs[k] for k in ("column", "column_A", "column_B") if k in self.kwargs]
        return tuple(cols)

    def build(self) -> Any:
        """The GX expectation, carrying name and severity in `meta` so results map back."""
        import great_expectations.expectations as gxe

        kwargs = {k: v.build() if isinstance(v, Condition) else v for k, v in self.kwargs.items()}
        return getattr(gxe, self.expectation)(
            **kwargs,
            severity=self.severity,
            meta={"name": self.name, "severity": self.severity},
            description=f"{self.name} [{self.severity}]: {self.rule}",
        )


def _not_null(suite: str, columns: tuple[str, ...]) -> list[Check]:
    return [
        Check(f"{suite}.{c}_not_null", f"{c} is never null",
              "ExpectColumnValuesToNotBeNull", {"column": c})
        for c in columns
    ]


def _in_set(
    suite: str, name: str, column: str, values: tuple[Any, ...], severity: Severity = "critical"
) -> Check:
    """Membership in a fixed set. Nulls are not judged (GX skips them): nullable columns
    only need a known value when set."""
    return Check(
        f"{suite}.{name}", f"{column}, when set, is one of {', '.join(map(str, values))}",
        "ExpectColumnValuesToBeInSet", {"column": column, "value_set": list(values)}, severity,
    )


# code column → (reference table, parameter naming a frame's codes that the table lacks)
_REFERENCES = {"region_code": ("dim_region", REGION_CODES),
               "measure_code": ("dim_measure", MEASURE_CODES)}


def _known_code(suite: str, column: str) -> Check:
    """A code column, when set, holds a code of a reference table.

    Checked in the negative: the value is not among the frame's codes that the table lacks
    (the `unknown` parameter, filled in per frame by the runner). That fails exactly the
    rows "value in the table" fails, and GX still quotes the offending codes, but the set
    GX carries is empty on good data instead of every code present: GX copies an
    expectation's kwargs for each metric it computes (pydantic), and with the ~3,000
    region codes of a large run that copying cost ≈1.2 s per suite and chunk.
    """
    table, unknown = _REFERENCES[column]
    return Check(
        f"{suite}.{column}_in_{table}", f"{column}, when set, is a {column} of {table}",
        "ExpectColumnValuesToNotBeInSet", {"column": column, "value_set": param(unknown)},
    )


def _not_future(suite: str, column: str, severity: Severity) -> Check:
    return Check(
        f"{suite}.{column}_not_future", f"{column} is not after the run's date",
        "ExpectColumnValuesToBeBetween", {"column": column, "max_value": param(TODAY)},
        severity,
    )


def _fact_checks(suite: str, required: tuple[str, ...]) -> list[Check]:
    """What every fact table must satisfy: keys present and the mention really in the body.

    `mention_matches` (mention == body[start:end]) and `offsets_in_body`
    (0 <= start < end <= len(body)) are computed in DuckDB next to the bodies before
    validation, so the frames never carry article text.
    """
    return [
        *_not_null(suite, FACT_KEY_COLUMNS + required),
        Check(f"{suite}.mention_matches_body", "mention equals body[start:end]",
              "ExpectColumnValuesToBeInSet", {"column": "mention_matches", "value_set": [True]}),
        Check(f"{suite}.offsets_in_body", "0 <= start < end <= length of the body",
              "ExpectColumnValuesToBeInSet", {"column": "offsets_in_body", "value_set": [True]}),
    ]


ARTICLES: tuple[Check, ...] = (
    *_not_null("articles", ("article_id", "script", "raw_chars", "body_chars", "cjk_share")),
    Check("articles.article_id_unique", "no article_id appears twice in the run",
          "ExpectColumnValuesToBeUnique", {"column": "article_id"}),
    Check("articles.body_not_empty", "the body has at least one character",
          "ExpectColumnValuesToBeBetween", {"column": "body_chars", "min_value": 1}),
    # Below 30% Han characters the "body" is markup, an English page or a menu, not news.
    Check("articles.body_mostly_cjk", "at least 30% of the body is Han characters",
          "ExpectColumnValuesToBeBetween",
          {"column": "cjk_share", "min_value": 0.3, "max_value": 1.0}),
    Check("articles.body_shorter_than_raw", "body_chars <= raw_chars (the body is cut from the page)",
          "ExpectColumnPairValuesAToBeGreaterThanB",
          {"column_A": "raw_chars", "column_B": "body_chars", "or_equal": True,
           "ignore_row_if": "either_value_is_missing"}),
    Check("articles.title_length_sane", "a title, when found, has 2 to 200 characters",
          "ExpectColumnValueLengthsToBeBetween",
          {"column": "title", "min_value": 2, "max_value": 200}, "warning"),
    _not_future("articles", "publish_date", "critical"),
    Check("articles.publish_date_not_before_1949", "publish_date is 1949-01-01 or later",
          "ExpectColumnValuesToBeBetween",
          {"column": "publish_date", "min_value": EARLIEST_PUBLISH_DATE}),
    _in_set("articles", "script_known", "script", SCRIPTS),
)

FACT_REGION: tuple[Check, ...] = (
    *_fact_checks("fact_region", ("region_code",)),
    _known_code("fact_region", "region_code"),
)

FACT_COUNT: tuple[Check, ...] = (
    *_fact_checks("fact_count", ("value", "unit", "unit_class", "approx")),
    _in_set("fact_count", "unit_class_known", "unit_class", UNIT_CLASSES),
    _known_code("fact_count", "region_code"),
    _known_code("fact_count", "measure_code"),
    Check("fact_count.value_non_negative", "value >= 0",
          "ExpectColumnValuesToBeBetween", {"column": "value", "min_value": 0}),
    # A span's high end: null for a single number, so rows with a missing side are skipped.
    Check("fact_count.value_max_ge_value", "value_max, when set, >= value",
          "ExpectColumnPairValuesAToBeGreaterThanB",
          {"column_A": "value_max", "column_B": "value", "or_equal": True,
           "ignore_row_if": "either_value_is_missing"}),
    # Growth rates can exceed 100% (翻两番 = 300%), but four digits is a mis-parse.
    Check("fact_count.percent_sane", "a value in % lies between 0 and 1000",
          "ExpectColumnValuesToBeBetween",
          {"column": "value", "min_value": 0, "max_value": 1000,
           "row_condition": Condition("unit", "==", "%")},
          "warning"),
    # Borrowed from the sentence or the article, so a future one is suspect but not fatal.
    _not_future("fact_count", "date_start", "warning"),
)

FACT_DATE: tuple[Check, ...] = (
    *_fact_checks("fact_date", ("date_start", "date_end", "granularity")),
    _in_set("fact_date", "granularity_known", "granularity", GRANULARITIES),
    Check("fact_date.date_end_ge_date_start", "date_end >= date_start",
          "ExpectColumnPairValuesAToBeGreaterThanB",
          {"column_A": "date_end", "column_B": "date_start", "or_equal": True,
           "ignore_row_if": "either_value_is_missing"}),
    # Articles announce targets ("到2030年"): a future date is worth a look, not a quarantine.
    _not_future("fact_date", "date_start", "warning"),
)

FACT_MEASURE: tuple[Check, ...] = (
    *_fact_checks("fact_measure", ("measure_code",)),
    _known_code("fact_measure", "measure_code"),
    _known_code("fact_measure", "region_code"),
)


def _band(
    name: str, rule: str, column: str, severity: Severity, *, gate: Condition,
    min_value: float | None = None, max_value: float | None = None,
) -> Check:
    """A run-level metric band, judged only when the run is big enough (`gate`)."""
    bounds = {k: v for k, v in (("min_value", min_value), ("max_value", max_value)) if v is not None}
    return Check(
        f"run.{name}", f"{rule} (judged when {gate!r})", "ExpectColumnValuesToBeBetween",
        {"column": column, **bounds, "row_condition": gate}, severity,
    )


_BY_ARTICLES = Condition("articles", ">=", MIN_ARTICLES_FOR_BANDS)
_BY_FILES = Condition("files_seen", ">=", MIN_FILES_FOR_BANDS)

# One row of run metrics (see runner.run_metrics). The bands catch a broken stage or a
# junk feed, which row checks cannot: every row can be valid while half the files were
# rejected or the extractor found nothing.
RUN: tuple[Check, ...] = (
    # More than half the files refused: the feed is not news pages (or decoding broke).
    _band("reject_rate_max", "at most 50% of files rejected", "reject_rate", "critical",
          gate=_BY_FILES, max_value=0.5),
    # Under one fact per article: the extractors are not running or find nothing.
    _band("facts_per_article_min", "at least 1 fact per article", "facts_per_article",
          "critical", gate=_BY_ARTICLES, min_value=1.0),
    # Hundreds of facts per article: an extractor is matching noise.
    _band("facts_per_article_max", "at most 500 facts per article", "facts_per_article",
          "warning", gate=_BY_ARTICLES, max_value=500.0),
    # Local news names a place; most articles without one means the gazetteer broke.
    _band("share_articles_no_region_max", "at most 80% of articles without a region",
          "share_articles_no_region", "critical", gate=_BY_ARTICLES, max_value=0.8),
    _band("share_articles_no_region_warn", "at most 50% of articles without a region",
          "share_articles_no_region", "warning", gate=_BY_ARTICLES, max_value=0.5),
    # Articles with no fact of any kind are menus, notices or empty shells.
    _band("share_articles_no_facts_max", "at most 50% of articles without any fact",
          "share_articles_no_facts", "critical", gate=_BY_ARTICLES, max_value=0.5),
)

RUN_METRIC_COLUMNS = (
    "files_seen", "articles", "reject_rate", "facts_per_article",
    "share_articles_no_region", "share_articles_no_facts",
)

# Suite name → checks. Row suites are named after the frame they validate; `run` is batch-level.
SUITES: dict[str, tuple[Check, ...]] = {
    "articles": ARTICLES,
    "fact_region": FACT_REGION,
    "fact_count": FACT_COUNT,
    "fact_date": FACT_DATE,
    "fact_measure": FACT_MEASURE,
    "run": RUN,
}
BATCH_SUITE = "run"
ROW_SUITES = tuple(s for s in SUITES if s != BATCH_SUITE)
