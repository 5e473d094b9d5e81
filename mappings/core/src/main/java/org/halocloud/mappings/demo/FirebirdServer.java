package org.halocloud.mappings.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.firebirdsql.management.FBManager;
import org.firebirdsql.management.FBServiceManager;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;

/**
 * A real Firebird server the demo builds practice databases on, reached with Jaybird as its administrator (SYSDBA).
 *
 * <p>{@code url} names the server and, optionally, a directory on it in which the databases are created
 * ({@code jdbc:firebird://db:3050//srv/firebird/}); without one ({@code jdbc:firebird://127.0.0.1:3050/}) they go to
 * Debian's Firebird 3 data directory, {@value #DEBIAN_DATA_DIRECTORY}, which the server's own user can write. Every
 * database is created {@code DEFAULT CHARACTER SET UTF8} and every connection speaks UTF8. Needs Jaybird on the
 * class path.
 */
public record FirebirdServer(String url, String user, String password) {

    public static final String DEFAULT_URL = "jdbc:firebird://127.0.0.1:3050/";
    public static final String DEBIAN_DATA_DIRECTORY = "/var/lib/firebird/3.0/data/";
    private static final Pattern URL = Pattern.compile("jdbc:firebird(?:sql)?://([^:/]+)(?::(\\d+))?/(.*)");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,100}");

    public FirebirdServer {
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("a Firebird server URL looks like " + DEFAULT_URL);
        }
    }

    /** The server as the tests reach it: {@value #DEFAULT_URL} (or HALO_TEST_FIREBIRD_URL), SYSDBA, ISC_PASSWORD. */
    public static FirebirdServer forTests() {
        return new FirebirdServer(System.getenv().getOrDefault("HALO_TEST_FIREBIRD_URL", DEFAULT_URL), "SYSDBA",
                System.getenv().getOrDefault("ISC_PASSWORD", ""));
    }

    /** Why the server cannot be used (nothing answers, the password is refused), or empty when it answers. */
    public Optional<String> unavailable() {
        if (password.isEmpty()) {
            return Optional.of("no SYSDBA password (ISC_PASSWORD is not set)");
        }
        Matcher m = parts();
        FBServiceManager services = new FBServiceManager();
        services.setServerName(m.group(1));
        services.setPortNumber(port(m));
        services.setUser(user);
        services.setPassword(password);
        try {
            services.getServerVersion(); // attaches to the services manager: the server answers and takes the login
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("no Firebird server answers at " + url + " as " + user + " ("
                    + e.getClass().getSimpleName() + ", SQLSTATE " + e.getSQLState() + ")");
        }
    }

    /** The database file's path on the server. */
    public String path(String file) {
        if (!FILE.matcher(file).matches()) {
            throw new IllegalArgumentException("database file names are plain names");
        }
        String directory = parts().group(3);
        if (directory.isEmpty()) {
            return DEBIAN_DATA_DIRECTORY + file;
        }
        return directory.endsWith("/") ? directory + file : directory + "/" + file;
    }

    /** The JDBC URL a login connects to a database with (UTF8 on the wire). */
    public String jdbcUrl(String file) {
        Matcher m = parts();
        return "jdbc:firebird://" + m.group(1) + ":" + port(m) + "/" + path(file) + "?encoding=UTF8";
    }

    /** Creates an empty database ({@code DEFAULT CHARACTER SET UTF8}), dropping one of that name first. */
    public void recreate(String file) throws SQLException {
        FBManager manager = manager();
        try {
            manager.start();
            manager.setForceCreate(true);
            manager.setDefaultCharacterSet("UTF8");
            manager.setDialect(3);
            manager.createDatabase(path(file), user, password);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("cannot create a Firebird database", e);
        } finally {
            stop(manager);
        }
    }

    /** Drops a database if it exists (its connections must be closed). */
    public void drop(String file) throws SQLException {
        FBManager manager = manager();
        try {
            manager.start();
            if (manager.isDatabaseExists(path(file), user, password)) {
                manager.dropDatabase(path(file), user, password);
            }
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new SQLException("cannot drop a Firebird database", e);
        } finally {
            stop(manager);
        }
    }

    /**
     * Builds {@code site} on this server: one database per catalogue of {@code pms} (file
     * {@code <prefix>-<CATALOGUE>.fdb}, dropped first when it exists), the vendor's schema, rows, logins and grants
     * made by the administrator, and {@code localUser} — the Link's own local login — with SELECT on everything.
     *
     * @return the JDBC URL of each catalogue, as logins connect, the default first
     */
    public Map<String, String> build(DemoPms pms, DemoSite site, String prefix, String localUser, String localPassword)
            throws SQLException {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Connection> owners = new LinkedHashMap<>();
        try {
            for (String catalogue : pms.catalogues()) {
                String file = prefix + "-" + catalogue + ".fdb";
                recreate(file);
                urls.put(catalogue, jdbcUrl(file));
                owners.put(catalogue, connect(file));
            }
            pms.build(DemoPms.FIREBIRD, Collections.unmodifiableMap(owners), site);
            for (Connection owner : owners.values()) {
                createUser(owner, localUser, localPassword);
                grantRead(owner, localUser, Set.of());
            }
        } finally {
            for (Connection c : owners.values()) {
                c.close();
            }
        }
        return urls;
    }

    /** A new connection to a database as the administrator; the caller closes it. */
    public Connection connect(String file) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(file), user, password);
    }

    /**
     * Creates (or re-creates with a new password) a server-wide Firebird user. Needs an administrator's
     * connection to any database of the server.
     */
    public static void createUser(Connection admin, String name, String password) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE OR ALTER USER " + identifier(name) + " PASSWORD '" + password.replace("'", "''")
                    + "' USING PLUGIN Srp");
        }
    }

    /**
     * Creates each login as a Firebird user holding {@code GRANT SELECT} on every table and view of the database
     * except {@code ownerOnly}, and {@code EXECUTE} on every procedure — nothing else, so the database itself
     * refuses their writes and DDL.
     */
    public static void createReadOnlyLogins(Connection owner, List<DemoLogin> logins, Set<String> ownerOnly)
            throws SQLException {
        for (DemoLogin login : logins) {
            createUser(owner, login.user(), login.password());
            grantRead(owner, login.user(), ownerOnly);
        }
    }

    /** {@code GRANT SELECT} on every table and view but {@code except}, {@code EXECUTE} on every procedure. */
    public static void grantRead(Connection owner, String user, Set<String> except) throws SQLException {
        List<String> grants = new ArrayList<>();
        for (String relation : names(owner, "SELECT TRIM(RDB$RELATION_NAME) FROM RDB$RELATIONS"
                + " WHERE COALESCE(RDB$SYSTEM_FLAG, 0) = 0 ORDER BY 1")) {
            if (!except.contains(relation)) {
                grants.add("GRANT SELECT ON TABLE " + identifier(relation) + " TO USER " + identifier(user));
            }
        }
        for (String procedure : names(owner, "SELECT TRIM(RDB$PROCEDURE_NAME) FROM RDB$PROCEDURES"
                + " WHERE COALESCE(RDB$SYSTEM_FLAG, 0) = 0 ORDER BY 1")) {
            grants.add("GRANT EXECUTE ON PROCEDURE " + identifier(procedure) + " TO USER " + identifier(user));
        }
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement s = owner.createStatement()) {
            for (String grant : grants) {
                s.execute(grant);
            }
            owner.commit();
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String identifier(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_$]{0,30}")) {
            throw new IllegalArgumentException("Firebird names must be plain identifiers of at most 31 characters");
        }
        return name;
    }

    private Matcher parts() {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("checked in the constructor");
        }
        return m;
    }

    private static int port(Matcher m) {
        return m.group(2) == null ? 3050 : Integer.parseInt(m.group(2));
    }

    private FBManager manager() {
        Matcher m = parts();
        FBManager manager = new FBManager();
        manager.setServer(m.group(1));
        manager.setPort(port(m));
        manager.setUserName(user);
        manager.setPassword(password);
        return manager;
    }

    private static void stop(FBManager manager) {
        try {
            manager.stop();
        } catch (Exception ignored) {
            // nothing was started, or the server went away: nothing to release
        }
    }

    @Override
    public String toString() {
        return "FirebirdServer[" + url + ", " + user + "]"; // never the password
    }
}
