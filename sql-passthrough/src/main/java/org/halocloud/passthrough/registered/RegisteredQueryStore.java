package org.halocloud.passthrough.registered;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.halocloud.kernel.state.Subscription;

/**
 * Registered queries in the cloud state: schedule, status and metrics in clear; the command, the latest result, its
 * output parameters and the last error message only sealed (the caller seals and opens them). A run is claimed by
 * moving {@code next_run_at} conditionally, so no two schedulers run the same slot.
 */
@Repository
public class RegisteredQueryStore {

    private static final String COLUMNS = """
            id, subscription_id, integrator_id, halo_guid, catalogue, name, registered_query_type, status, frequency_s,
            duration_s, command_size, request_size, command_sealed, created_at, updated_at, ends_at, next_run_at,
            completed_at, last_hash, last_error_type, last_error_code, last_error_message_sealed, last_succeeded_at,
            last_failed_at, last_execution_ms, succeeded_count, failed_count, result_size_sum, results_stored,
            result_stored_at, result_rows, result_size""";

    private final JdbcClient db;

    public RegisteredQueryStore(JdbcClient db) {
        this.db = db;
    }

    /** A registration as stored (without the sealed result itself). */
    public record Row(UUID id, UUID subscriptionId, UUID integratorId, UUID haloGuid, String catalogue, String name,
                      String registeredQueryType, String status, int frequency, int duration, int commandSize,
                      int requestSize, String commandSealed, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                      OffsetDateTime endsAt, OffsetDateTime nextRunAt, OffsetDateTime completedAt, String lastHash,
                      String lastErrorType, Integer lastErrorCode, String lastErrorMessageSealed,
                      OffsetDateTime lastSucceededAt, OffsetDateTime lastFailedAt, Long lastExecutionMs,
                      long succeededCount, long failedCount, long resultSizeSum, int resultsStored,
                      OffsetDateTime resultStoredAt, Long resultRows, Long resultSize) {

        /** Metadata only. */
        @Override
        public String toString() {
            return "RegisteredQuery[id=" + id + ", site=" + haloGuid + ", status=" + status + "]";
        }
    }

    /** The latest stored result, sealed. */
    public record SealedResult(String dataSealed, String parametersSealed, Long rows, Long size) {
    }

    public void insert(UUID id, Subscription subscription, UUID haloGuid, String catalogue, String name, String type,
                       int frequency, int duration, int commandSize, int requestSize, String commandSealed,
                       OffsetDateTime createdAt, OffsetDateTime endsAt) {
        db.sql("""
                INSERT INTO registered_query (id, subscription_id, integrator_id, halo_guid, catalogue, name,
                    registered_query_type, status, frequency_s, duration_s, command_size, request_size, command_sealed,
                    created_at, updated_at, ends_at, next_run_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'enabled', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, subscription.id(), subscription.integratorId(), haloGuid, catalogue, name, type, frequency,
                        duration, commandSize, requestSize, commandSealed, createdAt, createdAt, endsAt, createdAt)
                .update();
    }

    public Optional<Row> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM registered_query WHERE id = ?").param(id)
                .query(RegisteredQueryStore::row).optional();
    }

    /** The registration only if it belongs to this integrator and this site: anyone else's is not found. */
    public Optional<Row> find(UUID id, UUID integratorId, UUID haloGuid) {
        return db.sql("SELECT " + COLUMNS + " FROM registered_query WHERE id = ? AND integrator_id = ? AND halo_guid = ?")
                .params(id, integratorId, haloGuid).query(RegisteredQueryStore::row).optional();
    }

    public List<Row> list(UUID integratorId, UUID haloGuid) {
        return db.sql("SELECT " + COLUMNS + " FROM registered_query WHERE integrator_id = ? AND halo_guid = ? ORDER BY created_at, id")
                .params(integratorId, haloGuid).query(RegisteredQueryStore::row).list();
    }

    public Optional<SealedResult> result(UUID id) {
        return db.sql("""
                SELECT result_data_sealed, result_parameters_sealed, result_rows, result_size FROM registered_query
                WHERE id = ? AND result_data_sealed IS NOT NULL""").param(id)
                .query((rs, n) -> new SealedResult(rs.getString(1), rs.getString(2), longOrNull(rs, "result_rows"),
                        longOrNull(rs, "result_size")))
                .optional();
    }

    /** enabled → cancelled; false when it was no longer enabled. */
    public boolean cancel(UUID id, OffsetDateTime at) {
        return db.sql("""
                UPDATE registered_query SET status = 'cancelled', completed_at = ?, updated_at = ?
                WHERE id = ? AND status = 'enabled'""").params(at, at, id).update() == 1;
    }

    /** enabled → completed for registrations whose duration ended by {@code now}; returns how many. */
    public int completeEnded(OffsetDateTime now) {
        return db.sql("""
                UPDATE registered_query SET status = 'completed', completed_at = ends_at, updated_at = ?
                WHERE status = 'enabled' AND ends_at <= ?""").params(now, now).update();
    }

    /** Enabled registrations due at {@code now}, the longest waiting first. */
    public List<Row> due(OffsetDateTime now) {
        return db.sql("SELECT " + COLUMNS + " FROM registered_query WHERE status = 'enabled' AND next_run_at <= ? "
                        + "AND ends_at > ? ORDER BY next_run_at, id")
                .params(now, now).query(RegisteredQueryStore::row).list();
    }

    /** Claims the slot {@code expected} of a registration by moving its next run on; false when another took it. */
    public boolean claim(UUID id, OffsetDateTime expected, OffsetDateTime next) {
        return db.sql("""
                UPDATE registered_query SET next_run_at = ? WHERE id = ? AND status = 'enabled' AND next_run_at = ?""")
                .params(next, id, expected).update() == 1;
    }

    /** A run succeeded with the same result as stored: metrics only. */
    public void succeededUnchanged(UUID id, OffsetDateTime at, long executionMs) {
        db.sql("""
                UPDATE registered_query SET last_succeeded_at = ?, last_execution_ms = ?,
                    succeeded_count = succeeded_count + 1, updated_at = ? WHERE id = ?""")
                .params(at, executionMs, at, id).update();
    }

    /**
     * A run succeeded with a changed result: it replaces the stored one (only while the registration is enabled).
     * Returns true when stored.
     */
    public boolean succeededChanged(UUID id, OffsetDateTime at, long executionMs, String hash, long rows, long size,
                                    String dataSealed, String parametersSealed) {
        int stored = db.sql("""
                UPDATE registered_query SET last_succeeded_at = ?, last_execution_ms = ?,
                    succeeded_count = succeeded_count + 1, updated_at = ?, last_hash = ?, results_stored = results_stored + 1,
                    result_stored_at = ?, result_rows = ?, result_size = ?, result_size_sum = result_size_sum + ?,
                    result_data_sealed = ?, result_parameters_sealed = ?
                WHERE id = ? AND status = 'enabled'""")
                .params(at, executionMs, at, hash, at, rows, size, size, dataSealed, parametersSealed, id).update();
        if (stored == 0) {
            succeededUnchanged(id, at, executionMs);
        }
        return stored == 1;
    }

    public void failed(UUID id, OffsetDateTime at, long executionMs, String errorType, int errorCode, String messageSealed) {
        db.sql("""
                UPDATE registered_query SET last_failed_at = ?, last_execution_ms = ?, failed_count = failed_count + 1,
                    last_error_type = ?, last_error_code = ?, last_error_message_sealed = ?, updated_at = ? WHERE id = ?""")
                .params(at, executionMs, errorType, errorCode, messageSealed, at, id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("integrator_id", UUID.class), rs.getObject("halo_guid", UUID.class),
                rs.getString("catalogue"), rs.getString("name"), rs.getString("registered_query_type"),
                rs.getString("status"), rs.getInt("frequency_s"), rs.getInt("duration_s"), rs.getInt("command_size"),
                rs.getInt("request_size"), rs.getString("command_sealed"), time(rs, "created_at"),
                time(rs, "updated_at"), time(rs, "ends_at"), time(rs, "next_run_at"), time(rs, "completed_at"),
                rs.getString("last_hash"), rs.getString("last_error_type"),
                rs.getObject("last_error_code") == null ? null : rs.getInt("last_error_code"),
                rs.getString("last_error_message_sealed"), time(rs, "last_succeeded_at"), time(rs, "last_failed_at"),
                longOrNull(rs, "last_execution_ms"), rs.getLong("succeeded_count"), rs.getLong("failed_count"),
                rs.getLong("result_size_sum"), rs.getInt("results_stored"), time(rs, "result_stored_at"),
                longOrNull(rs, "result_rows"), longOrNull(rs, "result_size"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class);
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
