"""Table-driven cases for transforms.body: line classes, the body block, cut pages."""

from __future__ import annotations

import re

import pytest

from transforms.body import (
    _LIST_DATE,
    _LIST_DATE_NEEDS,
    _SEPARATOR_NEEDS,
    _SEPARATORS,
    _SOFT_END,
    _ends_soft,
    classify,
    count_han,
    drop_cut_fragment,
    ends_sentence,
    paragraphs,
    select_body,
)

PROSE = "近日，某市出台多项措施帮助企业复工复产，目前已有三百家企业恢复生产，复工率达到八成。"
PROSE2 = "市工信局负责人表示，下一步将继续加大帮扶力度，协调解决企业在用工、物流等方面的困难。"
PROSE3 = "据介绍，该市还为企业发放稳岗补贴，减免租金，帮助企业渡过难关，稳住员工队伍。"

CLASS_CASES = [
    ("prose", PROSE, "prose"),
    ("short sentence with end mark", "企业全部复工。", "short"),
    ("subheading", "一企一策 精准服务", "short"),
    ("caption", "△员工乘坐复工专列抵达南京南站", "short"),
    ("blank", "   ", "blank"),
    ("breadcrumb", "您的位置:某某网 >> 地方新闻 >> 正文", "boiler"),
    ("nav bar", "首页 | 新闻 | 财经 | 台湾 | 视频", "boiler"),
    ("bullet link", "• 某某新闻网手机版", "boiler"),
    ("related item", "- 2020-04-17湖南省委台办组织召开座谈会", "boiler"),
    ("related item, date last", "- 台报社论:岛内民众应看清2025-03-14", "boiler"),
    ("prev/next", "上一篇:某市举办两岸青年创业交流会", "boiler"),
    ("related header", "相关新闻", "boiler"),
    ("editor", "责任编辑:赵睿", "boiler"),
    ("share bar", "分享到: 微信 微博", "boiler"),
    ("font size", "【字体:大 中 小】", "boiler"),
    ("copyright", "Copyright © 2016 某某网 版权所有", "boiler"),
    ("ICP", "闽ICP备15008128号-2", "boiler"),
    (
        "long footer prose",
        "本站游戏频道作品版权归作者所有,如果侵犯了您的版权,请联系我们,本站将在3个工作日内删除。",
        "boiler",
    ),
    ("phone", "职业道德监督、违法和不良信息举报电话:0591-87095414", "boiler"),
    ("address", "地址:某市某路1号 邮编:350001", "boiler"),
    ("url", "https://www.gov.cn/", "boiler"),
    ("english", "Qzone", "boiler"),
    ("teaser with reads", "阅读(15)", "boiler"),
]


@pytest.mark.parametrize(("name", "line", "kind"), CLASS_CASES, ids=[c[0] for c in CLASS_CASES])
def test_classify(name: str, line: str, kind: str) -> None:
    assert classify(line).kind == kind


def _body(lines: list[str]) -> list[str]:
    body = select_body(lines)
    return [lines[i] for i in body.indices]


def test_body_between_header_and_footer() -> None:
    lines = [
        "某某新闻网",
        "首页 | 新闻 | 财经 | 台湾",
        "某市企业复工复产稳步推进",
        "2020-03-05 10:22 来源:某某日报",
        "",
        PROSE,
        "一企一策 精准服务",
        PROSE2,
        "△工人在生产线上忙碌",
        PROSE3,
        "某某日报记者 张三",
        "责任编辑:李四",
        "相关新闻",
        "- 2020-03-01 某市台企复工率超九成",
        "版权所有 © 2020 某某网 京ICP备12345678号",
    ]
    assert _body(lines) == [PROSE, "一企一策 精准服务", PROSE2, "△工人在生产线上忙碌", PROSE3]


def test_teasers_after_footer_are_not_body() -> None:
    teaser = (
        "一小伙隔离在办公室“打怪兽”，1月20日，专家宣布新冠肺炎人传人，第三天他发现自己被感染了，..."
    )
    lines = [
        PROSE,
        PROSE2,
        PROSE3,
        "",
        "稿源:(人民日报)",
        "上一篇:某某",
        "下一篇:某某",
        "人文",
        teaser,
        "阅读(15)",
        "人文",
        teaser,
    ]
    assert _body(lines) == [PROSE, PROSE2, PROSE3]


def test_end_cue_cuts_the_block() -> None:
    lines = [
        PROSE,
        PROSE2,
        "相关阅读",
        "某市出台十条措施，支持中小企业共渡难关，给予租金减免和贷款贴息。",
    ]
    assert _body(lines) == [PROSE, PROSE2]


def test_navigation_only_has_no_body() -> None:
    lines = [
        "首页 | 新闻 | 体育 | 财经",
        "国内新闻",
        "国际新闻",
        "- 2020-02-27 杭州台企按下复工复产“加速键”",
        "- 2020-02-26 复工复产十条,为企业开方便之门",
        "版权所有 © 2020 某某网",
    ]
    body = select_body(lines)
    assert not body.found and body.indices == ()


def test_english_has_no_body() -> None:
    lines = [
        "Home | News",
        "Factories reopened on Monday, officials said. Output is expected to rise.",
    ]
    assert not select_body(lines).found


CUT_CASES = [
    ("ends with a full stop", "甲。\n乙。", "甲。\n乙。"),
    ("cut mid-sentence", "甲。\n乙乙。丙丙丙", "甲。\n乙乙。"),
    ("cut after a quote", "甲。\n他说:“我们动起来了,", "甲。"),
    ("cut inside closing quote kept", "甲。\n“好很多。”丙丙", "甲。\n“好很多。”"),
    ("only fragment", "丙丙丙", ""),
    ("credit in brackets is an end", "甲。(某某网联合报道)", "甲。(某某网联合报道)"),
    ("question mark", "甲。\n怎么办?", "甲。\n怎么办?"),
]


@pytest.mark.parametrize(("name", "body", "expected"), CUT_CASES, ids=[c[0] for c in CUT_CASES])
def test_drop_cut_fragment(name: str, body: str, expected: str) -> None:
    assert drop_cut_fragment(body) == expected


def test_paragraphs_strip_bullets_and_indent() -> None:
    lines = ["  • " + PROSE, "\u3000\u3000" + PROSE2]
    body = select_body(lines)
    assert paragraphs(lines, body) == [PROSE, PROSE2]


def test_hard_wrapped_lines_are_joined() -> None:
    text = PROSE + PROSE2 + PROSE3
    wrapped = [text[i : i + 24] for i in range(0, len(text), 24)]
    body = select_body(wrapped)
    assert paragraphs(wrapped, body) == [text]


def test_caption_before_prose_is_not_joined() -> None:
    caption = "△包机上,红土航空给工友提供食品。红土航空供图"
    lines = [PROSE, caption, PROSE2]
    assert paragraphs(lines, select_body(lines)) == [PROSE, caption, PROSE2]


def test_comment_section_is_not_body() -> None:
    lines = [
        "某市企业复工复产稳步推进",
        "近日，某市出台多项措施帮助企业复工复产，目前已有三百家企业恢复生产，复工率达到八成。",
        "网友评论",
        "网友张三：这个政策真是太好了，希望我们这里也能推广这样的做法，为企业解决实际困难，支持！",
        "网友李四：点赞某区的工作专班，深入一线为企业服务，协调解决用工和物流问题，非常及时有效。",
    ]
    assert _body(lines) == [lines[1]]


def test_mobile_clause_line_starts_the_body() -> None:
    lines = [
        "某市企业复工复产稳步推进",
        "为帮助企业复工复产，",
        "某区组织工作专班深入企业一线。",
        "协调解决用工、物流等问题。",
        "已帮助120家企业恢复生产。",
    ]
    assert _body(lines) == lines[1:]


@pytest.mark.parametrize("cue", ["本版其他文章", "往期回顾", "更多新闻>>", "我要留言"])
def test_teasers_after_a_list_heading_are_not_body(cue) -> None:
    lines = [
        "某市企业复工复产稳步推进",
        "近日，某市出台多项措施帮助企业复工复产，目前已有三百家企业恢复生产，复工率达到八成。",
        cue,
        "某县召开全县企业复工复产工作推进会议，全力帮助企业解决用工难题，确保早日达产。",
    ]
    assert _body(lines) == [lines[1]]


ENDS_CASES = [
    ("full stop", "企业复工。", True),
    ("end mark then closers", "他说：“复工了！”】", True),
    ("ellipsis", "还有很多……", True),
    ("closing parenthesis", "（完）", True),
    ("ASCII marks and quote", "Really?'", True),
    ("closer without end mark", "《复工指南》", False),
    ("comma", "为帮助企业复工复产，", False),
    ("end mark inside", "复工。企业", False),
    ("empty", "", False),
]


@pytest.mark.parametrize(("name", "text", "expected"), ENDS_CASES, ids=[c[0] for c in ENDS_CASES])
def test_ends_sentence(name: str, text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Qzone", 0),
        ("企业复工", 4),
        ("A股、B超 3家企业", 5),
        ("\u3400丽", 2),
        ("\uf900", 0),
        ("\u4db5\u4dc0", 1),  # the last of Extension A, a hexagram symbol
    ],
)
def test_count_han(text: str, expected: int) -> None:
    assert count_han(text) == expected


def test_count_han_counts_the_han_class() -> None:
    """Counting by UTF-16 high bytes agrees with the class it stands for on every block of
    256 BMP code points (lone surrogates too; the block U+4D00–U+4DFF, half Han, half
    hexagrams, is left to the runs) and beyond the BMP."""
    han = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
    blocks = ["".join(map(chr, range(hi << 8, (hi + 1) << 8))) for hi in range(256)]
    for text in [*blocks, "𠮷野家\U0004e000", "\ud834\udd1e丽"]:
        assert count_han(text) == len(han.findall(text)), repr(text[:1])


def test_tail_of_a_wrapped_paragraph_before_the_footer_is_body() -> None:
    # the last body line, "成。", is short on its own and made prose by the line above it;
    # the footer after it is never judged
    lines = [
        "某市企业复工复产稳步推进",
        "近日，某市出台多项措施帮助企业复工复产，目前已有三百家企业恢复生产，复工率达到八",
        "成。",
        "相关新闻",
        "- 2020-02-27 杭州台企按下复工复产“加速键”",
        "",
        "版权所有 © 2020 某某网 京ICP备12345678号",
    ]
    body = select_body(lines)
    assert body.indices == (1, 2)
    assert body.kinds == ("prose", "prose")


def test_pre_filters_hold_what_their_patterns_need() -> None:
    """A line without a digit is no dated list item; one without a separator character
    has no separators: what lets _is_boilerplate skip those patterns."""
    lines = [line for _, line, _ in CLASS_CASES] + [
        "- 2020-04-17 某某新闻",
        "某某新闻 2020/4/17",
        "• 4-17 某某新闻",
        "某某新闻(04-17)",
        "首页 / 新闻 / 正文",
        "首页 › 新闻 » 正文",
        "首页>>新闻>正文",
    ]
    for line in lines:
        assert not _LIST_DATE.search(line) or _LIST_DATE_NEEDS.search(line), line
        assert not _SEPARATORS.findall(line) or _SEPARATOR_NEEDS.search(line), line


@pytest.mark.parametrize("text", ["", "企业", "企业。", "为帮助企业，", "增长3", "A", "(完)", "截至：", "伍。\n企业"])
def test_ends_soft_looks_at_the_last_character_as_the_pattern(text: str) -> None:
    assert _ends_soft(text) is bool(_SOFT_END.search(text))
