"""Precision, recall and F1 of predictions against gold, as facts.md "How it is scored" says.

Items are compared as multisets per article and summed over articles (micro average).
Regions match exactly, or leniently when a prediction leaves out the city of a county whose
name is unique in its province, or writes a county-level city one level off. Quantities
match on (value to 6 significant digits, unit); a stricter score adds value_max and approx,
and `what` is scored loosely (equal, or one contains the other) over matched quantities.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("regions", "quantities", "quantities_strict", "dates", "measures")
MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市", "香港特别行政区", "澳门特别行政区"})
_CITY_PLACEHOLDERS = frozenset({"", "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
_SPACE = re.compile(r"\s+")

Region = tuple[str | None, str | None, str | None]


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    return _SPACE.sub("", str(value)) or None


def normalize_region(region: Mapping[str, Any]) -> Region:
    province, city, county = (_clean(region.get(k)) for k in ("province", "city", "county"))
    if city in _CITY_PLACEHOLDERS:
        city = None
    if province is None and city in MUNICIPALITIES:
        province = city
    if province in MUNICIPALITIES and city is None:
        city = province
    return province, city, county


def _number(value: Any) -> float | None:
    if value is None:
        return None
    try:
        return float(f"{float(str(value).replace(',', '')):.6g}")
    except ValueError:
        return None


@dataclass
class Tally:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else float(self.gold == 0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else float(self.pred == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    what_correct: int = 0
    what_matched: int = 0
    title_correct: int = 0
    date_correct: int = 0
    articles: int = 0
    diff: dict[str, list[str]] = field(default_factory=dict)


def _multiset(gold: list, pred: list) -> tuple[int, list, list]:
    g, p = Counter(gold), Counter(pred)
    both = g & p
    return sum(both.values()), list((p - both).elements()), list((g - both).elements())


def _match_regions(gold: list[Region], pred: list[Region], ambiguous: set[tuple[str, str]]):
    tp, fp, fn = _multiset(gold, pred)
    unmatched = []
    for province, city, county in fp:
        hit = next(
            (
                i
                for i, (gp, gc, gk) in enumerate(fn)
                if province is not None
                and gp == province
                and (
                    (city is None and county is not None and gk == county and gc is not None
                     and (province, county) not in ambiguous)
                    or (city is None and county is not None and gc == county and gk is None)
                    or (county is None and city is not None and gc is None and gk == city)
                )
            ),
            None,
        )
        if hit is None:
            unmatched.append((province, city, county))
        else:
            fn.pop(hit)
            tp += 1
    return tp, unmatched, fn


def _what_agrees(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return gold in pred or pred in gold


def _best_what_pairs(gold: list[dict], pred: list[dict]) -> int:
    """Maximum number of gold/pred pairs whose `what` agrees (augmenting paths)."""
    owner = [-1] * len(pred)

    def augment(i: int, seen: set[int]) -> bool:
        for j, p in enumerate(pred):
            if j not in seen and _what_agrees(gold[i]["what"], p["what"]):
                seen.add(j)
                if owner[j] == -1 or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    return sum(augment(i, set()) for i in range(len(gold)))


def _quantity(q: Mapping[str, Any]) -> dict[str, Any]:
    value, unit = _number(q.get("value")), (_clean(q.get("unit")) or "").replace("％", "%")
    approx = q.get("approx")
    approx = approx.strip().lower() in ("true", "1", "yes") if isinstance(approx, str) else bool(approx)
    return {
        "key": (value, unit),
        "strict": (value, unit, _number(q.get("value_max")), approx),
        "what": _clean(q.get("what")),
        "text": q.get("text"),
    }


def score_article(
    result: Score,
    name: str,
    gold: Mapping[str, Any],
    pred: Mapping[str, Any] | None,
    ambiguous_counties: set[tuple[str, str]],
) -> None:
    """Add one article's items to ``result``; a missing prediction misses everything."""
    p = pred or {}
    lines: list[str] = []
    result.articles += 1

    g_regions = [normalize_region(r) for r in gold.get("regions") or []]
    p_regions = [normalize_region(r) for r in p.get("regions") or []]
    tp, fp, fn = _match_regions(g_regions, p_regions, ambiguous_counties)
    result.fields["regions"].add(tp, len(p_regions), len(g_regions))
    lines += [f"regions     + {'/'.join(x or '-' for x in r)}" for r in fp]
    lines += [f"regions     - {'/'.join(x or '-' for x in r)}" for r in fn]

    g_q = [_quantity(q) for q in gold.get("quantities") or []]
    p_q = [_quantity(q) for q in p.get("quantities") or []]
    tp, fp, fn = _multiset([q["key"] for q in g_q], [q["key"] for q in p_q])
    result.fields["quantities"].add(tp, len(p_q), len(g_q))
    lines += [f"quantities  + {v:g} {u}" for v, u in fp if v is not None]
    lines += [f"quantities  - {v:g} {u}" for v, u in fn if v is not None]
    stp, _sfp, _sfn = _multiset([q["strict"] for q in g_q], [q["strict"] for q in p_q])
    result.fields["quantities_strict"].add(stp, len(p_q), len(g_q))
    g_by_key, p_by_key = defaultdict(list), defaultdict(list)
    for q in g_q:
        g_by_key[q["key"]].append(q)
    for q in p_q:
        p_by_key[q["key"]].append(q)
    for key, gs in g_by_key.items():
        ps = p_by_key.get(key, [])
        matched = min(len(gs), len(ps))
        if matched:
            agree = _best_what_pairs(gs, ps)
            result.what_matched += matched
            result.what_correct += min(agree, matched)
            if agree < matched:
                lines.append(
                    f"q_what      {key[0]:g} {key[1]}: gold={[q['what'] for q in gs]} "
                    f"pred={[q['what'] for q in ps]}"
                )

    for name_, items in (("dates", "date"), ("measures", None)):
        g_items = [_clean(x.get(items) if items and isinstance(x, dict) else x) for x in gold.get(name_) or []]
        p_items = [_clean(x.get(items) if items and isinstance(x, dict) else x) for x in p.get(name_) or []]
        tp, fp, fn = _multiset(g_items, p_items)
        result.fields[name_].add(tp, len(p_items), len(g_items))
        lines += [f"{name_:<11} + {x}" for x in fp] + [f"{name_:<11} - {x}" for x in fn]

    g_title, p_title = _clean(gold.get("title")), _clean(p.get("title"))
    title_ok = pred is not None and (
        g_title == p_title
        or (g_title is not None and p_title is not None
            and difflib.SequenceMatcher(None, g_title, p_title).ratio() >= 0.9)
    )
    date_ok = pred is not None and _clean(gold.get("publish_date")) == _clean(p.get("publish_date"))
    result.title_correct += title_ok
    result.date_correct += date_ok
    if not title_ok:
        lines.insert(0, f"title       gold={g_title} pred={p_title}")
    if not date_ok:
        lines.insert(0, f"publish_date gold={gold.get('publish_date')} pred={p.get('publish_date')}")
    if lines:
        result.diff[name] = lines


def format_score(result: Score) -> str:
    rows = [f"{'field':<18} {'gold':>6} {'pred':>6} {'tp':>6} {'P':>7} {'R':>7} {'F1':>7}"]
    for name in FIELDS:
        t = result.fields[name]
        rows.append(
            f"{name:<18} {t.gold:>6} {t.pred:>6} {t.tp:>6} {t.precision:>7.3f} {t.recall:>7.3f} {t.f1:>7.3f}"
        )
    what = result.what_correct / result.what_matched if result.what_matched else 0.0
    rows.append(f"{'quantity_what':<18} {'':>6} {result.what_matched:>6} {result.what_correct:>6} {'':>7} {'':>7} {what:>7.3f}")
    n = result.articles or 1
    rows.append(f"{'publish_date':<18} {result.articles:>6} {'':>6} {result.date_correct:>6} {'':>7} {'':>7} {result.date_correct / n:>7.3f}")
    rows.append(f"{'title':<18} {result.articles:>6} {'':>6} {result.title_correct:>6} {'':>7} {'':>7} {result.title_correct / n:>7.3f}")
    return "\n".join(rows)
