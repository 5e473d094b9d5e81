package org.halocloud.mappings.bppremier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.halocloud.mappings.bppremier.fhir.BpPatientWrites;
import org.halocloud.mappings.demo.DemoDatabases;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.demo.DemoSite.DemoLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BP_AddPatient and BP_UpdatePatient as the demo has them: the caller's grants decide, the version guards. */
class BpPatientProceduresTest {

    private static DemoDatabases db;

    @BeforeAll
    static void build() throws SQLException {
        db = new DemoDatabases(new BpPremierDemo(LocalDate.of(2026, 5, 13)), new DemoSite("12345", "Harbourside", 7, 20,
                List.of(new DemoLogin("writer", "w-pass", "Writer", true, Set.of(DemoSite.Write.PATIENTS)),
                        new DemoLogin("reader", "r-pass", "Reader", true))));
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static int add(Connection c, String surname) throws SQLException {
        List<BpPatientWrites.Arg> args = BpPatientWrites.ADD_PATIENT;
        String marks = String.join(", ", java.util.Collections.nCopies(args.size(), "?"));
        try (CallableStatement call = c.prepareCall("{? = call BP_AddPatient(" + marks + ")}")) {
            call.registerOutParameter(1, Types.INTEGER);
            for (int i = 0; i < args.size(); i++) {
                BpPatientWrites.Arg a = args.get(i);
                Object value = a.name().equals("@surname") ? surname : a.name().equals("@firstname") ? "Ada"
                        : a.name().equals("@dob") ? LocalDateTime.of(1984, 2, 29, 0, 0) : a.otherwise();
                call.setObject(i + 2, value);
            }
            call.execute();
            return call.getInt(1);
        }
    }

    @Test
    void aWriterAddsAPatientAndItsVersionGuardsUpdates() throws SQLException {
        try (Connection c = db.login(BpPremierDemo.CATALOGUE, "writer", "w-pass")) {
            int id = add(c, "Proctest");
            assertThat(id).isGreaterThanOrEqualTo(5_000_000);
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT TRIM(SURNAME), RECORDSTATUS FROM PATIENTS WHERE INTERNALID = " + id)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Proctest");
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void aLoginWithoutTheGrantIsRefusedByTheDatabase() throws SQLException {
        try (Connection c = db.login(BpPremierDemo.CATALOGUE, "reader", "r-pass")) {
            assertThatThrownBy(() -> add(c, "Nope")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(90096));
        }
    }
}
