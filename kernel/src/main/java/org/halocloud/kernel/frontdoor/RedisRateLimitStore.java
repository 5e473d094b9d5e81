package org.halocloud.kernel.frontdoor;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The same exact sliding window as {@link InMemoryRateLimitStore}, kept in Redis so that several cloud nodes count
 * one budget per subscription: a sorted set of admission times per key, trimmed, counted and added to atomically in
 * one script, on Redis's own clock (so nodes' clocks never disagree about the window).
 */
public class RedisRateLimitStore implements RateLimitStore, AutoCloseable {

    private static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local window = tonumber(ARGV[1])
            local limit = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            local count = redis.call('ZCARD', KEYS[1])
            local admitted = 0
            if count < limit then
              redis.call('ZADD', KEYS[1], now, ARGV[3])
              count = count + 1
              admitted = 1
            end
            redis.call('PEXPIRE', KEYS[1], math.floor(window / 1000) + 1000)
            local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local reset = 0
            if oldest[2] then reset = tonumber(oldest[2]) + window - now end
            return {admitted, limit - count, reset}
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;
    private final String scriptSha;

    /** @param prefix keeps deployments (and tests) sharing one Redis apart */
    public RedisRateLimitStore(String redisUrl, String prefix) {
        this.client = RedisClient.create(redisUrl);
        this.connection = client.connect();
        this.prefix = prefix;
        this.scriptSha = connection.sync().scriptLoad(SCRIPT);
    }

    @Override
    public Decision tryAcquire(String key, int limit, Duration window) {
        List<Long> r = connection.sync().evalsha(scriptSha, ScriptOutputType.MULTI, new String[] {prefix + key},
                Long.toString(window.toNanos() / 1000), Integer.toString(limit), UUID.randomUUID().toString());
        return new Decision(r.get(0) == 1L, r.get(1).intValue(), Duration.ofNanos(Math.max(0, r.get(2)) * 1000));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
