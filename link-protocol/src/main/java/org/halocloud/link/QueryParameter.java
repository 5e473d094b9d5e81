package org.halocloud.link;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One bind parameter, named as in SQL Server ({@code @name}), typed with ADO.NET's SqlDbType names.
 *
 * @param value a JSON scalar (string, number, boolean or null); dates as ISO-8601 or {@code yyyyMMdd}
 * @param size  the declared size of a string or binary parameter, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryParameter(String name, Direction direction, String type, Object value, Integer size) {

    public QueryParameter {
        direction = direction == null ? Direction.INPUT : direction;
    }

    /** Never the value. */
    @Override
    public String toString() {
        return "QueryParameter[" + name + ", " + direction + ", " + type + "]";
    }

    public enum Direction {
        @JsonProperty("input") INPUT,
        @JsonProperty("output") OUTPUT,
        @JsonProperty("inputOutput") INPUT_OUTPUT,
        @JsonProperty("returnValue") RETURN_VALUE;

        public boolean isOutput() {
            return this != INPUT;
        }

        public boolean isInput() {
            return this == INPUT || this == INPUT_OUTPUT;
        }
    }

    public QueryParameter withValue(Object newValue) {
        return new QueryParameter(name, direction, type, newValue, size);
    }
}
