"""Which business-support measures a body reports (facts.md §5).

A measure belongs to an article when the text reports it being *taken or offered*, not when
its word merely appears: ``口罩`` on a worker's face, ``员工返岗困难`` as a problem, ``希望加快
审批`` as a wish are not measures. The decision is made per clause (the stretch between
commas, colons and sentence ends, so a list joined by ``、`` stays together):

* every cue word is found in one Aho-Corasick pass over the sentence, leftmost-longest, so a
  longer phrase decides over the word inside it (``线上交易`` is market support, not online
  service; ``戴口罩`` and ``流水线上`` are nobody's measure);
* a *strong* cue (``驻企``, ``包机``, ``减免租金``) names a measure by itself;
* a *weak* cue (``物流``, ``口罩``, ``审批``) needs an action verb in its clause (``协调``,
  ``发放``, ``保障`` …) or, for some, a more specific word (``宣传`` needs ``政策``; epidemic
  checks count only when someone guides or checks the firms, not when a shop takes its own
  temperature). Weak cues that are nouns are blanked before the verb search, so ``供应链``
  cannot lend itself the verb ``供应``, while ``减免`` still acts on ``租金``;
* a clause that states a problem (``受阻``, ``短缺``, ``难题``) without a verb that solves it,
  or that asks or wishes (``是否``, ``希望``), or negates the action (``尚未出台``, ``没有享受``),
  or tells of a firm acting by itself (``企业自己租车``) with nobody backing it, reports no
  measure; firms "in difficulty" named as whom a measure is for (``对困难企业``) are no problem
  statement. Nor does a sentence about donations to the authorities, which is civic help
  rather than support to business.

A cue listed under two measures reports both (``运输证明``: logistics and paperwork). The cue
table doubles as the ``keywords`` column of ``dim_measure``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick_rs

from transforms.linking import sentence_regions
from transforms.model import MeasureFact, RegionFact, Sentence

# A weak cue is a word, or (word, what its clause must contain) when the measure's own
# requirement does not fit that word.
WeakCue = str | tuple[str, str]


@dataclass(frozen=True, slots=True)
class Measure:
    code: str
    name_zh: str
    name_en: str
    strong: tuple[str, ...]  # cue words that report the measure by themselves
    weak: tuple[WeakCue, ...]  # cue words that need a verb (or ``needs``) in their clause
    needs: str | None = None  # what a weak cue needs instead of a generic action verb

    def keywords(self) -> tuple[str, ...]:
        return self.strong + tuple(w if isinstance(w, str) else w[0] for w in self.weak)


_SENT = r"派|干部|队伍|专班|工作组|工作队|指导员|人员"
_SUPPORTING = r"帮助|支持|协助|协调|引导|鼓励|组织|推动|助力|扶持"
_ISSUED_FOR_EPIDEMIC = r"^(?=.*(?:出台|制定|印发|发布|下发|编制))(?=.*(?:疫|防控))"

MEASURES: tuple[Measure, ...] = (
    Measure(
        "onsite_service", "驻企服务", "on-site service to firms",
        strong=("驻企", "驻厂", "驻厂员", "指导员", "专班", "专员", "服务队", "工作队",
                "服务专员", "挂钩联系", "包企", "包保", "上门", "深入企业", "走访", "下沉", "派驻",
                "联络员", "蹲点", "现场办公", "零距离服务", "助企干部", "联系人制度",
                "送政策上门", "专人对接", "联络机制", "防疫指导员", "入企服务", "入企指导", "驻点",
                "首席服务官", "小分队", "帮扶组", "包联"),
        # 入驻企业 is also a park's "resident firms": it needs someone sent in
        weak=("挂钩", "一对一", "现场服务", "实地", "现场指导",
              ("入驻企业", _SENT), ("进驻企业", _SENT), ("走进企业", _SENT),
              ("到企业", _SENT), ("进企业", _SENT), ("赴企业", _SENT)),
    ),
    Measure(
        "online_service", "线上服务", "online or paperless service",
        strong=("不见面", "键对键", "云平台", "网络面试", "网上办", "线上办", "掌上办", "云招聘",
                "网上招聘", "线上招聘", "微信群", "微信+", "线上", "网上", "云端", "远程审批",
                "视频连线", "网上对接", "线上对接", "网上申报", "线上申报", "全程网办", "网络招聘",
                "一网通办", "视频面试", "非接触"),
        weak=("在线",),
    ),
    Measure(
        "finance_credit", "金融信贷", "loans, credit and interest subsidies",
        strong=("贷款", "贴息", "融资", "再贷款", "金融服务", "转贷", "续贷", "授信", "信贷",
                "金融支持", "降低贷款门槛", "延期还本", "金融顾问", "银企对接", "贷",
                "过桥资金", "纾困资金"),
        weak=("金融机构", "银行", "担保", "资金链", "资金周转"),
    ),
    Measure(
        "rent_relief", "减免租金", "rent relief",
        strong=("减免租金", "租金减免", "减租", "免租", "房租减免", "减免房租", "租金减半",
                "免收租金", "租金减轻", "租金优惠", "减半收取租金"),
        weak=("租金", "房租"),
        needs=r"减|免|降|缓|优惠|补|打.{0,2}折",
    ),
    Measure(
        "tax_fee_relief", "减税降费", "taxes, fees, utilities and social insurance relief",
        strong=("税费减免", "减税", "降费", "减免税", "减免电费", "电费优惠", "电费减免",
                "社保减免", "减免社保", "缓缴", "延期缴纳", "延期申报", "返还失业保险",
                "费用减免", "免征", "减征", "退税", "减半征收", "欠费不停"),
        weak=(("减免", r"费|税|社保|保险|电|水|气"), ("免收", r"费|税"), "电费", "水费", "气费",
              "电价", "气价", "税费", "税收", "社保", "社会保险", "用电成本", "预交电费",
              "失业保险费", "通行费", "医保", "增值税", "所得税", "房产税", "使用税", "物业费",
              "税款"),
        needs=r"减|免|降|缓|优惠|返还|补贴|让利|打.{0,2}折|退还|留抵",
    ),
    Measure(
        "subsidy", "补贴奖补", "grants and bonuses",
        strong=("补贴", "补助", "奖补", "稳岗", "运营补贴", "以奖代补", "资助", "专项资金",
                "奖励资金", "一次性奖励", "交通补贴", "以工代训", "扶持资金"),
        weak=("奖励", "红包"),
    ),
    Measure(
        "labor_return", "用工返岗", "hiring and bringing workers back",
        strong=("包车", "包机", "专列", "包列", "包高铁", "接回", "招工", "返岗专线", "专用班车",
                "网络招聘", "网上招聘", "线上招聘", "云招聘", "用工保障", "返工难", "劳务协作",
                "劳务对接"),
        # firms fetch their own staff: a shuttle counts when someone organises it for them
        weak=("返岗", "用工", "返工", "复岗", ("点对点", _SUPPORTING), ("接送", _SUPPORTING),
              "招聘", "员工短缺", "务工",
              "返程", "人手", "劳务输出", "就业岗位", "就业服务", "劳动力", "农民工"),
    ),
    Measure(
        "ppe_supply", "防疫物资", "masks, suits, disinfectant and other epidemic supplies",
        strong=("防疫物资保障",),
        weak=("口罩", "防护服", "消毒液", "防疫物资", "防控物资", "医疗物资", "防护用品",
              "防疫用品", "额温枪", "测温枪", "体温计", "消毒水", "酒精", "手套", "医防物资",
              "消毒用品", "防护物资"),
        needs=r"发放|发给|提供|筹集|调拨|保障|供应|调配|采购|协调|解决|储备|配备|配发"
        r"|送|缓解|满足|充足|帮助|支援",
    ),
    Measure(
        "logistics", "物流运输", "transport, permits and freight",
        strong=("通行证", "运输证明", "物流通道", "保通保畅"),
        weak=("物流", "运输", "货运", "承运", "交通运输", "运力", "通行", "快递", "冷链"),
    ),
    Measure(
        "supply_chain", "产业链供应链", "upstream suppliers and raw materials",
        strong=("上下游", "协作配套", "产业链协同"),
        weak=("零部件", "产业链", "原材料", "供应链", "上游", "原料", "供应商", "原辅料",
              "配套企业"),
    ),
    Measure(
        "approval_streamlining", "审批便利", "faster approvals and paperwork",
        strong=("简化流程", "代办", "容缺", "告知承诺", "承诺制", "并联审批", "证明书", "出行证明",
                "运输证明", "一站式", "增项", "简化程序", "简化手续", "帮办", "即来即办",
                "一网通办"),
        weak=("审批", "备案", "证明", "手续", "许可", "审核", "核准"),
    ),
    Measure(
        "market_support", "市场拓展", "sales, fairs, exports and online trade",
        strong=("展销会", "线上交易", "市场拓展", "产销对接", "供需对接会", "线上展销", "网上展销",
                "线上商品", "采购贸易", "直播带货", "消费券", "以购代捐", "云展会", "线上展会",
                "网上展会", "推介会", "订货会"),
        # firms open markets and attend fairs on their own: these need a supporter
        # a firm's own web shop or online orders is online trade, not an online public service
        weak=("出口", "滞销", "销路", "订单", "线上订单", "网上订单", "线上商城", "网上商城",
              "线上渠道", "网上渠道", "线上线下销售", "网店", "线上直播", "网上直播",
              "直播销售", "外贸", "线上销售", "网上销售", "电商", "展会",
              "海外市场", "国际市场", "销售渠道", ("拓展市场", _SUPPORTING),
              ("开拓市场", _SUPPORTING), ("广交会", _SUPPORTING), ("交易会", _SUPPORTING),
              ("博览会", _SUPPORTING)),
    ),
    Measure(
        "policy_outreach", "政策宣传", "explaining policies to firms",
        strong=("政策宣传", "宣传政策", "政策解读", "解读政策", "送政策", "知晓率", "知晓度",
                "宣传资料", "政策汇编", "政策宣讲", "宣讲政策", "明白纸", "送政策上门"),
        weak=("宣传", "宣讲", "宣介", "解读"),
        needs=r"政策|措施|举措|文件|办法|意见|通知|规定|条例|指南|指引",
    ),
    Measure(
        "epidemic_control", "疫情防控指导", "on-site epidemic checks and guidance",
        strong=("巡查", "防控指引", "防疫指引", "防控指南", "防控指导", "防疫指导", "防疫指导员",
                "逐人排查",
                "人员排查", "疫情排查", "排查登记", "排查行踪"),
        weak=("体温", "消毒", "测温", "防控方案", "隔离", "消杀", "防控措施", "防疫措施",
              "防控工作", "防疫工作", "日常防控", "防控责任", "健康码", "核酸", "防控主体责任",
              # a guideline issued for the epidemic: 出台《…疫情期间复工营业服务规范》
              ("规范", _ISSUED_FOR_EPIDEMIC), ("指南", _ISSUED_FOR_EPIDEMIC),
              ("导则", _ISSUED_FOR_EPIDEMIC)),
        needs=r"指导|督促|督导|检查|帮助|协助|指引|排查|设立",
    ),
)

# Phrases that contain a cue but report no measure; matched leftmost-longest they hide it.
_BLOCKERS = (
    "戴口罩", "戴着口罩", "佩戴口罩", "戴好口罩", "隔离服", "医用物资", "服务员", "交通费",
    "网上购物", "在线教育", "在线教学", "网上教学", "线上教学", "线上学习", "在线学习", "线上授课",
    "网上授课", "线上办公", "在线办公", "网上办公", "远程办公", "移动办公", "安全隐患",
    "网上备案的", "视频调度会", "视频会议", "电视电话会议", "电话会议", "记者走访", "送货上门",
    "送餐上门", "实践证明", "事实证明", "证明了", "务工作", "记者深入", "下沉市场", "高速出口",
    "公路出口", "收费站出口", "责无旁贷",
    "线上招商", "网上招商", "云招商", "线上问诊", "网上问诊", "线上会议",
    # ``X线上`` is "on the X line", not online
    "流水线上", "生产线上", "一线上", "防线上", "战线上", "路线上", "航线上", "干线上", "互联网上",
)

# Every alternative of a cue-word pattern starts with a literal character, which lets ``re``
# skip ahead to the places where one of them occurs (a look-behind or a class first would
# have it try every alternative at every position): 为's look-behind comes after it.
_ACTION = re.compile(
    r"解决|协调|帮助|帮|化解|破解|缓解|纾|保障|打通|协助|对接|满足|应对|克服|疏通|畅通|确保|保证"
    r"|提供|发放|发给|落实|开通|组织|减免|安排|给予|推动|推进|支持|搭建|建立|开展|设立|成立|开辟"
    r"|派|选派|指导|办理|开具|简化|优化|加大|加强|强化|鼓励|引导|出台|推出|实施|实行|制定|免收"
    r"|降低|减轻|筹集|调拨|调配|采购|配备|储备|供应|接送|接回|输送|转产|督促|争取|协同|放行"
    r"|助力|服务(?!区|业|中心|员)|促进|扶持|拓展|开拓|举办|宣传|加快|运送|配送|调运"
    # a firm named as the beneficiary: 为企业招聘员工, 为商户运送原材料
    r"|为(?<![成作认因以行称视更]为)[^，,。；;]{0,4}(?:企业|商户|工商户|厂家|公司|台企|外企)"
)
_SOLVE = re.compile(
    r"解决|协调|帮助|帮|化解|破解|缓解|纾|保障|打通|协助|对接|满足|应对|克服|疏通|畅通|确保|保证"
    r"|提供|落实|排忧|解忧|支持"
)
_PROBLEM = re.compile(r"困难|难题|难|受阻|短缺|不足|缺口|紧张|急需|压力|停产|无法|不畅|缺乏")
# Firms "in difficulty" named as whom a measure is for are no problem statement:
# 对生产经营困难的企业减免租金.
_TARGET = re.compile(
    r"(?:困难|受困|停产|停工|停业|紧张|短缺|急需)的?[^，,。；;]{0,3}?"
    r"(?:企业|行业|群体|职工|员工|家庭|商户|户|人员)"
)
_DOUBT = re.compile(r"希望|如何|是否|能否|怎么|怎样|担心|期待|期盼|盼望|\?|？")
# A firm doing something by itself (企业自己租车接回员工) is no support, unless someone
# encourages or backs it (鼓励员工自行返岗).
_OWN = re.compile(r"自行(?!车)|自己|自费|自发")
_SUPPORTER = re.compile(r"鼓励|引导|支持|帮助|协助|协调|扶持|推动|补助|补贴|奖励")
# A negated action reports that the measure was not taken: 尚未出台租金减免政策, 未享受补贴;
# but 尚未办理退税的企业可申请 only picks out whom the measure is for.
_NEGATED = re.compile(
    rf"(?:尚未|暂未|并未|还未|仍未|从未|未能|没有|没能|未)(?:享受|{_ACTION.pattern})"
    r"(?![^，,；;。]{0,8}的)"
)
_DONATION = re.compile(r"捐赠|捐款|捐献|捐助|捐出")
_CLAUSE = re.compile(r"[^，,：:；;。！!？?…]+[？?]?")
# "协调解决A，B，C等问题": a solving verb governs a comma-separated list up to 等问题.
_LIST = re.compile(
    rf"(?:{_SOLVE.pattern})[^。；;！!？?]{{0,120}}?等[^，,。；;]{{0,6}}?(?:问题|难题|困难|事项)"
)
_BLANK = "\u3000"


@dataclass(frozen=True, slots=True)
class _Cue:
    code: str
    needs: re.Pattern[str] | None  # None for a strong cue


@cache
def _matcher() -> tuple[ahocorasick_rs.AhoCorasick, tuple[tuple[str, tuple[_Cue, ...], bool], ...]]:
    """The cue automaton and, per pattern, its word, its cues (none for a blocker) and whether
    it is blanked before the verb search (a weak cue that is no action verb itself); built
    once."""
    cues: dict[str, list[_Cue]] = {word: [] for word in _BLOCKERS}
    for m in MEASURES:
        default = re.compile(m.needs) if m.needs else _ACTION
        for word in m.strong:
            cues.setdefault(word, []).append(_Cue(m.code, None))
        for entry in m.weak:
            if isinstance(entry, str):
                word, needs = entry, default
            else:
                word, needs = entry[0], re.compile(entry[1])
            cues.setdefault(word, []).append(_Cue(m.code, needs))
    table = tuple(
        (
            word,
            tuple(found),
            any(cue.needs is not None for cue in found) and not _ACTION.fullmatch(word),
        )
        for word, found in cues.items()
    )
    # a DFA scans a third faster than the default NFA, for about a megabyte
    automaton = ahocorasick_rs.AhoCorasick(
        [word for word, _, _ in table],
        matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
        implementation=ahocorasick_rs.Implementation.DFA,
    )
    return automaton, table


def _reports_measure(cue: _Cue, clause: str) -> bool:
    """Whether ``clause`` (weak cues blanked) reports ``cue``'s measure as taken or offered."""
    if _reports_none(clause):
        return False
    return cue.needs is None or cue.needs.search(clause) is not None


@lru_cache(maxsize=1 << 13)
def _reports_none(clause: str) -> bool:
    """The clause asks or wishes, negates the action, tells of a firm acting by itself, or
    states a problem it does not solve: it reports no measure, whatever its cues. Cached: it
    depends on the clause alone and is asked for every cue the clause holds."""
    if _DOUBT.search(clause) or _NEGATED.search(clause):
        return True
    if _OWN.search(clause) and not _SUPPORTER.search(clause):
        return True
    return bool(_PROBLEM.search(_TARGET.sub("", clause))) and not _SOLVE.search(clause)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of a sentence, in order and disjoint; the clauses a solving verb's list
    runs through are one."""
    spans = [c.span() for c in _CLAUSE.finditer(text)]
    if "等" not in text:
        return spans  # no list to run through (most sentences): spare the search for one
    for match in _LIST.finditer(text):
        inside = [s for s in spans if s[0] < match.end() and s[1] > match.start()]
        if len(inside) > 1:
            merged = (inside[0][0], inside[-1][1])
            spans = [s for s in spans if s not in inside] + [merged]
    return sorted(spans)


def extract_measures(
    body: str,
    sentences: list[Sentence],
    regions: list[RegionFact],
    fallback_region: str | None = None,
) -> list[MeasureFact]:
    """One ``MeasureFact`` per (sentence, measure) the sentence reports, cue word as mention,
    with the region of its sentence, else ``fallback_region`` (the article's main region,
    :func:`transforms.linking.main_region`: each fact is built once with its region)."""
    region_of = sentence_regions(regions)
    facts: list[MeasureFact] = []
    for sentence in sentences:
        for start, end, code in _sentence_measures(sentence.text):
            at, to = sentence.start + start, sentence.start + end
            region = region_of.get(sentence.no, fallback_region)
            facts.append(MeasureFact(sentence.no, at, to, body[at:to], code, region))
    return facts


@lru_cache(maxsize=1 << 13)
def _sentence_measures(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, measure code) of each measure a sentence reports, at its first cue.
    Cached: it depends on the text alone, and wire copy and page templates repeat sentences."""
    automaton, table = _matcher()
    matches = automaton.find_matches_as_indexes(text)
    if not matches or _DONATION.search(text):
        return ()
    masked_text = text
    for index, start, end in matches:
        if table[index][2]:
            masked_text = masked_text[:start] + _BLANK * (end - start) + masked_text[end:]
    clauses = _clauses(text)
    clause_starts = [a for a, _ in clauses]  # clauses are sorted and do not overlap
    seen: set[str] = set()
    found: list[tuple[int, int, str]] = []
    for index, start, end in matches:
        k = bisect_right(clause_starts, start) - 1
        a, b = clauses[k] if k >= 0 else (0, 0)
        clause = masked_text[a:b] if a <= start < b else masked_text
        for cue in table[index][1]:
            if cue.code in seen or not _reports_measure(cue, clause):
                continue
            seen.add(cue.code)
            found.append((start, end, cue.code))
    return tuple(found)


def measure_taxonomy() -> list[dict[str, str]]:
    """Rows of ``dim_measure``: code, names and the cue words as one comma-joined string."""
    return [
        {
            "measure_code": m.code,
            "name_zh": m.name_zh,
            "name_en": m.name_en,
            "keywords": ",".join(m.keywords()),
        }
        for m in MEASURES
    ]
