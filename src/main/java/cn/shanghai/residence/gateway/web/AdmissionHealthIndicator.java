package cn.shanghai.residence.gateway.web;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The admission limit in {@code /actuator/health} (component {@code admission}, also in readiness): the adapted
 * limit and the requests in flight. It stays UP while shedding, so a load balancer does not pull every replica at
 * the same peak; the 503s with {@code Retry-After} already tell clients and balancers to back off.
 */
@Component("admission")
class AdmissionHealthIndicator implements HealthIndicator {

    private final AdmissionFilter admission;

    AdmissionHealthIndicator(AdmissionFilter admission) {
        this.admission = admission;
    }

    @Override
    public Health health() {
        return Health.up().withDetails(admission.state()).build();
    }
}
