package org.halocloud.mappings.fhir.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void aVersionIdDecodesBackToTheStampItCameFrom() {
        LocalDateTime stamp = LocalDateTime.of(2026, 12, 7, 23, 14, 5, 123_456_000);
        String id = Versions.id(stamp);
        assertThat(id).matches("\\d+");
        assertThat(Versions.stamp(id)).contains(stamp);
        assertThat(Versions.id(stamp.plusNanos(1000))).as("a microsecond later is another version").isNotEqualTo(id);
    }

    @Test
    void anythingElseIsNoVersion() {
        assertThat(Versions.id(null)).isEqualTo("0");
        assertThat(Versions.stamp("0")).isEmpty();
        assertThat(Versions.stamp("W/\"3\"")).isEmpty();
        assertThat(Versions.stamp(null)).isEmpty();
        assertThat(Versions.stamp("1".repeat(30))).isEmpty();
    }
}
