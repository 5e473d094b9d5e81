package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * AU Core's Responder SHOULD answer {@code _include=MedicationRequest:medication} and
 * {@code MedicationStatement:medication}. Every site serves the Medication contained, so the include is accepted,
 * declared in /metadata, and answered by the resources themselves: the same matches, each carrying its Medication.
 */
class ContainedMedicationIncludeTest extends FhirIntegrationTest {

    private record Case(String pms, String type) {
    }

    @Test
    void theMedicationIncludeIsAcceptedAndAnsweredByTheContainedMedication() throws Exception {
        List<Case> cases = List.of(new Case("bp-premier", "MedicationStatement"), new Case("bp-premier", "MedicationRequest"),
                new Case("zedmed", "MedicationStatement"), new Case("zedmed", "MedicationRequest"),
                new Case("d4w", "MedicationStatement"));
        for (Case c : cases) {
            String key = acme();
            CapabilityStatement metadata = (CapabilityStatement) parse(fhir(c.pms(), key, "metadata"));
            assertThat(metadata.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(c.type()))
                    .flatMap(r -> r.getSearchInclude().stream()).map(i -> i.getValue()))
                    .as(c.pms() + " declares it").contains(c.type() + ":medication");

            List<Resource> plain = all(c.pms(), key, c.type() + "?_count=50");
            assertThat(plain).as(c.pms() + " " + c.type() + " has data").isNotEmpty();
            String patient = subject(plain.get(0));
            List<Resource> without = all(c.pms(), key, c.type() + "?patient=" + patient);
            var response = fhir(c.pms(), key, c.type() + "?patient=" + patient + "&_include=" + c.type() + ":medication");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Bundle with = bundle(response);

            assertThat(with.getEntry()).noneMatch(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE);
            assertThat(ids(with.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList()))
                    .containsExactlyElementsOf(ids(without));
            for (tools.jackson.databind.JsonNode entry : json(response).path("entry")) {
                tools.jackson.databind.JsonNode resource = entry.path("resource");
                assertThat(resource.path("contained").get(0).path("resourceType").asString()).isEqualTo("Medication");
                assertThat(resource.path("medicationReference").path("reference").asString())
                        .isEqualTo("#" + resource.path("contained").get(0).path("id").asString());
            }
        }
    }

    private static String subject(Resource resource) {
        return resource instanceof MedicationRequest r ? r.getSubject().getReferenceElement().getIdPart()
                : ((MedicationStatement) resource).getSubject().getReferenceElement().getIdPart();
    }
}
