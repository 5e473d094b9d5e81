package org.halocloud.passthrough.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class PagedRowsSinkTest {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    private record Stored(PagedRowsSink.Page page, byte[] json) {
    }

    @Test
    void rollsPagesOfRoughlyThePageSizeAndLosesNoRow() {
        List<Stored> stored = new ArrayList<>();
        PagedRowsSink sink = new PagedRowsSink(mapper, 1024, (page, json) -> stored.add(new Stored(page, json)));
        sink.columns(List.of("ID", "NAME", "SCORE", "ACTIVE", "NOTE"));
        int rows = 500;
        for (int i = 1; i <= rows; i++) {
            sink.row(new Object[] {i, "name-" + i, i / 3.0, i % 2 == 0, i % 7 == 0 ? null : "x".repeat(i % 40)});
            // never more than one open page: everything before the current page has been handed over
            assertThat(stored.stream().mapToLong(s -> s.page().rowCount()).sum()).isGreaterThan(i - 40L);
        }
        List<PagedRowsSink.Page> pages = sink.finish();

        assertThat(pages).hasSizeGreaterThan(5).hasSameSizeAs(stored);
        assertThat(sink.rows()).isEqualTo(rows);
        long expectedStart = 1;
        List<JsonNode> all = new ArrayList<>();
        for (int p = 0; p < stored.size(); p++) {
            Stored s = stored.get(p);
            assertThat(s.page().pageNumber()).isEqualTo(p + 1);
            assertThat(s.page().size()).isEqualTo(s.json().length);
            if (p < stored.size() - 1) {
                assertThat(s.json().length).as("a full page").isGreaterThanOrEqualTo(1024).isLessThan(1024 + 200);
            }
            JsonNode array = mapper.readTree(s.json());
            assertThat(array.isArray()).isTrue();
            assertThat(array.size()).isEqualTo((int) s.page().rowCount());
            assertThat(s.page().rangeStart()).isEqualTo(expectedStart);
            assertThat(s.page().rangeEnd()).isEqualTo(expectedStart + s.page().rowCount() - 1);
            expectedStart = s.page().rangeEnd() + 1;
            array.forEach(all::add);
        }
        assertThat(expectedStart - 1).isEqualTo(rows);
        assertThat(sink.size()).isEqualTo(stored.stream().mapToLong(s -> s.json().length).sum());
        for (int i = 1; i <= rows; i++) {
            JsonNode row = all.get(i - 1);
            assertThat(row.path("ID").asInt()).isEqualTo(i);
            assertThat(row.path("NAME").asString()).isEqualTo("name-" + i);
            assertThat(row.path("ACTIVE").asBoolean()).isEqualTo(i % 2 == 0);
            assertThat(row.path("NOTE").isNull()).isEqualTo(i % 7 == 0);
        }
    }

    @Test
    void anEmptyResultHasNoPages() {
        List<Stored> stored = new ArrayList<>();
        PagedRowsSink sink = new PagedRowsSink(mapper, 1024, (page, json) -> stored.add(new Stored(page, json)));
        sink.columns(List.of("ID"));
        assertThat(sink.finish()).isEmpty();
        assertThat(stored).isEmpty();
        assertThat(sink.size()).isZero();
    }

    @Test
    void aSmallResultIsOnePage() {
        List<Stored> stored = new ArrayList<>();
        PagedRowsSink sink = new PagedRowsSink(mapper, 1 << 20, (page, json) -> stored.add(new Stored(page, json)));
        sink.columns(List.of("N"));
        sink.row(new Object[] {1});
        sink.row(new Object[] {2});
        assertThat(sink.finish()).containsExactly(new PagedRowsSink.Page(1, 17, 2, 1, 2));
        assertThat(new String(stored.get(0).json())).isEqualTo("[{\"N\":1},{\"N\":2}]");
    }

    @Test
    void aPageThatCannotBeStoredStopsTheQuery() {
        PagedRowsSink sink = new PagedRowsSink(mapper, 1024, (page, json) -> {
            throw new IOException("disk full");
        });
        sink.columns(List.of("TEXT"));
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                sink.row(new Object[] {"y".repeat(100)});
            }
        }).isInstanceOf(PagedRowsSink.StoreFailed.class);
    }
}
