package org.halocloud.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.BundleProviderWithNamedPages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * A FHIR read or search at one site, answered by one SQL query (plus includes) through the vendor's mapping: the
 * parsed request is planned against the type's mapping ({@link SearchPlanner}) and the plan run by the
 * {@link SearchExecutor}. Pages by key (the next page starts after the last key sent), so no page re-scans the ones
 * before it.
 */
@Component
public class SearchEngine {

    private final SearchExecutor executor;

    public SearchEngine(SearchExecutor executor) {
        this.executor = executor;
    }

    /** One page of a search: its resources, the search continuing after them (null on the last page), its size. */
    record Page(List<Resource> resources, SearchState next, int count) {

        /** The page as HAPI's bundle source, with the {@code next} link's page id when there is one. */
        IBundleProvider bundle(String pageId, String nextPageId) {
            BundleProviderWithNamedPages provider = new BundleProviderWithNamedPages(
                    new ArrayList<IBaseResource>(resources), UUID.randomUUID().toString(), pageId, null);
            if (nextPageId != null) {
                provider.setNextPageId(nextPageId);
            }
            provider.setPreferredPageSize(count);
            return provider;
        }
    }

    Optional<Resource> read(SiteRequest site, ResourceMapping<?, ?> mapping, String id) {
        return planner(site).read(mapping, id).flatMap(plan -> executor.page(site, plan).resources().stream().findFirst());
    }

    Page search(SiteRequest site, SearchRequest request) {
        SearchState state = request.state();
        SearchPlan plan = planner(site).plan(site.resource(state.type()), request);
        SearchExecutor.Page page = executor.page(site, plan);
        return new Page(page.resources(), page.nextAfter() == null ? null : state.next(page.nextAfter()), state.count());
    }

    private SearchPlanner planner(SiteRequest site) {
        return new SearchPlanner(site.mapping(), site.admission().database().pms().zone(),
                site.admission().database().defaultCatalogue(),
                (target, condition) -> executor.keys(site, target, condition));
    }
}
