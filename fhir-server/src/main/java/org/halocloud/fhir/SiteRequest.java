package org.halocloud.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.kernel.frontdoor.Admission;

/**
 * The site a FHIR request is about, as the front door admitted it, and the mapping of its PMS. Set on the request
 * by {@link FhirGateway} before HAPI sees it.
 */
public record SiteRequest(Admission admission, PmsMapping mapping) {

    static final String ATTRIBUTE = SiteRequest.class.getName();

    static SiteRequest of(RequestDetails request) {
        Object site = ((ServletRequestDetails) request).getServletRequest().getAttribute(ATTRIBUTE);
        if (site == null) {
            throw new IllegalStateException("FHIR request reached HAPI without passing the front door");
        }
        return (SiteRequest) site;
    }

    /** The mapping of a resource type at this site; a type the PMS cannot hold is unknown here (404). */
    ResourceMapping<?, ?> resource(String type) {
        return mapping.resource(type).orElseThrow(() -> new ResourceNotFoundException(
                type + " is not available at this site: its PMS (" + admission.database().pms().apiName()
                        + ") does not hold it. See /metadata."));
    }
}
