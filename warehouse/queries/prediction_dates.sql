SELECT article_id, mention, date_start, date_end, granularity
FROM fact_date ORDER BY article_id, "start";
