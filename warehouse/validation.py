"""Frames for the data-quality suites, computed from the staged run one chunk at a time.

The suites run on pandas frames (Great Expectations 1.24 cannot validate DuckDB through its
SQL datasource, see expectations/runner.py), but the checks that need the body text —
offsets inside the body, mention equal to body[start:end], CJK share — are computed here in
DuckDB over the staged Parquet, so the frames handed to GX never carry article bodies.

Frames of a whole run would grow with the corpus (≈3.3 MB per 1,000 articles, plus GX's
copies), so the run is handed over in chunks of at most about CHUNK_ROWS rows: chunk k of n
holds the articles with hash(article_id) % n = k and exactly their facts. Identical files
share an article_id, so duplicates meet in one chunk and per-chunk checks stay exact (see
expectations/runner.py). DuckDB filters while it reads, so building a chunk never holds
more than that chunk, bodies included; the chunk's articles are read once and shared by
its queries.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from pathlib import Path

import duckdb
import pandas as pd

from transforms.frames import FACT_TABLES, SCHEMAS
from warehouse.loader import MEMORY_CONFIG
from warehouse.sql import run_file, sql

# Articles + facts per validation chunk. Validation runs after the transform workers have
# exited, so the chunk may use the memory they held: 500k rows (≈ 17,000 articles) peak at
# ≈ 840 MB in this process, frames, GX's masks and DuckDB's scan included, whatever the
# corpus size. Smaller chunks cost time: every chunk scans the staged files once and pays
# GX's fixed cost per suite (≈ 2 s).
CHUNK_ROWS = 500_000

_EXTRA = {"row_id": "int64", "offsets_in_body": "bool", "mention_matches": "bool"}


def _empty(table: str, extra: list[str]) -> pd.DataFrame:
    columns = [c for c in SCHEMAS[table] if c != "body"] + extra
    return pd.DataFrame({c: pd.Series(dtype=_EXTRA.get(c, "object")) for c in columns})


def _files(staged: Mapping[str, list[Path]], table: str) -> list[str]:
    return [str(p) for p in staged.get(table, [])]


def chunk_frames(
    staged: Mapping[str, list[Path]], chunk: int, chunks: int
) -> dict[str, pd.DataFrame]:
    """The suites' frames of chunk `chunk` of `chunks` (0-based), in row_id order."""
    articles = _files(staged, "dim_article")
    part = {"chunk": chunk, "chunks": chunks}
    frames: dict[str, pd.DataFrame] = {}
    with duckdb.connect(config=MEMORY_CONFIG) as con:
        if articles:
            run_file(con, "validation/chunk_articles", {"articles": articles, **part})
            frames["articles"] = con.execute(sql("validation/articles")).df()
        else:
            frames["articles"] = _empty("dim_article", ["row_id", "cjk_share"])
        for table in FACT_TABLES:
            facts = _files(staged, table)
            if facts and articles:
                params = {"facts": facts, **part}
                frames[table] = con.execute(sql("validation/facts"), params).df()
            else:
                frames[table] = _empty(table, ["row_id", "offsets_in_body", "mention_matches"])
    return frames


def validation_chunks(
    staged: Mapping[str, list[Path]], chunk_rows: int = CHUNK_ROWS
) -> list[Callable[[], dict[str, pd.DataFrame]]]:
    """The staged run as chunks for expectations.validate_run, each building its frames
    when called; none when no article or fact row was staged."""
    with duckdb.connect(config=MEMORY_CONFIG) as con:
        rows = sum(
            con.execute(sql("validation/staged_rows"), {"files": files}).fetchone()[0]
            for table in ("dim_article", *FACT_TABLES)
            if (files := _files(staged, table))
        )
    n = math.ceil(rows / chunk_rows)
    return [functools.partial(chunk_frames, staged, k, n) for k in range(n)]
