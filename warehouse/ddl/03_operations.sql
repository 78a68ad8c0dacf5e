-- Operational tables: runs, rejects and data-quality results.

CREATE TABLE IF NOT EXISTS etl_run (
    run_id             VARCHAR PRIMARY KEY,
    started_at         TIMESTAMP NOT NULL,
    finished_at        TIMESTAMP,
    status             VARCHAR NOT NULL,
    files_seen         INTEGER NOT NULL,
    articles_new       INTEGER NOT NULL,
    articles_unchanged INTEGER NOT NULL,
    files_rejected     INTEGER NOT NULL,
    facts_loaded       INTEGER NOT NULL,
    parameters         VARCHAR            -- JSON of the run's parameters
);

CREATE TABLE IF NOT EXISTS etl_reject (
    run_id      VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detail      VARCHAR
);

CREATE TABLE IF NOT EXISTS dq_result (
    run_id           VARCHAR NOT NULL,
    suite            VARCHAR NOT NULL,
    expectation      VARCHAR NOT NULL,
    column_name      VARCHAR,
    success          BOOLEAN NOT NULL,
    element_count    BIGINT,
    unexpected_count BIGINT,
    observed_value   VARCHAR,
    checked_at       TIMESTAMP NOT NULL,
    severity         VARCHAR
);
