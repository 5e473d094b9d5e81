package org.halocloud.kernel.frontdoor;

import java.time.Duration;

/**
 * Where the rolling window of each subscription is kept. In memory for one node; a shared store (e.g. Redis) when
 * several cloud nodes must count together.
 */
public interface RateLimitStore {

    /** Counts one request for the key if fewer than {@code limit} were admitted in the last {@code window}. */
    Decision tryAcquire(String key, int limit, Duration window);

    /**
     * @param admitted  whether this request is within the limit
     * @param remaining how many more would be admitted right now
     * @param reset     when the oldest request in the window leaves it (and one more is admitted)
     */
    record Decision(boolean admitted, int remaining, Duration reset) {
    }
}
