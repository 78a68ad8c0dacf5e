"""SQL lives in .sql files beside this module; this reads them by name and runs them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

SQL_ROOT = Path(__file__).resolve().parent
_PARAM = re.compile(r"\$([a-z_]+)")


@cache
def sql(name: str) -> str:
    """Text of ``warehouse/<name>.sql``, e.g. ``sql("queries/prediction_counts")``."""
    path = SQL_ROOT / f"{name}.sql"
    return path.read_text(encoding="utf-8")


def statements(name: str) -> list[str]:
    """The statements of a multi-statement file, in order (split on ``;`` at line ends)."""
    parts = [s.strip() for s in sql(name).split(";\n")]
    return [p.rstrip(";") for p in parts if p and not all(
        line.strip().startswith("--") or not line.strip() for line in p.splitlines())]


def run_file(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None,
             **identifiers: str) -> None:
    """Run each statement of a .sql file with the ``params`` it names; ``identifiers`` fill
    ``{table}``-style names (only from the warehouse's fixed table lists, never from user
    input)."""
    for statement in statements(name):
        text = statement.format(**identifiers) if identifiers else statement
        used = {k: v for k, v in (params or {}).items() if k in set(_PARAM.findall(text))}
        con.execute(text, used)
