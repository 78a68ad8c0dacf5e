-- Report chart "facts per province": region mentions, quantities and measure mentions per
-- province (v_province_facts); facts with no region are labelled 未定位 (unlocated).
SELECT coalesce(province, '未定位') AS label, articles, region_mentions, counts, measures, facts
FROM v_province_facts
ORDER BY facts DESC, label;
