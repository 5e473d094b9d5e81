package org.halocloud.passthrough.async;

/** {@link AsyncOnEveryNodeContract} on H2, the embedded state store (one in-memory database, many connections). */
class AsyncOnEveryNodeH2Test extends AsyncOnEveryNodeContract {

    private final String name = "async_nodes_" + Long.toHexString(System.nanoTime());

    @Override
    String url() {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }
}
