"""Seconds per pipeline stage, summed over batches, for the run summary and benchmarks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Stopwatch:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

    def add(self, other: dict[str, float]) -> None:
        for stage, seconds in other.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
