package cn.shanghai.residence.gateway.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * Puts the request id of the Reactor context into the log lines' MDC ({@code requestId}), beside the trace and
 * span ids Micrometer Tracing puts there, whenever thread locals are restored from a request's context
 * ({@link cn.shanghai.residence.gateway.observability.LogCorrelation}, Spring for GraphQL's exception resolvers).
 */
@Component
class RequestIdLogging implements ThreadLocalAccessor<RequestTrace> {

    static final String MDC_KEY = "requestId";

    RequestIdLogging() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(this);
    }

    @Override
    public Object key() {
        return RequestTrace.class;
    }

    @Override
    public @Nullable RequestTrace getValue() {
        String id = MDC.get(MDC_KEY);
        return id == null ? null : new RequestTrace(id);
    }

    @Override
    public void setValue(RequestTrace value) {
        MDC.put(MDC_KEY, value.requestId());
    }

    @Override
    public void setValue() {
        MDC.remove(MDC_KEY);
    }
}
