"""The latest run's verdict, pinned at the top of the Data Docs index page.

GX's index lists suites and runs in a table its JavaScript draws from a CDN, so offline
the page is empty, and it never names an expectation. Users open the index first: this
block, plain HTML, says whether the latest run passed, names every failing expectation
with its severity, and links each suite to its validation page. It is replaced, not
stacked, on every run; the history stays in GX's own table and pages.

A run with nothing new runs no GX, so it pins its block on the index as it finds it, or on
a bare page when GX never built one: the flow's Data Docs link must never be dead.
"""

from __future__ import annotations

import glob
import html
import pathlib
import re
from collections.abc import Sequence

from expectations.outcomes import CheckOutcome

_BEGIN, _END = "<!-- zhfacts-latest-run -->", "<!-- /zhfacts-latest-run -->"
_OLD_BLOCK = re.compile(re.escape(_BEGIN) + ".*?" + re.escape(_END), re.S)
_BODY = re.compile(r"<body[^>]*>")
_BARE_INDEX = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Data Docs</title></head>'
    "<body></body></html>"
)


def _suite_pages(docs_dir: pathlib.Path, run_names: Sequence[str]) -> dict[str, str]:
    """Each suite's first validation page among the run's GX run names."""
    pages: dict[str, str] = {}
    for name in dict.fromkeys(run_names):
        for page in sorted(docs_dir.glob(f"validations/*/{glob.escape(name)}/**/*.html")):
            relative = page.relative_to(docs_dir)
            pages.setdefault(relative.parts[1], relative.as_posix())
    return pages


def _block(
    run_id: str, outcomes: Sequence[CheckOutcome], pages: dict[str, str], note: str | None
) -> str:
    critical = any(o.critical_failure for o in outcomes)
    failed = [o for o in outcomes if not o.success]
    verdict = "FAILED" if critical else ("passed with warnings" if failed else "passed")
    if note:
        verdict = f"{verdict} ({html.escape(note)})"
    rows = []
    for suite in dict.fromkeys(o.suite for o in outcomes):
        mine = [o for o in outcomes if o.suite == suite]
        bad = [o for o in mine if not o.success]
        names = "<br>".join(
            f"{html.escape(o.name)} [{o.severity}]: {o.unexpected_count} of {o.element_count}"
            for o in bad
        ) or "—"
        link = pages.get(suite)
        label = f'<a href="{html.escape(link)}">{html.escape(suite)}</a>' if link else html.escape(suite)
        rows.append(
            f"<tr><td>{label}</td><td>{len(mine) - len(bad)}/{len(mine)}</td><td>{names}</td></tr>"
        )
    colour = "#b00020" if critical else ("#8a6d00" if failed else "#1b5e20")
    return (
        f'{_BEGIN}<section style="font-family:sans-serif;margin:1em;padding:1em;'
        f'border:2px solid {colour}">'
        f'<h2 style="color:{colour}">Latest run {html.escape(run_id)}: data quality {verdict}</h2>'
        "<table><tr><th>suite</th><th>passed</th><th>failing expectations</th></tr>"
        f"{''.join(rows)}</table></section>{_END}"
    )


def pin_latest_run(
    docs_dir: pathlib.Path,
    run_id: str,
    outcomes: Sequence[CheckOutcome],
    run_names: Sequence[str] = (),
    note: str | None = None,
) -> pathlib.Path:
    """Rewrite docs_dir/index.html with this run's block at the top of its body.

    `run_names` are the GX run names the run's results were stored under (one per chunk);
    each suite links to its first page among them.
    """
    index = docs_dir / "index.html"
    if not index.exists():
        docs_dir.mkdir(parents=True, exist_ok=True)
        index.write_text(_BARE_INDEX, encoding="utf-8")
    page = _OLD_BLOCK.sub("", index.read_text(encoding="utf-8"))
    block = _block(run_id, outcomes, _suite_pages(docs_dir, run_names), note)
    match = _BODY.search(page)
    page = page[: match.end()] + block + page[match.end():] if match else block + page
    index.write_text(page, encoding="utf-8")
    return index
