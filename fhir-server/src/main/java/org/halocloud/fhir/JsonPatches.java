package org.halocloud.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Appointment;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON Patch (RFC 6902) the facade applies: {@code replace} of an Appointment's {@code /status}, with any
 * {@code test} of it first. A PMS row is not a document to patch freely; everything else is refused.
 */
final class JsonPatches {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonPatches() {
    }

    /** The status the patch sets, after its tests held against {@code current}. */
    static Appointment.AppointmentStatus status(String patch, Appointment.AppointmentStatus current) {
        JsonNode ops;
        try {
            ops = JSON.readTree(patch == null ? "" : patch);
        } catch (JacksonException e) {
            throw new InvalidRequestException("The JSON Patch is not valid JSON.");
        }
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw new InvalidRequestException("A JSON Patch is an array of operations.");
        }
        Appointment.AppointmentStatus result = null;
        for (JsonNode op : ops) {
            String name = op.path("op").asString("");
            String path = op.path("path").asString("");
            String value = op.path("value").asString("");
            if (!path.equals("/status") || !(name.equals("replace") || name.equals("test"))) {
                throw new UnprocessableEntityException("Only 'replace' (and 'test') of /status can be patched here.");
            }
            Appointment.AppointmentStatus status;
            try {
                status = Appointment.AppointmentStatus.fromCode(value);
            } catch (org.hl7.fhir.exceptions.FHIRException e) {
                throw new UnprocessableEntityException("'" + value + "' is not an Appointment status.");
            }
            if (name.equals("test") && status != (result == null ? current : result)) {
                throw new UnprocessableEntityException("The patch's test of /status failed: it is " + current.toCode() + ".");
            }
            if (name.equals("replace")) {
                result = status;
            }
        }
        if (result == null) {
            throw new UnprocessableEntityException("The patch replaces nothing.");
        }
        return result;
    }
}
