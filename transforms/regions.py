"""Region mentions of a body (facts.md §2).

One pass of an Aho-Corasick automaton over the body finds every surface form of the
gazetteer (full names, short forms, aliases). Most of the work is deciding which hits are
places:

1. Word boundaries. A hit must start a word of a jieba segmentation of a short window around
   it and end one (``平台中`` is not 台中, ``浙江西湖`` has no 江西), unless the word it starts
   is a zone or facility named after it (``苏州高新区``) or the hit is a full name with its
   suffix (``浙江省委``). jieba only sees these windows.
2. Overlaps keep the leftmost-longest hit (``泉州市`` over ``泉州``).
3. Context: a hit that starts an organisation's name (company, bank, newspaper, website,
   account) is not a place; a bare short form followed by 镇/乡/村/路/街… names a town or a
   street; ``台湾青年`` and the like are adjectives; ``县(市、区)`` lists levels.
4. Chains (``黑龙江省哈尔滨市平房区``, ``广西玉林``) are one mention at their lowest level and
   narrow each other's readings.
5. Support. Unambiguous, safe hits (and the dateline place) are anchors. A hit with several
   readings (``鼓楼区``, ``朝阳``, ``吉林``) takes the reading best backed by the anchors (the
   region itself, its city, its province), else the highest level. A bare county short form
   (``仓山``) needs its province or city named, its city when the form is also a common word
   (``平房``, ``白云``), unless it is used as a place (``60名陇西员工``, ``来自陇西``, or named
   twice) and jieba knows it as one;
   one listed next to an accepted sibling of the same city is accepted (``晋江、南安``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from operator import itemgetter

import ahocorasick_rs

from transforms import lexicon
from transforms.gazetteer import TAIWAN, Alias, aliases, ancestors, regions
from transforms.model import RegionFact, Sentence
from transforms.sentences import sentence_at

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_LEVEL_RANK = {"province": 0, "city": 1, "county": 2}
_WINDOW = 6  # characters of context on each side that jieba sees
_NATURE = frozenset("湖河海岛湾峡岭")  # 太湖, 东海: a lake or sea first
# Words that begin with the suffix of the name before them: 县城, 市委, 省长, 区政府.
_SHARED_SUFFIX = re.compile(r"[省市县区州](?:委|政府|人民政府|长|内|外|城|民|直|级|属|委会)")

# What may follow a division's name inside one jieba word for the name still to count.
_ZONE = re.compile(
    r"(?:(?:高新区|高新技术产业开发区|经济技术开发区|开发区|新区|经济区|工业园区?|产业园区?|园区"
    r"|保税区|综合保税区|自贸区|自贸片区|片区|机场|国际机场|火车站|[东南西北]?站|港|海关|市区|城区"
    r"|地区|辖区|特区|群岛|岛|籍|人)(?:政府|人民政府|党委|党工委|管委会)?|政府|人民政府|党委)"
)
# Text after a hit that makes the hit the start of an organisation's name: a short run that
# holds no function word or common verb (those end a name), up to an organisation suffix.
_ORG_STOP = (
    r"[的地得在和与及对向从将把被为是了等到于已并]|组织|深入|帮助|推动|推进|开展|召开|出台|落实"
    r"|指导|协调|支持|走访|进入|要求|积极|全力|加快|通过|对接|派出|选派|成立|举办|印发|下发|启动"
    r"|实施|引导|鼓励"
)
_ORG_SUFFIX = (
    r"(?:股份|有限公司|有限责任公司|分公司|公司|集团|银行|分行|支行|农商行|信用社|证券|交易所"
    r"|(?:日|晚|早|商|时|都市|证券|法制|青年|经济|侨)报|报社|报业|电视台|广播电台|广电|卫视"
    r"|大学(?!生)|学院|(?:新闻|在线|之窗|门户|人才)?网(?![络格点店购民友上下])"
    r"|[”\"』」]?(?:微信公众号|公众号|微信|微博|客户端|抖音|视频号))"
)
# The characters an _ORG_SUFFIX match starts with. The run before the suffix is lazy, so the
# suffix is tried after each character of it: testing its first character there spares
# trying its thirty alternatives one by one (tests/test_regions.py checks the set).
_ORG_SUFFIX_FIRST = "股有分公集银支农信证交日晚早商时都法青经侨报电广卫大学新在之门人网”\"』」微客抖视"
_ORG_SUFFIX_AHEAD = rf"(?=[{_ORG_SUFFIX_FIRST}]){_ORG_SUFFIX}"
_ORG = re.compile(rf"(?:(?!{_ORG_STOP})[{_HAN}A-Za-z0-9]){{0,10}}?{_ORG_SUFFIX_AHEAD}")
# The same run allowing stop characters, for names that hold one (华为技术有限公司): jieba
# then decides whether the character stands as a word of its own (为某某有限公司) or not.
_ORG_LOOSE = re.compile(rf"[{_HAN}A-Za-z0-9]{{0,10}}?{_ORG_SUFFIX_AHEAD}")
_ORG_STOP_WORD = re.compile(_ORG_STOP)
# After a bare short form: the hit names a town, village, street or road instead (but not
# in 镇江, 乡村, 村民, 路演, 街头...).
_SUBDIVISION = re.compile(
    r"(?:镇(?![江压定静守住])|乡(?![镇村亲下愁土里])|街道|村(?![民级镇])|社区|路(?![演线径况费过])"
    r"|大街|街(?![头面巷])|大道|巷|胡同)"
)
# 县(市、区): a list of administrative levels, not a place.
_LEVELS = re.compile(r"[(（][市县区]")
# Taiwan/HK/Macau as an adjective of people or firms (facts.md: 台湾青年, 台企).
_ADJECTIVE = re.compile(
    r"(?:同胞|青年|居民|民众|学生|企业|商人|客商|乡亲|朋友|艺人|媒体|当局|人士|人|员工|老板|厂商"
    r"|业者|商界|品牌|产品|干部|台商|资本|籍)"
)
_ADJECTIVE_PLACES = frozenset({TAIWAN, "810000", "820000"})
# The commonest single-character surnames, and what surrounds a person's name.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
_PERSON_AFTER = re.compile(
    r"(?:说|表示|介绍|告诉|称|认为|指出|强调|坦言|同志|先生|女士|书记|主任|局长|处长|科长|县长|市长"
    r"|区长|镇长|经理|董事长|总经理|总监|老师|教授|记者|等人|一行)"
)
_BYLINE = re.compile(r"(?:记者|通讯员|摄影|摄|编辑|作者|撰稿|实习生)\s*$")
# A bare county short form used as a place: after a verb of motion or location, or before
# people or "places" (``来自陇西``, ``60名陇西员工``, ``陇西籍``, ``陇西等地``).
_PLACE_BEFORE = re.compile(r"(?:来自|前往|返回|抵达|位于|赶赴|奔赴|[在到赴往回返至从于])$")
_PLACE_AFTER = re.compile(
    r"(?:籍|人|员工|务工|工人|老乡|劳务|群众|农民|市民|等地|一带|境内|当地"
    # a zone or facility named after it: 昆山开发区, 义乌国际机场
    r"|高新区|高新技术产业开发区|经济技术开发区|经济开发区|开发区|工业园区|保税区|综合保税区"
    r"|自贸片区|国际机场|机场|火车站|高铁站)"
)
# District names that are ordinary words; they count only after their city.
_GENERIC = frozenset(
    ["城区", "郊区", "矿区", "新城区", "老城区", "市中区"]
    + [f"{side}区" for side in "东西南北中"]
    + [f"城{side}区" for side in "东西南北中关"]
)
# City-level short forms that are ordinary words or other things first (silver, guests,
# Alibaba, a mountain, Sun Yat-sen, "well-being"...): they need their province named.
_CITY_WORDS = frozenset(
    ["来宾", "白银", "阿里", "白山", "北海", "山南", "海东", "海北", "海西", "黄山", "中山", "大同", "安康", "日照", "长治", "兴安", "玉树"]
)
# A county short form that jieba knows as a word this frequent, not as a place, is common.
_COMMON_FREQ = 50
# jieba tags many place names as person or other proper names (义乌 nz, 萧山 nr); only a
# very frequent one of those is more likely something else (和平, 友谊, 红旗).
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nz", "j"})
_COMMON_NAME_FREQ = 500
_PREPOSITIONS = frozenset("从在到于向往赴至自和与及")  # jieba has 从朝阳, 和启东
_CHAIN_GAP = re.compile(r"[ \t\u3000]*")  # 江苏省 苏州市: spaces, not line breaks
_LIST_GAP = re.compile(r"\s*[、，,和及与]\s*")
# A run of the characters a window does not stop at, from a position / up to one.
_WORD_RUN = re.compile(rf"[{_HAN}A-Za-z0-9]*")
_WORD_RUN_END = re.compile(rf"[{_HAN}A-Za-z0-9]*\Z")


# A hit as the automaton reports it: (form number, start, end); and per form number, the
# form, its readings and whether one of them is suffixed.
_Found = tuple[int, int, int]
_Entry = tuple[str, tuple[Alias, ...], bool]


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    form: str
    options: tuple[Alias, ...]
    # some reading of the form carries its suffix (泉州市); as found, before chains narrow
    suffixed: bool
    used_as_place: bool = False
    chain: tuple[_Hit, ...] = ()  # higher levels written right before it
    absorbed: bool = False  # a higher level of the chain of the next hit
    code: str | None = None


@cache
def _automaton() -> tuple[ahocorasick_rs.AhoCorasick, list[_Entry]]:
    """The automaton of every form and, per form, its readings and whether one is suffixed.

    A DFA: it scans every body, a third faster than the default NFA, for some 17 MB and
    0.05 s to build once per process."""
    table = aliases()
    forms = sorted(table)
    entries = [(f, table[f], any(a.suffixed for a in table[f])) for f in forms]
    automaton = ahocorasick_rs.AhoCorasick(
        forms,
        matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.DFA,
    )
    return automaton, entries


@cache
def _cutter() -> lexicon.WordCutter:
    """jieba's cut with every gazetteer form jieba's dictionary lacks added as a word; the
    global tokenizer stays as other modules use it."""
    return lexicon.WordCutter({f: _COMMON_FREQ for f in aliases() if lexicon.entry(f) is None})


@lru_cache(maxsize=1 << 13)
def _window_words(text: str) -> Mapping[int, str]:
    """The words of a window as :func:`_aligned` reads them, by their offset in it: jieba's
    cut, each word split into the place names it is made of. Cached: it depends on the text
    alone, and news repeats the phrases around place names (callers must not change it)."""
    words: dict[int, str] = {}
    pos = 0
    for word in _cutter().cut(text):
        for part in _place_parts(word):
            words[pos] = part
            pos += len(part)
    return words


def _is_common_word(form: str) -> bool:
    """jieba knows the form as an ordinary word (a noun, verb, adjective...) at least
    ``_COMMON_FREQ`` times, or as a person's or other proper name very often."""
    freq, tag = lexicon.entry(form) or (0, "ns")
    if tag in _NAME_TAGS:
        return freq >= _COMMON_NAME_FREQ
    return freq >= _COMMON_FREQ and tag != "ns"


def _window_start(body: str, start: int) -> int:
    """Where the stretch jieba sees before a hit at ``start`` begins: ``_WINDOW`` characters
    back, cut at punctuation."""
    run = _WORD_RUN_END.search(body, max(0, start - _WINDOW), start)
    assert run is not None  # a run may be empty: it always matches
    return run.start()


def _window_end(body: str, end: int) -> int:
    """Where the stretch jieba sees after a hit ending at ``end`` ends."""
    run = _WORD_RUN.match(body, end, end + _WINDOW)
    assert run is not None
    return run.end()


def _on_boundaries(start: int, end: int, suffixed: bool, words: Mapping[int, str]) -> bool:
    """Whether a hit at [start, end) of a window starts and ends one of its ``words``."""
    word = words.get(start)
    if word is None:
        return False
    pos = start + len(word)
    while pos < end and pos in words:
        if pos == end - 1 and suffixed and _SHARED_SUFFIX.match(words[pos]):
            return True  # the suffix starts the next word: 永春县城, 吉林省长, 晋江市委书记
        pos += len(words[pos])
    if pos == end:
        return True
    if len(word) <= end - start:
        return False
    # a full name with its suffix begins a longer word only as a name: 浙江省委, 北京市政府
    return suffixed or bool(_ZONE.fullmatch(word[end - start :]))


def _place_parts(word: str) -> list[str]:
    """A jieba word made of place names (``吉林长春``) split into them, maybe with a zone
    after the last (``吉林长春新区``), or a preposition glued to a name; any other word
    whole."""
    if len(word) < 2:  # half the words: none of the rules below splits a character
        return [word]
    forms = aliases()
    if word in forms:
        return [word]
    if word[0] in _PREPOSITIONS and word[1:] in forms:
        return [word[0], word[1:]]  # jieba's dictionary has names such as 从朝阳, 于长安
    if word.startswith("中国") and len(word) > 3:
        rest = _place_parts(word[2:])  # 中国香港, 中国台湾: one word for jieba
        if rest[0] in forms:
            return ["中国", *rest]
    if len(word) < 4:
        return [word]
    for cut in range(2, len(word) - 1):
        head, rest = word[:cut], word[cut:]
        if head in forms and (rest in forms or _ZONE.fullmatch(rest)):
            return [head, rest]
        if head in forms and len(rest) >= 2:
            tail = _place_parts(rest)
            if len(tail) > 1 or tail[0] in forms:
                return [head, *tail]
    return [word]


def _aligned(body: str, found: list[_Found], entries: list[_Entry]) -> list[_Found]:
    """The automaton's hits, sorted by position, that lie on word boundaries; one jieba cut
    per cluster of nearby hits."""
    kept: list[_Found] = []
    i = 0
    while i < len(found):
        # a cluster's window starts before its first hit and ends after the one reaching furthest
        lo, hi = _window_start(body, found[i][1]), _window_end(body, found[i][2])
        j = i + 1
        while j < len(found) and found[j][1] < hi:
            hi = max(hi, _window_end(body, found[j][2]))
            j += 1
        words = _window_words(body[lo:hi])
        kept.extend(
            (form, start, end)
            for form, start, end in found[i:j]
            if _on_boundaries(start - lo, end - lo, entries[form][2], words)
        )
        i = j
    return kept


def _leftmost_longest(hits: list[_Hit]) -> list[_Hit]:
    out: list[_Hit] = []
    for h in sorted(hits, key=lambda h: (h.start, h.start - h.end)):
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out


def _is_person_name(body: str, h: _Hit, after: str) -> bool:
    """The hit is the given name of a person (``王长春说``, ``记者 林永春``): a surname right
    before it, and a verb of saying or a title after, or a byline before."""
    if h.start == 0 or body[h.start - 1] not in _SURNAMES:
        return False
    byline = body[max(0, h.start - 6) : h.start - 1]
    return bool(_PERSON_AFTER.match(after) or _BYLINE.search(byline))


def _org_with_stop_char(body: str, h: _Hit, org: re.Match[str]) -> bool:
    """``深圳市华为技术有限公司``: an organisation's name (``org``, the ``_ORG_LOOSE`` match
    after the hit) that holds a character ``_ORG`` stops at, but inside a word, not as a
    word of its own (``泉州市为某某有限公司``)."""
    return _no_stop_word_after(body[h.start : h.end + org.end()], h.end - h.start)


@lru_cache(maxsize=1 << 12)
def _no_stop_word_after(text: str, skip: int) -> bool:
    """No word of the cut of ``text`` after its first ``skip`` characters is one that
    ``_ORG`` stops at. Cached: it depends on the text alone, and an article names the
    same firm again."""
    pos = 0
    for word in _cutter().cut(text):
        if pos >= skip and _ORG_STOP_WORD.fullmatch(word):
            return False
        pos += len(word)
    return True


def _names_place(body: str, h: _Hit) -> bool:
    """False when the words around the hit show it does not name a place."""
    after = body[h.end : h.end + 16]
    # _ORG_LOOSE matches wherever _ORG does: for most hits one match rules out both
    org = _ORG_LOOSE.match(after)
    if org is not None and (_ORG.match(after) or _org_with_stop_char(body, h, org)):
        return False
    if _LEVELS.match(after):
        return False
    if not h.suffixed and (_SUBDIVISION.match(after) or _is_person_name(body, h, after)):
        return False
    if h.suffixed or not _ADJECTIVE.match(after):  # the cheap tests first
        return True
    # 台湾青年, 港澳居民: Taiwan, Hong Kong or Macau as an adjective
    return not all(a.code in _ADJECTIVE_PLACES for a in h.options)


def _used_as_place(body: str, h: _Hit) -> bool:
    before = body[max(0, h.start - 2) : h.start]
    return bool(_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(body, h.end))


def _candidates(body: str) -> list[_Hit]:
    ac, entries = _automaton()
    # a hit becomes an object once on word boundaries: two in five are not
    found = sorted(ac.find_matches_as_indexes(body, overlapping=True), key=itemgetter(1, 2))
    hits = [_Hit(start, end, *entries[form]) for form, start, end in _aligned(body, found, entries)]
    kept = [h for h in _leftmost_longest(hits) if _names_place(body, h)]
    # a bare short form the article repeats is a place it is about
    repeated = Counter(h.form for h in kept if not h.suffixed)
    for h in kept:
        h.used_as_place = repeated[h.form] > 1 or _used_as_place(body, h)
    return kept


def _link_chains(body: str, hits: list[_Hit]) -> None:
    """Adjacent hits (spaces between them allowed) where the later lies inside the earlier
    are one region (the later)."""
    for prev, nxt in pairwise(hits):
        if not _CHAIN_GAP.fullmatch(body, prev.end, nxt.start):
            continue
        pairs = [
            (p, n)
            for p in prev.options
            for n in nxt.options
            if p.code in ancestors(n.code) or p.code == n.code  # 台湾台北: both 台湾省
        ]
        if not pairs:
            continue
        prev.options = tuple({p.code: p for p, _ in pairs}.values())
        nxt.options = tuple({n.code: n for _, n in pairs}.values())
        prev.absorbed = True
        nxt.chain = (*prev.chain, prev)


def _needs(h: _Hit, a: Alias) -> str | None:
    """The context reading ``a`` of ``h`` needs: None (safe on its own), 'province' (its
    province or city named elsewhere), 'city' (its city named) or 'never'."""
    if h.chain:
        return None
    region = regions()[a.code]
    if region.name in _GENERIC:
        return "never" if h.form == region.name else "city"
    if region.level == "province":
        return None
    if region.level == "city":
        return "province" if h.form in _CITY_WORDS else None
    if a.suffixed:
        # two-character names read as words too: 部门和县(市、区)
        short_name = len(h.form) == 2 and h.form[-1] in "县区市旗"
        return "province" if short_name and not h.used_as_place else None
    if _is_common_word(h.form):
        return "city"
    if h.used_as_place and len(h.options) == 1 and _is_place_word(h.form):
        return None
    return "province"


def _is_place_word(form: str) -> bool:
    """jieba knows the form as a place name, not one so frequent that it is a cultural
    region (江南, 长安) and not a lake, river or sea (太湖, 东海)."""
    freq, tag = lexicon.entry(form) or (0, "")
    if tag in ("nz", "j"):  # 义乌 is nz: a rare other proper name used as a place is one
        return freq < _COMMON_FREQ * 2 and form[-1] not in _NATURE
    return tag == "ns" and freq < 1000 and form[-1] not in _NATURE


@dataclass(slots=True)
class _Support:
    """The regions an article names unambiguously, with all their ancestors."""

    own: set[str] = field(default_factory=set)
    seen: dict[str, int] = field(default_factory=dict)

    def add(self, code: str) -> None:
        self.own.add(code)
        for c in (code, *ancestors(code)):
            self.seen[c] = self.seen.get(c, 0) + 1

    def backs(self, code: str, need: str | None) -> bool:
        if need is None or code in self.own:
            return True
        if need == "never":
            return False
        above = ancestors(code)
        return any(self.seen.get(c) for c in (above[:1] if need == "city" else above))

    def rank(self, code: str) -> tuple[int, int, int]:
        """The region itself named, then its city, then its province."""
        above = ancestors(code)
        return (
            int(code in self.own),
            self.seen.get(above[0], 0) if len(above) > 1 else 0,
            self.seen.get(above[-1], 0) if above else 0,
        )


def _choose(h: _Hit, support: _Support) -> str | None:
    """The reading of ``h`` best backed by ``support``; on a tie the highest level; None when
    no reading is backed enough or the tie stays."""
    allowed = [a.code for a in h.options if support.backs(a.code, _needs(h, a))]
    if len(allowed) <= 1:
        return allowed[0] if allowed else None
    best_rank = max(support.rank(c) for c in allowed)
    best = [c for c in allowed if support.rank(c) == best_rank]
    top = min(_LEVEL_RANK[regions()[c].level] for c in best)
    best = [c for c in best if _LEVEL_RANK[regions()[c].level] == top]
    return best[0] if len(best) == 1 else None


def _accept_lists(body: str, hits: list[_Hit]) -> None:
    """A county form left unresolved right next to an accepted county, in a list
    (``晋江、南安``), is read as a county of the same city."""
    changed = True
    while changed:
        changed = False
        for a, b in pairwise(hits):
            if not _LIST_GAP.fullmatch(body[a.end : b.start]):
                continue
            for known, unknown in ((a, b), (b, a)):
                if known.code is None or unknown.code is not None or unknown.absorbed:
                    continue
                if regions()[known.code].level != "county":
                    continue
                parent = regions()[known.code].parent
                same = [o.code for o in unknown.options if regions()[o.code].parent == parent]
                if len(same) == 1:
                    unknown.code = same[0]
                    changed = True


def _accept_sibling_runs(body: str, hits: list[_Hit], support: _Support) -> None:
    """A list of bare forms (``海淀、朝阳、丰台``, ``晋江、石狮、南安``) where two or more
    unresolved or ambiguous items each have a county reading under one and the same city
    (and under no other city as often) reads as counties of that city: the items back each
    other. A reading the article itself names elsewhere is kept."""
    runs: list[list[_Hit]] = []
    for h in hits:
        if h.absorbed or h.chain:
            if runs and runs[-1]:
                runs.append([])
            continue
        if runs and runs[-1] and _LIST_GAP.fullmatch(body[runs[-1][-1].end : h.start]):
            runs[-1].append(h)
        else:
            runs.append([h])
    for run in runs:
        open_ = [
            h for h in run if h.code is None or (len(h.options) > 1 and h.code not in support.own)
        ]
        if len(open_) < 2:
            continue
        by_parent: dict[str, list[tuple[_Hit, str]]] = {}
        for h in open_:
            parents: dict[str, list[str]] = {}
            for o in h.options:
                r = regions()[o.code]
                if r.level == "county" and r.name not in _GENERIC and r.parent:
                    parents.setdefault(r.parent, []).append(o.code)
            for parent, codes in parents.items():
                if len(codes) == 1:
                    by_parent.setdefault(parent, []).append((h, codes[0]))
        if not by_parent:
            continue
        ranked = sorted(by_parent.values(), key=len, reverse=True)
        if len(ranked[0]) < 2 or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
            continue
        if all(_is_common_word(h.form) for h, _ in ranked[0]):
            continue  # 公安、石首 or 向阳、前进 may be words listed: one item must be a name
        for h, code in ranked[0]:
            h.code = code


def extract_regions(
    body: str, sentences: list[Sentence], dateline_place: str | None = None
) -> list[RegionFact]:
    """Every mention of a division in ``body``, one fact per mention; a chain is one mention
    at its lowest level. ``dateline_place`` (the wire dateline's place) backs readings in its
    region."""
    hits = _candidates(body)
    _link_chains(body, hits)
    support = _Support()
    dateline = aliases().get(dateline_place or "", ())
    if len(dateline) == 1:
        support.add(dateline[0].code)
    for h in hits:
        if len(h.options) == 1 and _needs(h, h.options[0]) is None:
            support.add(h.options[0].code)
    for h in hits:
        h.code = _choose(h, support)
    for h in hits:
        if h.chain and h.code is None:  # the rest of the chain stands on its own
            h.chain[-1].absorbed = False
            h.chain = ()
    _accept_sibling_runs(body, hits, support)
    _accept_lists(body, hits)
    facts = []
    for h in hits:
        if h.code is None or h.absorbed:
            continue
        start = h.chain[0].start if h.chain else h.start
        sentence = sentence_at(sentences, start)
        facts.append(
            RegionFact(
                sentence_no=sentence.no if sentence else -1,
                start=start,
                end=h.end,
                mention=body[start : h.end],
                region_code=h.code,
            )
        )
    return facts
