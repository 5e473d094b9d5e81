package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.halocloud.kernel.frontdoor.FrontDoor;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** When the front door itself fails (not a refusal: e.g. the state store is down) FHIR still answers FHIR. */
class FhirGatewayFailureTest {

    @Test
    void aFailingFrontDoorIsAnOperationOutcomeWithAnIncidentNeverTheMessage() throws Exception {
        FrontDoor frontDoor = mock(FrontDoor.class);
        when(frontDoor.admit(anyString(), anyString(), anyBoolean()))
                .thenThrow(new IllegalStateException("SELECT … FROM subscription WHERE key_hash = 'abc' failed"));
        FhirContext fhir = FhirContext.forR4Cached();
        FhirGateway gateway = new FhirGateway(frontDoor, null, mock(RestfulServer.class), fhir);
        MockHttpServletRequest request = new MockHttpServletRequest("GET",
                "/integrator/sites/6b1e7c1e-0000-4000-8000-000000000001/fhir/R4/Patient");
        request.addHeader(FrontDoor.KEY_HEADER, "some-key");
        MockHttpServletResponse response = new MockHttpServletResponse();

        gateway.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentType()).startsWith("application/fhir+json");
        String body = response.getContentAsString();
        assertThat(body).contains("OperationOutcome").contains("quote incident");
        assertThat(body).doesNotContain("SELECT").doesNotContain("key_hash").doesNotContain("Exception");
    }
}
