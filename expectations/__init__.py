"""Data-quality layer: Great Expectations suites over a run's frames, as a plain library.

The flow calls `validate_run` and acts on the returned `DQReport` (quarantine, dq_result
rows, artifact texts); nothing here imports Prefect or touches the warehouse. Importing
this package does not import Great Expectations: only expectations.engine does, when a run
has rows to validate.
"""

from expectations.report import DQReport
from expectations.runner import validate_run
from expectations.suites import SUITES

__all__ = ["SUITES", "DQReport", "validate_run"]
