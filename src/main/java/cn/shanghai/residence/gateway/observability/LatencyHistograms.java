package cn.shanghai.residence.gateway.observability;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Histogram buckets at the latencies the service-level objectives are stated in, on the three timers an SLO reads:
 * requests at the edge, GraphQL fields (me's sections, mutations) and upstream calls. Fixed buckets rather than
 * Micrometer's 70-odd percentile buckets: eight series per tag set keep a scrape small, and Prometheus can still
 * aggregate them across replicas (client-side percentiles cannot be).
 */
@Configuration(proxyBeanMethods = false)
public class LatencyHistograms {

    /** The bucket bounds: 1 s is the edge's latency target, 2 s an upstream attempt's default time limit. */
    public static final List<Duration> BUCKETS = List.of(Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** The timers that get them. */
    public static final Set<String> TIMERS = Set.of("http.server.requests", MetricNames.GRAPHQL_FIELDS,
            MetricNames.UPSTREAM_CALLS);

    @Bean
    MeterFilter sloBuckets() {
        double[] bounds = BUCKETS.stream().mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(config);
            }
        };
    }
}
