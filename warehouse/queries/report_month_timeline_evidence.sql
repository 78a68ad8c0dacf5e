-- Evidence under "timeline by month": per month, its first $top quantities in article order.
-- Top N per month as in report_province_facts_evidence.sql: the first keys by min_by, then
-- only those rows' sentences by rowid.
WITH facts AS (
    SELECT rowid AS fact_row, article_id, "start", date_start, unit_class, region_code
    FROM fact_count
    WHERE date_start IS NOT NULL
),
firsts AS (
    SELECT label, unnest(firsts, recursive := true)
    FROM (
        SELECT strftime(date_start, '%Y-%m') AS label,
               min_by(struct_pack(fact_row, article_id, "start", date_start, unit_class,
                                  region_code),
                      struct_pack(date_start, article_id, "start"), $top) AS firsts
        FROM facts
        GROUP BY label
    )
),
texts AS (
    SELECT rowid AS fact_row, mention, evidence
    FROM fact_count WHERE rowid IN (SELECT fact_row FROM firsts)
)
SELECT f.label, f.date_start, f.unit_class, r.region_label, a.title, t.mention, t.evidence
FROM firsts f
JOIN texts t USING (fact_row)
JOIN dim_article a USING (article_id)
LEFT JOIN v_region r USING (region_code)
ORDER BY f.label, f.date_start, f.article_id, f."start";
