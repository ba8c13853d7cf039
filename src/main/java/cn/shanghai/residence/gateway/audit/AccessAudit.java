package cn.shanghai.residence.gateway.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.security.CurrentPerson;
import cn.shanghai.residence.gateway.upstream.PersonalDataAccess;
import cn.shanghai.residence.gateway.web.RequestTrace;

/**
 * Decides whether a finished operation (a GraphQL operation, an upload) is recorded and writes its record: when it
 * touched personal data, or when a signed-in caller was refused or it failed, or it is a signed-in subscription's
 * start. Shared by {@link AccessAuditInterceptor} and {@link UploadAuditFilter}, so both record alike.
 */
@Component
class AccessAudit {

    private final AuditLog log;
    private final Clock clock;

    AccessAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param name   the operation's name, if it has one
     * @param type   query, mutation, subscription or upload; null when the operation never ran
     * @param fields its root fields (an upload: its path)
     */
    Mono<Void> finished(PersonalDataAccess access, @Nullable String name, @Nullable String type, List<String> fields,
            AuditOutcome outcome, String client) {
        return CurrentPerson.id().map(Optional::of).onErrorResume(anonymous -> Mono.just(Optional.empty()))
                .flatMap(actor -> Mono.deferContextual(context -> {
                    boolean signedInAndNoted = actor.isPresent()
                            && (outcome.result() != AuditOutcome.Result.OK || "subscription".equals(type));
                    if (!access.isEmpty() || signedInAndNoted) {
                        log.write(new AuditRecord(clock.instant().toString(),
                                context.<RequestTrace>getOrEmpty(RequestTrace.class).map(RequestTrace::requestId)
                                        .orElse(null),
                                traceId(context), actor.orElse(null),
                                List.copyOf(access.subjects()), name, type, fields, List.copyOf(access.sections()),
                                List.copyOf(access.applications()), outcome.text(), client));
                    }
                    return Mono.<Void>empty();
                }));
    }

    /** The W3C trace id of the request's own observation (Micrometer Tracing), which the logs and spans carry too. */
    private static @Nullable String traceId(ContextView context) {
        return context.<Observation>getOrEmpty(ObservationThreadLocalAccessor.KEY)
                .map(observation -> observation.getContextView()
                        .<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .orElse(null);
    }
}
