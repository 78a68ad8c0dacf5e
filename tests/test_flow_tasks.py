"""Task helpers of flows/tasks.py that need no Prefect server."""

from __future__ import annotations

import subprocess
import sys


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
