"""Region mentions (facts.md §2): table-driven cases on sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from transforms.gazetteer import regions
from transforms.page import parse_page
from transforms.regions import extract_regions
from transforms.sentences import split_sentences


def _paths(body: str, dateline_place: str | None = None) -> list[str]:
    facts = extract_regions(body, split_sentences(body), dateline_place)
    for f in facts:
        assert body[f.start : f.end] == f.mention
    out = []
    for f in facts:
        r = regions()[f.region_code]
        path = "/".join(x or "-" for x in (r.province, r.city, r.county))
        if path not in out:
            out.append(path)
    return out


CASES = [
    # full names at every level
    ("full province", "安徽省出台扶持政策。", ["安徽省/-/-"]),
    ("full city", "宁德市帮助企业招工。", ["福建省/宁德市/-"]),
    ("full county", "这家工厂位于德化县。", ["福建省/泉州市/德化县"]),
    # short forms people write
    ("short province", "湖南、江西两地的员工返岗。", ["湖南省/-/-", "江西省/-/-"]),
    ("short autonomous region", "广西各地的供应商已开工。", ["广西壮族自治区/-/-"]),
    ("short city", "漳州的企业陆续复工。", ["福建省/漳州市/-"]),
    (
        "short autonomous prefecture",
        "黔南和延边的企业复工。",
        ["贵州省/黔南布依族苗族自治州/-", "吉林省/延边朝鲜族自治州/-"],
    ),
    ("prefecture written with 州", "恩施州组织专班。", ["湖北省/恩施土家族苗族自治州/-"]),
    ("autonomous county with 县", "岫岩县成立工作组。", ["辽宁省/鞍山市/岫岩满族自治县"]),
    (
        "county short with its city named",
        "宁德市推进复工，福安、福鼎企业开工。",
        ["福建省/宁德市/-", "福建省/宁德市/福安市", "福建省/宁德市/福鼎市"],
    ),
    (
        "county list next to a supported sibling",
        "厦门市海沧区与集美、同安联动。",
        ["福建省/厦门市/海沧区", "福建省/厦门市/集美区", "福建省/厦门市/同安区"],
    ),
    # municipalities put the same name in province and city
    ("municipality", "天津的规上企业复工。", ["天津市/天津市/-"]),
    ("municipality district", "上海市浦东新区推出措施。", ["上海市/上海市/浦东新区"]),
    ("province-administered county", "潜江市企业复工。", ["湖北省/-/潜江市"]),
    # chains are one region at the lowest level
    ("chain", "辽宁省大连市金州区派出服务队。", ["辽宁省/大连市/金州区"]),
    ("short chain", "云南昆明的企业复工。", ["云南省/昆明市/-"]),
    ("chain inside one jieba word", "吉林长春的企业复工。", ["吉林省/长春市/-"]),
    (
        "chain plus a bare higher mention",
        "广西柳州市复工，广西各地跟进。",
        ["广西壮族自治区/柳州市/-", "广西壮族自治区/-/-"],
    ),
    # ambiguity resolved from the article
    (
        "ambiguous district by its city",
        "福州市推进复工。鼓楼区派出干部。",
        ["福建省/福州市/-", "福建省/福州市/鼓楼区"],
    ),
    (
        "ambiguous district by another city",
        "徐州市推进复工。鼓楼区派出干部。",
        ["江苏省/徐州市/-", "江苏省/徐州市/鼓楼区"],
    ),
    (
        "ambiguous district by a sibling",
        "鼓楼区和台江区联合行动。",
        ["福建省/福州市/鼓楼区", "福建省/福州市/台江区"],
    ),
    ("ambiguous district without context", "鼓楼区派出干部。", []),
    ("chain that stays ambiguous keeps its head", "江苏鼓楼区派出干部。", ["江苏省/-/-"]),
    ("ambiguous district by the dateline", "鼓楼区派出干部。", ["福建省/福州市/鼓楼区"]),
    (
        "ambiguous short by its city",
        "北京市推进复工，朝阳、海淀企业开工。",
        ["北京市/北京市/-", "北京市/北京市/朝阳区", "北京市/北京市/海淀区"],
    ),
    ("province over its namesake city", "吉林出台措施。", ["吉林省/-/-"]),
    ("namesake city in a chain", "吉林省吉林市出台措施。", ["吉林省/吉林市/-"]),
    ("former status of a county", "青岛即墨市的企业复工。", ["山东省/青岛市/即墨区"]),
    # government bodies name their region
    ("party committee", "浙江省委召开会议。", ["浙江省/-/-"]),
    ("people's government", "江苏省人民政府办公厅印发通知。", ["江苏省/-/-"]),
    ("government body", "衢州市台办走访企业。", ["浙江省/衢州市/-"]),
    ("government body short", "温州市委组织部选派干部。", ["浙江省/温州市/-"]),
    # zones and facilities named after a division
    ("high-tech zone", "位于无锡高新区的企业复工。", ["江苏省/无锡市/-"]),
    ("new area named after a city", "长春新区组织工作队。", ["吉林省/长春市/-"]),
    ("investment zone", "漳州台商投资区推进复工。", ["福建省/漳州市/-"]),
    ("airport names the district", "杭州萧山机场恢复航班。", ["浙江省/杭州市/萧山区"]),
    ("new area not named after a division", "南太湖新区开展服务。", []),
    ("zone's government", "苏州高新区管委会出台措施。", ["江苏省/苏州市/-"]),
    ("special administrative region government", "香港特区政府宣布。", ["香港特别行政区/-/-"]),
    ("suffix shared with the next word", "永春县城的企业复工。", ["福建省/泉州市/永春县"]),
    ("governor", "吉林省长表示。", ["吉林省/-/-"]),
    ("market is not the city's suffix", "泉州市场很大。", ["福建省/泉州市/-"]),
    ("new area that is not a division", "雄安新区建设提速。", []),
    # not regions: organisations
    ("company", "浙江银轮机械股份有限公司复工。", []),
    ("newspaper", "据福州日报报道，企业复工。", []),
    ("website", "来源：中国台湾网", []),
    ("bank", "厦门银行推出贷款。", []),
    ("university", "浙江大学开学。", []),
    ("bank branch", "中国银行福建省分行发放贷款。", []),
    ("account", "“福州发布”微信公众号消息。", []),
    ("stock exchange", "上海证券交易所上市。", []),
    ("company name holding a stop character", "深圳市华为技术有限公司复工。", []),
    (
        "stop character as a word before a company",
        "泉州市为某某有限公司解决用工难题。",
        ["福建省/泉州市/-"],
    ),
    # not regions: towns, villages, streets
    ("town named after a county", "永春镇的企业复工。", []),
    ("road", "中山路车流量大。", []),
    ("village", "德化村的村民。", []),
    ("county then town", "岵山镇位于永春县。", ["福建省/泉州市/永春县"]),
    # not regions: abbreviations and adjectives
    ("one-character abbreviations", "皖豫两省和苏沪地区，返琼人员。", []),
    ("Taiwan adjective", "台湾青年来大陆创业，台企复工。", []),
    ("Taiwan as a place", "从台湾返回的员工。", ["台湾省/-/-"]),
    ("Taiwan city", "台中的客户下单。", ["台湾省/-/-"]),
    ("Kinmen", "金门与厦门隔海相望。", ["福建省/泉州市/金门县", "福建省/厦门市/-"]),
    ("Matsu", "马祖民众往来。", ["福建省/福州市/连江县"]),
    # not regions: people's given names
    (
        "given name before a verb of saying",
        "福州市推进复工。王长春说，林闽侯表示。",
        ["福建省/福州市/-"],
    ),
    ("given name in a byline", "福州市推进复工。（记者 林闽侯）", ["福建省/福州市/-"]),
    (
        "preposition, not a surname",
        "福州市推进复工。赴闽侯调研。",
        ["福建省/福州市/-", "福建省/福州市/闽侯县"],
    ),
    # word boundaries decide
    ("place name inside another word", "在线上平台中办理。", []),
    ("overlapping names", "浙江西部地区。", ["浙江省/-/-"]),
    ("levels listed, not a place", "各有关部门和县(市、区)要抓好落实。", []),
    (
        "two-character county name with its province",
        "安徽省推进复工，和县企业开工。",
        ["安徽省/-/-", "安徽省/马鞍山市/和县"],
    ),
    ("former status needs support like a short form", "莱芜市复工。", []),
    ("common word with a former-status suffix", "比如市民可以参加。", []),
    ("no name", "全国各地、全市上下齐心协力。", []),
    # bare county short forms need support
    ("unsupported county short", "仓山的企业复工。", []),
    ("common word county short", "平房里住着人。", []),
    ("common word county short, province only", "黑龙江省的平房很多。", ["黑龙江省/-/-"]),
    ("county short used as a place", "60名陇西员工返岗。", ["甘肃省/定西市/陇西县"]),
    ("county short named twice", "昆山台企复工。昆山出台措施。", ["江苏省/苏州市/昆山市"]),
    ("county short before a zone", "昆山开发区企业复工。", ["江苏省/苏州市/昆山市"]),
    (
        "county short jieba tags nz, used as a place",
        "义乌国际机场恢复航班。",
        ["浙江省/金华市/义乌市"],
    ),
    ("common word before a zone", "平房开发区的企业。", []),
    ("lake named twice is still a lake", "太湖水质好。太湖周边。", []),
    ("generic district name alone", "城区企业复工。", []),
    ("generic district name after its city", "阳泉市城区企业复工。", ["山西省/阳泉市/城区"]),
    # Hong Kong and Macau
    ("Hong Kong", "香港的订单恢复。", ["香港特别行政区/-/-"]),
    ("Hong Kong district", "深水埗区居民。", ["香港特别行政区/-/-"]),
    ("Hong Kong adjective", "香港同胞捐赠物资。", []),
    ("country name before Hong Kong", "中国香港的客户下单。", ["香港特别行政区/-/-"]),
    ("country name before Taiwan", "中国台湾的客户下单。", ["台湾省/-/-"]),
    ("country name before a Taiwan adjective", "中国台湾青年创业。", []),
    (
        "conjunction glued to a county short by jieba",
        "南通和启东的企业复工。",
        ["江苏省/南通市/-", "江苏省/南通市/启东市"],
    ),
    ("Taiwan chain is one mention", "台湾台北的客户下单。", ["台湾省/-/-"]),
    ("Taiwan county short forms", "彰化、花莲的台商。", ["台湾省/-/-"]),
    ("Taiwan short form that is also a mainland district", "新北的台胞。", ["台湾省/-/-"]),
    (
        "mainland district of the same short form by its city",
        "常州市推进复工。新北的企业开工。",
        ["江苏省/常州市/-", "江苏省/常州市/新北区"],
    ),
    ("party secretary after a full name", "晋江市委书记走访企业。", ["福建省/泉州市/晋江市"]),
    # clipped Xinjiang prefecture names
    (
        "clipped prefecture in a chain",
        "巴州库尔勒市派出干部。",
        ["新疆维吾尔自治区/巴音郭楞蒙古自治州/库尔勒市"],
    ),
    (
        "clipped prefecture alone",
        "克州、博州组织专班。",
        ["新疆维吾尔自治区/克孜勒苏柯尔克孜自治州/-", "新疆维吾尔自治区/博尔塔拉蒙古自治州/-"],
    ),
    ("clipped prefecture is also a district", "巴中市巴州区派出干部。", ["四川省/巴中市/巴州区"]),
    # a list of bare county forms of one city backs itself
    (
        "list of bare districts of one city",
        "海淀、朝阳、丰台的企业复工。",
        ["北京市/北京市/海淀区", "北京市/北京市/朝阳区", "北京市/北京市/丰台区"],
    ),
    (
        "list of bare county-level cities of one city",
        "石狮、南安跟进。",
        ["福建省/泉州市/石狮市", "福建省/泉州市/南安市"],
    ),
    ("list of common words of different cities", "平房、白云等地。", []),
    ("list of common words of one city", "向阳、前进的精神。", []),
]


@pytest.mark.parametrize(("rule", "body", "expected"), CASES, ids=[c[0] for c in CASES])
def test_regions(rule, body, expected):
    dateline = "福州" if rule == "ambiguous district by the dateline" else None
    assert _paths(body, dateline) == expected


def test_every_mention_is_a_fact():
    body = "福州市推进复工。福州市派出干部。"
    facts = extract_regions(body, split_sentences(body))
    assert [(f.sentence_no, f.mention, f.region_code) for f in facts] == [
        (0, "福州市", "350100"),
        (1, "福州市", "350100"),
    ]


def test_chain_does_not_cross_a_line_break():
    body = "泉州\n晋江企业复工。"
    facts = extract_regions(body, split_sentences(body))
    assert [(f.sentence_no, f.mention) for f in facts] == [(0, "泉州"), (1, "晋江")]


def test_chain_is_one_mention_spanning_the_chain():
    body = "记者从黑龙江省哈尔滨市平房区获悉。"
    (fact,) = extract_regions(body, split_sentences(body))
    assert fact.mention == "黑龙江省哈尔滨市平房区"
    assert fact.region_code == "230108"


# Whole pages written for the review of unseen kinds of articles (tests/fixtures/review):
# other provinces and autonomous regions, prefecture clips, lists, chains, zones, Taiwan/HK,
# Traditional script with ruby, a page cut short. Distinct regions in order of appearance.
REVIEW = Path(__file__).parent / "fixtures" / "review"
PAGES = [
    (
        "guangxi_cut.txt",
        [
            "广西壮族自治区/-/-",
            "广西壮族自治区/南宁市/-",
            "广西壮族自治区/柳州市/-",
            "广西壮族自治区/桂林市/-",
            "广西壮族自治区/玉林市/-",
            "广西壮族自治区/玉林市/陆川县",
            "广西壮族自治区/玉林市/博白县",
            "广西壮族自治区/百色市/右江区",
            "广西壮族自治区/百色市/田阳区",
            "广西壮族自治区/北海市/银海区",
            "广西壮族自治区/防城港市/-",
        ],
    ),
    (
        "guizhou_hubei_prefectures.txt",
        [
            "贵州省/黔东南苗族侗族自治州/-",
            "贵州省/黔东南苗族侗族自治州/凯里市",
            "贵州省/黔东南苗族侗族自治州/黎平县",
            "贵州省/黔东南苗族侗族自治州/从江县",
            "湖北省/恩施土家族苗族自治州/-",
            "湖南省/湘西土家族苗族自治州/-",
            "贵州省/贵阳市/-",
            "贵州省/遵义市/-",
            "湖北省/武汉市/-",
        ],
    ),
    (
        "hk_tw_foreign.txt",
        [
            "福建省/福州市/-",
            "福建省/厦门市/-",
            "福建省/泉州市/-",
            "台湾省/-/-",
            "福建省/泉州市/金门县",
            "福建省/福州市/连江县",
            "福建省/-/-",
            "香港特别行政区/-/-",
            "澳门特别行政区/-/-",
            "湖北省/武汉市/-",
        ],
    ),
    (
        "jiangsu_lists.txt",
        [
            "江苏省/南京市/-",
            "江苏省/苏州市/-",
            "江苏省/无锡市/-",
            "江苏省/常州市/-",
            "江苏省/苏州市/昆山市",
            "江苏省/南京市/鼓楼区",
            "江苏省/南京市/玄武区",
            "江苏省/南京市/秦淮区",
            "江苏省/徐州市/鼓楼区",
            "江苏省/徐州市/云龙区",
            "江苏省/-/-",
            "江苏省/苏州市/常熟市",
            "江苏省/苏州市/张家港市",
            "江苏省/苏州市/太仓市",
        ],
    ),
    (
        "neimenggu_ningxia.txt",
        [
            "内蒙古自治区/呼和浩特市/-",
            "内蒙古自治区/-/-",
            "内蒙古自治区/锡林郭勒盟/-",
            "内蒙古自治区/阿拉善盟/-",
            "内蒙古自治区/鄂尔多斯市/达拉特旗",
            "内蒙古自治区/包头市/昆都仑区",
            "内蒙古自治区/包头市/九原区",
            "内蒙古自治区/赤峰市/红山区",
            "宁夏回族自治区/银川市/兴庆区",
            "内蒙古自治区/乌海市/-",
            "西藏自治区/拉萨市/-",
            "青海省/西宁市/-",
        ],
    ),
    (
        "trad_ruby_xinjiang.txt",
        [
            "新疆维吾尔自治区/乌鲁木齐市/-",
            "新疆维吾尔自治区/-/-",
            "新疆维吾尔自治区/昌吉回族自治州/-",
            "新疆维吾尔自治区/伊犁哈萨克自治州/-",
            "新疆维吾尔自治区/克拉玛依市/-",
            "新疆维吾尔自治区/巴音郭楞蒙古自治州/库尔勒市",
            "新疆维吾尔自治区/阿克苏地区/阿克苏市",
            "内蒙古自治区/-/-",
            "宁夏回族自治区/-/-",
            "甘肃省/-/-",
        ],
    ),
]


@pytest.mark.parametrize(("name", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_review_pages(name, expected):
    page = parse_page((REVIEW / name).read_text(encoding="utf-8"))
    assert _paths(page.body, page.dateline_place) == expected


def _first_chars(items) -> tuple[set[str], bool]:
    """The characters a match of parsed pattern ``items`` can start with, and whether it can
    be empty (only the constructs the organisation suffix uses)."""
    from re import _parser as p  # private, but only to check a hand-written set

    firsts: set[str] = set()
    for op, av in items:
        if op is p.LITERAL:
            return firsts | {chr(av)}, False
        if op is p.IN:
            for kind, value in av:
                assert kind is p.LITERAL, kind
                firsts.add(chr(value))
            return firsts, False
        if op in (p.ASSERT, p.ASSERT_NOT):
            continue  # takes no character
        if op is p.SUBPATTERN:
            found, empty = _first_chars(av[3])
        elif op is p.BRANCH:
            branches = [_first_chars(b) for b in av[1]]
            found = set().union(*(f for f, _ in branches))
            empty = any(e for _, e in branches)
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT):
            found, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        else:
            raise AssertionError(op)
        firsts |= found
        if not empty:
            return firsts, False
    return firsts, True


def test_org_suffix_first_chars_cover_the_suffix():
    from re import _parser

    from transforms.regions import _ORG_SUFFIX, _ORG_SUFFIX_FIRST

    firsts, empty = _first_chars(_parser.parse(_ORG_SUFFIX))
    assert not empty
    assert firsts == set(_ORG_SUFFIX_FIRST)
