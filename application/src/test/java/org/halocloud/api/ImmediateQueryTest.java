package org.halocloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.halocloud.HaloIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Immediate queries against each demo PMS, compared with what the practice database itself holds. */
class ImmediateQueryTest extends HaloIntegrationTest {

    @Test
    void rowsFromEveryDemoPms() throws Exception {
        String key = acme();
        Map<String, String> patientsTable = Map.of("bp-premier", "BPS_Patients", "zedmed", "PATIENT", "d4w", "PATIENT",
                "d4web", "PATIENT");
        for (var entry : patientsTable.entrySet()) {
            String guid = site(entry.getKey()).haloGuid();
            HttpResponse<String> response = sql(guid, key, "SELECT * FROM " + entry.getValue());
            assertThat(response.statusCode()).as(entry.getKey() + ": " + response.body()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.path("mode").asString()).isEqualTo("immediate");
            assertThat(body.path("siteId").asString()).isEqualTo(guid);
            assertThat(body.path("statusTiming").has("executing")).isTrue();
            long expected = count(guid, null, "SELECT COUNT(*) FROM " + entry.getValue());
            assertThat(expected).isPositive();
            assertThat(body.path("result").path("rows").asLong()).isEqualTo(expected);
            assertThat(rows(response)).hasSize((int) expected);
            assertThat(body.path("result").path("size").asLong()).isEqualTo(
                    java.util.Base64.getDecoder().decode(body.path("result").path("data").asString()).length);
        }
    }

    @Test
    void namedParametersAreBoundNotSpliced() throws Exception {
        String guid = site("bp-premier").haloGuid();
        long id;
        String surname;
        try (var c = asPractice(guid, null); var s = c.createStatement();
             var rs = s.executeQuery("SELECT TOP 1 INTERNALID, SURNAME FROM PATIENTS WHERE RECORDSTATUS = 1 ORDER BY INTERNALID")) {
            rs.next();
            id = rs.getLong(1);
            surname = rs.getString(2);
        }
        String body = mapper.writeValueAsString(Map.of("command", Map.of(
                "text", "SELECT INTERNALID, SURNAME FROM PATIENTS WHERE INTERNALID = @id AND SURNAME = @surname -- not @this",
                "parameters", List.of(Map.of("name", "@id", "type", "Int", "value", id),
                        Map.of("name", "@surname", "type", "VarChar", "value", surname)))));
        HttpResponse<String> response = immediate(guid, acme(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(rows(response)).hasSize(1);
        assertThat(rows(response).get(0).path("INTERNALID").asLong()).isEqualTo(id);

        long patients = count(guid, null, "SELECT COUNT(*) FROM PATIENTS");
        String injection = mapper.writeValueAsString(Map.of("command", Map.of(
                "text", "SELECT INTERNALID FROM PATIENTS WHERE SURNAME = @surname",
                "parameters", List.of(Map.of("name", "@surname", "type", "NVarChar",
                        "value", "x'; DROP TABLE PATIENTS; --")))));
        HttpResponse<String> injected = immediate(guid, acme(), injection);
        assertThat(injected.statusCode()).isEqualTo(200);
        assertThat(rows(injected)).isEmpty();
        assertThat(count(guid, null, "SELECT COUNT(*) FROM PATIENTS")).isEqualTo(patients);
    }

    @Test
    void deleteIsRefusedByTheDatabaseItsGrantsAndNothingChanges() throws Exception {
        String guid = site("bp-premier").haloGuid();
        long before = count(guid, null, "SELECT COUNT(*) FROM PATIENTS");
        String body = mapper.writeValueAsString(Map.of("command", Map.of("text", "DELETE FROM PATIENTS",
                "executionMode", "nonQuery")));
        HttpResponse<String> response = immediate(guid, acme(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode envelope = json(response);
        assertThat(envelope.path("status").asString()).isEqualTo("executionFailed");
        assertThat(envelope.path("errorDetails").path("errorType").asString()).isEqualTo("mssql");
        assertThat(envelope.path("errorDetails").path("errorMessage").asString()).containsIgnoringCase("rights");
        assertThat(count(guid, null, "SELECT COUNT(*) FROM PATIENTS")).isEqualTo(before);

        // Beta Bookings' login holds no UPDATE on PATIENTS (the practice lets only Acme Health write patients)
        HttpResponse<String> update = sql(guid, freshKey("Beta Bookings"), "UPDATE PATIENTS SET SURNAME = 'X'");
        assertThat(update.statusCode()).as(update.body()).isEqualTo(400);
        assertThat(count(guid, null, "SELECT COUNT(*) FROM PATIENTS WHERE SURNAME = 'X'")).isZero();
    }

    @Test
    void catalogueSelectsOneOfZedmedsPairOfDatabases() throws Exception {
        var zedmed = site("zedmed");
        String admin = zedmed.catalogues().get(0);
        String clinical = zedmed.catalogues().get(1);
        String problems = mapper.writeValueAsString(Map.of("catalogue", clinical,
                "command", Map.of("text", "SELECT COUNT(*) AS N FROM PROBLEM")));
        HttpResponse<String> inClinical = immediate(zedmed.haloGuid(), acme(), problems);
        assertThat(inClinical.statusCode()).as(inClinical.body()).isEqualTo(200);
        assertThat(rows(inClinical).get(0).path("N").asLong()).isEqualTo(count(zedmed.haloGuid(), clinical,
                "SELECT COUNT(*) FROM PROBLEM"));

        HttpResponse<String> inDefault = sql(zedmed.haloGuid(), acme(), "SELECT COUNT(*) AS N FROM PROBLEM");
        assertThat(inDefault.statusCode()).as("PROBLEM lives in " + clinical + ", not the default " + admin).isEqualTo(400);
        assertThat(json(inDefault).path("errorDetails").path("errorType").asString()).isEqualTo("fbsql");

        String unknown = mapper.writeValueAsString(Map.of("catalogue", "NOPE", "command", Map.of("text", "SELECT 1")));
        HttpResponse<String> refused = immediate(zedmed.haloGuid(), acme(), unknown);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("error").path("message").asString()).contains(clinical);
    }

    @Test
    void storedProcedureWithReturnValueBooksAnAppointment() throws Exception {
        String guid = site("bp-premier").haloGuid();
        long patient;
        long practitioner;
        try (var c = asPractice(guid, null); var s = c.createStatement()) {
            var rs = s.executeQuery("SELECT TOP 1 INTERNALID FROM PATIENTS WHERE RECORDSTATUS = 1 AND INTERNALID > 0 ORDER BY INTERNALID");
            rs.next();
            patient = rs.getLong(1);
            rs = s.executeQuery("SELECT TOP 1 USERID FROM USERS ORDER BY USERID");
            rs.next();
            practitioner = rs.getLong(1);
        }
        String body = mapper.writeValueAsString(Map.of("command", Map.of(
                "text", "BP_AddAppointmentEx", "type", "storedProcedure", "executionMode", "nonQuery",
                "parameters", List.of(
                        Map.of("name", "@return", "direction", "returnValue", "type", "Int"),
                        Map.of("name", "@aptdate", "type", "DateTime", "value", "20300105"),
                        Map.of("name", "@apttime", "type", "Int", "value", 29700),
                        Map.of("name", "@appointmenttype", "type", "Int", "value", 1),
                        Map.of("name", "@aptlen", "type", "Int", "value", 900),
                        Map.of("name", "@practitionerid", "type", "Int", "value", practitioner),
                        Map.of("name", "@patientid", "type", "Int", "value", patient),
                        Map.of("name", "@reason", "type", "VarChar", "value", "Review"),
                        Map.of("name", "@loginid", "type", "Int", "value", practitioner),
                        Map.of("name", "@locationid", "type", "Int", "value", 1),
                        Map.of("name", "@videourl", "type", "VarChar", "value", "")))));
        HttpResponse<String> response = immediate(guid, acme(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode parameters = json(response).path("result").path("parameters");
        assertThat(parameters).hasSize(1);
        assertThat(parameters.get(0).path("direction").asString()).isEqualTo("returnValue");
        long recordId = parameters.get(0).path("value").asLong();
        assertThat(recordId).isPositive();
        assertThat(count(guid, null, "SELECT COUNT(*) FROM APPOINTMENTS WHERE RECORDID = " + recordId
                + " AND INTERNALID = " + patient + " AND APPOINTMENTTIME = 29700")).isEqualTo(1);
    }
}
