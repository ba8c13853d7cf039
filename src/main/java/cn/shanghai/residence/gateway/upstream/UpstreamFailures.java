package cn.shanghai.residence.gateway.upstream;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.handler.timeout.ReadTimeoutException;

import org.springframework.core.codec.CodecException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import cn.shanghai.residence.gateway.web.ErrorCode;

/** Classifies whatever an upstream call failed with into the typed codes of DESIGN.md §4, for every upstream. */
public final class UpstreamFailures {

    private UpstreamFailures() {
    }

    public static UpstreamFailure classify(Upstream upstream, Throwable error) {
        if (error instanceof UpstreamFailure failure) {
            return failure;
        }
        String agency = upstream.id();
        if (error instanceof WebClientResponseException response) {
            int status = response.getStatusCode().value();
            return switch (UpstreamStatus.of(status)) {
                case RATE_LIMITED -> new UpstreamFailure(upstream, ErrorCode.RATE_LIMITED, true,
                        "The " + agency + " service is busy; try again shortly.");
                case UNAVAILABLE -> new UpstreamFailure(upstream, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                        "The " + agency + " service is unavailable right now.");
                case OK -> new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR, true,
                        "The " + agency + " service sent a broken response.");
                case SERVER_ERROR, REFUSED, CLIENT_ERROR -> new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR,
                        UpstreamStatus.of(status).agencyFault(),
                        "The " + agency + " service answered with an error (HTTP " + status + ").");
            };
        }
        if (error instanceof CallNotPermittedException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                    "The " + agency + " service is failing; the gateway pauses calls to it for a short while.");
        }
        if (error instanceof BulkheadFullException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                    "The " + agency + " service is at its limit of concurrent calls; try again shortly.");
        }
        if (error instanceof UpstreamContractException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR, false,
                    "The " + agency + " service sent a response that breaks its contract.");
        }
        if (isTimeout(error)) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_TIMEOUT, true,
                    "The " + agency + " service did not answer in time.");
        }
        if (error instanceof WebClientRequestException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_UNAVAILABLE, true,
                    "The " + agency + " service cannot be reached right now.");
        }
        if (error instanceof CodecException) {
            return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR, false,
                    "The " + agency + " service sent a response that breaks its contract.");
        }
        return new UpstreamFailure(upstream, ErrorCode.UPSTREAM_ERROR, true,
                "The " + agency + " service failed to answer.");
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
