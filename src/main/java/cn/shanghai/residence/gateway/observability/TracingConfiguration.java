package cn.shanghai.residence.gateway.observability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.common.KeyValues;
import io.micrometer.tracing.exporter.SpanFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Keeps personal data out of every span (README "Tracing"): HTTP spans name the route template
 * ({@code /persons/{personId}/permit}), never the URL with its ids, and no span is exported with an exception's
 * message or stack trace (an upstream error's message names the URL it called).
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /** Span tags that could carry a URL with an id in it, or an exception's text. */
    static final Set<String> UNSAFE_TAGS = Set.of("http.url", "url.full", "exception.message",
            "exception.stacktrace", "error");

    @Bean
    DefaultServerRequestObservationConvention serverRequestsWithoutUrls() {
        return new DefaultServerRequestObservationConvention("http.server.requests") {
            @Override
            public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
                return KeyValues.empty();
            }
        };
    }

    @Bean
    DefaultClientRequestObservationConvention clientRequestsWithoutUrls() {
        return new DefaultClientRequestObservationConvention("http.client.requests") {
            @Override
            public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
                return KeyValues.empty();
            }
        };
    }

    /** The last guard before export: no exception text, no events, no URL, whatever instrumentation added them. */
    @Bean
    SpanFilter withoutPersonalData() {
        return span -> {
            Map<String, String> tags = new HashMap<>(span.getTags());
            tags.keySet().removeAll(UNSAFE_TAGS);
            Throwable error = span.getError();
            span.setTags(tags).setEvents(List.of());
            return error == null ? span : span.setError(new SpanError(error));
        };
    }

    /** An error as a span may show it: its type only. */
    static final class SpanError extends RuntimeException {

        SpanError(Throwable error) {
            super(error.getClass().getSimpleName(), null, false, false);
        }
    }
}
