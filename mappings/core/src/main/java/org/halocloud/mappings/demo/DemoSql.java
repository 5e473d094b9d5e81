package org.halocloud.mappings.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;

/**
 * JDBC plumbing for the demo databases: SQL scripts, batched inserts with chunked commits, read-only logins.
 *
 */
public final class DemoSql {

    private static final int BATCH = 1_000;
    /** Patients per commit in {@link Load#eachPatient}. */
    private static final int PATIENTS_PER_COMMIT = 500;

    private DemoSql() {
    }

    /** Runs a classpath script: one statement per {@code ;} at a line end; whole-line {@code --} comments. */
    public static void runScript(Connection connection, Class<?> owner, String resource) throws SQLException {
        String text;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sql = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            for (String line : text.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                sql.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    statement.execute(sql.substring(0, sql.lastIndexOf(";")));
                    sql.setLength(0);
                }
            }
        }
        if (!sql.isEmpty()) {
            throw new IllegalStateException(resource + ": statement without a closing ';'");
        }
    }

    /**
     * Creates each login as a database user with SELECT on every table and view of the current schema except
     * {@code ownerOnly}; no INSERT, UPDATE, DELETE or DDL.
     */
    public static void createReadOnlyLogins(Connection connection, List<DemoLogin> logins, Set<String> ownerOnly)
            throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                if (!ownerOnly.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (DemoLogin login : logins) {
                String user = identifier(login.user());
                statement.execute("CREATE USER " + user + " PASSWORD '" + login.password().replace("'", "''") + "'");
                statement.execute("GRANT SELECT ON " + String.join(", ", tables) + " TO " + user);
            }
        }
    }

    /**
     * Grants each login what the practice lets it write: INSERT and UPDATE on the tables of each {@link DemoSite.Write}
     * it holds (the FHIR write paths through the vendor's tables need no more). Nothing else: no DELETE, no DDL.
     */
    public static void grantWrites(Connection connection, List<DemoLogin> logins, Map<DemoSite.Write, List<String>> tables)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (DemoLogin login : logins) {
                for (DemoSite.Write write : login.writes()) {
                    List<String> granted = tables.getOrDefault(write, List.of());
                    if (!granted.isEmpty()) {
                        statement.execute("GRANT INSERT, UPDATE ON " + String.join(", ", granted) + " TO "
                                + identifier(login.user()));
                    }
                }
            }
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,30}")) {
            throw new IllegalArgumentException("login names must be plain SQL identifiers of at most 31 characters");
        }
        return name;
    }

    /** Writes one patient and their records from the patient's own random stream. */
    @FunctionalInterface
    public interface PatientWriter {
        void write(int id, Random r) throws SQLException;
    }

    /**
     * One load session over some connections: batched INSERTs, committed together in chunks. Auto-commit is off
     * while it is open and back to what it was when it closes. Batches are sent in the order their tables were
     * opened, so open parent tables first.
     */
    public static final class Load implements AutoCloseable {
        private final List<Connection> connections;
        private final List<Boolean> autoCommit = new ArrayList<>();
        private final List<Rows> rows = new ArrayList<>();

        public Load(Connection... connections) throws SQLException {
            this.connections = List.of(connections);
            for (Connection c : connections) {
                autoCommit.add(c.getAutoCommit());
                c.setAutoCommit(false);
            }
        }

        /** A batched insert into {@code table}; {@code columns} is a comma-separated column list. */
        public Rows into(Connection connection, String table, String columns) throws SQLException {
            Rows r = new Rows(this, connection, table, columns);
            rows.add(r);
            return r;
        }

        /**
         * Writes patients 1 to {@code site.patients()}, each from its own {@link SyntheticAu#random} stream of the
         * site's seed, committing every 500 patients.
         */
        public void eachPatient(DemoSite site, PatientWriter patient) throws SQLException {
            for (int id = 1; id <= site.patients(); id++) {
                patient.write(id, SyntheticAu.random(site.seed(), id));
                if (id % PATIENTS_PER_COMMIT == 0) {
                    commit();
                }
            }
        }

        /** Sends all pending rows and commits every connection. */
        public void commit() throws SQLException {
            flushThrough(rows.size() - 1);
            for (Connection c : connections) {
                c.commit();
            }
        }

        /** Sends the pending rows of the first {@code last + 1} tables, parents before children. */
        private void flushThrough(int last) throws SQLException {
            for (int i = 0; i <= last; i++) {
                rows.get(i).flush();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                commit();
            } finally {
                for (Rows r : rows) {
                    r.statement.close();
                }
                for (int i = 0; i < connections.size(); i++) {
                    connections.get(i).setAutoCommit(autoCommit.get(i));
                }
            }
        }
    }

    /** A batched {@code INSERT INTO table (columns) VALUES (?, ...)}. */
    public static final class Rows {
        private final Load load;
        private final PreparedStatement statement;
        private final int width;
        private int pending;

        private Rows(Load load, Connection connection, String table, String columns) throws SQLException {
            this.load = load;
            width = columns.split(",").length;
            statement = connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                    + String.join(", ", Collections.nCopies(width, "?")) + ")");
        }

        public void add(Object... values) throws SQLException {
            if (values.length != width) {
                throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending == BATCH) {
                load.flushThrough(load.rows.indexOf(this));
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }
    }
}
