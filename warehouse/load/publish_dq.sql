-- The run's data-quality results (registered frame dq_rows), in the load transaction.
INSERT INTO dq_result BY NAME SELECT * FROM dq_rows;
