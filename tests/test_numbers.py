"""Table-driven tests of the numeral grammar (transforms.numbers)."""

from __future__ import annotations

import pytest

from transforms.numbers import Numeral, parse_numeral

CASES = [
    # Arabic, separators, decimals, full width
    ("17960", Numeral(17960, None, False)),
    ("2,350", Numeral(2350, None, False)),
    ("7.25", Numeral(7.25, None, False)),
    ("３４", Numeral(34, None, False)),
    ("１．５万", Numeral(15000, None, False)),
    # Chinese numerals
    ("三十五", Numeral(35, None, False)),
    ("两千", Numeral(2000, None, False)),
    ("一万二", Numeral(12000, None, False)),
    ("十一", Numeral(11, None, False)),
    ("一百零八", Numeral(108, None, False)),
    ("廿四", Numeral(24, None, False)),
    ("三点五", Numeral(3.5, None, False)),
    # magnitude words folded in, exactly
    ("2.6万", Numeral(26000, None, False)),
    ("318.47亿", Numeral(31847000000, None, False)),
    ("8000万", Numeral(80000000, None, False)),
    ("6 万", Numeral(60000, None, False)),
    ("3萬", Numeral(30000, None, False)),
    # rough numbers: the written number is the floor
    ("十多", Numeral(10, None, True)),
    ("2万余", Numeral(20000, None, True)),
    ("3万多", Numeral(30000, None, True)),
    ("五十多万", Numeral(500000, None, True)),
    ("十几", Numeral(10, None, True)),
    ("万余", Numeral(10000, None, True)),
    ("千", Numeral(1000, None, False)),
    # spans
    ("六七万", Numeral(60000, 70000, True)),
    ("五六", Numeral(5, 6, True)),
    ("二三十", Numeral(20, 30, True)),
    ("4至6", Numeral(4, 6, True)),
    ("4-6", Numeral(4, 6, True)),
    ("20~30", Numeral(20, 30, True)),
    ("四到六", Numeral(4, 6, True)),
    ("2至3万", Numeral(20000, 30000, True)),
    # 三五 is the idiomatic rough range whose ends are not consecutive
    ("三五", Numeral(3, 5, True)),
    ("三五万", Numeral(30000, 50000, True)),
    # digits read one by one are no pair, whatever their neighbours
    ("一三五", Numeral(135, None, False)),
    ("一二三", Numeral(123, None, False)),
    # Traditional 兩 left unconverted
    ("兩萬", Numeral(20000, None, False)),
    ("兩三", Numeral(2, 3, True)),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_numeral(text: str, expected: Numeral) -> None:
    assert parse_numeral(text) == expected


@pytest.mark.parametrize("text", ["", "多", "近", "5至", "9-3", "abc", "十多多"])
def test_not_a_numeral(text: str) -> None:
    assert parse_numeral(text) is None


def test_big_money_is_exact() -> None:
    # 318.47 * 1e8 in binary floating point is not an integer; the parser must be exact
    assert parse_numeral("318.47亿").value == 31847000000
