package org.halocloud.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.security.Sealer.Purpose;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Stateless paging: the {@code next} link's page id carries the search itself ({@link SearchState}: type,
 * parameters, page size, last key), sealed with the node's key and bound to the site and the subscription that
 * searched, so any node can serve the next page and nothing is stored. Opening a page id, HAPI's {@code _getpages},
 * continues the search; a page id altered, or sealed for another site or subscription, is gone (410).
 */
@Component
public class SearchPaging implements IPagingProvider {

    private final SearchEngine engine;
    private final Sealer sealer;
    private final ObjectMapper json;

    public SearchPaging(SearchEngine engine, Sealer sealer, ObjectMapper json) {
        this.engine = engine;
        this.sealer = sealer;
        this.json = json;
    }

    /** The page id of the {@code next} link continuing the search; null when there is no next page. */
    String seal(SiteRequest site, SearchState next) {
        return next == null ? null : sealer.sealForUrl(json.writeValueAsString(next), context(site));
    }

    SearchState open(SiteRequest site, String pageId) {
        try {
            return json.readValue(sealer.openFromUrl(pageId, context(site)), SearchState.class);
        } catch (IllegalStateException e) {
            throw new ResourceGoneException("This paging link is not valid for this site and "
                    + "subscription (it was altered, made for another subscription or by another deployment). Run the "
                    + "search again.");
        }
    }

    @Override
    public IBundleProvider retrieveResultList(RequestDetails request, String searchId, String pageId) {
        SiteRequest site = SiteRequest.of(request);
        SearchEngine.Page page = engine.search(site, SearchRequest.continued(open(site, pageId)));
        return page.bundle(pageId, seal(site, page.next()));
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
        return SearchRequest.DEFAULT_COUNT;
    }

    @Override
    public int getMaximumPageSize() {
        return SearchRequest.MAX_COUNT;
    }

    private static Sealer.Binding context(SiteRequest site) {
        // bound to the site and to the subscription that ran the search: anyone else replaying it is refused (410)
        return Purpose.PAGING_LINK.of(site.admission().database().haloGuid(), site.admission().subscription().id());
    }
}
