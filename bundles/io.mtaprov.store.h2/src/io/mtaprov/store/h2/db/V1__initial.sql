-- Schema version 1: trace events and generated files.
CREATE TABLE trace_event (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    ts_nanos   BIGINT        NOT NULL,          -- epoch nanoseconds
    mta_mac    VARCHAR(17)   NOT NULL,
    step       TINYINT       NOT NULL,          -- 1..10, PROTOCOL.md "The ten steps"
    source     VARCHAR(8)    NOT NULL,
    direction  VARCHAR(8)    NOT NULL,
    peer       VARCHAR(64)   NOT NULL,
    summary    VARCHAR(1000) NOT NULL,
    detail     VARCHAR(65535) NOT NULL,
    outcome    VARCHAR(10)   NOT NULL
);
CREATE INDEX trace_event_mta ON trace_event (mta_mac, id);

CREATE TABLE generated_file (
    name       VARCHAR(64)   PRIMARY KEY,
    mta_mac    VARCHAR(17)   NOT NULL,
    size       INT           NOT NULL,
    sha1_hex   CHAR(40)      NOT NULL,
    created_ms BIGINT        NOT NULL,
    content    VARBINARY(1048576) NOT NULL
);
CREATE INDEX generated_file_created ON generated_file (created_ms);
