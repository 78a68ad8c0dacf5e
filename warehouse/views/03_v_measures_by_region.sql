-- v_measures_by_region: which measures each region's articles report, with how many articles
-- and mentions, at the most specific level the sentence named (a county's mentions are not
-- repeated on its city or province: group by province to roll up). Region columns are null
-- for measure mentions with no region.
-- Columns: province, city, county, region_code, region_label, measure_code, measure_name_zh,
-- measure_name, articles, mentions.
CREATE OR REPLACE VIEW v_measures_by_region AS
SELECT
    r.province,
    r.city,
    r.county,
    f.region_code,
    r.region_label,
    f.measure_code,
    m.name_zh AS measure_name_zh,
    m.name_en AS measure_name,
    count(DISTINCT f.article_id) AS articles,
    count(*) AS mentions
FROM fact_measure f
JOIN dim_measure m USING (measure_code)
LEFT JOIN v_region r USING (region_code)
GROUP BY ALL;
