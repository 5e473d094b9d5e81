package org.halocloud.passthrough.async;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of async queries, under {@code halo.async.*}.
 *
 * @param workers       queries this node runs at once (a bounded pool taking queued queries oldest first)
 * @param timeout       execution limit of one async query at the database (Halo: 5 minutes; queueing and upload
 *                      not counted)
 * @param retention     how long results are kept after the query completes; then deleted, and a page fetch is 410
 * @param pageBytes     a page is closed once its JSON reaches this many bytes (Halo: roughly 1 MB)
 * @param sweepInterval how often expired results are deleted
 * @param pollInterval  how often an idle worker looks for queued work it was not told about (e.g. after a restart)
 * @param lease         how long a query in flight stays leased to its node without a renewal; the node renews every
 *                      third of it, and once it has run out (the node died) any node ends the query executionFailed
 * @param resultStore   {@code files} (this node's data directory) or {@code database} (the shared state store, read by
 *                      every node); empty: database when {@code halo.cluster.broker-url} is set, else files
 */
@ConfigurationProperties("halo.async")
public record AsyncProperties(
        @DefaultValue("2") int workers,
        @DefaultValue("5m") Duration timeout,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1048576") int pageBytes,
        @DefaultValue("5m") Duration sweepInterval,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("") String resultStore) {

    public AsyncProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("halo.async.workers must be at least 1");
        }
        if (lease == null || lease.toMillis() < 30) {
            throw new IllegalArgumentException("halo.async.lease must be at least 30ms");
        }
        resultStore = resultStore == null ? "" : resultStore;
        if (pageBytes < 1024) {
            throw new IllegalArgumentException("halo.async.page-bytes must be at least 1024");
        }
    }
}
