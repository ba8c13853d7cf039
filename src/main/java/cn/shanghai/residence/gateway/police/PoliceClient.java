package cn.shanghai.residence.gateway.police;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
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

    /** An attachment's record (never the document); police answers it whoever owns it. */
    @GetExchange("/attachments/{attachmentId}")
    Mono<Attachment> attachment(@PathVariable String attachmentId);

    /** Stores a document of {@code contentType} (image/jpeg, image/png or application/pdf) for the person. */
    @PostExchange("/attachments")
    Mono<Attachment> storeAttachment(@RequestHeader("X-Person-Id") String personId,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] document);

    /** Replays the first answer for the same {@code Idempotency-Key}. */
    @PostExchange("/applications")
    Mono<SubmittedApplication> submit(@RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody ApplicationRequest request);
}
