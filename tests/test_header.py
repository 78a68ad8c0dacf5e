"""Table-driven cases for transforms.header: title, publisher and publish_date."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.body import select_body
from transforms.datelines import find_dateline
from transforms.header import (
    _META,
    _META_NEEDS,
    _SOURCE,
    _SOURCE_NEEDS,
    _TAIL_SEPARATOR,
    _TAIL_SITE,
    _cn_date_digits,
    find_publish_date,
    find_publisher,
    find_title,
    parse_header,
)

PROSE = "近日，某市出台多项措施帮助企业复工复产，目前已有三百家企业恢复生产，复工率达到八成。"
PROSE2 = "市工信局负责人表示，下一步将继续加大帮扶力度，协调解决企业在用工、物流等方面的困难。"


def _page(*header: str, footer: tuple[str, ...] = (), body: tuple[str, ...] = (PROSE, PROSE2)):
    lines = [*header, *body, *footer]
    return lines, select_body(lines)


TITLE_CASES = [
    (
        "line above the date line",
        [
            "• 某某网移动版",
            "某某网移动版",
            "大陆台资高地昆山528家台企复工",
            "",
            "2022-05-05 09:28:00",
            "来源:新华社",
        ],
        (),
        "大陆台资高地昆山528家台企复工",
    ),
    (
        "line above an editor/time/source bar",
        [
            '台办台企携手抗"疫" 青岛台商:有信心共渡难关',
            "编辑: 左妍冰 | 时间: 2020-02-18 16:46:17 | 来源: 中国台湾网 |",
        ],
        (),
        '台办台企携手抗"疫" 青岛台商:有信心共渡难关',
    ),
    (
        "headline with a percentage",
        [
            "EN",
            "https://www.gov.cn/",
            "北京3000余家规模以上工业企业开复工率61.2%",
            "2020-02-20 19:20 来源: 新华社",
        ],
        (),
        "北京3000余家规模以上工业企业开复工率61.2%",
    ),
    (
        "breadcrumb's last item, repeated",
        [
            "安溪人才网",
            "您的位置:安溪人才网 >> 资讯中心 >> 泉州:党建引领“护航”企业复工复产",
            "• 泉州:党建引领“护航”企业复工复产",
        ],
        (),
        "泉州:党建引领“护航”企业复工复产",
    ),
    (
        "label at the foot of the page",
        ["傻大方", "首页 > 人文 >", "[改革发展]政府服务送上门 企业复工更有序", "按关键词阅读:"],
        ("稿源:(人民日报)", "标题:[改革发展]政府服务送上门 企业复工更有序"),
        "[改革发展]政府服务送上门 企业复工更有序",
    ),
    (
        "breadcrumb ending in a channel",
        ["您现在的位置:海峡网>新闻中心>福建频道>福州新闻", "分享"],
        (),
        None,
    ),
    (
        "first line right above the body",
        ["某市企业复工复产稳步推进", ""],
        (),
        "某市企业复工复产稳步推进",
    ),
    (
        "below the date line",
        ["2020-03-05 来源:某市日报", "某市企业复工复产稳步推进"],
        (),
        "某市企业复工复产稳步推进",
    ),
    (
        "headline above a dash subtitle and the date line",
        [
            "某某网",
            "某市企业复工复产稳步推进",
            "——某区多措并举推动经济社会发展",
            "2020-03-05 来源:某某网",
        ],
        (),
        "某市企业复工复产稳步推进",
    ),
    (
        "below the site name, right above the body",
        ["某某市新闻网", "某市企业复工复产稳步推进"],
        (),
        "某市企业复工复产稳步推进",
    ),
    (
        "below an e-paper page header",
        ["某某日报", "2020年03月05日", "第03版:要闻", "上一版 下一版", "某市企业复工复产稳步推进"],
        (),
        "某市企业复工复产稳步推进",
    ),
    ("a photo caption is no title", ["图为工人在车间忙碌"], (), None),
    ("a credited photo is no title", ["工人在车间忙碌 张三 摄"], (), None),
    ("no header at all", [], (), None),
    ("site name only", ["某某新闻网", "首页 | 新闻 | 财经"], (), None),
]


@pytest.mark.parametrize(
    ("name", "header", "footer", "expected"), TITLE_CASES, ids=[c[0] for c in TITLE_CASES]
)
def test_find_title(name, header, footer, expected) -> None:
    lines, body = _page(*header, footer=footer)
    assert find_title(lines, body) == expected


PUBLISHER_CASES = [
    (
        "source in a bar",
        ["编辑:左妍冰 | 时间:2020-02-27 15:15:02 | 来源:中国台湾网 |"],
        (),
        "中国台湾网",
    ),
    ("source after date", ["2020-02-20 15:34:44 来源: 新华网"], (), "新华网"),
    ("source line", ["来源:海南日报", "时间:2020-03-13", "作者:张惠宁"], (), "海南日报"),
    ("full-width colon", ["来源：中央广播电视总台海峡飞虹"], (), "中央广播电视总台海峡飞虹"),
    ("in brackets, after the body", [], ("稿源:(人民日报)",), "人民日报"),
    ("info source in the footer", [], ("添加日期:2020-03-05 信息来源:安溪人才网",), "安溪人才网"),
    ("e-paper header", ["辽宁日报 2020年03月27日"], (), "辽宁日报"),
    ("none", ["某某新闻网"], (), None),
]


@pytest.mark.parametrize(
    ("name", "header", "footer", "expected"), PUBLISHER_CASES, ids=[c[0] for c in PUBLISHER_CASES]
)
def test_find_publisher(name, header, footer, expected) -> None:
    lines, body = _page(*header, footer=footer)
    assert find_publisher(lines, body) == expected


DATE_CASES = [
    ("time label", ["来源:海南日报", "时间:2020-03-13"], (), date(2020, 3, 13)),
    ("bare datetime line", ["2022-05-05 09:28:00", "来源:新华社"], (), date(2022, 5, 5)),
    ("date before source", ["2020-02-20 15:34:44 来源: 新华网"], (), date(2020, 2, 20)),
    ("Chinese date", ["辽宁日报 2020年03月27日"], (), date(2020, 3, 27)),
    ("publish label", ["发布时间:2021/6/8 09:30"], (), date(2021, 6, 8)),
    (
        "added label in the footer",
        [],
        ("添加日期:2020-03-05 信息来源:安溪人才网",),
        date(2020, 3, 5),
    ),
    (
        "dated path /a/2020/0224/",
        [],
        ("【】网址:/a/2020/0224/010news227511.html",),
        date(2020, 2, 24),
    ),
    (
        "dated path /2020-02/20/",
        ["http://example.cn/politics/2020-02/20/c_1125601968.htm"],
        (),
        date(2020, 2, 20),
    ),
    (
        "dated path 202003/27/",
        ["http://epaper.example.cn/pc/con/202003/27/content_173585.html"],
        (),
        date(2020, 3, 27),
    ),
    (
        "dated path t20200223_",
        ["http://news.example.cn/202002/t20200223_2485846.shtml"],
        (),
        date(2020, 2, 23),
    ),
    (
        "related list is not the date",
        [],
        ("相关新闻", "- 2020-04-17湖南省委台办组织召开座谈会"),
        None,
    ),
    ("copyright year is not a date", [], ("Copyright © 2016 某某网 版权所有",), None),
    ("filing number is not a date", [], ("闽互联网新闻信息服务备案编号:20070802号",), None),
    ("invalid date", ["时间:2020-02-30"], (), None),
    ("nothing", ["某某新闻网"], (), None),
]


@pytest.mark.parametrize(
    ("name", "header", "footer", "expected"), DATE_CASES, ids=[c[0] for c in DATE_CASES]
)
def test_find_publish_date(name, header, footer, expected) -> None:
    lines, body = _page(*header, footer=footer)
    assert find_publish_date(lines, body) == expected


def test_dateline_year_gives_the_date() -> None:
    lines, body = _page(body=("新华社北京2020年2月20日电 " + PROSE, PROSE2))
    dateline = find_dateline("\n".join(lines[i] for i in body.indices))
    assert find_publish_date(lines, body, dateline) == date(2020, 2, 20)


def test_dateline_without_year_gives_no_date() -> None:
    lines, body = _page(body=("中国台湾网11月17日济宁讯 " + PROSE, PROSE2))
    dateline = find_dateline("\n".join(lines[i] for i in body.indices))
    assert dateline is not None
    assert find_publish_date(lines, body, dateline) is None


def test_labelled_date_beats_dated_path() -> None:
    lines, body = _page("http://example.cn/2019-01/01/c_1.htm", "时间:2020-03-13")
    assert parse_header(lines, body).publish_date == date(2020, 3, 13)


TITLE = "某市企业复工复产稳步推进"


@pytest.mark.parametrize(
    ("header", "footer", "expected"),
    [
        # a teaser's labelled date in a related list after the body
        ([TITLE], ("相关新闻", "某县召开会议部署春耕生产工作 时间:2020-02-11"), None),
        # the page's own date at the foot still counts
        ([TITLE], ("发布时间:2020-03-05 来源:某某网",), date(2020, 3, 5)),
        # a teaser's date in the header, above the headline
        (["热点:某县召开会议部署春耕生产工作 发布时间:2020-02-11", TITLE], (), None),
        # the headline and its date on one line
        ([TITLE, TITLE + " 2020-03-05"], (), date(2020, 3, 5)),
    ],
)
def test_teaser_dates_are_not_the_page_date(header, footer, expected) -> None:
    lines, body = _page(*header, footer=footer)
    assert find_publish_date(lines, body, title=TITLE) == expected


def test_title_tag_line_gives_the_headline() -> None:
    lines, body = _page(TITLE + "_新闻中心_某某网", "首页 | 新闻 | 财经")
    assert find_title(lines, body) == TITLE


def test_byline_is_no_title() -> None:
    lines, body = _page(TITLE, "2020-03-05 来源:某某网", "(记者 王五 通讯员 李四)")
    assert find_title(lines, body) == TITLE


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["某某日报", "二〇二〇年三月五日 星期四", TITLE], date(2020, 3, 5)),
        (["某某日报", "二〇二一年十二月三十一日", TITLE], date(2021, 12, 31)),
        ([TITLE, "2020－03－05 来源:某某网"], date(2020, 3, 5)),  # full-width hyphens
        # the publication time, not the later update time
        ([TITLE, "2020-03-05 10:21 来源:某某网 更新时间:2020-03-06"], date(2020, 3, 5)),
        ([TITLE, "更新时间:2020-03-06"], date(2020, 3, 6)),
    ],
)
def test_more_date_forms(header, expected) -> None:
    lines, body = _page(*header)
    assert find_publish_date(lines, body, title=TITLE) == expected


def test_headline_above_byline_and_epaper_header() -> None:
    lines, body = _page(
        "某某日报", "二〇二〇年三月五日 星期四", "第03版:要闻", TITLE, "本报记者 王五"
    )
    assert find_title(lines, body) == TITLE


@pytest.mark.parametrize(
    "nav", ["政务公开 新闻动态", "要闻动态 部门动态 乡镇动态", "当前栏目:县区动态"]
)
def test_menu_row_above_the_body_is_no_title(nav) -> None:
    lines, body = _page("某某网", nav)
    assert find_title(lines, body) is None


@pytest.mark.parametrize(
    ("footer", "expected"),
    [
        (("相关新闻", "http://x.cn/2020-02/11/c_123.htm 某县召开会议部署春耕"), None),
        (("上一篇:http://x.cn/a/2020/0211/1.html",), None),
        (("本文网址:/a/2020/0305/9.html",), date(2020, 3, 5)),
    ],
)
def test_other_articles_paths_are_not_the_date(footer, expected) -> None:
    lines, body = _page(TITLE, footer=footer)
    assert find_publish_date(lines, body, title=TITLE) == expected


def _header_rows() -> list[str]:
    """Every row of the cases above, and rows made to reach each alternative of the
    patterns the pre-filters stand in for."""
    cases = [*TITLE_CASES, *PUBLISHER_CASES, *DATE_CASES]
    return [
        *(row for case in cases for row in [*case[1], *case[2]]),
        "来源：某某网",
        "信息来源:某某网 稿源:某某报 出处:某某网 来自:某某客户端",
        "2020年3月5日",
        "二〇二〇年三月五日",
        "15:34",
        "标题 - 某某网",
        "标题 | 新闻中心",
        "标题｜某某网",
        "标题_频道_某某网",
        "某某市召开复工复产推进会",
    ]


def test_pre_filters_hold_what_their_patterns_need() -> None:
    """A row without a colon or a digit is no meta row; one without a separator has no
    site name tail: what lets _is_meta and _title_text skip their patterns."""
    for row in _header_rows():
        text = _cn_date_digits(row)
        assert not _META.search(text) or _META_NEEDS.search(text), row
        assert not _TAIL_SITE.search(row) or _TAIL_SEPARATOR.search(row), row
        assert not _SOURCE.search(row) or _SOURCE_NEEDS.search(row), row
