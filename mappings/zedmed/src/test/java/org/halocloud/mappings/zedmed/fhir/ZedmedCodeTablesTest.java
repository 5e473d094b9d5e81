package org.halocloud.mappings.zedmed.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.halocloud.mappings.demo.DemoDatabases;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.fhir.CodeTableContract;
import org.halocloud.mappings.fhir.MappingSearch;
import org.halocloud.mappings.zedmed.ZedmedDemo;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches find exactly the resources whose rendered code they name, on the Zedmed demo databases. */
class ZedmedCodeTablesTest {

    private DemoDatabases db;

    @BeforeEach
    void build() throws SQLException {
        db = new DemoDatabases(new ZedmedDemo(LocalDate.of(2026, 3, 11)), new DemoSite("ZM-1042",
                "Wattle Grove Medical Centre", 42, 60, List.of(new DemoSite.DemoLogin("halo", "pw", "Halo", true))));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    /** Zedmed compares SEX exactly: an 'f' (or a code it does not list) renders unknown, and unknown finds it. */
    @Test
    void genderUnknownFindsEveryPatientRenderedUnknown() throws SQLException {
        long typedLowerCase = db.count(ZedmedDemo.ADMIN, "SELECT MIN(PATIENT_ID) FROM PATIENT WHERE SEX = 'F'");
        try (Connection c = db.connectOwner(ZedmedDemo.ADMIN)) {
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("UPDATE PATIENT SET SEX = 'f' WHERE PATIENT_ID = " + typedLowerCase)).isEqualTo(1);
            }
            List<Resource> all = MappingSearch.search(c, ZedmedFhir.PATIENTS, null, null);
            for (AdministrativeGender gender : List.of(AdministrativeGender.MALE, AdministrativeGender.FEMALE,
                    AdministrativeGender.OTHER, AdministrativeGender.UNKNOWN)) {
                assertThat(MappingSearch.ids(MappingSearch.search(c, ZedmedFhir.PATIENTS, "gender", gender.toCode())))
                        .as(gender.toCode()).containsExactlyElementsOf(MappingSearch.ids(all.stream()
                                .filter(p -> ((Patient) p).getGender() == gender).toList()));
            }
            assertThat(MappingSearch.ids(MappingSearch.search(c, ZedmedFhir.PATIENTS, "gender", "unknown")))
                    .contains("Patient/" + typedLowerCase);
        }
    }

    @Test
    void everyCodeTableSearchesWhatItRenders() throws SQLException {
        try (Connection c = db.connectOwner(ZedmedDemo.ADMIN)) {
            CodeTableContract.assertSearchMatchesDecode(c, ZedmedCodes.ALL);
        }
    }
}
