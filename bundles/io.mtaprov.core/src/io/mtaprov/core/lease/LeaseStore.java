package io.mtaprov.core.lease;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Write side of the lease store, used by the DHCP server only; everyone else reads through
 * {@link LeaseLookup}. One lease per MAC address and one MAC per IP address: storing a lease for an
 * address another MAC held replaces that MAC's (expired or released) lease.
 *
 * <p>Durability: every method that changes data returns only after the change is committed and
 * written to the database file, so a lease the DHCP server acknowledged survives a crash (kill -9)
 * of the process right after the DHCPACK (not necessarily a power failure: no fsync).
 *
 * <p>Threading: thread-safe; every method may do I/O and throws {@link RuntimeException} (the
 * store's own unchecked type) when the database fails.
 */
public interface LeaseStore extends LeaseLookup {

    /** Inserts or replaces the lease of {@code lease.mac()}; committed before it returns. */
    default void put(Lease lease) {
        putAll(List.of(lease));
    }

    /**
     * Inserts or replaces several leases in one transaction (a batch of DHCPACKs): all or none are
     * committed. Leases of the same MAC are applied in list order.
     */
    void putAll(List<Lease> leases);

    /**
     * Changes state and expiry of the lease of {@code mac}, if there is one.
     *
     * @return the updated lease, empty if the MAC has none
     */
    Optional<Lease> update(String mac, Lease.State state, Instant expires);

    /**
     * Marks every OFFERED or BOUND lease whose expiry is not after {@code now} as EXPIRED.
     *
     * @return the leases as they are now (state EXPIRED)
     */
    List<Lease> expire(Instant now);

    /** Every stored lease, in any state (the DHCP server's state at start). */
    List<Lease> all();

    /**
     * Records that {@code ip} is in use by someone else (a client sent DHCPDECLINE, RFC 2131
     * section 4.3.3): it is not handed out again before {@code until}.
     */
    void markConflict(String ip, String mac, Instant until);

    /** Addresses under conflict whose hold ends after {@code now}, with the end of the hold. */
    Map<String, Instant> conflicts(Instant now);
}
