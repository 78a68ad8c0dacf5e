-- A staged table of this run (Parquet files written by the transform tasks) as a temp
-- table. Rows carry a run-unique row_id so validation results can name the rows they fail.
CREATE OR REPLACE TEMP TABLE stg_{table} AS
SELECT * FROM read_parquet($files, union_by_name = true);
