package org.halocloud.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * The one provider class behind every resource type: read and search for the type, answered through the site's
 * PMS mapping. What a search accepts is the mapping's search spec, so no method per parameter combination. It
 * serves a search's first page itself; {@link SearchPaging} seals its {@code next} link and serves the later pages.
 */
public class MappedResourceProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final SearchEngine engine;
    private final SearchPaging paging;

    public MappedResourceProvider(Class<? extends IBaseResource> type, SearchEngine engine, SearchPaging paging) {
        this.type = type;
        this.engine = engine;
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
        return engine.read(site, site.resource(name), id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(name + "/" + id.getIdPart() + " is not known at this site."));
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
        SiteRequest site = SiteRequest.of(request);
        SearchEngine.Page page = engine.search(site, SearchRequest.first(type.getSimpleName(), request.getParameters(),
                request.getHeader(Constants.HEADER_PREFER)));
        return page.bundle("1", paging.seal(site, page.next()));
    }
}
