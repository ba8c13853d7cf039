package cn.shanghai.residence.gateway.upstream;

import java.util.Optional;

import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * What an upstream's HTTP status means to the gateway, decided here only: whether asking again may help, whether
 * it counts against the agency's circuit breaker, and whether it is a business refusal of a write.
 */
public enum UpstreamStatus {
    /** 2xx. */
    OK,
    /** 409 and 422: the agency refused a write for a business reason (DESIGN.md §3). */
    REFUSED,
    /** 429: the agency asks us to slow down. */
    RATE_LIMITED,
    /** Any other 4xx: the request was wrong; asking again will not help. */
    CLIENT_ERROR,
    /** 502, 503, 504: the agency (or its proxy) is unavailable right now. */
    UNAVAILABLE,
    /** Any other 5xx. */
    SERVER_ERROR;

    public static UpstreamStatus of(int status) {
        if (status < 300) {
            return OK;
        }
        if (status == 409 || status == 422) {
            return REFUSED;
        }
        if (status == 429) {
            return RATE_LIMITED;
        }
        if (status == 502 || status == 503 || status == 504) {
            return UNAVAILABLE;
        }
        return status >= 500 ? SERVER_ERROR : CLIENT_ERROR;
    }

    /** The status of an upstream's error answer; empty when the failure was not an HTTP answer. */
    public static Optional<UpstreamStatus> of(Throwable error) {
        return error instanceof WebClientResponseException response
                ? Optional.of(of(response.getStatusCode().value())) : Optional.empty();
    }

    /** The agency is failing or overloaded: asking again later may help, and its breaker should know. */
    public boolean agencyFault() {
        return this == RATE_LIMITED || this == UNAVAILABLE || this == SERVER_ERROR;
    }
}
