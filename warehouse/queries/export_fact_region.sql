-- Export of fact_region: every column of the table plus its article and the region's
-- name, level and path, one row per fact_region row.
SELECT
    f.article_id,
    a.title,
    a.source_name,
    a.publisher,
    a.publish_date,
    f.sentence_no,
    f."start",
    f."end",
    f.mention,
    f.region_code,
    r.name AS region_name,
    r.level AS region_level,
    r.region_label,
    r.parent_code,
    r.province,
    r.city,
    r.county
FROM fact_region f
JOIN dim_article a USING (article_id)
LEFT JOIN v_region r USING (region_code)
ORDER BY f.article_id, f."start", f."end", f.region_code;
