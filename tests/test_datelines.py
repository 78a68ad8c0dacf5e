"""Table-driven cases for transforms.datelines.find_dateline."""

from __future__ import annotations

import pytest

from transforms.datelines import find_dateline

# (name, body, dateline text, place, year, month, day)
FOUND = [
    ("wire with place", "中新社北京3月4日电 今天,", "中新社北京3月4日电", "北京", None, 3, 4),
    (
        "wire with reporter",
        "新华社兰州2月20日电（记者 任卫东）伴随着牛肉面的重新飘香",
        "新华社兰州2月20日电（记者 任卫东）",
        "兰州",
        None,
        2,
        20,
    ),
    (
        "traditional wire",
        "新華社北京2月20日電(記者郭宇靖)記者從",
        "新華社北京2月20日電(記者郭宇靖)",
        "北京",
        None,
        2,
        20,
    ),
    (
        "traditional place converted",
        "中新網瀋陽4月21日電 (記者 韓宏)遼寧",
        "中新網瀋陽4月21日電 (記者 韓宏)",
        "沈阳",
        None,
        4,
        21,
    ),
    ("place after date", "11月17日濟寧訊 根據山東省", "11月17日濟寧訊", "济宁", None, 11, 17),
    (
        "agency, date, place",
        "中国台湾网11月17日济宁讯 根据",
        "中国台湾网11月17日济宁讯",
        "济宁",
        None,
        11,
        17,
    ),
    (
        "agency without place",
        "中国台湾网2月18日讯 新冠肺炎疫情",
        "中国台湾网2月18日讯",
        None,
        None,
        2,
        18,
    ),
    (
        "with a year",
        "新华社烟台2020年3月1日电 记者",
        "新华社烟台2020年3月1日电",
        "烟台",
        2020,
        3,
        1,
    ),
    (
        "people's daily online",
        "人民网北京2月20日电 记者",
        "人民网北京2月20日电",
        "北京",
        None,
        2,
        20,
    ),
    (
        "long agency name",
        "中央广播电视总台北京3月1日电 据",
        "中央广播电视总台北京3月1日电",
        "北京",
        None,
        3,
        1,
    ),
    ("local paper", "本报讯（记者 张三）日前,", "本报讯（记者 张三）", None, None, None, None),
    (
        "local paper, byline",
        "本报讯 记者刘家伟报道 3月23日,记者从",
        "本报讯 记者刘家伟报道",
        None,
        None,
        None,
        None,
    ),
    (
        "named paper",
        "现代快报讯(记者 谷伟 / 文 马晶晶 / 摄)记者从江苏省",
        "现代快报讯(记者 谷伟 / 文 马晶晶 / 摄)",
        None,
        None,
        None,
        None,
    ),
    ("indented", "  新华社南京5月3日电 记者", "新华社南京5月3日电", "南京", None, 5, 3),
    (
        "unclosed credit is left out",
        "新华社南京5月3日电(记者刘巍。3日从江苏省",
        "新华社南京5月3日电",
        "南京",
        None,
        5,
        3,
    ),
    (
        "after the closing credit",
        "共同抗击疫情。(中国台湾网、杭州市台办联合报道)中国台湾网2月27日讯",
        "中国台湾网2月27日讯",
        None,
        None,
        2,
        27,
    ),
    (
        "second paragraph",
        "某某新闻网\n中新社上海3月4日电 今天",
        "中新社上海3月4日电",
        "上海",
        None,
        3,
        4,
    ),
    # spaces around the date and the place after it
    ("spaced wire", "中新社北京 3 月 4 日 电 今天,", "中新社北京 3 月 4 日 电", "北京", None, 3, 4),
    ("spaced place after date", "11月17日 濟寧 訊 記者", "11月17日 濟寧 訊", "济宁", None, 11, 17),
    ("tab before place", "本报3月4日\t北京消息 记者", "本报3月4日\t北京消息", "北京", None, 3, 4),
]


@pytest.mark.parametrize(
    ("name", "body", "text", "place", "year", "month", "day"), FOUND, ids=[c[0] for c in FOUND]
)
def test_find_dateline(name, body, text, place, year, month, day) -> None:
    found = find_dateline(body)
    assert found is not None
    assert found.text == text
    assert body[found.start : found.end] == found.text
    assert (found.place, found.year, found.month, found.day) == (place, year, month, day)


NOT_FOUND = [
    ("plain date", "截至2月22日,全省规模以上工业企业复工数4.2万家。"),
    ("date then 电影", "今年3月4日电影院恢复营业。"),
    ("date then 电力", "北京3月4日电力供应恢复正常。"),
    ("whole city", "全市3月4日讯息发布会召开。"),
    ("date inside a sentence", "记者3月4日从市政府获悉,全市企业复工。"),
    ("ruby not stripped", "本報(bào)訊 記者"),
    ("empty", ""),
    ("no Chinese", "Beijing, March 4 (Xinhua) -- Factories reopened."),
]


@pytest.mark.parametrize(("name", "body"), NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_no_dateline(name: str, body: str) -> None:
    assert find_dateline(body) is None


def test_first_dateline_wins() -> None:
    body = "本报讯 记者从市政府获悉。\n中新社北京3月4日电 据悉"
    found = find_dateline(body)
    assert found is not None and found.start == 0 and found.text == "本报讯"


def test_dateline_is_frozen() -> None:
    found = find_dateline("中新社北京3月4日电")
    with pytest.raises(AttributeError):
        found.place = "上海"  # type: ignore[misc]
