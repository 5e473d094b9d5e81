package org.halocloud.kernel.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two cloud nodes sharing one Redis count one budget per subscription. Needs Redis at HALO_TEST_REDIS_URL (default
 * the local one, which these machines and CI run); skipped, saying so, when none answers.
 */
class RedisRateLimitStoreTest {

    private static final String URL = System.getenv().getOrDefault("HALO_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private RedisRateLimitStore nodeA;
    private RedisRateLimitStore nodeB;
    private final String prefix = "halo-test:" + UUID.randomUUID() + ":";

    @BeforeEach
    void connect() {
        try {
            nodeA = new RedisRateLimitStore(URL, prefix);
            nodeB = new RedisRateLimitStore(URL, prefix);
        } catch (RuntimeException e) {
            Assumptions.abort("no Redis answers at " + URL + " (" + e.getClass().getSimpleName()
                    + "): start it or set HALO_TEST_REDIS_URL to run the shared rate-limit store's test");
        }
    }

    @AfterEach
    void close() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void twoNodesShareOneSlidingWindow() throws Exception {
        Duration window = Duration.ofSeconds(2);
        int admitted = 0;
        for (int i = 0; i < 15; i++) {
            RateLimitStore node = i % 2 == 0 ? nodeA : nodeB;
            if (node.tryAcquire("s", 15, window).admitted()) {
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(15);
        RateLimitStore.Decision refusedA = nodeA.tryAcquire("s", 15, window);
        RateLimitStore.Decision refusedB = nodeB.tryAcquire("s", 15, window);
        assertThat(refusedA.admitted()).isFalse();
        assertThat(refusedB.admitted()).isFalse();
        assertThat(refusedA.remaining()).isZero();
        assertThat(refusedA.reset()).isPositive().isLessThanOrEqualTo(window);
        assertThat(nodeB.tryAcquire("another", 15, window).admitted()).as("subscriptions are counted apart").isTrue();

        Thread.sleep(refusedB.reset().toMillis() + 50);
        assertThat(nodeA.tryAcquire("s", 15, window).admitted()).as("admitted once the oldest left the window").isTrue();
    }
}
