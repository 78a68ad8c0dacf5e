-- Dimensions of warehouse.md. Applied at every run; every statement is idempotent.

CREATE TABLE IF NOT EXISTS dim_region (
    region_code  VARCHAR PRIMARY KEY,   -- six-digit GB/T 2260 code
    name         VARCHAR NOT NULL,      -- official full name, Simplified
    level        VARCHAR NOT NULL CHECK (level IN ('province', 'city', 'county')),
    parent_code  VARCHAR,
    province     VARCHAR,
    city         VARCHAR,
    county       VARCHAR
);

CREATE TABLE IF NOT EXISTS dim_measure (
    measure_code VARCHAR PRIMARY KEY,
    name_zh      VARCHAR NOT NULL,
    name_en      VARCHAR NOT NULL,
    keywords     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS dim_article (
    article_id      VARCHAR PRIMARY KEY,  -- first 16 hex of sha256 of the raw bytes
    source_path     VARCHAR NOT NULL,     -- relative to the input root
    source_name     VARCHAR NOT NULL,
    title           VARCHAR,
    publisher       VARCHAR,
    publish_date    DATE,
    script          VARCHAR NOT NULL CHECK (script IN ('simplified', 'traditional', 'mixed')),
    body            VARCHAR NOT NULL,
    raw_chars       INTEGER NOT NULL,
    body_chars      INTEGER NOT NULL,
    run_id          VARCHAR NOT NULL,
    -- beyond the contract: lets a rerun recognise an unchanged file without reading it
    input_root      VARCHAR,
    source_bytes    BIGINT,
    source_mtime_ns BIGINT,
    encoding        VARCHAR
);
