"""Plain value types passed between the transforms.

Every fact carries the offsets of its mention in the *stored* body (``dim_article.body``:
cleaned, Simplified), so ``body[start:end] == mention`` always holds; the data-quality
suite checks it. Types are frozen dataclasses rather than dicts so a typo in a field name
fails at construction, not in the warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple


class Sentence(NamedTuple):
    """A sentence of the body; ``no`` is 0-based, offsets are into the body. A named tuple:
    every sentence of every article is one, and only the extractors read them, so it is
    built at a fraction of a frozen dataclass's cost."""

    no: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Page:
    """What the cleaning stage makes of one raw page, before fact extraction."""

    title: str | None
    publisher: str | None
    publish_date: date | None
    script: str  # simplified | traditional | mixed (of the raw page)
    body: str  # cleaned body, Simplified; "" when no body was found
    dateline_place: str | None = None  # place named by a wire dateline, e.g. "北京", Simplified


@dataclass(frozen=True, slots=True)
class RegionFact:
    sentence_no: int
    start: int
    end: int
    mention: str
    region_code: str  # six-digit GB/T 2260 code, a row of dim_region


@dataclass(frozen=True, slots=True)
class CountFact:
    sentence_no: int
    start: int
    end: int
    mention: str
    value: float
    value_max: float | None
    approx: bool
    unit: str
    unit_class: str  # money | percent | count | duration | other
    what: str | None
    # filled by transforms.linking, never by the count extractor
    region_code: str | None = None
    date_start: date | None = None
    measure_code: str | None = None


@dataclass(frozen=True, slots=True)
class DateFact:
    sentence_no: int
    start: int
    end: int
    mention: str
    date_start: date
    date_end: date
    granularity: str  # day | month | year


@dataclass(frozen=True, slots=True)
class MeasureFact:
    sentence_no: int
    start: int
    end: int
    mention: str  # the cue word that evidences the measure
    measure_code: str
    region_code: str | None = None


@dataclass(frozen=True, slots=True)
class Facts:
    """All facts of one article, and the sentences they were read from.

    ``sentences`` holds the body's sentence texts in order: a fact's evidence is
    ``sentences[fact.sentence_no]``. The extraction splits the body anyway; keeping the
    texts spares staging a second split of every body.
    """

    regions: list[RegionFact] = field(default_factory=list)
    counts: list[CountFact] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    measures: list[MeasureFact] = field(default_factory=list)
    sentences: tuple[str, ...] = ()
