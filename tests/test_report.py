"""The HTML report: one self-contained page, charts with data, evidence under every chart,
and article text that cannot run as markup."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from warehouse import loader
from zhfacts.reading import SchemaOutdated
from zhfacts.report import SECTIONS, write_report

HOSTILE = "<script>alert(1)</script>"
# A tag that loads something from the network: the page must have none.
_REMOTE = re.compile(
    r"<(script|link|img|iframe|object|embed)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//",
    re.IGNORECASE)
_ITEM_BYTES = {"f8": 8, "f4": 4, "i4": 4, "u4": 4, "i2": 2, "u2": 2, "i1": 1, "u1": 1}


@pytest.fixture(scope="module")
def hostile_warehouse(
    sample_warehouse: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """The sample warehouse with script tags planted in article text and a DQ result, and
    one failed expectation so the DQ section has evidence to show."""
    path = tmp_path_factory.mktemp("hostile") / "zhfacts.duckdb"
    shutil.copy(sample_warehouse, path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE dim_article SET title = $t WHERE article_id = "
                    "(SELECT min(article_id) FROM fact_count WHERE unit_class = 'money')",
                    {"t": f"标题{HOSTILE}"})
        con.execute("UPDATE fact_count SET evidence = evidence || $t WHERE unit_class = 'money'",
                    {"t": HOSTILE})
        run_id = con.sql("SELECT min(run_id) FROM etl_run").fetchall()[0][0]
        con.execute(
            "INSERT INTO dq_result VALUES ($run, 'fact_count', 'value_in_band', 'value', false, "
            "72, 1, $observed, $at, 'warning')",
            {"run": run_id, "observed": f"例如 {HOSTILE}", "at": dt.datetime(2026, 1, 1)})
    return path


@pytest.fixture(scope="module")
def page(hostile_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report")
    index = write_report(hostile_warehouse, out)
    assert index == out / "index.html"
    return index.read_text(encoding="utf-8")


def _figures(html: str) -> dict[str, list[dict]]:
    """Traces of every plotly figure on the page, by div id."""
    figures = {}
    for match in re.finditer(r'Plotly\.newPlot\(\s*"(?P<id>[^"]+)",\s*', html):
        traces, _ = json.JSONDecoder().raw_decode(html, match.end())
        figures[match["id"]] = traces
    return figures


def _points(trace: dict) -> int:
    """Number of points of a trace, whether plotly wrote its arrays as lists or base64."""
    sizes = []
    for axis in ("x", "y"):
        values = trace.get(axis)
        if isinstance(values, list):
            sizes.append(len(values))
        elif isinstance(values, dict):
            sizes.append(len(base64.b64decode(values["bdata"])) // _ITEM_BYTES[values["dtype"]])
    return max(sizes, default=0)


def test_report_is_self_contained(page: str) -> None:
    assert not _REMOTE.search(page)
    assert page.count("window.PlotlyConfig") == 1  # plotly.js inlined exactly once
    assert '<meta charset="utf-8">' in page


def test_article_text_is_escaped(page: str) -> None:
    assert HOSTILE not in page
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"标题{escaped}" in page  # a title
    assert re.search(rf"<td class=ev>[^<]*<mark>[^<]+</mark>[^<]*{re.escape(escaped)}</td>", page)
    assert f"例如 {escaped}" in page  # a DQ observed value


def test_every_chart_has_data(page: str) -> None:
    figures = _figures(page)
    assert set(figures) == {f"chart-{s.key}" for s in SECTIONS}
    for div, traces in figures.items():
        assert sum(_points(t) for t in traces) > 0, div


def test_every_chart_has_evidence(page: str) -> None:
    for section in SECTIONS:
        body = page.split(f'<section id="sec-{section.key}">')[1].split("</section>")[0]
        assert "<details data-label=" in body, section.key
        assert "<td" in body.split("<details")[1], section.key


def test_chinese_labels_reach_the_charts(page: str) -> None:
    labels = json.dumps(_figures(page)["chart-province_facts"], ensure_ascii=False)
    assert "省" in labels


def test_empty_warehouse_gives_a_page_without_charts(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    with loader.connect(path) as con:
        loader.ensure_schema(con)
    page = write_report(path, tmp_path / "out").read_text(encoding="utf-8")
    assert page.count("no data yet") == len(SECTIONS)
    assert not _figures(page)


def test_missing_warehouse_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        write_report(tmp_path / "absent.duckdb", tmp_path / "out")


def test_outdated_schema_says_to_run_once(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(SchemaOutdated, match="zhfacts run"):
        write_report(path, tmp_path / "out")


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="needs Debian's chromium")
def test_charts_render_offline_in_chromium(page: str, tmp_path: Path) -> None:
    """Chromium, with networking off, runs the inlined plotly.js and draws every chart."""
    index = tmp_path / "index.html"
    index.write_text(page, encoding="utf-8")
    dom = subprocess.run(
        ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=http://127.0.0.1:9", f"--user-data-dir={tmp_path / 'profile'}",
         "--virtual-time-budget=10000", "--dump-dom", index.as_uri()],
        capture_output=True, text=True, timeout=120, check=True).stdout
    for section in SECTIONS:
        chart = dom.split(f'id="chart-{section.key}"')[1].split("</section>")[0]
        assert 'class="main-svg"' in chart, section.key
        assert re.search(r'class="(point|bars)"', chart), section.key
