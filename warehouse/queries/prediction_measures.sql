SELECT article_id, measure_code FROM fact_measure ORDER BY article_id, "start";
