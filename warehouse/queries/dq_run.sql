-- The data-quality results of one run ($run_id, or the latest run when it is NULL),
-- failures first, with how many rows each failure quarantined.
WITH run AS (
    SELECT coalesce($run_id, (SELECT run_id FROM dq_result ORDER BY checked_at DESC LIMIT 1))
        AS run_id
)
SELECT suite, expectation, column_name, severity, success, element_count, unexpected_count,
       observed_value
FROM dq_result
WHERE run_id = (SELECT run_id FROM run)
ORDER BY success, severity, suite, expectation;
