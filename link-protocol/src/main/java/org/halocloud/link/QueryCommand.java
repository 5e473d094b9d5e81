package org.halocloud.link;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The command a Link runs, in Halo's request shape: SQL text or a procedure name, how to execute it, and its
 * parameters. The text travels to the database unchanged; values travel only as bind parameters.
 */
public record QueryCommand(String text, ExecutionMode executionMode, CommandType type, List<QueryParameter> parameters) {

    public QueryCommand {
        executionMode = executionMode == null ? ExecutionMode.READER : executionMode;
        type = type == null ? CommandType.TEXT : type;
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /** Never the text: it may quote patient data. */
    @Override
    public String toString() {
        return "QueryCommand[type=" + type + ", mode=" + executionMode + ", parameters=" + parameters.size() + "]";
    }

    public enum ExecutionMode {
        @JsonProperty("reader") READER,
        @JsonProperty("nonQuery") NON_QUERY,
        @JsonProperty("scalar") SCALAR
    }

    public enum CommandType {
        @JsonProperty("text") TEXT,
        @JsonProperty("storedProcedure") STORED_PROCEDURE
    }
}
