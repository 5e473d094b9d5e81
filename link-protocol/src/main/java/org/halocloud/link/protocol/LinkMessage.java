package org.halocloud.link.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.UUID;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;

/**
 * What the cloud and a Halo Link say to each other over the Link's one outbound connection (a WebSocket, one JSON
 * text message each). The Link speaks first ({@link Hello}); rows of a query flow back in batches while it runs.
 * Messages carry metadata, commands and rows, and are never logged whole.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LinkMessage.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = LinkMessage.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = LinkMessage.Heartbeat.class, name = "heartbeat"),
        @JsonSubTypes.Type(value = LinkMessage.Query.class, name = "query"),
        @JsonSubTypes.Type(value = LinkMessage.Cancel.class, name = "cancel"),
        @JsonSubTypes.Type(value = LinkMessage.Columns.class, name = "columns"),
        @JsonSubTypes.Type(value = LinkMessage.Rows.class, name = "rows"),
        @JsonSubTypes.Type(value = LinkMessage.Done.class, name = "done"),
        @JsonSubTypes.Type(value = LinkMessage.Failed.class, name = "failed")})
public sealed interface LinkMessage {

    /** Link → cloud, first: who it is and which databases it serves (keyed by the Link's own stable names). */
    record Hello(String version, List<AnnouncedDatabase> databases) implements LinkMessage {
    }

    /** @param key the Link's own name for the database, stable across restarts; the cloud keys its Halo GUID on it */
    record AnnouncedDatabase(String key, String pms, String pmsId, String practiceName, String pmsVersion,
                             List<String> catalogues) {
    }

    /** Cloud → Link: the Halo GUID of each announced database (the same on every reconnect). */
    record Welcome(UUID linkId, List<AssignedDatabase> databases) implements LinkMessage {
    }

    record AssignedDatabase(String key, UUID haloGuid) {
    }

    /**
     * Link → cloud, periodically: metadata only.
     *
     * @param running queries running at the databases now
     * @param waiting queries waiting for a free slot
     */
    record Heartbeat(String version, int running, int waiting, List<DatabaseHealth> databases) implements LinkMessage {
    }

    /** @param enabledLogins the database logins of the integrations the practice has enabled in its PMS */
    record DatabaseHealth(UUID haloGuid, boolean reachable, List<String> enabledLogins) {
    }

    /** Cloud → Link: run a command as the integrator's database login. */
    record Query(UUID queryId, UUID haloGuid, String catalogue, String user, String password, QueryCommand command,
                 long timeoutMillis, long maxTimeInQueueMillis, LinkQuery.Priority priority) implements LinkMessage {

        @Override
        public String toString() {
            return "Query[" + queryId + ", " + haloGuid + ", " + command + "]";
        }
    }

    /** Cloud → Link: stop a query; its rows are no longer wanted. */
    record Cancel(UUID queryId) implements LinkMessage {
    }

    record Columns(UUID queryId, List<String> names) implements LinkMessage {
    }

    /** A batch of rows; values are portable (string, number, boolean or null). */
    record Rows(UUID queryId, List<Object[]> rows) implements LinkMessage {

        @Override
        public String toString() {
            return "Rows[" + queryId + ", " + rows.size() + "]";
        }
    }

    record Done(UUID queryId, long rows, Long rowsAffected, List<QueryParameter> parameters, long sqlExecutionMicros)
            implements LinkMessage {
    }

    /** @param sqlState the database's SQLSTATE of a database failure; absent from older Links */
    record Failed(UUID queryId, LinkFailure.Kind kind, int errorCode, String sqlState, String message) implements LinkMessage {

        public Failed(UUID queryId, LinkFailure failure) {
            this(queryId, failure.kind(), failure.errorCode(), failure.sqlState(), failure.getMessage());
        }

        public LinkFailure failure() {
            return new LinkFailure(kind, errorCode, sqlState, message);
        }

        @Override
        public String toString() {
            return "Failed[" + queryId + ", " + kind + "]";
        }
    }
}
