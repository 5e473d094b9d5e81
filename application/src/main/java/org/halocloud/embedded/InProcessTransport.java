package org.halocloud.embedded;

import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.RowSink;
import org.halocloud.kernel.link.AttachedLinks;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.annotation.PreDestroy;
import java.util.UUID;
import org.halocloud.link.agent.HaloLink;
import org.halocloud.link.agent.ServedDatabase;
import org.halocloud.kernel.state.PmsDatabases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The embedded product's transport: the Halo Link runs in this process. It also plays the cloud's side of the
 * Link's reports — which integrations each practice enables — that a remote Link sends over its connection.
 */
public class InProcessTransport implements AttachedLinks {

    private static final Logger log = LoggerFactory.getLogger(InProcessTransport.class);

    private final PmsDatabases databases;
    private final int concurrency;
    private final Map<String, Agent> agents = new ConcurrentHashMap<>();
    private final Map<UUID, Agent> byDatabase = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** One in-process Link and its id in the cloud state. */
    private record Agent(UUID linkId, HaloLink link) {
    }

    public InProcessTransport(PmsDatabases databases, int concurrency) {
        this.databases = databases;
        this.concurrency = concurrency;
    }

    /**
     * The in-process Link of this name (e.g. one per practice server of the demo), registered in the cloud state on
     * first use and found again by name after a restart.
     */
    public UUID link(String name) {
        return agents.computeIfAbsent(name, n -> new Agent(
                databases.linkByName(n).orElseGet(() -> databases.registerLink(n, HaloLink.VERSION)),
                new HaloLink(concurrency))).linkId();
    }

    /** The named Link starts serving a database and reports its practice's enablement at once. */
    public void serve(String linkName, ServedDatabase database) throws SQLException {
        link(linkName);
        Agent agent = agents.get(linkName);
        agent.link().serve(database);
        boolean attached = byDatabase.put(database.haloGuid(), agent) == null;
        report(database.haloGuid());
        if (attached) {
            listeners.forEach(l -> l.attached(database.haloGuid()));
        }
    }

    /** The Link agent serving a database (for operators' tools and tests that act as the practice). */
    public Optional<HaloLink> agentFor(UUID haloGuid) {
        return Optional.ofNullable(byDatabase.get(haloGuid)).map(Agent::link);
    }

    @Override
    public LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure {
        Agent agent = byDatabase.get(query.haloGuid());
        if (agent == null) {
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "The site's Halo Link is not connected.");
        }
        return agent.link().run(query, sink);
    }

    @Override
    public boolean serves(UUID haloGuid) {
        return byDatabase.containsKey(haloGuid);
    }

    @Override
    public Set<UUID> served() {
        return Set.copyOf(byDatabase.keySet());
    }

    @Override
    public void watch(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public Optional<LinkStatus> status(UUID haloGuid) {
        return Optional.ofNullable(byDatabase.get(haloGuid)).map(a -> new LinkStatus(HaloLink.VERSION, true,
                Instant.now(), a.link().running(), a.link().waiting()));
    }

    /** Re-reads every practice's enablement, as a Link's heartbeat would carry it. */
    @Scheduled(fixedDelayString = "${halo.link.report-interval:30s}", initialDelayString = "${halo.link.report-interval:30s}")
    public void reportAll() {
        byDatabase.keySet().forEach(this::report);
        agents.values().forEach(a -> databases.heardFrom(a.linkId()));
    }

    public void report(UUID haloGuid) {
        try {
            databases.reportEnabledLogins(haloGuid, byDatabase.get(haloGuid).link().enabledLogins(haloGuid));
        } catch (SQLException e) {
            log.warn("site {}: cannot read the practice's enabled integrations (SQL state {})", haloGuid, e.getSQLState());
        }
    }

    @PreDestroy
    public void close() {
        agents.values().forEach(a -> a.link().close());
    }
}
