"""transforms.page.parse_page on whole pages: two deliberate-defect fixtures (a Traditional
page with navigation, ruby pinyin, mojibake, odd spacing, related news and a footer with
phone/ICP/copyright lines; a spaced Simplified page saved cut short), plus pages that must
give no body."""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

import pytest

from transforms.page import parse_page

PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def messy():
    return parse_page((PAGES / "messy_traditional.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cut_short():
    return parse_page((PAGES / "cut_short_spaced.txt").read_text(encoding="utf-8"))


def test_messy_header(messy) -> None:
    assert messy.script == "traditional"
    # as printed (mojibake too, as facts.md's gold keeps it), ruby stripped, Simplified
    assert messy.title == "某市台办创新“两?!迸e措 助力台企复工"
    assert messy.publisher == "某某日报"
    assert messy.publish_date == date(2021, 6, 8)


def test_messy_body_is_the_article_only(messy) -> None:
    paragraphs = messy.body.split("\n")
    assert paragraphs[0].startswith("本报讯(记者 李四)6月7日,记者从某市台办获悉")
    assert "一企一策 精准服务" in paragraphs  # subheading
    assert "△ 工人在生产线上忙碌 张三 摄" in paragraphs  # photo caption
    assert paragraphs[-1] == "市台办负责人表示,下一步将继续做好服务,推动台企稳产增产。"
    for boilerplate in (
        "首页",
        "上一篇",
        "相关新闻",
        "0591",
        "ICP",
        "2023",
        "责任编辑",
        "分享到",
        "字体",
    ):
        assert boilerplate not in messy.body


@pytest.mark.parametrize(
    "fragment",
    [
        "全市已有554家台资企业复工,复工率达到96%。",  # spaces folded
        "派出12个服务专班",
        "《支持台资企业复工复产十条措施》(2021年)",  # real parentheses kept
        "最高50万元补贴",
        "心里很踏实。",  # the garbled quote tail dropped
    ],
)
def test_messy_body_is_clean(messy, fragment: str) -> None:
    assert fragment in messy.body


def test_messy_body_has_no_defects(messy) -> None:
    for bad in ("(bào)", "tái", "fù", "?", "\ue088", " ,", "臺", "復"):
        assert bad not in messy.body


def test_cut_short_page(cut_short) -> None:
    assert cut_short.script == "simplified"
    assert cut_short.title is None
    assert cut_short.publish_date is None
    assert cut_short.body.startswith("现代晚报讯(记者 赵六 / 文)记者从省交通厅了解到,截至2月22日,")
    assert "554趟次、10425人次" in cut_short.body
    assert "包车包机包专列,为员工返岗护航" in cut_short.body
    assert "盐城" not in cut_short.body  # the cut sentence holds no facts
    assert cut_short.body.endswith("每趟最高2000元。")


def test_dateline_place() -> None:
    page = parse_page(
        "北京3000余家规模以上工业企业开复工率61.2%\n\n2020-02-20 19:20 來源: 新華社\n\n"
        "新華社北京2月20日電(記者郭宇靖)記者從20日舉行的新聞發佈會上了解到,截至2月19日,"
        "北京市3081家規模以上工業企業中,1887家企業已開復工。\n"
        "北京市經信局新聞發言人任世強説,加快復工復産。"
    )
    assert page.dateline_place == "北京"
    assert page.publish_date == date(2020, 2, 20)
    assert "任世强说,加快复工复产。" in page.body


NO_BODY = [
    ("empty", ""),
    ("whitespace", " \n\n\t\n"),
    (
        "english",
        (
            "Home | News | Sports\nEconomy rebounds as factories reopen\nBy John Smith, March 5, 2020\n"
            "Factories across the country reopened on Monday, officials said. Output is expected to rise.\n"
            "Copyright 2020 Example News"
        ),
    ),
    (
        "navigation only",
        (
            "首页 | 新闻 | 体育 | 财经\n国内新闻\n国际新闻\n相关新闻\n"
            "- 2020-02-27 杭州台企按下复工复产“加速键”\n- 2020-02-26 复工复产十条,为企业开方便之门\n"
            "版权所有 © 2020 某某网 京ICP备12345678号"
        ),
    ),
]


@pytest.mark.parametrize(("name", "raw"), NO_BODY, ids=[c[0] for c in NO_BODY])
def test_no_body(name: str, raw: str) -> None:
    page = parse_page(raw)
    assert page.body == ""
    assert page.publish_date is None


@pytest.mark.parametrize("encoding", ["latin-1", "gb18030", "utf-8", "big5"])
def test_binary_garbage_has_no_body(encoding: str) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(6000))
    page = parse_page(data.decode(encoding, errors="replace"))
    assert page.body == ""


def test_line_endings() -> None:
    body = "近日，某市出台多项措施帮助企业复工复产，目前已有三百家企业恢复生产。"
    crlf = parse_page("标题在此处的一篇新闻\r\n时间:2020-03-05\r\n" + body + "\r\n" + body + "\r\n")
    assert crlf.body == body + "\n" + body
    assert crlf.publish_date == date(2020, 3, 5)


def test_fast_enough() -> None:
    raw = (PAGES / "messy_traditional.txt").read_text(encoding="utf-8")
    raw = raw * max(1, 10_000 // len(raw.encode("utf-8")))  # about 10 KB
    parse_page(raw)  # converters made, regexes compiled
    start = time.perf_counter()
    for _ in range(20):
        parse_page(raw)
    per_page = (time.perf_counter() - start) / 20
    assert per_page < 0.05, f"{per_page * 1000:.1f} ms per 10 KB page"


def test_closing_dateline_is_not_cut() -> None:
    prose = "近日，某市出台多项措施帮助企业复工复产，目前已有三百家企业恢复生产。"
    raw = "某市企业复工复产稳步推进\n时间:2020-02-27\n" + prose + "\n" + prose
    page = parse_page(raw + "(某某网、某市台办联合报道)某某网2月27日讯")
    assert page.body.endswith("(某某网、某市台办联合报道)某某网2月27日讯")
    assert parse_page(raw + "据了解,该市还将").body.endswith("恢复生产。")


def test_full_width_and_control_characters() -> None:
    prose = "近日，某市出台多项措施帮助企业复工复产，目前已有300家企业恢复生产。"
    plain = parse_page("某市企业复工复产稳步推进\n时间:2020-02-27\n" + prose + "\n" + prose)
    odd = prose.replace("300", "３００").replace("近日", "近\x07日")
    page = parse_page("某市企业复工复产稳步推进\n时间:２０２０-02-27\n" + odd + "\n" + odd)
    assert page == plain
    assert "300家" in page.body
