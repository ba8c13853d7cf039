package cn.shanghai.residence.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.reference.Ids;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

/** The signed-in person of the current request: the {@code sub} of a verified JWT, or UNAUTHENTICATED. */
public final class CurrentPerson {

    private CurrentPerson() {
    }

    /** When the current request's token expires ({@code exp}, which every accepted token carries). */
    public static Mono<java.time.Instant> tokenExpiry() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .mapNotNull(authentication -> ((JwtAuthenticationToken) authentication).getToken().getExpiresAt());
    }

    public static Mono<String> id() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(Authentication::getName)
                .switchIfEmpty(Mono.error(() -> new GatewayException(ErrorCode.UNAUTHENTICATED,
                        Text.of("error.UNAUTHENTICATED"))))
                .flatMap(sub -> Ids.safe(sub) ? Mono.just(sub)
                        : Mono.error(new GatewayException(ErrorCode.UNAUTHENTICATED,
                                Text.of("error.UNAUTHENTICATED.subject"))));
    }
}
