package org.halocloud.mappings.bppremier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a SQL resource of this module: statements end with ';' at the end of a line, '--' starts a comment line. */
final class SqlScript {

    private SqlScript() {
    }

    static void run(Connection connection, String resource) throws SQLException {
        StringBuilder statement = new StringBuilder();
        try (Statement executor = connection.createStatement()) {
            for (String line : read(resource).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                    continue;
                }
                statement.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    executor.execute(statement.substring(0, statement.lastIndexOf(";")));
                    statement.setLength(0);
                }
            }
        }
    }

    private static String read(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
