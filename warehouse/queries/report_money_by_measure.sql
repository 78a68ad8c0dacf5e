-- Report chart "money by measure": the sum in 元 of every money quantity per measure
-- (未归类 = no measure found in its sentence).
SELECT coalesce(measure_name_zh, '未归类') AS label,
       sum(value) AS total_yuan,
       count(*) AS facts,
       count(DISTINCT article_id) AS articles
FROM v_count_facts
WHERE unit_class = 'money'
GROUP BY label
ORDER BY total_yuan DESC, label;
