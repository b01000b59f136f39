-- Schema version 2: DHCP leases (io.mtaprov.core.lease.Lease) and declined addresses.
-- One lease per MAC; an address belongs to at most one MAC (RFC 2131 section 4.3.1 bindings).
CREATE TABLE lease (
    mac          VARCHAR(47)   PRIMARY KEY,          -- lower-case colon hex (chaddr, up to 16 bytes)
    ip           VARCHAR(15)   NOT NULL,             -- dotted IPv4
    scope        VARCHAR(64)   NOT NULL,             -- CMTS scope selected by giaddr
    client_class VARCHAR(16)   NOT NULL,             -- pktc, docsis, other (option 60)
    vendor_class VARCHAR(255)  NOT NULL,             -- option 60 as sent
    hostname     VARCHAR(255)  NOT NULL,             -- MTA FQDN registered in DNS, or ''
    relay_info   VARCHAR(2048) NOT NULL,             -- option 82 as hex, or ''
    state        VARCHAR(10)   NOT NULL,             -- Lease.State
    start_ms     BIGINT        NOT NULL,
    expires_ms   BIGINT        NOT NULL,
    CONSTRAINT lease_ip_unique UNIQUE (ip)
);
CREATE INDEX lease_expires ON lease (state, expires_ms);
CREATE INDEX lease_start ON lease (start_ms);
CREATE INDEX lease_scope ON lease (scope);

-- Addresses a client declined (RFC 2131 section 4.3.3): not handed out before until_ms.
CREATE TABLE lease_conflict (
    ip           VARCHAR(15)   PRIMARY KEY,
    mac          VARCHAR(47)   NOT NULL,             -- the client that declined it
    declined_ms  BIGINT        NOT NULL,
    until_ms     BIGINT        NOT NULL
);
