package org.halocloud.fhir;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Patch;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/**
 * The one provider class behind every resource type: read and search for the type, answered through the site's
 * PMS mapping. What a search accepts is the mapping's search spec, so no method per parameter combination. It
 * serves a search's first page itself; {@link SearchPaging} seals its {@code next} link and serves the later pages.
 */
public class MappedResourceProvider implements IResourceProvider {

    private final Class<? extends IBaseResource> type;
    private final SearchEngine engine;
    private final SearchPaging paging;
    private final ResourceWrites writes;

    public MappedResourceProvider(Class<? extends IBaseResource> type, SearchEngine engine, SearchPaging paging,
                                  ResourceWrites writes) {
        this.type = type;
        this.engine = engine;
        this.paging = paging;
        this.writes = writes;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return type;
    }

    /**
     * Read, and vread of the current version (a PMS keeps no history: an older version is not known). The answer
     * carries its version, so HAPI sends its ETag.
     */
    @Read(version = true)
    public IBaseResource read(@IdParam IdType id, RequestDetails request) {
        SiteRequest site = SiteRequest.of(request);
        String name = type.getSimpleName();
        Resource resource = engine.read(site, site.resource(name), id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(name + "/" + id.getIdPart() + " is not known at this site."));
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(resource.getMeta().getVersionId())) {
            throw new ResourceNotFoundException(name + "/" + id.getIdPart() + " has no version " + id.getVersionIdPart()
                    + " here: the PMS keeps only the current one (" + resource.getMeta().getVersionId() + ").");
        }
        return ResourceWrites.versioned(resource);
    }

    @Create
    public MethodOutcome create(@ResourceParam IBaseResource resource, @ConditionalUrlParam String ifNoneExist,
                                RequestDetails request) {
        return writes.create(SiteRequest.of(request), type.getSimpleName(), resource, ifNoneExist, lenient(request));
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam IBaseResource resource, RequestDetails request) {
        return writes.update(SiteRequest.of(request), type.getSimpleName(), id, resource,
                request.getHeader(Constants.HEADER_IF_MATCH), lenient(request));
    }

    /** JSON Patch of an Appointment's status (a cancellation); anything else is refused. */
    @Patch
    public MethodOutcome patch(@IdParam IdType id, PatchTypeEnum patchType, @ResourceParam String body,
                               RequestDetails request) {
        return writes.patch(SiteRequest.of(request), type.getSimpleName(), id, patchType, body,
                request.getHeader(Constants.HEADER_IF_MATCH));
    }

    /** {@code Prefer: handling=lenient}: elements the PMS cannot hold are left out instead of refused. */
    private static boolean lenient(RequestDetails request) {
        String prefer = request.getHeader(Constants.HEADER_PREFER);
        return prefer != null && prefer.replace(" ", "").toLowerCase(java.util.Locale.ROOT).contains("handling=lenient");
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
        SiteRequest site = SiteRequest.of(request);
        SearchEngine.Page page = engine.search(site, SearchRequest.first(type.getSimpleName(), request.getParameters(),
                request.getHeader(Constants.HEADER_PREFER)));
        return page.bundle("1", paging.seal(site, page.next()));
    }
}
