-- v_province_facts: how much each province figures in the warehouse: articles that name it
-- (or a place in it), and its region mentions, quantities and measure mentions. A fact
-- counts for the province of its own region_code; quantities and measures with no region
-- are grouped under province null.
-- Columns: province, articles, region_mentions, counts, measures, facts (the sum of the three).
CREATE OR REPLACE VIEW v_province_facts AS
WITH facts AS (
    SELECT 'region' AS kind, article_id, region_code FROM fact_region
    UNION ALL SELECT 'count', article_id, region_code FROM fact_count
    UNION ALL SELECT 'measure', article_id, region_code FROM fact_measure
)
SELECT
    r.province,
    count(DISTINCT f.article_id) AS articles,
    count(*) FILTER (f.kind = 'region') AS region_mentions,
    count(*) FILTER (f.kind = 'count') AS counts,
    count(*) FILTER (f.kind = 'measure') AS measures,
    count(*) AS facts
FROM facts f
LEFT JOIN v_region r USING (region_code)
GROUP BY r.province;
