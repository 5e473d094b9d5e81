package org.halocloud.kernel.link;

import java.util.Map;
import java.util.UUID;
import org.halocloud.kernel.state.PmsDatabases;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Where standalone Links connect: {@code /link/v1}, a WebSocket opened with {@code Authorization: Bearer <Link
 * credential>}. A credential that is unknown, or was issued by another environment, is refused (401) before the
 * connection is upgraded.
 */
public class LinkEndpoint implements WebSocketConfigurer, HandshakeInterceptor {

    public static final String PATH = "/link/v1";

    private final RemoteLinks links;
    private final PmsDatabases databases;
    private final String environment;

    public LinkEndpoint(RemoteLinks links, PmsDatabases databases, String environment) {
        this.links = links;
        this.databases = databases;
        this.environment = environment;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(links, PATH).addInterceptors(this);
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String authorization = request.getHeaders().getFirst("Authorization");
        UUID linkId = authorization == null || !authorization.startsWith("Bearer ") ? null
                : databases.authenticateLink(authorization.substring(7).trim(), environment).orElse(null);
        if (linkId == null) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put(RemoteLinks.LINK_ID, linkId);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
