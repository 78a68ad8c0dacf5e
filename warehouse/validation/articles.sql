-- Staged articles of one validation chunk (chunk_articles.sql) as the `articles` suite sees
-- them: everything but the body text, plus the body's share of CJK characters, computed here
-- so the suite need not hold bodies. Rows stay in row_id order, which is the order the
-- reports quote offending rows in.
SELECT
    row_id, article_id, title, publisher, publish_date, script, raw_chars, body_chars,
    length(regexp_replace(body, '[^\p{Han}]', '', 'g'))::DOUBLE / greatest(length(body), 1)
        AS cjk_share
FROM chunk_articles
ORDER BY row_id;
