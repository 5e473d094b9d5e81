package org.halocloud.mappings.fhir.write;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A row's version as FHIR sees it, derived from the row's own last-modified stamp (PMSs keep no history): the
 * stamp in microseconds, so it changes with every write the PMS stamps and decodes back to the stamp a guarded
 * update compares.
 */
public final class Versions {

    private Versions() {
    }

    public static String id(LocalDateTime stamp) {
        return stamp == null ? "0" : Long.toString(ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), stamp));
    }

    /** The stamp a version id stands for; empty for "0" (a row never stamped) and for anything not a version id. */
    public static Optional<LocalDateTime> stamp(String versionId) {
        if (versionId == null || !versionId.matches("\\d{1,18}") || versionId.equals("0")) {
            return Optional.empty();
        }
        long micros = Long.parseLong(versionId);
        return Optional.of(LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), 0, ZoneOffset.UTC)
                .plusNanos(Math.floorMod(micros, 1_000_000) * 1000L));
    }
}
