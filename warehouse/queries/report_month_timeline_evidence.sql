-- Evidence under "timeline by month": per month, its first $top quantities in article order.
SELECT strftime(month, '%Y-%m') AS label, date_start, unit_class, region_label, title, mention,
       evidence
FROM v_count_facts
WHERE month IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY label ORDER BY date_start, article_id, "start") <= $top
ORDER BY label, date_start, article_id, "start";
