"""Script detection and normalisation of raw page text.

- :func:`detect_script` tells Simplified from Traditional (or mixed) by counting the
  characters that change under OpenCC ``t2s`` against those that change under ``s2t``.
- :func:`strip_ruby` removes ruby pinyin that scrapers glue after characters
  (``臺(tái)``, ``復(fù)工``, ``產(chǎn)``), leaving real parentheses alone.
- :func:`repair_mojibake` drops garbage from mis-decoded stretches (``兩?!迸e措``, private-use
  characters, stray ``?`` inside CJK runs): it never invents text.
- :func:`fold_spaces` removes the spaces some sites put around punctuation and between
  CJK characters and digits (``企业 , 现场`` → ``企业,现场``; ``554 辆`` → ``554辆``).
- :func:`to_simplified` converts with OpenCC ``t2s`` (one converter per process, made on
  first use) and folds the variant forms OpenCC leaves alone.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
import unicodedata
from collections.abc import Iterable

_CONVERTERS: dict[str, object] = {}
_LOCK = threading.Lock()


def _converter(config: str):
    conv = _CONVERTERS.get(config)
    if conv is None:
        with _LOCK:
            conv = _CONVERTERS.get(config)
            if conv is None:
                import opencc

                conv = opencc.OpenCC(config)
                _CONVERTERS[config] = conv
    return conv


# Variant (non-standard) forms that OpenCC t2s leaves as they are, each followed by its
# standard Simplified form. Mostly old/Japanese-style variants seen on big5 gateways and in OCR.
_VARIANT_PAIRS = (
    "敍叙淸清靑青吿告粧妆値值囘回槪概戸户戶户晩晚鬭斗鬬斗隣邻蔴麻菓果汚污兎兔搆构攷考暱昵氷冰浄净熈熙痺痹疎疏篭笼緜绵縂总繋系"
    "罣挂聼听衞卫銲焊錬炼韮韭騐验説说産产爲为姫姬歳岁黒黑揺摇査查舗铺峯峰羣群眞真敎教卽即旣既彥彦兌兑脫脱稅税銳锐閱阅悅悦說说"
    "們们麪面麵面"
)
_VARIANT_MAP = dict(zip(_VARIANT_PAIRS[::2], _VARIANT_PAIRS[1::2], strict=True))
_VARIANT_CHARS = "".join(sorted(_VARIANT_MAP))  # a regex class body
_VARIANT_RE = re.compile(f"[{_VARIANT_CHARS}]")
# t2s keeps 著 (zhù) where Traditional writes the particle 着 with it: "隨著" → "随著".
# (著 first, its look-behind after it: re then jumps from 著 to 著.)
_ZHE = re.compile(r"著(?<=[随接味有带朝沿向靠本绕忙看穿戴顺冲对照试握抱拿]著)(?![名作称录述])")
# Compatibility ideographs (U+F900–FAFF) and Kangxi radicals (U+2F00–2FDF) that some
# sites and PDF copies produce: fold them to the unified ideograph.
_COMPAT_CHARS = "\u2e80-\u2fdf\uf900-\ufaff"  # a regex class body
_COMPAT = re.compile(f"[{_COMPAT_CHARS}]")


def to_simplified(text: str, *, signs: bool = True) -> str:
    """Simplified Chinese text (OpenCC t2s, then variant folding).

    ``signs=False``: the caller found no :func:`script_signs` in a page ``text`` was made
    from; then only the particle 著 may change, and the scan for every other character
    that may is spared.
    """
    if not signs:
        return _ZHE.sub("着", text) if "著" in text else text
    if not _simplify_signs().search(text):
        return text  # one scan instead of the three below for most Simplified pages
    if _COMPAT.search(text):
        text = _COMPAT.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _t2s_lines(text)
    if "著" in text:
        text = _ZHE.sub("着", text)
    if _VARIANT_RE.search(text):
        text = _VARIANT_RE.sub(lambda m: _VARIANT_MAP[m.group()], text)
    return text


# The BMP blocks of t2s dictionary keys: CJK radicals and symbols, Extension A, the
# unified and the compatibility ideographs. Keys beyond the BMP are covered by taking every
# supplementary-plane character as touched. (A script sample's characters lie in them too.)
_BMP_BLOCKS = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF))
# Characters t2s keeps on their own but changes inside a phrase, and the shortest such
# phrases: "回覆" → "回复", "沈思" → "沉思", "瞭解" → "了解". Each t2s phrase that changes
# and holds no character changed on its own holds one of these phrases
# (tests/test_script.py checks both against the dictionaries).
_T2S_PHRASE_ONLY = "哩坏沈甦瞭藉衹覆"
_T2S_PHRASES = (
    "海哩 英哩 一坏 土坏 坏土 坏子 坏布 打坏 拉坏 捏坏 毛坏 陶坏 "
    "意志消沈 折戟沈沙 折戟沈河 昏沈 暗沈沈 墨沈沈 黑沈沈 浮沈 深沈 破釜沈舟 耳沈 沈下 沈冤 沈厚 沈吟 "
    "沈寂 沈思 沈浮 沈浸 沈湎 沈溺 沈甸甸 沈痛 沈痼 沈睡 沈砂池 沈筒 沈船 沈落 沈迷 沈醉 沈重 沈降 "
    "沈陷 沈香 沈默 甦生 甦醒 一目瞭然 明瞭 瞭如 瞭然 瞭若指掌 瞭解 凌藉 滑藉 狐藉虎威 素藉 茵藉 "
    "藉代 藉以 藉助 藉卉 藉口 藉喻 藉寇兵 藉手 藉故 藉方 藉槁 藉此 藉甚 藉由 藉着 藉端 衹得 函覆 "
    "反覆 回覆 批覆 拜覆 明覆 申覆 示覆 答覆 覆信 覆呈 覆命 覆墓 覆按 覆文 覆校 重覆"
).split()


def _class_body(codepoints: Iterable[int]) -> str:
    """Regex class body (ranges) matching exactly ``codepoints``."""
    ranges: list[str] = []
    # consecutive code points share their difference to their rank: one run each
    runs = itertools.groupby(enumerate(sorted(set(codepoints))), key=lambda at: at[1] - at[0])
    for _, run in runs:
        cps = [cp for _, cp in run]
        first, last = re.escape(chr(cps[0])), re.escape(chr(cps[-1]))
        ranges.append(first if len(cps) == 1 else f"{first}-{last}")
    return "".join(ranges)


@functools.cache
def _changed_alone(config: str) -> frozenset[int]:
    """The code points of :data:`_BMP_BLOCKS` that OpenCC ``config`` changes on their own,
    found once per process by converting every one of them, one per line, through the
    same converter."""
    chars = [chr(cp) for lo, hi in _BMP_BLOCKS for cp in range(lo, hi + 1)]
    converted = _converter(config).convert("\n".join(chars)).split("\n")
    return frozenset(ord(c) for c, out in zip(chars, converted, strict=True) if out != c)


@functools.cache
def _t2s_chars() -> str:
    """Regex class body of the characters t2s may change: those it changes on its own,
    :data:`_T2S_PHRASE_ONLY` and the supplementary plane.

    Built once per process. (One class with the BMP characters listed keeps ``re``'s fast
    bitmap lookup; listing the few supplementary ones would make every test a linear scan.)
    """
    changed = _changed_alone("t2s") | frozenset(map(ord, _T2S_PHRASE_ONLY))
    return f"{_class_body(changed)}\U00010000-\U0010ffff"


@functools.cache
def _t2s_touched() -> re.Pattern[str]:
    """A pattern without a match in which OpenCC t2s returns a text unchanged.

    t2s cuts a text into the longest dictionary keys (single characters otherwise) and
    replaces each key by its value. A text with no character that t2s changes on its own,
    none of :data:`_T2S_PHRASES` and no supplementary-plane character contains no key
    whose value differs from it, so the conversion is the identity. The pattern is the
    class of :func:`_t2s_chars`, a phrase-only character counting only where it completes
    one of the phrases: a third of Simplified pages hold 覆 (全覆盖) or 沈 (沈阳) and so
    are spared a conversion. ``re`` still scans at class speed: the look-behinds are
    tried only at those rare characters.
    """
    return _t2s_pattern("")


@functools.cache
def _simplify_signs() -> re.Pattern[str]:
    """A pattern without a match in which :func:`to_simplified` returns a text unchanged:
    :func:`_t2s_touched` with the variant forms, 著 and the compatibility ideographs."""
    return _t2s_pattern(f"{_VARIANT_CHARS}著{_COMPAT_CHARS}")


def _t2s_pattern(more: str) -> re.Pattern[str]:
    """:func:`_t2s_touched`'s pattern, its class extended by the class body ``more``."""
    phrases = []
    for phrase in _T2S_PHRASES:
        at = next(i for i, ch in enumerate(phrase) if ch in _T2S_PHRASE_ONLY) + 1
        phrases.append(f"(?<={phrase[:at]}){phrase[at:]}")
    only = _T2S_PHRASE_ONLY
    return re.compile(f"[{_t2s_chars()}{more}](?:(?<![{only}])|{'|'.join(phrases)})")


def _t2s_lines(text: str) -> str:
    """OpenCC t2s of ``text``, converting only the lines it can change.

    No dictionary key holds a line break, so t2s converts each line on its own: converting
    the touched lines (in one call) and keeping the others gives the same text.
    """
    touched = _t2s_touched()
    if not touched.search(text):
        return text
    lines = text.split("\n")
    at = [i for i, line in enumerate(lines) if touched.search(line)]
    converted = _converter("t2s").convert("\n".join(lines[i] for i in at)).split("\n")
    for i, line in zip(at, converted, strict=True):
        lines[i] = line
    return "\n".join(lines)


def _count_differences(a: str, b: str) -> int:
    """Number of positions at which ``a`` and ``b`` (of the same length) differ.

    A loop over the characters would make two string objects per CJK character; instead
    each string becomes one integer holding a 32-bit word per character (UTF-32), so the
    XOR of the two is non-zero exactly in the words that differ. OR-ing every word's bits
    down into its lowest bit (shifts of 1, 2, 4, 8 and 16 add up to any distance from 0 to
    31, never to the 32 that would reach the next word) and counting those lowest bits
    counts the differing words, at C speed.
    """
    x = int.from_bytes(a.encode("utf-32-le"), "little")
    x ^= int.from_bytes(b.encode("utf-32-le"), "little")
    for shift in (1, 2, 4, 8, 16):
        x |= x >> shift
    return (x & int.from_bytes(b"\1\0\0\0" * len(a), "little")).bit_count()


def _count_changed(text: str, config: str) -> int:
    out = _converter(config).convert(text)
    if len(out) == len(text):
        return _count_differences(text, out)
    # Phrase conversions that change length (rare): fall back to a set difference.
    return len(set(text) - set(out))


_SAMPLED = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"  # within _BMP_BLOCKS
# a class then the class repeated, to be searched at C speed (see body._HAN_RUN)
_HAN_RE = re.compile(_SAMPLED + _SAMPLED + "*")
_SCRIPT_SAMPLE = 2000  # Han characters looked at: plenty to tell the scripts apart


@functools.cache
def _script_signs() -> re.Pattern[str]:
    """One class of the characters t2s or the variant folding may change, and of the
    compatibility ideographs (which may fold to any). Characters, not
    :func:`_t2s_touched`'s phrases: joining a page's Han runs into the sample can make a
    phrase the page does not hold."""
    return re.compile(f"[{_t2s_chars()}{_VARIANT_CHARS}{_COMPAT_CHARS}]")


def script_signs(text: str) -> bool:
    """Whether the page ``text`` holds a sign of a script other than Simplified: a
    character of :func:`_script_signs`, a phrase-only one only where it may stand in one
    of :data:`_T2S_PHRASES` in the page's script sample (its Han characters, whatever
    stands between them).

    A page without one is Simplified, and so is any text made from it by deleting or
    changing other characters than those of the sample (ruby, control characters,
    full-width letters): it holds no character and no phrase that t2s or the variant
    folding changes, as its Han characters, in order, are the page's.
    """
    for sign in _script_signs().finditer(text):
        if sign.group() not in _T2S_PHRASE_ONLY or _in_phrase(text, sign.start()):
            return True
    return False


# Characters of a script sample that s2t keeps on their own but changes inside a phrase:
# "一只" → "一隻", "了解" → "瞭解", "面条" → "麵條" (tests/test_script.py checks them
# against the dictionaries).
_S2T_PHRASE_ONLY = (
    "了仇仿佛俊修借僵克具冢冬凌出刮制千升卜卷只合吊同向吣呆周咽哄喂噪回困坐堤夫奸姜娘家局巨布"
    "席幸庵弦彩御志念恤愈戚扇才扎托扣折抵拐拿挨挽捆搜斤斫昆暗曲札朱杆杯松板果栗核梁棱檗欲沈沾"
    "泛注浚溪漓澄焰狸玩琅症矩私秋穗筱糊系耇胄背胡致舍芸苔蒙蔑藤表谷豆象酸雕面"
)


# Characters t2s changes on their own but keeps inside a phrase ("乾隆", "於菟"; checked
# against the dictionaries by tests/test_script.py).
_T2S_KEPT_IN_PHRASES = "乾剋劄吒徵扞於昇氾濛祕脩蒐薹袷計谿釐陞麽"


def _runs_of(codepoints: Iterable[int]) -> re.Pattern[str]:
    """Runs of the characters ``codepoints``: the lengths of the matches add up to their
    number in a text, for few match objects (a class then the class repeated: see
    body._HAN_RUN)."""
    one = f"[{_class_body(codepoints)}]"
    return re.compile(one + one + "*")


def _count_chars(runs: re.Pattern[str], text: str) -> int:
    return sum(map(len, runs.findall(text)))


@functools.cache
def _s2t_signs() -> re.Pattern[str]:
    """The characters of a script sample that s2t may change: those it changes on their own
    and :data:`_S2T_PHRASE_ONLY`. Every s2t dictionary value is as long as its key, so s2t
    changes a sample at no more places than the sample holds these characters."""
    return _runs_of(_changed_alone("s2t") | frozenset(map(ord, _S2T_PHRASE_ONLY)))


@functools.cache
def _t2s_always() -> re.Pattern[str]:
    """The characters t2s changes wherever they stand: those it changes on their own but
    :data:`_T2S_KEPT_IN_PHRASES`. Every t2s dictionary value is as long as its key, so t2s
    changes a sample at no fewer places than the sample holds these characters."""
    return _runs_of(_changed_alone("t2s") - frozenset(map(ord, _T2S_KEPT_IN_PHRASES)))


# Of the changed characters, the share of Traditional forms at or above which a page is
# Traditional, and at or below which it is Simplified; between the two it is mixed.
_TRADITIONAL_SHARE = 0.85
_SIMPLIFIED_SHARE = 0.15


def _traditional_share(trad: int, simp: int) -> float:
    """Of ``trad`` Traditional and ``simp`` Simplified forms, the Traditional share (0 when
    there are none)."""
    return trad / (trad + simp) if trad else 0.0
_PHRASE_REACH = max(map(len, _T2S_PHRASES)) - 1  # Han characters on either side
_NEAR = 32  # characters of the page looked at on either side for them


def _in_phrase(text: str, at: int) -> bool:
    """Whether the phrase-only character at ``at`` of a page may be part of one of
    :data:`_T2S_PHRASES` in the page's script sample, whose characters are the page's Han
    characters, whatever stands between them (False only when it is not)."""
    before = "".join(_HAN_RE.findall(text, max(0, at - _NEAR), at))[-_PHRASE_REACH:]
    after = "".join(_HAN_RE.findall(text, at + 1, at + 1 + _NEAR))[:_PHRASE_REACH]
    if (len(before) < _PHRASE_REACH and at > _NEAR) or (
        len(after) < _PHRASE_REACH and at + 1 + _NEAR < len(text)
    ):
        return True  # Han characters too far apart to look at closely
    near = before + text[at] + after
    return any(phrase in near for phrase in _T2S_PHRASES)


def detect_script(text: str, *, signs: bool | None = None) -> str:
    """'simplified' | 'traditional' | 'mixed' for the raw page ``text``.

    Counts the Han characters that OpenCC t2s changes (Traditional-only forms) and those
    that s2t changes (Simplified-only forms). Text with no Traditional-only form (no
    Chinese, or only characters shared by both scripts) is 'simplified'. ``signs``: what
    :func:`script_signs` says of ``text``, when the caller has asked it already.
    """
    if not (script_signs(text) if signs is None else signs):
        # nothing in the page, so nothing in the sample, that t2s or the variant folding
        # changes, but phrase-only characters in no phrase ("全覆盖", "沈阳"): skip
        # building the sample (most Simplified pages)
        return "simplified"
    han = "".join(_HAN_RE.findall(text))[:_SCRIPT_SAMPLE]
    variants = len(_VARIANT_RE.findall(han))
    touched = _t2s_touched().search(han) is not None  # else t2s changes nothing
    if not (touched or variants):
        return "simplified"  # a share of 0, whatever s2t changes
    # Bounds before conversions: s2t changes no more characters than the sample holds s2t
    # signs, t2s no fewer than it holds characters t2s changes wherever they stand. A
    # Traditional sample holds few s2t signs (制, 了), and is told by the bounds alone.
    simp_at_most = _count_chars(_s2t_signs(), han)
    trad_at_least = variants + (_count_chars(_t2s_always(), han) if touched else 0)
    if _traditional_share(trad_at_least, simp_at_most) >= _TRADITIONAL_SHARE:
        return "traditional"
    trad = variants + (_count_changed(han, "t2s") if touched else 0)
    if trad == 0:
        return "simplified"
    if _traditional_share(trad, simp_at_most) >= _TRADITIONAL_SHARE:
        return "traditional"
    share = _traditional_share(trad, _count_changed(han, "s2t"))
    if share >= _TRADITIONAL_SHARE:
        return "traditional"
    if share <= _SIMPLIFIED_SHARE:
        return "simplified"
    return "mixed"


# ---------------------------------------------------------------------------------------
# ruby pinyin

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_CHARS = f"a-zü{_TONED}ê"
_GLUED_TO = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff?\ufffd\ue000-\uf8ff"
# "[ \t]?[(（]" right after a Han (or garbled) character. The pattern starts with the space
# or parenthesis and looks behind from there, so that ``re`` jumps from parenthesis to
# parenthesis instead of testing a look-behind at every character.
_RUBY = re.compile(
    rf"[ \t(（](?:(?<=[{_GLUED_TO}][ \t])[(（]|(?<=[{_GLUED_TO}][(（]))"
    rf"[ \t]?(?P<py>[{_PINYIN_CHARS}]{{1,7}}[1-5]?(?:[ \t'][{_PINYIN_CHARS}]{{1,7}}[1-5]?){{0,3}})"
    rf"[ \t]?[)）]"
)
_TONE_MARK = re.compile(rf"[{_TONED}]|\d")
# A mis-decoded stretch can swallow the opening parenthesis: "運輸?shù)确矫娼?jīng)驗".
_RUBY_AFTER_GARBLE = re.compile(rf"(?<=[?\ufffd])(?P<py>[{_PINYIN_CHARS}]{{1,7}}[1-5]?)[)）]")
# Toneless syllables (neutral tone) are only taken on pages that carry toned ruby too.
_SYLLABLE = re.compile(
    r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|o|e|i|u|ü|ai|ei|ao|ou|an|en|ang|eng|ong|er|ia|ie|iao|iu|ian|in|iang|ing|iong|"
    r"ua|uo|uai|ui|uan|un|uang|ueng|üe|üan|ün|ue)$"
)


_PINYIN_START = frozenset(f"abcdefghijklmnopqrstuvwxyzü{_TONED}ê")  # _PINYIN_CHARS


def _pinyin_after_paren(text: str) -> bool:
    """Whether an opening parenthesis is followed, after at most one space or tab, by a
    pinyin letter, as in every ruby. (A few substring searches, where the ruby pattern,
    which opens with a class holding the space, is tried at every space of the page.)"""
    for paren in "(（":
        at = text.find(paren)
        while at >= 0:
            first = text[at + 1 : at + 2]
            if first in (" ", "\t"):
                first = text[at + 2 : at + 3]
            if first in _PINYIN_START:
                return True
            at = text.find(paren, at + 1)
    return False


def strip_ruby(text: str) -> str:
    """Remove ruby pinyin glued after characters: ``臺(tái)灣`` → ``臺灣``.

    Only a parenthesis holding pinyin (lower-case, tone-marked or tone-numbered) right
    after a Han character (or after a garbled ``?``) is removed, so ``(记者 王五)``,
    ``(2020年)`` and ``(ESR)`` stay. Toneless syllables (``的(de)``) are removed only when
    the text also carries toned ruby.
    """
    if not _pinyin_after_paren(text):
        return text  # (most pages: their parentheses hold credits, numbers, English)
    toned = 0
    found = False
    for m in _RUBY.finditer(text):
        found = True
        if _TONE_MARK.search(m.group("py")):
            toned += 1
            if toned >= 2:
                break
    if not found:
        return text  # no pinyin-like parenthesis at all (most pages): spare the second pass

    def repl(m: re.Match) -> str:
        py = m.group("py")
        if _TONE_MARK.search(py):
            return ""
        if toned >= 2 and all(_SYLLABLE.match(s) for s in re.split(r"[ \t']", py)):
            return ""
        return m.group()

    text = _RUBY.sub(repl, text)
    if toned:
        text = _RUBY_AFTER_GARBLE.sub(
            lambda m: "" if _TONE_MARK.search(m.group("py")) else m.group(), text
        )
    return text


# ---------------------------------------------------------------------------------------
# mojibake


def _rare_han_class() -> str:
    """Regex class body of the Han characters outside GB2312's 3755 common characters."""
    common = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                common.add(ord(bytes((hi, lo)).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    han = itertools.chain(range(0x3400, 0x4DC0), range(0x4E00, 0xA000))
    return _class_body(cp for cp in han if cp not in common)


_HAN_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff"
_IS_HAN = re.compile(rf"[{_HAN_CLASS}]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_STRONG = re.compile(r"[\ue000-\uf8ff\ufffd\u2500-\u257f\x80-\x9f]")
_RARE_HAN = _rare_han_class()
# every character that may be a sign of mis-decoding (a quick test for a whole line)
_CANDIDATE = re.compile(
    rf"[\ue000-\uf8ff\ufffd\u2500-\u257f\x80-\x9f?\u3040-\u30ffA-Za-z{_RARE_HAN}]"
)
# the same, but a Latin letter only between two Han characters; _marks() looks closer at
# each of the others (one class first, the letter's condition after it: re then skips to
# the next candidate character at C speed)
_SIGN = re.compile(
    rf"[\ue000-\uf8ff\ufffd\u2500-\u257f\x80-\x9f?\u3040-\u30ff{_RARE_HAN}A-Za-z]"
    rf"(?:(?<![A-Za-z])|(?<=[{_HAN_CLASS}][A-Za-z])(?=[{_HAN_CLASS}]))"
)
_PUNCT_BEFORE = set("!?！？。,，、;；:：”’」』)）")


def _is_han(ch: str) -> bool:
    return bool(_IS_HAN.match(ch))


def _marks(text: str) -> list[tuple[int, int]]:
    """(position, weight) of every sign of mis-decoding: 2 = certain, 1 = suspicious."""
    marks: list[tuple[int, int]] = []
    n = len(text)
    for m in _SIGN.finditer(text):
        i = m.start()
        ch = m.group()
        if _STRONG.match(ch):
            marks.append((i, 2))
        elif ch == "?":
            # glued to a Han character (a question mark ends a sentence: it is followed
            # by a quote, a space or the end of the line, or follows one)
            before = i > 0 and _is_han(text[i - 1])
            after = i + 1 < n and (_is_han(text[i + 1]) or text[i + 1] in "!！")
            if before or after:
                marks.append((i, 1))
        else:  # kana, a rare Han character or a Latin letter glued between two Han
            # characters ("迸e措", "瘓F華")
            marks.append((i, 1))
    return marks


def _kind(ch: str) -> str:
    if ch == "?":
        return "?"
    if _is_han(ch):
        return "rare"
    if _KANA.match(ch):
        return "kana"
    return "latin"


def _is_garbage(text: str, cluster: list[tuple[int, int]]) -> bool:
    if any(w == 2 for _, w in cluster):
        return True
    kinds = {_kind(text[p]) for p, _ in cluster}
    if kinds == {"rare"}:
        # rare characters alone are names more often than garbage ("郯城、莒南、沂水"):
        # only a dense run of them is taken as mis-decoded
        span = text[cluster[0][0] : cluster[-1][0] + 1]
        han = sum(1 for ch in span if _is_han(ch))
        return len(cluster) >= 4 and len(cluster) >= 0.6 * han
    if len(cluster) >= 3:
        return True
    if len(cluster) < 2:
        return False
    # two signs of one kind ("怎么?为何?", "A股…B超") or a question mark next to a rare
    # character are not enough
    return len(kinds) == 2 and kinds != {"?", "rare"}


def repair_mojibake(text: str) -> str:
    """Drop mis-decoded stretches; keep everything that reads as text.

    Signs of mis-decoding are private-use and replacement characters, box-drawing and C1
    control characters (certain), and ``?`` glued to Han characters, kana, single Latin
    letters between Han characters and characters outside GB2312's common level
    (suspicious; call it on Simplified text). Signs less than 9 characters apart form a
    cluster; a cluster with a certain sign, three suspicious ones, or two of different
    kinds is garbage and is removed, with the few characters between it and a preceding
    punctuation mark. Rare characters alone must be many and dense to count (place names
    such as ``郯城、莒南、沂水`` stay); a lone question mark (``怎么办?``) is kept.

    A cluster never spans a line break and no sign or removal reaches across one, so a
    whole page is repaired line by line in one call.
    """
    if not _CANDIDATE.search(text):  # no character to look at closer
        return text
    marks = _marks(text)
    if not marks:
        return text
    clusters: list[list[tuple[int, int]]] = []
    for pos, w in marks:
        if (
            clusters
            and pos - clusters[-1][-1][0] <= 8
            and "\n" not in text[clusters[-1][-1][0] : pos]
        ):
            clusters[-1].append((pos, w))
        else:
            clusters.append([(pos, w)])
    spans: list[tuple[int, int]] = []
    for cl in clusters:
        if not _is_garbage(text, cl):
            continue
        start, end = cl[0][0], cl[-1][0] + 1
        # the mis-decoded run usually starts right after a punctuation mark: "運轉!痹摷瘓F"
        if text[start] != "?":
            back = start
            while back > 0 and start - back < 3 and _is_han(text[back - 1]):
                back -= 1
            if 0 < back < start and text[back - 1] in _PUNCT_BEFORE:
                start = back
        spans.append((start, end))
    if not spans:
        return text
    out: list[str] = []
    last = 0
    for s, e in spans:
        out.append(text[last:s])
        last = e
    out.append(text[last:])
    return "".join(out)


# ---------------------------------------------------------------------------------------
# spaces

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PUNCT = r",，。、;；:：!！?？…—「」『』“”‘’（）()《》〈〉【】\[\]·\""
_ODD_SPACE_CHARS = r"\u00a0\u3000\u2000-\u200a\u202f\u205f"  # a regex class body
_S = rf"[ \t{_ODD_SPACE_CHARS}]"
ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}]")


def _space_rules(s: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The runs of the spaces ``s`` (a regex) that are deleted (next to punctuation, or
    between a CJK character and a digit), and those made one space (between two CJK
    characters).

    Each pattern matches a whole run of spaces by its neighbours. It starts with a space
    itself (the look-behind comes after the first space) so that ``re`` jumps from space
    to space instead of trying the look-behinds at every character.
    """
    dropped = re.compile(
        rf"{s}(?:{s}*(?=[{_PUNCT}])|(?<=[{_PUNCT}]{s}){s}*"
        rf"|(?<=[{_CJK}]{s}){s}*(?=[\d])|(?<=[\d%]{s}){s}*(?=[{_CJK}]))"
    )
    return dropped, re.compile(rf"{s}(?<=[{_CJK}]{s}){s}*(?=[{_CJK}])")


_SPACE_RULES = _space_rules(_S)
# For a text whose only space is " " (a page parser's: its odd spaces made plain ones):
# re finds a literal at C speed, but tests a class against every character.
_PLAIN_SPACE_RULES = _space_rules(" ")
_EDGE_SPACES = " \t\u00a0\u3000"
_ZERO_WIDTH_CHARS = r"\u200b-\u200d\u2060\ufeff\u00ad"  # a regex class body
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
# A space but " ", or a zero-width character: one scan for both
UNPLAIN_SPACE_CHARS = rf"\t{_ODD_SPACE_CHARS}{_ZERO_WIDTH_CHARS}"  # a regex class body
_UNPLAIN_SPACE = re.compile(f"[{UNPLAIN_SPACE_CHARS}]")


def fold_space_lines(text: str, *, plain: bool = False) -> list[str]:
    """The lines of ``text``, each with its spaces folded (see :func:`fold_spaces`) and its
    ends stripped.

    Each rule runs once over the whole text, not once per line: a run of spaces never
    holds a line break and each rule looks only at the characters on either side of a
    run, so every line comes out as it would on its own, at a fraction of the cost of
    three regex calls per line. ``plain``: the caller knows that ``text`` holds none of
    :data:`UNPLAIN_SPACE_CHARS` (the page parser looks for them in the same scan as for
    others), which spares a scan for them.
    """
    dropped, cjk_cjk = _PLAIN_SPACE_RULES
    if not plain and _UNPLAIN_SPACE.search(text):  # (seldom: a page parser's text holds none)
        text = _ZERO_WIDTH.sub("", text)
        dropped, cjk_cjk = _SPACE_RULES
    text = dropped.sub("", text)
    text = cjk_cjk.sub(" ", text)
    return [line.strip(_EDGE_SPACES) for line in text.split("\n")]


def fold_spaces(text: str) -> str:
    """Remove spaces around punctuation and between CJK characters and digits.

    ``企业 , 现场`` → ``企业,现场``; ``截至 2 月 22 日`` → ``截至2月22日``. A run of spaces
    between two Han characters becomes one space: there it separates (headline clauses,
    names in a credit line, a dateline from its text). Spaces between Latin words or
    digits stay. Each line is folded on its own and stripped.
    """
    return "\n".join(fold_space_lines(text))


_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FULLWIDTH_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_FULLWIDTH_ALNUM.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
_FULLWIDTH_ALNUM[0xFF05] = ord("%")
_FULLWIDTH_ALNUM[0xFF0E] = ord(".")
FULLWIDTH_CHARS = r"\uff05\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"  # a regex class body
_FULLWIDTH_RE = re.compile(f"[{FULLWIDTH_CHARS}]")


def fold_fullwidth(text: str) -> str:
    """Full-width digits, Latin letters, ``％`` and ``．`` to ASCII (punctuation stays)."""
    if not _FULLWIDTH_RE.search(text):
        return text
    return text.translate(_FULLWIDTH_ALNUM)
