package cn.shanghai.residence.gateway.police;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** HTTP interface of police (公安人口管理), {@code /police/v1}. Path variables are percent-encoded by the client. */
public interface PoliceClient {

    @GetExchange("/persons/{personId}/residence-registration")
    Mono<ResidenceRegistration> registration(@PathVariable String personId);

    @GetExchange("/persons/{personId}/residence-permit")
    Mono<ResidencePermit> permit(@PathVariable String personId);

    @GetExchange("/persons/{personId}/applications")
    Mono<List<Application>> applications(@PathVariable String personId, @RequestParam String scope);

    @GetExchange("/applications/{applicationId}")
    Mono<Application> application(@PathVariable String applicationId);

    @GetExchange("/persons/{personId}/dependents")
    Mono<List<Dependent>> dependents(@PathVariable String personId);

    /** Replays the first answer for the same {@code Idempotency-Key}. */
    @PostExchange("/applications")
    Mono<SubmittedApplication> submit(@RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody ApplicationRequest request);
}
