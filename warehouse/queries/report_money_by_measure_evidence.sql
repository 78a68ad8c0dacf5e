-- Evidence under "money by measure": per measure, its $top largest money quantities.
SELECT coalesce(measure_name_zh, '未归类') AS label, value, region_label, title, mention, evidence
FROM v_count_facts
WHERE unit_class = 'money'
QUALIFY row_number() OVER (PARTITION BY label ORDER BY value DESC, article_id, "start") <= $top
ORDER BY label, value DESC, article_id, "start";
