package org.halocloud.bench;

/**
 * Times an operation in the benchmark's own JVM, with the load client's loop ({@link LoadClient#cell}); HTTP load
 * from the separate JVM is {@link LoadClientProcess}.
 */
final class Measure {

    private Measure() {
    }

    /** One request or query of a cell; {@code iteration} is a sequence shared by all clients; throws if it fails. */
    @FunctionalInterface
    interface Op {
        int call(int iteration) throws Exception;
    }

    /** Runs op from a fixed pool of {@code clients} threads for {@code seconds}; percentiles by sorting every sample. */
    static Stats measure(Op op, int clients, double seconds) throws Exception {
        return measure(op, clients, seconds, Long.MAX_VALUE);
    }

    /** As {@link #measure(Op, int, double)}, ending early after {@code limit} operations (iterations 0 to limit − 1). */
    static Stats measure(Op op, int clients, double seconds, long limit) throws Exception {
        return Stats.parse(LoadClient.cell(clients, seconds, limit, i -> {
            op.call(i);
            return null;
        }));
    }
}
