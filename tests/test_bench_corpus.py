"""The benchmark corpus must be reproducible and varied: timings are only comparable across
runs if the same seed gives the same files, and only honest if the files differ (distinct
article ids, legacy encodings and Traditional script to decode and convert)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.corpus import FILES_PER_FOLDER, generate
from transforms.decoding import Decoded, decode
from transforms.page import parse_page
from transforms.script import detect_script

N = 30


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.txt"))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, N, seed=7)
    return folder


def test_same_seed_same_files(corpus: Path, tmp_path: Path) -> None:
    stats = generate(tmp_path / "again", N, seed=7)
    assert _files(tmp_path / "again") == _files(corpus)
    assert stats.files == N
    assert stats.bytes == sum(len(raw) for raw in _files(corpus).values())


def test_other_seed_other_files(corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path / "other", N, seed=8)
    assert set(_files(tmp_path / "other").values()).isdisjoint(_files(corpus).values())


def test_a_larger_corpus_starts_with_the_smaller_one(corpus: Path, tmp_path: Path) -> None:
    generate(tmp_path / "larger", 2 * N, seed=7)
    larger = _files(tmp_path / "larger")
    assert len(larger) == 2 * N
    assert {name: larger[name] for name in _files(corpus)} == _files(corpus)


def test_files_are_distinct_and_nested(corpus: Path) -> None:
    files = _files(corpus)
    assert len(files) == N
    assert len(set(files.values())) == N
    assert all(name.count("/") == 1 for name in files)


def test_pages_parse_to_a_body_title_and_date(corpus: Path) -> None:
    for name, raw in _files(corpus).items():
        decoded = decode(raw)
        assert isinstance(decoded, Decoded), name
        page = parse_page(decoded.text)
        assert page.body, name
        assert page.title, name
        assert page.publish_date is not None, name


def test_page_sizes_average_about_five_kilobytes(corpus: Path) -> None:
    sizes = [len(raw) for raw in _files(corpus).values()]
    assert 3_500 <= sum(sizes) / len(sizes) <= 6_500


def test_some_pages_are_traditional_or_legacy_encoded(tmp_path: Path) -> None:
    generate(tmp_path / "many", 4 * FILES_PER_FOLDER, seed=1)
    encodings: set[str] = set()
    scripts: set[str] = set()
    for raw in _files(tmp_path / "many").values():
        decoded = decode(raw)
        assert isinstance(decoded, Decoded)
        encodings.add(decoded.encoding)
        scripts.add(detect_script(decoded.text))
    assert {"utf_8", "gb18030", "big5"} <= encodings
    assert {"simplified", "traditional"} <= scripts


def test_refuses_a_folder_with_files(corpus: Path) -> None:
    with pytest.raises(FileExistsError):
        generate(corpus, 1)
