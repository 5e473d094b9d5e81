package org.halocloud.bench;

/**
 * Cold start: from {@code SpringApplication.run} to the context being ready (which includes building the demo
 * databases from nothing) and to the first immediate {@code SELECT 1} answered. Runs first, on the application the
 * harness has just started.
 */
final class ColdStart {

    private ColdStart() {
    }

    /** @param t0 {@link System#nanoTime()} just before the application was started */
    static void run(HaloApp app, long t0, int patients, Report report, Results results) throws Exception {
        int status = app.immediate("SELECT 1").statusCode();
        long answered = System.nanoTime();
        report.line("## Cold start (embedded demo, " + patients + " patients × 5 practices built from nothing)");
        report.line("");
        report.line("| step | ms |");
        report.line("|---|---:|");
        report.line("| SpringApplication.run → context ready (includes building the demo databases) | "
                + Report.ms(app.readyAt() - t0) + " |");
        report.line("| SpringApplication.run → first immediate `SELECT 1` answered (HTTP " + status + ") | "
                + Report.ms(answered - t0) + " |");
        report.line("");
        report.flush();
        if (status == 200) {
            results.firstAnswerMs = (answered - t0) / 1_000_000;
        }
    }
}
