package cn.shanghai.residence.gateway.housing;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.shanghai.residence.gateway.upstream.RequestMemo;
import cn.shanghai.residence.gateway.upstream.ResourceCaches;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;
import cn.shanghai.residence.gateway.upstream.UpstreamResource;

/** The gateway's reads from the housing authority. */
@Service
public class HousingService {

    private final UpstreamResource<String, List<Property>> properties;
    private final UpstreamResource<String, List<RentalContract>> rentalContracts;

    HousingService(UpstreamClientFactory clients, ResourceCaches caches) {
        HousingClient client = clients.create(Upstream.HOUSING, HousingClient.class);
        this.properties = UpstreamResource.of(Upstream.HOUSING, "housing-properties", client::properties, caches);
        this.rentalContracts = UpstreamResource.of(Upstream.HOUSING, "housing-rental-contracts",
                client::rentalContracts, caches);
    }

    public Mono<List<Property>> properties(RequestMemo memo, String personId) {
        return properties.get(memo, personId).defaultIfEmpty(List.of());
    }

    public Mono<List<RentalContract>> rentalContracts(RequestMemo memo, String personId) {
        return rentalContracts.get(memo, personId).defaultIfEmpty(List.of());
    }
}
