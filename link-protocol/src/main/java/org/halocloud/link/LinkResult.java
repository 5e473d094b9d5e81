package org.halocloud.link;

import java.time.Duration;
import java.util.List;

/**
 * What a Link reports once the rows have streamed.
 *
 * @param rows          rows sent to the sink
 * @param rowsAffected  for non-queries, what the database reported
 * @param parameters    output, input-output and return-value parameters with their values
 * @param sqlExecution  from sending the command to the database until its answer was read
 */
public record LinkResult(long rows, Long rowsAffected, List<QueryParameter> parameters, Duration sqlExecution) {
}
