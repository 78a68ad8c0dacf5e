"""Progress of the transform batches, for whoever is watching.

The flow reports each finished batch here; the CLI installs a rich progress bar when it
runs in a terminal, and every run also logs progress through Prefect's run logger, so a
run started from the UI shows it in its logs.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressHook = Callable[[int, int], None]  # (batches done, batches total)

_hooks: list[ProgressHook] = []


def add_hook(hook: ProgressHook) -> None:
    _hooks.append(hook)


def remove_hook(hook: ProgressHook) -> None:
    if hook in _hooks:
        _hooks.remove(hook)


def report(done: int, total: int) -> None:
    for hook in _hooks:
        hook(done, total)
