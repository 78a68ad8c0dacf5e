-- Evidence under "money by measure": per measure, its $top largest money quantities.
-- Top N per measure as in report_province_facts_evidence.sql: the first keys by min_by, then
-- only those rows' sentences by rowid.
WITH facts AS (
    SELECT rowid AS fact_row, article_id, "start", value, -value AS largest_first,
           region_code, measure_code
    FROM fact_count
    WHERE unit_class = 'money'
),
firsts AS (
    SELECT label, unnest(firsts, recursive := true)
    FROM (
        SELECT coalesce(m.name_zh, '未归类') AS label,
               min_by(struct_pack(fact_row, article_id, "start", value, region_code),
                      struct_pack(largest_first, article_id, "start"), $top) AS firsts
        FROM facts f
        LEFT JOIN dim_measure m USING (measure_code)
        GROUP BY label
    )
),
texts AS (
    SELECT rowid AS fact_row, mention, evidence
    FROM fact_count WHERE rowid IN (SELECT fact_row FROM firsts)
)
SELECT f.label, f.value, r.region_label, a.title, t.mention, t.evidence
FROM firsts f
JOIN texts t USING (fact_row)
JOIN dim_article a USING (article_id)
LEFT JOIN v_region r USING (region_code)
ORDER BY f.label, f.value DESC, f.article_id, f."start";
