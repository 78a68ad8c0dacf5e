-- Rows in an exported Parquet file, read back from disk.
SELECT count(*) AS n FROM read_parquet($path);
