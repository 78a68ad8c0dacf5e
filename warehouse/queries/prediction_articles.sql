-- Articles of the warehouse, for evaluation against gold.
SELECT article_id, source_name, title, publish_date
FROM dim_article
ORDER BY source_name;
