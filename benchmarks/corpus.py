"""A seeded synthetic corpus for benchmarks: many distinct pages shaped like the samples.

Timing the pipeline on five sample pages copied 20,000 times would flatter it (identical
files, identical facts) and break incremental runs (same bytes, same article id). So every
page is rebuilt from the samples' cleaned body paragraphs, recombined 3–8 at a time, with
their numbers, dates and region names redrawn, wrapped in header/navigation lines, a title,
a 发布时间 line, related-news link lists and a footer, as scraped pages are. Some pages are
Traditional script and a few are saved as GBK or Big5, so decoding and script conversion
cost what they cost on real input. The footer URL carries the article number, so no two
files are ever equal.

Paragraphs are parsed into templates once (literal text and slots); a page is then only
random draws and string joins (well under a millisecond a page, file writes aside). Each page draws
from its own ``Random(f"{seed}:{index}")``: the first N pages of a 2N corpus are the N-page
corpus, so marginal timings compare like with like.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick_rs
import opencc

from transforms.decoding import Decoded, decode
from transforms.gazetteer import gazetteer_frame, short_form
from transforms.page import parse_page

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
FILES_PER_FOLDER = 100

# Shares of pages by script and encoding (of all pages; Big5 pages are among the Traditional
# ones, GBK among the Simplified): enough legacy input to be timed, few enough that the
# corpus stays mostly UTF-8 Simplified like the scraped web.
TRADITIONAL_SHARE = 0.2
GBK_SHARE = 0.03
BIG5_SHARE = 0.02
# Paragraphs shorter than this are subheads ("织密“安全网”——"), used only between others.
_MIN_PARAGRAPH = 40

_NUMBERS = re.compile(
    r"(?P<md>\d{1,2}月\d{1,2}日)"
    r"|(?P<year>(?:19|20)\d{2})(?=年)"
    r"|(?P<month>\d{1,2})(?=月)"
    r"|(?P<day>\d{1,2})(?=日)"
    r"|(?P<digits>\d+)"
)
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?]")

# Page furniture, written in Simplified and converted once for Traditional pages.
_WORDS = {
    "surnames": "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋"
    "余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶",
    "given": "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕彩春菊凤洁梅琳素云"
    "莲真环雪荣爱香月媛瑞凡佳嘉琼勤珍莉晶妍秋珊锦青倩婷颖露瑶怡丹蓉君琴薇梦岚馨韵宁欣",
    "position": "您现在的位置",
    "home": "首页",
    "article": "正文",
    "media": "图片  视频  专题  评论",
    "published": "发布时间",
    "source": "来源",
    "editor": "编辑",
    "daily": "日报",
    "xinhua": "新华社",
    "chief_editor": "责任编辑",
    "about": "关于我们 | 联系我们 | 广告服务 | 版权声明 | 网站地图 | 违法和不良信息举报",
    "copyright": "版权所有",
    "no_copy": "未经授权禁止转载、摘编、复制或建立镜像",
    "hotline": "举报电话",
    "icp": "ICP备",
    "record": "备案号",
    "url": "网址",
}
_WORD_LISTS = {
    "sections": ("新闻中心", "要闻", "本地新闻", "经济", "财经频道", "政务", "社会", "民生"),
    "site_suffixes": ("新闻网", "日报", "在线", "网", "发布", "融媒体中心"),
    "link_lists": ("相关新闻", "相关阅读", "新闻推荐", "热点排行"),
}


@dataclass(frozen=True, slots=True)
class CorpusStats:
    files: int
    bytes: int  # on disk, in each file's own encoding
    chars: int  # of the page text as written, before encoding


@dataclass(frozen=True, slots=True)
class _Slot:
    """A place in a template that is redrawn for every page."""

    kind: str  # region | md | year | month | day | digits
    level: str = ""  # region: province | city | county
    short: bool = False  # region: written without its suffix (泉州 rather than 泉州市)
    width: int = 0  # digits: how many


_Template = tuple[str | _Slot, ...]
_Names = dict[tuple[str, bool], tuple[str, ...]]  # (level, short) → region names


@dataclass(frozen=True, slots=True)
class _Material:
    """What pages of one script are made of."""

    paragraphs: tuple[_Template, ...]  # body paragraphs of at least _MIN_PARAGRAPH chars
    subheads: tuple[_Template, ...]
    titles: tuple[_Template, ...]
    names: _Names
    words: dict[str, str]
    word_lists: dict[str, tuple[str, ...]]


def _region_names() -> _Names:
    """Every region name per level, full and (for provinces and cities) short.

    County short forms are left out: many are ordinary words (东区, 城关), and swapping those
    would garble the prose rather than vary it."""
    frame = gazetteer_frame()
    out: dict[tuple[str, bool], set[str]] = {}
    for name, level in zip(frame["name"], frame["level"], strict=True):
        out.setdefault((level, False), set()).add(name)
        short = short_form(name, level) if level != "county" else None
        if short:
            out.setdefault((level, True), set()).add(short)
    return {key: tuple(sorted(names)) for key, names in out.items()}


def _number_slots(text: str) -> Iterator[str | _Slot]:
    pos = 0
    for m in _NUMBERS.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()]
        kind = m.lastgroup or "digits"
        yield _Slot(kind, width=len(m.group()) if kind == "digits" else 0)
        pos = m.end()
    if pos < len(text):
        yield text[pos:]


def _template(
    text: str, finder: ahocorasick_rs.AhoCorasick, slots: list[_Slot]
) -> _Template:
    """Literal text with slots for region names, dates and other digit runs."""
    parts: list[str | _Slot] = []
    pos = 0
    for index, start, end in finder.find_matches_as_indexes(text):
        parts.extend(_number_slots(text[pos:start]))
        parts.append(slots[index])
        pos = end
    parts.extend(_number_slots(text[pos:]))
    return tuple(parts)


def _lead_clause(paragraph: str) -> str | None:
    """The first clause of a paragraph, as a headline-sized string (8–30 chars)."""
    clause = _CLAUSE_END.split(paragraph, maxsplit=1)[0].strip("“”\"")
    return clause if 8 <= len(clause) <= 30 else None


@cache
def _materials(samples: Path) -> tuple[_Material, _Material]:
    """Simplified and Traditional templates from the samples' cleaned bodies and titles.

    Built once per process. Traditional text is converted here, template by template, not
    page by page: OpenCC s2t runs at a few MB/s and would dominate generation time."""
    names = _region_names()
    patterns = [(name, level, short) for (level, short), ns in names.items() for name in ns]
    # One slot per distinct pattern; a name shared by two levels keeps the first level seen.
    first: dict[str, _Slot] = {}
    for name, level, short in patterns:
        first.setdefault(name, _Slot("region", level=level, short=short))
    finder = ahocorasick_rs.AhoCorasick(
        list(first), matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
    )
    slots = list(first.values())

    paragraphs: list[_Template] = []
    subheads: list[_Template] = []
    titles: list[_Template] = []
    for path in sorted(samples.glob("*.txt")):
        decoded = decode(path.read_bytes())
        if not isinstance(decoded, Decoded):
            continue
        page = parse_page(decoded.text)
        if page.title:
            titles.append(_template(page.title, finder, slots))
        for para in page.body.split("\n"):
            para = para.strip()
            if len(para) >= _MIN_PARAGRAPH:
                paragraphs.append(_template(para, finder, slots))
                clause = _lead_clause(para)
                if clause:
                    titles.append(_template(clause, finder, slots))
            elif para:
                subheads.append(_template(para, finder, slots))
    if not paragraphs or not titles:
        raise ValueError(f"{samples}: no body paragraphs or titles to build a corpus from")
    simplified = _Material(
        tuple(paragraphs), tuple(subheads), tuple(titles), names, _WORDS, _WORD_LISTS
    )
    cc = opencc.OpenCC("s2tw")  # Taiwan forms (為, 著): what Big5 can encode

    def convert(templates: tuple[_Template, ...]) -> tuple[_Template, ...]:
        return tuple(
            tuple(cc.convert(p) if isinstance(p, str) else p for p in t) for t in templates
        )

    traditional = _Material(
        convert(simplified.paragraphs),
        convert(simplified.subheads),
        convert(simplified.titles),
        {key: tuple(cc.convert(n) for n in ns) for key, ns in names.items()},
        {key: cc.convert(w) for key, w in _WORDS.items()},
        {key: tuple(cc.convert(w) for w in ws) for key, ws in _WORD_LISTS.items()},
    )
    return simplified, traditional


def _between(rng: random.Random, low: int, high: int) -> int:
    """``rng.randint`` at a third of the cost (pages make ~100 draws each)."""
    return low + int(rng.random() * (high - low + 1))


def _pick(rng: random.Random, items: Sequence[str]) -> str:
    return items[int(rng.random() * len(items))]


def _fill(template: _Template, rng: random.Random, names: _Names) -> str:
    out: list[str] = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        elif part.kind == "region":
            out.append(_pick(rng, names[(part.level, part.short)]))
        elif part.kind == "md":
            out.append(f"{_between(rng, 1, 12)}月{_between(rng, 1, 28)}日")
        elif part.kind == "year":
            out.append(str(_between(rng, 2016, 2025)))
        elif part.kind == "month":
            out.append(str(_between(rng, 1, 12)))
        elif part.kind == "day":
            out.append(str(_between(rng, 1, 28)))
        elif part.width == 1:
            out.append(str(_between(rng, 0, 9)))
        else:
            out.append(str(_between(rng, 10 ** (part.width - 1), 10**part.width - 1)))
    return "".join(out)


def _page(index: int, rng: random.Random, m: _Material) -> str:
    """The text of page ``index``: header and navigation, title, 发布时间 line, body, link
    lists and footer, each drawn from ``rng``."""
    w, lists, names = m.words, m.word_lists, m.names
    province = _pick(rng, names[("province", True)])
    city = _pick(rng, names[("city", True)])
    site = city + _pick(rng, lists["site_suffixes"])
    sections = lists["sections"]
    colon = _pick(rng, (":", "："))
    year, month, day = _between(rng, 2016, 2025), _between(rng, 1, 12), _between(rng, 1, 28)
    stamp = f"{year}-{month:02d}-{day:02d} {_between(rng, 6, 22):02d}:{_between(rng, 0, 59):02d}"
    indent = _pick(rng, ("", "", "　　", "    "))
    gap = _pick(rng, ("\n", "\n\n"))

    def person() -> str:
        return _pick(rng, w["surnames"]) + "".join(
            _pick(rng, w["given"]) for _ in range(_between(rng, 1, 2))
        )

    lines = [
        site,
        _pick(rng, (f"{w['position']}{colon}{site} > {_pick(rng, sections)} > {province}",
                    f"{w['home']} > {_pick(rng, sections)} > {w['article']}",
                    f"{site}  |  {'  |  '.join(rng.sample(sections, 4))}")),
        "  ".join(rng.sample(sections, 6)) + f"  {province}  {city}  {w['media']}",
        "",
        _fill(_pick(rng, m.titles), rng, names),
        (f"{w['published']}{colon}{stamp}  {w['source']}{colon}"
         f"{_pick(rng, (site, province + w['daily'], w['xinhua']))}"
         f"  {w['editor']}{colon}{person()}"),
        "",
    ]
    body: list[str] = []
    for paragraph in rng.sample(m.paragraphs, _between(rng, 3, min(8, len(m.paragraphs)))):
        if m.subheads and rng.random() < 0.25:
            body.append(indent + _fill(_pick(rng, m.subheads), rng, names))
        body.append(indent + _fill(paragraph, rng, names))
    lines.append(gap.join(body))
    lines += ["", f"{w['chief_editor']}{colon}{person()}"]
    # Link lists as scraped pages carry them: half the bytes of a page, none of its prose.
    for heading in rng.sample(lists["link_lists"], 2):
        lines += ["", heading]
        for _ in range(_between(rng, 10, 20)):
            y, mo, d = _between(rng, 2016, 2025), _between(rng, 1, 12), _between(rng, 1, 28)
            lines.append(f"- {y}-{mo:02d}-{d:02d} {_fill(_pick(rng, m.titles), rng, names)}")
    lines += [
        "",
        w["about"],
        f"{w['copyright']} Copyright {year} {site}  {w['no_copy']}",
        (f"{w['hotline']}{colon}0{_between(rng, 100, 999)}-{_between(rng, 10**7, 10**8 - 1)}"
         f"  {w['record']}{colon}{province[0]}{w['icp']}{_between(rng, 10**7, 10**8 - 1)}"),
        f"{w['url']}{colon}/a/{year}/{month:02d}{day:02d}/{index:07d}.html",
    ]
    return "\n".join(lines) + "\n"


def _page_bytes(index: int, seed: int, materials: tuple[_Material, _Material]) -> tuple[str, bytes]:
    """Text and bytes of page ``index``: mostly UTF-8 Simplified, some Traditional, a few GBK
    or Big5. A page a legacy codec cannot represent stays UTF-8 rather than lossy."""
    rng = random.Random(f"{seed}:{index}")
    draw = rng.random()
    text = _page(index, rng, materials[draw < TRADITIONAL_SHARE])
    codec = "utf-8"
    if draw < BIG5_SHARE:
        codec = "big5"
    elif TRADITIONAL_SHARE <= draw < TRADITIONAL_SHARE + GBK_SHARE:
        codec = "gbk"
    try:
        return text, text.encode(codec)
    except UnicodeEncodeError:
        return text, text.encode("utf-8")


def generate(out_dir: Path, n_articles: int, seed: int = 0, samples: Path = SAMPLES) -> CorpusStats:
    """Write ``n_articles`` pages into ``out_dir/<folder>/<index>.txt`` (100 per folder).

    ``out_dir`` must be missing or empty: a leftover page would silently change the run."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir}: not empty")
    materials = _materials(samples)
    total_bytes = total_chars = 0
    for index in range(n_articles):
        folder = out_dir / f"{index // FILES_PER_FOLDER:04d}"
        if index % FILES_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        text, raw = _page_bytes(index, seed, materials)
        (folder / f"{index:07d}.txt").write_bytes(raw)
        total_bytes += len(raw)
        total_chars += len(text)
    return CorpusStats(files=n_articles, bytes=total_bytes, chars=total_chars)
