package cn.shanghai.residence.gateway.upstream;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import cn.shanghai.residence.gateway.InvalidConfigurationException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamEndpointsTests {

    private static final EmbeddedUpstreams STUBS = u -> URI.create("http://127.0.0.1:9999" + u.basePath());

    @Test
    void shouldRefuseToStartWithoutABaseUrlWhenTheSandboxIsOff() {
        UpstreamsProperties properties = properties(Map.of(
                Upstream.POLICE, "https://police.example/police/v1",
                Upstream.HOUSING, "https://housing.example/housing/v1",
                Upstream.BDC, "https://bdc.example/bdc/v1"));

        assertThatThrownBy(() -> new UpstreamEndpoints(properties, null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gateway.upstreams.postal.base-url")
                .hasMessageContaining("missing");
    }

    @Test
    void shouldRefuseMalformedBaseUrls() {
        assertRefused("police.example/police/v1", "absolute http(s) URL");
        assertRefused("ftp://police.example/police/v1", "absolute http(s) URL");
        assertRefused("https://police.example/api", "/police/v1");
        assertRefused("https://police.example/police/v1?x=1", "query");
        assertRefused("https://user:pw@police.example/police/v1", "credentials");
    }

    @Test
    void shouldPreferConfiguredUrlsAndFallBackToTheStubs() {
        UpstreamEndpoints endpoints = new UpstreamEndpoints(
                properties(Map.of(Upstream.POLICE, "https://gateway.gov.example/proxy/police/v1/")), STUBS);

        assertThat(endpoints.baseUrl(Upstream.POLICE)).hasToString("https://gateway.gov.example/proxy/police/v1");
        assertThat(endpoints.baseUrl(Upstream.POSTAL)).hasToString("http://127.0.0.1:9999/postal/v1");
    }

    private static void assertRefused(String url, String reason) {
        assertThatThrownBy(() -> new UpstreamEndpoints(properties(Map.of(Upstream.POLICE, url)), STUBS))
                .as(url)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gateway.upstreams.police.base-url")
                .hasMessageContaining(reason);
    }

    private static UpstreamsProperties properties(Map<Upstream, String> urls) {
        Map<Upstream, UpstreamsProperties.Settings> settings = new EnumMap<>(Upstream.class);
        urls.forEach((upstream, url) -> settings.put(upstream,
                new UpstreamsProperties.Settings(URI.create(url), null, null, null, null, null, null)));
        return new UpstreamsProperties(settings, null);
    }
}
