"""The grammar of numerals in Chinese news text: a numeral string to a value.

Articles write the same quantity many ways: Arabic digits with thousands separators,
full-width digits, Chinese numerals (``三十五``, ``两千``, ``一万二``), Arabic digits with
Chinese magnitude words (``1.5万``, ``126.82亿``), rough numbers (``十多``, ``3万余``,
``1万多``) and spans (``四五万``, ``七八``, ``3至5``, ``10~20``, ``三到五``). This module
turns one such numeral into a :class:`Numeral`; deciding *which* stretches of text are
numerals of a quantity is the job of :mod:`transforms.counts`.

Chinese integer conversion is delegated to cn2an (its ``smart`` mode also reads mixed
forms such as ``1万2千``); this module adds what cn2an does not do: rough markers,
spans, bare magnitude words (``万余`` = 10000) and exact decimal arithmetic, so
``126.82亿`` is 12682000000 and not 12682000000.000002.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import cn2an

# Characters that may make up a Chinese numeral (Simplified, Traditional and financial forms).
CN_DIGITS = "零〇一二三四五六七八九两俩兩倆廿卅壹贰叁肆伍陆柒捌玖貳參陸"
CN_MAGNITUDES = "十百千万亿拾佰仟萬億"

# Pages put ordinary, ideographic or no-break spaces between a number and its magnitude/unit.
SPACE = "[ \u3000\xa0]?"

# Regex source for one numeral as it appears in running text, for embedding in callers'
# patterns: Arabic (half/full width, separators, decimals) optionally followed by magnitude
# words, or a run of Chinese numeral characters; rough markers 多/余/来/几 may sit between
# the digits and the magnitude (``三十多万``) or after it (``1万多``).
# (pages that put spaces around punctuation space the thousands separator too: 3 , 000)
_ARABIC = rf"[0-9０-９]+(?:{SPACE},{SPACE}[0-9０-９]{{3}}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
_CHINESE = rf"[{CN_DIGITS}{CN_MAGNITUDES}]+(?:点[{CN_DIGITS}]+)?"
_ROUGH = "多余来几"
NUMERAL_PATTERN = (
    rf"(?:{_ARABIC}(?:{SPACE}[{_ROUGH}]?[{CN_MAGNITUDES}]+)?"
    rf"|{_CHINESE}(?:[{_ROUGH}][{CN_MAGNITUDES}]*)?)"
    rf"(?:[{_ROUGH}](?![{CN_DIGITS}]))?"
)

# Separators of an explicit span: 3至5, 3-5, 10~20, 三到五.
SPAN_SEPARATORS = "至到~～－—–-"
SPAN_PATTERN = rf"{NUMERAL_PATTERN}(?:{SPACE}[{SPAN_SEPARATORS}]{SPACE}{NUMERAL_PATTERN})?"

_MAGNITUDE_VALUE = {
    ch: value
    for chars, value in (
        ("十拾", 10),
        ("百佰", 100),
        ("千仟", 1000),
        ("万萬", 10_000),
        ("亿億", 100_000_000),
    )
    for ch in chars
}
_DIGIT_VALUE = {
    ch: value
    for value, chars in enumerate(
        (
            "零〇",
            "一壹",
            "二贰貳两俩兩倆",
            "三叁參",
            "四肆",
            "五伍",
            "六陆陸",
            "七柒",
            "八捌",
            "九玖",
        )
    )
    for ch in chars
}
_ARABIC_WITH_MAGNITUDE = re.compile(r"(\d+(?:\.\d+)?)([十百千万亿拾佰仟萬億]*)")
_SPAN_SPLIT = re.compile(rf"[{SPAN_SEPARATORS}]")
_TRAILING_MAGNITUDE = re.compile(rf"[{CN_MAGNITUDES}]+$")
_LEADING_DIGITS_ONLY = re.compile(rf"^(?:\d+(?:\.\d+)?|[{CN_DIGITS}]+)$")


@dataclass(frozen=True, slots=True)
class Numeral:
    """A parsed numeral: ``value`` is the low end of a span, ``value_max`` its high end."""

    value: float
    value_max: float | None
    approx: bool


def _normalise(text: str) -> str:
    """Half-width digits and punctuation, no spaces, no thousands separators."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


def _as_number(value: Decimal) -> float:
    return float(int(value)) if value == value.to_integral_value() else float(value)


def _single(text: str) -> Decimal | None:
    """Exact value of one numeral without rough markers or spans, or None."""
    if not text:
        return None
    m = _ARABIC_WITH_MAGNITUDE.fullmatch(text)
    if m:
        try:
            value = Decimal(m.group(1))
        except InvalidOperation:
            return None
        for ch in m.group(2):
            value *= _MAGNITUDE_VALUE[ch]
        return value
    if all(ch in _MAGNITUDE_VALUE for ch in text):
        # a bare magnitude word (万余, 近万, 上千): one of that magnitude
        value = Decimal(1)
        for ch in text:
            value *= _MAGNITUDE_VALUE[ch]
        return value
    if text[0] in "廿卅" and len(text) <= 2:
        tens = 20 if text[0] == "廿" else 30
        return Decimal(tens + (_DIGIT_VALUE.get(text[1], 0) if len(text) == 2 else 0))
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _consecutive_span(text: str) -> tuple[str, str] | None:
    """``四五万`` -> (``四万``, ``五万``): two adjacent consecutive digits read as a span.

    A well-formed Chinese numeral never has two non-zero digits side by side, so such a
    pair is a rough range (七八位, 十五六个, 二三十人). ``三五`` is the one idiomatic range
    whose ends are not consecutive (三五天 is three to five days, not 35).
    """
    for i in range(len(text) - 1):
        a, b = _DIGIT_VALUE.get(text[i]), _DIGIT_VALUE.get(text[i + 1])
        # a third digit beside the pair (一三五, 一二三) means digits read one by one
        lone = not _DIGIT_VALUE.get(text[i - 1 : i]) and not _DIGIT_VALUE.get(text[i + 2 : i + 3])
        if a and b and lone and (b == a + 1 or (a, b) == (3, 5)):
            return text[:i] + text[i] + text[i + 2 :], text[:i] + text[i + 1 :]
    return None


@lru_cache(maxsize=4096)
def parse_numeral(text: str) -> Numeral | None:
    """Value of a numeral as written (see the module docstring), or None if it is not one."""
    text = _normalise(text)
    if not text:
        return None
    parts = _SPAN_SPLIT.split(text)
    if len(parts) == 2 and all(parts):
        low, high = parse_numeral(parts[0]), parse_numeral(parts[1])
        if low is None or high is None:
            return None
        magnitude = _TRAILING_MAGNITUDE.search(parts[1])
        if magnitude and _LEADING_DIGITS_ONLY.match(parts[0]):
            # 3至5万: the magnitude written once applies to both ends
            low = parse_numeral(parts[0] + magnitude.group())
            if low is None:
                return None
        if high.value < low.value:
            return None
        return Numeral(low.value, high.value, True)
    if len(parts) != 1:
        return None
    approx = False
    core = text
    for marker in _ROUGH:
        if marker in core:
            if core.count(marker) > 1 or core.startswith(marker):
                return None
            approx = True
            # 十多 / 1万多 / 三十多万 / 十来 / 十几: the number written is the floor
            core = core.replace(marker, "")
    if not core:
        return None
    span = _consecutive_span(core)
    if span is not None:
        low, high = _single(span[0]), _single(span[1])
        if low is None or high is None:
            return None
        return Numeral(_as_number(low), _as_number(high), True)
    value = _single(core)
    if value is None:
        return None
    return Numeral(_as_number(value), None, approx)
