SELECT article_id, mention, value, value_max, approx, unit, what
FROM fact_count ORDER BY article_id, "start";
