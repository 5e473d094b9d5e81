package org.halocloud.fhir;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.BundleProviderWithNamedPages;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Stateless paging: the {@code next} link's page id carries the search itself (type, parameters, page size, last
 * key), sealed with the node's key and bound to the site, so any node can serve the next page and nothing is
 * stored. Page sizes default to 20 and are clamped to 100.
 */
@Component
public class SearchPaging implements IPagingProvider {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;

    private final FhirSearches searches;
    private final Sealer sealer;
    private final ObjectMapper json;

    public SearchPaging(FhirSearches searches, Sealer sealer, ObjectMapper json) {
        this.searches = searches;
        this.sealer = sealer;
        this.json = json;
    }

    IBundleProvider firstPage(SiteRequest site, String type, RequestDetails request) {
        List<List<String>> parameters = new ArrayList<>();
        for (Map.Entry<String, String[]> e : request.getParameters().entrySet()) {
            for (String value : e.getValue()) {
                parameters.add(List.of(e.getKey(), value));
            }
        }
        return page(site, new SearchState(type, parameters, count(request), null, 1), lenient(request), "1");
    }

    private IBundleProvider page(SiteRequest site, SearchState state, boolean lenient, String pageId) {
        FhirSearches.Page page = searches.search(site, site.resource(state.type()), state, lenient);
        BundleProviderWithNamedPages provider = new BundleProviderWithNamedPages(
                new ArrayList<IBaseResource>(page.resources()), UUID.randomUUID().toString(), pageId, null);
        if (page.nextAfter() != null) {
            provider.setNextPageId(seal(site, state.next(page.nextAfter())));
        }
        provider.setPreferredPageSize(state.count());
        return provider;
    }

    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String searchId, String pageId) {
        SiteRequest site = SiteRequest.of(request);
        SearchState state;
        try {
            state = json.readValue(sealer.openFromUrl(pageId, context(site)), SearchState.class);
        } catch (IllegalStateException e) {
            throw new ResourceGoneException("This paging link is not valid for this site (it was altered, or made by "
                    + "another deployment). Run the search again.");
        }
        return page(site, state, true, pageId);
    }

    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String searchId) {
        throw new InvalidRequestException("Paging links need their _pageId.");
    }

    /** Nothing is stored: the page ids carry the sealed search. */
    @Override
    public String storeResultList(RequestDetails request, IBundleProvider list) {
        return list.getUuid();
    }

    @Override
    public int getDefaultPageSize() {
        return DEFAULT_COUNT;
    }

    @Override
    public int getMaximumPageSize() {
        return MAX_COUNT;
    }

    private String seal(SiteRequest site, SearchState state) {
        return sealer.sealForUrl(json.writeValueAsString(state), context(site));
    }

    private static Sealer.Binding context(SiteRequest site) {
        return Purpose.PAGING_LINK.of(site.admission().database().haloGuid());
    }

    private static int count(RequestDetails request) {
        String[] values = request.getParameters().get(Constants.PARAM_COUNT);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return DEFAULT_COUNT;
        }
        try {
            int n = Integer.parseInt(values[0].trim());
            if (n < 1) {
                throw new InvalidRequestException("_count must be at least 1.");
            }
            return Math.min(n, MAX_COUNT);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("_count must be a whole number.");
        }
    }

    private static boolean lenient(RequestDetails request) {
        String prefer = request.getHeader(Constants.HEADER_PREFER);
        return prefer != null && prefer.replace(" ", "").toLowerCase().contains("handling=lenient");
    }
}
