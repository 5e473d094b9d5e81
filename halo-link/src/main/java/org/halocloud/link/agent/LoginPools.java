package org.halocloud.link.agent;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.halocloud.link.VendorCredentials;

/**
 * The Link's connections to its databases, pooled per database and integrator login: opening a connection costs
 * more than most queries. A pool only ever serves the login it was made for; Hikari resets auto-commit, read-only,
 * isolation, catalog and schema when a connection comes back.
 */
final class LoginPools implements AutoCloseable {

    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final int size;

    LoginPools(int size) {
        this.size = size;
    }

    Connection connection(String url, VendorCredentials login) throws SQLException {
        // the password is part of the key, so a changed credential gets a new pool rather than the old connections
        String key = sha256(url + '\u0000' + login.user() + '\u0000' + login.password());
        return pools.computeIfAbsent(key, k -> pool(k, url, login)).getConnection();
    }

    private HikariDataSource pool(String key, String url, VendorCredentials login) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("link-" + key.substring(0, 8));
        config.setJdbcUrl(url);
        config.setUsername(login.user());
        config.setPassword(login.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setIdleTimeout(300_000);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1); // a wrong login fails its queries, not the pool's creation
        return new HikariDataSource(config);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
