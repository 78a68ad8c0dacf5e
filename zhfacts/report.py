"""The warehouse as one self-contained HTML page that people open in a browser.

Why it is built this way:
- Offline: plotly.js is inlined once and nothing is fetched, so the file can be mailed,
  archived with a run, or opened on a machine without network.
- Traceable: every chart is followed by its evidence, one ``<details>`` per bar or cell with
  the sentences the numbers came from; clicking a bar opens its evidence.
- Safe: article text is untrusted (scraped pages). Every value that reaches the page goes
  through ``html.escape``, and chart labels come only from reference data (gazetteer,
  measure taxonomy), months and run ids, never from article text, because plotly renders
  a subset of HTML tags inside labels.
- Read-only: the warehouse is opened read_only (retrying while a run writes), so building
  the report never blocks or alters a run for longer than a read.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import plotly.graph_objects as go
import polars as pl

from warehouse.sql import sql
from zhfacts.reading import read_only

TOP_EVIDENCE = 8  # sentences under each bar
TOP_REGIONS = 3  # regions per measure in "top regions per measure"
RECENT_RUNS = 10
FONT = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
        '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif')
UNIT_CLASS_ZH = {"money": "金额 money", "percent": "百分比 percent", "count": "数量 count",
                 "duration": "时长 duration", "other": "其他 other"}


def _yuan(value: Any) -> str:
    """Money the way a Chinese reader scans it: 2.5亿元, 6,500万元, 1,200元."""
    if value is None:
        return "—"
    for unit, size in (("亿", 1e8), ("万", 1e4)):
        if abs(value) >= size:
            return f"{value / size:,.4g}{unit}元"
    return f"{value:,.4g}元"


def _plain(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是 yes" if value else "否 no"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


@dataclass(frozen=True)
class Column:
    """A column of an evidence or status table: frame column, header, cell formatter."""

    name: str
    header: str
    fmt: Callable[[Any], str] = _plain


def _cell(row: Mapping[str, Any], column: Column) -> str:
    """One escaped table cell; an evidence sentence gets its mention highlighted."""
    text = column.fmt(row[column.name])
    mention = row.get("mention")
    if column.name == "evidence" and mention and mention in text:
        before, _, after = text.partition(mention)
        return (f"<td class=ev>{html.escape(before)}<mark>{html.escape(mention)}</mark>"
                f"{html.escape(after)}</td>")
    return f"<td>{html.escape(text)}</td>"


def _table(rows: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> str:
    head = "".join(f"<th>{html.escape(c.header)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(_cell(r, c) for c in columns) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _layout(fig: go.Figure, height: int, **layout: Any) -> go.Figure:
    fig.update_layout(height=height, font={"family": FONT, "size": 13}, template="plotly_white",
                      margin={"l": 10, "r": 10, "t": 30, "b": 10}, legend={"orientation": "h"},
                      **layout)
    fig.update_yaxes(automargin=True)
    fig.update_xaxes(automargin=True)
    return fig


def _province_chart(data: pl.DataFrame) -> go.Figure:
    rows = data.reverse()  # plotly draws horizontal bars bottom-up; biggest on top
    fig = go.Figure([
        go.Bar(y=rows["label"], x=rows[col], name=name, orientation="h",
               customdata=rows["label"], hovertemplate="%{y}: %{x} " + name + "<extra></extra>")
        for col, name in (("region_mentions", "地区提及 region mentions"),
                          ("counts", "数量 quantities"), ("measures", "措施 measures"))
    ])
    return _layout(fig, 120 + 28 * data.height, barmode="stack", xaxis_title="事实数 facts")


def _money_chart(data: pl.DataFrame) -> go.Figure:
    """Sums span 10万 to 100亿 and more, so the axis is logarithmic, ticked at powers of ten
    written in 万/亿 rather than plotly's 100k/10B."""
    fig = go.Figure(go.Bar(
        x=data["label"], y=data["total_yuan"], customdata=data["label"],
        text=[_yuan(v) for v in data["total_yuan"]], textposition="outside",
        hovertemplate="%{x}: %{text}<extra></extra>"))
    positive = [v for v in data["total_yuan"] if v and v > 0]
    if not positive:
        return _layout(fig, 460, yaxis_title="元")
    powers = [10.0 ** e for e in range(math.floor(math.log10(min(positive))),
                                       math.ceil(math.log10(max(positive))) + 2)]
    return _layout(fig, 460, yaxis={"type": "log", "title": "元 (对数 log scale)",
                                    "tickvals": powers, "ticktext": [_yuan(v) for v in powers]})


def _month_chart(data: pl.DataFrame) -> go.Figure:
    fig = go.Figure([
        go.Bar(x=part["label"], y=part["facts"], name=UNIT_CLASS_ZH.get(unit_class, unit_class),
               customdata=part["label"])
        for (unit_class,), part in data.group_by("unit_class", maintain_order=True)
    ])
    return _layout(fig, 400, barmode="stack",
                   xaxis={"type": "category", "categoryorder": "category ascending",
                          "title": "月份 month"},
                   yaxis_title="数量事实 quantities")


def _measure_regions_chart(data: pl.DataFrame) -> go.Figure:
    ranked = data.with_columns(rank=pl.int_range(pl.len()).over("label") + 1)
    order = data["label"].unique(maintain_order=True).to_list()[::-1]
    fig = go.Figure([
        go.Bar(y=part["label"], x=part["mentions"], orientation="h", name=f"第{rank}名 #{rank}",
               text=part["region_label"], textposition="inside", insidetextanchor="middle",
               customdata=part["label"],
               hovertemplate="%{y} · %{text}: %{x}<extra></extra>")
        for (rank,), part in ranked.sort("rank").group_by("rank", maintain_order=True)
    ])
    return _layout(fig, 120 + 34 * len(order), barmode="stack", xaxis_title="提及 mentions",
                   yaxis={"categoryorder": "array", "categoryarray": order},
                   # a name too long for its bar hides; the hover still shows it
                   uniformtext={"minsize": 10, "mode": "hide"})


def _runs_chart(data: pl.DataFrame) -> go.Figure:
    rows = data.reverse()  # oldest run on the left
    fig = go.Figure([
        go.Bar(x=rows["label"], y=rows[col], name=name, marker_color=color,
               customdata=rows["label"])
        for col, name, color in (("dq_passed", "通过 passed", "#3a9d5d"),
                                 ("dq_failed", "未通过 failed", "#d9534f"))
    ])
    return _layout(fig, 360, barmode="stack", xaxis={"type": "category", "title": "运行 run"},
                   yaxis_title="期望 expectations", bargap=0.5)


def _query(con: duckdb.DuckDBPyConnection, name: str) -> pl.DataFrame:
    """Rows of queries/<name>.sql, with whichever of the page's limits it uses."""
    text = sql(f"queries/{name}")
    limits = {"top": TOP_EVIDENCE, "regions": TOP_REGIONS, "runs": RECENT_RUNS}
    return con.sql(text, params={k: v for k, v in limits.items() if f"${k}" in text}).pl()


def _undated_note(con: duckdb.DuckDBPyConnection, data: pl.DataFrame) -> str:
    """The timeline cannot place undated quantities; say how many it leaves out."""
    undated = _query(con, "report_undated_counts")["n"][0]
    return f"<p class=meta>未注明日期的数量 · quantities with no date, not shown: {undated}</p>"


def _run_tables(con: duckdb.DuckDBPyConnection, data: pl.DataFrame) -> str:
    """The numbers behind the DQ chart, and each suite's latest status."""
    return ("<h3>运行 · Runs</h3>" + _table(data.to_dicts(), _RUN_COLUMNS)
            + "<h3>各套件最新状态 · Latest status per suite</h3>"
            + _table(_query(con, "report_dq_latest").to_dicts(), _SUITE_COLUMNS))


@dataclass(frozen=True)
class Section:
    """A chart (queries/report_<key>) and the evidence under it (report_<key>_evidence).
    Both queries return a ``label`` column: the bar a row of evidence belongs to. ``extra``
    adds HTML between the two, from the connection and the chart's rows."""

    key: str
    title: str
    note: str
    chart: Callable[[pl.DataFrame], go.Figure]
    evidence: tuple[Column, ...]
    no_evidence: str = "没有证据 · no evidence rows."
    extra: Callable[[duckdb.DuckDBPyConnection, pl.DataFrame], str] | None = None


_WHERE = Column("region_label", "地区 region")
_TITLE = Column("title", "文章 article")
_MENTION = Column("mention", "提及 mention")
_SENTENCE = Column("evidence", "原句 sentence")

SECTIONS = (
    Section("province_facts", "各省事实数 · Facts per province",
            "Region mentions, quantities and measure mentions, by the province of their region.",
            _province_chart,
            (Column("kind", "类型 kind"), _WHERE, _TITLE, _MENTION, _SENTENCE)),
    Section("money_by_measure", "各措施金额 · Money by measure",
            "Sum of every money quantity (in 元) per measure; log scale.",
            _money_chart,
            (Column("value", "金额 amount", _yuan), _WHERE, _TITLE, _MENTION, _SENTENCE)),
    Section("month_timeline", "按月时间线 · Timeline by month",
            "Quantities per month they are about, by unit class.",
            _month_chart,
            (Column("date_start", "日期 date"),
             Column("unit_class", "类别 class", lambda v: UNIT_CLASS_ZH.get(v, _plain(v))),
             _WHERE, _TITLE, _MENTION, _SENTENCE),
            extra=_undated_note),
    Section("measure_regions", "各措施重点地区 · Top regions per measure",
            f"The {TOP_REGIONS} regions whose sentences mention each measure most often.",
            _measure_regions_chart,
            (_WHERE, _TITLE, _MENTION, _SENTENCE)),
    Section("runs", "近期运行数据质量 · Data quality of recent runs",
            f"Expectations passed and failed in the {RECENT_RUNS} latest runs; "
            "evidence lists the failed ones.",
            _runs_chart,
            (Column("suite", "套件 suite"), Column("expectation", "期望 expectation"),
             Column("column_name", "列 column"), Column("severity", "级别 severity"),
             Column("unexpected_count", "异常行 unexpected"),
             Column("element_count", "行 rows"), Column("observed_value", "观测 observed")),
            no_evidence="全部通过 · every expectation of these runs passed.",
            extra=_run_tables),
)
_RUN_COLUMNS = (
    Column("label", "运行 run"), Column("status", "状态 status"),
    Column("files_seen", "文件 files"), Column("articles_new", "新文章 new"),
    Column("articles_unchanged", "未变 unchanged"), Column("files_rejected", "拒收 rejected"),
    Column("articles_quarantined", "隔离 quarantined"), Column("facts_loaded", "事实 facts"),
    Column("rejects_by_reason", "拒收原因 reasons"), Column("dq_passed", "通过 passed"),
    Column("dq_failed", "未通过 failed"),
)
_SUITE_COLUMNS = (
    Column("suite", "套件 suite"), Column("checked_at", "检查时间 checked"),
    Column("passed", "通过 passed"), Column("expectations", "期望 expectations"),
    Column("failed", "未通过 failed"), Column("critical_failed", "严重 critical"),
    Column("failing", "未通过项 failing"),
)
_COUNT_NAMES = {"dim_article": "文章 articles", "fact_region": "地区 regions",
                "fact_count": "数量 quantities", "fact_date": "日期 dates",
                "fact_measure": "措施 measures", "etl_reject": "拒收 rejects"}

_SCRIPT = """
function zhfactsLink(plotId, sectionId) {
  document.getElementById(plotId).on('plotly_click', function (event) {
    var label = event.points[0].customdata;
    document.querySelectorAll('#' + sectionId + ' details').forEach(function (d) {
      if (d.dataset.label === label) { d.open = true; d.scrollIntoView({block: 'start'}); }
    });
  });
}
"""
_STYLE = f"""
body {{ font-family: {FONT}; margin: 0 auto; max-width: 1280px; padding: 0 24px 48px;
       color: #1f2933; }}
h1 {{ margin: 24px 0 4px; }} h2 {{ margin-top: 40px; border-bottom: 2px solid #e4e7eb; }}
nav a {{ margin-right: 16px; }} .meta {{ color: #616e7c; }} .empty {{ color: #9aa5b1; }}
.counts span {{ display: inline-block; margin: 8px 16px 0 0; padding: 6px 12px;
               background: #f0f4f8; border-radius: 6px; }}
table {{ border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; width: 100%; }}
th, td {{ border-bottom: 1px solid #e4e7eb; padding: 4px 8px; text-align: left;
          vertical-align: top; }}
th {{ background: #f5f7fa; }} td.ev {{ max-width: 640px; }}
mark {{ background: #ffe08a; }} details {{ margin: 4px 0; }}
summary {{ cursor: pointer; font-weight: 600; }}
"""


def _evidence(section: Section, order: Sequence[str], evidence: pl.DataFrame) -> str:
    """One ``<details>`` per chart label, in chart order, each a table of its evidence."""
    groups = {label: part for (label,), part in evidence.group_by("label", maintain_order=True)}
    labels = [*(x for x in order if x in groups), *(x for x in groups if x not in order)]
    if not labels:
        return f"<p class=empty>{html.escape(section.no_evidence)}</p>"
    return "".join(  # the first is open, so the page shows evidence without a click
        f'<details data-label="{html.escape(label)}"{" open" if i == 0 else ""}>'
        f"<summary>{html.escape(label)} ({groups[label].height})</summary>"
        f"{_table(groups[label].to_dicts(), section.evidence)}</details>"
        for i, label in enumerate(labels)
    )


def _section(con: duckdb.DuckDBPyConnection, section: Section,
             first_chart: bool) -> tuple[str, bool]:
    """The section's HTML, and whether it embedded plotly.js (only the first chart does)."""
    data = _query(con, f"report_{section.key}")
    evidence = _query(con, f"report_{section.key}_evidence")
    parts = [f'<section id="sec-{section.key}"><h2>{html.escape(section.title)}</h2>',
             f"<p class=meta>{html.escape(section.note)}</p>"]
    embedded = False
    if data.is_empty():
        parts.append("<p class=empty>暂无数据 · no data yet.</p>")
    else:
        parts.append(section.chart(data).to_html(
            include_plotlyjs=first_chart, full_html=False, div_id=f"chart-{section.key}",
            config={"displaylogo": False, "responsive": True},
            post_script=f"zhfactsLink('{{plot_id}}', 'sec-{section.key}');"))
        embedded = first_chart
    if section.extra:
        parts.append(section.extra(con, data))
    parts.append("<h3>证据 · Evidence</h3>")
    parts.append(_evidence(section, data["label"].unique(maintain_order=True).to_list(), evidence))
    parts.append("</section>")
    return "".join(parts), embedded


def render(con: duckdb.DuckDBPyConnection, warehouse: Path) -> str:
    """The whole page as a string, from an open (read-only) connection."""
    counts = dict(con.sql(sql("queries/table_counts")).fetchall())
    chips = "".join(f"<span>{html.escape(_COUNT_NAMES.get(t, t))}: {n:,}</span>"
                    for t, n in counts.items())
    nav = "".join(f'<a href="#sec-{s.key}">{html.escape(s.title.split(" · ")[0])}</a>'
                  for s in SECTIONS)
    sections = []
    need_js = True
    for section in SECTIONS:
        body, embedded = _section(con, section, need_js)
        need_js = need_js and not embedded
        sections.append(body)
    generated = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>zhfacts 报告 · warehouse report</title>"
        f"<style>{_STYLE}</style><script>{_SCRIPT}</script></head><body>"
        "<h1>zhfacts 数据仓库报告 · Warehouse report</h1>"
        f"<p class=meta>{html.escape(str(warehouse))} · "
        f"生成于 generated {html.escape(generated)}</p>"
        f"<div class=counts>{chips}</div><nav>{nav}</nav>"
        + "".join(sections) + "</body></html>"
    )


def default_out_dir(warehouse: Path) -> Path:
    """Where the report goes when no --out is given: beside the warehouse, like data_docs/,
    so the CLI and the flow write (and link) the same page."""
    return warehouse.parent / "report"


def write_report(warehouse: Path, out_dir: Path) -> Path:
    """Write ``out_dir/index.html`` from the warehouse and return its path. The file is
    replaced atomically, so a browser reloading during a refresh never sees half a page."""
    with read_only(warehouse) as con:
        page = render(con, warehouse)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    fd, tmp = tempfile.mkstemp(dir=out_dir, prefix=".index-", suffix=".html")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(page)
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return target
