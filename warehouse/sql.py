"""SQL lives in .sql files beside this module; this reads them by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SQL_ROOT = Path(__file__).resolve().parent


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
