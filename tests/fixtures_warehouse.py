"""A sample warehouse built without Prefect or Great Expectations, for the analytics tests.

The analytics layer (views, documented queries, report, exports) only reads tables, so its
tests need a warehouse, not a run: calling the pure transforms and the loader directly
takes seconds (jieba init) where a flow run takes a minute of server and GX start-up.
A build writes no data-quality rows unless given some: the sample warehouse then answers
the documented DQ questions as a real run on the samples does (nothing failed).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

from transforms.articles import SourceFile, process_document
from transforms.frames import batch_frames
from warehouse import loader, staging

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = PROJECT_ROOT / "data" / "samples"
RUN_ID = "00000000-0000-0000-0000-000000000001"
RUN_AT = dt.datetime(2026, 1, 1, 12, 0, 0)


def build_warehouse(path: Path, pages: Iterable[Path], input_root: Path,
                    dq_rows: Sequence[dict[str, Any]] = (), run_id: str = RUN_ID) -> Path:
    """Transform ``pages`` and publish them, with ``dq_rows``, as one run into a new
    warehouse at ``path``."""
    outcomes = []
    for page in sorted(pages):
        stat = page.stat()
        source = SourceFile(input_root=str(input_root),
                            source_path=page.relative_to(input_root).as_posix(),
                            source_name=page.name, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
        outcomes.append(process_document(page.read_bytes(), source))
    area = staging.staging_dir(path, run_id)
    staging.write_batch(area, 0, batch_frames(outcomes, run_id))
    record = {"run_id": run_id, "started_at": RUN_AT, "finished_at": RUN_AT,
              "status": "success", "files_seen": len(outcomes),
              "parameters": json.dumps({"input_path": str(input_root)})}
    try:
        with loader.connect(path) as con:
            loader.ensure_schema(con)
            loader.stage(con, staging.staged_files(area))
            loader.publish(con, {}, None, record, False, list(dq_rows))
    finally:
        staging.remove(area)
    return path


# pytest makes one fixture definition per test module that imports the fixture, so a
# session-scoped fixture imported by three modules would build three times; this keeps one.
_BUILT: dict[str, Path] = {}


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five bundled samples as one successful run: what docs/queries.md documents.
    Tests only read it."""
    if "samples" not in _BUILT:
        folder = tmp_path_factory.mktemp("sample_warehouse")
        _BUILT["samples"] = build_warehouse(folder / "zhfacts.duckdb", SAMPLES.glob("*.txt"),
                                            SAMPLES)
    return _BUILT["samples"]
