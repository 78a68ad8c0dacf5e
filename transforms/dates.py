"""Calendar dates in an article body (facts.md §4).

News prose rarely writes a full date: it says ``2月19日``, ``19日``, ``2月底`` or ``今年``, and
the reader fills in the rest from the paragraph and from the day the article appeared. This
module does the same, in two steps:

1. one compiled regular expression finds every written date, including ranges
   (``10月27日至28日``, ``1-2月``, ``2月10日到3月1日``) and relative years (``今年``);
2. a left-to-right pass resolves the missing parts: a missing year (or month, for a bare
   ``24日``) comes from the nearest one written earlier in the same paragraph, failing that
   from the candidate nearest to ``publish_date``. An as-of date (``截至3月15日``) always takes
   the candidate nearest on or before ``publish_date``, because a running total is reported
   after the day it counts up to.

Convention for ``DateFact``: ``date_start``/``date_end`` hold the first day of the period at
its granularity (a month is ``YYYY-MM-01``, a year ``YYYY-01-01``); a single date has
``date_end == date_start``, a range has its two ends. A printer therefore renders either end
with the granularity alone (``YYYY-MM-DD`` | ``YYYY-MM`` | ``YYYY``).

Not dates: relative words without a calendar number (``近日``, ``一季度``, ``年初以来``),
durations (``3年``, ``5日内``), times of day, and the month-day of a wire dateline
(``新华社北京3月4日电``), which only gives context to later bare days.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from transforms.datelines import find_dateline
from transforms.model import DateFact, Sentence
from transforms.sentences import sentence_at

_SP = r"[ \u3000\xa0]*"
_DIGIT = r"[0-9０-９]"
_CN_YEAR = r"[一二][〇零○九][〇零○一二三四五六七八九]{2}"
_CN_MONTH = r"十[一二]?|[一二三四五六七八九]"
_CN_DAY = r"三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]"
_MONTH_NUM = rf"1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|{_CN_MONTH}"
_DAY_NUM = rf"3[01]|[12][0-9]|0?[1-9]|３[０１]|[１２][０-９]|０?[１-９]|{_CN_DAY}"
_DIGIT_DAY = r"3[01]|[12][0-9]|0?[1-9]|３[０１]|[１２][０-９]|０?[１-９]"
_DIGIT_MONTH = r"1[0-2]|0?[1-9]|１[０-２]|０?[１-９]"
# Suffixes that keep month granularity and belong to the mention (``2月底``, ``3月中旬``).
_MONTH_SUFFIX = r"份|上中旬|中下旬|上旬|中旬|下旬|初|底|末"
_CONN = rf"{_SP}(?:至|到|—{{1,2}}|–|-|－|―|~|～|〜){_SP}"
# 今年/去年/明年, but not inside 如今年轻, 过去年份, 说明年度, 至今年底 (至今 + 年底);
# 前年 is left out on purpose: it hides inside 提前年底.
_REL_YEAR = {"今": 0, "去": -1, "明": 1}
# After 至 (截至, a range's 至) 今年 is the year only when a month follows: 截至今年3月底,
# 去年12月31日至今年1月2日 (至今年底 stays 至今 + 年底).
_REL = (
    r"(?:(?<![如至迄现而古])今|(?<=至)今(?=年" + _SP + rf"(?:{_MONTH_NUM}){_SP}月)"
    r"|(?<![过失离回逝])去"
    r"|(?<![说表证声光文透聪发标注查阐指申鲜英昆黎清分简开阳神精高严])明)"
)
_REL_NOT_AFTER = r"(?!轻|纪|龄|限|代|华|迈)"


def _date_pattern(p: str) -> str:
    """One date expression; ``p`` prefixes the group names (start ``s`` / range end ``e``).

    Year, month and day are each optional, so a lookahead first demands that the expression
    begins with a number and its unit (or 今年): the match is then never empty. A month may
    be a shorthand range (``1-2月``) and a day too (``27-28日``); those first numbers land in
    the ``m0``/``d0`` groups and only exist in the start expression. A range end may give
    only the day (``10月27日至28日``).
    """
    year_num = rf"(?:19|20|１９|２０){_DIGIT}{{2}}|{_CN_YEAR}"
    begins = [rf"(?:{year_num}){_SP}年", rf"{_REL}年{_REL_NOT_AFTER}", rf"(?:{_MONTH_NUM}){_SP}月"]
    y0 = m0 = d0 = end_day = ""
    if p == "s":
        begins.append(rf"(?:{year_num}){_CONN}(?:{year_num}){_SP}年")
        begins.append(rf"(?:{_MONTH_NUM}){_CONN}(?:{_MONTH_NUM}){_SP}月")
        begins.append(rf"(?:{_DIGIT_MONTH})、(?:{_DIGIT_MONTH}){_SP}月")
        y0 = rf"(?:(?P<sy0>{year_num}){_CONN})?"
        # 1-2月 is a range, 3、4月 a list of two months (likewise 27-28日, 27、28日)
        m0 = rf"(?:(?P<sm0>{_MONTH_NUM}){_CONN}|(?P<sml>{_DIGIT_MONTH})、)?"
        d0 = rf"(?:(?P<sd0>{_DAY_NUM}){_CONN}|(?P<sdl>{_DIGIT_DAY})、)?"
    else:
        begins.append(rf"(?:{_DIGIT_DAY}){_SP}[日号]")
        end_day = rf"(?P<eday>{_DIGIT_DAY}){_SP}[日号]|"
    year = rf"(?:{y0}(?P<{p}y>{year_num}){_SP}年|(?P<{p}rel>{_REL})年{_REL_NOT_AFTER})(?:度)?"
    month = rf"{m0}(?P<{p}m>{_MONTH_NUM}){_SP}月(?P<{p}ms>{_MONTH_SUFFIX})?"
    day = rf"{d0}(?P<{p}d>{_DAY_NUM}){_SP}[日号]"
    return (
        rf"(?=(?:{'|'.join(begins)}))"
        rf"(?:{end_day}(?:{year})?(?:{_SP}{month}(?:{_SP}{day})?)?)"
    )


# What a date is written with up to its first 年, 月, 日 or 号: numerals and 今/去/明 (the
# first character is one), spaces (_SP), range connectors (_CONN) and the 、 of a list.
_DATE_LEAD = "0-9０-９一二三四五六七八九十〇零○今去明"
_DATE_RUN = rf"[{_DATE_LEAD} \u3000\xa0至到—–\-－―~～〜、]*"
_DATE = re.compile(
    # one cheap test at each position before the alternatives below are tried: a numeral
    # that does not run into 年/月/日/号 (一个, 30家, 统一) starts no date
    rf"(?=[{_DATE_LEAD}]{_DATE_RUN}[年月日号])(?<![0-9０-９.．第个])"
    rf"(?:{_date_pattern('s')}(?:{_CONN}{_date_pattern('e')})?"
    # a bare day (24日) cannot follow a number, a month or words that make it a duration
    rf"|(?<![年月近每数续个余多前后])(?:(?P<odl>{_DIGIT_DAY})、)?(?P<od>{_DIGIT_DAY}){_SP}日(?:{_CONN}(?P<od2>{_DIGIT_DAY}){_SP}日)?"
    r"(?!内|以内|之内|左右|多|余|均|游)"
    r")"
)
# What marks a short line as the page's stamp rather than prose: a header label, or a
# clock time after a date that writes its year (prose says 2月21日21:40, a stamp 2020年…).
# A label such as 活动时间： or 报名日期： opens prose, not the stamp; 来源 is a label only
# with its colon or a space after it (订单来源恢复 is prose).
_HEADER_WORDS = re.compile(
    r"(?:来源|稿源)\s*[:：]|(?:来源|稿源)\s|作者|编辑|发布时间|发布日期"
    r"|(?:^|[^\u4e00-\u9fff]|更新|发表|上传|录入)(?:时间|日期)\s*[:：]"
    r"|(?:19|20)\d\d年.{3,8}\d{1,2}:\d{2}"
)
_HEADER_LINE_MAX = 60
_CN_NUMERAL_BEFORE = set("一二三四五六七八九十〇零两百千万几")
_AS_OF = re.compile(r"(?:截至|截止)(?:到|至)?" + _SP + r"$")
# A wire dateline's month-day: 新华社南京5月3日电(记者…, 中国台湾网11月17日济宁讯 …
_DATELINE_TAIL = re.compile(
    r"[\u4e00-\u9fff]{0,5}?[电讯](?=[ \u3000\xa0（(【\[:：\n]|记者|通讯员|$)"
)
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def _number(text: str) -> int:
    """Integer of a date field written in digits or Chinese numerals (up to 三十一)."""
    text = text.translate(_FULLWIDTH)
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    if len(text) == 4:  # a year written digit by digit: 二〇二〇
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    return _CN_DIGITS[text]


@dataclass(frozen=True, slots=True)
class _Written:
    """The fields a date expression states; None where the reader must infer them."""

    year: int | None
    month: int | None
    day: int | None


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _valid(year: int, month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= calendar.monthrange(year, month)[1])


def _pick(
    candidates: list[tuple[int, ...]], distance: Callable[[tuple[int, ...]], int], as_of: bool
) -> tuple[int, ...] | None:
    """The candidate nearest to publication (ties go to the past); as-of: nearest not after."""
    scored = [(distance(c), c) for c in candidates]
    if as_of:
        scored = [(d, c) for d, c in scored if d <= 0]
    if not scored:
        return None
    return min(scored, key=lambda dc: (abs(dc[0]), dc[0] > 0))[1]


def _year_near(month: int, day: int | None, publish: date, as_of: bool) -> int | None:
    def distance(c: tuple[int, ...]) -> int:
        if day is None:
            return _month_index(c[0], month) - _month_index(publish.year, publish.month)
        return (date(c[0], month, day) - publish).days

    around = (publish.year - 1, publish.year, publish.year + 1)
    years = [(y,) for y in around if _valid(y, month, day)]
    picked = _pick(years, distance, as_of)
    return picked[0] if picked else None


def _month_near(day: int, publish: date, as_of: bool) -> tuple[int, int] | None:
    base = _month_index(publish.year, publish.month)
    months = [divmod(base + k, 12) for k in (-1, 0, 1)]
    candidates = [(y, m + 1) for y, m in months if _valid(y, m + 1, day)]
    picked = _pick(candidates, lambda c: (date(c[0], c[1], day) - publish).days, as_of)
    return (picked[0], picked[1]) if picked else None


@dataclass(slots=True)
class _Context:
    """What the paragraph has written so far: the latest year and the latest (year, month)."""

    year: int | None = None
    month: tuple[int, int] | None = None


def _resolve(
    written: _Written, ctx: _Context, publish: date | None, as_of: bool
) -> tuple[int, int | None, int | None] | None:
    """Fill in year (and month, for a bare day) per facts.md §4; None when it cannot."""
    year, month, day = written.year, written.month, written.day
    if year is not None:
        return year, month, day
    if month is None:  # a bare day takes its month the way a month takes its year
        if ctx.month is not None and not (as_of and publish is not None):
            year, month = ctx.month
        elif publish is not None:
            picked = _month_near(day, publish, as_of)
            if picked is None:
                return None
            year, month = picked
        else:
            return None
        return (year, month, day) if _valid(year, month, day) else None
    if as_of and publish is not None:
        year = _year_near(month, day, publish, as_of=True)
    elif ctx.year is not None:
        year = ctx.year
    elif publish is not None:
        year = _year_near(month, day, publish, as_of=False)
    if year is None or not _valid(year, month, day):
        return None
    return year, month, day


def _written(m: re.Match[str], p: str, publish: date | None) -> _Written | None:
    """The fields stated by the start (``p='s'``) or end (``p='e'``) of a match."""
    if p == "s" and m.group("od"):
        return _Written(None, None, _number(m.group("od")))
    year = None
    if p == "s" and m.group("sy0"):  # 2020-2022年 starts at its first year
        year = _number(m.group("sy0"))
    elif m.group(f"{p}y"):
        year = _number(m.group(f"{p}y"))
    elif m.group(f"{p}rel"):
        if publish is None:
            return None
        year = publish.year + _REL_YEAR[m.group(f"{p}rel")]
    # a shorthand range (1-2月, 27-28日) starts at its first number
    month_text = (m.group("sm0") if p == "s" else None) or m.group(f"{p}m")
    day_text = (m.group("sd0") if p == "s" else None) or m.group(f"{p}d")
    month = _number(month_text) if month_text else None
    day = _number(day_text) if day_text else None
    return _Written(year, month, day)


def _is_chinese_numeral_noise(m: re.Match[str], body: str) -> bool:
    """A Chinese-numeral month alone (三月, 一月一次) is too ambiguous to be a date.

    It counts only with a written year, a day or a month suffix, and never glued to
    another numeral (十二月 is matched whole, 二月 inside it is not).
    """
    sm = m.group("sm")
    if not sm or sm[0].isdigit() or sm[0] in "０１２３４５６７８９":
        return False
    if m.start() > 0 and body[m.start() - 1] in _CN_NUMERAL_BEFORE:
        return True
    return not (m.group("sy") or m.group("srel") or m.group("sd") or m.group("sms"))


def _fact(
    sentences: list[Sentence], start: int, end: int, mention: str,
    first: tuple[int, int | None, int | None], last: tuple[int, int | None, int | None],
) -> DateFact | None:
    sentence = sentence_at(sentences, start)
    if sentence is None:
        return None
    granularity = "day" if first[2] is not None else "month" if first[1] is not None else "year"

    def as_date(ymd: tuple[int, int | None, int | None]) -> date:
        y, mo, d = ymd
        if granularity == "year":
            return date(y, 1, 1)
        if granularity == "month" or d is None:
            return date(y, mo or 1, 1)
        return date(y, mo, d)

    return DateFact(sentence.no, start, end, mention, as_date(first), as_date(last), granularity)


def _is_header_line(body: str, line_start: int) -> bool:
    """A short line stamping the page (``2020年3月5日 10:21 来源：…``) is publish_date, not body."""
    line_end = body.find("\n", line_start)
    line = body[line_start:line_end if line_end >= 0 else len(body)]
    return len(line) <= _HEADER_LINE_MAX and _HEADER_WORDS.search(line) is not None


def _dateline_spans(body: str) -> list[tuple[int, int]]:
    found = find_dateline(body)
    return [(found.start, found.end)] if found is not None else []


def extract_dates(
    body: str, sentences: list[Sentence], publish_date: date | None
) -> list[DateFact]:
    """All calendar dates of ``body`` resolved per facts.md §4, in text order."""
    matches = list(_DATE.finditer(body))
    if not matches:
        return []  # and no need to look for a dateline to skip
    facts: list[DateFact] = []
    datelines = _dateline_spans(body)
    ctx, header_line = _Context(), False
    paragraph_start: int | None = None
    for m in matches:
        start, end = m.start(), m.end()
        paragraph = body.rfind("\n", 0, start)
        if paragraph != paragraph_start:
            paragraph_start, ctx = paragraph, _Context()
            header_line = _is_header_line(body, paragraph + 1)
        if header_line or _is_chinese_numeral_noise(m, body):
            continue
        first_written = _written(m, "s", publish_date)
        if first_written is None:
            continue
        as_of = bool(_AS_OF.search(body, max(0, start - 6), start))
        first = _resolve(first_written, ctx, publish_date, as_of)
        last = _range_end(m, first, publish_date) if first is not None else None
        if first is None or last is None:
            continue
        # what later bare dates in this paragraph inherit, a dateline's month-day included
        # 比去年同期: a year named for comparison does not date what follows it
        comparison = first[1] is None and body.startswith("同期", end)
        if first_written.year is not None and not comparison:
            ctx.year = last[0]  # 2019年至2020年: the later year was written last
        if first[1] is not None:
            ctx.month = (last[0], last[1]) if last[1] is not None else (first[0], first[1])
        is_dateline = any(s <= start < e for s, e in datelines) or (
            m.group("od") is None and _DATELINE_TAIL.match(body, end) is not None
        )
        if is_dateline:
            continue
        listed = _listed(m, first)
        if listed is not None:  # 3、4月, 2月27、28日: the first item is a date of its own
            fact = _fact(sentences, start, listed[0], body[start : listed[0]], listed[1], listed[1])
            if fact is not None:
                facts.append(fact)
        list_end = _list_item_end(m)
        if list_end is not None:
            start = list_end + 1  # past the 、
        fact = _fact(sentences, start, end, body[start:end], first, last)
        if fact is not None:
            facts.append(fact)
    return facts


def _list_item_end(m: re.Match[str]) -> int | None:
    for group in ("sml", "sdl", "odl"):
        if m.group(group):
            return m.end(group)
    return None


def _listed(
    m: re.Match[str], first: tuple[int, int | None, int | None]
) -> tuple[int, tuple[int, int | None, int | None]] | None:
    """The first item of a list ``3、4月`` / ``27、28日`` (where it ends, its date), resolved
    like the date it is listed with. Only an item before the second counts, and without a
    written month only a near one: ``1、28日`` is a list marker and a date."""
    y, mo, d = first
    if m.group("sml") and d is None and mo is not None:
        item = _number(m.group("sml"))
        return (m.end("sml"), (y, item, None)) if 1 <= item < mo else None
    group = "sdl" if m.group("sdl") else "odl" if m.group("odl") else None
    if group is None or mo is None or d is None:
        return None
    item = _number(m.group(group))
    near = group == "sdl" and m.group("sm") is not None
    if not (1 <= item < d and (near or d - item <= 3)):
        return None
    return m.end(group), (y, mo, item)


def _range_end(
    m: re.Match[str], first: tuple[int, int | None, int | None], publish: date | None
) -> tuple[int, int | None, int | None] | None:
    """The far end of a range, inheriting what it leaves out from the start; else ``first``.

    An end that would fall before the start is not trusted: the match is a single date.
    """
    last = _written_end(m, first, publish)
    if last is None:
        return None
    as_tuple = [(v if v is not None else 0) for v in last]
    return last if as_tuple >= [(v if v is not None else 0) for v in first] else first


def _written_end(
    m: re.Match[str], first: tuple[int, int | None, int | None], publish: date | None
) -> tuple[int, int | None, int | None] | None:
    y, mo, _ = first
    if m.group("sy0") and mo is None:  # 2020-2022年: the year next to 年 is the end
        return (_number(m.group("sy")), None, None)
    if m.group("sm0"):  # 1-2月: the month next to 月 is the end
        month = _number(m.group("sm"))
        return (y, month, None) if _valid(y, month, None) else None
    if m.group("sd0"):  # 27-28日
        day = _number(m.group("sd"))
        return (y, mo, day) if _valid(y, mo, day) else None
    bare_day = m.group("od2") or m.group("eday")
    if bare_day:  # 10月27日至28日, 6日至7日
        day = _number(bare_day)
        return (y, mo, day) if mo is not None and _valid(y, mo, day) else None
    end = _written(m, "e", publish)
    if end is None or (end.year is None and end.month is None and end.day is None):
        return first
    year = end.year if end.year is not None else y
    month = end.month if end.month is not None else mo
    day = end.day
    if end.year is None and month is not None and mo is not None and month < mo:
        year += 1  # 12月至1月 crosses the new year
    if month is None or not _valid(year, month, day):
        return (year, None, None) if month is None and day is None else None
    return year, month, day
