package cn.shanghai.residence.gateway.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import cn.shanghai.residence.gateway.upstream.PersonalDataAccess;
import cn.shanghai.residence.gateway.web.ClientAddress;

/**
 * The audit record of an upload ({@code POST /uploads/photos}, {@code /uploads/materials}): a write of a person's
 * data outside GraphQL, recorded like an operation once its answer is written. Its outcome comes from the HTTP
 * status: 2xx OK, 4xx REFUSED(HTTP_4xx), anything else FAILED(HTTP_5xx). After sign-in (Spring Security's filters),
 * so the actor is known from the context this filter runs in.
 */
@Component
@Order(10)
class UploadAuditFilter implements WebFilter {

    private final AccessAudit audit;
    private final ClientAddress clientAddress;

    UploadAuditFilter(AccessAudit audit, ClientAddress clientAddress) {
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/uploads/")) {
            return chain.filter(exchange);
        }
        PersonalDataAccess access = new PersonalDataAccess();
        String client = clientAddress.of(exchange.getRequest());
        // Written as the answer is about to go out (its status set), so the record exists once the client has it.
        return Mono.deferContextual(context -> {
            exchange.getResponse().beforeCommit(() -> audit.finished(access, null, "upload", List.of(path),
                    outcome(exchange.getResponse().getStatusCode()), client).contextWrite(context));
            return chain.filter(exchange);
        }).contextWrite(access::addTo);
    }

    static AuditOutcome outcome(@Nullable HttpStatusCode status) {
        if (status == null || status.is2xxSuccessful()) {
            return AuditOutcome.OK;
        }
        return new AuditOutcome(status.is4xxClientError() ? AuditOutcome.Result.REFUSED : AuditOutcome.Result.FAILED,
                "HTTP_" + status.value());
    }
}
