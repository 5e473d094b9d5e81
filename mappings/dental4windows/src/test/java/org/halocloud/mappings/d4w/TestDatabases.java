package org.halocloud.mappings.d4w;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;

/** One empty in-memory H2 database per catalogue, built by a {@link DemoPms} as the owner would. */
final class TestDatabases implements AutoCloseable {

    final Map<String, String> urls = new LinkedHashMap<>();
    final Map<String, Connection> owners = new LinkedHashMap<>();

    TestDatabases(DemoPms pms, DemoSite site) throws SQLException {
        String prefix = UUID.randomUUID().toString();
        for (String catalogue : pms.catalogues()) {
            String url = "jdbc:h2:mem:" + prefix + "-" + catalogue;
            urls.put(catalogue, url);
            owners.put(catalogue, DriverManager.getConnection(url + pms.h2Settings() + ";DB_CLOSE_DELAY=-1",
                    "OWNER", "owner-secret"));
        }
        pms.build(owners, site);
    }

    /** A login's connection: database settings such as MODE need admin rights, so the URL carries none. */
    Connection login(String catalogue, String user, String password) throws SQLException {
        return DriverManager.getConnection(urls.get(catalogue), user, password);
    }

    long count(String catalogue, String sql) throws SQLException {
        try (Statement s = owners.get(catalogue).createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** SHA-256 over every value of a table, in {@code orderBy} order. */
    String checksum(String catalogue, String table, String orderBy) throws SQLException {
        try (Statement s = owners.get(catalogue).createStatement();
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

    @Override
    public void close() throws SQLException {
        for (Connection c : owners.values()) {
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            c.close();
        }
    }
}
