"""Find the article body among the lines of a scraped page.

No per-site rules: each line is judged by general features (length, share of Han
characters, density of Chinese punctuation, list/link shapes, boilerplate cue words) and
scored, then the body is the contiguous run of lines with the highest total score (the
densest block of prose): prose lines count for their length, short lines cost a little,
boilerplate lines cost a lot. Inside that run, short lines between prose (subheadings,
photo captions) are body; boilerplate lines are not.

The functions take lines that are already cleaned (Simplified, mojibake dropped, spaces
folded): see :mod:`transforms.page`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

# A class then the class repeated, not the class with "+": a pattern that opens with a plain
# class lets ``re`` jump to the next Han character at C speed instead of trying a match at
# every character in between.
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff][\u3400-\u4dbf\u4e00-\u9fff]*")
_PUNCT_CHARS = "。，,、；;！!？?：:"
_PUNCT = re.compile(f"[{_PUNCT_CHARS}]")
_END = "。！？!?；;…"
_CLOSING_PARENS = (")", "）")  # a sentence may also end on one (see ends_sentence)
_CLOSERS = "”’」』)）】\"'》"
_END_MARKS = frozenset(_END)


# The high bytes (UTF-16) of the code points U+3400–U+9FFF, which are Han characters but
# U+4DC0–U+4DFF (hexagram symbols); and every other byte.
_HAN_HIGH_BYTES = range(0x34, 0xA0)
_OTHER_HIGH_BYTES = bytes(b for b in range(256) if b not in _HAN_HIGH_BYTES)


def count_han(text: str) -> int:
    """Number of Han characters (Extension A and unified ideographs) in ``text``.

    Counted by the high byte of each character in UTF-16, in three passes at C speed with
    no object per character or per run (a line's Han runs, summed, cost about half as
    much again); a high byte 0x4D, shared by Extension A and the hexagram symbols (rare
    both), leaves the count to the runs. A character beyond the BMP is a surrogate pair
    in UTF-16, whose high bytes are none of these.
    """
    han_high = text.encode("utf-16-be", "surrogatepass")[::2].translate(None, _OTHER_HIGH_BYTES)
    if b"\x4d" in han_high:
        return sum(map(len, _HAN_RUN.findall(text)))
    return len(han_high)


def ends_sentence(text: str) -> bool:
    """``text`` (right-stripped) ends a sentence: an end mark followed only by closing
    quotes or brackets, or a closing parenthesis.

    No end mark is a closer, so the end mark is the last character left once the trailing
    closers are stripped.
    """
    return text.rstrip(_CLOSERS)[-1:] in _END_MARKS or text.endswith(_CLOSING_PARENS)


# Boilerplate cues. Strong ones make any line boilerplate; weak ones only a short line.
# Every alternative starts with a literal character, which lets ``re`` skip ahead to the
# places where one of them occurs (an anchored or class-led alternative would have it try
# every alternative at every position).
_STRONG_CUES = re.compile(
    r"ICP[备證证]|京ICP|沪ICP|粤ICP|浙ICP|苏ICP|闽ICP|鲁ICP|互联网新闻信息服务|"
    r"版权所有|版权归|版权说明|版权声明|"
    r"Copyright|CopyRight|COPYRIGHT|©|\(c\)\s*\d{4}|未经.{0,12}(?:许可|授权|允许).{0,8}不得|"
    r"不得转载|禁止转载|违法和不良信息|举报电话|举报邮箱|公网安备|网安备|增值电信业务|"
    r"上一篇|下一篇|上一条|下一条|上一页|下一页|关闭窗口|【打印|\[打印|打印本页|"
    r"字体[:：]?\s*[【\[]?\s*大\s*中\s*小|【\s*大\s*中\s*小\s*】|扫一扫|分享到|责任编辑|"
    r"本站(?:作品|文章|所有|游戏)"
)
_STRONG_LEADS = ("温馨提示", "免责声明")  # strong cues only at the start of a line
_WEAK_CUES = re.compile(
    r"相关新闻|相关阅读|推荐阅读|相关链接|延伸阅读|热点推荐|新闻推荐|最新推荐|频道推荐|"
    r"热门推荐|猜你喜欢|热点新闻|热门文章|精彩推荐|图片新闻|专题推荐|"
    r"联系我们|关于我们|网站地图|网站简介|友情链接|法律顾问|广告服务|广告价|投稿|"
    r"客户端|微信公众号|关注.{0,6}微信|官方微博|二维码|手机版|移动版|返回首页|返回顶部|"
    r"首页|当前位置|您的位置|你的位置|位置[:：]|字号|打印|收藏|分享|评论|阅读\(\d+\)|点击|"
    r"登录|注册|标签[:：]|关键词|编辑[:：]|作者[:：]|来源[:：]|稿源[:：]|时间[:：]|"
    r"日期[:：]|浏览|次数|发布时间|信息来源|文章来源|责编"
)
# Lines that end an article when met after its prose has begun.
# A heading line, after any decoration, that opens a list of other articles; header.py
# uses the same headings to tell teasers' dates from the page's own.
HEADING_LEAD = r"^(?:[-—=*#\s(（【\[]*)"
RELATED_HEADINGS = r"相关新闻|相关阅读|推荐阅读|相关链接|延伸阅读|相关文章|相关报道"
_END_CUES = re.compile(
    HEADING_LEAD + "(?:" + RELATED_HEADINGS + "|"
    r"上一篇|下一篇|上一条|下一条|责任编辑|责编|标签[:：]|稿源[:：]|关键词[:：]|"
    r"版权所有|Copyright|CopyRight|COPYRIGHT|分享到|扫一扫|"
    r"网友评论|网友留言|发表评论|我要评论|最新评论|热门评论|全部评论|精彩评论|评论区|"
    r"我要留言|留言板|已有\d+条评论|本版其他|本版新闻|本版导读|往期回顾|更多新闻|更多\s*>>)"
)
_PHONE = re.compile(r"(?:\d{3,4}-)?\d{7,8}(?!\d)|1[3-9]\d{9}(?!\d)|400-?\d{3}-?\d{4}")
_CONTACT = re.compile(r"电话|热线|传真|邮箱|E-?mail|地址[:：]|邮编|QQ[:：]")
_CONTACT_START = re.compile(r"^(?:联系)?(?:地址|电话|传真|邮编|邮箱|E-?mail|热线|QQ)[:：]")
_URL = re.compile(r"https?://|www\.|\.(?:com|cn|net|org|html?|shtml)\b")
_BULLET = re.compile(r"^\s*(?:[•·●○◆◇■□▪▶►»>→\-–—*]|\d{1,2}[.、)）]\s)")
_LIST_DATE = re.compile(
    r"^\s*[-•·]?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\s*\d{1,2}:)|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$"
    r"|^\s*[-•·]?\s*\d{1,2}[-/]\d{1,2}\s|\(\d{2}[-/]\d{1,2}\)\s*$"
)
_SEPARATORS = re.compile(r"\||>>|›|»|>|\s/\s")
# What every match of _LIST_DATE (a digit) and of _SEPARATORS (a separator) holds: a line
# without one is spared the pattern, which has no literal to skip to and so is tried at
# every offset.
_LIST_DATE_NEEDS = re.compile(r"\d")
_SEPARATOR_NEEDS = re.compile(r"[|>›»/]")


class LineInfo(NamedTuple):
    """One judged line (a named tuple: one is made per line, and a frozen dataclass
    costs three times as much to make)."""

    text: str
    han: int
    kind: str  # blank | prose | short | boiler
    score: float


@dataclass(frozen=True, slots=True)
class Body:
    """The selected lines: ``indices`` into the page's lines, in order."""

    indices: tuple[int, ...]
    start: int  # first line of the block (inclusive); -1 when none
    end: int  # last line of the block (exclusive); -1 when none
    kinds: tuple[str, ...] = ()  # "prose" | "short", one per index

    @property
    def found(self) -> bool:
        return bool(self.indices)


def _is_boilerplate(text: str, han: int, han_share: float) -> bool:
    # Any one test makes a line boilerplate: the cheap ones (numbers, a match at the
    # start) come before the searches.
    if han < 30 and han_share < 0.35:  # "Qzone", "https://…", "2020-02-20 15:34"
        return True
    if han < 30 and _BULLET.match(text) and not ends_sentence(text):  # "• 某某网手机版"
        return True
    if _STRONG_CUES.search(text) or text.startswith(_STRONG_LEADS):
        return True
    if han < 40 and (_WEAK_CUES.search(text) or _URL.search(text)):
        return True
    if han < 60 and (
        _CONTACT_START.match(text)
        or (_LIST_DATE_NEEDS.search(text) and _LIST_DATE.search(text))  # "- 2020-04-17 …"
        or (_SEPARATOR_NEEDS.search(text) and len(_SEPARATORS.findall(text)) >= 2)  # "首页 | 新闻"
    ):
        return True
    return han < 80 and bool(_CONTACT.search(text)) and bool(_PHONE.search(text))


def classify(line: str) -> LineInfo:
    """Judge one cleaned line: blank, prose, short (title, subheading, caption, nav) or
    boilerplate, with its score for the block search."""
    text = line.strip()
    if not text:
        return LineInfo(line, 0, "blank", 0.0)
    han = count_han(text)
    size = len(text)
    visible = size - text.count(" ")
    han_share = han / visible if visible else 0.0

    if _is_boilerplate(text, han, han_share):
        return LineInfo(line, han, "boiler", -max(25.0, float(han)))

    punct = len(_PUNCT.findall(text))  # only now: most of a page's lines are boilerplate
    # a long line, or a shorter one that ends a sentence
    prose = punct >= 1 and han_share >= 0.5 and (han >= 15 or (han >= 8 and ends_sentence(text)))
    if prose:
        bonus = 1.0 + min(punct, 12) / 24.0  # denser punctuation, likelier prose
        return LineInfo(line, han, "prose", han * bonus)
    return LineInfo(line, han, "short", -3.0)


def _best_block(infos: list[LineInfo]) -> tuple[int, int, float]:
    """Maximum-sum run of lines (Kadane), runs of short lines costing more."""
    best = (-1, -1, 0.0)
    cur_start, cur = 0, 0.0
    short_run = 0
    for i, info in enumerate(infos):
        score = info.score
        if info.kind == "short":
            short_run += 1
            if short_run >= 3:  # a list of short lines is navigation, not subheadings
                score = -12.0
        elif info.kind != "blank":
            short_run = 0
        if cur <= 0:
            cur_start, cur = i, score
        else:
            cur += score
        if cur > best[2]:
            best = (cur_start, i + 1, cur)
    return best


# _PUNCT's marks and the characters ends_sentence() may end on: built from them, so that a
# mark added to either is never a line _judged_head passes over unjudged
_PROSE_MARK = re.compile(f"[{re.escape(_PUNCT_CHARS + _END + ''.join(_CLOSING_PARENS))}]")


def _judged_head(lines: list[str]) -> list[LineInfo]:
    """:func:`classify` of the lines up to the last one judged prose or short (none when
    no line is): the lines after it can neither be body nor change it.

    A block ends on a line that adds to it (prose), and select_body turns only short lines
    next to prose into prose, with a sentence end or a comma, so lines that are blank,
    boilerplate, or without a punctuation mark and a sentence end are no prose and never
    become any. Most of them (a page's long tail of related links and footer) are told
    by those cheap tests, from the end of the page, without being judged; most by one
    search, for the characters either test needs (:data:`_PROSE_MARK`).
    """
    end = len(lines)
    while end:
        line = lines[end - 1]
        if _PROSE_MARK.search(line) and (_PUNCT.search(line) or ends_sentence(line.strip())):
            last = classify(line)
            if last.kind != "boiler":
                return [*map(classify, lines[: end - 1]), last]
        end -= 1
    return []


def select_body(lines: list[str], *, min_han: int = 20) -> Body:
    """The article body among ``lines``: the densest block of prose, cut at end cues."""
    infos = _judged_head(lines)
    for i in range(1, len(infos)):
        # the tail of a hard-wrapped paragraph ("伍。") continues the prose line above it
        cur, prev = infos[i], infos[i - 1]
        if (
            cur.kind == "short"
            and prev.kind == "prose"
            and _ends_soft(prev.text.rstrip())
            and ends_sentence(cur.text.strip())
        ):
            infos[i] = LineInfo(cur.text, cur.han, "prose", float(cur.han))
    for i in range(len(infos) - 1):
        # a mobile page breaks sentences over lines: a short clause ending in a comma
        # ("为帮助企业复工复产，") continues into the prose line right below it
        cur, nxt = infos[i], infos[i + 1]
        if (
            cur.kind == "short"
            and nxt.kind == "prose"
            and cur.han >= 4
            and cur.text.strip()[-1:] in "，,"
        ):
            infos[i] = LineInfo(cur.text, cur.han, "prose", float(cur.han))
    start, end, _ = _best_block(infos)
    if start < 0:
        return Body((), -1, -1)
    # a boilerplate cue that ends articles cuts the block there, once prose has begun
    seen_prose = False
    for i in range(start, end):
        if infos[i].kind == "prose":
            seen_prose = True
        elif seen_prose and _END_CUES.search(lines[i].strip()):
            end = i
            break
    keep = [i for i in range(start, end) if infos[i].kind in ("prose", "short")]
    # drop short lines before the first and after the last prose line (bylines, captions
    # of the header, editor lines)
    prose_at = [i for i in keep if infos[i].kind == "prose"]
    if not prose_at:
        return Body((), -1, -1)
    keep = [i for i in keep if prose_at[0] <= i <= prose_at[-1]]
    if sum(infos[i].han for i in keep) < min_han:
        return Body((), -1, -1)
    return Body(tuple(keep), start, end, tuple(infos[i].kind for i in keep))


_BULLET_PREFIX = re.compile(r"^\s*[•·●◆■▪►]\s*")


def clean_paragraph(line: str) -> str:
    """A body line as a paragraph: no indentation, no leading bullet."""
    return _BULLET_PREFIX.sub("", line).strip()


_SOFT_END = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff，,、：:\d]$")


def _ends_soft(text: str) -> bool:
    """``text`` (stripped) stops mid-sentence: on a Han character, a comma, a colon or a
    digit. The pattern is tried at the last character only: searched from the start, it
    would be tried at every character of its class, most of a prose line."""
    return _SOFT_END.search(text, len(text) - 1) is not None


def _wrap_width(texts: list[str]) -> int | None:
    """The width a page was hard-wrapped at, if it was: several lines of (nearly) the same
    greatest length, and that length short enough for a fixed-width wrap."""
    sizes = [len(t) for t in texts]
    if len(sizes) < 4:
        return None
    width = max(sizes)
    full = sum(1 for n in sizes if n >= 0.9 * width)
    if width > 120 or full < 3 or full < 0.4 * len(sizes):
        return None
    return width


def paragraphs(lines: list[str], body: Body) -> list[str]:
    """The body's paragraphs. On a hard-wrapped page, a full-width line that stops
    mid-sentence is joined with the prose line right after it."""
    kinds = body.kinds or ("prose",) * len(body.indices)
    items = [(i, k, clean_paragraph(lines[i])) for i, k in zip(body.indices, kinds, strict=False)]
    items = [(i, k, t) for i, k, t in items if t]
    width = _wrap_width([t for _, _, t in items])
    out: list[str] = []
    joinable = False
    prev = -2
    for i, kind, text in items:
        if joinable and i == prev + 1 and out:
            out[-1] += text
        else:
            out.append(text)
        joinable = (
            width is not None
            and kind == "prose"
            and len(text) >= 0.9 * width
            and _ends_soft(text)
        )
        prev = i
    return out


_CUT_TAIL = re.compile(rf"(?s)^(.*[{_END}][{_CLOSERS}]*)[^{_END}]*$")


def drop_cut_fragment(body: str) -> str:
    """Remove the unfinished last sentence of a page saved cut short.

    The caller decides that the page was cut (its last line is body); this removes what
    follows the last sentence end of the last paragraph, or the whole paragraph when it
    has none.
    """
    body = body.rstrip()
    if not body or ends_sentence(body):
        return body
    head, _, last = body.rpartition("\n")
    m = _CUT_TAIL.match(last)
    if m:
        return (head + "\n" + m.group(1)).strip("\n") if head else m.group(1)
    return head.rstrip()
