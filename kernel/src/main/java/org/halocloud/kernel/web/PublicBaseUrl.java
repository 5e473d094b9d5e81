package org.halocloud.kernel.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base URL the API's absolute links are written with (FHIR Bundle {@code self}, {@code next}, {@code fullUrl}):
 * {@code halo.public-base-url} when configured, else derived from the address the server listens on
 * ({@code http://localhost:<port>} for a wildcard address). Never the request's {@code Host} header. Behind a
 * reverse proxy listed in {@code halo.trusted-proxies} (IP addresses or CIDR ranges), that proxy's
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port} are honoured; from anyone else
 * they are ignored.
 */
@Component
@EnableConfigurationProperties(PublicBaseUrl.Properties.class)
public class PublicBaseUrl {

    /**
     * @param publicBaseUrl  e.g. {@code https://halo.example.com}; empty: derived from the listening address
     * @param trustedProxies addresses or CIDR ranges whose X-Forwarded-* headers are believed
     */
    @ConfigurationProperties("halo")
    public record Properties(@DefaultValue("") String publicBaseUrl, @DefaultValue List<String> trustedProxies) {
    }

    private static final Pattern HOST = Pattern.compile("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]{1,253})(:[0-9]{1,5})?$");
    private static final Pattern PORT = Pattern.compile("^[0-9]{1,5}$");

    private final List<Cidr> trusted;
    private final Environment environment;
    private volatile String base;

    public PublicBaseUrl(Properties properties, Environment environment) {
        this.environment = environment;
        this.trusted = properties.trustedProxies().stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
        String configured = properties.publicBaseUrl().trim();
        if (!configured.isEmpty()) {
            URI uri = URI.create(configured);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("halo.public-base-url must be an absolute http(s) URL");
            }
            this.base = stripSlash(configured);
        }
    }

    /** The embedded default: the listening address once the server has one. */
    @EventListener
    public void onStarted(WebServerInitializedEvent event) {
        if (base == null) {
            base = derived(event.getWebServer().getPort());
        }
    }

    String derived(int port) {
        String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
        String address = environment.getProperty("server.address", "");
        String host = "localhost";
        if (!address.isBlank()) {
            try {
                InetAddress a = InetAddress.getByName(address);
                if (!a.isAnyLocalAddress()) {
                    host = a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
                }
            } catch (UnknownHostException e) {
                host = address;
            }
        }
        return scheme + "://" + host + ":" + port;
    }

    /** The configured (or derived) base, or a trusted proxy's forwarded one; without a trailing slash. */
    public String baseFor(HttpServletRequest request) {
        String configured = base != null ? base : derived(request.getLocalPort());
        if (trusted.isEmpty() || !isTrusted(request.getRemoteAddr())) {
            return configured;
        }
        String host = first(request.getHeader("X-Forwarded-Host"));
        if (host == null || !HOST.matcher(host).matches()) {
            return configured;
        }
        String proto = first(request.getHeader("X-Forwarded-Proto"));
        String scheme = "https".equalsIgnoreCase(proto) ? "https" : "http".equalsIgnoreCase(proto) ? "http"
                : URI.create(configured).getScheme();
        String port = first(request.getHeader("X-Forwarded-Port"));
        String authority = host;
        if (port != null && PORT.matcher(port).matches() && !host.matches(".*:[0-9]+$")
                && !(scheme.equals("https") && port.equals("443")) && !(scheme.equals("http") && port.equals("80"))) {
            authority = host + ":" + port;
        }
        return scheme + "://" + authority;
    }

    boolean isTrusted(String remoteAddress) {
        try {
            InetAddress address = InetAddress.getByName(remoteAddress);
            return trusted.stream().anyMatch(c -> c.contains(address));
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",")[0].trim();
        return value.isEmpty() ? null : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An address or a CIDR range of IPv4 or IPv6 addresses. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            if (!parts[0].matches("^[0-9A-Fa-f:.]+$")) {
                throw new IllegalArgumentException("halo.trusted-proxies takes IP addresses or CIDR ranges");
            }
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("halo.trusted-proxies: a prefix length out of range");
                }
                return new Cidr(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("halo.trusted-proxies takes IP addresses or CIDR ranges");
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
