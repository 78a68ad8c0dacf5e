"""Wire datelines: ``新华社兰州2月20日电（记者 X）``, ``11月17日濟寧訊``, ``本报讯（记者…）``.

A dateline names the place the story was filed from and (often) its month and day, rarely
its year. It is body for its place (regions use ``Page.dateline_place``), gives
``publish_date`` when it carries a year, and its month-day is *not* a body date: the dates
extractor calls :func:`find_dateline` to skip it.

Both scripts are accepted (``電/电``, ``訊/讯``, ``報/报``), so the function works on a raw
Traditional page as well as on the cleaned Simplified body; ``place`` is always Simplified.
Offsets are into the string passed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int
    text: str
    place: str | None  # Simplified, e.g. "北京", "济宁"
    year: int | None
    month: int | None
    day: int | None


_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
# The name of a news organisation ends in one of these (longest alternatives first).
_AGENCY_END = (
    r"(?:电视台|電視台|广播电台|廣播電台|总台|總台|客户端|客戶端|新闻|新聞|在线|在線|频道|頻道"
    r"|社|网|網|报|報|刊)"
)
_AGENCY = rf"(?:[据據]?[{_HAN}A-Za-z]{{0,12}}{_AGENCY_END})"
_PLACE = rf"[{_HAN}]{{2,6}}?"
_DATE = r"(?:(?P<y>(?:19|20)\d\d)[ \t]*年[ \t]*)?(?P<m>1[0-2]|0?[1-9])[ \t]*月[ \t]*(?P<d>3[01]|[12]\d|0?[1-9])[ \t]*日"
# "电" of a dateline, not of 电力/电网/电话… ("全市3月4日电力供应")
_KIND = (
    r"(?:(?:电|電)(?![力网網话話视視器量费費源池脑腦子商影动動梯价價厂廠站缆纜气氣信竞競])"
    r"|讯|訊|消息)"
)
# A reporter/credit parenthetical right after the dateline: "(记者 谷伟 / 文 马晶晶 / 摄)".
_CREDIT = (
    r"(?:[ \t]*[(（][^()（）\d。\n]{1,40}?[)）]"
    r"|[ \t]*(?:记者|記者|通讯员|通訊員)[^\s,，。、\d]{1,12}?(?:报道|報道))?"
)

# Where a dateline may begin: start of a line, or right after the close of a sentence or
# bracket (some sites put "中国台湾网2月27日讯" after the closing credit of the article).
_LEAD = r"(?:(?<=\n)|^|(?<=[)）。」”】\]]))[ \t\u3000]*[【\[]?"
_LEAD_AFTER = re.compile(r"[\n)）。」”】\]]")  # the characters _LEAD's look-behinds accept

_WIRE = re.compile(
    _LEAD
    + rf"(?P<body>(?:(?P<agency>{_AGENCY})[ \t]*)?(?P<place>{_PLACE})?[ \t]*{_DATE}[ \t]*"
    + rf"(?P<place2>{_PLACE})?[ \t]*{_KIND}[】\]]?{_CREDIT})"
)
# "本报讯", "现代快报讯", "本網訊": an organisation's 讯 without a date.
_PLAIN = re.compile(
    _LEAD + rf"(?P<body>(?P<agency>本[报報网網刊台]|[{_HAN}A-Za-z]{{1,10}}{_AGENCY_END})"
    rf"[ \t]*(?:讯|訊)[】\]]?{_CREDIT})"
)
# What each pattern cannot match without (the end of the date and the kind word; 讯).
# Searching for these is cheap, the patterns are tried at every sentence start, and most
# bodies hold no dateline at all. (Two substring tests are many times faster than a
# regex scan for the class of 讯 and 訊.)
_WIRE_NEEDS = re.compile(rf"日[ \t]*(?:[{_HAN}]{{2,6}}[ \t]*)?{_KIND}")


def _plain_needs(body: str) -> bool:
    return "讯" in body or "訊" in body


def _starts(body: str) -> Iterator[int]:
    """The offsets at which _LEAD may match: 0 and those after a character it looks
    behind for. (A pattern that opens with look-behinds is otherwise tried at every
    offset of the body.)"""
    yield 0
    for m in _LEAD_AFTER.finditer(body):
        yield m.end()

# Words that begin a clause, not a place name (本溪, 于都, 从江, 前郭, 全椒 are places).
_BAD_PLACE_START = re.compile(
    r"^(?:今年|今天|今日|昨天|昨日|前天|日前|近日|近期|本月|本年|本报|本報|本网|本網|该市|該市|"
    r"该县|該縣|该区|該區|记者|記者|截至|截止|从今|從今|全市|全省|全县|全縣|全区|全區|全国|全國|"
    r"各地|当天|當天|同日|于是|於是|在此)"
)


def _simplified(text: str) -> str:
    from transforms.script import to_simplified

    return to_simplified(text)


@lru_cache(maxsize=64)
def find_dateline(body: str) -> Dateline | None:
    """The first wire dateline in ``body`` (at a line start or right after a sentence).

    Cached for the last few texts: the page parser looks for the dateline of the body it
    has just built and the dates extractor looks again in the same body, to skip its
    month-day; the search scans the whole body.
    """
    best: Dateline | None = None
    for pattern, needs in ((_WIRE, _WIRE_NEEDS.search), (_PLAIN, _plain_needs)):
        if not needs(body):
            continue
        resume = 0  # the matches do not overlap, as with finditer
        for at in _starts(body):
            m = pattern.match(body, at) if at >= resume else None
            if m is None:
                continue
            resume = m.end()
            groups = m.groupdict()
            place = groups.get("place") or groups.get("place2")
            if place and _BAD_PLACE_START.match(place):
                # "今年3月4日电" is no dateline; a bad place means a bad match.
                continue
            if pattern is _WIRE and not (groups.get("agency") or place):
                continue
            start, end = m.start("body"), m.end("body")
            year = int(groups["y"]) if groups.get("y") else None
            month = int(groups["m"]) if groups.get("m") else None
            day = int(groups["d"]) if groups.get("d") else None
            found = Dateline(
                start=start,
                end=end,
                text=body[start:end],
                place=_simplified(place) if place else None,
                year=year,
                month=month,
                day=day,
            )
            if best is None or found.start < best.start:
                best = found
            break
    return best
