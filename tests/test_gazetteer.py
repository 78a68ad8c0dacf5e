"""dim_region: the GB/T 2260 divisions with their paths (warehouse.md, facts.md §2)."""

from __future__ import annotations

import polars as pl
import pytest

from transforms.gazetteer import aliases, gazetteer_frame, place_code, regions, short_form
from transforms.script import to_simplified

COLUMNS = ["region_code", "name", "level", "parent_code", "province", "city", "county"]


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return gazetteer_frame()


def _row(frame: pl.DataFrame, code: str) -> dict:
    rows = frame.filter(pl.col("region_code") == code).to_dicts()
    assert len(rows) == 1, code
    return rows[0]


def test_columns_and_size(frame):
    assert frame.columns == COLUMNS
    assert 3_150 <= frame.height <= 3_400


def test_codes_are_six_digits_and_unique(frame):
    assert frame["region_code"].str.contains(r"^\d{6}$").all()
    assert frame["region_code"].n_unique() == frame.height


def test_levels_and_parents(frame):
    assert set(frame["level"]) == {"province", "city", "county"}
    codes = set(frame["region_code"])
    parents = frame.filter(pl.col("parent_code").is_not_null())["parent_code"]
    assert set(parents) <= codes
    assert frame.filter(pl.col("level") == "province")["parent_code"].is_null().all()
    assert frame.filter(pl.col("level") != "province")["parent_code"].is_not_null().all()


def test_path_is_null_below_own_level(frame):
    assert frame.filter(pl.col("level") == "province")["city"].is_null().all()
    assert frame.filter(pl.col("level") != "county")["county"].is_null().all()
    counties = frame.filter(pl.col("level") == "county")
    assert (counties["county"] == counties["name"]).all()


@pytest.mark.parametrize(
    ("code", "path"),
    [
        ("350000", ("福建省", None, None)),
        ("350500", ("福建省", "泉州市", None)),
        ("350525", ("福建省", "泉州市", "永春县")),
        ("310100", ("上海市", "上海市", None)),  # municipality: the place row
        ("310115", ("上海市", "上海市", "浦东新区")),
        ("500237", ("重庆市", "重庆市", "巫山县")),  # Chongqing's counties fold into 500100
        ("429004", ("湖北省", None, "仙桃市")),  # province-administered county-level city
        ("469024", ("海南省", None, "临高县")),
        ("659001", ("新疆维吾尔自治区", None, "石河子市")),
        ("350527", ("福建省", "泉州市", "金门县")),  # Kinmen by the mainland path
        ("710000", ("台湾省", None, None)),
        ("810000", ("香港特别行政区", None, None)),
        ("820000", ("澳门特别行政区", None, None)),
    ],
)
def test_paths(frame, code, path):
    row = _row(frame, code)
    assert (row["province"], row["city"], row["county"]) == path


@pytest.mark.parametrize(
    "prefix",
    ["71", "81", "82"],  # Taiwan, Hong Kong, Macau: one row each, no districts
)
def test_single_row_regions(frame, prefix):
    assert frame.filter(pl.col("region_code").str.starts_with(prefix)).height == 1


@pytest.mark.parametrize("code", ["990000", "999900", "133100", "500157", "320576", "500200"])
def test_placeholders_and_zones_dropped(frame, code):
    assert frame.filter(pl.col("region_code") == code).height == 0


def test_no_placeholder_names(frame):
    assert not frame["name"].str.contains("直辖|市辖区").any()


def test_municipality_mentions_resolve_to_city_row():
    assert place_code("110000") == "110100"
    assert place_code("350000") == "350000"


@pytest.mark.parametrize(
    ("name", "level", "short"),
    [
        ("广西壮族自治区", "province", "广西"),
        ("内蒙古自治区", "province", "内蒙古"),
        ("香港特别行政区", "province", "香港"),
        ("黔南布依族苗族自治州", "city", "黔南"),
        ("巴音郭楞蒙古自治州", "city", "巴音郭楞"),
        ("大兴安岭地区", "city", "大兴安岭"),
        ("锡林郭勒盟", "city", "锡林郭勒"),
        ("泉州市", "city", "泉州"),
        ("仓山区", "county", "仓山"),
        ("岫岩满族自治县", "county", "岫岩"),
        ("神农架林区", "county", "神农架"),
        ("忠县", "county", None),  # one character left
        ("鄂温克族自治旗", "county", None),  # only the ethnic name left
        ("科尔沁左翼后旗", "county", None),  # banners are written in full
    ],
)
def test_short_form(name, level, short):
    assert short_form(name, level) == short


@pytest.mark.parametrize(
    ("form", "codes"),
    [
        ("黔南州", {"522700"}),
        ("岫岩县", {"210323"}),
        ("北京", {"110100"}),
        ("北京市", {"110100"}),
        ("台北", {"710000"}),
        ("彰化", {"710000"}),
        ("新北", {"710000", "320411"}),
        ("台湾", {"710000"}),
        ("金门", {"350527"}),
        ("马祖", {"350122"}),
        ("鼓楼区", {"320106", "320302", "350102", "410204"}),
        # clipped prefecture names: 巴州 is also the short form of 巴中市巴州区
        ("巴州", {"652800", "511902"}),
        ("克州", {"653000"}),
        ("博州", {"652700"}),
    ],
)
def test_aliases(form, codes):
    assert {a.code for a in aliases()[form]} == codes


@pytest.mark.parametrize(
    ("written", "code"),
    [("乾县", "610424"), ("乾安县", "220723"), ("濬縣", "410621"), ("澂江市", "530481")],
)
def test_names_are_found_after_t2s(written, code):
    # pages are read after OpenCC t2s, which turns 乾县 into 干县 and keeps 濬/澂
    assert code in {a.code for a in aliases()[to_simplified(written)]}


def test_every_alias_points_at_a_row():
    table = regions()
    assert all(a.code in table for options in aliases().values() for a in options)
