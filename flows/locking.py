"""One writer per warehouse: a run holds an exclusive lock file for its whole duration.

DuckDB's own lock only covers an open connection, and a run opens the warehouse briefly at
its start and end; without this, two runs could interleave their loads. The second run
fails at once with the holder's PID rather than waiting behind an unknown amount of work.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WarehouseBusy(RuntimeError):
    pass


@contextmanager
def warehouse_lock(warehouse_path: Path) -> Iterator[None]:
    lock_path = warehouse_path.with_name(warehouse_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise WarehouseBusy(
                f"{warehouse_path}: another zhfacts run is writing this warehouse (PID {holder})"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
