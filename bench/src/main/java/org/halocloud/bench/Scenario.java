package org.halocloud.bench;

/** One part of the benchmark: measures against the harness, writes its section of the report, records its cells. */
interface Scenario {

    void run(Harness h) throws Exception;
}
