"""Table-driven cases for transforms.measures, per measure of facts.md §5 and per context rule."""

from __future__ import annotations

import pytest

from transforms.measures import MEASURES, extract_measures, measure_taxonomy
from transforms.model import RegionFact
from transforms.sentences import split_sentences

CASES = [
    # one reported measure per code
    ("onsite: liaison stationed in the firm", "区里为每家重点企业派驻一名联络员。", {"onsite_service"}),
    ("onsite: officials visit firms", "县领导带队走访园区企业，现场解决问题。", {"onsite_service"}),
    ("online: paperless service", "税务部门推行“不见面”办税服务。", {"online_service"}),
    ("online: remote hiring", "人社局举办网络面试专场。", {"online_service"}),
    ("finance: interest subsidy", "对新增贷款给予50%贴息。", {"finance_credit"}),
    ("finance: bank credit arranged", "协调银行为小微企业续贷3亿元。", {"finance_credit"}),
    ("rent: relief named as such", "国有园区为承租户减免租金两个月。", {"rent_relief"}),
    ("rent: verb and object apart", "对个体工商户减半收取3个月房租。", {"rent_relief"}),
    ("tax and fees", "阶段性减免企业社保费，电费优惠10%。", {"tax_fee_relief"}),
    ("tax: tolls waived", "对货车免收高速公路通行费。", {"tax_fee_relief"}),
    ("subsidy", "对吸纳就业的企业发放一次性吸纳就业补贴。", {"subsidy"}),
    ("subsidy: job retention", "落实稳岗返还政策。", {"subsidy"}),
    ("labor: charter buses", "开通返岗专线，用包车把工人接回厂里。", {"labor_return"}),
    ("labor: hiring help", "人社部门帮助企业招工300人。", {"labor_return"}),
    ("ppe: masks handed out", "街道向复工企业发放口罩2万只。", {"ppe_supply"}),
    ("ppe: supplies secured", "协调解决企业防疫物资紧缺问题。", {"ppe_supply"}),
    ("logistics: permits", "交警部门为货车办理通行证。", {"logistics"}),
    ("logistics: freight unblocked", "协调打通物流运输堵点。", {"logistics"}),
    ("supply chain", "推动上下游企业协同复工。", {"supply_chain"}),
    ("supply chain: raw materials", "帮助企业协调原材料供应。", {"supply_chain"}),
    ("approval: agency service", "专员全程代办各类审批手续。", {"onsite_service", "approval_streamlining"}),
    ("approval: certificates", "为返乡人员开具健康证明。", {"approval_streamlining"}),
    ("market: fair", "举办农产品线上展销会。", {"market_support"}),
    ("market: exports", "支持外贸企业拓展出口渠道。", {"market_support"}),
    ("policy outreach", "组织干部宣讲惠企政策。", {"policy_outreach"}),
    ("policy outreach: explaining a policy", "向企业宣传减负政策。", {"policy_outreach"}),
    ("epidemic: inspections", "防控组每日到厂区巡查。", {"epidemic_control"}),
    ("epidemic: guidance", "指导企业做好测温消毒。", {"epidemic_control"}),
    ("epidemic: guideline issued", "行业协会出台《疫情期间门店营业规范》。", {"epidemic_control"}),
    ("a guideline unrelated to the epidemic", "出台《招商引资工作规范》。", set()),
    ("keeping control in place is no measure", "在确保疫情防控工作落实到位的前提下推动复工。", set()),
    # a word that merely appears is no measure
    ("mask on a face", "工人戴着口罩在流水线上作业。", set()),
    ("problem without a fix", "受疫情影响，物流运输受阻，员工返岗困难。", set()),
    ("problem with a fix", "针对员工返岗困难，协调专车接送。", {"labor_return"}),
    ("question", "企业是否需要办理审批？", set()),
    ("wish", "希望加快物流审批。", set()),
    ("description, no action", "公司是产业链上游企业，产品出口欧洲。", set()),
    ("online trade is market support", "引导商户开展线上交易。", {"market_support"}),
    ("safety hazards are not epidemic control", "帮助企业排查安全隐患。", set()),
    ("a firm's donation is not support to business", "该企业向红十字会捐赠口罩5000只。", set()),
    ("a meeting by video is no online service", "召开全省视频会议部署工作。", set()),
    ("wearing a mask in a guideline", "从戴口罩、勤洗手等方面提出要求。", set()),
    ("a shop's own checks", "店员组织测体温。", set()),
    ("a firm's own shuttle", "公司安排专车点对点接送员工。", set()),
    ("policy word needs a policy", "开展防疫知识宣传教育。", set()),
    ("resident firms of a park are no liaison", "园区入驻企业已达120家。", set()),
    ("a team sent into firms", "派出工作人员入驻企业。", {"onsite_service"}),
    ("a firm opening markets on its own", "公司积极开拓市场，订单增长。", set()),
    ("helping firms open markets", "引导企业开拓市场。", {"market_support"}),
    ("a reporter's visit", "记者深入企业采访。", set()),
    ("tolls charged are no relief", "按规定收取通行费。", set()),
    ("服务工作 is not 务工", "建立企业服务工作机制。", set()),
    ("online investment promotion is no online service", "开展线上招商活动。", set()),
    ("a solving verb governs its whole list", "协调解决物流运输，原材料供应等问题。",
     {"logistics", "supply_chain"}),
    ("a cue in two measures reports both", "协调开具运输证明。", {"logistics", "approval_streamlining"}),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_measure_codes(body: str, expected: set[str]) -> None:
    facts = extract_measures(body, split_sentences(body), [])
    assert {f.measure_code for f in facts} == expected
    for f in facts:
        assert body[f.start:f.end] == f.mention


def test_one_fact_per_sentence_and_code() -> None:
    body = "发放口罩和防护服。\n再次发放口罩。"
    facts = extract_measures(body, split_sentences(body), [])
    assert [(f.sentence_no, f.measure_code, f.mention) for f in facts] == [
        (0, "ppe_supply", "口罩"),
        (1, "ppe_supply", "口罩"),
    ]


def test_region_is_the_lowest_level_of_the_sentence() -> None:
    body = "福建省泉州市为企业减免租金。\n另外发放补贴。"
    regions = [
        RegionFact(0, 0, 3, "福建省", "350000"),
        RegionFact(0, 3, 6, "泉州市", "350500"),
    ]
    facts = extract_measures(body, split_sentences(body), regions)
    assert [(f.measure_code, f.region_code) for f in facts] == [
        ("rent_relief", "350500"),
        ("subsidy", None),
    ]


def test_taxonomy_covers_the_fourteen_codes() -> None:
    rows = measure_taxonomy()
    assert [r["measure_code"] for r in rows] == [m.code for m in MEASURES]
    assert len(rows) == 14
    assert all(set(r) == {"measure_code", "name_zh", "name_en", "keywords"} for r in rows)
    assert all(r["keywords"] and r["name_zh"] and r["name_en"] for r in rows)
