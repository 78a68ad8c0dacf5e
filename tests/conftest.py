"""Shared fixtures: the bundled samples, temporary warehouses, and inputs with deliberate
defects (an empty file, a PNG renamed .txt, GBK and Big5 articles)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import opencc
import pytest

from tests.fixtures_warehouse import sample_warehouse  # noqa: F401 — shared fixture

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SAMPLES = PROJECT_ROOT / "data" / "samples"
# 1x1 transparent PNG
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture(scope="session")
def sample_pages() -> list[Path]:
    pages = sorted(SAMPLES.glob("*.txt"))
    assert len(pages) == 5
    return pages


@pytest.fixture()
def sample_dir(tmp_path: Path) -> Path:
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target, ignore=shutil.ignore_patterns("*.md"))
    return target


@pytest.fixture()
def messy_dir(tmp_path: Path, sample_pages: list[Path]) -> Path:
    """Two good articles in legacy encodings and two files that cannot be articles."""
    folder = tmp_path / "messy"
    (folder / "nested").mkdir(parents=True)
    simplified = sample_pages[1].read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(sample_pages[2].read_text(encoding="utf-8"))
    (folder / "gbk_article.txt").write_bytes(simplified.encode("gbk", errors="ignore"))
    (folder / "nested" / "big5_article.txt").write_bytes(traditional.encode("big5", errors="ignore"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(PNG_BYTES)
    (folder / "notes.md").write_text("not a .txt file, ignored", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def prefect_server():
    """One Prefect test server for every flow test (starting one costs 10-20 s)."""
    from flows.runner import configure_prefect

    configure_prefect()
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(autouse=True)
def _no_user_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the developer's ZHFACTS_* settings."""
    for key in list(os.environ):
        if key.startswith("ZHFACTS_"):
            monkeypatch.delenv(key)
