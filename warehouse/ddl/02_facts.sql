-- Fact tables: one row per mention in a body; offsets index dim_article.body.

CREATE TABLE IF NOT EXISTS fact_region (
    article_id  VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    mention     VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_count (
    article_id   VARCHAR NOT NULL,
    sentence_no  INTEGER NOT NULL,
    "start"      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    mention      VARCHAR NOT NULL,
    value        DOUBLE NOT NULL,
    value_max    DOUBLE,
    approx       BOOLEAN NOT NULL,
    unit         VARCHAR NOT NULL,
    unit_class   VARCHAR NOT NULL,
    what         VARCHAR,
    region_code  VARCHAR,
    date_start   DATE,
    measure_code VARCHAR,
    evidence     VARCHAR              -- the sentence the count was read from
);

CREATE TABLE IF NOT EXISTS fact_date (
    article_id  VARCHAR NOT NULL,
    sentence_no INTEGER NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    mention     VARCHAR NOT NULL,
    date_start  DATE NOT NULL,
    date_end    DATE NOT NULL,
    granularity VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_measure (
    article_id   VARCHAR NOT NULL,
    sentence_no  INTEGER NOT NULL,
    "start"      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    mention      VARCHAR NOT NULL,
    measure_code VARCHAR NOT NULL,
    region_code  VARCHAR,
    evidence     VARCHAR              -- the sentence that reports the measure
);
