-- v_count_facts: every quantity with its article, publish date, region path, measure,
-- unit class and the sentence it was read from. The starting point for ad-hoc questions.
CREATE OR REPLACE VIEW v_count_facts AS
SELECT
    c.article_id,
    a.title,
    a.source_name,
    a.publish_date,
    c.date_start,
    date_trunc('month', c.date_start)::DATE AS month,
    c.region_code,
    r.province,
    r.city,
    r.county,
    c.measure_code,
    m.name_en AS measure_name,
    c.mention,
    c.value,
    c.value_max,
    c.approx,
    c.unit,
    c.unit_class,
    c.what,
    c.evidence
FROM fact_count c
JOIN dim_article a USING (article_id)
LEFT JOIN dim_region r USING (region_code)
LEFT JOIN dim_measure m USING (measure_code);
