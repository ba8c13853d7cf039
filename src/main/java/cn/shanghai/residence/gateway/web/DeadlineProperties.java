package cn.shanghai.residence.gateway.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The overall deadline of a request, {@code gateway.request-deadline}: the edge sets it, every upstream call and
 * retry of the request stops waiting when it passes.
 *
 * @param requestDeadline the most one GraphQL request may spend waiting on upstreams, all calls and retries included
 */
@ConfigurationProperties("gateway")
public record DeadlineProperties(Duration requestDeadline) {

    public DeadlineProperties {
        requestDeadline = requestDeadline == null ? Duration.ofSeconds(5) : requestDeadline;
    }
}
