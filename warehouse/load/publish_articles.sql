-- Which articles this run publishes, inside the caller's transaction. Idempotent by
-- article_id: an article already in the warehouse is left alone (unless full_refresh);
-- a changed file replaces the article loaded earlier from the same path; articles that
-- failed a critical check (or every article, when the run failed a batch-level check) go
-- to quarantine_article instead.

CREATE OR REPLACE TEMP TABLE q_article AS
SELECT a.row_id, a.article_id, q.failed_check
FROM stg_dim_article a JOIN stg_q_dim_article q USING (row_id)
UNION ALL
SELECT a.row_id, a.article_id, $run_failure AS failed_check
FROM stg_dim_article a WHERE $run_failure IS NOT NULL;

-- One row per article_id: the first path wins when identical files were staged twice.
-- Keys only: the insert below reads the rest (bodies) from stg_dim_article once.
CREATE OR REPLACE TEMP TABLE load_article AS
SELECT row_id, article_id, input_root, source_path
FROM stg_dim_article s
WHERE s.article_id NOT IN (SELECT article_id FROM q_article)
  AND ($full_refresh OR s.article_id NOT IN (SELECT article_id FROM dim_article))
QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY source_path) = 1;

CREATE OR REPLACE TEMP TABLE new_article AS
SELECT article_id FROM load_article
WHERE article_id NOT IN (SELECT article_id FROM dim_article);

-- Earlier articles these replace (same file, other bytes) and articles refreshed in place.
CREATE OR REPLACE TEMP TABLE replaced AS
SELECT a.article_id
FROM dim_article a JOIN load_article s
  ON a.input_root IS NOT DISTINCT FROM s.input_root AND a.source_path = s.source_path
UNION
SELECT article_id FROM load_article;

DELETE FROM dim_article WHERE article_id IN (SELECT article_id FROM replaced);

INSERT INTO dim_article BY NAME
SELECT * EXCLUDE (row_id) FROM stg_dim_article
WHERE row_id IN (SELECT row_id FROM load_article);

INSERT INTO quarantine_article BY NAME
SELECT a.* EXCLUDE (row_id), $run_id AS q_run_id, q.failed_check
FROM stg_dim_article a JOIN q_article q USING (row_id);
