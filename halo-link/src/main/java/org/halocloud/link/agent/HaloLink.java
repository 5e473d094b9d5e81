package org.halocloud.link.agent;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.halocloud.link.LinkFailure;
import org.halocloud.link.LinkQuery;
import org.halocloud.link.LinkResult;
import org.halocloud.link.QueryCommand;
import org.halocloud.link.QueryParameter;
import org.halocloud.link.RowSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.halocloud.link.SqlDbTypes;

/**
 * The Halo Link agent: serves several PMS databases, runs each query as the integrator's own database user (so
 * the vendor's grants decide what it may do) under a statement timeout, and streams rows to the sink as it reads
 * them. It logs metadata only.
 */
public class HaloLink {

    public static final String VERSION = "0.1.0";

    private static final Logger log = LoggerFactory.getLogger(HaloLink.class);
    private static final Pattern PROCEDURE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}");
    private static final int FETCH_SIZE = 500;

    private final Map<UUID, ServedDatabase> databases = new ConcurrentHashMap<>();
    private final Map<UUID, Connection> keepOpen = new ConcurrentHashMap<>();
    private final Semaphore slots;
    /**
     * Background (async) work's share of the slots: at most concurrency - 1, so however much async work is waiting,
     * one slot is always left for immediate queries (with a concurrency of 1 there is nothing to reserve).
     */
    private final Semaphore backgroundSlots;
    private final AtomicLong executed = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final LoginPools logins;

    public HaloLink(int concurrency) {
        this.slots = new Semaphore(concurrency, true);
        this.logins = new LoginPools(concurrency);
        this.backgroundSlots = new Semaphore(Math.max(1, concurrency - 1), true);
    }

    /**
     * Starts serving a database (and keeps one local connection open so embedded databases stay loaded). Serving
     * one again (a reconnected Link is welcomed again) changes nothing.
     */
    public synchronized void serve(ServedDatabase database) throws SQLException {
        if (databases.putIfAbsent(database.haloGuid(), database) != null) {
            return;
        }
        for (String catalogue : database.catalogueUrls().keySet()) {
            String url = database.linkUrl(catalogue);
            keepOpen.put(UUID.nameUUIDFromBytes((database.haloGuid() + url).getBytes()),
                    DriverManager.getConnection(url, database.linkUser(), database.linkPassword()));
        }
    }

    /** How many queries this Link has sent to its databases (an operational counter). */
    public long executedQueries() {
        return executed.get();
    }

    /** Queries running at the databases now (heartbeat metadata). */
    public int running() {
        return running.get();
    }

    /** Queries waiting for a free slot (heartbeat metadata). */
    public int waiting() {
        return waiting.get();
    }

    public boolean serves(UUID haloGuid) {
        return databases.containsKey(haloGuid);
    }

    public Optional<ServedDatabase> database(UUID haloGuid) {
        return Optional.ofNullable(databases.get(haloGuid));
    }

    public Set<UUID> servedGuids() {
        return Set.copyOf(databases.keySet());
    }

    /** Reads, with the Link's local login, which integrations the practice has enabled in its PMS. */
    public Set<String> enabledLogins(UUID haloGuid) throws SQLException {
        ServedDatabase db = databases.get(haloGuid);
        Set<String> enabled = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db.linkUrl(db.defaultCatalogue()), db.linkUser(), db.linkPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(db.enabledLoginsQuery())) {
            while (rs.next()) {
                enabled.add(rs.getString(1).trim());
            }
        }
        return enabled;
    }

    public LinkResult run(LinkQuery query, RowSink sink) throws LinkFailure {
        ServedDatabase db = databases.get(query.haloGuid());
        if (db == null) {
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "The Halo Link does not serve this database.");
        }
        String url = db.catalogueUrls().get(query.catalogue());
        if (url == null) {
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "The Halo Link does not serve this catalogue.");
        }
        boolean background = query.priority() == LinkQuery.Priority.BACKGROUND;
        long deadline = System.nanoTime() + query.maxTimeInQueue().toNanos();
        waiting.incrementAndGet();
        try {
            if (background) {
                acquire(backgroundSlots, deadline);
            }
            try {
                acquire(slots, deadline);
            } catch (LinkFailure e) {
                if (background) {
                    backgroundSlots.release();
                }
                throw e;
            }
        } finally {
            waiting.decrementAndGet();
        }
        executed.incrementAndGet();
        running.incrementAndGet();
        try (Connection connection = logins.connection(url, query.credentials())) {
            return execute(connection, query, sink);
        } catch (SQLTimeoutException e) {
            throw new LinkFailure(LinkFailure.Kind.TIMEOUT, e.getErrorCode(),
                    "The query exceeded the execution limit of " + query.timeout().toSeconds() + " s and was cancelled.");
        } catch (SQLException e) {
            throw new LinkFailure(LinkFailure.Kind.DATABASE, e.getErrorCode(), e.getSQLState(), e.getMessage());
        } finally {
            running.decrementAndGet();
            slots.release();
            if (background) {
                backgroundSlots.release();
            }
        }
    }

    private static void acquire(Semaphore semaphore, long deadlineNanos) throws LinkFailure {
        try {
            if (!semaphore.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new LinkFailure(LinkFailure.Kind.EXPIRED_IN_QUEUE, 0,
                        "The Halo Link stayed busy longer than maxTimeInQueue.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkFailure(LinkFailure.Kind.UNAVAILABLE, 0, "Interrupted while waiting for the Halo Link.");
        }
    }

    private LinkResult execute(Connection connection, LinkQuery query, RowSink sink) throws SQLException, LinkFailure {
        QueryCommand command = query.command();
        long started = System.nanoTime();
        if (command.type() == QueryCommand.CommandType.STORED_PROCEDURE) {
            return callProcedure(connection, query, sink, started);
        }
        NamedParameters.Parsed parsed = NamedParameters.parse(command.text());
        try (PreparedStatement statement = connection.prepareStatement(parsed.sql())) {
            prepare(statement, query.timeout());
            List<QueryParameter> inputs = command.parameters();
            for (int i = 0; i < parsed.names().size(); i++) {
                String name = parsed.names().get(i);
                QueryParameter p = inputs.stream().filter(q -> name.equalsIgnoreCase(NamedParameters.bare(q.name())))
                        .findFirst()
                        .orElseThrow(() -> new LinkFailure(LinkFailure.Kind.DATABASE, 0,
                                "The command uses @" + name + " but no parameter of that name was given."));
                bind(statement, i + 1, p);
            }
            return finish(statement, command.executionMode(), statement.execute(), sink, List.of(), started);
        }
    }

    private LinkResult callProcedure(Connection connection, LinkQuery query, RowSink sink, long started)
            throws SQLException, LinkFailure {
        QueryCommand command = query.command();
        String name = command.text().trim();
        if (!PROCEDURE_NAME.matcher(name).matches()) {
            throw new LinkFailure(LinkFailure.Kind.DATABASE, 0, "A stored procedure command must be a procedure name.");
        }
        List<QueryParameter> returnValue = command.parameters().stream()
                .filter(p -> p.direction() == QueryParameter.Direction.RETURN_VALUE).toList();
        List<QueryParameter> arguments = command.parameters().stream()
                .filter(p -> p.direction() != QueryParameter.Direction.RETURN_VALUE).toList();
        String placeholders = String.join(", ", java.util.Collections.nCopies(arguments.size(), "?"));
        String call = (returnValue.isEmpty() ? "{call " : "{? = call ") + name + "(" + placeholders + ")}";
        try (CallableStatement statement = connection.prepareCall(call)) {
            prepare(statement, query.timeout());
            List<QueryParameter> bound = new ArrayList<>();
            int index = 1;
            if (!returnValue.isEmpty()) {
                statement.registerOutParameter(index++, SqlDbTypes.of(returnValue.get(0).type()).jdbcType());
                bound.add(returnValue.get(0));
            }
            for (QueryParameter p : arguments) {
                if (p.direction().isInput()) {
                    bind(statement, index, p);
                } else {
                    statement.setNull(index, SqlDbTypes.of(p.type()).jdbcType());
                }
                if (p.direction().isOutput()) {
                    statement.registerOutParameter(index, SqlDbTypes.of(p.type()).jdbcType());
                }
                bound.add(p);
                index++;
            }
            boolean hasRows = statement.execute();
            List<QueryParameter> outputs = new ArrayList<>();
            if (!hasRows || command.executionMode() != QueryCommand.ExecutionMode.READER) {
                for (int i = 0; i < bound.size(); i++) {
                    if (bound.get(i).direction().isOutput()) {
                        outputs.add(bound.get(i).withValue(PortableValues.of(statement.getObject(i + 1))));
                    }
                }
            }
            return finish(statement, command.executionMode(), hasRows, sink, outputs, started);
        }
    }

    private static void prepare(Statement statement, Duration timeout) throws SQLException {
        statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        statement.setFetchSize(FETCH_SIZE);
    }

    private static void bind(PreparedStatement statement, int index, QueryParameter p) throws LinkFailure, SQLException {
        SqlDbTypes.Binding binding;
        Object value;
        try {
            binding = SqlDbTypes.of(p.type());
            value = p.value() == null ? null : binding.convert().apply(p.value());
        } catch (RuntimeException e) {
            throw new LinkFailure(LinkFailure.Kind.DATABASE, 0, "Parameter " + p.name() + ": " + e.getMessage());
        }
        if (value == null) {
            statement.setNull(index, binding.jdbcType());
        } else {
            statement.setObject(index, value);
        }
    }

    private static LinkResult finish(Statement statement, QueryCommand.ExecutionMode mode, boolean hasRows,
                                     RowSink sink, List<QueryParameter> outputs, long started) throws SQLException {
        if (!hasRows) {
            long affected = statement.getLargeUpdateCount();
            return new LinkResult(0, Math.max(0, affected), outputs, Duration.ofNanos(System.nanoTime() - started));
        }
        long rows = 0;
        try (ResultSet rs = statement.getResultSet()) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            List<String> names = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                names.add(meta.getColumnLabel(i));
            }
            boolean scalar = mode == QueryCommand.ExecutionMode.SCALAR;
            int width = scalar ? Math.min(1, columns) : columns;
            sink.columns(names.subList(0, width));
            long limit = scalar ? 1 : Long.MAX_VALUE;
            while (rows < limit && rs.next()) {
                Object[] values = new Object[width];
                for (int i = 0; i < values.length; i++) {
                    values[i] = PortableValues.of(rs.getObject(i + 1));
                }
                sink.row(values);
                rows++;
            }
        }
        Long affected = mode == QueryCommand.ExecutionMode.NON_QUERY ? rows : null;
        return new LinkResult(rows, affected, outputs, Duration.ofNanos(System.nanoTime() - started));
    }

    public void close() {
        logins.close();
        keepOpen.values().forEach(c -> {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("closing a Link connection failed: {}", e.getErrorCode());
            }
        });
    }
}
