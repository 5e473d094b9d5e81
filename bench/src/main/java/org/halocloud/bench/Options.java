package org.halocloud.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's options: {@code --name=value} arguments over {@code -Dbench.name=value} system properties, each
 * with its default (bench/README.md lists them).
 */
final class Options {

    private final Map<String, String> values;

    Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("bench.")) {
                values.put(k.toString().substring(6), v.toString());
            }
        });
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                values.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        return new Options(values);
    }

    String get(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    int intValue(String name, int dflt) {
        return Integer.parseInt(get(name, Integer.toString(dflt)).replace("_", ""));
    }

    int patients() {
        return intValue("patients", 2000);
    }

    /** Measured seconds per cell. */
    double seconds() {
        return Double.parseDouble(get("seconds", "5"));
    }

    /** Warm-up seconds per query and path. */
    double warmup() {
        return Double.parseDouble(get("warmup", "8"));
    }

    /** Client threads of each measured cell. */
    int[] concurrency() {
        return Arrays.stream(get("concurrency", "1,8,32").split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    }

    int asyncRows() {
        return intValue("asyncRows", 1_000_000);
    }

    /** Patients loaded into the HAPI JPA peer: all of {@link #patients()} unless fewer are asked for (0: no peer). */
    int jpaPatients() {
        return Math.min(patients(), intValue("jpaPatients", patients()));
    }

    /** The scenarios to run after the cold start, by name ({@code Bench.SCENARIOS}); all unless given. */
    List<String> scenarios(List<String> all) {
        String given = get("scenarios", "");
        if (given.isBlank()) {
            return all;
        }
        List<String> names = Arrays.stream(given.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        for (String n : names) {
            if (!all.contains(n)) {
                throw new IllegalArgumentException("--scenarios: no scenario '" + n + "' (there are " + all + ")");
            }
        }
        return all.stream().filter(names::contains).toList();
    }

    /** Writes per measured cell of the writes scenario at most (each booking needs a free slot of its own). */
    int writes() {
        return intValue("writes", 2000);
    }

    boolean keep() {
        return Boolean.parseBoolean(get("keep", "false"));
    }
}
