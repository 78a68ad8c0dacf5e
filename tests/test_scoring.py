"""Our scorer against the rules of facts.md "How it is scored" (made-up articles)."""

from transforms.scoring import Score, normalize_region, score_article

GOLD = {
    "title": "某市帮助企业复工",
    "publish_date": "2020-03-01",
    "regions": [
        {"province": "福建省", "city": "泉州市", "county": "永春县"},
        {"province": "上海市", "city": "上海市", "county": None},
    ],
    "quantities": [
        {"text": "5家", "value": 5, "value_max": None, "approx": False, "unit": "家", "what": "企业"},
        {"text": "四五万台", "value": 40000, "value_max": 50000, "approx": True, "unit": "台", "what": None},
    ],
    "dates": [{"text": "2月3日", "date": "2020-02-03"}, {"text": "2月", "date": "2020-02"}],
    "measures": ["finance_credit", "rent_relief"],
}


def test_perfect_prediction_scores_one():
    result = Score()
    score_article(result, "a", GOLD, GOLD, set())
    assert all(t.f1 == 1.0 for t in result.fields.values())
    assert result.title_correct == result.date_correct == 1
    assert result.what_correct == result.what_matched == 2


def test_missing_prediction_misses_everything():
    result = Score()
    score_article(result, "a", GOLD, None, set())
    assert result.fields["regions"].recall == 0.0
    assert result.title_correct == 0


def test_county_with_missing_city_matches_when_unique():
    pred = dict(GOLD, regions=[{"province": "福建省", "city": None, "county": "永春县"},
                               {"province": "上海市", "city": None, "county": None}])
    result = Score()
    score_article(result, "a", GOLD, pred, set())
    assert result.fields["regions"].tp == 2
    ambiguous = Score()
    score_article(ambiguous, "a", GOLD, pred, {("福建省", "永春县")})
    assert ambiguous.fields["regions"].tp == 1


def test_quantities_match_on_value_and_unit_and_strict_adds_bounds():
    pred = dict(GOLD, quantities=[
        {"value": "5", "unit": "家", "what": "民营企业"},
        {"value": 40000, "value_max": None, "approx": False, "unit": "台", "what": "机器"},
    ])
    result = Score()
    score_article(result, "a", GOLD, pred, set())
    assert result.fields["quantities"].tp == 2
    assert result.fields["quantities_strict"].tp == 1  # the span lost its value_max and approx
    assert result.what_correct == 1  # 企业 ⊂ 民营企业 agrees; 机器 vs null does not


def test_dates_are_a_multiset():
    pred = dict(GOLD, dates=[{"date": "2020-02-03"}, {"date": "2020-02-03"}])
    result = Score()
    score_article(result, "a", GOLD, pred, set())
    t = result.fields["dates"]
    assert (t.tp, t.pred, t.gold) == (1, 2, 2)


def test_municipality_normalization():
    assert normalize_region({"province": "北京市", "city": None, "county": None}) == ("北京市", "北京市", None)
    assert normalize_region({"province": None, "city": "上海市"}) == ("上海市", "上海市", None)
