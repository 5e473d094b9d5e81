package org.halocloud.bench;

import java.nio.file.Path;

/**
 * What every scenario runs against: the options, the report and the cells recorded so far, the application
 * started in-process, the raw JDBC path and its loopback HTTP server, the load client's JVM, a work directory.
 */
record Harness(Options options, Report report, Results results, HaloApp app, RawJdbc raw, RawHttpServer rawHttp,
               LoadClientProcess load, Path work) {
}
