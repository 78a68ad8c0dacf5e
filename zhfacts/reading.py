"""Read-only access to the warehouse for the report and the exports.

A run holds DuckDB's write lock only while it prepares the warehouse and during its final
load transaction (seconds), so a reader that meets the lock waits a little and tries again
instead of failing; a reader never takes the write lock, so it cannot block a run for long
and cannot change the file.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import duckdb

from warehouse import loader


class SchemaOutdated(RuntimeError):
    """The warehouse lacks a view or table this code reads: it was built by an older
    zhfacts. Views are (re)created by every run, so one run brings it up to date."""


# Waits between attempts, in seconds: about 15 s in all, longer than a sample run's load.
RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0)


@contextmanager
def read_only(path: Path,
              delays: tuple[float, ...] = RETRY_DELAYS) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to an existing warehouse, retried while a run writes.
    A missing view or table inside the block becomes SchemaOutdated, which says what to do."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no warehouse here (run `zhfacts run` first)")
    with ExitStack() as stack:
        for delay in (*delays, None):
            try:
                con = stack.enter_context(loader.connect(path, read_only=True))
                break
            except loader.WarehouseLocked:
                if delay is None:
                    raise
                time.sleep(delay)
        try:
            yield con
        except duckdb.CatalogException as exc:
            raise SchemaOutdated(
                f"{path}: warehouse schema is older than this zhfacts "
                f"({str(exc).splitlines()[0]}); run `zhfacts run` once to update its views",
            ) from exc
