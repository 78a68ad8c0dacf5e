"""Which discovered files a run must read.

Rereading 100,000 unchanged files to hash them would make an incremental run as slow as the
first one. A file whose path, size and modification time match what the warehouse recorded
is taken as unchanged without being read; anything else is read, hashed and, if its bytes
are already loaded, still counted as unchanged by the loader. Files over the size limit are
rejected here, before anyone reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from transforms.articles import Reject, SourceFile


@dataclass(frozen=True)
class Plan:
    to_read: list[SourceFile]
    unchanged: list[SourceFile]
    rejected: list[Reject]


def plan_files(
    files: Sequence[SourceFile],
    known: Mapping[str, tuple[int, int]],
    max_bytes: int,
    full_refresh: bool,
) -> Plan:
    to_read, unchanged, rejected = [], [], []
    for f in files:
        if f.size > max_bytes:
            rejected.append(Reject(f, "too_large", f"{f.size} bytes > limit {max_bytes}"))
        elif not full_refresh and known.get(f.source_path) == (f.size, f.mtime_ns):
            unchanged.append(f)
        else:
            to_read.append(f)
    return Plan(to_read, unchanged, rejected)


def batches(files: Sequence[SourceFile], size: int) -> list[list[SourceFile]]:
    return [list(files[i : i + size]) for i in range(0, len(files), size)]
