-- What publish_*.sql did, read before COMMIT.
SELECT
    (SELECT count(*) FROM new_article) AS articles_new,
    (SELECT count(DISTINCT article_id) FROM q_article) AS articles_quarantined,
    (SELECT count(*) FROM stg_etl_reject) AS files_rejected,
    (SELECT count(*) FROM fact_region WHERE article_id IN (SELECT article_id FROM load_article))
  + (SELECT count(*) FROM fact_count WHERE article_id IN (SELECT article_id FROM load_article))
  + (SELECT count(*) FROM fact_date WHERE article_id IN (SELECT article_id FROM load_article))
  + (SELECT count(*) FROM fact_measure WHERE article_id IN (SELECT article_id FROM load_article))
        AS facts_loaded;
