package cn.shanghai.residence.gateway.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import cn.shanghai.residence.gateway.upstream.Upstream;

/** Sandbox mode (the default): embedded stub servers, and a start-up line telling the newcomer where to click. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "gateway.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    StubServers stubServers(SandboxProperties properties) {
        return new StubServers(properties);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> sandboxBanner(StubServers stubs, Environment environment) {
        return event -> {
            String port = environment.getProperty("local.server.port", "8080");
            StringBuilder upstreams = new StringBuilder();
            for (Upstream upstream : Upstream.values()) {
                upstreams.append(' ').append(upstream.id()).append('=').append(stubs.baseUrl(upstream));
            }
            log.info("Sandbox ready: GraphiQL at http://localhost:{}/graphiql ; stubs:{}", port, upstreams);
        };
    }
}
