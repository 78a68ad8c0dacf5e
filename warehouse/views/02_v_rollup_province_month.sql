-- v_rollup_province_month: money (元), people, firms and percents per province, month and
-- measure. `kind` says which: money sums values in 元; people and firms sum head counts
-- (units 名/人/位/人次 and 家/户 of enterprises); percent gives the mean and range.
CREATE OR REPLACE VIEW v_rollup_province_month AS
WITH kinds AS (
    SELECT *,
        CASE
            WHEN unit = '元' THEN 'money'
            WHEN unit IN ('名', '人', '位', '人次') THEN 'people'
            WHEN unit IN ('家', '户') OR what LIKE '%企%' AND unit IN ('个') THEN 'firms'
            WHEN unit = '%' THEN 'percent'
        END AS kind
    FROM v_count_facts
)
SELECT
    kind,
    province,
    month,
    measure_code,
    count(*) AS facts,
    count(DISTINCT article_id) AS articles,
    sum(value) AS total,
    avg(value) AS mean,
    min(value) AS min_value,
    max(value) AS max_value
FROM kinds
WHERE kind IS NOT NULL
GROUP BY ALL;
