package cn.shanghai.residence.gateway.support;

import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

/**
 * WebFlux's session manager in the test context, counting the requests that resolved a session: the gateway is
 * stateless, and a session looked up per request moved the rest of the request to another thread (issue 16).
 */
public final class SessionCounter implements WebSessionManager {

    private final WebSessionManager sessions = new DefaultWebSessionManager();
    private final AtomicInteger resolved = new AtomicInteger();

    @Override
    public Mono<WebSession> getSession(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            resolved.incrementAndGet();
            return sessions.getSession(exchange);
        });
    }

    /** Sessions resolved since the last {@link #reset()}. */
    public int resolved() {
        return resolved.get();
    }

    public void reset() {
        resolved.set(0);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {

        @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
        SessionCounter webSessionManager() {
            return new SessionCounter();
        }
    }
}
