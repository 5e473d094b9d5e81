package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.halocloud.FirebirdZedmedSite;
import org.halocloud.HaloIntegrationTest;
import org.halocloud.demo.DemoManifest;
import org.halocloud.demo.DemoProperties;
import org.halocloud.kernel.state.PmsDatabases;
import org.halocloud.mappings.demo.EnabledIfFirebird;
import org.halocloud.mappings.demo.FirebirdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * SQL passthrough, immediate and async, against the Zedmed practice on a real Firebird 3 server
 * ({@link FirebirdZedmedSite}, added to the suite's one Spring context), and the grants contract there: the
 * integrator's Firebird login may SELECT and EXECUTE PROCEDURE, and the database itself refuses its writes, also
 * those a procedure would make for it. Skipped with one message where no Firebird server answers.
 */
@EnabledIfFirebird
class ZedmedFirebirdPassthroughTest extends HaloIntegrationTest {

    private static final Set<String> TERMINAL = Set.of("successful", "executionFailed", "expiredInQueue", "uploadFailed");
    /** Procedures the demo does not have: made here by the administrator, granted as the product grants. */
    private static final String COUNT_PROCEDURE = "HALO_IT_PATIENT_COUNT";
    private static final String WRITING_PROCEDURE = "HALO_IT_RENAME_PATIENTS";

    @Autowired
    private PmsDatabases databases;

    @Autowired
    private DemoProperties demoProperties;

    private DemoManifest.Site firebird;
    private String admin;
    private String clinical;

    @BeforeEach
    void firebirdSite() throws SQLException {
        firebird = FirebirdZedmedSite.site(site("zedmed"), demoProperties.patients(), integrators, databases, transport);
        admin = firebird.catalogues().get(0);
        clinical = firebird.catalogues().get(1);
    }

    @Test
    void immediateQueriesReadBothDatabasesOfThePairOnFirebird() throws Exception {
        String guid = firebird.haloGuid();
        String key = acme();

        HttpResponse<String> engine = sql(guid, key, "SELECT TRIM(RDB$CHARACTER_SET_NAME) AS CS FROM RDB$DATABASE");
        assertThat(engine.statusCode()).as(engine.body()).isEqualTo(200);
        assertThat(rows(engine).get(0).path("CS").asString()).as("a Firebird database in UTF8").isEqualTo("UTF8");

        HttpResponse<String> all = sql(guid, key, "SELECT * FROM PATIENT");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        JsonNode body = json(all);
        assertThat(body.path("mode").asString()).isEqualTo("immediate");
        assertThat(body.path("siteId").asString()).isEqualTo(guid);
        long patients = count(guid, null, "SELECT COUNT(*) FROM PATIENT");
        assertThat(patients).isPositive();
        assertThat(body.path("result").path("rows").asLong()).isEqualTo(patients);
        assertThat(rows(all)).hasSize((int) patients);

        // Firebird's own paging (FIRST n), the rows as the practice reads them
        String firstFive = "SELECT FIRST 5 PATIENT_ID, FAMILY_NAME FROM PATIENT ORDER BY PATIENT_ID";
        HttpResponse<String> first = sql(guid, key, firstFive);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(idsAndNames(rows(first))).isEqualTo(practiceRows(guid, null, firstFive));

        String problems = mapper.writeValueAsString(Map.of("catalogue", clinical,
                "command", Map.of("text", "SELECT COUNT(*) AS N FROM PROBLEM")));
        HttpResponse<String> inClinical = immediate(guid, key, problems);
        assertThat(inClinical.statusCode()).as(inClinical.body()).isEqualTo(200);
        assertThat(rows(inClinical).get(0).path("N").asLong())
                .isEqualTo(count(guid, clinical, "SELECT COUNT(*) FROM PROBLEM")).isPositive();

        HttpResponse<String> inDefault = sql(guid, key, "SELECT COUNT(*) AS N FROM PROBLEM");
        assertThat(inDefault.statusCode()).as("PROBLEM lives in " + clinical + ", not " + admin).isEqualTo(400);
        JsonNode error = json(inDefault).path("errorDetails");
        assertThat(error.path("errorType").asString()).isEqualTo("fbsql");
        assertThat(error.path("errorCode").asLong()).isNotZero();
        assertThat(error.path("errorMessage").asString()).contains("PROBLEM");
    }

    @Test
    void namedParametersAreBoundByJaybirdNotSpliced() throws Exception {
        String guid = firebird.haloGuid();
        long id;
        String family;
        try (Connection c = asPractice(guid, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT FIRST 1 PATIENT_ID, FAMILY_NAME FROM PATIENT ORDER BY PATIENT_ID")) {
            rs.next();
            id = rs.getLong(1);
            family = rs.getString(2);
        }
        String body = mapper.writeValueAsString(Map.of("command", Map.of(
                "text", "SELECT PATIENT_ID, FAMILY_NAME FROM PATIENT WHERE PATIENT_ID = @id AND FAMILY_NAME = @family",
                "parameters", List.of(Map.of("name", "@id", "type", "Int", "value", id),
                        Map.of("name", "@family", "type", "NVarChar", "value", family)))));
        HttpResponse<String> response = immediate(guid, acme(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(rows(response)).hasSize(1);
        assertThat(rows(response).get(0).path("PATIENT_ID").asLong()).isEqualTo(id);
        assertThat(rows(response).get(0).path("FAMILY_NAME").asString()).isEqualTo(family);

        long patients = count(guid, null, "SELECT COUNT(*) FROM PATIENT");
        String injection = mapper.writeValueAsString(Map.of("command", Map.of(
                "text", "SELECT PATIENT_ID FROM PATIENT WHERE FAMILY_NAME = @family",
                "parameters", List.of(Map.of("name", "@family", "type", "NVarChar",
                        "value", "x'; DROP TABLE PATIENT; --")))));
        HttpResponse<String> injected = immediate(guid, acme(), injection);
        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(200);
        assertThat(rows(injected)).isEmpty();
        assertThat(count(guid, null, "SELECT COUNT(*) FROM PATIENT")).isEqualTo(patients);
    }

    @Test
    void asyncQueriesEndWithTheFirebirdDatabasesRowsOrItsError() throws Exception {
        String guid = firebird.haloGuid();
        String key = acme();
        String text = "SELECT PROBLEM_ID, PATIENT_ID FROM PROBLEM ORDER BY PROBLEM_ID";
        HttpResponse<String> created = post("/integrator/sites/" + guid + "/queries/async", key,
                mapper.writeValueAsString(Map.of("catalogue", clinical, "command", Map.of("text", text))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(json(created).path("mode").asString()).isEqualTo("async");

        JsonNode done = awaitDone(guid, key, id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("successful");
        long expected = count(guid, clinical, "SELECT COUNT(*) FROM PROBLEM");
        assertThat(done.path("result").path("rows").asLong()).isEqualTo(expected).isPositive();
        assertThat(done.path("result").path("pages")).hasSize(1);

        HttpResponse<String> page = get("/integrator/sites/" + guid + "/queries/" + id + "/results/1", key);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode rows = mapper.readTree(Base64.getDecoder().decode(json(page).path("data").asString()));
        List<String> served = new ArrayList<>();
        for (JsonNode row : rows) {
            served.add(row.path("PROBLEM_ID").asLong() + "|" + row.path("PATIENT_ID").asLong());
        }
        assertThat(served).isEqualTo(practiceRows(guid, clinical, text));

        String failing = "SELECT * FROM NO_SUCH_TABLE";
        JsonNode immediateError = json(sql(guid, key, failing)).path("errorDetails");
        HttpResponse<String> failed = post("/integrator/sites/" + guid + "/queries/async", key,
                mapper.writeValueAsString(Map.of("command", Map.of("text", failing))));
        assertThat(failed.statusCode()).isEqualTo(201);
        JsonNode failedDone = awaitDone(guid, key, json(failed).path("id").asString());
        assertThat(failedDone.path("status").asString()).isEqualTo("executionFailed");
        JsonNode error = failedDone.path("errorDetails");
        assertThat(error.path("errorType").asString()).isEqualTo("fbsql");
        assertThat(error.path("errorCode").asLong()).isEqualTo(immediateError.path("errorCode").asLong()).isNotZero();
        assertThat(error.path("errorMessage").asString()).isEqualTo(immediateError.path("errorMessage").asString())
                .containsIgnoringCase("NO_SUCH_TABLE");
    }

    @Test
    void theLoginMaySelectAndExecuteProceduresButTheDatabaseRefusesItsWrites() throws Exception {
        String guid = firebird.haloGuid();
        String key = acme();
        String login = integrators.vendorCredentials(integrators.findByName("Acme Health").orElseThrow(), "zedmed")
                .orElseThrow().user();
        try (Connection owner = FirebirdZedmedSite.administrator(admin); Statement s = owner.createStatement()) {
            s.execute("CREATE OR ALTER PROCEDURE " + COUNT_PROCEDURE + " RETURNS (N INTEGER) AS BEGIN"
                    + " SELECT COUNT(*) FROM PATIENT INTO :N; END");
            s.execute("CREATE OR ALTER PROCEDURE " + WRITING_PROCEDURE + " AS BEGIN"
                    + " UPDATE PATIENT SET FAMILY_NAME = 'CHANGED'; END");
            FirebirdServer.grantRead(owner, login, Set.of("INTEGRATION_PARTNER")); // the grants the demo gives
            try (PreparedStatement privileges = owner.prepareStatement("SELECT DISTINCT TRIM(RDB$PRIVILEGE)"
                    + " FROM RDB$USER_PRIVILEGES WHERE RDB$USER = ? ORDER BY 1")) {
                privileges.setString(1, login);
                List<String> held = new ArrayList<>();
                try (ResultSet rs = privileges.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getString(1));
                    }
                }
                assertThat(held).as("SELECT and EXECUTE, nothing else").containsExactly("S", "X");
            }
        }
        long patients = count(guid, null, "SELECT COUNT(*) FROM PATIENT");
        long appointments = count(guid, null, "SELECT COUNT(*) FROM APPOINTMENT");
        long problems = count(guid, clinical, "SELECT COUNT(*) FROM PROBLEM");

        // EXECUTE PROCEDURE as a text command: Jaybird answers an executable procedure's outputs as one row
        HttpResponse<String> counted = sql(guid, key, "EXECUTE PROCEDURE " + COUNT_PROCEDURE);
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        assertThat(rows(counted)).hasSize(1);
        assertThat(rows(counted).get(0).path("N").asLong()).isEqualTo(patients);
        // a procedure has no rights of its own here: the write it would make for the login is refused too
        assertRefusedByTheDatabase(nonQuery(guid, key, null, "EXECUTE PROCEDURE " + WRITING_PROCEDURE),
                "no permission for UPDATE access");

        assertRefusedByTheDatabase(nonQuery(guid, key, null, "INSERT INTO APPOINTMENT (APPT_ID, PATIENT_ID, DR_CODE,"
                + " BRANCH_ID, APPT_DATE, START_TIME, DURATION_MIN, STATUS) VALUES (999999, 1, 'X', 1, CURRENT_DATE,"
                + " TIME '09:00:00', 15, 'BK')"), "no permission for INSERT access");
        assertRefusedByTheDatabase(nonQuery(guid, key, null, "UPDATE PATIENT SET FAMILY_NAME = 'CHANGED'"),
                "no permission for UPDATE access");
        assertRefusedByTheDatabase(nonQuery(guid, key, clinical, "DELETE FROM PROBLEM"),
                "no permission for DELETE access");
        assertRefusedByTheDatabase(nonQuery(guid, key, null, "SELECT NEXT VALUE FOR GEN_APPT_ID FROM RDB$DATABASE"),
                "no permission for USAGE access");
        assertRefusedByTheDatabase(sql(guid, key, "SELECT * FROM INTEGRATION_PARTNER"),
                "no permission for SELECT access");

        assertThat(count(guid, null, "SELECT COUNT(*) FROM PATIENT")).isEqualTo(patients);
        assertThat(count(guid, null, "SELECT COUNT(*) FROM PATIENT WHERE FAMILY_NAME = 'CHANGED'")).isZero();
        assertThat(count(guid, null, "SELECT COUNT(*) FROM APPOINTMENT")).isEqualTo(appointments);
        assertThat(count(guid, clinical, "SELECT COUNT(*) FROM PROBLEM")).isEqualTo(problems);
    }

    /**
     * The {@code storedProcedure} command type on Firebird. Jaybird 5.0.6 fails a {@code CallableStatement} once a
     * query timeout is set on it (NullPointerException in {@code AbstractFbStatement.validateParameters}), and the
     * Link sets one on every statement, so the call never reaches the server; an output-only parameter is also
     * bound as an input (Firebird: input parameter mismatch). Both are the Link's to fix (halo-link's
     * {@code callProcedure}): see docs/real-engines.md. {@code EXECUTE PROCEDURE} as text works meanwhile.
     */
    @Test
    @Disabled("Jaybird 5.0.6 throws NullPointerException for a CallableStatement with a query timeout, which the Link"
            + " always sets: see docs/real-engines.md")
    void aStoredProcedureCommandCallsAFirebirdProcedure() throws Exception {
        theLoginMaySelectAndExecuteProceduresButTheDatabaseRefusesItsWrites(); // makes and grants the procedures
        String guid = firebird.haloGuid();
        HttpResponse<String> counted = immediate(guid, acme(), mapper.writeValueAsString(Map.of("command", Map.of(
                "text", COUNT_PROCEDURE, "type", "storedProcedure", "executionMode", "nonQuery",
                "parameters", List.of(Map.of("name", "@N", "direction", "output", "type", "Int"))))));
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        assertThat(json(counted).path("result").path("parameters").get(0).path("value").asLong())
                .isEqualTo(count(guid, null, "SELECT COUNT(*) FROM PATIENT"));
    }

    @Test
    void aPracticeThatDisabledAnIntegrationIsRefusedAtTheFrontDoorByItsFirebirdSettings() throws Exception {
        HttpResponse<String> refused = sql(firebird.haloGuid(), freshKey("Beta Bookings"), "SELECT 1 FROM RDB$DATABASE");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("has not enabled your integration");
    }

    private void assertRefusedByTheDatabase(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode envelope = json(response);
        assertThat(envelope.path("status").asString()).isEqualTo("executionFailed");
        assertThat(envelope.path("errorDetails").path("errorType").asString()).isEqualTo("fbsql");
        assertThat(envelope.path("errorDetails").path("errorMessage").asString()).contains(message);
    }

    private HttpResponse<String> nonQuery(String guid, String key, String catalogue, String text) throws Exception {
        Map<String, Object> command = Map.of("text", text, "executionMode", "nonQuery");
        return immediate(guid, key, mapper.writeValueAsString(catalogue == null ? Map.of("command", command)
                : Map.of("catalogue", catalogue, "command", command)));
    }

    private static List<String> idsAndNames(JsonNode rows) {
        List<String> values = new ArrayList<>();
        for (JsonNode row : rows) {
            values.add(row.path("PATIENT_ID").asLong() + "|" + row.path("FAMILY_NAME").asString());
        }
        return values;
    }

    /** The first two columns of each row, joined by {@code |}, as the practice itself reads them. */
    private List<String> practiceRows(String guid, String catalogue, String text) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = asPractice(guid, catalogue); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(text)) {
            while (rs.next()) {
                values.add(rs.getString(1) + "|" + rs.getString(2));
            }
        }
        return values;
    }

    private JsonNode awaitDone(String guid, String key, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            HttpResponse<String> response = get("/integrator/sites/" + guid + "/queries/" + id, key);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode query = json(response);
            if (TERMINAL.contains(query.path("status").asString())) {
                return query;
            }
            assertThat(System.currentTimeMillis()).as("query %s still %s", id, query.path("status").asString())
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
