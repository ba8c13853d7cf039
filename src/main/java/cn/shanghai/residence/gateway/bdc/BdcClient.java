package cn.shanghai.residence.gateway.bdc;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.service.annotation.GetExchange;

/** HTTP interface of the big-data centre (一网通办 platform), {@code /bdc/v1}. */
public interface BdcClient {

    @GetExchange("/service-centers")
    Mono<List<BdcServiceCenter>> serviceCenters();
}
