package cn.shanghai.residence.gateway.web;

import java.time.Duration;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import cn.shanghai.residence.gateway.InvalidConfigurationException;
import cn.shanghai.residence.gateway.i18n.Messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shedding, on a limit of two requests in flight: the third is refused at once with 503, Retry-After and OVERLOADED,
 * health is never shed, and a place that frees up is given to the next request.
 */
class AdmissionFilterTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AdmissionFilter admission = new AdmissionFilter(
            new AdmissionProperties(true, null, null, null, null, Duration.ofSeconds(2), null),
            SimpleLimiter.newBuilder().limit(FixedLimit.of(2)).build(), meters, Messages.bundles());

    @Test
    void shouldJudgeEachWindowOnceByItsNinetyNinthPercentile() {
        Limit limit = AdmissionFilter.limit(new AdmissionProperties(true, 64, 16, 512, Duration.ofMillis(200), null,
                Duration.ofSeconds(1)));
        long second = Duration.ofSeconds(1).toNanos();
        long t = 10 * second;

        t = window(limit, t, 100, 0);
        assertThat(limit.getLimit()).as("a window within the target: one more").isEqualTo(65);
        t = window(limit, t, 100, 2);
        assertThat(limit.getLimit()).as("2 %% slow: the p99 is past the target, a tenth fewer").isEqualTo(58);
        window(limit, t, 1000, 1);
        assertThat(limit.getLimit()).as("one slow answer in a thousand is not the p99: one more").isEqualTo(59);
    }

    @Test
    void shouldRefuseAWindowShorterThanTheLimiterJudgesNamingTheSetting() {
        assertThatThrownBy(() -> new AdmissionProperties(true, null, null, null, null, null, Duration.ofMillis(99)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("gateway.admission.window");
        assertThat(new AdmissionProperties(true, null, null, null, null, null, Duration.ofMillis(100)).window())
                .isEqualTo(Duration.ofMillis(100));
    }

    /** Answers within one window (a millisecond apart, the slow ones 500 ms, the others 50 ms), then one that ends it. */
    private static long window(Limit limit, long start, int answers, int slow) {
        long millisecond = Duration.ofMillis(1).toNanos();
        for (int i = 0; i < answers; i++) {
            long rtt = (i < slow ? 500 : 50) * millisecond;
            limit.onSample(start + i * millisecond / 2, rtt, 64, false);
        }
        long next = start + Duration.ofSeconds(2).toNanos();
        limit.onSample(next, 50 * millisecond, 64, false);
        return next + millisecond;
    }

    @Test
    void shouldRefuseAtOnceWhatIsBeyondTheLimitAndAdmitAgainWhenAPlaceFrees() {
        Sinks.Empty<Void> first = Sinks.empty();
        Sinks.Empty<Void> second = Sinks.empty();
        MockServerWebExchange one = graphql();
        MockServerWebExchange two = graphql();
        admission.filter(one, held(first)).subscribe();
        admission.filter(two, held(second)).subscribe();

        MockServerWebExchange three = graphql();
        admission.filter(three, exchange -> Mono.error(new AssertionError("must not run"))).block();

        assertThat(three.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(three.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(three.getResponse().getBodyAsString().block())
                .contains("\"code\":\"OVERLOADED\"", "\"retryable\":true", "\"retryAfterSeconds\":2");
        assertThat(meters.get("gateway.admission.shed").counter().count()).isEqualTo(1);
        assertThat(meters.get("gateway.admission.inflight").gauge().value()).isEqualTo(2);

        first.tryEmitEmpty();
        MockServerWebExchange four = graphql();
        admission.filter(four, exchange -> Mono.empty()).block();
        assertThat(four.getResponse().getStatusCode()).as("admitted, not refused").isNull();
        assertThat(meters.get("gateway.admission.shed").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldNeverShedHealthOrThePages() {
        admission.filter(graphql(), held(Sinks.empty())).subscribe();
        admission.filter(graphql(), held(Sinks.empty())).subscribe();

        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/sandbox"}) {
            MockServerWebExchange probe = MockServerWebExchange.from(MockServerHttpRequest.get(path));
            admission.filter(probe, exchange -> Mono.empty()).block();
            assertThat(probe.getResponse().getStatusCode()).as(path).isNull();
        }
        assertThat(meters.get("gateway.admission.shed").counter().count()).isZero();
    }

    private static MockServerWebExchange graphql() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/graphql").body("{\"query\":\"{ faqs { id } }\"}"));
    }

    private static WebFilterChain held(Sinks.Empty<Void> until) {
        return exchange -> until.asMono();
    }
}
