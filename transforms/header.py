"""Title, publisher and publication date from the lines around the article body.

- title: the headline. Evidence, scored: the line just before a meta line (date, 来源, 编辑);
  a line repeated elsewhere on the page (bullet list, ``标题:`` line, ``【headline】`` in the
  body); a breadcrumb's last item; an explicit ``标题:`` label; a ``<title>`` saved as a
  line (``headline_频道_site``); the line right above the body under a site name or an
  e-paper page header (``第03版:要闻``). A ``——subtitle`` or byline under the headline is
  skipped over. Site names (``…网``, ``…移动版``), menu rows, subtitles and bylines are
  penalised. No evidence, no title.
- publisher: the source name of a ``来源:``/``稿源:``/``信息来源:`` line (just the name), or
  the paper named before the date in an e-paper header (``辽宁日报 2020年03月27日``).
- publish_date: a labelled date (``时间:``, ``发布时间:``, ``添加日期:``, ``日期:``), a bare
  date(-time) line in the header, a dateline with a year, or a dated path
  (``/a/2020/0224/``, ``/2020-02/20/``, ``202003/27/``, ``t20200223_``). Chinese-numeral
  dates (``二〇二〇年三月五日``) count; ``更新时间:`` only when nothing else dates the page.
  Dates (labelled, bare or in paths) in related-news lists after the body, teasers of other
  articles (``某县召开会议 时间:2020-02-11``), ``上一篇/下一篇`` links, copyright years and
  today's date are never used.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from transforms.body import HEADING_LEAD, RELATED_HEADINGS, Body, count_han
from transforms.datelines import Dateline

_YMD = (
    r"(?P<y>(?:19|20)\d\d)\s*(?:[-/.－／]\s*(?P<m1>\d{1,2})\s*[-/.－／]\s*(?P<d1>\d{1,2})(?!\d)"
    r"|年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日)"
)
_DATE = re.compile(_YMD)
_DATE_LABEL = re.compile(
    r"(?:发布时间|发表时间|发布日期|添加日期|更新时间|更新日期|上传时间|录入时间|刊发时间|"
    r"出版日期|时间|日期|发布于|发布|发表于)\s*[:：]?\s*" + _YMD
)
_LABEL_TAIL = re.compile(
    r"(?:发布时间|发表时间|发布日期|添加日期|更新时间|更新日期|上传时间|录入时间|刊发时间|"
    r"出版日期|时间|日期|发布于|发布|发表于)\s*[:：]?$"
)
_PATHS = [
    re.compile(r"/(?P<y>20\d\d)/(?P<m>[01]\d)(?P<d>[0-3]\d)/"),  # /a/2020/0224/
    re.compile(r"/(?P<y>20\d\d)-(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),  # /2020-02/20/
    re.compile(r"(?<![\d])(?P<y>20\d\d)(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),  # 202003/27/
    re.compile(r"/t(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)_"),  # t20200223_
    re.compile(r"(?<=[a-z])(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)_\d"),  # t20200223_2485846
    re.compile(r"/(?P<y>20\d\d)/(?P<m>[01]\d)/(?P<d>[0-3]\d)/"),  # /2020/02/24/
    re.compile(r"/(?P<y>20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)/"),  # /2020-03-09/
    re.compile(r"/(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)/"),  # /20200224/
]
_SOURCE = re.compile(
    r"(?:^|(?<=[\s|｜\d:：\]】)）]))(?:信息来源|文章来源|新闻来源|稿件来源|来源|稿源|出处|来自)\s*[:：]\s*"
    r"[(（【\[]?\s*(?P<name>[^\s|｜()（）【】\[\],，;；:：]{2,30}?)\s*"
    r"(?=$|[\s|｜()（）【】\[\],，;；]|作者|编辑|责编|责任编辑|时间|日期|发布|浏览|点击|记者|字号|阅读)"
)
# A character every label of _SOURCE holds: a row without one (most) is spared that
# pattern, which opens with look-behinds and so is tried at every offset.
_SOURCE_NEEDS = re.compile(r"[来稿处]")
_PAPER_DATE = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{2,12}(?:报|网|社))\s*" + _YMD)
_META = re.compile(
    r"(?:^|[\s|｜])(?:来源|稿源|信息来源|作者|编辑|责任编辑|时间|发布时间|日期|发布日期|浏览|"
    r"点击|字号)\s*[:：]|" + _YMD + r"|\d{1,2}:\d{2}"
)
# What every match of _META holds (a label's colon, a year's or a time's digits): a row
# without one (a headline, a menu) is spared that pattern, which has no literal to skip to.
_META_NEEDS = re.compile(r"[0-9:：]")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_META_LABEL = re.compile(r"来源|稿源|作者|编辑|记者|发布|浏览|点击|字号|阅读")
_BREADCRUMB_SPLIT = re.compile(r"\s*(?:>>|>|›|»|→|/)\s*")
# (each alternative starts with a literal: re skips to where one of them occurs)
_BREADCRUMB = re.compile(r">>|>|›|»|→|当前位置[:：]|您的位置[:：]|你的位置[:：]|您现在的位置[:：]")
_SITE_LIKE = re.compile(
    r"(?:网|网站|移动版|手机版|客户端|首页|频道|门户|在线|日报|晚报|报社|新闻|资讯|中心|正文)$"
)
_BAD_TITLE = re.compile(
    r"https?://|www\.|ICP|版权|Copyright|当前位置|您的位置|首页|来源[:：]|时间[:：]|编辑[:：]|"
    r"字号|打印|分享到|扫一扫|栏目|相关新闻|相关阅读|推荐阅读|上一篇|下一篇|关键词|标签[:：]"
)
_CAPTION = re.compile(r"^(?:图为|图片|[△▲])|(?:摄|供图|图片来源.*|[(（]图[)）])$|截图$")
_TITLE_LABEL = re.compile(r"^\s*(?:标题|题目|文章标题)\s*[:：]\s*(?P<t>.+)$")
_BULLET = re.compile(r"^\s*(?:[•·●○◆◇■□▪▶►»\-–—*]\s*)+")
_SUBTITLE = re.compile(r"^\s*(?:——|—|--|－－|――)\s*\S")
# page chrome just above a headline: a short site/paper name, an e-paper page header
_CHROME = re.compile(
    r"^[\u4e00-\u9fff·]{0,16}(?:网|网站|移动版|手机版|客户端|日报|晚报|都市报|报)$|"
    r"第\s*[0-9０-９A-Za-z一二三四五六七八九十]+\s*版|上一版|下一版|版面导航|返回目录"
)
_BYLINE = re.compile(
    r"^[(（\[【]?\s*(?:本报|本台|本网)?(?:记者|通讯员|特约记者|见习记者|作者|撰稿|文\s*[/:：]|图\s*[/:：])"
)
_RELATED = re.compile(
    HEADING_LEAD + "(?:" + RELATED_HEADINGS + "|"
    r"热点推荐|新闻推荐|热门推荐|猜你喜欢|热点新闻|热门文章|精彩推荐|更多新闻|最新新闻|"
    r"本版其他|本版新闻|往期回顾|网友评论|网友留言|我要留言|我要评论)"
)
_TITLE_TAG = re.compile(r"_[^_]{1,20}_[^_]{1,20}$|_[^_]*(?:网|网站|门户)$")
_OTHER_LINK = re.compile(r"上一篇|下一篇|上一条|下一条")
_TAIL_SITE = re.compile(r"\s*(?:_|\s-\s|\s\|\s|｜)\s*[^_|｜]{1,20}$")
# The separators, one of which every match of _TAIL_SITE holds: a row without one (most)
# is spared that pattern, which, opening with spaces, is tried at every offset.
_TAIL_SEPARATOR = re.compile(r"[-_|｜]")


@dataclass(frozen=True, slots=True)
class Header:
    title: str | None
    publisher: str | None
    publish_date: date | None


def _make_date(y: str, m: str | None, d: str | None) -> date | None:
    if not (y and m and d):
        return None
    try:
        value = date(int(y), int(m), int(d))
    except ValueError:
        return None
    return value if 1990 <= value.year <= 2100 else None


def _date_of(m: re.Match) -> date | None:
    g = m.groupdict()
    return _make_date(g["y"], g.get("m1") or g.get("m2"), g.get("d1") or g.get("d2"))


_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_CN_DATE = re.compile(
    r"(?P<y>[〇零○一二三四五六七八九]{4})年(?P<m>十[一二]?|[一二三四五六七八九])月"
    r"(?P<d>[二三]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])日"
)


def _cn_number(text: str) -> int:
    if "十" not in text:
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def _cn_date_digits(line: str) -> str:
    """A Chinese-numeral date (e-paper, government pages) in digits: 二〇二〇年三月五日 → 2020年3月5日."""
    if "年" not in line:
        return line
    return _CN_DATE.sub(
        lambda m: f"{_cn_number(m['y'])}年{_cn_number(m['m'])}月{_cn_number(m['d'])}日", line
    )


def _is_meta(text: str) -> bool:
    text = _cn_date_digits(text)
    return bool(_META_NEEDS.search(text) and _META.search(text)) and count_han(text) < 40


def _title_text(text: str) -> str:
    text = _BULLET.sub("", text).strip()
    m = _TITLE_LABEL.match(text)
    if m:
        text = m.group("t").strip()
    # "headline_site name" / "headline - site name"
    for _ in range(3):  # "headline_频道_site" strips both tails
        if count_han(text) < 10 or not _TAIL_SEPARATOR.search(text):
            break
        cut = _TAIL_SITE.sub("", text)
        if cut != text and count_han(cut) >= 5 and _SITE_LIKE.search(text[len(cut) :].strip(" _-|｜")):
            text = cut
        else:
            break
    return " ".join(text.split())


def _nav_like(text: str) -> bool:
    """A row of menu items ("政务公开 新闻动态") or a short label ("县区动态"), not a headline."""
    parts = text.split()
    return count_han(text) < 7 or (len(parts) >= 2 and all(count_han(p) <= 4 for p in parts))


def _under_headline(line: str) -> bool:
    """A subtitle ("——…") or a byline ("本报记者 王五") printed under the headline."""
    line = line.strip()
    if _SUBTITLE.match(line):
        return True
    return bool(_BYLINE.match(line)) and count_han(line) <= 20 and not re.search(r"[。，,；;]", line)


def _title_ok(text: str) -> bool:
    han = count_han(text)
    if han < 5 or len(text) > 80 or _BAD_TITLE.search(text):
        return False
    if text.endswith(("。", "；", ";", ":", "：", ",", "，")):
        return False
    visible = len(text.replace(" ", ""))
    return han / visible >= 0.5 if visible else False


def _breadcrumb_last(raw: str) -> str | None:
    """The last item of a breadcrumb line (``首页 > 资讯 > headline``), if headline-like."""
    parts = [p for p in _BREADCRUMB_SPLIT.split(raw) if p.strip()]
    if len(parts) < 2:
        return None
    last = _title_text(parts[-1])
    if count_han(last) < 6 or _SITE_LIKE.search(last) or not _title_ok(last):
        return None
    return last


def _nonblank_from(lines: list[str], i: int, step: int) -> int | None:
    """The first non-blank line from row ``i`` on (``step`` 1) or back (``step`` -1)."""
    while 0 <= i < len(lines):
        if lines[i].strip():
            return i
        i += step
    return None


def find_title(lines: list[str], body: Body) -> str | None:
    """The headline, or None when the page shows none. ``lines`` are cleaned lines."""
    first_body = body.indices[0] if body.found else len(lines)
    body_set = set(body.indices)
    # the lines without spaces, one per row: a key holds no line break, so another row
    # holds it exactly when the page holds it more often than its own row does
    rows = ["".join(line.split()) for line in lines]
    squeezed = "\n".join(rows)

    # a row is asked about as a candidate and again as the neighbour of one
    is_meta = functools.cache(lambda i: _is_meta(lines[i]))
    best: tuple[float, int, str] | None = None
    # the rows above the body, and below it only a "标题:" line (a label word is looked
    # for first: most pages have far more rows below their headline than above it)
    labels_below = (
        (i for i in range(first_body, len(lines)) if "标题" in lines[i] or "题目" in lines[i])
        if "标题" in squeezed or "题目" in squeezed
        else ()
    )
    for i in itertools.chain(range(first_body), labels_below):
        raw = lines[i].strip()
        if not raw or i in body_set:
            continue
        labelled = ("标题" in raw or "题目" in raw) and bool(_TITLE_LABEL.match(_BULLET.sub("", raw)))
        if i >= first_body and not labelled:
            continue
        if _BREADCRUMB.search(raw) and not labelled:
            text = _breadcrumb_last(raw)
            if text is None:
                continue
            score = 2.0
        else:
            text = _title_text(raw)
            if not _title_ok(text) or (is_meta(i) and not labelled):
                continue
            score = 6.0 if labelled else 0.0
            nxt, prv = _nonblank_from(lines, i + 1, 1), _nonblank_from(lines, i - 1, -1)
            while nxt is not None and _under_headline(lines[nxt]):
                # headline, "——subtitle"/byline, then the meta line
                nxt = _nonblank_from(lines, nxt + 1, 1)
            if nxt is not None and is_meta(nxt):
                score += 4  # the headline sits right above the date/source line
            if prv is not None and is_meta(prv):
                score += 2  # ... or right below it
            if nxt is not None and nxt == first_body:
                score += 1
                if (prv is None or _CHROME.search(lines[prv].strip())) and not _nav_like(text):
                    score += 2  # the page's first line (or below the site name / e-paper
                    # page header), right above the article

            if text != raw and _TITLE_TAG.search(raw):
                score += 3  # a <title> saved as a line: "headline_新闻中心_某某网"
            if _SITE_LIKE.search(text) or count_han(text) <= 6 or _CAPTION.search(text):
                score -= 4  # "中国台湾网移动版", "新华网正文", "图为…", "…摄"
            if _SUBTITLE.match(raw) or _BYLINE.match(raw):
                score -= 6  # "——subtitle" under the headline, "（记者 王五 通讯员 李四）"
        key = "".join(text.split())
        if squeezed.count(key) > rows[i].count(key):
            score += 3  # repeated: bullet list, "标题:" line, "【headline】" in the body
        if best is None or (score, i) > (best[0], best[1]):
            best = (score, i, text)
    if best is None or best[0] < 3:
        return None
    return best[2]


def find_publisher(lines: list[str], body: Body) -> str | None:
    body_set = set(body.indices)
    first_body = body.indices[0] if body.found else len(lines)
    # the rows outside the body, the header rows (before the first body row) first; a
    # generator: most pages name their source in the header
    for i in (i for i in range(len(lines)) if i not in body_set):
        m = _SOURCE_NEEDS.search(lines[i]) and _SOURCE.search(lines[i])
        if m:
            name = m.group("name").strip('()（）【】[]《》"“”')
            if count_han(name) >= 2:
                return name
    for i in range(first_body):
        m = _PAPER_DATE.match(lines[i])
        if m and count_han(lines[i]) < 20:
            return m.group("name")
    return None


def _lead_kind(lead: str, title_key: str) -> str | None:
    """What stands before a date on its line: ``"title"`` (the page's own headline),
    ``"other"`` (a headline-like text that is not the page's: a teaser), or None (a meta
    label, a site name, nothing)."""
    lead = "".join(_BULLET.sub("", lead).split())
    lead = _LABEL_TAIL.sub("", lead).strip("_-|｜【】[]:：")
    if count_han(lead) < 8 or _META_LABEL.search(lead):
        return None
    return "title" if title_key and lead in title_key else "other"


def _labelled_date(
    lines: list[str], rows: Iterable[int], title_key: str, *, skip_teasers: bool
) -> tuple[date | None, date | None]:
    """The first labelled date on ``rows`` but an update date (``更新时间:``), and the first
    update date before it. A teaser's date (a line led by another headline) is skipped
    when ``skip_teasers``."""
    updated: date | None = None
    for i in rows:
        line = _cn_date_digits(lines[i])
        for m in _DATE_LABEL.finditer(line):
            if skip_teasers and _lead_kind(line[: m.start()], title_key) == "other":
                continue
            found = _date_of(m)
            if found and m.group(0).startswith("更新"):
                updated = updated or found
            elif found:
                return found, updated
    return None, updated


def find_publish_date(
    lines: list[str],
    body: Body,
    dateline: Dateline | None = None,
    text: str | None = None,
    title: str | None = None,
) -> date | None:
    body_set = set(body.indices)
    first_body = body.indices[0] if body.found else len(lines)
    header = range(first_body)  # the rows before the first body row: none is body
    # 1. a labelled date, header first: most pages are dated there, and the footer rows are
    # looked at only when it is not. Not a teaser's ("某县召开会议 时间:2020-02-11"; but
    # without a known headline a header line may carry one), nor one in a related-news
    # list after the body.
    title_key = "".join((title or "").split())
    found, updated = _labelled_date(lines, header, title_key, skip_teasers=bool(title_key))
    if found:
        return found
    related_at = next(
        (
            i
            for i in range(first_body, len(lines))
            if i not in body_set and _RELATED.match(_cn_date_digits(lines[i]).strip())
        ),
        len(lines),
    )
    footer = [i for i in range(first_body, related_at) if i not in body_set]
    found, footer_updated = _labelled_date(lines, footer, title_key, skip_teasers=True)
    if found:
        return found
    updated = updated or footer_updated  # "更新时间:" only when nothing else dates the page
    # 2. a bare date (time) line in the header
    for i in header:
        line = _cn_date_digits(lines[i])
        if count_han(line) > 30 or _BULLET.match(line):
            continue
        for m in _DATE.finditer(line):
            found = _date_of(m)
            rest = _TIME.sub("", line[: m.start()] + " " + line[m.end() :])
            # a dated link ("2020-02-27 某某新闻标题") is not the page's date line
            kind = _lead_kind(line[: m.start()], title_key)
            if kind == "other" and title_key:
                continue
            if found and (count_han(rest) <= 12 or _META_LABEL.search(rest) or kind == "title"):
                return found
    if updated:
        return updated
    # 3. a dateline with a year
    if dateline is not None and dateline.year and dateline.month and dateline.day:
        found = _make_date(str(dateline.year), str(dateline.month), str(dateline.day))
        if found:
            return found
    # 4. a dated path anywhere on the page, but not a related-news list's or a
    # "上一篇/下一篇" link's
    lines = [_cn_date_digits(line) for line in lines]
    page_lines = text.split("\n") if text is not None else lines
    if len(page_lines) != len(lines):
        page_lines = lines
    page = "\n".join(
        line
        for i, line in enumerate(page_lines)
        if i < related_at and not _OTHER_LINK.search(lines[i])
    )
    for pattern in _PATHS:
        for m in pattern.finditer(page):
            found = _make_date(m.group("y"), m.group("m"), m.group("d"))
            if found:
                return found
    return None


def parse_header(
    lines: list[str], body: Body, dateline: Dateline | None = None, text: str | None = None
) -> Header:
    return Header(
        title=find_title(lines, body),
        publisher=find_publisher(lines, body),
        publish_date=find_publish_date(lines, body, dateline, text),
    )
