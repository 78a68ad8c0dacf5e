-- Files already loaded from an input root, to recognise unchanged files without reading them.
SELECT source_path, source_bytes, source_mtime_ns
FROM dim_article
WHERE input_root = $input_root;
