package cn.shanghai.residence.gateway.bdc;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.shanghai.residence.gateway.upstream.ResourceCache;
import cn.shanghai.residence.gateway.upstream.ResourceCaches;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamFailures;

/** The gateway's access to bdc: caching and error classification around {@link BdcClient}. */
@Service
public class BdcService {

    private final BdcClient client;
    private final ResourceCache<String, List<BdcServiceCenter>> serviceCenters;

    BdcService(BdcClient client, ResourceCaches caches) {
        this.client = client;
        this.serviceCenters = caches.create("service-centers");
    }

    /** The whole list of service centres; it changes rarely, so it is fetched once and filtered locally. */
    public Mono<List<BdcServiceCenter>> serviceCenters() {
        return serviceCenters.get("all", key -> client.serviceCenters()
                .onErrorMap(error -> UpstreamFailures.classify(Upstream.BDC, error)));
    }

    /** Forgets cached service centres (tests and operators after a data fix). */
    public void evictServiceCenters() {
        serviceCenters.invalidateAll();
    }
}
