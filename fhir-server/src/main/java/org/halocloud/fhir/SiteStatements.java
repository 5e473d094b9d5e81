package org.halocloud.fhir;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.halocloud.kernel.pipeline.QueryPipeline;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import org.halocloud.link.RowSink;
import org.halocloud.mappings.fhir.write.Statements;
import org.jooq.Query;
import org.jooq.Select;

/**
 * A write path's statements run at one site: down the same pipeline as every FHIR query (the integrator's login,
 * the authoritative database, the query log's metadata), so the practice database's grants and constraints decide.
 * A database's refusal travels up as {@link Refused}, for the write to answer with its reason.
 */
final class SiteStatements implements Statements {

    private static final Duration MAX_TIME_IN_QUEUE = Duration.ofSeconds(30);

    /** The database refused a write's statement (its grants, a constraint, a value), or the Link failed. */
    static final class Refused extends RuntimeException {
        final LinkFailure failure;

        Refused(LinkFailure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    private final QueryPipeline pipeline;
    private final SiteRequest site;

    SiteStatements(QueryPipeline pipeline, SiteRequest site) {
        this.pipeline = pipeline;
        this.site = site;
    }

    @Override
    public Object scalar(String catalogue, Select<?> query) {
        Object[] first = new Object[1];
        run(catalogue, LinkCommands.of(query), new RowSink() {
            @Override
            public void columns(List<String> names) {
            }

            @Override
            public void row(Object[] values) {
                if (first[0] == null) {
                    first[0] = values[0];
                }
            }
        });
        return first[0];
    }

    @Override
    public long execute(String catalogue, Query query) {
        QueryCommand reader = LinkCommands.of(query);
        QueryPipeline.Run run = run(catalogue, new QueryCommand(reader.text(), QueryCommand.ExecutionMode.NON_QUERY,
                QueryCommand.CommandType.TEXT, reader.parameters()), RowSink.DISCARD);
        Long affected = run.result().rowsAffected();
        return affected == null ? 0 : affected;
    }

    @Override
    public Object call(String catalogue, String procedure, List<Argument> arguments) {
        List<QueryParameter> parameters = new ArrayList<>();
        parameters.add(new QueryParameter("@RETURN_VALUE", QueryParameter.Direction.RETURN_VALUE, "Int", null, null));
        for (Argument a : arguments) {
            parameters.add(LinkCommands.input(a.name(), a.value(), a.type()));
        }
        QueryPipeline.Run run = run(catalogue, new QueryCommand(procedure, QueryCommand.ExecutionMode.NON_QUERY,
                QueryCommand.CommandType.STORED_PROCEDURE, parameters), RowSink.DISCARD);
        return run.result().parameters().stream()
                .filter(p -> p.direction() == QueryParameter.Direction.RETURN_VALUE)
                .map(QueryParameter::value).findFirst().orElse(null);
    }

    private QueryPipeline.Run run(String catalogue, QueryCommand command, RowSink sink) {
        try {
            return pipeline.run(site.admission(), "fhir", catalogue, command, MAX_TIME_IN_QUEUE, 0, sink);
        } catch (LinkFailure e) {
            throw new Refused(e);
        }
    }
}
