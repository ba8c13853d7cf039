package cn.shanghai.residence.gateway.audit;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.upstream.PersonalDataAccess;
import cn.shanghai.residence.gateway.web.ClientAddress;

/**
 * Writes one audit record per GraphQL operation that read or wrote a person's data, once its answer is complete:
 * the sections its resolvers touched are collected in a {@link PersonalDataAccess} in the operation's Reactor
 * context. A subscription is recorded once, when it starts (its events show the data of the subject checked then).
 * Which operations are recorded, and how, is {@link AccessAudit}'s.
 */
@Component
class AccessAuditInterceptor implements WebGraphQlInterceptor, Ordered {

    private final AccessAudit audit;
    private final ClientAddress clientAddress;

    AccessAuditInterceptor(AccessAudit audit, ClientAddress clientAddress) {
        this.audit = audit;
        this.clientAddress = clientAddress;
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
                .flatMap(response -> finished(access, operation, client, outcome(response)).thenReturn(response))
                .onErrorResume(error -> finished(access, operation, client,
                        new AuditOutcome(AuditOutcome.Result.FAILED, "INTERNAL_ERROR")).then(Mono.error(error)))
                .contextWrite(access::addTo);
    }

    private Mono<Void> finished(PersonalDataAccess access, AuditedOperation operation, String client,
            AuditOutcome outcome) {
        return audit.finished(access, operation.name(), operation.type(), operation.fields(), outcome, client);
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
