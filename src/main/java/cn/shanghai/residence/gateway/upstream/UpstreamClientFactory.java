package cn.shanghai.residence.gateway.upstream;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import cn.shanghai.residence.gateway.web.RequestTrace;

/**
 * Builds the HTTP interface client of an upstream from its endpoint and timeouts, so that the four upstream
 * clients differ only in their interface and configuration. Each upstream has its own connection pool, so a slow
 * agency cannot take the connections another one needs. Redirects are never followed (a 3xx is an
 * UPSTREAM_ERROR); every call carries a request id and
 * (through the Boot-configured builder's observation) the W3C trace. Bodies are read with the application's JSON
 * mapper plus {@link UnknownUpstreamValues}, so a code the agency added later is read as UNKNOWN, not a failure.
 */
public final class UpstreamClientFactory {

    private final WebClient.Builder webClientBuilder;
    private final UpstreamEndpoints endpoints;
    private final UpstreamsProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;

    public UpstreamClientFactory(WebClient.Builder webClientBuilder, UpstreamEndpoints endpoints,
            UpstreamsProperties properties, JsonMapper json, MeterRegistry meters) {
        this.webClientBuilder = webClientBuilder;
        this.endpoints = endpoints;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
    }

    public <T> T create(Upstream upstream, Class<T> clientType) {
        UpstreamsProperties.Settings settings = properties.settings(upstream);
        ConnectionProvider connections = ConnectionProvider.builder("upstream-" + upstream.id())
                .maxConnections(settings.maxConnections())
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(settings.timeout())
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        HttpClient httpClient = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(settings.connectTimeout().toMillis()))
                .responseTimeout(settings.timeout())
                .followRedirect(false);
        WebClient webClient = webClientBuilder.clone()
                .baseUrl(endpoints.baseUrl(upstream).toString())
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .codecs(codecs -> codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json.rebuild()
                        .addHandler(new UnknownUpstreamValues(upstream, meters))
                        .build())))
                .filter(UpstreamClientFactory::propagateRequestId)
                .defaultStatusHandler(HttpStatusCode::is3xxRedirection,
                        response -> Mono.error(new UpstreamContractException("redirect " + response.statusCode())))
                .build();
        return HttpServiceProxyFactory.builderFor(WebClientAdapter.create(webClient)).build().createClient(clientType);
    }

    /**
     * Every upstream call carries an {@code X-Request-Id}: the caller's for its own writes, a neutral one for a
     * read that several requests may share. Its W3C {@code traceparent} is added by the WebClient observation.
     */
    private static Mono<ClientResponse> propagateRequestId(ClientRequest request, ExchangeFunction next) {
        return Mono.deferContextual(context -> {
            RequestTrace trace = context.<RequestTrace>getOrEmpty(RequestTrace.class)
                    .orElseGet(RequestTrace::neutral);
            return next.exchange(ClientRequest.from(request)
                    .header(RequestTrace.REQUEST_ID_HEADER, trace.requestId())
                    .build());
        });
    }
}
