-- Evidence under "data quality of recent runs": the failed expectations of the $runs latest
-- runs, critical first.
WITH recent AS (
    SELECT run_id, run_label, started_at FROM v_run_coverage
    ORDER BY started_at DESC, run_id
    LIMIT $runs
)
SELECT
    r.run_label AS label,
    d.suite,
    d.expectation,
    d.column_name,
    d.severity,
    d.unexpected_count,
    d.element_count,
    d.observed_value
FROM dq_result d
JOIN recent r USING (run_id)
WHERE NOT d.success
ORDER BY r.started_at DESC, label, d.severity = 'critical' DESC, d.suite, d.expectation;
