-- Which run `zhfacts dq` reports on, with its etl_run row (NULLs when the run never loaded).
WITH run AS (
    SELECT coalesce($run_id, (SELECT run_id FROM dq_result ORDER BY checked_at DESC LIMIT 1))
        AS run_id
)
SELECT r.run_id, e.started_at, e.status, e.files_seen, e.articles_new, e.files_rejected,
       (SELECT count(*) FROM quarantine_article q WHERE q.q_run_id = r.run_id)
     + (SELECT count(*) FROM quarantine_fact_region q WHERE q.q_run_id = r.run_id)
     + (SELECT count(*) FROM quarantine_fact_count q WHERE q.q_run_id = r.run_id)
     + (SELECT count(*) FROM quarantine_fact_date q WHERE q.q_run_id = r.run_id)
     + (SELECT count(*) FROM quarantine_fact_measure q WHERE q.q_run_id = r.run_id)
        AS rows_quarantined
FROM run r LEFT JOIN etl_run e USING (run_id);
