package cn.shanghai.residence.gateway.i18n;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Messages} of the gateway, over the bundles under {@code i18n/}. */
@Configuration(proxyBeanMethods = false)
public class MessageBundlesConfiguration {

    @Bean
    Messages messages() {
        return Messages.bundles();
    }
}
