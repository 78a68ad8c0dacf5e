"""One typed settings object for every entry point.

Values come from defaults, then ``ZHFACTS_*`` environment variables (or a ``.env`` file),
then CLI flags or flow parameters, in that order of precedence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]

TaskRunnerName = Literal["auto", "thread", "process", "dask"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZHFACTS_", env_file=".env", extra="ignore")

    input_path: Path = Field(
        PROJECT_ROOT / "data" / "samples", description="Folder of raw *.txt pages (recursive)."
    )
    warehouse_path: Path = Field(
        PROJECT_ROOT / "warehouse" / "zhfacts.duckdb", description="DuckDB warehouse file."
    )
    batch_size: int | None = Field(
        None, ge=1, le=10_000,
        description="Articles per transform task run (default: a few batches per worker, 200–1000 each).",
    )
    max_file_bytes: int = Field(
        10 * 1024 * 1024, ge=1, description="Larger files are rejected as too_large."
    )
    full_refresh: bool = Field(False, description="Re-extract every file, even unchanged ones.")
    task_runner: TaskRunnerName = Field("auto", description="Where transform batches run.")
    workers: int | None = Field(None, ge=1, description="Parallel workers (default: CPU count).")
    dask_address: str | None = Field(None, description="tcp://host:port of a Dask scheduler.")
    data_docs_dir: Path | None = Field(
        None, description="Data Docs site folder (default: beside the warehouse)."
    )

    def resolved_data_docs_dir(self) -> Path:
        return self.data_docs_dir or self.warehouse_path.parent / "data_docs"
