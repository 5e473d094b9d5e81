package org.halocloud.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which base URL links are written under: configured, derived, or a trusted proxy's forwarded one. */
class PublicBaseUrlTest {

    private static MockHttpServletRequest from(String remote, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.setRemoteAddr(remote);
        request.setServerName("evil.example");
        request.addHeader("Host", "evil.example");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void theConfiguredBaseIsUsedAndForwardedHeadersFromAnyoneButATrustedProxyAreIgnored() {
        PublicBaseUrl base = new PublicBaseUrl(new PublicBaseUrl.Properties("https://halo.example.com/",
                List.of("10.0.0.0/8", "2001:db8::1")), new MockEnvironment());
        assertThat(base.baseFor(from("203.0.113.9", "X-Forwarded-Host", "evil.example"))).isEqualTo("https://halo.example.com");
        assertThat(base.baseFor(from("10.1.2.3"))).isEqualTo("https://halo.example.com");
        assertThat(base.baseFor(from("10.1.2.3", "X-Forwarded-Host", "api.example.net", "X-Forwarded-Proto", "http",
                "X-Forwarded-Port", "8080"))).isEqualTo("http://api.example.net:8080");
        assertThat(base.baseFor(from("2001:db8::1", "X-Forwarded-Host", "api.example.net, inner", "X-Forwarded-Proto",
                "https", "X-Forwarded-Port", "443"))).isEqualTo("https://api.example.net");
        assertThat(base.baseFor(from("2001:db8::2", "X-Forwarded-Host", "api.example.net"))).isEqualTo("https://halo.example.com");
        // a forwarded host that is not a host name is not believed even from a trusted proxy
        assertThat(base.baseFor(from("10.1.2.3", "X-Forwarded-Host", "evil.example/path?"))).isEqualTo("https://halo.example.com");
    }

    @Test
    void withoutConfigurationTheBaseIsTheListeningAddress() {
        MockEnvironment env = new MockEnvironment();
        PublicBaseUrl base = new PublicBaseUrl(new PublicBaseUrl.Properties("", List.of()), env);
        assertThat(base.derived(8080)).isEqualTo("http://localhost:8080");
        env.setProperty("server.address", "0.0.0.0");
        assertThat(base.derived(8080)).isEqualTo("http://localhost:8080");
        env.setProperty("server.address", "192.0.2.7");
        env.setProperty("server.ssl.enabled", "true");
        assertThat(base.derived(8443)).isEqualTo("https://192.0.2.7:8443");
    }

    @Test
    void badConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new PublicBaseUrl(new PublicBaseUrl.Properties("halo.example.com", List.of()),
                new MockEnvironment())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicBaseUrl(new PublicBaseUrl.Properties("", List.of("proxy.example")),
                new MockEnvironment())).isInstanceOf(IllegalArgumentException.class);
    }
}
