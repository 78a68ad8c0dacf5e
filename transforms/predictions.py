"""Facts of one article in the gold format of facts.md ("How it is scored").

Evaluation compares these dicts with hand-checked gold files, so this is the one place
where warehouse rows become scorable items: regions once per article as a path of names,
every count, every date (a range gives both ends), the set of measure codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

RegionPath = tuple[str | None, str | None, str | None]


def format_date(value: date, granularity: str) -> str:
    iso = value.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4]}[granularity]


def prediction(
    doc: str,
    title: str | None,
    publish_date: date | None,
    region_codes: Iterable[str],
    counts: Iterable[Mapping[str, Any]],
    dates: Iterable[Mapping[str, Any]],
    measure_codes: Iterable[str],
    region_paths: Mapping[str, RegionPath],
) -> dict[str, Any]:
    """Build one prediction; ``counts``/``dates`` are fact rows (dicts of warehouse columns)."""
    regions: list[dict[str, str | None]] = []
    seen_paths: set[RegionPath] = set()
    for code in region_codes:
        path = region_paths[code]
        if path not in seen_paths:
            seen_paths.add(path)
            regions.append(dict(zip(("province", "city", "county"), path, strict=True)))
    date_items = []
    for d in dates:
        start = format_date(d["date_start"], d["granularity"])
        end = format_date(d["date_end"], d["granularity"])
        date_items.append({"text": d["mention"], "date": start})
        if end != start:
            date_items.append({"text": d["mention"], "date": end})
    return {
        "doc": doc,
        "title": title,
        "publish_date": publish_date.isoformat() if publish_date else None,
        "regions": regions,
        "quantities": [
            {
                "text": c["mention"],
                "value": c["value"],
                "value_max": c["value_max"],
                "approx": bool(c["approx"]),
                "unit": c["unit"],
                "what": c["what"],
            }
            for c in counts
        ],
        "dates": date_items,
        "measures": list(dict.fromkeys(measure_codes)),
    }
