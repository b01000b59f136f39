package io.mtaprov.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtaprov.core.model.Direction;
import io.mtaprov.core.model.Outcome;
import io.mtaprov.core.model.ProvisioningStep;
import io.mtaprov.core.model.TraceEvent;
import io.mtaprov.tests.support.Await;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedTraceBusTest {

    private static TraceEvent event(int i) {
        return new TraceEvent(Instant.now(), "", ProvisioningStep.CONFIG_FILE_REQUEST, "tftp", Direction.IN, "",
                "event " + i, "", Outcome.OK);
    }

    @Test
    void deliversEveryEventInPublicationOrderInBatches() {
        List<TraceEvent> got = new CopyOnWriteArrayList<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        try (BoundedTraceBus bus = new BoundedTraceBus(100_000)) {
            bus.subscribe(b -> {
                batchSizes.add(b.size());
                got.addAll(b);
            });
            for (int i = 0; i < 5000; i++) {
                assertThat(bus.publish(event(i))).isTrue();
            }
            Await.until("5000 events", Duration.ofSeconds(10), () -> got.size() == 5000);
        }
        for (int i = 0; i < 5000; i++) {
            assertThat(got.get(i).summary()).isEqualTo("event " + i);
        }
        assertThat(batchSizes).allMatch(s -> s > 0 && s <= BoundedTraceBus.MAX_BATCH);
    }

    @Test
    void dropsAndCountsWhenSubscribersFallBehind() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        try (BoundedTraceBus bus = new BoundedTraceBus(10)) {
            bus.subscribe(b -> {
                blocked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            bus.publish(event(0));
            assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
            int accepted = 0;
            for (int i = 0; i < 50; i++) {
                accepted += bus.publish(event(i)) ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(10);
            assertThat(bus.dropped()).isEqualTo(40);
            release.countDown();
        }
    }

    @Test
    void failingListenerDoesNotStopDeliveryToOthers() {
        List<TraceEvent> got = new CopyOnWriteArrayList<>();
        try (BoundedTraceBus bus = new BoundedTraceBus(100)) {
            bus.subscribe(b -> {
                throw new IllegalStateException("listener bug (expected in this test)");
            });
            bus.subscribe(got::addAll);
            bus.publish(event(1));
            bus.publish(event(2));
            Await.until("both events", Duration.ofSeconds(5), () -> got.size() == 2);
        }
    }

    @Test
    void closedSubscriptionReceivesNothingMore() {
        List<TraceEvent> got = new CopyOnWriteArrayList<>();
        try (BoundedTraceBus bus = new BoundedTraceBus(100)) {
            TraceBus.Subscription s = bus.subscribe(got::addAll);
            bus.publish(event(1));
            Await.until("first event", Duration.ofSeconds(5), () -> got.size() == 1);
            s.close();
            s.close();
            bus.publish(event(2));
        }
        assertThat(got).hasSize(1);
    }
}
