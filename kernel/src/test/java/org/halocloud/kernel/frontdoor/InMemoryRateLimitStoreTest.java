package org.halocloud.kernel.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The window slides with each request: no fixed buckets, so no double burst at a bucket edge. */
class InMemoryRateLimitStoreTest {

    private final AtomicLong now = new AtomicLong();
    private final InMemoryRateLimitStore store = new InMemoryRateLimitStore(now::get);
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private void at(long millis) {
        now.set(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void admitsFifteenThenRefusesUntilTheOldestLeaves() {
        for (int i = 0; i < 15; i++) {
            at(i * 100L);
            assertThat(store.tryAcquire("s", 15, WINDOW).admitted()).isTrue();
        }
        at(4_999);
        RateLimitStore.Decision refused = store.tryAcquire("s", 15, WINDOW);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.reset()).isEqualTo(Duration.ofMillis(1));
        at(5_000); // the request at 0 ms has left; the one at 100 ms has not
        assertThat(store.tryAcquire("s", 15, WINDOW).admitted()).isTrue();
        assertThat(store.tryAcquire("s", 15, WINDOW).admitted()).isFalse();
        at(5_100);
        assertThat(store.tryAcquire("s", 15, WINDOW).admitted()).isTrue();
    }

    @Test
    void noBurstAcrossWhatWouldBeABucketEdge() {
        at(4_900);
        for (int i = 0; i < 15; i++) {
            assertThat(store.tryAcquire("s", 15, WINDOW).admitted()).isTrue();
        }
        at(5_100); // a fixed 5 s bucket would have reset here
        assertThat(store.tryAcquire("s", 15, WINDOW).admitted()).isFalse();
    }

    @Test
    void keysAreCountedApart() {
        for (int i = 0; i < 15; i++) {
            store.tryAcquire("a", 15, WINDOW);
        }
        assertThat(store.tryAcquire("a", 15, WINDOW).admitted()).isFalse();
        assertThat(store.tryAcquire("b", 15, WINDOW).admitted()).isTrue();
    }
}
