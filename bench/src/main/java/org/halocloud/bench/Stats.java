package org.halocloud.bench;

/** One measured cell: successful requests, failed ones, p50 and p99 (ns, of every sample sorted) and requests/s. */
record Stats(long count, long errors, long p50ns, long p99ns, double rate) {

    /** The load client's answer: {@code RESULT <count> <errors> <p50 ns> <p99 ns> <requests/s>}. */
    static Stats parse(String answer) {
        if (answer == null || !answer.startsWith("RESULT ")) {
            throw new IllegalStateException("load client: " + answer);
        }
        String[] f = answer.split(" ");
        return new Stats(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Double.parseDouble(f[5]));
    }

    String p50() {
        return String.format("%.2f", p50ns / 1e6);
    }

    String p99() {
        return String.format("%.2f", p99ns / 1e6);
    }

    String rps() {
        return String.format("%,.0f", rate) + (errors > 0 ? " (" + errors + " errors)" : "");
    }
}
