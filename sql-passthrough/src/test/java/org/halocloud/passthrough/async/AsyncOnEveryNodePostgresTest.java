package org.halocloud.passthrough.async;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * {@link AsyncOnEveryNodeContract} on PostgreSQL, the state store of a cluster: a fresh schema in the database at
 * HALO_TEST_POSTGRES_URL (default {@code jdbc:postgresql://127.0.0.1:5432/test}) as HALO_TEST_POSTGRES_USER (default
 * postgres, no password), dropped afterwards. Skipped, saying so, when no PostgreSQL answers there.
 */
class AsyncOnEveryNodePostgresTest extends AsyncOnEveryNodeContract {

    private static final String SERVER = System.getenv().getOrDefault("HALO_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("HALO_TEST_POSTGRES_USER", "postgres");
    private final String schema = "halo_async_" + Long.toHexString(System.nanoTime());

    @Override
    String url() {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL answers at " + SERVER + " as " + USER + " (" + e.getMessage()
                    + "): start it or set HALO_TEST_POSTGRES_URL to run the async claim tests on PostgreSQL");
        }
        System.out.println("[tests] async on every node: PostgreSQL schema " + schema + " at " + SERVER);
        return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    String user() {
        return USER;
    }

    @Override
    String schema() {
        return schema;
    }

    @Override
    void dropped() {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("[tests] could not drop schema " + schema + ": " + e.getMessage());
        }
    }
}
