package cn.shanghai.residence.gateway.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * The headers on every answer of the public port, pages and JSON alike: a Content-Security-Policy that lets a page
 * load and run only the gateway's own files (the sandbox pages render agency text; GraphiQL's files are served by
 * the gateway), no MIME sniffing, no referrer, no framing, and {@code no-store} unless an answer says otherwise
 * (a public trusted document's answer does).
 */
final class SecurityHeaders {

    /** Scripts, styles, images and connections (fetch, the WebSocket) from the gateway only; inline styles allowed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    static void apply(ServerHttpSecurity.HeaderSpec headers) {
        headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frames -> frames.mode(Mode.DENY))
                .contentTypeOptions(options -> { })
                .cache(cache -> { });
    }
}
