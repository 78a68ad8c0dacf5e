-- Report chart "timeline by month": quantities per month they are about, by unit class.
-- Quantities with no date are left out of the chart (the page says how many).
SELECT strftime(month, '%Y-%m') AS label, unit_class, count(*) AS facts
FROM v_count_facts
WHERE month IS NOT NULL
GROUP BY ALL
ORDER BY label, unit_class;
