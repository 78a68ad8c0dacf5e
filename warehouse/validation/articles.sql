-- Staged articles of one validation chunk as the `articles` suite sees them: everything but
-- the body text, plus the body's share of CJK characters, computed here so the suite need
-- not hold bodies. Chunk $chunk of $chunks holds the articles whose article_id hashes to it
-- (facts.sql uses the same rule, so an article and its facts meet in one chunk); rows stay
-- in row_id order, which is the order the reports quote offending rows in.
SELECT
    row_id, article_id, title, publisher, publish_date, script, raw_chars, body_chars,
    length(regexp_replace(body, '[^\p{Han}]', '', 'g'))::DOUBLE / greatest(length(body), 1)
        AS cjk_share
FROM read_parquet($articles, union_by_name = true)
WHERE hash(article_id) % $chunks = $chunk
ORDER BY row_id;
