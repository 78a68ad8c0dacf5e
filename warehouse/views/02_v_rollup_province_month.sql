-- v_rollup_province_month: money (元), people, firms and percents per province, month and
-- measure, from v_count_facts. `kind` says which:
--   money    unit_class 'money' (values already in 元); total is the sum
--   people   head counts (units 名/人/位/人次); total is the sum
--   firms    enterprises (unit 家/户, or 个 when the counted noun names a firm 企); total is the sum
--   percent  unit_class 'percent'; read mean / min_value / max_value, total means nothing
-- province and month are null for facts without a region or a date, so no fact is lost;
-- group again to roll up further (sum `total` and `facts`, never average `mean`).
-- Columns: kind, province, month, measure_code, measure_name_zh, facts, articles, total,
-- mean, min_value, max_value.
CREATE OR REPLACE VIEW v_rollup_province_month AS
WITH kinds AS (
    SELECT *,
        CASE
            WHEN unit_class = 'money' THEN 'money'
            WHEN unit_class = 'percent' THEN 'percent'
            WHEN unit IN ('名', '人', '位', '人次') THEN 'people'
            WHEN unit IN ('家', '户') OR (unit = '个' AND what LIKE '%企%') THEN 'firms'
        END AS kind
    FROM v_count_facts
)
SELECT
    kind,
    province,
    month,
    measure_code,
    measure_name_zh,
    count(*) AS facts,
    count(DISTINCT article_id) AS articles,
    sum(value) AS total,
    avg(value) AS mean,
    min(value) AS min_value,
    max(value) AS max_value
FROM kinds
WHERE kind IS NOT NULL
GROUP BY ALL;
