package cn.shanghai.residence.gateway.submission;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import cn.shanghai.residence.gateway.bdc.BdcService;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ApplicationRequest;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.police.SubmittedApplication;
import cn.shanghai.residence.gateway.security.CurrentPerson;
import cn.shanghai.residence.gateway.submission.UserError.Code;
import cn.shanghai.residence.gateway.upstream.RequestMemo;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamFailures;

/**
 * Where every application mutation goes through the same steps: validate the input (nothing upstream on
 * failure), resolve who applies, look the idempotency key up, check the service's rules, submit once to police
 * with a person-scoped Idempotency-Key, turn police's answer into the payload, and forget the person's cached
 * data after a success. A POST is never repeated here: if police does not answer, the outcome is unknown.
 */
@Component
class ApplicationDesk {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PoliceService police;
    private final BdcService bdc;
    private final IdempotencyStore idempotency;

    ApplicationDesk(PoliceService police, BdcService bdc, IdempotencyStore idempotency) {
        this.police = police;
        this.bdc = bdc;
        this.idempotency = idempotency;
    }

    /** One application from a validated input; {@code prepare} applies the kind's rules and builds the form. */
    Mono<ApplicationPayload> submit(RequestMemo memo, Application.Kind kind, Object input, String idempotencyKey,
            String forPersonId, List<UserError> invalid, Function<Applicant, Mono<Prepared>> prepare) {
        if (!invalid.isEmpty()) {
            return Mono.just(ApplicationPayload.refused(invalid));
        }
        return CurrentPerson.id().flatMap(caller -> applicant(memo, caller, forPersonId)
                .flatMap(applicant -> idempotency.<Outcome>once(caller, idempotencyKey, fingerprint(kind, input),
                                () -> prepare.apply(applicant).flatMap(prepared -> prepared.refusals().isEmpty()
                                        ? post(kind, applicant, idempotencyKey, prepared)
                                        : Mono.just(Outcome.forgotten(ApplicationPayload.refused(prepared.refusals())))),
                                Outcome::remember)
                        .map(Outcome::payload)
                        .onErrorResume(IdempotencyStore.KeyReused.class, reused -> Mono.just(ApplicationPayload.refused(
                                UserError.at(Code.IDEMPOTENCY_KEY_REUSED, "该幂等键已用于其他申请内容 / This "
                                        + "idempotencyKey was used for different input", "idempotencyKey")))))
                .switchIfEmpty(Mono.fromSupplier(() -> ApplicationPayload.refused(UserError.at(Code.NOT_FOUND,
                        "未找到该被监护人 / No dependent with this id", "forPersonId")))));
    }

    /** The caller, or a minor police lists in the caller's guardianship; anyone else is "not found". */
    private Mono<Applicant> applicant(RequestMemo memo, String caller, String forPersonId) {
        if (forPersonId == null || forPersonId.equals(caller)) {
            return Mono.just(new Applicant(caller, caller));
        }
        return police.dependents(memo, caller).flatMap(dependents -> dependents.stream()
                .anyMatch(d -> forPersonId.equals(d.personId()))
                ? Mono.just(new Applicant(caller, forPersonId)) : Mono.empty());
    }

    private Mono<Outcome> post(Application.Kind kind, Applicant applicant, String key, Prepared prepared) {
        ApplicationRequest request = new ApplicationRequest(kind, applicant.personId(), prepared.form());
        return police.submit(upstreamKey(applicant.callerId(), key), request)
                .map(created -> {
                    police.forget(applicant.personId());
                    bdc.forget(applicant.personId());
                    return Outcome.remembered(new ApplicationPayload(application(kind, applicant, created, prepared),
                            List.of(), false, deliveryFee(prepared), prepared.kinshipCommitment()));
                })
                .onErrorResume(error -> refusalOrUnknown(error, prepared));
    }

    private static Mono<Outcome> refusalOrUnknown(Throwable error, Prepared prepared) {
        if (error instanceof WebClientResponseException response) {
            int status = response.getStatusCode().value();
            if (status == 409 || status == 422) {
                return Mono.just(Outcome.remembered(ApplicationPayload.refused(PoliceRefusals.of(status,
                        response.getResponseBodyAsString()))));
            }
            if (status >= 400 && status < 500 && status != 429) {
                return Mono.error(UpstreamFailures.classify(Upstream.POLICE, error));
            }
        }
        if (neverSent(error)) {
            return Mono.error(UpstreamFailures.classify(Upstream.POLICE, error));
        }
        return Mono.just(Outcome.forgotten(new ApplicationPayload(null, List.of(UserError.of(Code.OUTCOME_UNKNOWN,
                "公安系统未及时答复，申请可能已提交；使用同一幂等键重试是安全的，不会重复申请 / Police did not answer in "
                        + "time: the application may exist. Retrying with the same idempotencyKey is safe.")),
                true, deliveryFee(prepared), prepared.kinshipCommitment())));
    }

    /** Failures that happen before the request leaves: retrying later is safe, and nothing was created. */
    private static boolean neverSent(Throwable error) {
        if (error instanceof CallNotPermittedException || error instanceof BulkheadFullException) {
            return true;
        }
        return error instanceof WebClientRequestException request
                && request.getMostSpecificCause() instanceof ConnectException;
    }

    private static Application application(Application.Kind kind, Applicant applicant, SubmittedApplication created,
            Prepared prepared) {
        return new Application(created.applicationId(), applicant.personId(), kind, created.status(),
                created.submittedAt(), created.submittedAt(), prepared.delivery(), null,
                List.of(new Application.Event(created.submittedAt(), created.status(), "网上申请已提交 / Submitted online")));
    }

    private static Double deliveryFee(Prepared prepared) {
        return prepared.delivery() != null && prepared.delivery().method() == Application.DeliveryMethod.POSTAL
                ? RuleChecks.DELIVERY_FEE_FEN / 100.0 : null;
    }

    /** What the key protects: the mutation and its whole input except the key itself. */
    private static String fingerprint(Application.Kind kind, Object input) {
        Map<String, Object> fields = JSON.convertValue(input, Map.class);
        fields.remove("idempotencyKey");
        return sha256(kind + "\n" + JSON.writeValueAsString(new TreeMap<>(fields)));
    }

    /** The key police sees: scoped to the caller, so two residents' keys never collide upstream. */
    private static String upstreamKey(String callerId, String key) {
        return sha256(callerId + "\n" + key).substring(0, 32);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload, and whether it is the key's final answer (created or refused by police) to remember. */
    record Outcome(ApplicationPayload payload, boolean remember) {

        static Outcome remembered(ApplicationPayload payload) {
            return new Outcome(payload, true);
        }

        static Outcome forgotten(ApplicationPayload payload) {
            return new Outcome(payload, false);
        }
    }
}
