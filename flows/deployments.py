"""The deployments `zhfacts serve` offers in the Prefect UI.

`zhfacts-pipeline/manual` runs on demand with the flow's typed parameters; Prefect builds
the run form from the flow signature (bounds, enum of task runners, descriptions from the
docstring) and, with enforce_parameter_schema, refuses a bad value when the run is created.
An optional `zhfacts-pipeline/scheduled` deployment processes new files of a folder on an
interval or cron schedule; unchanged files cost only a stat each.
"""

from __future__ import annotations

from pathlib import Path

from prefect import serve

from flows.pipeline import pipeline


def build_deployments(
    input_path: Path,
    warehouse_path: Path,
    interval_s: int | None = None,
    cron: str | None = None,
) -> list:
    defaults = {"input_path": str(input_path), "warehouse_path": str(warehouse_path)}
    deployments = [
        pipeline.to_deployment(
            name="manual",
            parameters=defaults,
            enforce_parameter_schema=True,
            description="Run zhfacts on a folder of pages; the form shows every parameter.",
            tags=["zhfacts"],
        )
    ]
    if interval_s or cron:
        deployments.append(
            pipeline.to_deployment(
                name="scheduled",
                parameters=defaults,
                interval=interval_s,
                cron=cron,
                enforce_parameter_schema=True,
                description="Process new or changed files of the input folder on a schedule.",
                tags=["zhfacts", "scheduled"],
            )
        )
    return deployments


def serve_deployments(deployments: list) -> None:
    """Block, running flow runs of these deployments as they are triggered."""
    serve(*deployments, print_starting_message=True)
