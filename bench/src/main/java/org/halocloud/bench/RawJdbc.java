package org.halocloud.bench;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.link.VendorCredentials;
import org.halocloud.mappings.fhir.PmsMapping;
import org.halocloud.mappings.fhir.ResourceMapping;
import org.halocloud.mappings.fhir.Row;
import org.halocloud.pms.Pmss;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import tools.jackson.core.JsonGenerator;

/**
 * The raw side, without the gateway: the integrator's own database login straight to the Bp demo's H2 database (one
 * kept connection per thread), the mapping's SQL rendered by jOOQ and its rows mapped by the same
 * {@code ResourceMapping} (the Bp Premier descriptor's {@link PmsMapping} facet), or rows written as JSON.
 */
final class RawJdbc {

    /** As the FHIR search engine renders it (LinkCommands: standard paging, no quoted names), but with JDBC's ? placeholders. */
    private static final DSLContext SQL = DSL.using(SQLDialect.H2, new Settings()
            .withParamCastMode(ParamCastMode.NEVER).withRenderQuotedNames(RenderQuotedNames.NEVER));
    private static final String PAD_SQL = "SELECT X, REPEAT('x', 100) AS PAD FROM SYSTEM_RANGE(1, %d)";

    private final String jdbcUrl;
    private final VendorCredentials login;
    private final PmsMapping mapping;
    private final String base;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final Map<String, ResourceMapping<?, ?>> resources = new ConcurrentHashMap<>();

    private RawJdbc(String jdbcUrl, VendorCredentials login, PmsMapping mapping, String base) {
        this.jdbcUrl = jdbcUrl;
        this.login = login;
        this.mapping = mapping;
        this.base = base;
    }

    /** The Bp site's database as the admitted integrator's own login sees it. */
    static RawJdbc of(HaloApp app) throws Exception {
        Admission admission = app.admission();
        VendorCredentials login = app.bean(Integrators.class).vendorCredentials(admission.subscription().integratorId(),
                admission.database().pms().vendor()).orElseThrow();
        PmsMapping mapping = Pmss.byId("bp-premier").facet(PmsMapping.class).orElseThrow();
        return new RawJdbc(app.servedUrl(admission.database().defaultCatalogue()), login, mapping, app.base());
    }

    /** The passthrough's query: {@code rows} rows of a number and 100 characters. */
    static String padSql(int rows) {
        return String.format(PAD_SQL, rows);
    }

    /** The mapping of a resource type, looked up once. */
    ResourceMapping<?, ?> resource(String name) {
        return resources.computeIfAbsent(name, r -> mapping.resource(r).orElseThrow());
    }

    Connection connection() throws SQLException {
        Connection c = connections.get();
        if (c == null || c.isClosed()) {
            c = DriverManager.getConnection(jdbcUrl, login.user(), login.password());
            connections.set(c);
        }
        return c;
    }

    /** Closes this thread's connection, if it has one. */
    void closeConnection() {
        Connection c = connections.get();
        connections.remove();
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /** The mapping's query with {@code condition}, {@code count + 1} rows read (as the facade pages), count mapped. */
    List<Resource> search(ResourceMapping<?, ?> rm, Condition condition, int count) throws SQLException {
        Query query = SQL.select(rm.columns()).from(rm.from()).where(rm.where()).and(condition)
                .orderBy(rm.key()).offset(0).limit(count + 1);
        List<Resource> found = new ArrayList<>();
        try (PreparedStatement ps = connection().prepareStatement(query.getSQL())) {
            // as the Link sets its statements (HaloLink: fetch size 500, a query timeout); with these H2 also no
            // longer answers a query repeated on the same connection from its cached last result
            ps.setFetchSize(500);
            ps.setQueryTimeout(60);
            List<Object> binds = query.getBindValues();
            for (int i = 0; i < binds.size(); i++) {
                ps.setObject(i + 1, binds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    index.putIfAbsent(md.getColumnLabel(i + 1).toUpperCase(Locale.ROOT), i);
                }
                while (rs.next()) {
                    Object[] values = new Object[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = portable(rs.getObject(i + 1));
                    }
                    if (found.size() < count) {
                        found.add(rm.map(new Row(index, values)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The raw path for one search: the search's conditions → {@link #search} (21 rows, 20 mapped) → searchset
     * Bundle → HAPI JSON. Run in-process by the FHIR scenario's raw column and by the raw-over-HTTP server.
     */
    String bundle(ResourceMapping<?, ?> rm, Search s) throws SQLException {
        List<Condition> all = new ArrayList<>();
        for (String[] p : s.params()) {
            all.add(rm.search().get(p[0]).condition(null, List.of(p[1]), null));
        }
        List<Resource> page = search(rm, DSL.and(all), 20);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (Resource res : page) {
            bundle.addEntry().setFullUrl(base + "/" + res.getIdElement().getValue()).setResource(res)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return Bench.FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    /** Runs sql over this thread's connection and writes its rows to out as a JSON array of objects (Jackson). */
    long writeRows(String sql, OutputStream out) throws SQLException {
        long rows = 0;
        try (PreparedStatement ps = connection().prepareStatement(sql); ResultSet rs = ps.executeQuery();
             JsonGenerator g = Bench.JSON.createGenerator(out)) {
            ResultSetMetaData md = rs.getMetaData();
            int n = md.getColumnCount();
            g.writeStartArray();
            while (rs.next()) {
                g.writeStartObject();
                for (int c = 1; c <= n; c++) {
                    g.writeName(md.getColumnLabel(c));
                    g.writePOJO(portable(rs.getObject(c)));
                }
                g.writeEndObject();
                rows++;
            }
            g.writeEndArray();
        }
        return rows;
    }

    /** What the Link sends (PortableValues): dates as ISO-8601 text, the rest as is. */
    private static Object portable(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (v instanceof LocalDateTime t) {
            return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.time.temporal.TemporalAccessor || v instanceof java.util.UUID) {
            return v.toString();
        }
        if (v instanceof Byte b) {
            return b.intValue();
        }
        return v;
    }
}
