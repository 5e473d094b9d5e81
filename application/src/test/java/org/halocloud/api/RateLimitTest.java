package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.halocloud.HaloIntegrationTest;
import org.junit.jupiter.api.Test;

/** 15 immediate queries per rolling 5 s per subscription, over HTTP. */
class RateLimitTest extends HaloIntegrationTest {

    private static final String TRIVIAL = "SELECT 1 AS one";

    @Test
    void sixteenthIsRefusedUntilTheOldestLeavesTheWindow() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        long firstAnswered = 0;
        for (int i = 1; i <= 15; i++) {
            HttpResponse<String> ok = sql(guid, key, TRIVIAL);
            if (i == 1) {
                firstAnswered = System.nanoTime(); // the server counted the first request before this instant
            }
            assertThat(ok.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).contains(Integer.toString(15 - i));
        }
        HttpResponse<String> refused = sql(guid, key, TRIVIAL);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).path("error").path("status").asInt()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 5L);
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).contains("0");

        // site status is not a query: it does not count, and is answered while the budget is spent
        assertThat(get("/integrator/sites/" + guid, key).statusCode()).isEqualTo(200);

        // once the first request is more than 5 s old, one more fits
        long waitMs = 5_000 - (System.nanoTime() - firstAnswered) / 1_000_000 + 50;
        Thread.sleep(Math.max(0, waitMs));
        assertThat(sql(guid, key, TRIVIAL).statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentClientsShareOneBudget() throws Exception {
        String guid = site("bp-premier").haloGuid();
        String key = acme();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(pool.submit(() -> sql(guid, key, TRIVIAL).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : calls) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(15);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
        // another subscription has its own budget
        assertThat(sql(guid, acme(), TRIVIAL).statusCode()).isEqualTo(200);
    }
}
