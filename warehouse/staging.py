"""The staging area of a run: one Parquet file per table per batch, on local disk.

Transform tasks (in threads, processes or Dask workers) write here instead of returning
article text to the flow, so memory stays flat in the corpus size and nothing crosses a
process boundary but file names and counts. The loader publishes the whole area in one
transaction, then the area is deleted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl

ROW_ID_BITS = 32  # row_id = batch_no << 32 | row index: unique in the run, stable per batch


def staging_dir(warehouse_path: Path, run_id: str) -> Path:
    return warehouse_path.parent / ".staging" / run_id


def write_batch(area: Path, batch_no: int, frames: dict[str, pl.DataFrame]) -> dict[str, int]:
    """Write a batch's frames; returns rows per table."""
    rows = {}
    for table, frame in frames.items():
        folder = area / table
        folder.mkdir(parents=True, exist_ok=True)
        ids = pl.int_range(pl.len(), dtype=pl.Int64) + (batch_no << ROW_ID_BITS)
        frame.with_columns(ids.alias("row_id")).write_parquet(folder / f"{batch_no:06d}.parquet")
        rows[table] = frame.height
    return rows


def staged_files(area: Path) -> dict[str, list[Path]]:
    if not area.exists():
        return {}
    return {folder.name: sorted(folder.glob("*.parquet")) for folder in area.iterdir() if folder.is_dir()}


def remove(area: Path) -> None:
    shutil.rmtree(area, ignore_errors=True)
    parent = area.parent
    if parent.name == ".staging" and parent.exists() and not any(parent.iterdir()):
        parent.rmdir()
