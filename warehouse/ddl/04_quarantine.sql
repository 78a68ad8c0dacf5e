-- Rows that failed a critical data-quality check stay here, named by the check, instead of
-- reaching the tables analysts query. Same columns as their table, plus run and reason.

CREATE TABLE IF NOT EXISTS quarantine_article AS
    SELECT *, NULL::VARCHAR AS q_run_id, NULL::VARCHAR AS failed_check FROM dim_article WITH NO DATA;
CREATE TABLE IF NOT EXISTS quarantine_fact_region AS
    SELECT *, NULL::VARCHAR AS q_run_id, NULL::VARCHAR AS failed_check FROM fact_region WITH NO DATA;
CREATE TABLE IF NOT EXISTS quarantine_fact_count AS
    SELECT *, NULL::VARCHAR AS q_run_id, NULL::VARCHAR AS failed_check FROM fact_count WITH NO DATA;
CREATE TABLE IF NOT EXISTS quarantine_fact_date AS
    SELECT *, NULL::VARCHAR AS q_run_id, NULL::VARCHAR AS failed_check FROM fact_date WITH NO DATA;
CREATE TABLE IF NOT EXISTS quarantine_fact_measure AS
    SELECT *, NULL::VARCHAR AS q_run_id, NULL::VARCHAR AS failed_check FROM fact_measure WITH NO DATA;
