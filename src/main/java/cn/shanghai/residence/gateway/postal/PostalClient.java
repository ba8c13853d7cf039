package cn.shanghai.residence.gateway.postal;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;

/** HTTP interface of EMS (中国邮政), {@code /postal/v1}. */
public interface PostalClient {

    /** At most {@value PostalService#BATCH_SIZE} numbers per call; unknown numbers are left out of the answer. */
    @GetExchange("/shipments")
    Mono<List<Shipment>> shipments(@RequestParam("trackingNo") List<String> trackingNumbers);
}
