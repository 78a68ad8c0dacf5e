from transforms.articles import SourceFile
from transforms.planning import batches, plan_files


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


def test_auto_task_runner_uses_processes_only_for_several_batches_per_core():
    from flows.runners import choose_task_runner

    assert choose_task_runner("auto", batches=1, workers=2) == "thread"
    assert choose_task_runner("auto", batches=4, workers=2) == "process"
    assert choose_task_runner("auto", batches=40, workers=1) == "thread"
    assert choose_task_runner("dask", batches=1, workers=2) == "dask"
