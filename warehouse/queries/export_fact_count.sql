-- Export of fact_count: every column of the table plus its article, region path and measure
-- (the v_count_facts shape), one row per fact_count row.
SELECT * FROM v_count_facts ORDER BY article_id, "start", "end", mention;
