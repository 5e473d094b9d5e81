package org.halocloud.mappings.d4w.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.halocloud.mappings.d4w.Dental4WindowsDemo;
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

/** Searches find exactly the resources whose rendered code they name, on the D4W demo database. */
class D4wCodeTablesTest {

    private static final ResourceMapping<?, ?> PATIENTS = new D4wFhir().resource("Patient").orElseThrow();

    private DemoDatabases db;
    private String catalogue;

    @BeforeEach
    void build() throws SQLException {
        Dental4WindowsDemo demo = new Dental4WindowsDemo(LocalDate.of(2026, 3, 11));
        db = new DemoDatabases(demo, new DemoSite("504231", "Harbourside Dental", 42, 60,
                List.of(new DemoSite.DemoLogin("halo_demo", "demo-pass", "Demo Integrator", true))));
        catalogue = demo.catalogues().get(0);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    /** D4W reads GENDER without case: a patient typed in as 'f' is female, and a female search finds her. */
    @Test
    void genderSearchFindsLowerCaseGendersAsTheMapperRendersThem() throws SQLException {
        int female = firstPatientWithGender("F");
        int blank = firstPatientWithGender("M");
        update("UPDATE PATIENT SET GENDER = 'f' WHERE PATIENT_ID = " + female);
        update("UPDATE PATIENT SET GENDER = ' ' WHERE PATIENT_ID = " + blank);
        try (Connection c = db.connectOwner(catalogue)) {
            List<Resource> all = MappingSearch.search(c, PATIENTS, null, null);
            assertThat(gender(all, female)).isEqualTo(AdministrativeGender.FEMALE);
            assertThat(gender(all, blank)).isEqualTo(AdministrativeGender.UNKNOWN);
            for (AdministrativeGender gender : List.of(AdministrativeGender.MALE, AdministrativeGender.FEMALE,
                    AdministrativeGender.OTHER, AdministrativeGender.UNKNOWN)) {
                assertThat(MappingSearch.ids(MappingSearch.search(c, PATIENTS, "gender", gender.toCode())))
                        .as(gender.toCode()).containsExactlyElementsOf(MappingSearch.ids(all.stream()
                                .filter(p -> ((Patient) p).getGender() == gender).toList()));
            }
        }
    }

    /** Every D4W code table searches exactly the rows it decodes. */
    @Test
    void everyCodeTableSearchesWhatItRenders() throws SQLException {
        try (Connection c = db.connectOwner(catalogue)) {
            CodeTableContract.assertSearchMatchesDecode(c, D4wCodes.ALL);
        }
    }

    private static AdministrativeGender gender(List<Resource> patients, int id) {
        return patients.stream().filter(p -> p.getIdElement().getValue().equals("Patient/" + id))
                .map(p -> ((Patient) p).getGender()).findFirst().orElseThrow();
    }

    private int firstPatientWithGender(String gender) throws SQLException {
        return (int) db.count(catalogue, "SELECT MIN(PATIENT_ID) FROM PATIENT WHERE GENDER = '" + gender + "'");
    }

    private void update(String sql) throws SQLException {
        try (Connection c = db.connectOwner(catalogue); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
        }
    }
}
