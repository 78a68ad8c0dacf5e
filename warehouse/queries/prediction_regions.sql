SELECT article_id, region_code FROM fact_region ORDER BY article_id, "start";
