"""`zhfacts dq`: a run's data-quality outcome in the terminal, read from dq_result."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from warehouse.sql import sql
from zhfacts.reading import read_only


class UnknownRun(LookupError):
    pass


def print_dq(warehouse: Path, run_id: str | None, console: Console) -> bool:
    """Print the summary; returns whether every critical expectation passed."""
    with read_only(warehouse) as con:
        header = con.execute(sql("queries/dq_run_header"), {"run_id": run_id}).fetchall()
        rows = con.execute(sql("queries/dq_run"), {"run_id": run_id}).fetchall()
    if not rows:
        raise UnknownRun(f"{warehouse}: no data-quality results" + (f" for run {run_id}" if run_id else ""))
    rid, started, status, seen, new, rejected, quarantined = header[0]
    failed = [r for r in rows if not r[4]]
    critical = [r for r in failed if r[3] == "critical"]
    verdict = "[red]FAILED[/]" if critical else ("[yellow]WARNINGS[/]" if failed else "[green]PASSED[/]")
    console.print(f"run {rid}  {started or ''}  status={status or 'not loaded'}  data quality {verdict}")
    console.print(f"files seen {seen}, new articles {new}, rejected {rejected}, rows quarantined {quarantined}")
    per_suite = Table("suite", "expectations", "passed", "failed", "critical failed", title="suites")
    for suite in sorted({r[0] for r in rows}):
        mine = [r for r in rows if r[0] == suite]
        bad = [r for r in mine if not r[4]]
        per_suite.add_row(suite, str(len(mine)), str(len(mine) - len(bad)), str(len(bad)),
                          str(sum(r[3] == "critical" for r in bad)))
    console.print(per_suite)
    # One plain line per failure: names stay whole at any terminal width, and grep finds them.
    for _suite, name, _column, severity, _ok, n, bad, observed in failed:
        console.print(f"FAILED [{severity}] {name}: {bad} of {n} unexpected; observed {observed or '-'}",
                      highlight=False, markup=False, soft_wrap=True)
    return not critical
