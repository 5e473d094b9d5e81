package org.halocloud.fhir;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.RowSink;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Condition;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Component;
import org.halocloud.kernel.pipeline.QueryFailure;
import org.halocloud.kernel.pipeline.Incident;

/**
 * Runs search plans down the same pipeline as SQL passthrough — as the integrator's database user, on the site's
 * Link — and answers with resources: a page of the plan's rows (one row more tells whether there is a next page),
 * then its includes, one query per target type. A failure of the Link or the practice's database becomes the
 * FHIR error with its status, never the database's own text.
 */
@Component
public class SearchExecutor {

    private static final Duration MAX_TIME_IN_QUEUE = Duration.ofSeconds(30);
    static final int MAX_CHAINED_KEYS = 1000;

    private final QueryPipeline pipeline;

    public SearchExecutor(QueryPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** One page of a search: the resources (includes last), and the key to continue after when there are more. */
    record Page(List<Resource> resources, String nextAfter) {
    }

    Page page(SiteRequest site, SearchPlan plan) {
        Page page = rows(site, plan);
        if (plan.includes().isEmpty() || page.resources().isEmpty()) {
            return page;
        }
        List<Resource> all = new ArrayList<>(page.resources());
        for (SearchPlan.Included include : plan.includes()) {
            include.of(page.resources()).ifPresent(byIds -> all.addAll(rows(site, byIds).resources()));
        }
        all.subList(page.resources().size(), all.size()).forEach(r ->
                ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.INCLUDE));
        return new Page(all, page.nextAfter());
    }

    private Page rows(SiteRequest site, SearchPlan plan) {
        ResourceMapping<?, ?> mapping = plan.mapping();
        Query query = LinkCommands.SQL.select(mapping.columns()).from(plan.from()).where(mapping.where())
                .and(plan.where()).and(plan.after()).orderBy(mapping.key()).offset(0).limit(plan.count() + 1);
        ResourceRows rows = new ResourceRows(mapping, plan.count());
        execute(site, mapping.catalogue(), query, rows);
        return new Page(rows.resources(), rows.nextAfter());
    }

    /** The keys of a chain's target rows that match, from the target's own catalogue (at most 1000, else 400). */
    List<Object> keys(SiteRequest site, ResourceMapping<?, ?> target, Condition condition) {
        Query query = LinkCommands.SQL.select(target.key()).from(target.from()).where(target.where()).and(condition)
                .orderBy(target.key()).offset(0).limit(MAX_CHAINED_KEYS + 1);
        List<Object> keys = new ArrayList<>();
        execute(site, target.catalogue(), query, new RowSink() {
            @Override
            public void columns(List<String> names) {
            }

            @Override
            public void row(Object[] values) {
                keys.add(values[0]);
            }
        });
        if (keys.size() > MAX_CHAINED_KEYS) {
            throw new InvalidRequestException("The chained search matches too many " + target.resourceName()
                    + " resources; narrow it (e.g. a full identifier).");
        }
        return keys;
    }

    private void execute(SiteRequest site, String catalogue, Query query, RowSink sink) {
        try {
            pipeline.run(site.admission(), "fhir", catalogue, LinkCommands.of(query, engine(site)), MAX_TIME_IN_QUEUE,
                    0, sink);
        } catch (LinkFailure e) {
            throw failure(e);
        } catch (Refusal e) {
            throw new UnclassifiedServerFailureException(e.status(), e.getMessage());
        } catch (BaseServerResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            // HAPI would quote the exception's message, which may hold SQL or values: an incident instead
            throw OperationOutcomes.failure(QueryFailure.INTERNAL, Incident.of("a FHIR query", e).message());
        }
    }

    /** The SQL dialect the site's PMS declares for its engine (its descriptor's facet), if any. */
    private static SQLDialect engine(SiteRequest site) {
        if (site.admission() == null || site.admission().database() == null) {
            return null;
        }
        return site.admission().database().pms().facet(SQLDialect.class).orElse(null);
    }

    static BaseServerResponseException failure(LinkFailure e) {
        QueryFailure failure = QueryFailure.of(e.kind());
        // the database's own message may quote values: the integrator gets its code, not its text
        return OperationOutcomes.failure(failure, failure != QueryFailure.DATABASE ? e.getMessage()
                : "The practice database could not answer this request (database error " + e.errorCode()
                        + "); check your database grants with the PMS vendor.");
    }
}
