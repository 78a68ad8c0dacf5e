"""Table-driven cases for transforms.dates, one or more per rule of facts.md §4."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from transforms.dates import extract_dates
from transforms.model import DateFact
from transforms.page import parse_page
from transforms.sentences import split_sentences

_FORMAT = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def _render(d: date, granularity: str) -> str:
    return d.strftime(_FORMAT[granularity])


def _items(facts: list[DateFact]) -> list[tuple[str, str, str]]:
    return [
        (f.mention, _render(f.date_start, f.granularity), _render(f.date_end, f.granularity))
        for f in facts
    ]


CASES = [
    # full dates and the three granularities
    ("full day", "2019年11月8日，园区开园。", date(2019, 11, 20),
     [("2019年11月8日", "2019-11-08", "2019-11-08")]),
    ("year and month", "全县计划于2021年4月完成改造。", date(2021, 1, 3),
     [("2021年4月", "2021-04", "2021-04")]),
    ("year alone", "2018年，该厂产值翻番。", date(2019, 6, 1), [("2018年", "2018", "2018")]),
    ("year of a report", "发布2019年度报告。", date(2020, 5, 1), [("2019年度", "2019", "2019")]),
    ("zero-padded and spaced", "截至 3 月 08 日，全市复工。", date(2021, 3, 9),
     [("3 月 08 日", "2021-03-08", "2021-03-08")]),
    ("day written with 号", "7月6号开始报名。", date(2021, 7, 1), [("7月6号", "2021-07-06", "2021-07-06")]),
    ("chinese numerals", "二〇一九年十月一日举行庆典。", date(2019, 10, 2),
     [("二〇一九年十月一日", "2019-10-01", "2019-10-01")]),
    # month suffixes keep month granularity and stay in the mention
    ("month suffixes", "4月份签约，5月初动工，6月中旬封顶，7月底交付。", date(2021, 3, 30),
     [("4月份", "2021-04", "2021-04"), ("5月初", "2021-05", "2021-05"),
      ("6月中旬", "2021-06", "2021-06"), ("7月底", "2021-07", "2021-07")]),
    # year from the nearest year written earlier in the same paragraph
    ("paragraph year wins", "2019年初启动项目，到11月已完成。", date(2021, 2, 1),
     [("2019年", "2019", "2019"), ("11月", "2019-11", "2019-11")]),
    ("paragraph year does not cross a line break", "2019年启动。\n11月完成。", date(2021, 2, 1),
     [("2019年", "2019", "2019"), ("11月", "2020-11", "2020-11")]),
    # else the year nearest to publication
    ("previous year is nearer", "12月，订单回升。", date(2022, 1, 8), [("12月", "2021-12", "2021-12")]),
    ("next year is nearer", "预计6月份投产。", date(2021, 3, 2), [("6月份", "2021-06", "2021-06")]),
    ("tie goes to the past", "8月完工。", date(2021, 2, 1), [("8月", "2020-08", "2020-08")]),
    # as-of dates: nearest on or before publication, whatever the paragraph says
    ("as-of looks back", "截至4月30日，共发放贷款。", date(2021, 4, 10),
     [("4月30日", "2020-04-30", "2020-04-30")]),
    ("as-of ignores paragraph year", "2019年起步。截止到3月底，累计签约。", date(2021, 4, 2),
     [("2019年", "2019", "2019"), ("3月底", "2021-03", "2021-03")]),
    ("as-of today is no date", "截至目前，已解决问题。", date(2021, 4, 2), []),
    # a bare day takes its month like a month takes its year
    ("bare day from paragraph month", "5月6日开会，9日再议。", date(2021, 6, 30),
     [("5月6日", "2021-05-06", "2021-05-06"), ("9日", "2021-05-09", "2021-05-09")]),
    ("bare day nearest publication", "28日，工厂复产。", date(2021, 4, 2), [("28日", "2021-03-28", "2021-03-28")]),
    ("bare as-of day", "截至5日，全区复工。", date(2021, 4, 2), [("5日", "2021-03-05", "2021-03-05")]),
    ("day range without month", "6日至7日举行。", date(2021, 9, 8),
     [("6日至7日", "2021-09-06", "2021-09-07")]),
    # ranges give both ends
    ("day range with repeated unit", "11月3日至5日召开。", date(2021, 10, 1),
     [("11月3日至5日", "2021-11-03", "2021-11-05")]),
    ("day range with dash", "4月8日—9日培训。", date(2021, 4, 1), [("4月8日—9日", "2021-04-08", "2021-04-09")]),
    ("month range with tilde", "3月~4月累计。", date(2021, 5, 1), [("3月~4月", "2021-03", "2021-04")]),
    ("shorthand month range", "1-3月，出口增长。", date(2021, 4, 15), [("1-3月", "2021-01", "2021-03")]),
    ("shorthand day range", "6月15-16日开展。", date(2021, 6, 1), [("6月15-16日", "2021-06-15", "2021-06-16")]),
    ("range across months", "5月20日到6月2日报名。", date(2021, 5, 1),
     [("5月20日到6月2日", "2021-05-20", "2021-06-02")]),
    ("range across the new year", "12月至1月供暖。", date(2021, 11, 20), [("12月至1月", "2021-12", "2022-01")]),
    # relative years resolve against publication
    ("this year with month", "今年3月以来，企业复产。", date(2021, 5, 6), [("今年3月", "2021-03", "2021-03")]),
    ("bare this year", "今年，全市将新开工项目。", date(2021, 5, 6), [("今年", "2021", "2021")]),
    ("last and next year", "去年同期下降，明年1月恢复。", date(2021, 5, 6),
     [("去年", "2020", "2020"), ("明年1月", "2022-01", "2022-01")]),
    ("this year sets the paragraph year", "今年1月开工，10月完工。", date(2021, 5, 6),
     [("今年1月", "2021-01", "2021-01"), ("10月", "2021-10", "2021-10")]),
    # no publication date and no written year: left out
    ("no year anywhere", "9月1日起施行。", None, []),
    ("relative year needs publication", "今年5月开工。", None, []),
    ("written year works without publication", "2018年5月开工，7月投产。", None,
     [("2018年5月", "2018-05", "2018-05"), ("7月", "2018-07", "2018-07")]),
    # not dates
    ("relative words", "近日，日前，春节过后，一季度，年初以来，企业复工。", date(2021, 3, 1), []),
    ("durations", "用时3年，5日内办结，连续7日，每日通报，工作20余日。", date(2021, 3, 1), []),
    ("time of day is not part of the date", "截至6月1日18时，累计上报。", date(2021, 6, 2),
     [("6月1日", "2021-06-01", "2021-06-01")]),
    ("numbers with other units", "日产口罩3000个，24小时值守，共5个月。", date(2021, 3, 1), []),
    ("chinese numeral month alone", "阳春三月，一日一报。", date(2021, 3, 1), []),
    ("early in the year is no year", "提前年底完工。", date(2021, 3, 1), []),
    ("今年 inside other words", "如今年轻人返乡，说明年度计划，至今年底前完成。", date(2021, 3, 1), []),
    ("backwards range keeps its start", "9日至2日。", date(2021, 3, 20),
     [("9日至2日", "2021-03-09", "2021-03-09")]),
    ("invalid day", "2月30日。", date(2021, 3, 1), []),
    # the page's own stamp is publish_date, not a body date
    ("header stamp line", "2021年3月5日 10:21 来源：某某日报\n3月4日，企业复工。", date(2021, 3, 5),
     [("3月4日", "2021-03-04", "2021-03-04")]),
    ("header stamp without a label", "2021年3月5日 10:21\n企业复工。", date(2021, 3, 5), []),
    ("a label of prose is no stamp", "活动时间：2月15日至2月20日", date(2020, 2, 12),
     [("2月15日至2月20日", "2020-02-15", "2020-02-20")]),
    ("the word 来源 in prose is no stamp", "订单来源恢复，3月4日复工。", date(2020, 3, 5),
     [("3月4日", "2020-03-04", "2020-03-04")]),
    ("an update stamp", "更新时间：2020年3月5日", date(2020, 3, 5), []),
    ("a clock time in prose keeps its date", "3月4日21:40，航班抵达。", date(2021, 3, 5),
     [("3月4日", "2021-03-04", "2021-03-04")]),
    # a wire dateline's month-day is not a body date, but gives context to bare days
    ("wire dateline", "新华社合肥6月3日电（记者王某）记者2日获悉，项目投产。", date(2021, 6, 3),
     [("2日", "2021-06-02", "2021-06-02")]),
    ("dateline month is context for a bare day", "新华社合肥6月3日电 记者2日获悉。", date(2021, 7, 1),
     [("2日", "2021-06-02", "2021-06-02")]),
    ("trailing dateline", "效果良好。（本网、某市台办联合报道）某某网5月27日讯", date(2021, 5, 27), []),
    # 今年 right after 至 is a year only when a month follows
    ("range from last year into this year", "去年12月31日至今年1月2日开展活动。", date(2021, 2, 3),
     [("去年12月31日至今年1月2日", "2020-12-31", "2021-01-02")]),
    ("as-of this year's month", "截至今年3月底，累计发放。", date(2021, 5, 3),
     [("今年3月底", "2021-03", "2021-03")]),
    ("至今 before 年均 is no date", "至今年均增长。", date(2021, 5, 3), []),
    # year ranges and lists of months or days written with 、
    ("shorthand year range", "2020-2022年累计投入。", date(2021, 3, 20),
     [("2020-2022年", "2020", "2022")]),
    ("list of two months", "3、4月份，订单回升。", date(2021, 3, 20),
     [("3", "2021-03", "2021-03"), ("4月份", "2021-04", "2021-04")]),
    ("list of two days", "2月27、28日，企业复工。", date(2021, 3, 20),
     [("2月27", "2021-02-27", "2021-02-27"), ("28日", "2021-02-28", "2021-02-28")]),
    ("list of two bare days", "5月1日开工。8、9日验收。", date(2021, 5, 20),
     [("5月1日", "2021-05-01", "2021-05-01"), ("8", "2021-05-08", "2021-05-08"),
      ("9日", "2021-05-09", "2021-05-09")]),
    ("list marker before a date", "1、2月10日起减免租金。", date(2021, 3, 20),
     [("2月10日", "2021-02-10", "2021-02-10")]),
    ("list marker before a bare day", "1、28日起施行。", date(2021, 3, 20),
     [("28日", "2021-03-28", "2021-03-28")]),
    ("range end written with 号", "3月12号至14号举办。", date(2021, 3, 20),
     [("3月12号至14号", "2021-03-12", "2021-03-14")]),
    ("a comparison year does not date what follows", "出口比去年同期下降；3月份以来回升。",
     date(2020, 4, 10), [("去年", "2019", "2019"), ("3月份", "2020-03", "2020-03")]),
    ("a written comparison year neither", "较2019年同期增长，5月回落。", date(2020, 6, 10),
     [("2019年", "2019", "2019"), ("5月", "2020-05", "2020-05")]),
    ("local dateline with place after the date", "本网8月9日宁波讯 全市企业开工。", date(2021, 8, 10), []),
]


@pytest.mark.parametrize(
    ("body", "publish", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_extract_dates(body: str, publish: date | None, expected: list[tuple[str, str, str]]) -> None:
    facts = extract_dates(body, split_sentences(body), publish)
    assert _items(facts) == expected
    for f in facts:
        assert body[f.start:f.end] == f.mention


def test_facts_carry_their_sentence_and_granularity() -> None:
    body = "会议召开。\n3月5日开工。"
    [fact] = extract_dates(body, split_sentences(body), date(2021, 3, 9))
    assert fact.sentence_no == 1
    assert fact.granularity == "day"
    assert fact.date_start == fact.date_end == date(2021, 3, 5)


def test_month_is_stored_as_its_first_day() -> None:
    body = "4月底完成。"
    [fact] = extract_dates(body, split_sentences(body), date(2021, 3, 9))
    assert (fact.date_start, fact.granularity) == (date(2021, 4, 1), "month")


# Whole pages written for the review (tests/fixtures/review): each date of the body in text
# order, a range as its two ends, at its granularity.
REVIEW = Path(__file__).parent / "fixtures" / "review"
PAGES = [
    (
        "guangxi_cut.txt",
        ["2021-01", "2021-02", "2020-12-31", "2021-01-02"],
    ),
    (
        "guizhou_hubei_prefectures.txt",
        ["2020-03-05", "2020-02", "2020-02-27", "2020-02-28", "2020-03-01", "2020-02-10", "2020-03-31", "2020-01", "2020-02"],
    ),
    (
        "hk_tw_foreign.txt",
        ["2020-03"],
    ),
    (
        "jiangsu_lists.txt",
        ["2020-02-10", "2020-02-17", "2020-02"],
    ),
    (
        "neimenggu_ningxia.txt",
        ["2022", "2022-03", "2022-04", "2022-04", "2022-05-10", "2020", "2022", "2021", "2022-05"],
    ),
    (
        "trad_ruby_xinjiang.txt",
        ["2020-03-11", "2020-02", "2020-03-10", "2020-02", "2020-03"],
    ),
]


@pytest.mark.parametrize(("name", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_review_pages(name: str, expected: list[str]) -> None:
    page = parse_page((REVIEW / name).read_text(encoding="utf-8"))
    facts = extract_dates(page.body, split_sentences(page.body), page.publish_date)
    width = {"day": 10, "month": 7, "year": 4}
    got = []
    for f in facts:
        ends = sorted({f.date_start, f.date_end})
        got.extend(d.isoformat()[: width[f.granularity]] for d in ends)
    assert got == expected
