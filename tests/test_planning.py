import pytest

from transforms.articles import SourceFile
from transforms.planning import MAX_BATCH, MIN_BATCH, batch_size_for, batches, plan_files


def _file(name: str, size: int = 100, mtime: int = 1) -> SourceFile:
    return SourceFile("/in", name, name, size, mtime)


def test_unchanged_files_are_not_read():
    files = [_file("a.txt"), _file("b.txt", mtime=2), _file("c.txt")]
    known = {"a.txt": (100, 1), "b.txt": (100, 1)}
    plan = plan_files(files, known, max_bytes=1000, full_refresh=False)
    assert [f.source_path for f in plan.unchanged] == ["a.txt"]
    assert [f.source_path for f in plan.to_read] == ["b.txt", "c.txt"]


def test_full_refresh_reads_everything():
    files = [_file("a.txt")]
    plan = plan_files(files, {"a.txt": (100, 1)}, max_bytes=1000, full_refresh=True)
    assert plan.to_read == files and not plan.unchanged


def test_too_large_files_are_rejected_before_reading():
    plan = plan_files([_file("big.txt", size=2000)], {}, max_bytes=1000, full_refresh=False)
    assert [r.reason for r in plan.rejected] == ["too_large"]
    assert not plan.to_read


def test_batches_cover_every_file_once():
    files = [_file(f"{i}.txt") for i in range(7)]
    chunks = batches(files, 3)
    assert [len(c) for c in chunks] == [3, 3, 1]
    assert [f for c in chunks for f in c] == files


@pytest.mark.parametrize(
    ("files", "workers", "size"),
    [
        (5, 2, MIN_BATCH),  # a small run is one batch
        (4000, 2, 500),  # four batches per worker
        (8000, 2, MAX_BATCH),
        (100_000, 2, MAX_BATCH),  # capped: memory per worker stays flat
        (8000, 8, 250),
        (8000, 0, MAX_BATCH),  # no worker count known: as if one
    ],
)
def test_default_batch_size_gives_each_worker_a_few_batches(files, workers, size):
    assert batch_size_for(files, workers) == size


def test_default_batches_keep_two_workers_busy_without_a_long_tail():
    files = [_file(f"{i}.txt") for i in range(4321)]
    chunks = batches(files, batch_size_for(len(files), 2))
    assert len(chunks) == 8
    assert max(map(len, chunks)) <= MAX_BATCH


def test_auto_task_runner_uses_processes_only_for_several_batches_per_core():
    from flows.runners import choose_task_runner

    assert choose_task_runner("auto", batches=1, workers=2) == "thread"
    assert choose_task_runner("auto", batches=4, workers=2) == "process"
    assert choose_task_runner("auto", batches=40, workers=1) == "thread"
    assert choose_task_runner("dask", batches=1, workers=2) == "dask"
