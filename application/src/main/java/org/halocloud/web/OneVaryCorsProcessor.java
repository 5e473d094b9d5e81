package org.halocloud.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS processing, with its {@code Vary} values written as one header
 * ({@code Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers}) instead of one header line
 * each.
 */
class OneVaryCorsProcessor extends DefaultCorsProcessor {

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return super.processRequest(config, request, new HttpServletResponseWrapper(response) {
            @Override
            public Collection<String> getHeaders(String name) {
                if (!HttpHeaders.VARY.equalsIgnoreCase(name)) {
                    return super.getHeaders(name);
                }
                List<String> tokens = new ArrayList<>();
                for (String value : super.getHeaders(name)) {
                    for (String token : value.split(",")) {
                        if (!token.isBlank()) {
                            tokens.add(token.trim());
                        }
                    }
                }
                return tokens;
            }

            @Override
            public void addHeader(String name, String value) {
                if (!HttpHeaders.VARY.equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                    return;
                }
                Collection<String> present = getHeaders(name);
                if (present.isEmpty()) {
                    super.setHeader(name, value);
                } else if (!present.contains(value.trim())) {
                    super.setHeader(name, String.join(", ", present) + ", " + value.trim());
                }
            }
        });
    }
}
