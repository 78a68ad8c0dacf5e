-- Export of fact_date: every column of the table plus its article, one row per fact_date row.
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
    f.date_start,
    f.date_end,
    f.granularity
FROM fact_date f
JOIN dim_article a USING (article_id)
ORDER BY f.article_id, f."start", f."end";
