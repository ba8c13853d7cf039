package cn.shanghai.residence.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who an anonymous caller is behind a load balancer, and that nobody else's header is believed (issue 15 item 5). */
class ClientAddressTests {

    private static final ClientAddress BEHIND_PROXIES = new ClientAddress(
            new TrustedProxiesProperties(List.of("10.0.0.0/8", "192.168.1.10", "fd00::/8")));

    @Test
    void shouldTakeTheSocketPeerWhenNoProxyIsTrusted() {
        ClientAddress noProxies = new ClientAddress(new TrustedProxiesProperties(null));

        assertThat(noProxies.of(from("10.0.0.5", "X-Forwarded-For", "203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void shouldIgnoreForwardingHeadersFromAnUntrustedPeer() {
        assertThat(BEHIND_PROXIES.of(from("198.51.100.20", "X-Forwarded-For", "203.0.113.7")))
                .isEqualTo("198.51.100.20");
        assertThat(BEHIND_PROXIES.of(from("198.51.100.20", "Forwarded", "for=203.0.113.7")))
                .isEqualTo("198.51.100.20");
    }

    @Test
    void shouldTakeTheFirstUntrustedHopFromTheRightBehindATrustedProxy() {
        assertThat(BEHIND_PROXIES.of(from("10.1.2.3", "X-Forwarded-For", "203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(BEHIND_PROXIES.of(from("10.1.2.3", "X-Forwarded-For", "1.1.1.1, 203.0.113.7, 192.168.1.10")))
                .as("the client may forge hops to the left; the first address not trusted is the one a proxy saw")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void shouldReadForwardedBeforeXForwardedFor() {
        assertThat(BEHIND_PROXIES.of(from("10.1.2.3", "Forwarded",
                "for=\"[2001:db8:cafe::17]:4711\";proto=https, for=192.168.1.10")))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(BEHIND_PROXIES.of(from("10.1.2.3", "Forwarded", "for=198.51.100.9:8080;by=10.1.2.3")))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void shouldStopAtAHopThatIsNotAnAddress() {
        assertThat(BEHIND_PROXIES.of(from("10.1.2.3", "X-Forwarded-For", "unknown")))
                .as("no DNS look-up, no name as a bucket: the trusted proxy itself")
                .isEqualTo("10.1.2.3");
        assertThat(BEHIND_PROXIES.of(from("10.1.2.3", "Forwarded", "for=_hidden, for=10.9.9.9")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void shouldRefuseATrustedProxyThatIsNotAnAddressOrRange() {
        assertThatThrownBy(() -> new ClientAddress(new TrustedProxiesProperties(List.of("lb.example.com"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gateway.trusted-proxies");
        assertThatThrownBy(() -> new ClientAddress(new TrustedProxiesProperties(List.of("10.0.0.0/33"))))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    private static MockServerHttpRequest from(String peer, String header, String value) {
        return MockServerHttpRequest.post("/graphql")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header(header, value)
                .build();
    }
}
