package org.halocloud.mappings.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One empty in-memory H2 database per catalogue of a {@link DemoPms}, created by its owner with the vendor's
 * {@link DemoPms#h2Settings()} and built with one {@link DemoSite}, as the embedded demo does; for tests. Needs H2
 * on the class path. {@link #close()} shuts the databases down.
 */
public final class DemoDatabases implements AutoCloseable {

    private static final String OWNER = "OWNER";
    private static final String OWNER_PASSWORD = "owner-secret";

    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, Connection> owners = new LinkedHashMap<>();

    /** Creates the databases (with unique names) and builds {@code site} into them. */
    public DemoDatabases(DemoPms pms, DemoSite site) throws SQLException {
        String prefix = UUID.randomUUID().toString();
        try {
            for (String catalogue : pms.catalogues()) {
                String url = "jdbc:h2:mem:" + prefix + "-" + catalogue;
                urls.put(catalogue, url);
                owners.put(catalogue, DriverManager.getConnection(url + pms.h2Settings() + ";DB_CLOSE_DELAY=-1",
                        OWNER, OWNER_PASSWORD));
            }
            pms.build(Collections.unmodifiableMap(owners), site);
        } catch (SQLException | RuntimeException e) {
            try {
                close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The JDBC URL of a catalogue, without settings (database settings such as MODE need admin rights). */
    public String url(String catalogue) {
        return known(urls.get(catalogue), catalogue);
    }

    /** The owner's open connection to a catalogue; closed by {@link #close()}. */
    public Connection owner(String catalogue) {
        return known(owners.get(catalogue), catalogue);
    }

    /** A new connection to a catalogue as its owner; the caller closes it. */
    public Connection connectOwner(String catalogue) throws SQLException {
        return DriverManager.getConnection(url(catalogue), OWNER, OWNER_PASSWORD);
    }

    /** A new connection to a catalogue as a login; the caller closes it. */
    public Connection login(String catalogue, String user, String password) throws SQLException {
        return DriverManager.getConnection(url(catalogue), user, password);
    }

    /** The first column of the first row of {@code sql}, run by the owner, as a number (e.g. a {@code COUNT(*)}). */
    public long count(String catalogue, String sql) throws SQLException {
        try (Statement s = owner(catalogue).createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of every row of {@code sql}, run by the owner, as strings. */
    public List<String> strings(String catalogue, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = owner(catalogue).createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** SHA-256 over every value of a table, in {@code orderBy} order. */
    public String checksum(String catalogue, String table, String orderBy) throws SQLException {
        try (Statement s = owner(catalogue).createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    digest.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 31);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T known(T value, String catalogue) {
        if (value == null) {
            throw new IllegalArgumentException("no catalogue " + catalogue);
        }
        return value;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Connection c : owners.values()) {
            try (c; Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        owners.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
