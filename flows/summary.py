"""What a run reports at its end: to the terminal, to Prefect artifacts and to tests."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

EXIT_OK = 0
EXIT_QUARANTINE = 4  # the run loaded, but rows failing critical checks were quarantined


@dataclass
class RunSummary:
    run_id: str
    warehouse: Path
    files_seen: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_quarantined: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    table_rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    dq_status: str = "not run"
    dq_failures: list[str] = field(default_factory=list)  # failed critical expectations
    dq_warnings: list[str] = field(default_factory=list)  # failed warning expectations
    data_docs: Path | None = None
    report: Path | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def files_rejected(self) -> int:
        return sum(self.rejects.values())

    @property
    def exit_code(self) -> int:
        return EXIT_QUARANTINE if self.dq_status == "failed" else EXIT_OK

    def lines(self) -> list[tuple[str, str]]:
        rejected = ", ".join(f"{reason} {n}" for reason, n in sorted(self.rejects.items()))
        rows = [
            ("run", self.run_id),
            ("files seen", str(self.files_seen)),
            ("articles new", str(self.articles_new)),
            ("articles unchanged", str(self.articles_unchanged)),
            ("files rejected", f"{self.files_rejected}" + (f" ({rejected})" if rejected else "")),
        ]
        if self.articles_quarantined:
            rows.append(("articles quarantined", str(self.articles_quarantined)))
        rows += [(f"rows in {t}", str(n)) for t, n in self.table_rows.items()]
        rows += [
            ("data quality", self.dq_status
             + (f"; critical: {', '.join(self.dq_failures[:5])}" if self.dq_failures else "")
             + (f"; warnings: {', '.join(self.dq_warnings[:5])}" if self.dq_warnings else "")),
            ("seconds", f"{self.seconds:.1f}"),
            ("worker seconds by stage", ", ".join(
                f"{stage} {sec:.1f}" for stage, sec in self.stage_seconds.items())),
            ("warehouse", str(self.warehouse)),
        ]
        if self.data_docs:
            rows.append(("data docs", str(self.data_docs)))
        if self.report:
            rows.append(("report", str(self.report)))
        return rows

    def markdown(self) -> str:
        body = "\n".join(f"| {k} | {v} |" for k, v in self.lines())
        return f"# zhfacts run summary\n\n| | |\n|---|---|\n{body}\n"

    def print(self, console: Console) -> None:
        table = Table(title="zhfacts run", show_header=False, title_justify="left")
        for key, value in self.lines():
            table.add_row(key, value)
        console.print(table)

    def stage_lines(self) -> list[str]:
        """Machine-readable stage timings (``stage <name> <seconds>s``) for benchmarks."""
        return [f"stage {stage} {sec:.3f}s" for stage, sec in self.stage_seconds.items()]
