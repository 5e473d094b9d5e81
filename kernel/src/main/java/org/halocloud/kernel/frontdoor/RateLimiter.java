package org.halocloud.kernel.frontdoor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.halocloud.kernel.config.HaloProperties;
import org.springframework.stereotype.Component;

/**
 * The per-subscription budget over immediate SQL and FHIR GET/POST (15 per rolling 5 s by default). Answers with
 * the RateLimit-* headers on every counted request and {@code Retry-After} on a refusal.
 */
@Component
public class RateLimiter {

    private final HaloProperties.RateLimit settings;
    private final RateLimitStore store;

    public RateLimiter(HaloProperties properties, RateLimitStore store) {
        this.settings = properties.rateLimit();
        this.store = store;
    }

    /** Counts the request; returns the headers to send with its answer, or throws a 429 refusal. */
    public Map<String, String> count(UUID subscriptionId) {
        if (!settings.enabled()) {
            return Map.of();
        }
        RateLimitStore.Decision d = store.tryAcquire(subscriptionId.toString(), settings.limit(), settings.window());
        long resetSeconds = Math.max(1, (d.reset().toMillis() + 999) / 1000);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", Integer.toString(settings.limit()));
        headers.put("RateLimit-Remaining", Integer.toString(Math.max(0, d.remaining())));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        if (!d.admitted()) {
            headers.put("Retry-After", Long.toString(resetSeconds));
            throw new Refusal(429, "Rate limit exceeded: at most " + settings.limit() + " queries per rolling "
                    + settings.window().toSeconds() + " s per subscription. Retry after " + resetSeconds + " s.", headers);
        }
        return headers;
    }
}
