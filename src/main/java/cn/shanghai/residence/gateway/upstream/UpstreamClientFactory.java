package cn.shanghai.residence.gateway.upstream;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds the HTTP interface client of an upstream from its endpoint and timeouts, so that the four upstream
 * clients differ only in their interface and configuration. Redirects are never followed.
 */
public final class UpstreamClientFactory {

    private final WebClient.Builder webClientBuilder;
    private final UpstreamEndpoints endpoints;
    private final UpstreamsProperties properties;

    public UpstreamClientFactory(WebClient.Builder webClientBuilder, UpstreamEndpoints endpoints,
            UpstreamsProperties properties) {
        this.webClientBuilder = webClientBuilder;
        this.endpoints = endpoints;
        this.properties = properties;
    }

    public <T> T create(Upstream upstream, Class<T> clientType) {
        UpstreamsProperties.Settings settings = properties.settings(upstream);
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
                .responseTimeout(settings.timeout())
                .followRedirect(false);
        WebClient webClient = webClientBuilder.clone()
                .baseUrl(endpoints.baseUrl(upstream).toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
        return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(webClient)).build().createClient(clientType);
    }
}
