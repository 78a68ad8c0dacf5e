-- v_dq_latest: the latest status of each data-quality suite (from its most recent run).
-- Columns: suite, run_id, checked_at, passed (every expectation succeeded), expectations,
-- failed, critical_failed (failed with severity 'critical'), failing (their names).
CREATE OR REPLACE VIEW v_dq_latest AS
WITH latest AS (
    SELECT suite, max(checked_at) AS checked_at FROM dq_result GROUP BY suite
)
SELECT
    d.suite,
    any_value(d.run_id) AS run_id,
    d.checked_at,
    bool_and(d.success) AS passed,
    count(*) AS expectations,
    count(*) FILTER (NOT d.success) AS failed,
    count(*) FILTER (NOT d.success AND d.severity = 'critical') AS critical_failed,
    string_agg(d.expectation, ', ') FILTER (NOT d.success) AS failing
FROM dq_result d JOIN latest USING (suite, checked_at)
GROUP BY d.suite, d.checked_at;
