package cn.shanghai.residence.gateway.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Lets a CDN keep the answer to a trusted document fetched over GET without a token, when it came without errors:
 * such an answer holds nothing personal and is the same for every caller. Every other answer keeps the
 * {@code no-store} the security headers give it.
 */
@Component
class PublicAnswerCaching implements WebGraphQlInterceptor {

    /** Set by {@link GraphQlGetRoute} on a GET of a trusted document that carries no {@code Authorization}. */
    static final String PUBLIC_DOCUMENT = PublicAnswerCaching.class.getName() + ".publicDocument";

    private final CacheControl cacheControl;

    PublicAnswerCaching(DocumentsProperties documents) {
        this.cacheControl = CacheControl.maxAge(documents.publicMaxAge()).cachePublic();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!Boolean.TRUE.equals(request.getAttributes().get(PUBLIC_DOCUMENT))
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.next(request);
        }
        return chain.next(request).doOnNext(response -> {
            if (response.isValid() && response.getErrors().isEmpty()) {
                response.getResponseHeaders().setCacheControl(cacheControl);
                response.getResponseHeaders().setVary(List.of(HttpHeaders.AUTHORIZATION,
                        HttpHeaders.ACCEPT_LANGUAGE));
            }
        });
    }
}
