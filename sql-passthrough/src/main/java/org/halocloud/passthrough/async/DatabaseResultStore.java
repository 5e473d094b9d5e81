package org.halocloud.passthrough.async;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ResultStore} in the shared state store (table {@code async_result_page}, V7): what one node's worker stores
 * every node reads, so an integrator may fetch a page through any node behind the load balancer, and a page outlives
 * the node that wrote it. Pages arrive sealed (AES-GCM, bound to query and page), so the database holds ciphertext
 * only. The default when {@code halo.cluster.broker-url} is set.
 */
public class DatabaseResultStore implements ResultStore {

    private final JdbcClient db;

    public DatabaseResultStore(JdbcClient db) {
        this.db = db;
    }

    @Override
    public void put(UUID queryId, int pageNumber, byte[] sealedPage) {
        db.sql("DELETE FROM async_result_page WHERE query_id = ? AND page_number = ?").params(queryId, pageNumber).update();
        db.sql("INSERT INTO async_result_page (query_id, page_number, sealed, stored_at) VALUES (?, ?, ?, ?)")
                .params(queryId, pageNumber, sealedPage, OffsetDateTime.now()).update();
    }

    @Override
    public Optional<byte[]> get(UUID queryId, int pageNumber) {
        return db.sql("SELECT sealed FROM async_result_page WHERE query_id = ? AND page_number = ?")
                .params(queryId, pageNumber).query((rs, n) -> rs.getBytes(1)).optional();
    }

    @Override
    public void delete(UUID queryId) {
        db.sql("DELETE FROM async_result_page WHERE query_id = ?").param(queryId).update();
    }

    @Override
    public List<UUID> listExpired(Instant storedBefore) {
        return db.sql("SELECT query_id FROM async_result_page GROUP BY query_id HAVING MAX(stored_at) < ?")
                .param(storedBefore.atOffset(ZoneOffset.UTC)).query(UUID.class).list();
    }
}
