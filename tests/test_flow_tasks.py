"""Task helpers of flows/tasks.py that need no Prefect server."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_validation_preload_imports_great_expectations_off_the_main_thread():
    """A fresh interpreter: importing the tasks must not import GX, nor must a run with
    nothing to read (it never needs GX) or a very large one (memory); the preload thread of
    a run with files does, and the main thread then finds it loaded."""
    code = (
        "import sys, threading\n"
        "from flows.tasks import PRELOAD_MAX_FILES, preload_validation\n"
        "assert 'great_expectations' not in sys.modules\n"
        "assert preload_validation(0) is None and preload_validation(PRELOAD_MAX_FILES + 1) is None\n"
        "assert 'great_expectations' not in sys.modules\n"
        "thread = preload_validation(5)\n"
        "assert thread is not threading.main_thread() and thread.daemon\n"
        "thread.join()\n"
        "assert 'great_expectations' in sys.modules and 'expectations.engine' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_transform_batch_runs_without_the_cycle_collector_and_restores_it(
    tmp_path, monkeypatch, sample_pages
):
    """The collector is off while a batch is cleaned and extracted, back on after it (also
    when the batch raises), and left off if the caller had turned it off."""
    import gc

    from flows import tasks
    from transforms.articles import SourceFile

    page = sample_pages[0]
    source = SourceFile(str(page.parent), page.name, page.name, page.stat().st_size, 0)
    seen = []
    extract = tasks.with_facts

    def spy(article):
        seen.append(gc.isenabled())
        return extract(article)

    monkeypatch.setattr(tasks, "with_facts", spy)
    assert gc.isenabled()
    result = tasks.transform_batch.fn(0, [source], tmp_path / "area", "run")
    assert result.articles == 1 and seen == [False] and gc.isenabled()

    monkeypatch.setattr(tasks, "batch_frames", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        tasks.transform_batch.fn(1, [source], tmp_path / "area", "run")
    assert gc.isenabled()

    gc.disable()
    try:
        monkeypatch.undo()
        tasks.transform_batch.fn(2, [source], tmp_path / "area", "run")
        assert not gc.isenabled()
    finally:
        gc.enable()
