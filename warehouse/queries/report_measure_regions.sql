-- Report chart "top regions per measure": for each measure, the $regions regions with the most
-- mentions of it (ties broken by region code).
SELECT measure_name_zh AS label, region_label, region_code, province, mentions, articles
FROM v_measures_by_region
WHERE region_code IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY measure_code ORDER BY mentions DESC, region_code) <= $regions
ORDER BY label, mentions DESC, region_code;
