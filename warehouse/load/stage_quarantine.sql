-- Row ids of one staged table that failed a critical check (registered frame quarantine_ids).
CREATE OR REPLACE TEMP TABLE stg_q_{table} AS
SELECT row_id::BIGINT AS row_id, failed_check::VARCHAR AS failed_check FROM quarantine_ids;
