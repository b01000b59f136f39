package io.mtaprov.server.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.lease.Lease;
import io.mtaprov.protocol.dhcp.Ipv4Address;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaseTableTest {
    private static final List<AddressRange> POOL = List.of(AddressRange.parse("10.0.0.10-10.0.0.12"));
    private static final long NOW = 1_000_000;

    private static Lease lease(String mac, int ip, Lease.State state, long expires) {
        return new Lease(mac, Ipv4Address.of(ip >>> 24, ip >>> 16 & 0xff, ip >>> 8 & 0xff, ip & 0xff).toString(), "s",
                "other", "", "", "", state, Instant.ofEpochMilli(NOW), Instant.ofEpochMilli(expires));
    }

    /** Found by the overload run: a flood of DISCOVERs held every address for 30 s and locked new clients out. */
    @Test
    void whenThePoolIsFullTheOldestUnrequestedOfferIsReclaimedButNeverALease() {
        LeaseTable t = new LeaseTable(Map.of());
        int a = t.allocate(POOL, "mac-a", NOW);
        t.bind(lease("mac-a", a, Lease.State.OFFERED, NOW + 30_000));
        int b = t.allocate(POOL, "mac-b", NOW);
        t.bind(lease("mac-b", b, Lease.State.OFFERED, NOW + 30_000));
        int c = t.allocate(POOL, "mac-c", NOW);
        t.bind(lease("mac-c", c, Lease.State.BOUND, NOW + 3_600_000));
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates().doesNotContain(0);

        assertThat(t.allocate(POOL, "mac-d", NOW + 1)).as("the oldest offer's address").isEqualTo(a);
        assertThat(t.byMac("mac-a")).as("the reclaimed offer is gone").isNull();
        t.bind(lease("mac-d", a, Lease.State.OFFERED, NOW + 30_000));
        assertThat(t.allocate(POOL, "mac-e", NOW + 2)).isEqualTo(b);
        t.bind(lease("mac-e", b, Lease.State.BOUND, NOW + 3_600_000)); // requested at once
        assertThat(t.allocate(POOL, "mac-f", NOW + 3)).as("mac-d's offer, then nothing").isEqualTo(a);
        t.bind(lease("mac-f", a, Lease.State.BOUND, NOW + 3_600_000));
        assertThat(t.allocate(POOL, "mac-g", NOW + 4)).as("every address leased: none to give").isZero();
        assertThat(t.byMac("mac-c").lease().state()).isEqualTo(Lease.State.BOUND);
    }

    @Test
    void anOfferThatWasRequestedIsNotReclaimed() {
        LeaseTable t = new LeaseTable(Map.of());
        List<AddressRange> one = List.of(AddressRange.parse("10.0.0.10-10.0.0.10"));
        int a = t.allocate(one, "mac-a", NOW);
        t.bind(lease("mac-a", a, Lease.State.OFFERED, NOW + 30_000));
        t.bind(lease("mac-a", a, Lease.State.BOUND, NOW + 3_600_000));
        assertThat(t.allocate(one, "mac-b", NOW + 1)).isZero();
        t.expire(NOW + 2);
        assertThat(t.allocate(one, "mac-b", NOW + 3)).isZero();
    }
}
