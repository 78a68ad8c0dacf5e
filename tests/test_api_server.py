"""flows.api_server: uvicorn's command line, returning its exit status instead of exiting
(the caller then skips the interpreter teardown with os._exit)."""

from __future__ import annotations

import pytest

from flows.api_server import run


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["--version"], 0),
        (["--no-such-flag"], 2),  # click's usage error
        (["no_such_module_for_zhfacts:app"], 3),  # uvicorn: the app cannot be imported
    ],
)
def test_the_server_entry_point_returns_uvicorns_exit_status(argv, status):
    assert run(argv) == status
