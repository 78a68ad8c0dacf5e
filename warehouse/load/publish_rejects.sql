INSERT INTO etl_reject BY NAME SELECT * EXCLUDE (row_id) FROM stg_etl_reject;
