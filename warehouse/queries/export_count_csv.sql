-- Rows in an exported CSV file (with header), read back from disk.
SELECT count(*) AS n FROM read_csv($path, header = true);
