package org.halocloud.mappings.zedmed;

import org.halocloud.mappings.demo.DemoSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.halocloud.mappings.demo.DemoPms;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;
import java.time.ZoneId;

/**
 * The synthetic Zedmed practice: a pair of databases, {@code ZEDMED_ADMIN} (practice, people, appointment book,
 * integration settings) and {@code ZEDMED_CLINICAL} (the clinical record). Zedmed runs on Firebird; H2 has no
 * Firebird mode, and its {@code Regular} mode is the closest (standard SQL, sequences, {@code ||}).
 *
 * <p>Dates are relative to {@code today} (the build date unless given), so the appointment book always has past
 * and future entries; the same seed and the same day give identical rows.
 */
public final class ZedmedDemo implements DemoPms {

    public static final String ADMIN = "ZEDMED_ADMIN";
    public static final String CLINICAL = "ZEDMED_CLINICAL";

    private final LocalDate today;

    public ZedmedDemo() {
        this(LocalDate.now(ZoneId.of("Australia/Sydney"))); // the practice's today, as the FHIR API reads its dates
    }

    public ZedmedDemo(LocalDate today) {
        this.today = Objects.requireNonNull(today);
    }

    @Override
    public Zedmed pms() {
        return Zedmed.PMS;
    }

    @Override
    public String h2Settings() {
        return "";
    }

    @Override
    public void build(Map<String, Connection> ownerConnections, DemoSite site) throws SQLException {
        Connection admin = Objects.requireNonNull(ownerConnections.get(ADMIN), ADMIN);
        Connection clinical = Objects.requireNonNull(ownerConnections.get(CLINICAL), CLINICAL);
        DemoSql.runScript(admin, ZedmedDemo.class, "admin.sql");
        DemoSql.runScript(clinical, ZedmedDemo.class, "clinical.sql");
        new ZedmedData(admin, clinical, site, today).load();
        DemoSql.createReadOnlyLogins(admin, site.logins(), Set.of("INTEGRATION_PARTNER"));
        DemoSql.createReadOnlyLogins(clinical, site.logins(), Set.of());
        try (DemoSql.Load load = new DemoSql.Load(admin)) {
            DemoSql.Rows partners = load.into(admin, "INTEGRATION_PARTNER",
                    "PARTNER_ID, PARTNER_NAME, DB_LOGIN, ENABLED, ENABLED_AT, DISABLED_AT, UPDATED_BY");
            LocalDateTime since = today.minusMonths(3).atTime(10, 30);
            int id = 0;
            for (DemoLogin login : site.logins()) {
                partners.add(++id, login.integrator(), login.user(), login.enabled() ? 1 : 0,
                        since, login.enabled() ? null : since.plusDays(30), "PRACTICE_MGR");
            }
        }
    }
}
