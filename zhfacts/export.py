"""Fact tables as files, for people whose tools read Parquet or CSV rather than DuckDB.

Each fact table is written whole, with its dimensions joined (article, region path,
measure names: warehouse/queries/export_<table>.sql), so a file is usable on its own
without re-creating the joins in a spreadsheet. The warehouse is opened read-only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from transforms.frames import FACT_TABLES
from warehouse.sql import sql
from zhfacts.reading import read_only

Format = Literal["parquet", "csv"]
FORMATS: tuple[Format, ...] = ("parquet", "csv")


def export_tables(warehouse: Path, fmt: Format, out_dir: Path) -> dict[str, int]:
    """Write ``<out_dir>/<fact table>.<fmt>`` for every fact table; returns rows per file
    name, as read back from the written file (so a short write cannot go unnoticed)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use parquet or csv")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    with read_only(warehouse) as con:
        for table in FACT_TABLES:
            target = out_dir / f"{table}.{fmt}"
            relation = con.sql(sql(f"queries/export_{table}"))
            if fmt == "parquet":
                relation.to_parquet(str(target))
            else:
                relation.to_csv(str(target), header=True)
            count = con.sql(sql(f"queries/export_count_{fmt}"), params={"path": str(target)})
            written[target.name] = count.fetchall()[0][0]
    return written
