package cn.shanghai.residence.gateway.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.observability.MetricNames;
import cn.shanghai.residence.gateway.reference.ServiceClock;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.ApplicationRequest;
import cn.shanghai.residence.gateway.police.PoliceService;
import cn.shanghai.residence.gateway.police.SubmittedApplication;
import cn.shanghai.residence.gateway.reference.Guardianship;
import cn.shanghai.residence.gateway.security.CurrentPerson;
import cn.shanghai.residence.gateway.store.IdempotencyStore;
import cn.shanghai.residence.gateway.store.PersonChanges;
import cn.shanghai.residence.gateway.submission.UserError.Code;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamFailures;
import cn.shanghai.residence.gateway.upstream.UpstreamStatus;

/**
 * The one path of every application mutation: validate the input (nothing upstream on failure), resolve who
 * applies, claim the idempotency key, gather the facts the kind needs, apply its rules, submit once to police
 * with a person-scoped Idempotency-Key, turn police's answer into the payload, and have every replica forget the
 * person's cached data after a success. A POST is never repeated here: if police does not answer, the outcome is
 * unknown.
 */
@Component
class ApplicationDesk {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SubmissionFactsGatherer facts;
    private final Applicants applicants;
    private final PoliceService police;
    private final PersonChanges changes;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final Counter replays;

    ApplicationDesk(SubmissionFactsGatherer facts, Applicants applicants, PoliceService police, PersonChanges changes,
            IdempotencyStore idempotency, ServiceClock serviceClock, MeterRegistry meters) {
        this.replays = Counter.builder(MetricNames.IDEMPOTENCY_REPLAYS)
                .description("Mutations answered with their idempotency key's first outcome, not submitted again")
                .register(meters);
        this.facts = facts;
        this.applicants = applicants;
        this.police = police;
        this.changes = changes;
        this.idempotency = idempotency;
        this.clock = serviceClock.clock();
    }

    Mono<ApplicationPayload> submit(ApplicationInput input) {
        List<UserError> invalid = input.validate(new InputValidation(LocalDate.now(clock))
                .common(input.idempotencyKey(), input.forPersonId())).errors();
        if (!invalid.isEmpty()) {
            return Mono.just(ApplicationPayload.refused(invalid));
        }
        return CurrentPerson.id().flatMap(caller -> applicants.resolve(caller, input.forPersonId())
                .flatMap(applicant -> replayCounted(submitted -> idempotency.once(caller,
                                input.idempotencyKey(), fingerprint(input), Outcome.class, () -> {
                                    submitted.set(true);
                                    return apply(input, applicant);
                                }, Outcome::remember))
                        .map(Outcome::payload)
                        .onErrorResume(IdempotencyStore.KeyReused.class, reused -> Mono.just(ApplicationPayload.refused(
                                UserError.at(Code.IDEMPOTENCY_KEY_REUSED,
                                        Text.of("userError.IDEMPOTENCY_KEY_REUSED"), "idempotencyKey")))))
                .switchIfEmpty(Mono.fromSupplier(() -> ApplicationPayload.refused(UserError.at(Code.NOT_FOUND,
                        Text.of("userError.NOT_FOUND.forPersonId"), "forPersonId"))))
                .onErrorResume(Applicants.InPersonOnly.class, refused -> Mono.just(ApplicationPayload.refused(
                        UserError.at(Code.IN_PERSON_REQUIRED, Guardianship.IN_PERSON, "forPersonId")))));
    }

    /**
     * Counts an outcome the store answered without running this request's submission: a repeat of the key, or a
     * race joined; whatever the store (in memory or shared), since only the submission itself knows it ran.
     */
    private Mono<Outcome> replayCounted(Function<AtomicBoolean, Mono<Outcome>> once) {
        return Mono.defer(() -> {
            AtomicBoolean submitted = new AtomicBoolean();
            return once.apply(submitted).doOnNext(outcome -> {
                if (!submitted.get()) {
                    replays.increment();
                }
            });
        });
    }

    private Mono<Outcome> apply(ApplicationInput input, Applicant applicant) {
        return facts.gather(applicant, input.needs(), input.attachmentIds()).flatMap(gathered -> {
            List<UserError> refusals = input.refusals(gathered, applicant);
            return refusals.isEmpty() ? post(input, applicant, input.form(gathered, applicant))
                    : Mono.just(Outcome.forgotten(ApplicationPayload.refused(refusals)));
        });
    }

    private Mono<Outcome> post(ApplicationInput input, Applicant applicant, PoliceForm form) {
        ApplicationRequest request = new ApplicationRequest(input.kind(), applicant.personId(), form.payload());
        return police.submit(upstreamKey(applicant.callerId(), input.idempotencyKey()), request)
                .map(created -> {
                    changes.changed(applicant.personId());
                    return Outcome.remembered(new ApplicationPayload(application(input.kind(), applicant, created,
                            form), List.of(), false, form.deliveryFee(), form.kinshipCommitment()));
                })
                .onErrorResume(error -> refusalOrUnknown(error, form));
    }

    /** Police's refusal, a failure that left nothing behind, or an outcome nobody can know yet. */
    private static Mono<Outcome> refusalOrUnknown(Throwable error, PoliceForm form) {
        UpstreamStatus status = UpstreamStatus.of(error).orElse(null);
        if (status == UpstreamStatus.REFUSED) {
            WebClientResponseException response = (WebClientResponseException) error;
            return Mono.just(Outcome.remembered(ApplicationPayload.refused(PoliceRefusals.of(
                    response.getStatusCode().value(), response.getResponseBodyAsString()))));
        }
        if (status == UpstreamStatus.CLIENT_ERROR || UpstreamFailures.neverSent(error)) {
            return Mono.error(UpstreamFailures.classify(Upstream.POLICE, error));
        }
        return Mono.just(Outcome.forgotten(new ApplicationPayload(null, List.of(UserError.of(Code.OUTCOME_UNKNOWN,
                Text.of("userError.OUTCOME_UNKNOWN"))),
                true, form.deliveryFee(), form.kinshipCommitment())));
    }

    private static Application application(Application.Kind kind, Applicant applicant, SubmittedApplication created,
            PoliceForm form) {
        return new Application(created.applicationId(), applicant.personId(), kind, created.status(),
                created.submittedAt(), created.submittedAt(), form.delivery(), null,
                List.of(new Application.Event(created.submittedAt(), created.status(), "网上申请已提交")));
    }

    /** What the key protects: the mutation and its whole input except the key itself. */
    private static String fingerprint(ApplicationInput input) {
        Map<String, Object> fields = JSON.convertValue(input, Map.class);
        fields.remove("idempotencyKey");
        return sha256(input.kind() + "\n" + JSON.writeValueAsString(new TreeMap<>(fields)));
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
