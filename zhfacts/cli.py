"""The `zhfacts` command line."""

from __future__ import annotations

import atexit
import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from flows.summary import EXIT_QUARANTINE
from zhfacts.quick_exit import exit_now
from zhfacts.settings import Settings

_exit_code: int | None = None


def _exit_without_teardown() -> None:
    """End the `zhfacts` process as soon as the atexit handlers have run.

    Registered at import, so it runs after every handler registered later (Prefect's
    queue drains and server stop among them). What it skips is the interpreter's teardown:
    freeing the GX, pandas, polars and jieba heaps module by module costs 2–4 s at the end
    of every run, and DuckDB 2.0's nanobind bindings then list "leaked" objects on stderr
    (noise, stack notes §3). Only `main()` arms it, with the exit code to keep; code that
    imports this module (tests with typer's CliRunner) exits the ordinary way.
    """
    if _exit_code is None:
        return
    exit_now(_exit_code)  # flushes logging too: its atexit handler would run after us


atexit.register(_exit_without_teardown)

app = typer.Typer(
    help="Scraped Chinese news pages → validated DuckDB warehouse of facts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)


def fail(message: str, code: int = 2) -> None:
    """Exit with a one-line reason: users should never need a traceback to know why."""
    console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@app.command()
def run(
    input: Annotated[Path | None, typer.Option("--input", "-i", help="Folder of raw *.txt pages.")] = None,
    warehouse: Annotated[Path | None, typer.Option("--warehouse", "-w", help="DuckDB file.")] = None,
    full_refresh: Annotated[bool, typer.Option("--full-refresh", help="Re-extract unchanged files too.")] = False,
    batch_size: Annotated[int | None, typer.Option("--batch-size", min=1, help="Articles per task run.")] = None,
    task_runner: Annotated[str | None, typer.Option("--task-runner", help="auto | thread | process | dask")] = None,
    dask_address: Annotated[str | None, typer.Option("--dask-address", help="tcp://… of a Dask scheduler.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Parallel workers.")] = None,
) -> None:
    """Run the pipeline: discover → decode → transform → validate → load."""
    overrides = {
        "input_path": input,
        "warehouse_path": warehouse,
        "full_refresh": full_refresh or None,
        "batch_size": batch_size,
        "task_runner": task_runner,
        "dask_address": dask_address,
        "workers": workers,
    }
    try:
        settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValueError as exc:
        fail(f"invalid option: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}")  # type: ignore[attr-defined]
    from flows.runner import PipelineError, run_pipeline

    try:
        summary = run_pipeline(settings, progress=sys.stderr.isatty())
    except PipelineError as exc:
        fail(str(exc), exc.exit_code)
    summary.print(console)
    for line in summary.stage_lines():
        typer.echo(line, err=True)
    if summary.exit_code:
        fail(f"critical data-quality checks failed ({', '.join(summary.dq_failures) or 'batch-level'}); "
             f"offending rows are in the quarantine_* tables — see `zhfacts dq -w {summary.warehouse}`",
             summary.exit_code)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold *.json files.")],
    input: Annotated[list[Path] | None, typer.Option("--input", "-i", help="Folder(s) holding the raw pages; repeatable.")] = None,
    warehouse: Annotated[Path | None, typer.Option("--warehouse", "-w", help="Warehouse to run into (default: a temporary one).")] = None,
    diff: Annotated[bool, typer.Option("--diff", help="List false positives (+) and negatives (-) per article.")] = False,
    quick: Annotated[bool, typer.Option("--quick", help="Run the transforms in-process, without Prefect or DuckDB.")] = False,
    pred_out: Annotated[Path | None, typer.Option("--pred-out", help="Also write the prediction JSON files here.")] = None,
) -> None:
    """Precision, recall and F1 per field against gold, as facts.md defines them."""
    from transforms.scoring import format_score
    from zhfacts import evaluation

    if not gold.is_dir():
        fail(f"{gold}: gold folder not found")
    gold_docs = evaluation.gold_files(gold)
    inputs = input or [gold]
    for folder in inputs:
        if not folder.is_dir():
            fail(f"{folder}: input folder not found")
    pages = evaluation.find_raw_pages(set(gold_docs), inputs)
    missing = sorted(set(gold_docs) - set(pages))
    if missing:
        console.print(f"[yellow]no raw page for {len(missing)} gold file(s): {', '.join(missing)}[/]")
    if quick:
        preds = evaluation.quick_predictions(pages)
    else:
        preds = _pipeline_predictions(pages, warehouse)
    if pred_out:
        evaluation.write_predictions(preds, pred_out)
    result = evaluation.score_predictions(gold_docs, preds)
    if diff:
        for name, lines in result.diff.items():
            typer.echo(f"== {name}")
            for line in lines:
                typer.echo(f"  {line}")
        typer.echo("")
    typer.echo(f"articles: {result.articles} gold, {len(preds)} predicted")
    typer.echo(format_score(result))


@app.command()
def dq(
    warehouse: Annotated[Path | None, typer.Option("--warehouse", "-w", help="DuckDB file.")] = None,
    run_id: Annotated[str | None, typer.Option("--run", help="Run id (default: the latest run).")] = None,
) -> None:
    """Data-quality summary of a run: suites passed/failed, failing expectations, quarantine."""
    from warehouse.loader import WarehouseLocked
    from zhfacts.dq import UnknownRun, print_dq
    from zhfacts.reading import SchemaOutdated

    path = warehouse or Settings().warehouse_path
    try:
        ok = print_dq(path, run_id, Console())
    except (FileNotFoundError, SchemaOutdated, UnknownRun, WarehouseLocked) as exc:
        fail(str(exc))
    if not ok:
        raise typer.Exit(EXIT_QUARANTINE)


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port of the local Prefect server.")] = 4200,
    interval: Annotated[int | None, typer.Option("--interval", min=10, help="Also schedule runs every N seconds.")] = None,
    cron: Annotated[str | None, typer.Option("--cron", help="Also schedule runs on this cron expression.")] = None,
    input: Annotated[Path | None, typer.Option("--input", "-i", help="Default input folder of the deployments.")] = None,
    warehouse: Annotated[Path | None, typer.Option("--warehouse", "-w", help="Default warehouse of the deployments.")] = None,
) -> None:
    """Start a local Prefect server (unless PREFECT_API_URL is set) and serve the deployments."""
    from flows.runner import configure_prefect
    from flows.server import ServerError, api_url, start_server

    if interval and cron:
        fail("give --interval or --cron, not both")
    settings = Settings(**{k: v for k, v in {"input_path": input, "warehouse_path": warehouse}.items() if v})
    configure_prefect()
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        console.print(f"starting a Prefect server on 127.0.0.1:{port} …")
        try:
            server = start_server(port)
        except ServerError as exc:
            fail(str(exc))
        os.environ["PREFECT_API_URL"] = api_url(port)
    ui = os.environ["PREFECT_API_URL"].removesuffix("/api")
    from flows.deployments import build_deployments, serve_deployments

    try:
        deployments = build_deployments(settings.input_path.resolve(), settings.warehouse_path.resolve(), interval, cron)
        console.print(f"Prefect UI: {ui}  —  deployments: "
                      + ", ".join(f"zhfacts-pipeline/{d.name}" for d in deployments)
                      + "  (Ctrl-C stops everything)")
        serve_deployments(deployments)
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.stop()
            console.print("Prefect server stopped")


@app.command()
def report(
    warehouse: Annotated[Path | None, typer.Option("--warehouse", "-w", help="DuckDB file.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder (default: report/ beside the warehouse).")] = None,
) -> None:
    """Write the self-contained HTML report (charts with their evidence sentences)."""
    from warehouse.loader import WarehouseLocked
    from zhfacts.reading import SchemaOutdated
    from zhfacts.report import default_out_dir, write_report

    path = warehouse or Settings().warehouse_path
    try:
        index = write_report(path, out or default_out_dir(path))
    except (FileNotFoundError, SchemaOutdated, WarehouseLocked) as exc:
        fail(str(exc))
    typer.echo(str(index))


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="parquet or csv.")] = ExportFormat.parquet,
    warehouse: Annotated[Path | None, typer.Option("--warehouse", "-w", help="DuckDB file.")] = None,
) -> None:
    """Write every fact table, with its dimensions joined, as Parquet or CSV files."""
    from warehouse.loader import WarehouseLocked
    from zhfacts.export import export_tables
    from zhfacts.reading import SchemaOutdated

    path = warehouse or Settings().warehouse_path
    try:
        written = export_tables(path, format.value, out)
    except (FileNotFoundError, SchemaOutdated, WarehouseLocked) as exc:
        fail(str(exc))
    for name, rows in written.items():
        typer.echo(f"{out / name}\t{rows} rows")


def _pipeline_predictions(pages: dict[str, Path], warehouse: Path | None) -> dict:
    import shutil

    from flows.runner import PipelineError, run_pipeline
    from zhfacts import evaluation

    with tempfile.TemporaryDirectory(prefix="zhfacts-eval-") as tmp:
        staged = Path(tmp) / "input"
        staged.mkdir()
        for path in pages.values():
            shutil.copy2(path, staged / path.name)
        target = warehouse or Path(tmp) / "eval.duckdb"
        settings = Settings(input_path=staged, warehouse_path=target, full_refresh=True,
                            data_docs_dir=Path(tmp) / "data_docs")
        try:
            run_pipeline(settings, progress=False)
        except PipelineError as exc:
            fail(str(exc), exc.exit_code)
        return evaluation.warehouse_predictions(target)


def main() -> None:
    """The console entry point: the app, then a quick exit with its code."""
    global _exit_code
    try:
        app()
    except SystemExit as exc:
        _exit_code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
        raise
    except BaseException:  # the traceback prints first, then the atexit handlers run
        _exit_code = 1
        raise


if __name__ == "__main__":
    main()
