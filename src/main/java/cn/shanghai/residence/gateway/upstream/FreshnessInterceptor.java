package cn.shanghai.residence.gateway.upstream;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives each request its {@link RequestMemo}, once, in the Reactor context that Spring for GraphQL hands to every
 * data fetcher and batch loader, and reports the memo's freshness in the response extensions.
 */
@Component
class FreshnessInterceptor implements WebGraphQlInterceptor, Ordered {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        RequestMemo memo = new RequestMemo();
        return chain.next(request)
                .map(response -> {
                    Map<String, Object> freshness = memo.freshness().toExtension();
                    return freshness.isEmpty() ? response
                            : response.transform(builder -> builder.extensions(Map.of("freshness", freshness)));
                })
                .contextWrite(memo::addTo);
    }

    /** Inside the access audit, outside the language and the error codes (their answers carry no freshness). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
