package org.halocloud.passthrough.state;

import java.time.OffsetDateTime;
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

    public void resultSize(UUID id, long bytes) {
        db.sql("UPDATE query_log SET result_size = ? WHERE id = ?").params(bytes, id).update();
    }

    public long countFor(UUID integratorId) {
        return db.sql("SELECT COUNT(*) FROM query_log WHERE integrator_id = ?").param(integratorId).query(Long.class).single();
    }
}
