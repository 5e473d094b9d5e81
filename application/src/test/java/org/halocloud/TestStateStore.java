package org.halocloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Chooses the tests' cloud state store. By default the embedded H2; with HALO_TEST_STATE_STORE=postgres a fresh
 * database on the PostgreSQL server at HALO_TEST_POSTGRES_URL (default the local one), made for this run.
 */
final class TestStateStore {

    private static Path dir;

    private TestStateStore() {
    }

    static synchronized Path tempDir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("halo-it-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static void configure(DynamicPropertyRegistry registry) {
        if (!"postgres".equalsIgnoreCase(System.getenv("HALO_TEST_STATE_STORE"))) {
            System.out.println("[tests] cloud state store: embedded H2 (set HALO_TEST_STATE_STORE=postgres for PostgreSQL)");
            return;
        }
        String server = System.getenv().getOrDefault("HALO_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getenv().getOrDefault("HALO_TEST_POSTGRES_USER", "postgres");
        String database = "halo_it_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(server + "postgres", user, "")) {
            c.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("HALO_TEST_STATE_STORE=postgres but no PostgreSQL answers at " + server
                    + " as " + user + " (" + e.getMessage() + "); start it (see README) or unset the variable", e);
        }
        System.out.println("[tests] cloud state store: PostgreSQL database " + database + " at " + server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(server + "postgres", user, "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("[tests] could not drop " + database + ": " + e.getMessage());
            }
        }));
        registry.add("spring.datasource.url", () -> server + database);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> "");
    }
}
