-- v_measures_by_region: which measures each region's articles report, with how many
-- articles and mentions, at the most specific level the sentence named.
CREATE OR REPLACE VIEW v_measures_by_region AS
SELECT
    r.province,
    r.city,
    r.county,
    f.region_code,
    f.measure_code,
    m.name_zh AS measure_name_zh,
    m.name_en AS measure_name,
    count(DISTINCT f.article_id) AS articles,
    count(*) AS mentions
FROM fact_measure f
JOIN dim_measure m USING (measure_code)
LEFT JOIN dim_region r USING (region_code)
GROUP BY ALL;
