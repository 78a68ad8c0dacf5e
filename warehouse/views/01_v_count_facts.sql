-- v_count_facts: every quantity (fact_count) with its article, publish date, region path,
-- measure, unit class and the sentence it was read from. The starting point for ad-hoc
-- questions about numbers: one row per fact_count row, nothing filtered.
--   article_id, title, source_name, publisher, publish_date  the article (dim_article)
--   date_start, month        the date the quantity is about, and its month (null if undated)
--   region_code, region_level, region_label, province, city, county
--                            the region it is about (region_label: see v_region), all null
--                            when no region was found
--   measure_code, measure_name_zh, measure_name   the measure (dim_measure), or null
--   sentence_no, start, end, mention              where it stands in dim_article.body
--   value, value_max, approx, unit, unit_class, what   the quantity (money in 元)
--   evidence                 the sentence it was read from
CREATE OR REPLACE VIEW v_count_facts AS
SELECT
    c.article_id,
    a.title,
    a.source_name,
    a.publisher,
    a.publish_date,
    c.date_start,
    date_trunc('month', c.date_start)::DATE AS month,
    c.region_code,
    r.level AS region_level,
    r.region_label,
    r.province,
    r.city,
    r.county,
    c.measure_code,
    m.name_zh AS measure_name_zh,
    m.name_en AS measure_name,
    c.sentence_no,
    c."start",
    c."end",
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
LEFT JOIN v_region r USING (region_code)
LEFT JOIN dim_measure m USING (measure_code);
