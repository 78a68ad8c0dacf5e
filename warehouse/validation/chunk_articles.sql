-- The staged articles of one validation chunk, bodies included, read from the staged files
-- once per chunk: articles.sql and the facts.sql query of every fact table read this table.
-- (Each used to scan every staged article file itself: at 100,000 articles in 6 chunks that
-- was 30 scans of all the bodies.) Chunk $chunk of $chunks holds the articles whose
-- article_id hashes to it, so identical files, which share an article_id, meet in one chunk.
CREATE TEMP TABLE chunk_articles AS
SELECT * FROM read_parquet($articles, union_by_name = true)
WHERE hash(article_id) % $chunks = $chunk;
