package org.halocloud.kernel.frontdoor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * An exact sliding window: the admission times of the last {@code window} per key, so the 16th request is refused
 * until the oldest of the 15 before it is older than the window — no fixed buckets, no bursts at bucket edges.
 */
public class InMemoryRateLimitStore implements RateLimitStore {

    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public InMemoryRateLimitStore() {
        this(System::nanoTime);
    }

    public InMemoryRateLimitStore(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public Decision tryAcquire(String key, int limit, Duration window) {
        Deque<Long> admitted = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (admitted) {
            long now = nanoClock.getAsLong();
            long windowNanos = window.toNanos();
            while (!admitted.isEmpty() && now - admitted.peekFirst() >= windowNanos) {
                admitted.pollFirst();
            }
            boolean ok = admitted.size() < limit;
            if (ok) {
                admitted.addLast(now);
            }
            Duration reset = admitted.isEmpty() ? Duration.ZERO
                    : Duration.ofNanos(Math.max(0, admitted.peekFirst() + windowNanos - now));
            return new Decision(ok, limit - admitted.size(), reset);
        }
    }
}
