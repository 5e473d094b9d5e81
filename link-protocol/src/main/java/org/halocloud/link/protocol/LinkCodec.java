package org.halocloud.link.protocol;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of {@link LinkMessage}s. Decimals stay {@link java.math.BigDecimal} across the wire, so a value arrives
 * with the scale the database gave it, exactly as the in-process Link hands it over.
 */
public final class LinkCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LinkCodec() {
    }

    public static String write(LinkMessage message) {
        return MAPPER.writeValueAsString(message);
    }

    /** @throws tools.jackson.core.JacksonException when the text is not a message */
    public static LinkMessage read(CharSequence text) {
        return MAPPER.readValue(text.toString(), LinkMessage.class);
    }
}
