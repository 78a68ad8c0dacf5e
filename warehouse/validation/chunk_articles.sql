-- The staged articles of one validation chunk, bodies included, read from the staged files
-- once per chunk: articles.sql and the facts.sql query of every fact table read these
-- tables. (Each used to scan every staged article file itself: at 100,000 articles in 6
-- chunks that was 30 scans of all the bodies.) Chunk $chunk of $chunks holds the articles
-- whose article_id hashes to it, so identical files, which share an article_id, meet in one
-- chunk.
CREATE TEMP TABLE chunk_articles AS
SELECT * FROM read_parquet($articles, union_by_name = true)
WHERE hash(article_id) % $chunks = $chunk;

-- One body per article_id (identical files have identical bodies), for the fact tables'
-- offset checks: grouped once here rather than once per fact table (≈0.25 s of the
-- ≈1.3 s that building an 8,000-article chunk took). The length in characters is counted
-- here once per body: length() walks the whole UTF-8 body, and per fact row that walk was
-- most of the facts queries' time (≈ 14 measures an article).
CREATE TEMP TABLE chunk_bodies AS
SELECT article_id, body, length(body) AS body_length
FROM (SELECT article_id, any_value(body) AS body FROM chunk_articles GROUP BY article_id);
