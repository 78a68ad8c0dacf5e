"""Frames for the data-quality suites, computed from the staged run.

The suites run on pandas frames (Great Expectations 1.24 cannot validate DuckDB through its
SQL datasource, see expectations/runner.py), but the checks that need the body text —
offsets inside the body, mention equal to body[start:end], CJK share — are computed here in
DuckDB over the staged Parquet, so the frames handed to GX never carry article bodies.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import duckdb
import pandas as pd

from transforms.frames import FACT_TABLES, SCHEMAS
from warehouse.sql import sql

_EXTRA = {"row_id": "int64", "offsets_in_body": "bool", "mention_matches": "bool"}


def _empty(table: str, extra: list[str]) -> pd.DataFrame:
    columns = [c for c in SCHEMAS[table] if c != "body"] + extra
    return pd.DataFrame({c: pd.Series(dtype=_EXTRA.get(c, "object")) for c in columns})


def validation_frames(staged: Mapping[str, list[Path]]) -> dict[str, pd.DataFrame]:
    articles = [str(p) for p in staged.get("dim_article", [])]
    frames: dict[str, pd.DataFrame] = {}
    with duckdb.connect() as con:
        if articles:
            frames["articles"] = con.execute(sql("validation/articles"), {"articles": articles}).df()
        else:
            frames["articles"] = _empty("dim_article", ["row_id", "cjk_share"])
        for table in FACT_TABLES:
            facts = [str(p) for p in staged.get(table, [])]
            if facts and articles:
                params = {"facts": facts, "articles": articles}
                frames[table] = con.execute(sql("validation/facts"), params).df()
            else:
                frames[table] = _empty(table, ["row_id", "offsets_in_body", "mention_matches"])
    return frames
