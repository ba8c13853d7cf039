package cn.shanghai.residence.gateway.web;

import graphql.GraphQLError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.i18n.Text;

/**
 * Gives a subscription that ends in failure (token expired, a limit, a slow consumer, NOT_FOUND) the same typed
 * error a field gets; anything unexpected is INTERNAL_ERROR with a fixed message and nothing of its cause.
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

    /** Its log lines name the trace and the request (see {@link cn.shanghai.residence.gateway.observability.LogCorrelation}). */
    SubscriptionErrorResolver() {
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof GatewayException failure) {
            return failure.toGraphQlError();
        }
        log.error("Unexpected {} in a subscription", ex.getClass().getName());
        return new GatewayException(ErrorCode.INTERNAL_ERROR, Text.of("error.INTERNAL_ERROR.stream")).toGraphQlError();
    }
}
