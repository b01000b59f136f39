-- Attempts the provisioning server has accepted (enrollment INFORM) and not yet ended: recorded
-- durably when they start and removed with their result, so that after a crash or kill the next
-- start records each of them as FAILED with the reason instead of forgetting them (issue 10).
CREATE TABLE prov_open (
    mta_mac        VARCHAR(47)    PRIMARY KEY,        -- one attempt per MTA at a time (a reboot supersedes)
    correlation_id BIGINT         NOT NULL,
    flow           VARCHAR(16)    NOT NULL,
    started_ms     BIGINT         NOT NULL
);
