"""The command line: clear errors, and `evaluate` agreeing with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhfacts.cli import app

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "gold" / "dev"
INPUTS = [SHARED / "seeds", SHARED / "corpus" / "dev"]
runner = CliRunner()


def test_run_without_input_folder_fails_with_one_line(tmp_path):
    result = runner.invoke(app, ["run", "--input", str(tmp_path / "missing"),
                                 "--warehouse", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    assert "input folder not found" in result.output


def test_bad_option_value_is_refused(tmp_path):
    result = runner.invoke(app, ["run", "--batch-size", "0", "--input", str(tmp_path)])
    assert result.exit_code == 2


def test_dq_report_export_need_a_warehouse(tmp_path):
    missing = str(tmp_path / "none.duckdb")
    for args in (["dq", "-w", missing], ["report", "-w", missing],
                 ["export", "-w", missing, "--out", str(tmp_path / "x")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "none.duckdb" in result.output


def test_report_and_export_on_the_sample_warehouse(sample_warehouse, tmp_path):
    result = runner.invoke(app, ["report", "-w", str(sample_warehouse), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0 and (tmp_path / "r" / "index.html").exists()
    result = runner.invoke(app, ["export", "-w", str(sample_warehouse), "--out", str(tmp_path / "e"),
                                 "--format", "csv"])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "e").iterdir()) == [
        "fact_count.csv", "fact_date.csv", "fact_measure.csv", "fact_region.csv"]


@pytest.fixture(scope="module")
def dev_gold() -> Path:
    if not GOLD.is_dir():
        pytest.fail(f"{GOLD} is missing: CI runs with shared/ beside the project")
    return GOLD


def _our_scores(output: str) -> dict[str, tuple[float, float, float]]:
    scores = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 7 and parts[0] in {"regions", "quantities", "quantities_strict", "dates", "measures"}:
            scores[parts[0]] = tuple(float(x) for x in parts[4:7])
    return scores


def test_evaluate_agrees_with_the_shared_scorer(dev_gold, tmp_path):
    preds = tmp_path / "pred"
    args = ["evaluate", "--quick", "--gold", str(dev_gold), "--pred-out", str(preds)]
    for folder in INPUTS:
        args += ["--input", str(folder)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    ours = _our_scores(result.output)
    shared = json.loads(subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(dev_gold),
         "--pred", str(preds), "--json"],
        capture_output=True, text=True, check=True).stdout)
    assert set(ours) == {"regions", "quantities", "quantities_strict", "dates", "measures"}
    for field, (p, r, f1) in ours.items():
        theirs = shared[field]
        assert (p, r, f1) == pytest.approx(
            (theirs["precision"], theirs["recall"], theirs["f1"]), abs=6e-4), field
    lines = {line.split()[0]: line.split() for line in result.output.splitlines() if line.strip()}
    assert float(lines["publish_date"][-1]) == pytest.approx(shared["publish_date"]["accuracy"], abs=6e-4)
    assert float(lines["title"][-1]) == pytest.approx(shared["title"]["accuracy"], abs=6e-4)
    assert float(lines["quantity_what"][-1]) == pytest.approx(shared["quantity_what"]["accuracy"], abs=6e-4)


@pytest.mark.integration
@pytest.mark.usefixtures("prefect_server")
def test_evaluate_through_the_pipeline_matches_quick(dev_gold):
    base = ["evaluate", "--gold", str(dev_gold)]
    for folder in INPUTS:
        base += ["--input", str(folder)]
    quick = runner.invoke(app, [*base, "--quick"])
    full = runner.invoke(app, base)
    assert full.exit_code == 0, full.output
    assert _our_scores(full.output) == _our_scores(quick.output)
