-- Staged facts of one fact table in one validation chunk (the facts of the chunk's articles,
-- by the rule of chunk_articles.sql), with the offset checks computed against the staged
-- body (chunk_bodies): offsets_in_body (0 <= start < end <= length(body)) and mention_matches
-- (body[start:end]). Evidence sentences stay out: the frames handed to GX should be small.
WITH facts AS (
    SELECT COLUMNS(lambda c: c <> 'evidence') FROM read_parquet($facts, union_by_name = true)
    WHERE hash(article_id) % $chunks = $chunk
)
SELECT
    f.*,
    coalesce(f."start" >= 0 AND f."start" < f."end" AND f."end" <= a.body_length, false)
        AS offsets_in_body,
    coalesce(substring(a.body, f."start" + 1, f."end" - f."start") = f.mention, false)
        AS mention_matches
FROM facts f
LEFT JOIN chunk_bodies a USING (article_id)
ORDER BY f.row_id;
