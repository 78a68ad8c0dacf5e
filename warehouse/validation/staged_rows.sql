-- Rows in a list of staged Parquet files, read from their footers (no data pages): cheap
-- enough to size the validation chunks before reading anything.
SELECT coalesce(sum(num_rows), 0)::BIGINT FROM parquet_file_metadata($files);
