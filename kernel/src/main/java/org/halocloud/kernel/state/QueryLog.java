package org.halocloud.kernel.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Metadata of each query run (ids, sizes, timings, outcome). SQL text, bind values and results never come here. */
@Repository
public class QueryLog {

    private final JdbcClient db;

    public QueryLog(JdbcClient db) {
        this.db = db;
    }

    public record Entry(UUID id, UUID subscriptionId, UUID integratorId, UUID haloGuid, String mode, String status,
                        int commandSize, int requestSize, Long rows, Long resultSize, Long sqlExecutionMs,
                        String errorType, OffsetDateTime createdAt, OffsetDateTime completedAt) {
    }

    /** Written once per query, when it has ended: its final status, rows and result size. */
    public void record(Entry e) {
        db.sql("""
                INSERT INTO query_log (id, subscription_id, integrator_id, halo_guid, mode, status, command_size,
                    request_size, result_rows, result_size, sql_execution_ms, error_type, created_at, completed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), e.subscriptionId(), e.integratorId(), e.haloGuid(), e.mode(), e.status(),
                        e.commandSize(), e.requestSize(), e.rows(), e.resultSize(), e.sqlExecutionMs(), e.errorType(),
                        e.createdAt(), e.completedAt())
                .update();
    }

    /**
     * A query as the operator lists it: the same metadata, with the integrator's name. Nothing here can carry SQL,
     * a bind value or a row.
     */
    public record Listed(UUID id, UUID subscriptionId, UUID integratorId, String integrator, UUID siteId, String mode,
                         String status, int commandSize, int requestSize, Long rows, Long resultSize,
                         Long sqlExecutionMs, String errorType, OffsetDateTime createdAt, OffsetDateTime completedAt) {
    }

    /** Where the previous page ended: the last entry's (created_at, id), for keyset paging. */
    public record Position(OffsetDateTime createdAt, UUID id) {
    }

    /**
     * Newest first, optionally only one integrator's, one subscription's and/or one site's, created at or after
     * {@code since}, strictly after {@code after} in that order; at most {@code limit} entries.
     */
    public List<Listed> list(UUID integratorId, UUID subscriptionId, UUID siteId, OffsetDateTime since, Position after,
                             int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT q.id, q.subscription_id, q.integrator_id, i.name, q.halo_guid, q.mode, q.status, q.command_size,
                    q.request_size, q.result_rows, q.result_size, q.sql_execution_ms, q.error_type, q.created_at,
                    q.completed_at
                FROM query_log q LEFT JOIN integrator i ON i.id = q.integrator_id WHERE 1 = 1""");
        List<Object> binds = new ArrayList<>();
        if (integratorId != null) {
            sql.append(" AND q.integrator_id = ?");
            binds.add(integratorId);
        }
        if (subscriptionId != null) {
            sql.append(" AND q.subscription_id = ?");
            binds.add(subscriptionId);
        }
        if (siteId != null) {
            sql.append(" AND q.halo_guid = ?");
            binds.add(siteId);
        }
        if (since != null) {
            sql.append(" AND q.created_at >= ?");
            binds.add(since);
        }
        if (after != null) {
            sql.append(" AND (q.created_at < ? OR (q.created_at = ? AND q.id < ?))");
            binds.add(after.createdAt());
            binds.add(after.createdAt());
            binds.add(after.id());
        }
        sql.append(" ORDER BY q.created_at DESC, q.id DESC FETCH FIRST ? ROWS ONLY");
        binds.add(limit);
        return db.sql(sql.toString()).params(binds)
                .query((rs, n) -> new Listed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
                        rs.getString(7), rs.getInt(8), rs.getInt(9), longOrNull(rs, 10), longOrNull(rs, 11),
                        longOrNull(rs, 12), rs.getString(13), rs.getObject(14, OffsetDateTime.class),
                        rs.getObject(15, OffsetDateTime.class)))
                .list();
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public long countFor(UUID integratorId) {
        return db.sql("SELECT COUNT(*) FROM query_log WHERE integrator_id = ?").param(integratorId).query(Long.class).single();
    }
}
