package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.halocloud.HaloIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Plants a unique patient name, queries it every way an integrator might — as a bind value, in SQL text, in a
 * failing query, in a too-large result — with debug logging on, and proves it is in no log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPatientDataInLogsTest extends HaloIntegrationTest {

    @Autowired
    private LoggingSystem logging;

    @Test
    void aPlantedPatientNameNeverReachesTheLogs(CapturedOutput output) throws Exception {
        String name = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String guid = site("bp-premier").haloGuid();
        try (var c = asPractice(guid, null); var s = c.prepareStatement("UPDATE PATIENTS SET SURNAME = ? WHERE INTERNALID = "
                + "(SELECT MIN(INTERNALID) FROM PATIENTS WHERE RECORDSTATUS = 1 AND INTERNALID > 0)")) {
            s.setString(1, name);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        List<String> loggers = List.of("org.halocloud", "org.springframework.web", "org.springframework.jdbc", "ROOT");
        loggers.forEach(l -> logging.setLogLevel(l, LogLevel.DEBUG));
        // the test's own HTTP client logs its URLs at debug: that is this test talking, not the server
        logging.setLogLevel("jdk.internal.httpclient", LogLevel.INFO);
        try {
            String key = acme();
            var byParameter = immediate(guid, key, mapper.writeValueAsString(Map.of("command", Map.of(
                    "text", "SELECT * FROM BPS_Patients WHERE Surname = @s",
                    "parameters", List.of(Map.of("name", "@s", "type", "VarChar", "value", name))))));
            assertThat(byParameter.statusCode()).isEqualTo(200);
            assertThat(rows(byParameter).toString()).contains(name);
            assertThat(sql(guid, key, "SELECT * FROM PATIENTS WHERE SURNAME = '" + name + "'").statusCode()).isEqualTo(200);
            assertThat(sql(guid, key, "SELECT * FROM NO_SUCH_TABLE WHERE SURNAME = '" + name + "'").statusCode()).isEqualTo(400);
            // too large (413), or cut off by the suite's 2 s limit on a loaded machine (504): a failure path either way
            assertThat(sql(guid, key, "SELECT SURNAME, REPEAT(SURNAME, 2000) FROM PATIENTS, SYSTEM_RANGE(1, 400)")
                    .statusCode()).isIn(413, 504);
            assertThat(immediate(guid, key, "{\"command\":{\"text\":\"" + name + "\",\"executionMode\":1}")
                    .statusCode()).isEqualTo(400);
            // and through the FHIR API: a search by the name, a read of that patient, a refused search quoting it
            String fhir = "/integrator/sites/" + guid + "/fhir/R4/Patient";
            var found = get(fhir + "?family=" + name, key);
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains(name);
            assertThat(get(fhir + "?birthdate=" + name, key).statusCode()).isEqualTo(400);
            assertThat(get(fhir + "?" + name + "=1", key).statusCode()).isEqualTo(400);
        } finally {
            loggers.forEach(l -> logging.setLogLevel(l, l.equals("ROOT") ? LogLevel.INFO : null));
            logging.setLogLevel("jdk.internal.httpclient", null);
        }
        String logs = output.getAll() + logText();
        assertThat(logs).as("the query metadata is logged").contains("mode=immediate status=successful");
        assertThat(logs).as("the planted name is not").doesNotContain(name);
    }
}
