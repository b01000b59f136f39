package io.mtaprov.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlowTest {

    @Test
    void realmSelectsBasicAndHybridFlowsByName() {
        assertThat(Flow.fromRealm("BASIC.1")).isEqualTo(Flow.BASIC_1);
        assertThat(Flow.fromRealm("basic.2")).isEqualTo(Flow.BASIC_2);
        assertThat(Flow.fromRealm("HYBRID.1")).isEqualTo(Flow.HYBRID_1);
        assertThat(Flow.fromRealm(" HYBRID.2 ")).isEqualTo(Flow.HYBRID_2);
    }

    @Test
    void anyOtherRealmIsSecure() {
        assertThat(Flow.fromRealm("LAB.EXAMPLE.COM")).isEqualTo(Flow.SECURE);
        assertThat(Flow.fromRealm("SECURE")).isEqualTo(Flow.SECURE);
        assertThat(Flow.fromRealm("BASIC.3")).isEqualTo(Flow.SECURE);
    }

    @Test
    void onlyDotTwoFlowsAndSecureSendStatusInform() {
        assertThat(Flow.BASIC_1.sendsStatusInform()).isFalse();
        assertThat(Flow.HYBRID_1.sendsStatusInform()).isFalse();
        assertThat(Flow.BASIC_2.sendsStatusInform()).isTrue();
        assertThat(Flow.HYBRID_2.sendsStatusInform()).isTrue();
        assertThat(Flow.SECURE.sendsStatusInform()).isTrue();
        assertThat(Flow.BASIC_2.isBasic()).isTrue();
        assertThat(Flow.HYBRID_2.isBasic()).isFalse();
    }
}
