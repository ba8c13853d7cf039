package cn.shanghai.residence.gateway.housing;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;
import cn.shanghai.residence.gateway.upstream.UpstreamFailures;
import cn.shanghai.residence.gateway.upstream.UpstreamResource;
import cn.shanghai.residence.gateway.upstream.UpstreamResources;

/** The gateway's reads from the housing authority. */
@Service
public class HousingService {

    private final UpstreamResource<String, List<Property>> properties;
    private final UpstreamResource<String, List<RentalContract>> rentalContracts;
    private final HousingClient client;
    private final UpstreamResources resources;

    HousingService(UpstreamClientFactory clients, UpstreamResources resources) {
        this.client = clients.create(Upstream.HOUSING, HousingClient.class);
        this.resources = resources;
        this.properties = resources.create(Upstream.HOUSING, "housing-properties", client::properties);
        this.rentalContracts = resources.create(Upstream.HOUSING, "housing-rental-contracts",
                client::rentalContracts);
    }

    public Mono<List<Property>> properties(String personId) {
        return properties.get(personId).defaultIfEmpty(List.of());
    }

    public Mono<List<RentalContract>> rentalContracts(String personId) {
        return rentalContracts.get(personId).defaultIfEmpty(List.of());
    }

    /** A fresh hand-off into the housing system's filing flow; a new session each time, so never cached. */
    public Mono<RentalFilingHandoff> startFiling(String personId) {
        return resources.write(Upstream.HOUSING, "housing-rental-filing", personId,
                        client.startFiling(Map.of("personId", personId)))
                .onErrorMap(error -> UpstreamFailures.classify(Upstream.HOUSING, error));
    }
}
