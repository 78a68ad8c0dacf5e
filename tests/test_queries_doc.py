"""docs/queries.md cannot rot: every ```sql block in it runs against the sample warehouse
and must give the documented number of rows and the documented first row; every view is
listed there, and every column of a view is named in its file's header comment.

Run this file as a script to regenerate the documented answers after a deliberate change:
``uv run python tests/test_queries_doc.py`` (then review the diff of docs/queries.md).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.fixtures_warehouse import SAMPLES, build_warehouse

DOC = Path(__file__).resolve().parents[1] / "docs" / "queries.md"
VIEWS = sorted((Path(__file__).resolve().parents[1] / "warehouse" / "views").glob("*.sql"))
_VIEW_NAME = re.compile(r"CREATE OR REPLACE VIEW (\w+) AS")
SHOWN_ROWS = 12  # longer answers show their first rows only
# A ```sql block, then its answer: everything up to the next heading or the end.
_BLOCK = re.compile(r"```sql\n(?P<sql>.*?)```\n(?P<answer>.*?)(?=^#{2,3} |\Z)",
                    re.DOTALL | re.MULTILINE)
_ROWS = re.compile(r"^Result \((?P<n>\d+) rows?[,)]", re.MULTILINE)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Documented:
    sql: str
    rows: int | None  # None: the doc has no answer yet
    first_row: list[str] | None


def cell(value: Any) -> str:
    """A value as the doc's Markdown tables show it (stable across platforms)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.6g}"
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value).replace("|", "\\|").replace("\n", " ")


def parse_row(line: str) -> list[str]:
    return [c.strip() for c in _CELL_SPLIT.split(line.strip().strip("|"))]


def documented(text: str) -> list[Documented]:
    found = []
    for match in _BLOCK.finditer(text):
        answer = match["answer"]
        rows = _ROWS.search(answer)
        table = [line for line in answer.splitlines() if line.startswith("|")]
        found.append(Documented(match["sql"], int(rows["n"]) if rows else None,
                                parse_row(table[2]) if len(table) > 2 else None))
    return found


def run(con: duckdb.DuckDBPyConnection, query: str) -> tuple[list[str], list[tuple]]:
    relation = con.sql(query)
    return relation.columns, relation.fetchall()


def render_answer(columns: list[str], rows: list[tuple]) -> str:
    """The Markdown answer under a query: a row count, then the (first) rows as a table."""
    if not rows:
        return "Result (0 rows): no rows.\n\n"
    shown = "" if len(rows) <= SHOWN_ROWS else f", first {SHOWN_ROWS} shown"
    lines = [f"Result ({len(rows)} row{'s' if len(rows) != 1 else ''}{shown}):", "",
             "| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows[:SHOWN_ROWS]]
    return "\n".join(lines) + "\n\n"


def regenerate(warehouse: Path) -> str:
    """docs/queries.md with every answer recomputed on ``warehouse``."""
    text = DOC.read_text(encoding="utf-8")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        def answer(match: re.Match[str]) -> str:
            return f"```sql\n{match['sql']}```\n\n" + render_answer(*run(con, match["sql"]))

        return _BLOCK.sub(answer, text).rstrip("\n") + "\n"


BLOCKS = documented(DOC.read_text(encoding="utf-8"))


def test_doc_has_ten_answered_questions() -> None:
    assert len(BLOCKS) >= 10
    unanswered = [b.sql.splitlines()[0] for b in BLOCKS if b.rows is None]
    assert not unanswered, f"regenerate the answers (see module docstring): {unanswered}"


@pytest.mark.parametrize("block", BLOCKS, ids=[f"query{i}" for i in range(1, len(BLOCKS) + 1)])
def test_documented_query_gives_documented_answer(
    sample_warehouse: Path,
    block: Documented,
) -> None:
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        _, rows = run(con, block.sql)
    assert len(rows) == block.rows
    if rows:
        assert [cell(v) for v in rows[0]] == block.first_row


@pytest.mark.parametrize("view_file", VIEWS, ids=[v.stem for v in VIEWS])
def test_view_is_documented(
    sample_warehouse: Path,
    view_file: Path,
) -> None:
    text = view_file.read_text(encoding="utf-8")
    name = _VIEW_NAME.search(text)
    assert name, f"{view_file.name} must be a CREATE OR REPLACE VIEW"
    assert f"`{name[1]}`" in DOC.read_text(encoding="utf-8")
    header = " ".join(line for line in text.splitlines() if line.startswith("--"))
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        columns = con.sql("SELECT column_name FROM duckdb_columns() WHERE table_name = $view",
                          params={"view": name[1]}).fetchall()
    assert columns
    undocumented = [c for (c,) in columns if not re.search(rf"\b{re.escape(c)}\b", header)]
    assert not undocumented, f"{view_file.name}: name these columns in its header comment"


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        built = build_warehouse(Path(folder) / "zhfacts.duckdb", SAMPLES.glob("*.txt"), SAMPLES)
        DOC.write_text(regenerate(built), encoding="utf-8")
    print(f"rewrote {DOC}", file=sys.stderr)
