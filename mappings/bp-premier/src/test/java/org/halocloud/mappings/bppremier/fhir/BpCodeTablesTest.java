package org.halocloud.mappings.bppremier.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.halocloud.mappings.bppremier.BpPremierDemo;
import org.halocloud.mappings.demo.DemoDatabases;
import org.halocloud.mappings.demo.DemoSite;
import org.halocloud.mappings.fhir.CodeTableContract;
import org.halocloud.mappings.fhir.MappingSearch;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches find exactly the resources whose rendered code they name, on the Bp demo database. */
class BpCodeTablesTest {

    private static final String CATALOGUE = BpPremierDemo.CATALOGUE;
    private static final ResourceMapping<?, ?> PATIENTS = new BpPremierFhir().resource("Patient").orElseThrow();

    private DemoDatabases db;

    @BeforeEach
    void build() throws SQLException {
        db = new DemoDatabases(new BpPremierDemo(LocalDate.of(2026, 5, 13)), new DemoSite("12345",
                "Harbourside Family Practice", 42, 60, List.of(new DemoSite.DemoLogin("halo_link", "s3cret", "Halo", true))));
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    /** SEXCODE 1 male, 2 female, 3 and 4 other, anything else (0, or a code this mapping does not know) unknown. */
    @Test
    void genderUnknownFindsEveryPatientRenderedUnknown() throws SQLException {
        int recoded = firstPatientWithSexCode(1);
        update("UPDATE dbo.PATIENTS SET SEXCODE = 9 WHERE INTERNALID = " + recoded);
        update("UPDATE dbo.PATIENTS SET SEXCODE = 4 WHERE INTERNALID = " + firstPatientWithSexCode(2));
        try (Connection c = db.connectOwner(CATALOGUE)) {
            List<Resource> all = MappingSearch.search(c, PATIENTS, null, null);
            List<String> renderedUnknown = MappingSearch.ids(all.stream()
                    .filter(p -> ((Patient) p).getGender() == AdministrativeGender.UNKNOWN).toList());
            assertThat(renderedUnknown).contains("Patient/" + recoded).hasSizeGreaterThan(1);

            assertThat(MappingSearch.ids(MappingSearch.search(c, PATIENTS, "gender", "unknown")))
                    .containsExactlyElementsOf(renderedUnknown);
            for (AdministrativeGender gender : List.of(AdministrativeGender.MALE, AdministrativeGender.FEMALE,
                    AdministrativeGender.OTHER)) {
                assertThat(MappingSearch.ids(MappingSearch.search(c, PATIENTS, "gender", gender.toCode())))
                        .as(gender.toCode()).isNotEmpty().containsExactlyElementsOf(MappingSearch.ids(all.stream()
                                .filter(p -> ((Patient) p).getGender() == gender).toList()));
            }
        }
    }

    /** Every Bp code table searches exactly the rows it decodes, under Bp's case-insensitive collation. */
    @Test
    void everyCodeTableSearchesWhatItRenders() throws SQLException {
        try (Connection c = db.connectOwner(CATALOGUE)) {
            CodeTableContract.assertSearchMatchesDecode(c, BpCodes.ALL);
        }
    }

    private int firstPatientWithSexCode(int code) throws SQLException {
        return (int) db.count(CATALOGUE, "SELECT MIN(INTERNALID) FROM dbo.PATIENTS WHERE RECORDSTATUS = 1"
                + " AND INTERNALID > 0 AND SEXCODE = " + code + " AND SURNAME NOT IN ('DO NOT BOOK', 'CARE PLAN')");
    }

    private void update(String sql) throws SQLException {
        try (Connection c = db.connectOwner(CATALOGUE); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }
}
