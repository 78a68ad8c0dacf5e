"""`zhfacts evaluate`: score the pipeline's facts against a folder of gold files.

Two ways to get predictions: through the real pipeline into a (temporary) warehouse, which
is what users get, or ``--quick`` straight from the transforms in this process, which skips
Prefect and DuckDB for a fast edit-measure loop. Both build the same gold-format dicts
(transforms.predictions) and both are scored by transforms.scoring.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import polars as pl

from transforms.articles import Article, SourceFile, process_document
from transforms.gazetteer import gazetteer_frame
from transforms.predictions import RegionPath, prediction
from transforms.scoring import Score, score_article
from warehouse.sql import sql
from zhfacts.reading import read_only


def region_paths() -> dict[str, RegionPath]:
    g = gazetteer_frame()
    return {
        row["region_code"]: (row["province"], row["city"], row["county"])
        for row in g.iter_rows(named=True)
    }


def ambiguous_counties() -> set[tuple[str, str]]:
    """(province, county name) pairs that name more than one county in that province."""
    g = gazetteer_frame().filter(pl.col("level") == "county")
    pairs = Counter(zip(g["province"], g["county"], strict=True))
    return {pair for pair, n in pairs.items() if n > 1}


def gold_files(gold_dir: Path) -> dict[str, Path]:
    files = {p.stem: p for p in sorted(gold_dir.glob("*.json"))}
    if not files:
        raise FileNotFoundError(f"{gold_dir}: no gold *.json files")
    return files


def find_raw_pages(stems: set[str], inputs: list[Path]) -> dict[str, Path]:
    """The raw page of each gold article, looked up by file stem under the input folders."""
    found: dict[str, Path] = {}
    for root in inputs:
        for path in sorted(root.rglob("*.txt")):
            if path.stem in stems:
                found.setdefault(path.stem, path)
    return found


def quick_predictions(pages: dict[str, Path]) -> dict[str, dict[str, Any]]:
    paths = region_paths()
    preds = {}
    for stem, path in pages.items():
        stat = path.stat()
        source = SourceFile(str(path.parent), path.name, path.name, stat.st_size, stat.st_mtime_ns)
        outcome = process_document(path.read_bytes(), source)
        if not isinstance(outcome, Article):
            continue
        facts = outcome.facts
        preds[stem] = prediction(
            doc=path.name,
            title=outcome.page.title,
            publish_date=outcome.page.publish_date,
            region_codes=[r.region_code for r in facts.regions],
            counts=[_asdict(c) for c in facts.counts],
            dates=[_asdict(d) for d in facts.dates],
            measure_codes=[m.measure_code for m in facts.measures],
            region_paths=paths,
        )
    return preds


def _asdict(fact: Any) -> dict[str, Any]:
    return {name: getattr(fact, name) for name in fact.__slots__}


def warehouse_predictions(warehouse: Path) -> dict[str, dict[str, Any]]:
    paths = region_paths()
    with read_only(warehouse) as con:
        articles = con.sql(sql("queries/prediction_articles")).pl()
        by_article: dict[str, dict[str, list]] = {
            aid: {"regions": [], "counts": [], "dates": [], "measures": []}
            for aid in articles["article_id"]
        }
        for key, query in (
            ("regions", "queries/prediction_regions"),
            ("counts", "queries/prediction_counts"),
            ("dates", "queries/prediction_dates"),
            ("measures", "queries/prediction_measures"),
        ):
            for row in con.sql(sql(query)).pl().iter_rows(named=True):
                by_article[row["article_id"]][key].append(row)
    preds = {}
    for row in articles.iter_rows(named=True):
        facts = by_article[row["article_id"]]
        preds[Path(row["source_name"]).stem] = prediction(
            doc=row["source_name"],
            title=row["title"],
            publish_date=row["publish_date"],
            region_codes=[r["region_code"] for r in facts["regions"]],
            counts=facts["counts"],
            dates=facts["dates"],
            measure_codes=[m["measure_code"] for m in facts["measures"]],
            region_paths=paths,
        )
    return preds


def score_predictions(gold: dict[str, Path], preds: dict[str, dict[str, Any]]) -> Score:
    result = Score()
    ambiguous = ambiguous_counties()
    for stem, path in gold.items():
        gold_doc = json.loads(path.read_text(encoding="utf-8-sig"))
        score_article(result, stem, gold_doc, preds.get(stem), ambiguous)
    return result


def write_predictions(preds: dict[str, dict[str, Any]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for stem, pred in preds.items():
        (out / f"{stem}.json").write_text(json.dumps(pred, ensure_ascii=False, indent=1), "utf-8")
