-- Evidence under "facts per province": per province, the first $top quantities and measure
-- mentions in article order, with the sentence each was read from.
-- Top N per group without sorting every fact with its sentence: min_by(…, $top) keeps each
-- province's first $top keys in one pass over narrow columns, and only those rows' texts
-- are read back by rowid. (A window over v_count_facts ∪ v_measure_facts took 6 s at
-- 100,000 articles, on every run's report; this takes 0.4 s.)
WITH facts AS (
    SELECT '数量' AS kind, rowid AS fact_row, article_id, sentence_no, "start", region_code
    FROM fact_count
    UNION ALL
    SELECT '措施', rowid, article_id, sentence_no, "start", region_code
    FROM fact_measure
    WHERE measure_code IN (SELECT measure_code FROM dim_measure)  -- as v_measure_facts
),
firsts AS (
    SELECT label, unnest(firsts, recursive := true)
    FROM (
        SELECT coalesce(r.province, '未定位') AS label,
               min_by(struct_pack(kind, fact_row, article_id, sentence_no, "start",
                                  r.region_label),
                      struct_pack(article_id, sentence_no, "start", kind), $top) AS firsts
        FROM facts f
        LEFT JOIN v_region r USING (region_code)
        GROUP BY label
    )
),
texts AS (
    SELECT '数量' AS kind, rowid AS fact_row, mention, evidence
    FROM fact_count WHERE rowid IN (SELECT fact_row FROM firsts WHERE kind = '数量')
    UNION ALL
    SELECT '措施', rowid, mention, evidence
    FROM fact_measure WHERE rowid IN (SELECT fact_row FROM firsts WHERE kind = '措施')
)
SELECT f.label, f.kind, f.region_label, a.title, t.mention, t.evidence
FROM firsts f
JOIN texts t USING (kind, fact_row)
JOIN dim_article a USING (article_id)
ORDER BY f.label, f.article_id, f.sentence_no, f."start", f.kind;
