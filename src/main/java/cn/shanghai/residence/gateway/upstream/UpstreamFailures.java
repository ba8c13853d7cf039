package cn.shanghai.residence.gateway.upstream;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.core.codec.CodecException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.web.ErrorCode;

/** Classifies whatever an upstream call failed with into the typed codes of DESIGN.md §4, for every upstream. */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    public static UpstreamFailure classify(Upstream upstream, Throwable error) {
        if (error instanceof UpstreamFailure failure) {
            return failure;
        }
        Text.Arg agency = Text.key("upstream." + upstream.id());
        if (error instanceof WebClientResponseException response) {
            int status = response.getStatusCode().value();
            return switch (UpstreamStatus.of(status)) {
                case RATE_LIMITED -> new UpstreamFailure(upstream, ErrorCode.RATE_LIMITED, true,
                        Text.of("error.RATE_LIMITED.upstream", agency));
                case UNAVAILABLE -> new UpstreamFailure(upstream, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                        Text.of("error.UPSTREAM_UNAVAILABLE", agency));
                case OK -> new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR, true,
                        Text.of("error.UPSTREAM_ERROR.broken", agency));
                case SERVER_ERROR, REFUSED, CLIENT_ERROR -> new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR,
                        UpstreamStatus.of(status).agencyFault(),
                        Text.of("error.UPSTREAM_ERROR.status", agency, status));
            };
        }
        if (error instanceof CallNotPermittedException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                    Text.of("error.UPSTREAM_UNAVAILABLE.breaker", agency));
        }
        if (error instanceof BulkheadFullException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                    Text.of("error.UPSTREAM_UNAVAILABLE.bulkhead", agency));
        }
        if (error instanceof UpstreamContractException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR, false,
                    Text.of("error.UPSTREAM_ERROR.contract", agency));
        }
        if (isTimeout(error)) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_TIMEOUT, true,
                    Text.of("error.UPSTREAM_TIMEOUT", agency));
        }
        if (error instanceof WebClientRequestException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                    Text.of("error.UPSTREAM_UNAVAILABLE.unreachable", agency));
        }
        if (error instanceof CodecException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR, false,
                    Text.of("error.UPSTREAM_ERROR.contract", agency));
        }
        return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR, true,
                Text.of("error.UPSTREAM_ERROR", agency));
    }

    /**
     * Whether a write failed before its request left the gateway (breaker open, bulkhead full, no connection):
     * nothing can have been created, so the caller may be told to retry instead of "outcome unknown".
     */
    public static boolean neverSent(Throwable error) {
        if (error instanceof CallNotPermittedException || error instanceof BulkheadFullException) {
            return true;
        }
        return error instanceof WebClientRequestException request
                && request.getMostSpecificCause() instanceof ConnectException;
    }

    static boolean isTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof ReadTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
