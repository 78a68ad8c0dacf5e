-- The latest status of each data-quality suite, for the report's DQ table.
SELECT suite, run_id, checked_at, passed, expectations, failed, critical_failed, failing
FROM v_dq_latest
ORDER BY suite;
