package org.halocloud.link.standalone;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.halocloud.link.agent.ServedDatabase;
import tools.jackson.databind.json.JsonMapper;

/**
 * A standalone Link's configuration file (JSON): the cloud to connect to, the Link's credential, and the PMS
 * databases it serves. The credential may instead come from the environment ({@code HALO_LINK_CREDENTIAL}), which
 * keeps it out of a file that is copied around.
 *
 * @param cloud             the cloud's Link endpoint, e.g. {@code wss://cloud.example/link/v1}
 * @param concurrency       queries run at once; one slot is always kept for immediate work
 * @param heartbeatSeconds  how often the Link reports its health (and the practices' enablement)
 * @param allowPlainWebSocket allow {@code ws://} to a host other than this machine (integrators' database passwords
 *                          and patients' rows cross that connection: only inside a private network, e.g. compose)
 */
public record LinkConfig(URI cloud, String credential, Integer concurrency, Integer heartbeatSeconds,
                         Boolean allowPlainWebSocket, List<Database> databases) {

    public LinkConfig {
        concurrency = concurrency == null ? 4 : concurrency;
        heartbeatSeconds = heartbeatSeconds == null ? 15 : heartbeatSeconds;
        databases = databases == null ? List.of() : List.copyOf(databases);
        allowPlainWebSocket = Boolean.TRUE.equals(allowPlainWebSocket);
    }

    /** wss, or plain ws only to this machine unless explicitly allowed. */
    boolean secureEnough() {
        String scheme = cloud.getScheme();
        if ("wss".equalsIgnoreCase(scheme)) {
            return true;
        }
        String host = cloud.getHost();
        boolean loopback = "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        return "ws".equalsIgnoreCase(scheme) && (loopback || allowPlainWebSocket);
    }

    /**
     * One PMS database.
     *
     * @param key                the Link's own name for it, stable across restarts (the cloud keys the Halo GUID on it)
     * @param catalogues         JDBC URL per catalogue, as integrators' logins connect; the first is the default
     * @param linkUser           the Link's own local login, used only to read which integrations the practice enables
     * @param enabledLoginsQuery the PMS's fixed query listing the logins of enabled integrations
     */
    public record Database(String key, String pms, String pmsId, String practiceName, String pmsVersion,
                           Map<String, String> catalogues, String linkUrlOptions, String linkUser,
                           String linkPassword, String enabledLoginsQuery) {

        ServedDatabase served(UUID haloGuid) {
            return new ServedDatabase(haloGuid, pms, pmsId, catalogues, linkUrlOptions, linkUser, linkPassword,
                    enabledLoginsQuery);
        }

        @Override
        public String toString() {
            return "Database[" + key + ", " + pms + ", catalogues=" + catalogues.keySet() + "]";
        }
    }

    public Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    public static LinkConfig read(Path file) throws IOException {
        LinkConfig config = JsonMapper.builder().build().readValue(Files.readString(file), LinkConfig.class);
        String fromEnvironment = System.getenv("HALO_LINK_CREDENTIAL");
        if (config.credential() == null && fromEnvironment != null) {
            config = new LinkConfig(config.cloud(), fromEnvironment, config.concurrency(), config.heartbeatSeconds(),
                    config.allowPlainWebSocket(), config.databases());
        }
        if (config.cloud() == null || config.credential() == null || config.databases().isEmpty()) {
            throw new IllegalArgumentException("the Link configuration needs cloud, credential (or HALO_LINK_CREDENTIAL)"
                    + " and at least one database");
        }
        if (!config.secureEnough()) {
            throw new IllegalArgumentException("the cloud address must be wss:// (plain ws:// only to this machine, or"
                    + " with allowPlainWebSocket inside a private network)");
        }
        return config;
    }

    @Override
    public String toString() {
        return "LinkConfig[" + cloud + ", credential=***, databases=" + databases + "]";
    }
}
