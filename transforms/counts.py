"""Quantities of an article body (facts.md §3): a numeral with its measure word.

A quantity is found by one compiled regular expression: an optional bound word
(``约``, ``近``, ``超过``, ``不低于`` …), a numeral in any of the forms
:mod:`transforms.numbers` reads, a measure word or unit from a closed list, and an optional
bound suffix (``以上``, ``左右`` …). A closed list of units rather than "any character after
a number" is what keeps dates (``2月19日``), times (``3时``), levels of government
(``两级``) and most names and slogans (``两手抓``, ``三服务``, ``五难``) out; the rules in
:func:`_rejected` remove the rest (ordinals, the article ``一``, idioms, years, round-the-clock
``24小时``, numbered slogans such as ``三个一``).

The noun counted (``what``) is read from jieba words and their dictionary tags, but only on
the dozen characters around each quantity, so the cost follows the number of quantities, not
the length of the body. A quantity whose clause names no noun borrows it from the quantity
written next to it (``6方面22条举措``, ``问题186个，办结184个``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

import ahocorasick_rs

from transforms import lexicon
from transforms.linking import CountLinks
from transforms.model import CountFact, Sentence
from transforms.numbers import (
    CN_DIGITS,
    CN_MAGNITUDES,
    NUMERAL_PATTERN,
    SPACE,
    SPAN_PATTERN,
    SPAN_SEPARATORS,
    parse_numeral,
)
from transforms.sentences import sentence_at


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# written unit -> (unit as stored, unit class)
_MONEY = {
    u: (u, "money")
    for u in _words(
        "元 美元 美金 港元 港币 欧元 日元 英镑 新台币 台币 韩元 澳元 澳门元 澳门币 卢布 "
        "新加坡元 加元 泰铢 林吉特 越南盾 瑞士法郎"
    )
}
_MONEY["人民币"] = ("元", "money")
_PERCENT = {u: (u, "percent") for u in _words("% ‰ 个百分点 百分点 成")}
_PERCENT["％"] = ("%", "percent")
_DURATION = {
    u: (u, "duration")
    for u in _words("天 个月 小时 年 周 个星期 星期 个季度 分钟 秒 个工作日 工作日")
}
_DURATION["个小时"] = ("小时", "duration")  # 个 is optional before 小时, not part of the unit
_OTHER = {
    u: (u, "other")
    for u in _words(
        "吨 千克 公斤 克 斤 升 毫升 立方米 平方米 平方公里 平方千米 平米 亩 "
        "公顷 公里 千米 米 厘米 毫米 千瓦时 千瓦 兆瓦 度 标箱 岁 周岁 倍 ℃ 立方 "
        "㎡ ㎞ ㎏"
    )
}
_COUNT = {
    u: (u, "count")
    for u in _words(
        "个 家 名 人 位 件 项 户 支 套 只 瓶 份 台 辆 次 条 批 趟 班 "
        "架 列 张 所 座 栋 幢 间 处 块 根 本 篇 封 袋 包 盒 箱 桶 罐 "
        "碗 杯 顿 副 双 枚 颗 粒 株 棵 头 匹 艘 笔 宗 例 种 类 组 期 "
        "款 场 路 版 部门 方面 人次 趟次 车次 架次 班次 批次 场次 户次 家次 "
        "台次 辆次 艘次 台套 剂 剂次 针 轮 人份 件次 项次 个次 课时 学时 "
        "把 单 片 顶 航次 吨次 票 起 桌 部 部委"
    )
}
_COUNT["人口"] = ("人", "count")  # 300多万人口: people, the noun written into the unit
UNITS: dict[str, tuple[str, str]] = {**_COUNT, **_OTHER, **_DURATION, **_PERCENT, **_MONEY}
_UNIT_FIRST_CHARS = frozenset(u[0] for u in UNITS)

# Bound words before the number, longest first; each makes the quantity approximate.
_PREFIXES = _words(
    "最多可达 最高可达 最多达到 最高达到 最多达 最高达 不低于 不少于 不超过 "
    "不高于 不多于 接近 将近 大约 约为 超过 突破 至少 最多 最高 不足 "
    "不到 大约有 约有 最少 最低 最长 最短 最快 最大 低于 高于 少于 多于 大于 小于 "
    "逾 超 近 约 上 过"
)
# Bound words after the unit that make it approximate (``以上`` right after the unit bounds
# the number; ``13名科级以上干部`` qualifies a rank and never reaches this position).
_SUFFIXES = ("及以上", "及以下", "以上", "以下", "以内", "之内", "左右", "之多", "有余")
_SUFFIX_RE = re.compile("|".join(_SUFFIXES))
# Two characters that end in a bound word but are a different word: 最近, 签约, 赶超 …
_FALSE_PREFIX = frozenset(
    _words(
        "最近 附近 靠近 临近 邻近 签约 履约 预约 合约 节约 特约 制约 违约 邀约 相约 "
        "条约 公约 集约 简约 契约 守约 续约 解约 毁约 失约 爽约 隐约 就近 "
        "赶超 线上 以上 之上 马上 网上 早上 晚上 加上 向上 路上 会上 通过 "
        "经过 超过 不过 越过 看过 度过 渡过 透过 错过 路过 难过 跨过 改过"
    )
)
_BARE_MAGNITUDE_PREFIXES = ("上", "过")  # 上千, 过万: only before a bare magnitude word
# A bound adverb separated from the number by its verb: 至少配备2名, 最高补贴2000元.
_DISTANT_BOUND = re.compile(
    r"(?:至少|最高|最多|最少|最低|最长|最快|不低于|不超过|不少于|不高于)[^\W\d的]{1,3}$"
)

# Fixed expressions whose numeral + measure word is not a quantity.
_FIXED_TERMS = _words(
    "三番五次 三天两头 千家万户 千千万万 成千上万 成百上千 成千成万 三三两两 三头六臂 "
    "三五成群 万人空巷 四套班子 五套班子 三个代表 四个全面 四个意识 四个自信 两个维护 "
    "两个确立 两个一百年 两个基本点 一个中心 五位一体 四位一体 三位一体 三支一扶 两张皮 "
    "7×24小时 7*24小时 7x24小时 7天24小时 三只松鼠 六个核桃 七匹狼"
)

# Characters that, right after a unit, show the unit character belongs to another word.
_UNIT_NOT_FOLLOWED_BY = {
    "路": "车公线巴",
    "支": "持付出援撑",
    "场": "所地馆景",
    "处": "理置罚长",
    "封": "闭控锁",
    "包": "括车机保",
    "例": "如外",
    "种": "植子苗类",
    "类": "似别",
    "组": "织建成",
    "期": "间限待望货工项厂扩",
    "款": "项",
    "版": "本权面块",
    "元": "宵旦素老帅首区里",
    "台": "县区市山河湾胞商企资",
    "家": "渠",
    "位": "数置于",
    "年": "代级度初底末前",
    "周": "年岁边末",
    "成": "为员本果功立交绩熟型品长都",
    "度": "过假",
    "头": "条号脑",
    "米": "面饭粮",
    "班": "子组长级车倒",
    "列": "车入出为",
    "间": "隔断",
    "本": "地市省土",
    "副": "县市省区局主总部处科厅镇书秘院校组队职",
    "张": "贴",
    "次": "日年产",
    "名": "单称义额字",
    "个": "体",  # 3.2万个体工商户: 个体 is the noun, no measure word
    "批": "准复示",
    "条": "例件款",
    "件": "套",
    "轮": "车胎椅船番",
    "针": "对织",
    "把": "守关握持控手脉火",
    "单": "位独元品据价次项间",
    "片": "区面",
    "顶": "级尖层",
    "票": "据价证务制",
    "起": "步草诉飞点源来见色效止航",
    "部": "委门署队分位长落件",
    "立方": "体",
}

_CN_DIGIT_SET = frozenset(CN_DIGITS)
_CN_NUMERAL_CHARS = _CN_DIGIT_SET | frozenset(CN_MAGNITUDES)
# a numeral of these alone (万, 千余, 百多) is a bare magnitude word
_BARE_MAGNITUDE_CHARS = "".join(sorted(set(CN_MAGNITUDES) - {"十", "拾"})) + "多余"
_CLAUSE_STOP = re.compile(r"[，,。；;！？!?：:、“”\"‘’「」『』（）()《》【】\n]")
_SENTENCE_STOP = re.compile(r"[。；;！？!?\n]")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _quantity_regex() -> re.Pattern[str]:
    # The leading look-ahead on the possible first characters lets the engine skip most
    # positions of the body at once instead of trying every bound word there.
    first = {w[0] for w in _PREFIXES} | set(
        CN_DIGITS + CN_MAGNITUDES + "百0123456789０１２３４５６７８９"
    )
    return re.compile(
        rf"(?=[{''.join(sorted(first))}])"
        rf"(?:(?P<prefix>{_alternation(_PREFIXES)}){SPACE})?"
        rf"(?P<pct>[百千]分之)?"
        rf"(?P<num>{SPAN_PATTERN})"
        rf"{SPACE}"
        rf"(?P<unit>个[多半](?:月|小时|星期|季度|工作日)|{_alternation(UNITS)})?"
        # the unit written at both ends of a span: 10%-20%, 3万元至5万元
        rf"(?:{SPACE}[{SPAN_SEPARATORS}]{SPACE}(?P<num2>{NUMERAL_PATTERN}){SPACE}(?P=unit))?"
        rf"(?P<suffix>{_alternation(_SUFFIXES)})?"
    )


@lru_cache(maxsize=1)
def _fixed_terms() -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(list(_FIXED_TERMS))


# Money written with a magnitude but no unit (政府投资500万以上项目) is in 元 when the clause
# says it is money.
_MONEY_CUES = re.compile(
    r"投资|资金|金额|资产|营收|收入|产值|销售额|营业额|利润|贷款|融资|注册资本|税"
    r"|补贴|补助|奖励|奖补|租金|房租|贴息|消费券|红包|费用|减免"
)


class _Quantity(NamedTuple):
    """A quantity as read, built for one regex match in three: a named tuple, which costs a
    fraction of a frozen dataclass to build."""

    start: int
    end: int
    value: float
    value_max: float | None
    approx: bool
    unit: str
    unit_class: str
    what: str | None  # set only when the mention itself names it (人口)


_UNLINKED = (None, None, None)  # region_code, date_start, measure_code


def extract_counts(
    body: str, sentences: list[Sentence], links: CountLinks | None = None
) -> list[CountFact]:
    """Every quantity of ``body`` in text order, one per mention (facts.md §3), with the
    region, date and measure ``links`` gives its sentence (none without ``links``)."""
    blocked = _blocked_spans(body)
    quantities = [
        q for m in _quantity_regex().finditer(body) if (q := _read(body, m, blocked)) is not None
    ]
    facts: list[CountFact] = []
    for q, what in zip(quantities, _fill_whats(body, quantities), strict=False):
        sentence = sentence_at(sentences, q.start)
        sentence_no = sentence.no if sentence is not None else -1
        region_code, date_start, measure_code = (
            links.of(sentence_no) if links is not None else _UNLINKED
        )
        facts.append(
            CountFact(
                sentence_no=sentence_no,
                start=q.start,
                end=q.end,
                mention=body[q.start : q.end],
                value=q.value,
                value_max=q.value_max,
                approx=q.approx,
                unit=q.unit,
                unit_class=q.unit_class,
                what=what,
                region_code=region_code,
                date_start=date_start,
                measure_code=measure_code,
            )
        )
    return facts


def _blocked_spans(body: str) -> list[tuple[int, int]]:
    return [(s, e) for _, s, e in _fixed_terms().find_matches_as_indexes(body)]


def _read(body: str, m: re.Match[str], blocked: list[tuple[int, int]]) -> _Quantity | None:
    """The quantity a regex match stands for, or None when the rules reject it."""
    # one call for the groups: _read runs at every match of the regex
    num_text, unit_written, pct, prefix, bound = m.group("num", "unit", "pct", "prefix", "suffix")
    if unit_written is None and not pct and not _money_numeral(num_text.strip()):
        return None  # half the matches (一对一, 两手抓): with no unit only money can count
    start = m.start("prefix") if prefix else m.start("pct") if pct else m.start("num")
    end = m.end()
    num_start = m.start("num")
    core = num_text.strip()
    bare_magnitude = not core.strip(_BARE_MAGNITUDE_CHARS)

    # a bound word that is really the end of another word, or 上/过 before an ordinary number
    if prefix:
        before = body[m.start("prefix") - 1 : m.start("prefix")]
        if (before + prefix[0]) in _FALSE_PREFIX or (
            prefix in _BARE_MAGNITUDE_PREFIXES and not bare_magnitude
        ):
            prefix = None
            start = m.start("pct") if pct else num_start
    if bare_magnitude and not (prefix or pct or core.endswith(("余", "多"))):
        return None  # 万人空巷, 百家争鸣, 千家万户: a magnitude word alone is not a number
    if blocked and any(s < end and start < e for s, e in blocked):
        return None

    prev = body[max(0, num_start - 2) : num_start].rstrip(_SPACE_CHARS)[-1:]  # 第 3 批
    if prev in ("第", "届") or (prev and prev in "数几" and core[0] in _CN_NUMERAL_CHARS):
        # ordinals 第3批, 十二届九次全会; vague 数十万, 几百 (but 复工数4.2万家 is a number)
        return None
    if (
        prev
        and ((prev.isascii() and prev.isalnum()) or prev in "．.－-/／_")
        and not (prefix or pct)
    ):
        return None  # part of an identifier or a longer digit string (MU5123, 2020-3)
    if core[:1] in "0０" and core[1:2].isdigit():
        return None  # 0595, the 000 of a broken 3,000: a code or a fragment, not a number
    counter = body[max(0, num_start - 2) : num_start - 1]
    if prev == "个" and counter and (counter in CN_DIGITS + "几" or counter.isdigit()):
        return None  # the 100% of the slogan “两个100%”

    numeral = parse_numeral(core)
    if numeral is None:
        return None
    value, value_max, approx = numeral.value, numeral.value_max, numeral.approx
    if m.group("num2"):
        high = parse_numeral(m.group("num2"))
        if high is None or high.value < value or value_max is not None:
            return None
        value_max, approx = high.value, True

    if pct:
        if unit_written:
            return None
        unit, unit_class = ("%" if pct[0] == "百" else "‰"), "percent"
    elif unit_written is None:
        money = _bare_money(body, m)
        if money is None:
            return None
        unit, unit_class = money
    elif unit_written[:2] in ("个多", "个半"):
        # 两个多月 is approximate; 一个半小时 is 1.5, and its 一 is a number, not an article
        unit, unit_class = UNITS["个" + unit_written[2:]]
        if unit_written[1] == "多":
            approx = True
        else:
            value += 0.5
            core = core + "半"
    else:
        unit, unit_class = UNITS[unit_written]

    unit_end = m.end() - len(bound or "")  # after the last unit of a span too
    after = body[unit_end : unit_end + 2] if unit_written else ""
    if unit_class == "duration" and after[:1] == "半" and not bound:
        value += 0.5  # 两年半, 一天半: the 一 of 一年半 is a number too
        core += "半"
        end = unit_end = unit_end + 1
        after = body[unit_end : unit_end + 2]
    spoken_money = (
        unit_written == "个"
        and after[:1] == "亿"
        and not bound
        and not _SIZE_CLASS.match(body, unit_end)  # 3个亿元以上项目: three projects
    )
    if spoken_money:
        # 1个亿, 两个亿, 十几个亿: spoken money, in 亿 of 元 (its 一 is a number too)
        value, value_max = _times_yi(value), None if value_max is None else _times_yi(value_max)
        unit, unit_class = "元", "money"
        end = unit_end = unit_end + (2 if after == "亿元" else 1)
        suffix = _SUFFIX_RE.match(body, end)
        if suffix:
            end, approx = suffix.end(), True
    elif unit_written and _rejected(core, unit_written, value, value_max, after, unit_end, body):
        return None
    if unit_written == "次" and prev and prev in "大协会" and after[:1] in ("会", "全"):
        return None  # 人大三次会议, 常委会二十次会议: the session's ordinal
    if (
        unit_written == "个"
        and prev in ("“", '"', "‘", "「")
        and core[0] in _CN_NUMERAL_CHARS
        and _QUOTE_CLOSE.search(body, unit_end, unit_end + 6)
    ):
        return None  # a quoted “三个全覆盖”, “两个不减”: a slogan, not a count

    # 九成五: the digit after 成 is the tenth
    if unit_written == "成" and not bound:
        tenth = body[unit_end : unit_end + 1]
        following = body[unit_end + 1 : unit_end + 2]
        if (
            tenth
            and tenth in "一二三四五六七八九"
            and following not in _CN_NUMERAL_CHARS
            and following not in _UNIT_FIRST_CHARS
        ):
            value = value + parse_numeral(tenth).value / 10
            end = unit_end + 1
            suffix = _SUFFIX_RE.match(body, end)
            if suffix:
                end = suffix.end()
                approx = True
    if value >= 10 and unit_written == "成":
        return None

    if (
        unit_class in ("duration", "percent")
        and not bound
        and body[end : end + 1] in ("多", "余")
    ):
        end += 1  # 两年多, 20天余, 三成多, 30%多
        approx = True
    if prefix or bound or _DISTANT_BOUND.search(body, max(0, start - 6), start):
        approx = True
    what = "人口" if unit_written == "人口" else None
    return _Quantity(start, end, value, value_max, approx, unit, unit_class, what)


_QUOTE_CLOSE = re.compile('[”"’」]')
# A money size class after ``N个``: 亿元以上项目, 亿元级产业, 亿元项目.
_SIZE_CLASS = re.compile(r"亿元?(?:(?:以上|以下|级)(?!的)[\u4e00-\u9fff]|项目|工程|企业|产业)")


def _times_yi(value: float) -> float:
    """``value`` 亿, exactly (1.2 * 1e8 in binary floating point is not 120000000)."""
    return float(Decimal(str(value)) * 100_000_000)


def _money_numeral(core: str) -> bool:
    """Whether a numeral written without a unit may still be money (``500万``, ``3亿多``)."""
    return core.rstrip("多余")[-1:] in ("万", "亿", "萬", "億")


def _bare_money(body: str, m: re.Match[str]) -> tuple[str, str] | None:
    """``500万`` with no unit (a numeral :func:`_read` let through :func:`_money_numeral`) is
    money in 元 when its clause speaks of money."""
    nxt = body[m.end() : m.end() + 1]
    if nxt and ("\u4e00" <= nxt <= "\u9fff") and not m.group("suffix"):
        return None
    lo = max(0, m.start() - 12)
    window = body[lo : m.start()]
    stop = max((s.end() for s in _CLAUSE_STOP.finditer(window)), default=0)
    if _MONEY_CUES.search(window[stop:]):
        return "元", "money"
    return None


def _rejected(
    core: str,
    written: str,
    value: float,
    value_max: float | None,
    after: str,
    unit_end: int,
    body: str,
) -> bool:
    """Rules of facts.md §3 that a well-formed numeral + unit can still break."""
    nxt = after[:1]
    # the article 一 (and the ordinal-like 二 of 二次, 二期): digit 1 is a count, 一 is not
    if core in ("一", "壹", "二", "贰"):
        return True
    if written == "周" and core == "四":
        return True  # 四周: the word "all around"; four weeks is written 4周 or 四个星期
    if core in ("零", "〇"):
        return True  # 零件, 零元购: a word, not a count of nothing (the digit 0 is a number)
    if written in ("头", "包") and core[0] in _CN_NUMERAL_CHARS:
        return True  # 两头跑, 三包: in running text these count livestock and parcels in digits
    if nxt and nxt in _UNIT_NOT_FOLLOWED_BY.get(written, ""):
        return True
    if written == "年" and max(value, value_max or 0) > 200:
        return True  # a calendar year, not a duration
    if written == "年" and nxt and (nxt.isdigit() or nxt in CN_DIGITS):
        return True  # 20年3月
    if written == "年" and after in ("规划", "计划", "行动"):
        return True  # 十四个五年规划, 三年行动计划: the name of a plan
    if written == "年" and after in ("上半", "下半", "一季", "二季", "三季", "四季"):
        return True  # 21年上半年: a year written short
    if (
        written == "小时"
        and value == 24
        and nxt
        and "\u4e00" <= nxt <= "\u9fff"
        and nxt not in ("内以之的后前左里不")
    ):
        return True  # 24小时值班 / 24小时蹲守制度: round-the-clock, part of a name
    if written == "个" and nxt and (nxt in CN_DIGITS or nxt.isdigit() or nxt in '“"'):
        return True  # “三个一”工作制, 五个“一”, “两个100%”
    if written == "个" and core[0] in CN_DIGITS + CN_MAGNITUDES and nxt:
        # 三个注重, 两个确保: a numbered slogan counts verbs, not things
        # (三个帮扶组 is a count: there the verb modifies the noun after it)
        words = _cut(body[unit_end : unit_end + 6])
        if (
            words
            and words[0][1] in ("v", "vd", "d")
            and (len(words) == 1 or words[1][1] in ("x", "uj"))
        ):
            return True
    # 成 counts tenths: 九成, 7成 (十成 and 3.5成 are not how it is written)
    return written == "成" and core[0] not in CN_DIGITS and not core.isdigit()


# ------------------------------------------------------------------ what is counted
# jieba's tags are hints only: its dictionary tags many nouns as verbs (举措, 预算, 收入, 率),
# so the phrase rules below lean on position (right after the unit, right before the
# predicate) more than on the tag.
_NOUN_TAGS = frozenset({"n", "nz", "ng", "nt", "j", "mq", "l", "nrt", "nl", "eng"})
# Words that sit next to a number but are never the thing counted.
_NOT_WHAT = frozenset(
    _words(
        "内 外 前 后 里 中 间 期间 以来 时间段 同比 环比 年均 人均 每 各 共 约 人民币 "
        "月份 年度 季度 上半年 下半年 全年 当月 当天 今年 去年 同期"
    )
)
_CONTENT_TAGS = _NOUN_TAGS | {"v", "vn", "a", "an", "b", "i", "ns", "s", "z", "nr"}
_INNER_JOIN = frozenset({"以上", "以下"})
_PREDICATES = frozenset(
    _words(
        "达到 达 已达 均达 为 是 有 共有 就有 已有 只有 超过 超 突破 接近 近 约 高达 多达 "
        "恢复 恢复到 提高 提高到 提升 提升到 增至 降至 增长 下降 减少 增加 占 到 至 "
        "分别 累计 共计 共 计 合计 仅 同比 环比 年均 比上年 比去年 "
        "最高 最多 最低 最长 最少 至少 不超过 不低于 不少于 不高于"
    )
)
_SKIP_BACK_TAGS = frozenset({"d", "p", "uj", "ul", "u", "c", "vd", "ad", "t", "r"})
_FUNCTION_TAGS = frozenset({"d", "p", "uj", "ul", "uz", "ug", "uv", "ud", "u", "c", "r", "y"})
_GLUED_FIRST = _FUNCTION_TAGS | {"m"}
_PERSON_UNITS = frozenset({"人", "名", "位", "人次"})
_PERSON_HEADS = "员人工者生民户商客师部胞农众友士长属兵手们宾家警医官亲童孩姓伴表"
_NOMINAL_ENDINGS = "率量额数能费金款价值比重面入息措单算表车品物资贴励"
_LINKERS = "的和与及共 \u3000\xa0"
_JOINERS = "的共 \u3000\xa0"
_SPACE_CHARS = " \u3000\xa0"
# Spaces, quotes and title marks do not end the phrase a count belongs to: 设立“台胞之家”12个.
_TRANSPARENT = re.compile('[ \u3000\xa0“”‘’「」『』《》"]')
_OPENING = re.compile("[ \u3000\xa0“‘「『《]")
_BRACKETED = re.compile(r"（[^（）]{0,20}）|\([^()]{0,20}\)")


def _fill_whats(body: str, quantities: list[_Quantity]) -> list[str | None]:
    """``what`` of every quantity; a quantity whose own clause names no noun borrows the noun
    of the quantity written right after it (``6方面22条举措``) or, failing that, of the one
    before it in the same sentence (``问题186个，办结184个``)."""
    whats: list[str | None] = []
    for i, q in enumerate(quantities):
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        adjacent = nxt is not None and not body[q.end : nxt.start].strip(_JOINERS)
        whats.append(q.what or _own_what(body, q, adjacent))
    for i in range(len(quantities) - 2, -1, -1):
        if whats[i] is None and not body[quantities[i].end : quantities[i + 1].start].strip(
            _LINKERS
        ):
            whats[i] = whats[i + 1]
    for i in range(1, len(quantities)):
        gap = body[quantities[i - 1].end : quantities[i].start]
        if (
            whats[i] is None
            and not _SENTENCE_STOP.search(gap)
            and (quantities[i].unit == quantities[i - 1].unit or not _CLAUSE_STOP.search(gap))
        ):
            whats[i] = whats[i - 1]
    return whats


def _own_what(body: str, q: _Quantity, next_adjacent: bool) -> str | None:
    """The noun phrase after the unit, else the one before the number. Percentages follow
    their noun (复工率达56%), so for them the phrase before comes first."""
    if q.unit in ("部门", "部委"):
        return q.unit  # 八部门: the unit is the noun
    if next_adjacent:
        return None  # 6方面22条举措: the next quantity's noun is the noun of both
    after = _noun_phrase_after(_clause_right(body, q.end), q.unit)
    if after and q.unit != "%":
        return after
    before = _noun_phrase_before(_clause_left(body, q.start), q.unit_class == "duration")
    return before or after


def _clause_right(body: str, end: int, limit: int = 12) -> str:
    text = _OPENING.sub("", body[end : end + limit])  # a closing quote ends a quoted name
    stop = _CLAUSE_STOP.search(text)
    return text[: stop.start()] if stop else text


def _clause_left(body: str, start: int, limit: int = 18) -> str:
    text = _TRANSPARENT.sub("", body[max(0, start - limit) : start])
    text = _BRACKETED.sub("", text)
    stops = list(_CLAUSE_STOP.finditer(text))
    return text[stops[-1].end() :] if stops else text


def _is_number_word(word: str, flag: str) -> bool:
    return flag in ("m", "q", "mq", "x", "eng") and any(
        ch.isdigit() or ch in CN_DIGITS for ch in word
    )


@lru_cache(maxsize=1 << 13)
def _cut(text: str) -> tuple[tuple[str, str], ...]:
    """Words of a short stretch with their dictionary tag; a word jieba's HMM joined and the
    dictionary does not know is most often a name or a noun (台企, 规上).

    Plain segmentation (its HMM joins unknown words) plus a dictionary look-up of the tag
    costs a fraction of jieba.posseg's own HMM tagger and tags what matters here as well.
    Cached: the words depend on the text alone, and the short stretches around numbers
    repeat (``家企业``, ``名员工``)."""
    if not text:
        return ()
    tags = lexicon.tags()
    out: list[tuple[str, str]] = []
    for word in lexicon.default_cutter().cut(text, hmm=True):
        tag = tags.get(word)
        if tag is not None:
            out.append((word, tag))
        elif any(ch.isdigit() for ch in word):
            out.append((word, "m"))
        elif word.isascii() and word.isalpha():
            out.append((word, "eng"))
        elif not any("\u4e00" <= ch <= "\u9fff" for ch in word):
            out.append((word, "x"))
        elif tags.get(word[0], "n") in _GLUED_FIRST or tags.get(word[-1], "n") in _FUNCTION_TAGS:
            # an adverb, particle or date character glued on by the HMM (已开, 面均, 19日卖):
            # back to characters
            out.extend((ch, tags.get(ch, "n")) for ch in word)
        else:
            out.append((word, "n"))
    return tuple(out)


def _not_what(word: str) -> bool:
    """Words next to a number that are never the thing counted, and rates (每人, 每天)."""
    return word in _NOT_WHAT or word.startswith("每")


def _nominal(word: str, flag: str) -> bool:
    """A noun for our purpose: tagged so, or ending in a character that makes nouns
    (复工率, 产能, 收入, 举措, 清单 are tagged verbs or adjectives by jieba)."""
    return flag in _NOUN_TAGS or (flag in _CONTENT_TAGS and word[-1] in _NOMINAL_ENDINGS)


@lru_cache(maxsize=1 << 13)
def _noun_phrase_after(text: str, unit: str) -> str | None:
    """The noun phrase that opens the rest of the clause: 77家[规模以上工业企业],
    16支[企业复工复产服务队]和…, 13条[举措]等…, 1名[干部]驻企…
    Cached, like :func:`_cut`: a pure function of a short stretch that repeats."""
    run: list[tuple[str, str]] = []
    before_number = False
    for word, flag in _cut(text.lstrip("的")):
        if _is_number_word(word, flag):
            before_number = True
            break
        if _not_what(word):
            break
        if (
            flag in _CONTENT_TAGS
            or (run and word in _INNER_JOIN)
            or (not run and flag == "f" and len(word) == 2)  # 外来[务工人员], 国外[客商]
        ):
            run.append((word, flag))
        else:
            break
    while run and run[-1][0] in _INNER_JOIN:
        run.pop()
    if unit in _PERSON_UNITS:
        # people are counted by a person noun: 10位[隔离人员]送午餐, not 开具出行证明
        # and the phrase ends at its first verb after one: 30名[干部]担任联络员
        cut = 0
        for i, (w, f) in enumerate(run):
            if cut and f == "v":
                break
            if w[-1] in _PERSON_HEADS:
                cut = i + 1
        return "".join(w for w, _ in run[:cut]) or None
    if not any(_nominal(w, f) for w, f in run):
        return None
    whole = "".join(w for w, _ in run)
    if _nominal(*run[-1]) and run[-1][1] != "vn" and len(whole) <= 10 and not before_number:
        # one short noun phrase up to a function word (企业复工复产服务队和…), unless the
        # run is a verb and its object measured next (为42家[企业]发放贷款3.6亿元)
        return whole
    # else modifiers and nouns up to the end of the first run of nouns
    end = 0
    while end < len(run) and not _nominal(*run[end]):
        end += 1
    while end < len(run) and _nominal(*run[end]):
        end += 1
    return "".join(w for w, _ in run[:end])


@lru_cache(maxsize=1 << 13)
def _noun_phrase_before(text: str, duration: bool = False) -> str | None:
    """The noun the number is predicated of, past the predicate: 问题[14个],
    复工率达[56%], 零部件供应商就有[353家], 企业产能恢复均达到[100%]. An action verb right
    before the number (办结184个, 卖了1000碗) takes it as object: no noun here, except that
    a duration measures its verb (停业[20多天]). Cached, like :func:`_noun_phrase_after`."""
    words = _cut(text.rstrip("为达"))  # 开复工率为: jieba glues 率为
    i = len(words) - 1
    while i >= 0 and (words[i][0] in _PREDICATES or words[i][1] in _SKIP_BACK_TAGS):
        i -= 1
    if duration and i == len(words) - 1 and i >= 0 and words[i][1] == "v" and len(words[i][0]) > 1:
        return words[i][0]  # 停业20天, but not 缩减至7小时
    out: list[str] = []
    while i >= 0 and len(out) < 3:
        word, flag = words[i]
        if _is_number_word(word, flag) or word in _PREDICATES or _not_what(word):
            break
        if _nominal(word, flag) or flag == "vn" or (flag in ("an", "b") and out):
            out.insert(0, word)
        elif flag in ("v", "a") and out and len(out[0]) == 1:
            out.insert(0, word)  # 办结 + 率
        else:
            break
        i -= 1
    phrase = "".join(out)
    return phrase or None
