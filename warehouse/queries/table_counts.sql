SELECT 'dim_article' AS table_name, count(*) AS n FROM dim_article
UNION ALL SELECT 'fact_region', count(*) FROM fact_region
UNION ALL SELECT 'fact_count', count(*) FROM fact_count
UNION ALL SELECT 'fact_date', count(*) FROM fact_date
UNION ALL SELECT 'fact_measure', count(*) FROM fact_measure
UNION ALL SELECT 'etl_reject', count(*) FROM etl_reject;
