-- Export of fact_measure: every column of the table plus its article, region path and
-- measure names (the v_measure_facts shape), one row per fact_measure row.
SELECT * FROM v_measure_facts ORDER BY article_id, "start", "end", measure_code;
