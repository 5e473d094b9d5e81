package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.halocloud.kernel.state.Integrators;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The front door reads the integrator's vendor login once per request and the password is decrypted once, however
 * many queries the request runs at the practice (the match, then each {@code _include}).
 */
class CredentialsOncePerRequestTest extends FhirIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void aSearchWithAnIncludeReadsAndOpensTheVendorLoginOnce() throws Exception {
        String key = acme();
        // background work (async workers, registered runs) may open logins too; it only ever adds, so the fewest
        // seen over a few tries is this request's own count
        long fewestReads = Long.MAX_VALUE;
        long fewestOpens = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            double reads = count("read");
            double opens = count("open");
            HttpResponse<String> response = fhir("bp-premier", key,
                    "PractitionerRole?_include=PractitionerRole:practitioner");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            Bundle bundle = bundle(response);
            assertThat(bundle.getEntry()).as("matches and included practitioners: two queries at the practice")
                    .anyMatch(e -> e.getResource() instanceof PractitionerRole)
                    .anyMatch(e -> e.getResource() instanceof Practitioner);
            fewestReads = Math.min(fewestReads, (long) (count("read") - reads));
            fewestOpens = Math.min(fewestOpens, (long) (count("open") - opens));
        }
        assertThat(fewestReads).as("vendor sign-up reads per request").isEqualTo(1);
        assertThat(fewestOpens).as("vendor password decryptions per request").isEqualTo(1);
    }

    private double count(String step) {
        Counter counter = meters.find(Integrators.CREDENTIALS_METER).tag("step", step).counter();
        return counter == null ? 0 : counter.count();
    }
}
