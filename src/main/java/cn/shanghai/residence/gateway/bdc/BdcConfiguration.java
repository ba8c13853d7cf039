package cn.shanghai.residence.gateway.bdc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;

/** Creates the bdc HTTP client at its configured endpoint. */
@Configuration(proxyBeanMethods = false)
class BdcConfiguration {

    @Bean
    BdcClient bdcClient(UpstreamClientFactory factory) {
        return factory.create(Upstream.BDC, BdcClient.class);
    }
}
