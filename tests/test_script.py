"""Table-driven cases for transforms.script: script detection, ruby pinyin, mojibake,
spaces and Traditional → Simplified conversion."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import opencc
import pytest

from transforms.script import (
    _PLAIN_SPACE_RULES,
    _SAMPLED,
    _SPACE_RULES,
    _T2S_KEPT_IN_PHRASES,
    _T2S_PHRASES,
    ODD_SPACE,
    UNPLAIN_SPACE_CHARS,
    _changed_alone,
    _converter,
    _count_changed,
    _count_chars,
    _count_differences,
    _s2t_signs,
    _t2s_always,
    _t2s_lines,
    _t2s_touched,
    detect_script,
    fold_fullwidth,
    fold_space_lines,
    fold_spaces,
    repair_mojibake,
    script_signs,
    strip_ruby,
    to_simplified,
)

SCRIPT_CASES = [
    ("simplified", "泉州市各级党组织认真贯彻落实，全力以赴帮助企业复工复产。", "simplified"),
    ("traditional", "湖州市臺辦嚴格落實中央、省市疫情防控和企業復工復產工作部署。", "traditional"),
    (
        "traditional with ruby",
        "湖州市臺(tái)辦創(chuàng)新舉措 助力臺(tái)企復(fù)工",
        "traditional",
    ),
    (
        "mixed",
        "湖州市臺辦嚴格落實中央部署。泉州市各级党组织认真贯彻落实，帮助企业复工复产。",
        "mixed",
    ),
    ("no Chinese", "Factories reopened on Monday, officials said.", "simplified"),
    ("empty", "", "simplified"),
    ("shared characters only", "中国人民", "simplified"),
    ("phrase-only characters", "反覆思量、沈默寡言", "traditional"),
    ("surname and cover", "沈阳市实现5G网络全覆盖", "simplified"),
    ("one phrase-only form", "请及时回覆", "mixed"),
    ("phrase across a comma", "请及时回，覆", "mixed"),  # the sample holds 回覆
    ("phrase across a long gap", "请及时回" + " x" * 60 + "覆", "mixed"),
    ("supplementary plane", "𠮷野家臺灣", "traditional"),
    # s2t signs (了, 面, 制: changed only in phrases) too many to spare the s2t count
    ("traditional with s2t signs", "了解面對制度臺灣漢語學習", "traditional"),
    ("mixed with s2t signs", "了解了面對面的制度。臺灣", "mixed"),
    ("a phrase keeps a Traditional form", "乾隆皇帝", "simplified"),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), SCRIPT_CASES, ids=[c[0] for c in SCRIPT_CASES]
)
def test_detect_script(name: str, text: str, expected: str) -> None:
    assert detect_script(text) == expected
    assert detect_script(text, signs=script_signs(text)) == expected  # as parse_page asks


RUBY_CASES = [
    ("tone marks", "臺(tái)灣", "臺灣"),
    ("two glued", "復(fù)工復(fù)產(chǎn)", "復工復產"),
    ("full-width parens", "臺（tái）企", "臺企"),
    ("tone numbers", "臺(tai2)企", "臺企"),
    ("ü with tone", "綠(lǜ)色", "綠色"),
    ("reporter credit stays", "本報訊(記者 王五)3月3日", "本報訊(記者 王五)3月3日"),
    ("year stays", "十條措施(2020年)出臺", "十條措施(2020年)出臺"),
    ("abbreviation stays", "易商(ESR)北方总部", "易商(ESR)北方总部"),
    ("word in parens stays", "领先(app)平台", "领先(app)平台"),
    ("toneless alone stays", "我们的(de)", "我们的(de)"),
    ("toneless with toned ruby", "臺(tái)灣(wān)的(de)企業", "臺灣的企業"),
    ("after a garbled char", "運(yùn)輸?shù)确矫娼?jīng)驗(yàn)", "運輸?确矫娼?驗"),
    ("not after a Han character", "A (tái) B", "A (tái) B"),
    ("a space inside the parenthesis", "臺( tái)灣(\twān)", "臺灣"),
]


@pytest.mark.parametrize(("name", "text", "expected"), RUBY_CASES, ids=[c[0] for c in RUBY_CASES])
def test_strip_ruby(name: str, text: str, expected: str) -> None:
    assert strip_ruby(text) == expected


MOJIBAKE_CASES = [
    # (name, input (Simplified), expected)
    ("question mark run", "湖州市台办创新“两?!迸e措 助力台企", "湖州市台办创新“两措 助力台企"),
    (
        "private-use run",
        "我们也很心急?!崩贾萋碛胁疾鸵\ue366芾碛邢薰\ue088径\ue143鲁ぢ砻魉?。马明说",
        "我们也很心急。马明说",
    ),
    ("rare run between marks", "比预想好很多?!甭砻魉?。", "比预想好很多。"),
    ("after punctuation", "车辆运转!痹摷痪F华东厂区副总经理", "车辆运转!华东厂区副总经理"),
    ("box drawing", "记者刘巍。┯浾3日从江苏", "记者刘巍。3日从江苏"),
    ("lone replacement char", "企业\ufffd复工", "企业复工"),
    ("real question", "基本电费过高怎么办?”此前", "基本电费过高怎么办?”此前"),
    (
        "question inside a run",
        "如何保证不断线?河北廊坊临空经济区",
        "如何保证不断线?河北廊坊临空经济区",
    ),
    ("rare place name", "岫岩满族自治县获悉", "岫岩满族自治县获悉"),
    ("rare place names", "郯城、莒南、沂水、临沭等县", "郯城、莒南、沂水、临沭等县"),
    ("dense rare run", "企业复工萋碛芾碛薰砻魉了", "企业复工了"),
    ("Latin letters", "领SHOW文旅集团、A股公司、ESR易商", "领SHOW文旅集团、A股公司、ESR易商"),
    ("clean text", "截至2月22日,全省复工率93%。", "截至2月22日,全省复工率93%。"),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), MOJIBAKE_CASES, ids=[c[0] for c in MOJIBAKE_CASES]
)
def test_repair_mojibake(name: str, text: str, expected: str) -> None:
    assert repair_mojibake(text) == expected


def test_repair_mojibake_repairs_each_line_on_its_own() -> None:
    """A whole page in one call: each line as it comes out alone (signs on either side of a
    line break form no cluster, and no removal reaches across one)."""
    texts = [text for _, text, _ in MOJIBAKE_CASES] + ["運轉!痹摷", "瘓F華?", "?企业", "e措"]
    assert repair_mojibake("\n".join(texts)) == "\n".join(map(repair_mojibake, texts))
    assert repair_mojibake("\n".join(c[1] for c in MOJIBAKE_CASES)) == "\n".join(
        c[2] for c in MOJIBAKE_CASES
    )


SPACE_CASES = [
    ("around comma", "企业 , 现场", "企业,现场"),
    ("number and measure word", "554 辆", "554辆"),
    ("date", "截至 2 月 22 日 12 时", "截至2月22日12时"),
    ("percent", "复工面 93% ,", "复工面93%,"),
    ("quotes", '针对 " 员工返程返岗难 " 这一', '针对"员工返程返岗难"这一'),
    ("before full stop", "复工复产 。", "复工复产。"),
    ("between Han: one space", "通讯员  谈晶文 薛万强", "通讯员 谈晶文 薛万强"),
    ("Latin words stay", "Caller id lookup", "Caller id lookup"),
    ("digits stay apart", "0591 87095414", "0591 87095414"),
    ("ideographic space", "\u3000\u3000企业复工", "企业复工"),
    ("zero width", "企\u200b业", "企业"),
]


@pytest.mark.parametrize(("name", "text", "expected"), SPACE_CASES, ids=[c[0] for c in SPACE_CASES])
def test_fold_spaces(name: str, text: str, expected: str) -> None:
    assert fold_spaces(text) == expected


@pytest.mark.parametrize(("name", "text", "expected"), SPACE_CASES, ids=[c[0] for c in SPACE_CASES])
def test_plain_space_rules_fold_as_the_others(name: str, text: str, expected: str) -> None:
    text = ODD_SPACE.sub(" ", text).replace("\t", " ")  # a text for the plain rules
    for plain, any_space in zip(_PLAIN_SPACE_RULES, _SPACE_RULES, strict=True):
        assert plain.sub("", text) == any_space.sub("", text)


def test_fold_space_lines_folds_each_line_on_its_own() -> None:
    """A whole page in one call: every line as it comes out alone (a run at the start or
    end of a line sits next to the line break, not next to the other line's characters)."""
    texts = [text for _, text, _ in SPACE_CASES] + ["  企业 ", " 2 月", "中 ", " 文", "", "\t"]
    assert fold_space_lines("\n".join(texts)) == [fold_spaces(text) for text in texts]
    assert fold_space_lines("复工 ,\n  2 月 \u3000\n") == ["复工,", "2月", ""]


SIMPLIFIED_CASES = [
    ("plain", "臺灣復工復產", "台湾复工复产"),
    ("gov.cn variants", "任世強説,加快復工復産,爲企業服務", "任世强说,加快复工复产,为企业服务"),
    ("old variants", "淸楚、靑年、値得", "清楚、青年、值得"),
    ("particle zhe", "隨著眾多臺企復工", "随着众多台企复工"),
    ("particle zhe alone", "随著疫情好转", "随着疫情好转"),
    ("variant alone", "説明", "说明"),
    ("zhu stays", "顯著成效、著名企業、擁有著名品牌", "显著成效、著名企业、拥有著名品牌"),
    ("compatibility ideograph", "\uf9b5企業", "例企业"),
    ("already simplified", "泉州市复工复产", "泉州市复工复产"),
    ("phrase-only characters", "反覆思量，沈默寡言", "反复思量，沉默寡言"),
    ("surname and cover stay", "沈阳市实现5G网络全覆盖", "沈阳市实现5G网络全覆盖"),
    ("empty", "", ""),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), SIMPLIFIED_CASES, ids=[c[0] for c in SIMPLIFIED_CASES]
)
def test_to_simplified(name: str, text: str, expected: str) -> None:
    assert to_simplified(text) == expected


UNSIGNED_CASES = [
    "泉州市复工复产",
    "沈阳市实现5G网络全覆盖",
    "显著成效、著名企业",
    "随著疫情好转",
    "Factories reopened",
    "",
]


@pytest.mark.parametrize(
    "text", [text for _, text, _ in SIMPLIFIED_CASES + SCRIPT_CASES] + UNSIGNED_CASES
)
def test_to_simplified_without_signs_as_with(text: str) -> None:
    """A page without script signs is converted as when they are looked for, and so is a
    text made from it by stripping ruby."""
    if not script_signs(text):
        for made in (text, strip_ruby(text)):
            assert to_simplified(made, signs=False) == to_simplified(made)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("沈阳市实现5G网络全覆盖", False),  # phrase-only characters in no phrase
        ("回覆", True),
        ("回(huí)覆", True),  # a phrase once the ruby is stripped
        ("臺灣", True),
        ("\uf900企业", True),  # a compatibility ideograph folds to any character
        ("显著成效", False),  # 著 is looked at by to_simplified itself
    ],
)
def test_script_signs(text: str, expected: bool) -> None:
    assert script_signs(text) is expected


def test_fold_fullwidth_keeps_punctuation() -> None:
    assert fold_fullwidth("２０２０年３月，ＡＢＣ增长５％") == "2020年3月，ABC增长5%"


def _dictionary_entries(tmp_path: Path, name: str) -> list[tuple[str, str]]:
    """(key, value used) of every dictionary OpenCC's config ``name`` reads, dumped as text
    with the ``opencc_dict`` tool that ships in the opencc wheel."""
    clib = Path(opencc.__file__).parent / "clib"
    config = json.loads((clib / "share" / "opencc" / f"{name}.json").read_text(encoding="utf-8"))
    files: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "file" in node:
                files.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(config)
    entries: list[tuple[str, str]] = []
    for name in files:
        src, out = clib / "share" / "opencc" / name, tmp_path / f"{name}.txt"
        dump = [clib / "bin" / "opencc_dict", "-i", src, "-o", out, "-f", "ocd2", "-t", "text"]
        subprocess.run(dump, check=True)
        for line in out.read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            entries.append((key, values.split(" ")[0]))
    return entries


def test_t2s_touched_covers_every_changing_dictionary_entry(tmp_path: Path) -> None:
    """The claim _t2s_lines and detect_script rest on: every t2s key whose value differs
    holds a touched character (so a text without one is left as it is)."""
    entries = _dictionary_entries(tmp_path, "t2s")
    assert len(entries) > 5000
    touched = _t2s_touched()
    assert [(k, v) for k, v in entries if v != k and not touched.search(k)] == []
    # and every phrase it looks for is one that changes
    changing = {k for k, v in entries if v != k}
    assert [p for p in _T2S_PHRASES if p not in changing] == []


def test_to_simplified_writes_no_unplain_space(tmp_path: Path) -> None:
    """The claim parse_page's one scan for unusual characters rests on (it tells
    fold_space_lines that a page has only plain spaces when it had before the conversion):
    no t2s value and no folded compatibility ideograph holds a tab, an odd space or a
    zero-width character."""
    unplain = re.compile(f"[{UNPLAIN_SPACE_CHARS}]")
    values = "".join(value for _, value in _dictionary_entries(tmp_path, "t2s"))
    compat = "".join(chr(cp) for lo, hi in ((0x2E80, 0x2FDF), (0xF900, 0xFAFF)) for cp in range(lo, hi + 1))
    assert unplain.search(values + to_simplified(compat)) is None


def test_s2t_signs_cover_every_change_in_a_sample(tmp_path: Path) -> None:
    """The claim detect_script's bound rests on: s2t keeps the length of whatever it
    converts, and every character it changes that a script sample can hold is a sign."""
    entries = _dictionary_entries(tmp_path, "s2t")
    assert len(entries) > 5000
    assert [(k, v) for k, v in entries if len(v) != len(k)] == []
    signs = _s2t_signs()
    changed = {a for k, v in entries for a, b in zip(k, v, strict=True) if a != b}
    assert sorted(c for c in changed if re.fullmatch(_SAMPLED, c) and not signs.match(c)) == []


def test_t2s_always_changes_wherever_it_stands(tmp_path: Path) -> None:
    """The claim detect_script's lower bound rests on: t2s keeps the length of whatever it
    converts, and no phrase keeps a character of _t2s_always (one character on its own is
    converted as when converted alone, which made the class)."""
    entries = _dictionary_entries(tmp_path, "t2s")
    assert [(k, v) for k, v in entries if len(v) != len(k)] == []
    always = _t2s_always()
    kept = {a for k, v in entries if len(k) > 1 for a, b in zip(k, v, strict=True) if a == b}
    assert sorted(c for c in kept if always.match(c)) == []
    # and each character said kept is one t2s changes on its own
    assert [c for c in _T2S_KEPT_IN_PHRASES if ord(c) not in _changed_alone("t2s")] == []


@pytest.mark.parametrize("text", [c[1] for c in SCRIPT_CASES])
def test_bounds_of_the_conversion_counts(text: str) -> None:
    assert _count_chars(_s2t_signs(), text) >= _count_changed(text, "s2t")
    assert _count_chars(_t2s_always(), text) <= _count_changed(text, "t2s")


TOUCHED_CASES = [
    ("changed on its own", "臺灣", True),
    ("supplementary plane", "𠮷野家", True),
    ("phrase", "请及时回覆", True),
    ("phrase around a longer one", "反反覆覆", True),
    ("phrase-only character in a word t2s keeps", "沈阳市实现全覆盖", False),
    ("phrase across a line break", "答\n覆", False),
    ("nothing", "泉州市复工", False),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), TOUCHED_CASES, ids=[c[0] for c in TOUCHED_CASES]
)
def test_t2s_touched(name: str, text: str, expected: bool) -> None:
    assert bool(_t2s_touched().search(text)) is expected
    if not expected:
        assert _converter("t2s").convert(text) == text


DIFFERENCE_CASES = [
    ("empty", "", ""),
    ("same", "臺灣企業", "臺灣企業"),
    ("every position", "臺灣", "台湾"),
    ("some positions", "臺灣企業復工", "台湾企业复工"),
    ("supplementary plane and extremes", "𠮷\U0010ffff\x00a", "吉\U0010fffe\x00b"),
    ("only the lowest bit", "\x00\x01\x00", "\x01\x01\x01"),
    ("only the highest bit", "\U00100000a", "\x00a"),
]


@pytest.mark.parametrize(("name", "a", "b"), DIFFERENCE_CASES, ids=[c[0] for c in DIFFERENCE_CASES])
def test_count_differences(name: str, a: str, b: str) -> None:
    assert _count_differences(a, b) == sum(x != y for x, y in zip(a, b, strict=True))


T2S_LINE_CASES = [
    ("phrase-only characters", "请及时回覆\n沈思良久"),
    ("surname and cover stay", "沈阳市实现5G网络全覆盖\n臺灣"),
    ("mixed lines", "臺灣企業\n泉州市复工\n\n反覆確認\n"),
    ("supplementary plane", "𠮷野家\n𡃁仔"),
    ("no Han", "abc\n\n123"),
]


@pytest.mark.parametrize(("name", "text"), T2S_LINE_CASES, ids=[c[0] for c in T2S_LINE_CASES])
def test_t2s_lines_equals_whole_conversion(name: str, text: str) -> None:
    assert _t2s_lines(text) == _converter("t2s").convert(text)
