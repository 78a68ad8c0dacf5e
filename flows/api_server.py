"""Entry point of a run's own Prefect API server: uvicorn, minus the interpreter teardown.

When uvicorn returns, the server has run its shutdown (services stopped, database closed);
what is left is freeing its heap module by module, 1.2–1.7 s of garbage collection
(faulthandler stacks taken during the shutdown show nothing else). `zhfacts run` waits for
its server to exit, so that time was every run's. The main process skips the same teardown
(zhfacts/cli.py); both go through zhfacts.quick_exit.
"""

from __future__ import annotations

import sys

from uvicorn.main import main

from zhfacts.quick_exit import exit_now


def run(argv: list[str]) -> int:
    """Run uvicorn's command line with ``argv``; its exit status."""
    try:
        main.main(args=argv, prog_name="uvicorn")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    return 0


if __name__ == "__main__":
    exit_now(run(sys.argv[1:]))
