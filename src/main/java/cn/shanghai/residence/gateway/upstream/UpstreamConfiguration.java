package cn.shanghai.residence.gateway.upstream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires what all four upstreams share: their endpoints, the client factory and the resource caches. */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

    @Bean
    UpstreamEndpoints upstreamEndpoints(UpstreamsProperties properties, ObjectProvider<EmbeddedUpstreams> embedded) {
        return new UpstreamEndpoints(properties, embedded.getIfAvailable());
    }

    @Bean
    UpstreamClientFactory upstreamClientFactory(WebClient.Builder webClientBuilder, UpstreamEndpoints endpoints,
            UpstreamsProperties properties) {
        return new UpstreamClientFactory(webClientBuilder, endpoints, properties);
    }

    @Bean
    ResourceCaches resourceCaches(CacheProperties properties) {
        return new ResourceCaches(properties);
    }
}
