"""Table-driven tests of the quantity extractor (facts.md §3), on sentences written for them."""

from __future__ import annotations

import pytest

from transforms.counts import extract_counts
from transforms.sentences import split_sentences


def _counts(body: str):
    facts = extract_counts(body, split_sentences(body))
    for f in facts:
        assert body[f.start : f.end] == f.mention
    return facts


def _items(body: str):
    return [(f.value, f.value_max, f.approx, f.unit) for f in _counts(body)]


# (rule, body, expected [(value, value_max, approx, unit), ...])
FOUND = [
    ("plain count", "该镇共有27家企业复工。", [(27, None, False, "家")]),
    ("count after its noun", "共收集意见建议46条。", [(46, None, False, "条")]),
    ("digit 1 is a count", "每个村安排1名联络员。", [(1, None, False, "名")]),
    ("Chinese numeral", "成立了三十五个工作小组。", [(35, None, False, "个")]),
    ("两 is a count", "企业新建了两个车间。", [(2, None, False, "个")]),
    ("magnitude folded", "已发放口罩2.6万只。", [(26000, None, False, "只")]),
    ("magnitude with space", "复工职工 37 万人。", [(370000, None, False, "人")]),
    ("money in 元", "发放贷款8000万元。", [(80000000, None, False, "元")]),
    ("money 亿元 exact", "完成投资318.47亿元。", [(31847000000, None, False, "元")]),
    ("Traditional magnitude", "補助3萬元。", [(30000, None, False, "元")]),
    ("other currency unconverted", "签约金额3000万美元。", [(30000000, None, False, "美元")]),
    ("percent", "复工率达到87%。", [(87, None, False, "%")]),
    ("full-width percent", "同比增长12.5％。", [(12.5, None, False, "%")]),
    ("百分之", "贴息比例为百分之三十。", [(30, None, False, "%")]),
    ("成 stays a unit", "约有七成企业复工。", [(7, None, True, "成")]),
    ("成 with a tenth", "开工率达八成五以上。", [(8.5, None, True, "成")]),
    ("多", "帮助解决问题300多个。", [(300, None, True, "个")]),
    ("余", "惠及企业1200余家。", [(1200, None, True, "家")]),
    ("Chinese 十多", "十多名志愿者参加。", [(10, None, True, "名")]),
    ("近", "复工率近90%。", [(90, None, True, "%")]),
    ("接近", "日销量接近800份。", [(800, None, True, "份")]),
    ("约", "减免租金约150万元。", [(1500000, None, True, "元")]),
    ("左右", "每天生产2000套左右。", [(2000, None, True, "套")]),
    ("上千", "上千家企业受益。", [(1000, None, True, "家")]),
    ("近万", "月收入近万元。", [(10000, None, True, "元")]),
    ("以上 after the unit", "投资5000万元以上的项目。", [(50000000, None, True, "元")]),
    ("以上 after a percent", "产能恢复到90%以上。", [(90, None, True, "%")]),
    ("以内", "审批时间压缩在3天以内。", [(3, None, True, "天")]),
    ("超", "全年出口额超300亿元。", [(30000000000, None, True, "元")]),
    ("超过", "复工率超过六成。", [(6, None, True, "成")]),
    ("逾", "逾200名党员下沉一线。", [(200, None, True, "名")]),
    ("突破", "年产值突破10亿元。", [(1000000000, None, True, "元")]),
    ("不低于", "给予不低于6个月的补贴。", [(6, None, True, "个月")]),
    ("不超过", "单笔贷款不超过500万元。", [(5000000, None, True, "元")]),
    (
        "最高",
        "每户最高补贴2000元，最高5万元。",
        [(2000, None, True, "元"), (50000, None, True, "元")],
    ),
    ("至少", "每家企业至少配备2名防疫员。", [(2, None, True, "名")]),
    ("span of adjacent digits", "每天要运出六七万箱货物。", [(60000, 70000, True, "箱")]),
    ("span 七八", "店里来了五六位顾客。", [(5, 6, True, "位")]),
    ("span 至", "每批安排3至5家企业。", [(3, 5, True, "家")]),
    ("span dash", "培训时长为2-3小时。", [(2, 3, True, "小时")]),
    ("span tilde", "每组10~15人。", [(10, 15, True, "人")]),
    ("span 到", "用时三到五天。", [(3, 5, True, "天")]),
    ("rank class 以上 is not approx", "抽调9名处级以上干部。", [(9, None, False, "名")]),
    ("size class 以上 is not approx", "全市88家规模以上工业企业复工。", [(88, None, False, "家")]),
    ("policy named by its count", "出台稳经济十二条措施。", [(12, None, False, "条")]),
    ("quoted policy count", "落实“18条惠企措施”。", [(18, None, False, "条")]),
    ("duration 个月", "减免3个月租金。", [(3, None, False, "个月")]),
    ("duration 个多月", "停产两个多月。", [(2, None, True, "个月")]),
    ("duration 年", "连续3年获评先进。", [(3, None, False, "年")]),
    ("duration 小时", "营业时间缩短为9小时。", [(9, None, False, "小时")]),
    ("physical amount", "运送蔬菜120吨。", [(120, None, False, "吨")]),
    ("area", "新建厂房3.2万平方米。", [(32000, None, False, "平方米")]),
    ("person-times", "累计输送务工人员8600人次。", [(8600, None, False, "人次")]),
    ("trips", "发出包车 210 趟次。", [(210, None, False, "趟次")]),
    ("部门", "省里九部门联合发文。", [(9, None, False, "部门")]),
    ("方面", "从五方面提出举措。", [(5, None, False, "方面")]),
    ("people from 人口", "这座拥有400多万人口的城市。", [(4000000, None, True, "人")]),
    (
        "bare 万 money with money cue",
        "政府投资3000万以上项目12个。",
        [(30000000, None, True, "元"), (12, None, False, "个")],
    ),
    ("最多达到", "停产企业最多达到1800户。", [(1800, None, True, "户")]),
    ("two quantities", "6方面18条举措。", [(6, None, False, "方面"), (18, None, False, "条")]),
    (
        "repeated mentions are separate",
        "派出3名干部。又派出3名干部。",
        [(3, None, False, "名"), (3, None, False, "名")],
    ),
    ("thousands separator", "销售1,250台。", [(1250, None, False, "台")]),
    ("full-width digits", "捐赠口罩１２０００个。", [(12000, None, False, "个")]),
    (
        "span with the unit at both ends",
        "降幅在10%-20%之间，补贴3万元至5万元。",
        [(10, 20, True, "%"), (30000, 50000, True, "元")],
    ),
    ("百分之百", "百分之百完成任务。", [(100, None, False, "%")]),
    ("duration 多 after the unit", "停产两年多。", [(2, None, True, "年")]),
    ("half after 个", "用时一个半小时。", [(1.5, None, False, "小时")]),
    (
        "half after a duration",
        "工期两年半，其中一年半在山区。",
        [(2.5, None, False, "年"), (1.5, None, False, "年")],
    ),
    ("24小时 as a plain duration", "检测结果在24小时内反馈。", [(24, None, False, "小时")]),
    ("numbered noun, not slogan", "成立三个帮扶组。", [(3, None, False, "个")]),
    ("distant bound", "每家至少配备2名防疫员。", [(2, None, True, "名")]),
    ("vaccine doses", "接种疫苗8万剂次。", [(80000, None, False, "剂次")]),
    ("十来", "十来年没变。", [(10, None, True, "年")]),
    ("span 三五", "三五天就能办结。", [(3, 5, True, "天")]),
    ("bound 最长", "给予最长9个月的补贴。", [(9, None, True, "个月")]),
    ("bound 最低", "每户最低300元。", [(300, None, True, "元")]),
    ("distant bound 最长", "社保费最长可缓缴4个月。", [(4, None, True, "个月")]),
    ("suffix 及以上", "对20人及以上的企业给予奖励。", [(20, None, True, "人")]),
    ("suffix 之内", "7天之内完成审核。", [(7, None, True, "天")]),
    ("tools counted by 把", "配发测温枪45把。", [(45, None, False, "把")]),
    ("tents counted by 顶", "搭建帐篷12顶。", [(12, None, False, "顶")]),
    ("orders counted by 单", "快递业务量达36万单。", [(360000, None, False, "单")]),
    ("flights counted by 航次", "保障货运航班88航次。", [(88, None, False, "航次")]),
    ("约 inside 集约 is no bound", "集约用地460亩。", [(460, None, False, "亩")]),
    ("a count of meetings", "县委常委会召开4次专题会议。", [(4, None, False, "次")]),
    ("spoken money 个亿", "产值达3个亿。", [(300000000, None, False, "元")]),
    (
        "spoken money 一个亿 is a number",
        "拿到一个亿元以上的订单。",
        [(100000000, None, True, "元")],
    ),
    ("spoken money with a decimal", "贷款1.3个亿。", [(130000000, None, False, "元")]),
    ("spoken money, rough", "损失十几个亿。", [(1000000000, None, True, "元")]),
    ("a count of projects of a money class", "签约6个亿元以上项目。", [(6, None, False, "个")]),
    ("cases counted by 起", "查处哄抬物价案件7起。", [(7, None, False, "起")]),
    ("ministries counted by 部委", "国家五部委联合发文。", [(5, None, False, "部委")]),
    ("phones counted by 部", "配备对讲机16部。", [(16, None, False, "部")]),
    ("money in 美金", "出口额达900万美金。", [(9000000, None, False, "美金")]),
    ("money in 新加坡元", "签约金额300万新加坡元。", [(3000000, None, False, "新加坡元")]),
    (
        "bare 万 money after a grant",
        "每家补贴8万，最高奖励30万。",
        [(80000, None, False, "元"), (300000, None, True, "元")],
    ),
    ("bare 万 money after rent", "减免房租260多万。", [(2600000, None, True, "元")]),
    ("多 after 成", "复工率达三成多。", [(3, None, True, "成")]),
    ("多 after a percent", "同比增长20%多。", [(20, None, True, "%")]),
    ("the digit 0 is a count", "新增确诊病例0例。", [(0, None, False, "例")]),
    ("千分之", "不良率控制在千分之三以内。", [(3, None, True, "‰")]),
    ("comparative bound 低于", "贷款利率低于4%。", [(4, None, True, "%")]),
    ("comparative bound 少于", "用工少于20人的企业。", [(20, None, True, "人")]),
]


@pytest.mark.parametrize(("rule", "body", "expected"), FOUND, ids=[c[0] for c in FOUND])
def test_quantities(rule: str, body: str, expected) -> None:
    assert _items(body) == expected


# Text with numbers but no quantity (facts.md §3 "Not quantities" and the 一 rule).
NOT_QUANTITIES = [
    ("date", "3月18日，企业复工。"),
    ("year", "2021年，全市经济回升。"),
    ("year in Chinese", "二〇二一年工作要点。"),
    ("time of day", "晚上9时，专列抵达。"),
    ("clock time", "列车于 18:30 到站。"),
    ("time with 点", "早上7点半开门。"),
    ("ordinal 第", "第一时间赶到现场，第3批物资到位。"),
    ("list markers", "一是加强领导，二是强化服务。"),
    ("首批", "首批企业已复工。"),
    ("levels of government", "市县两级干部和省市县三级联动。"),
    ("slogan 两手抓", "坚持两手抓、两不误。"),
    ("slogan 三服务", "深化“三服务”活动。"),
    ("一对一", "开展一对一帮扶。"),
    ("一企一策", "实行一企一策。"),
    ("numbered slogan 三个一", "推行“三个一”工作法。"),
    ("numbered slogan of verbs", "做到三个确保。"),
    ("slogan in quotes", "破解“四难”问题。"),
    ("plenary session", "学习十九届五中全会精神。"),
    ("round-the-clock service", "开通24小时服务热线，实行24小时值守制度。"),
    ("四套班子", "县四套班子领导带队。"),
    ("bare 一 is an article", "派出一名干部，成立一个专班，用了一天时间，发放一批物资。"),
    ("一次性", "给予一次性补贴。"),
    ("no number: 若干", "出台若干措施。"),
    ("no number: 多项", "采取多项措施。"),
    ("no number: 几天 数日", "前几天加班数日。"),
    ("vague 数百万", "累计价值数百万元。"),
    ("phone number", "咨询电话：0591-87654321。"),
    ("ICP number", "闽ICP备12345678号-1"),
    ("flight number", "搭乘 MU5123 航班。"),
    ("idiom with a magnitude", "走进千家万户。"),
    ("X大 is not a unit", "实施六大工程。"),
    ("四方 is not a unit", "压实四方责任。"),
    ("county named by a numeral", "三台县的企业复工。"),
    ("bus route", "乘坐12路公交车。"),
    ("anniversary", "纪念建校60周年。"),
    ("7×24 hours", "提供7×24小时服务。"),
    ("company named by a count", "三只松鼠公司复工。"),
    ("phase of a project", "三期工程开工。"),
    ("idiom 成千上万", "成千上万家企业受益。"),
    ("slogan 两张皮", "防止党建和业务两张皮。"),
    ("bundle name", "发放防疫三件套。"),
    ("programme name", "招募三支一扶人员。"),
    ("session of a party committee", "学习县委九届六次全会精神。"),
    ("session of a people's congress", "市人大四次会议闭幕，市政协五次会议开幕。"),
    ("name of a five-year plan", "编制第十五个五年规划。"),
    ("name of a multi-year plan", "实施制造业两年行动计划。"),
    ("把 in an idiom", "烧好三把火。"),
    ("单 inside a word", "涉及4单位。"),
    ("vague 几个亿", "带来几个亿的产值。"),
    ("一起 is together", "干部和工人一起装车。"),
    ("起 as from", "政策自3月1日起施行。"),
    ("shift work", "车间实行两班倒。"),
    ("slogan of percentages", "确保实现“两个100%”和“3个100%”。"),
    ("quoted slogan of N个", "做到“三个全覆盖”，坚持“两个不减”。"),
    ("year written short", "21年上半年经济回暖，22年一季度继续向好。"),
    ("bare 万 without money", "复工人数达5万，日产口罩10万。"),
    ("零 in a word", "采购零件，开展零元购活动。"),
    ("四周 is around", "厂区四周设置围挡。"),
    ("tertiary industry", "优化三次产业结构。"),
    ("个 inside 个体", "全市3.2万个体工商户受益。"),
    ("policy named 两票制", "推行药品两票制。"),
]


@pytest.mark.parametrize(("rule", "body"), NOT_QUANTITIES, ids=[c[0] for c in NOT_QUANTITIES])
def test_not_quantities(rule: str, body: str) -> None:
    assert _items(body) == []


# (body, mention, what): the noun counted, from the text around the quantity
WHAT = [
    ("选派26名科级以上干部挂钩企业。", "26名", "干部"),
    ("共帮助45家民营企业复工。", "45家", "民营企业"),
    ("协调解决问题27个。", "27个", "问题"),
    ("重点企业复工率达91%。", "91%", "复工率"),
    ("组建30支党员服务队和12支突击队。", "30支", "服务队"),
    ("提出7方面20条举措。", "7方面", "举措"),
    ("排查项目58个，已复工41个。", "41个", "项目"),
    ("落实3个月的运营补贴。", "3个月", "运营补贴"),
    ("送去手套800副。", "800副", "手套"),
    ("10位志愿者送来午饭。", "10位", "志愿者"),
    ("工业增加值同比增长6.3%。", "6.3%", "工业增加值"),
    ("设立“台胞之家”工作站12个。", "12个", "工作站"),
    ("约80名嘉宾出席。", "约80名", "嘉宾"),
    ("店铺停业30多天。", "30多天", "停业"),
    ("停产企业占比分别为40%和55%。", "55%", "停产企业占比"),
    ("这座城市有200多万人口。", "200多万人口", "人口"),
    ("出台“复工十条措施”“稳岗八条措施”。", "十条", "措施"),
    ("近两千名外来务工人员返岗。", "近两千名", "务工人员"),
    ("选派15名干部担任驻企联络员。", "15名", "干部"),
    ("货值约2.4亿元人民币。", "约2.4亿元", "货值"),
    ("单笔贷款金额最高不超过300万元。", "不超过300万元", "贷款金额"),
]


@pytest.mark.parametrize(("body", "mention", "what"), WHAT)
def test_what(body: str, mention: str, what: str) -> None:
    (fact,) = [f for f in _counts(body) if f.mention == mention]
    assert fact.what is not None and (what in fact.what or fact.what in what)


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        ("全县4月份增长6%。", "6%"),
        ("派出15名干部担任驻企联络员。", "15名"),
        ("按每人每天80元给予补助。", "80元"),
    ],
)
def test_what_is_not_a_time_a_rate_or_a_verb(body: str, mention: str) -> None:
    (fact,) = [f for f in _counts(body) if f.mention == mention]
    assert fact.what is None or not any(w in fact.what for w in ("月份", "担任", "每"))


def test_unit_classes() -> None:
    body = "投入500万元，复工率95%，租期3个月，运来20吨物资，帮扶12家企业，开工率九成。"
    assert [f.unit_class for f in _counts(body)] == [
        "money",
        "percent",
        "duration",
        "other",
        "count",
        "percent",
    ]


def test_sentence_numbers() -> None:
    body = "第一句没有数。第二句有5家企业。"
    (fact,) = _counts(body)
    assert fact.sentence_no == 1


def test_number_after_a_noun_ending_in_shu() -> None:
    # 数 before digits is the noun 复工数, not the vague 数十
    assert _items("复工数3.1万家，复工人数120万人。") == [
        (31000, None, False, "家"),
        (1200000, None, False, "人"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("接回 58 名员工。", [(58, None, False, "名")]),
        ("复工率超过 85% 。", [(85, None, True, "%")]),
        ("第 2 批物资到位。", []),
        ("运送\u00a0300\u00a0吨物资。", [(300, None, False, "吨")]),
        ("新增贷款 3 , 000 万元。", [(30000000, None, False, "元")]),
        ("复工率达 95 % , 300 家企业复产。", [(95, None, False, "%"), (300, None, False, "家")]),
    ],
)
def test_spaced_text(body: str, expected) -> None:
    # some pages put spaces around numbers (facts.md: `企业 , 现场`)
    assert _items(body) == expected


def test_false_bound_word_is_not_approx() -> None:
    # 签约 ends in 约 and 最近 in 近, but neither bounds the number
    assert _items("签约3个项目，最近5天新增2家企业。") == [
        (3, None, False, "个"),
        (5, None, False, "天"),
        (2, None, False, "家"),
    ]
