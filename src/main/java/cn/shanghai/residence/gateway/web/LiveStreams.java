package cn.shanghai.residence.gateway.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Tells a live stream (a WebSocket upgrade, or a POST accepting {@code text/event-stream}) from a request: a stream
 * lasts for hours, so it is not held to the request deadline nor counted by admission's latency, and is bounded by
 * the live limits instead.
 */
public final class LiveStreams {

    private LiveStreams() {
    }

    public static boolean isStream(ServerHttpRequest request) {
        if ("websocket".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.UPGRADE))) {
            return true;
        }
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                && !type.isWildcardType());
    }
}
