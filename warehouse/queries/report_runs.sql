-- Report chart "data quality of recent runs": the $runs latest runs with what they loaded
-- and how many expectations passed and failed.
SELECT run_label AS label, run_id, started_at, status, files_seen, articles_new,
       articles_unchanged, files_rejected, articles_quarantined, facts_loaded,
       rejects_by_reason, dq_passed, dq_failed
FROM v_run_coverage
ORDER BY started_at DESC, run_id
LIMIT $runs;
