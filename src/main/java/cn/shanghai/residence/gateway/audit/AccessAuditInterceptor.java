package cn.shanghai.residence.gateway.audit;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.security.CurrentPerson;
import cn.shanghai.residence.gateway.upstream.PersonalDataAccess;
import cn.shanghai.residence.gateway.web.ClientAddress;
import cn.shanghai.residence.gateway.web.RequestTrace;

/**
 * Writes one audit record per GraphQL operation that read or wrote a person's data, once its answer is complete:
 * the sections its resolvers touched are collected in a {@link PersonalDataAccess} in the operation's Reactor
 * context. A subscription is recorded once, when it starts (its events show the data of the subject checked then).
 * A signed-in caller's refused or failed operation is recorded even when it touched nothing.
 */
@Component
class AccessAuditInterceptor implements WebGraphQlInterceptor, Ordered {

    private final AuditLog log;
    private final ClientAddress clientAddress;
    private final Clock clock;

    AccessAuditInterceptor(AuditLog log, ClientAddress clientAddress, Clock clock) {
        this.log = log;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        PersonalDataAccess access = new PersonalDataAccess();
        AuditedOperation operation = new AuditedOperation();
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(AuditedOperation.class, operation);
            return input;
        });
        String client = clientAddress.of(request.getRemoteAddress(), request.getHeaders());
        return chain.next(request)
                .flatMap(response -> audited(access, operation, client, outcome(response)).thenReturn(response))
                .onErrorResume(error -> audited(access, operation, client,
                        new AuditOutcome(AuditOutcome.Result.FAILED, "INTERNAL_ERROR")).then(Mono.error(error)))
                .contextWrite(access::addTo);
    }

    private Mono<Void> audited(PersonalDataAccess access, AuditedOperation operation, String client,
            AuditOutcome outcome) {
        return CurrentPerson.id().map(Optional::of).onErrorResume(anonymous -> Mono.just(Optional.empty()))
                .flatMap(actor -> Mono.deferContextual(context -> {
                    boolean signedInAndNoted = actor.isPresent() && (outcome.result() != AuditOutcome.Result.OK
                            || "subscription".equals(operation.type()));
                    if (!access.isEmpty() || signedInAndNoted) {
                        log.write(record(context, actor.orElse(null), access, operation, outcome, client));
                    }
                    return Mono.<Void>empty();
                }));
    }

    private AuditRecord record(ContextView context, @Nullable String actor, PersonalDataAccess access,
            AuditedOperation operation, AuditOutcome outcome, String client) {
        Optional<RequestTrace> trace = trace(context);
        return new AuditRecord(clock.instant().toString(), trace.map(RequestTrace::requestId).orElse(null),
                trace.map(RequestTrace::traceId).orElse(null), actor, List.copyOf(access.subjects()),
                operation.name(), operation.type(), operation.fields(), List.copyOf(access.sections()),
                List.copyOf(access.applications()), outcome.text(), client);
    }

    /** The request's ids, from the one place that holds them for the request. */
    private static Optional<RequestTrace> trace(ContextView context) {
        return context.getOrEmpty(RequestTrace.class);
    }

    @SuppressWarnings("unchecked")
    private static AuditOutcome outcome(WebGraphQlResponse response) {
        Object data = response.getExecutionResult().getData();
        List<String> codes = response.getErrors().stream().map(AccessAuditInterceptor::code).toList();
        return AuditOutcome.of(data instanceof Map<?, ?> map ? (Map<String, Object>) map : null, codes);
    }

    private static String code(ResponseError error) {
        return error.getExtensions().get("code") instanceof String code ? code : "INTERNAL_ERROR";
    }

    /** Outside every other interceptor, so it sees the errors with their codes and the final answer. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
