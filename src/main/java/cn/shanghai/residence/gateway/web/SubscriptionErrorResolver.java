package cn.shanghai.residence.gateway.web;

import java.util.List;

import graphql.GraphQLError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.SubscriptionExceptionResolver;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.observability.LogCorrelation;

/**
 * Gives a subscription that ends in failure (token expired, a limit, a slow consumer, NOT_FOUND) the same typed
 * error a field gets; anything unexpected is INTERNAL_ERROR with a fixed message and nothing of its cause, logged
 * with the subscription's trace and request ids.
 */
@Component
class SubscriptionErrorResolver implements SubscriptionExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable ex) {
        if (ex instanceof GatewayException failure) {
            return Mono.just(List.of(failure.toGraphQlError()));
        }
        return Mono.deferContextual(context -> {
            LogCorrelation.within(context, () -> log.error("Unexpected {} in a subscription", ex.getClass().getName()));
            return Mono.just(List.of(new GatewayException(ErrorCode.INTERNAL_ERROR,
                    Text.of("error.INTERNAL_ERROR.stream")).toGraphQlError()));
        });
    }
}
