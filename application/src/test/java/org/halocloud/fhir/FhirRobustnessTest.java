package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.halocloud.demo.DemoManifest;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;

/**
 * Every search parameter every demo site declares, fed strings that would be code if they were spliced into SQL:
 * each answer is a clean 200 or 400, never a 500, and the practice databases are unchanged.
 */
class FhirRobustnessTest extends FhirIntegrationTest {

    private static final List<String> ATTACKS = List.of("x' OR '1'='1", "'; DROP TABLE PATIENTS; --", "%", "_",
            "\\", "1 OR 1=1", "ge2020-01-01' --", "Patient/1' OR 1=1 --", "@1", "|", "a|b|c", ",,,");

    @Test
    void injectionStringsThroughEveryDeclaredParameterAreValuesNeverCode() throws Exception {
        long bpPatients = count(site("bp-premier").haloGuid(), null, "SELECT COUNT(*) FROM PATIENTS");
        List<String> failures = new ArrayList<>();
        String key = acme();
        int calls = 0;
        for (DemoManifest.Site site : manifest().sites()) {
            if (!site.authoritative()) {
                continue;
            }
            HttpResponse<String> metadata = fhir(site.pms(), key, "metadata");
            calls++;
            if (metadata.statusCode() != 200) {
                continue;
            }
            CapabilityStatement cs = (CapabilityStatement) parse(metadata);
            for (var resource : cs.getRestFirstRep().getResource()) {
                for (var param : resource.getSearchParam()) {
                    for (String attack : ATTACKS) {
                        if (++calls % 14 == 0) {
                            key = acme(); // keep within the rate limit: this test is about answers, not budgets
                        }
                        String search = resource.getType() + "?" + param.getName() + "=" + attack + "&_count=1" + requiredBounds(resource);
                        HttpResponse<String> r = fhir(site.pms(), key, search);
                        if (r.statusCode() != 200 && r.statusCode() != 400) {
                            failures.add(site.pms() + " " + search + " → " + r.statusCode() + " " + r.body());
                        } else if (r.statusCode() == 400) {
                            assertThat(outcome(r).getIssueFirstRep().getDiagnostics()).as(search).isNotBlank();
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(calls).as("the test walked the declared parameters").isGreaterThan(500);
        assertThat(count(site("bp-premier").haloGuid(), null, "SELECT COUNT(*) FROM PATIENTS")).isEqualTo(bpPatients);
    }
}
