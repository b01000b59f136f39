-- Schema version 3: the layers of config file generation and the results of provisioning attempts
-- (io.mtaprov.core.provisioning: DeviceClass, ProvisioningStore, ProvisioningResult).
CREATE TABLE prov_device_class (
    id           VARCHAR(64)    PRIMARY KEY,
    priority     INT            NOT NULL,             -- higher wins among matching classes
    vendor       VARCHAR(255)   NOT NULL,             -- substring patterns, '' matches anything
    model        VARCHAR(255)   NOT NULL,
    device_type  VARCHAR(255)   NOT NULL,
    mib_tree     VARCHAR(16)    NOT NULL,             -- CABLELABS, IETF or '' for either
    template     VARCHAR(65535) NOT NULL,             -- docsis text form with placeholders
    get_oids     VARCHAR(4096)  NOT NULL,             -- comma-separated objects to GET in step 5a
    updated_ms   BIGINT         NOT NULL
);

-- Variables of the layers: CLASS (owner = device class id), CMTS (owner = scope, '*' for all), MTA (owner = MAC).
CREATE TABLE prov_variable (
    layer        VARCHAR(8)     NOT NULL,
    owner        VARCHAR(128)   NOT NULL,
    name         VARCHAR(128)   NOT NULL,
    val          VARCHAR(4096)  NOT NULL,
    PRIMARY KEY (layer, owner, name)
);

CREATE TABLE prov_result (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    mta_mac        VARCHAR(47)    NOT NULL,
    correlation_id BIGINT         NOT NULL,           -- pktcMtaDevCorrelationId, 0 in the Basic flow
    flow           VARCHAR(16)    NOT NULL,           -- realm name, e.g. HYBRID.2
    state          VARCHAR(20)    NOT NULL,           -- COMPLETE, FAILED or SUPERSEDED
    reason         VARCHAR(4096)  NOT NULL,
    file_name      VARCHAR(64)    NOT NULL,
    status_code    INT,                               -- pktcMtaDevProvisioningState, NULL without status INFORM
    started_ms     BIGINT         NOT NULL,
    ended_ms       BIGINT         NOT NULL
);
CREATE INDEX prov_result_mac ON prov_result (mta_mac, id);

-- Lines of the generated file the MTA rejected (pktcMtaDevErrorOidsTable after passWithWarnings).
CREATE TABLE prov_rejected_line (
    result_id    BIGINT         NOT NULL REFERENCES prov_result (id) ON DELETE CASCADE,
    seq          INT            NOT NULL,
    line_no      INT            NOT NULL,             -- 1-based line of the text form, 0 if not found
    oid          VARCHAR(255)   NOT NULL,
    line_text    VARCHAR(4096)  NOT NULL,
    reason       VARCHAR(1024)  NOT NULL,
    PRIMARY KEY (result_id, seq)
);
