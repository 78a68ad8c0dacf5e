from dataclasses import replace
from datetime import date

from transforms.counts import extract_counts
from transforms.linking import count_links, main_region
from transforms.model import DateFact, MeasureFact, RegionFact
from transforms.sentences import split_sentences


def _region(code: str, sentence: int, start: int) -> RegionFact:
    return RegionFact(sentence, start, start + 2, "某地", code)


def test_main_region_is_most_mentioned_then_earliest():
    regions = [_region("350500", 0, 0), _region("350100", 1, 10), _region("350100", 2, 20)]
    assert main_region(regions) == "350100"
    assert main_region([_region("350500", 0, 0), _region("350100", 1, 10)]) == "350500"
    assert main_region([]) is None


def test_count_takes_its_sentence_links_and_falls_back_to_the_article():
    regions = [_region("350000", 0, 0), _region("350525", 0, 5), _region("330100", 2, 30)]
    dates = [DateFact(0, 8, 12, "2月3日", date(2020, 2, 3), date(2020, 2, 3), "day")]
    measures = [MeasureFact(0, 14, 16, "贷款", "finance_credit")]
    links = count_links(regions, dates, measures, main_region(regions), date(2020, 3, 1))
    # the most specific region of the sentence, its first date, its first measure
    assert links.of(0) == ("350525", date(2020, 2, 3), "finance_credit")
    # the article's main region (earliest of the ties) and the publish date; measures never
    # fall back
    assert links.of(1) == ("350000", date(2020, 3, 1), None)


def test_counts_are_built_with_their_links_and_nothing_else_changes():
    body = "福建5家企业复工。全省新增贷款3亿元。"
    sentences = split_sentences(body)
    links = count_links(
        [_region("350000", 0, 0)], [], [MeasureFact(1, 12, 14, "贷款", "finance_credit")],
        "350000", date(2020, 3, 1),
    )
    unlinked = extract_counts(body, sentences)
    linked = extract_counts(body, sentences, links)
    assert [c.region_code for c in unlinked] == [None, None]
    assert [(c.region_code, c.date_start, c.measure_code) for c in linked] == [
        ("350000", date(2020, 3, 1), None),
        ("350000", date(2020, 3, 1), "finance_credit"),
    ]
    # linking sets the three links and keeps every other field
    unlinked_again = [replace(c, region_code=None, date_start=None, measure_code=None) for c in linked]
    assert unlinked_again == unlinked
