-- Evidence under "top regions per measure": per measure, its first $top mentions, located
-- ones first.
SELECT measure_name_zh AS label, region_label, title, mention, evidence
FROM v_measure_facts
QUALIFY row_number() OVER (
    PARTITION BY label ORDER BY region_code IS NULL, article_id, sentence_no, "start") <= $top
ORDER BY label, region_code IS NULL, article_id, sentence_no, "start";
