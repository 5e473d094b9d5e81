package org.halocloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The markdown report: written line by line, echoed to standard output section by section, saved at the end. */
final class Report {

    private final StringBuilder out = new StringBuilder();
    private int flushed;

    void line(String s) {
        out.append(s).append('\n');
    }

    /** Prints what was written since the last flush. */
    void flush() {
        System.out.print(out.substring(flushed));
        System.out.flush();
        flushed = out.length();
    }

    Path write(Path dir, String fileName) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        Files.writeString(file, out.toString());
        return file;
    }

    static String ms(long nanos) {
        return Long.toString(nanos / 1_000_000);
    }

    static String ratio(double a, double b) {
        return b == 0 ? "–" : String.format("%.1f×", a / b);
    }

    /** As {@link #ratio}, two decimals (the passthrough's API/raw ratios are well below 1). */
    static String ratio2(double a, double b) {
        return b == 0 ? "–" : String.format("%.2f×", a / b);
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
