-- Evidence under "top regions per measure": per measure, its first $top mentions, located
-- ones first. Top N per measure as in report_province_facts_evidence.sql: the first keys by
-- min_by, then only those rows' sentences by rowid.
WITH facts AS (
    SELECT rowid AS fact_row, article_id, sentence_no, "start", region_code,
           region_code IS NULL AS unlocated, measure_code
    FROM fact_measure
),
firsts AS (
    SELECT label, unnest(firsts, recursive := true)
    FROM (
        SELECT m.name_zh AS label,
               min_by(struct_pack(fact_row, article_id, sentence_no, "start", region_code,
                                  unlocated),
                      struct_pack(unlocated, article_id, sentence_no, "start"), $top) AS firsts
        FROM facts f
        JOIN dim_measure m USING (measure_code)
        GROUP BY label
    )
),
texts AS (
    SELECT rowid AS fact_row, mention, evidence
    FROM fact_measure WHERE rowid IN (SELECT fact_row FROM firsts)
)
SELECT f.label, r.region_label, a.title, t.mention, t.evidence
FROM firsts f
JOIN texts t USING (fact_row)
JOIN dim_article a USING (article_id)
LEFT JOIN v_region r USING (region_code)
ORDER BY f.label, f.unlocated, f.article_id, f.sentence_no, f."start";
