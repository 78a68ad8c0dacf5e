-- v_measure_facts: every measure mention (fact_measure) with its article, region path and
-- measure names, and the sentence that reports it: the counterpart of v_count_facts for
-- "which kinds of support were reported where, and in which words".
-- Columns: article_id, title, source_name, publish_date, region_code, region_level,
-- region_label, province, city, county, measure_code, measure_name_zh, measure_name,
-- sentence_no, start, end, mention, evidence.
CREATE OR REPLACE VIEW v_measure_facts AS
SELECT
    f.article_id,
    a.title,
    a.source_name,
    a.publish_date,
    f.region_code,
    r.level AS region_level,
    r.region_label,
    r.province,
    r.city,
    r.county,
    f.measure_code,
    m.name_zh AS measure_name_zh,
    m.name_en AS measure_name,
    f.sentence_no,
    f."start",
    f."end",
    f.mention,
    f.evidence
FROM fact_measure f
JOIN dim_article a USING (article_id)
JOIN dim_measure m USING (measure_code)
LEFT JOIN v_region r USING (region_code);
