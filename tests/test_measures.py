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
    # a negated action reports nothing; a negated relative clause only picks out whom it is for
    ("a measure not yet taken", "该区目前尚未出台房租减免办法。", set()),
    ("a support not received", "部分商户没有享受到补贴。", set()),
    ("the measure's target named by a negation", "尚未领取补贴的企业可以补报。", {"subsidy"}),
    # a firm acting on its own, unless someone backs it
    ("a firm fetching its own staff", "厂里自己租了大巴去接回员工。", set()),
    ("self-return encouraged", "鼓励员工自行返岗，并给予返岗补助。", {"labor_return", "subsidy"}),
    ("bicycle is no self-help", "帮助自行车企业招工。", {"labor_return"}),
    ("a firm organising its own return", "企业自行组织员工返岗。", set()),
    # a firm's own web shop is online trade, not an online service
    ("a firm's online orders", "今年以来，公司线上订单增长了两成。", set()),
    ("a shop's web store", "该店通过网上商城销售产品。", set()),
    # discounts on bills
    ("electricity at a discount", "对工商业用户电费打九五折。", {"tax_fee_relief"}),
    ("rent at a discount", "国有物业租金打八折。", {"rent_relief"}),
    # cue words of common measures
    ("officials paired with firms", "推行干部包联企业制度。", {"onsite_service"}),
    ("remote interviews", "人社局组织视频面试。", {"online_service"}),
    ("contactless tax service", "推行非接触式办税。", {"online_service"}),
    ("tax refunds", "落实增值税留抵退税政策。", {"tax_fee_relief"}),
    ("tax halved", "对小微企业所得税减半征收。", {"tax_fee_relief"}),
    ("support funds", "发放专项扶持资金。", {"subsidy"}),
    # a firm named as the beneficiary is help to it, whatever the verb
    ("hiring for firms", "人社局为企业招聘员工。", {"labor_return"}),
    ("materials carried for firms", "交通局为企业运送原材料。", {"supply_chain"}),
    ("a firm hiring on its own", "该公司近期招聘员工。", set()),
    ("为 inside 作为 names no beneficiary", "作为企业负责人，他积极招聘员工。", set()),
    ("为 inside 认为 names no beneficiary", "他认为企业用工需求旺盛。", set()),
    # team sent to firms
    ("experts sent to firms", "卫健局派出防疫专家到企业指导复工。", {"onsite_service"}),
    ("going to a firm unsent", "员工到企业上班。", set()),
    # tax refunds and utilities kept on
    ("tax refunded", "税务局为企业退还留抵税款。", {"tax_fee_relief"}),
    ("no cut-off for arrears", "对困难企业实行“欠费不停供”。", {"tax_fee_relief"}),
    # live-stream selling is market support, not an online service
    ("live-stream sales", "组织企业开展线上直播销售。", {"market_support"}),
    # firms "in difficulty" are whom the measure is for, not a problem reported
    ("rent cut for firms in difficulty", "对生产经营困难的企业减免租金。", {"rent_relief"}),
    ("grants for idle firms", "对停产企业给予稳岗补贴。", {"subsidy"}),
    ("loans deferred for firms short of cash", "对资金紧张的中小企业延期还本。", {"finance_credit"}),
    ("a difficulty stated, nothing done", "受疫情影响，企业贷款困难。", set()),
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


def test_a_sentence_without_region_takes_the_fallback_region() -> None:
    body = "福建省泉州市为企业减免租金。\n另外发放补贴。"
    regions = [
        RegionFact(0, 0, 3, "福建省", "350000"),
        RegionFact(0, 3, 6, "泉州市", "350500"),
    ]
    facts = extract_measures(body, split_sentences(body), regions, "350000")
    assert [(f.measure_code, f.region_code) for f in facts] == [
        ("rent_relief", "350500"),
        ("subsidy", "350000"),
    ]


def test_taxonomy_covers_the_fourteen_codes() -> None:
    rows = measure_taxonomy()
    assert [r["measure_code"] for r in rows] == [m.code for m in MEASURES]
    assert len(rows) == 14
    assert all(set(r) == {"measure_code", "name_zh", "name_en", "keywords"} for r in rows)
    assert all(r["keywords"] and r["name_zh"] and r["name_en"] for r in rows)
