package cn.shanghai.residence.gateway.postal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.shanghai.residence.gateway.upstream.Batches;
import cn.shanghai.residence.gateway.upstream.RequestMemo;
import cn.shanghai.residence.gateway.upstream.ResourceCaches;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;
import cn.shanghai.residence.gateway.upstream.UpstreamResource;

/** The gateway's tracking look-ups at EMS, always in bulk. */
@Service
public class PostalService {

    /** EMS answers at most this many tracking numbers per call. */
    public static final int BATCH_SIZE = 50;

    private final UpstreamResource<List<String>, Map<String, Shipment>> shipments;

    PostalService(UpstreamClientFactory clients, ResourceCaches caches) {
        PostalClient client = clients.create(Upstream.POSTAL, PostalClient.class);
        this.shipments = UpstreamResource.of(Upstream.POSTAL, "postal-shipments",
                numbers -> Flux.fromIterable(Batches.of(numbers, BATCH_SIZE))
                        .flatMap(client::shipments)
                        .flatMapIterable(Function.identity())
                        .filter(shipment -> numbers.contains(shipment.trackingNo()))
                        .collect(Collectors.toMap(Shipment::trackingNo, Function.identity(), (a, b) -> a)),
                caches);
    }

    /**
     * The shipments of these tracking numbers: one call per {@value #BATCH_SIZE} numbers, in parallel, and the
     * same set of numbers is looked up once per request however many fields ask. Unknown numbers are absent.
     */
    public Mono<Map<String, Shipment>> shipments(RequestMemo memo, Collection<String> trackingNumbers) {
        List<String> numbers = trackingNumbers.stream().distinct().sorted().toList();
        if (numbers.isEmpty()) {
            return Mono.just(Map.of());
        }
        return shipments.get(memo, numbers).defaultIfEmpty(Map.of());
    }
}
