package org.halocloud.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * The one provider class behind every resource type: read and search for the type, answered through the site's
 * PMS mapping. What a search accepts is the mapping's search spec, so no method per parameter combination.
 */
public class MappedResourceProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final FhirSearches searches;
    private final SearchPaging paging;

    public MappedResourceProvider(Class<? extends IBaseResource> type, FhirSearches searches, SearchPaging paging) {
        this.type = type;
        this.searches = searches;
        this.paging = paging;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    @Read
    public IBaseResource read(@IdParam IdType id, RequestDetails request) {
        SiteRequest site = SiteRequest.of(request);
        String name = type.getSimpleName();
        return searches.read(site, site.resource(name), id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(name + "/" + id.getIdPart() + " is not known at this site."));
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
        return paging.firstPage(SiteRequest.of(request), type.getSimpleName(), request);
    }
}
