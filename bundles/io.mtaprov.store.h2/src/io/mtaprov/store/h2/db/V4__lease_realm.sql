-- Schema version 4: the realm the DHCP server sent in option 122 sub-option 6 with the lease. Realms
-- are per CMTS scope (scope.<n>.realm), and the realm selects the MTA's flow (BASIC.1/.2,
-- HYBRID.1/.2, else Secure), so the provisioning server reads the flow of each MTA from its lease.
-- Leases stored before this version have '' (the provisioning server then uses mtaprov.net.realm).
ALTER TABLE lease ADD COLUMN realm VARCHAR(255) DEFAULT '' NOT NULL;
