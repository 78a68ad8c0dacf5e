-- Quantities with no date: the timeline cannot place them.
SELECT count(*) AS n FROM v_count_facts WHERE month IS NULL;
