package cn.shanghai.residence.gateway.housing;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

/** HTTP interface of the housing authority (房屋管理局), {@code /housing/v1}. */
public interface HousingClient {

    @GetExchange("/persons/{personId}/properties")
    Mono<List<Property>> properties(@PathVariable String personId);

    @GetExchange("/persons/{personId}/rental-contracts")
    Mono<List<RentalContract>> rentalContracts(@PathVariable String personId);

    @PostExchange("/rental-filing/sessions")
    Mono<RentalFilingHandoff> startFiling(@RequestBody Map<String, String> person);
}
