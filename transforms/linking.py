"""Give every count the region, date and measure it is about.

Analysts ask "money per measure per province per month": that is one GROUP BY only if each
count row already carries a region, a date and a measure. A count takes them from its own
sentence; failing that, the region and date fall back to the article's main region and its
publish date. The measure does not fall back: a count in a sentence that reports no measure
is not evidence for any measure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from transforms.gazetteer import regions as gazetteer_regions
from transforms.model import DateFact, MeasureFact, RegionFact

_DEPTH = {"province": 0, "city": 1, "county": 2}


def main_region(regions: list[RegionFact]) -> str | None:
    """The region an article is mostly about: most mentioned, earliest on ties."""
    if not regions:
        return None
    counts = Counter(r.region_code for r in regions)
    first_seen = {}
    for r in regions:
        first_seen.setdefault(r.region_code, r.start)
    return max(counts, key=lambda code: (counts[code], -first_seen[code]))


def sentence_regions(regions: list[RegionFact]) -> dict[int, str]:
    """The lowest-level region named in each sentence (a county says more than its province)."""
    gazetteer = gazetteer_regions()

    def depth(code: str) -> int:
        region = gazetteer.get(code)
        return _DEPTH[region.level] if region else -1

    best: dict[int, str] = {}
    for r in regions:
        current = best.get(r.sentence_no)
        if current is None or depth(r.region_code) > depth(current):
            best[r.sentence_no] = r.region_code
    return best


@dataclass(frozen=True, slots=True)
class CountLinks:
    """The region, date and measure a count takes from its sentence, and the article's
    fallbacks. The count extractor builds each count with them: a count is built once, not
    read and then rebuilt linked."""

    region_by_sentence: dict[int, str]
    date_by_sentence: dict[int, date]
    measure_by_sentence: dict[int, str]
    fallback_region: str | None
    publish_date: date | None

    def of(self, sentence_no: int) -> tuple[str | None, date | None, str | None]:
        """(region_code, date_start, measure_code) of a count in sentence ``sentence_no``."""
        return (
            self.region_by_sentence.get(sentence_no, self.fallback_region),
            self.date_by_sentence.get(sentence_no, self.publish_date),
            self.measure_by_sentence.get(sentence_no),
        )


def count_links(
    regions: list[RegionFact],
    dates: list[DateFact],
    measures: list[MeasureFact],
    fallback_region: str | None,
    publish_date: date | None,
) -> CountLinks:
    """The links of an article's counts; ``fallback_region`` is its :func:`main_region`."""
    date_by_sentence: dict[int, date] = {}
    for d in sorted(dates, key=lambda d: d.start):
        date_by_sentence.setdefault(d.sentence_no, d.date_start)
    measure_by_sentence: dict[int, str] = {}
    for m in sorted(measures, key=lambda m: m.start):
        measure_by_sentence.setdefault(m.sentence_no, m.measure_code)
    return CountLinks(
        sentence_regions(regions), date_by_sentence, measure_by_sentence, fallback_region,
        publish_date,
    )
