package org.halocloud.passthrough.async;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.halocloud.kernel.state.Subscription;

/**
 * The async queries in the cloud state: metadata, status and timings in clear; the command, output parameters and
 * error message only sealed (the caller seals and opens them). Status changes are conditional updates, so two
 * workers (or nodes) never take the same query; a query in flight is leased to the node running it
 * ({@code lease_owner}, {@code lease_until}), which renews the lease, so any node can end what a dead node left.
 */
@Repository
public class AsyncQueryStore {

    public static final List<String> IN_FLIGHT = List.of("initialising", "queued", "executing", "uploading");

    private final JdbcClient db;
    private final DataSource dataSource;
    private volatile Boolean postgres;

    public AsyncQueryStore(JdbcClient db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            try (Connection c = dataSource.getConnection()) {
                p = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                return false; // not cached: asked again next time
            }
            postgres = p;
        }
        return p;
    }

    /** One async query as stored. Sealed columns stay sealed here. */
    public record Row(UUID id, UUID subscriptionId, UUID integratorId, UUID haloGuid, String catalogue, String status,
                      long maxTimeInQueue, int commandSize, int requestSize, String commandSealed,
                      OffsetDateTime createdAt, OffsetDateTime queuedAt, OffsetDateTime executingAt,
                      OffsetDateTime uploadingAt, OffsetDateTime completedAt, OffsetDateTime updatedAt,
                      Long sqlExecutionMs, Long resultRows, Long rowsAffected, Long resultSize, String parametersSealed,
                      String errorType, Integer errorCode, String errorMessageSealed, OffsetDateTime expiresAt,
                      OffsetDateTime resultsDeletedAt, String leaseOwner, OffsetDateTime leaseUntil) {

        /** Metadata only. */
        @Override
        public String toString() {
            return "AsyncQuery[id=" + id + ", site=" + haloGuid + ", status=" + status + "]";
        }
    }

    /** @param rangeStart 1-based, inclusive, as rangeEnd */
    public record PageRow(int pageNumber, long size, long rowCount, long rangeStart, long rangeEnd) {
    }

    /** What a completed query reports; null fields are left as they are. */
    public record Completion(String status, OffsetDateTime completedAt, OffsetDateTime expiresAt, Long sqlExecutionMs,
                             Long resultRows, Long rowsAffected, Long resultSize, String parametersSealed,
                             String errorType, Integer errorCode, String errorMessageSealed) {
    }

    public void insert(UUID id, Subscription subscription, UUID haloGuid, String catalogue, long maxTimeInQueue,
                       int commandSize, int requestSize, String commandSealed, OffsetDateTime createdAt) {
        insert(id, subscription, haloGuid, catalogue, maxTimeInQueue, commandSize, requestSize, commandSealed,
                createdAt, null, null);
    }

    /** As initialising, leased to the accepting node until it is queued (a node dying in between leaves nothing stuck). */
    public void insert(UUID id, Subscription subscription, UUID haloGuid, String catalogue, long maxTimeInQueue,
                       int commandSize, int requestSize, String commandSealed, OffsetDateTime createdAt, String owner,
                       OffsetDateTime leaseUntil) {
        db.sql("""
                INSERT INTO async_query (id, subscription_id, integrator_id, halo_guid, catalogue, status,
                    max_time_in_queue, command_size, request_size, command_sealed, created_at, updated_at,
                    lease_owner, lease_until)
                VALUES (?, ?, ?, ?, ?, 'initialising', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, subscription.id(), subscription.integratorId(), haloGuid, catalogue, maxTimeInQueue,
                        commandSize, requestSize, commandSealed, createdAt, createdAt, owner, leaseUntil)
                .update();
    }

    /** initialising → queued. */
    public boolean queue(UUID id, OffsetDateTime at) {
        return db.sql("""
                UPDATE async_query SET status = 'queued', queued_at = ?, updated_at = ?, lease_owner = NULL,
                    lease_until = NULL
                WHERE id = ? AND status = 'initialising'""")
                .params(at, at, id).update() == 1;
    }

    /**
     * The oldest queued query, now marked executing (at this moment) and leased to {@code owner} until
     * {@code leaseUntil}, for the caller alone; empty when none is queued. Passes over the queries of the given sites
     * (their Link is offline: they wait). Exclusive across threads and nodes: on PostgreSQL one statement picks the
     * row {@code FOR UPDATE SKIP LOCKED} (so racing workers take different rows without waiting on each other); on any
     * database the update is conditional on the row still being queued and only an update count of 1 is a claim.
     */
    public Optional<Row> claimNext(String owner, OffsetDateTime leaseUntil, Collection<UUID> skipSites) {
        String skip = skipSites.isEmpty() ? "" : " AND halo_guid NOT IN ("
                + String.join(", ", skipSites.stream().map(s -> "?").toList()) + ")";
        if (postgres()) {
            OffsetDateTime at = OffsetDateTime.now();
            List<Object> params = new ArrayList<>(List.of(at, at, owner, leaseUntil));
            params.addAll(skipSites);
            Optional<UUID> claimed = db.sql("UPDATE async_query SET status = 'executing', executing_at = ?, "
                    + "updated_at = ?, lease_owner = ?, lease_until = ? WHERE status = 'queued' AND id = "
                    + "(SELECT id FROM async_query WHERE status = 'queued'" + skip
                    + " ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id")
                    .params(params).query(UUID.class).optional();
            return claimed.flatMap(this::find);
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            List<UUID> candidates = db.sql("SELECT id FROM async_query WHERE status = 'queued'" + skip
                    + " ORDER BY queued_at, id FETCH FIRST 8 ROWS ONLY")
                    .params(List.copyOf(skipSites)).query(UUID.class).list();
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (UUID id : candidates) {
                if (claim(id, owner, leaseUntil)) {
                    return find(id);
                }
            }
        }
        return Optional.empty();
    }

    /** queued → executing for this owner, if it is still queued: true only for the one caller that took it. */
    public boolean claim(UUID id, String owner, OffsetDateTime leaseUntil) {
        OffsetDateTime at = OffsetDateTime.now();
        return db.sql("""
                UPDATE async_query SET status = 'executing', executing_at = ?, updated_at = ?, lease_owner = ?,
                    lease_until = ?
                WHERE id = ? AND status = 'queued'""").params(at, at, owner, leaseUntil, id).update() == 1;
    }

    /** executing → queued again, keeping its place: it was claimed but its site's Link is offline, so it waits. */
    public boolean requeue(UUID id, OffsetDateTime at) {
        return db.sql("""
                UPDATE async_query SET status = 'queued', executing_at = NULL, updated_at = ?, lease_owner = NULL,
                    lease_until = NULL
                WHERE id = ? AND status = 'executing'""").params(at, id).update() == 1;
    }

    /** Extends the lease of every query this owner holds in flight; returns how many. */
    public int renew(String owner, OffsetDateTime leaseUntil) {
        return db.sql("""
                UPDATE async_query SET lease_until = ?
                WHERE lease_owner = ? AND status IN ('initialising', 'executing', 'uploading')""")
                .params(leaseUntil, owner).update();
    }

    /**
     * Queries in flight whose lease has run out at {@code now}: their node stopped renewing it (it died, or lost the
     * database). A query in flight without a lease (left by a version before leases) counts once it has not been
     * updated for {@code grace}.
     */
    public List<Row> leaseExpired(OffsetDateTime now, java.time.Duration grace) {
        return db.sql("SELECT * FROM async_query WHERE " + LEASE_EXPIRED + " ORDER BY created_at")
                .params(now, now.minus(grace)).query(AsyncQueryStore::row).list();
    }

    /**
     * Ends a query whose lease has run out, as {@link #complete}, only if it still has: a holder that renewed it in
     * the meantime keeps it. False when it did not end here.
     */
    public boolean completeLeaseExpired(UUID id, OffsetDateTime now, java.time.Duration grace, Completion c) {
        return db.sql("""
                UPDATE async_query SET status = ?, completed_at = ?, updated_at = ?, expires_at = ?,
                    error_type = ?, error_code = ?, error_message_sealed = ?, lease_until = NULL
                WHERE id = ?""" + " AND " + LEASE_EXPIRED)
                .params(c.status(), c.completedAt(), c.completedAt(), c.expiresAt(), c.errorType(), c.errorCode(),
                        c.errorMessageSealed(), id, now, now.minus(grace))
                .update() == 1;
    }

    private static final String LEASE_EXPIRED = """
            status IN ('initialising', 'executing', 'uploading')
            AND ((lease_until IS NOT NULL AND lease_until < ?) OR (lease_until IS NULL AND updated_at < ?))""";

    /** The queries of one site waiting in the queue. */
    public List<Row> queued(UUID haloGuid) {
        return db.sql("SELECT * FROM async_query WHERE status = 'queued' AND halo_guid = ? ORDER BY queued_at, id")
                .param(haloGuid).query(AsyncQueryStore::row).list();
    }

    /** executing → uploading: the Link has answered; the last page and the index are being written. */
    public void uploading(UUID id, OffsetDateTime at) {
        db.sql("UPDATE async_query SET status = 'uploading', uploading_at = ?, updated_at = ? WHERE id = ? AND status = 'executing'")
                .params(at, at, id).update();
    }

    /** Ends a query in flight; false when it had already ended. */
    public boolean complete(UUID id, Completion c) {
        return db.sql("""
                UPDATE async_query SET status = ?, completed_at = ?, updated_at = ?, expires_at = ?,
                    sql_execution_ms = COALESCE(?, sql_execution_ms), result_rows = ?, rows_affected = ?,
                    result_size = ?, parameters_sealed = ?, error_type = ?, error_code = ?, error_message_sealed = ?
                WHERE id = ? AND status IN ('initialising', 'queued', 'executing', 'uploading')""")
                .params(c.status(), c.completedAt(), c.completedAt(), c.expiresAt(), c.sqlExecutionMs(), c.resultRows(),
                        c.rowsAffected(), c.resultSize(), c.parametersSealed(), c.errorType(), c.errorCode(),
                        c.errorMessageSealed(), id)
                .update() == 1;
    }

    public void addPage(UUID id, PageRow page, OffsetDateTime at) {
        db.sql("""
                INSERT INTO async_query_page (query_id, page_number, size, row_count, range_start, range_end, stored_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, page.pageNumber(), page.size(), page.rowCount(), page.rangeStart(), page.rangeEnd(), at)
                .update();
    }

    public void deletePages(UUID id) {
        db.sql("DELETE FROM async_query_page WHERE query_id = ?").param(id).update();
    }

    public List<PageRow> pages(UUID id) {
        return db.sql("""
                SELECT page_number, size, row_count, range_start, range_end FROM async_query_page
                WHERE query_id = ? ORDER BY page_number""").param(id)
                .query((rs, n) -> new PageRow(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    public Optional<Row> find(UUID id) {
        return db.sql("SELECT * FROM async_query WHERE id = ?").param(id).query(AsyncQueryStore::row).optional();
    }

    /** The query only if it belongs to this integrator and this site: anyone else's is not found. */
    public Optional<Row> find(UUID id, UUID integratorId, UUID haloGuid) {
        return db.sql("SELECT * FROM async_query WHERE id = ? AND integrator_id = ? AND halo_guid = ?")
                .params(id, integratorId, haloGuid).query(AsyncQueryStore::row).optional();
    }

    public long queued() {
        return db.sql("SELECT COUNT(*) FROM async_query WHERE status = 'queued'").query(Long.class).single();
    }

    /** Queries in the given statuses created before an instant (recovery after a restart). */
    public List<Row> inStatus(List<String> statuses, OffsetDateTime createdBefore) {
        String marks = String.join(", ", statuses.stream().map(s -> "?").toList());
        List<Object> params = new java.util.ArrayList<>(statuses);
        params.add(createdBefore);
        return db.sql("SELECT * FROM async_query WHERE status IN (" + marks + ") AND created_at < ? ORDER BY created_at")
                .params(params).query(AsyncQueryStore::row).list();
    }

    /** Completed queries whose results have passed their expiry and are not yet deleted. */
    public List<UUID> expired(OffsetDateTime now) {
        return db.sql("SELECT id FROM async_query WHERE expires_at <= ? AND results_deleted_at IS NULL")
                .param(now).query(UUID.class).list();
    }

    /** After the results are deleted: nothing sealed is kept either (command, output values, error message). */
    public void resultsDeleted(UUID id, OffsetDateTime at) {
        db.sql("""
                UPDATE async_query SET results_deleted_at = ?, command_sealed = NULL, parameters_sealed = NULL,
                    error_message_sealed = NULL WHERE id = ?""").params(at, id).update();
    }

    /** The subscription a query was accepted for, as the front door sees it, to admit it again at execution. */
    public Optional<Subscription> subscription(UUID subscriptionId) {
        return db.sql("""
                SELECT s.id, s.integrator_id, i.name, s.environment, s.status, s.demo
                FROM subscription s JOIN integrator i ON i.id = s.integrator_id WHERE s.id = ?""")
                .param(subscriptionId)
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), "active".equals(rs.getString(5)), rs.getBoolean(6)))
                .optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("integrator_id", UUID.class), rs.getObject("halo_guid", UUID.class),
                rs.getString("catalogue"), rs.getString("status"), rs.getLong("max_time_in_queue"),
                rs.getInt("command_size"), rs.getInt("request_size"), rs.getString("command_sealed"),
                time(rs, "created_at"), time(rs, "queued_at"), time(rs, "executing_at"), time(rs, "uploading_at"),
                time(rs, "completed_at"), time(rs, "updated_at"), longOrNull(rs, "sql_execution_ms"),
                longOrNull(rs, "result_rows"), longOrNull(rs, "rows_affected"), longOrNull(rs, "result_size"),
                rs.getString("parameters_sealed"), rs.getString("error_type"),
                rs.getObject("error_code") == null ? null : rs.getInt("error_code"),
                rs.getString("error_message_sealed"), time(rs, "expires_at"), time(rs, "results_deleted_at"),
                rs.getString("lease_owner"), time(rs, "lease_until"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
