-- The run's row in etl_run, written in the same transaction as its data.
INSERT INTO etl_run VALUES (
    $run_id, $started_at, $finished_at, $status, $files_seen, $articles_new,
    $articles_unchanged, $files_rejected, $facts_loaded, $parameters
);
