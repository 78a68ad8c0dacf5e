-- v_run_coverage: what each run saw and did: files, new/unchanged articles, rejects by
-- reason, quarantined articles, facts loaded and data-quality results.
-- Columns: run_id, run_label (start minute · first 8 characters of run_id, for charts),
-- started_at, finished_at, status, files_seen, articles_new, articles_unchanged,
-- files_rejected, articles_quarantined, facts_loaded, rejects_by_reason ('empty 2, no_body 1'),
-- dq_passed, dq_failed (expectations evaluated in the run that passed / failed).
CREATE OR REPLACE VIEW v_run_coverage AS
SELECT
    r.run_id,
    strftime(r.started_at, '%Y-%m-%d %H:%M') || ' · ' || left(r.run_id, 8) AS run_label,
    r.started_at,
    r.finished_at,
    r.status,
    r.files_seen,
    r.articles_new,
    r.articles_unchanged,
    r.files_rejected,
    (SELECT count(*) FROM quarantine_article q WHERE q.q_run_id = r.run_id) AS articles_quarantined,
    r.facts_loaded,
    (SELECT string_agg(reason || ' ' || n, ', ' ORDER BY reason)
       FROM (SELECT reason, count(*) AS n FROM etl_reject e WHERE e.run_id = r.run_id GROUP BY reason))
        AS rejects_by_reason,
    (SELECT count(*) FROM dq_result d WHERE d.run_id = r.run_id AND d.success) AS dq_passed,
    (SELECT count(*) FROM dq_result d WHERE d.run_id = r.run_id AND NOT d.success) AS dq_failed
FROM etl_run r;
