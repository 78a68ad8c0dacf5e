-- Evidence under "facts per province": per province, the first $top quantities and measure
-- mentions in article order, with the sentence each was read from.
WITH facts AS (
    SELECT province, '数量' AS kind, region_label, title, article_id, sentence_no, "start",
           mention, evidence
    FROM v_count_facts
    UNION ALL
    SELECT province, '措施', region_label, title, article_id, sentence_no, "start",
           mention, evidence
    FROM v_measure_facts
)
SELECT coalesce(province, '未定位') AS label, kind, region_label, title, mention, evidence
FROM facts
QUALIFY row_number() OVER (
    PARTITION BY label ORDER BY article_id, sentence_no, "start", kind) <= $top
ORDER BY label, article_id, sentence_no, "start", kind;
