package org.halocloud.mappings.d4w;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;

/**
 * The synthetic Dental4Windows practice database (on-premises D4W). D4W runs on SAP SQL Anywhere; H2 has no such
 * mode, and {@code MSSQLServer} is the closest (SQL Anywhere speaks Transact-SQL: {@code BIT}, {@code TOP n}).
 *
 * <p>Dates are relative to {@code today} (the build date unless given); the same seed and day give identical rows.
 */
public final class Dental4WindowsDemo implements DemoPms {

    public static final String CATALOGUE = "D4W";

    private final LocalDate today;

    public Dental4WindowsDemo() {
        this(LocalDate.now());
    }

    public Dental4WindowsDemo(LocalDate today) {
        this.today = Objects.requireNonNull(today);
    }

    @Override
    public String pms() {
        return "d4w";
    }

    @Override
    public List<String> catalogues() {
        return List.of(CATALOGUE);
    }

    @Override
    public String h2Settings() {
        return ";MODE=MSSQLServer";
    }

    @Override
    public String enabledLoginsQuery() {
        return D4wData.ENABLED_LOGINS;
    }

    @Override
    public void build(Map<String, Connection> ownerConnections, DemoSite site) throws SQLException {
        D4wData.build(Objects.requireNonNull(ownerConnections.get(CATALOGUE), CATALOGUE), site, today, false);
    }
}
