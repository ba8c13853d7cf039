package cn.shanghai.residence.gateway.live;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import graphql.ExecutionResult;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.web.ErrorCode;
import cn.shanghai.residence.gateway.web.GatewayException;

/**
 * Operations a client may start per second over one WebSocket connection ({@code gateway.live.messages-per-second}):
 * the HTTP rate limit sees only the connection's upgrade request, so a client could otherwise flood the socket.
 */
@Component
class ConnectionRateLimit implements WebGraphQlInterceptor {

    private static final String KEY = ConnectionRateLimit.class.getName();

    private final LiveProperties settings;
    private final LiveTime time;

    ConnectionRateLimit(LiveProperties settings, LiveTime time) {
        this.settings = settings;
        this.time = time;
    }

    /** Operations in the current second of one connection. */
    private static final class Window {
        long second;
        int count;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        Map<String, Object> attributes = socket.getSessionInfo().getAttributes();
        Window window = (Window) attributes.computeIfAbsent(KEY, key -> new Window());
        long second = time.scheduler().now(TimeUnit.SECONDS);
        boolean allowed;
        synchronized (window) {
            if (window.second != second) {
                window.second = second;
                window.count = 0;
            }
            allowed = ++window.count <= settings.messagesPerSecond();
        }
        if (allowed) {
            return chain.next(request);
        }
        // An answer, not an exception: an exception here would close the socket and every stream on it.
        GatewayException refusal = new GatewayException(ErrorCode.RATE_LIMITED,
                Text.of("error.RATE_LIMITED.connection", settings.messagesPerSecond()));
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
                ExecutionResult.newExecutionResult().addError(refusal.toGraphQlError()).build())));
    }
}
