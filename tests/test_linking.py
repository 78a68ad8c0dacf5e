from dataclasses import replace
from datetime import date

from transforms.linking import link_counts, main_region
from transforms.model import CountFact, DateFact, MeasureFact, RegionFact


def _region(code: str, sentence: int, start: int) -> RegionFact:
    return RegionFact(sentence, start, start + 2, "某地", code)


def _count(sentence: int) -> CountFact:
    return CountFact(sentence, 0, 2, "5家", 5, None, False, "家", "count", "企业")


def test_main_region_is_most_mentioned_then_earliest():
    regions = [_region("350500", 0, 0), _region("350100", 1, 10), _region("350100", 2, 20)]
    assert main_region(regions) == "350100"
    assert main_region([_region("350500", 0, 0), _region("350100", 1, 10)]) == "350500"
    assert main_region([]) is None


def test_count_takes_its_sentence_links_and_falls_back_to_the_article():
    regions = [_region("350000", 0, 0), _region("350525", 0, 5), _region("330100", 2, 30)]
    dates = [DateFact(0, 8, 12, "2月3日", date(2020, 2, 3), date(2020, 2, 3), "day")]
    measures = [MeasureFact(0, 14, 16, "贷款", "finance_credit")]
    linked = link_counts([_count(0), _count(1)], regions, dates, measures, date(2020, 3, 1))
    first, second = linked
    assert first.region_code == "350525"  # the most specific region of the sentence
    assert first.date_start == date(2020, 2, 3)
    assert first.measure_code == "finance_credit"
    assert second.region_code == "350000"  # article's main region (earliest of the ties)
    assert second.date_start == date(2020, 3, 1)  # publish date
    assert second.measure_code is None  # measures never fall back
    # linking sets the three links and keeps every other field
    assert replace(second, region_code=None, date_start=None) == _count(1)

