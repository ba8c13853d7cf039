package cn.shanghai.residence.gateway.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * Sign-in over WebSocket: browsers cannot set headers on a socket, so the token comes in the {@code connection_init}
 * payload ({@code {"Authorization": "Bearer …"}}) and is verified by the very decoder HTTP uses (signature, issuer,
 * audience, expiry; the verified-token cache). The person is then in every operation's security context, so
 * {@link CurrentPerson} answers as it does over HTTP. A bad token closes the connection (4401).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketSignIn {

    @Bean
    AuthenticationWebSocketInterceptor webSocketAuthentication(ObjectProvider<ReactiveJwtDecoder> decoder) {
        // Looked up when a socket signs in: without a key the gateway refuses to start, and says why, elsewhere.
        return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(),
                new JwtReactiveAuthenticationManager(token -> decoder.getObject().decode(token)));
    }
}
