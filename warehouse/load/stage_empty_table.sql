-- The same temp table when the run staged nothing for it.
CREATE OR REPLACE TEMP TABLE stg_{table} AS
SELECT *, NULL::BIGINT AS row_id FROM {table} WITH NO DATA;
