package cn.shanghai.residence.gateway.upstream;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires what all four upstreams share: endpoints, clients, caches, guards and the resource factory. */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

    @Bean
    UpstreamEndpoints upstreamEndpoints(UpstreamsProperties properties, ObjectProvider<EmbeddedUpstreams> embedded) {
        return new UpstreamEndpoints(properties, embedded.getIfAvailable());
    }

    @Bean
    UpstreamClientFactory upstreamClientFactory(WebClient.Builder webClientBuilder, UpstreamEndpoints endpoints,
            UpstreamsProperties properties, JsonMapper json, MeterRegistry meters) {
        return new UpstreamClientFactory(webClientBuilder, endpoints, properties, json, meters);
    }

    @Bean
    MeterFilter upstreamSpansWithoutTimers() {
        return UpstreamSpans.noTimers();
    }

    @Bean
    ResourceCaches resourceCaches(CacheProperties properties, Clock clock, MeterRegistry meters) {
        return new ResourceCaches(properties, Runtime.getRuntime().maxMemory(), clock, meters);
    }

    @Bean
    StallDetector stallDetector(UpstreamsProperties properties, MeterRegistry meters) {
        return new StallDetector(properties.stallThreshold(), meters);
    }

    @Bean
    UpstreamGuards upstreamGuards(UpstreamsProperties properties, MeterRegistry meters, Clock clock,
            StallDetector stalls, ObjectProvider<ObservationRegistry> observations) {
        return new UpstreamGuards(properties, meters, clock, stalls,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    UpstreamResources upstreamResources(ResourceCaches caches, UpstreamGuards guards, Validator validator,
            ObjectProvider<ObservationRegistry> observations) {
        return new UpstreamResources(caches, guards, new ContractCheck(validator),
                new UpstreamSpans(observations.getIfAvailable(() -> ObservationRegistry.NOOP)));
    }
}
