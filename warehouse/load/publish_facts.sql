-- Facts of one fact table ({table}) for the articles publish_articles.sql chose. DISTINCT
-- folds identical facts of identical files staged twice; rows that failed a critical check,
-- and all facts of a quarantined article, go to quarantine_{table} with the check named.

DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM replaced);

INSERT INTO {table} BY NAME
SELECT DISTINCT * EXCLUDE (row_id) FROM stg_{table}
WHERE article_id IN (SELECT article_id FROM load_article)
  AND row_id NOT IN (SELECT row_id FROM stg_q_{table});

INSERT INTO quarantine_{table} BY NAME
SELECT f.* EXCLUDE (row_id), $run_id AS q_run_id,
       coalesce(q.failed_check, 'article quarantined: ' || qa.failed_check) AS failed_check
FROM stg_{table} f
LEFT JOIN stg_q_{table} q USING (row_id)
LEFT JOIN (SELECT article_id, any_value(failed_check) AS failed_check
           FROM q_article GROUP BY article_id) qa USING (article_id)
WHERE q.row_id IS NOT NULL OR qa.article_id IS NOT NULL;
