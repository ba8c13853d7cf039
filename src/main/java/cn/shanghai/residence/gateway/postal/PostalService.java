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
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;
import cn.shanghai.residence.gateway.upstream.UpstreamResource;
import cn.shanghai.residence.gateway.upstream.UpstreamResources;

/** The gateway's tracking look-ups at EMS, always in bulk. */
@Service
public class PostalService {

    /** EMS answers at most this many tracking numbers per call. */
    public static final int BATCH_SIZE = 50;

    /** One bulk call: up to {@value #BATCH_SIZE} sorted tracking numbers of one person. */
    private final UpstreamResource<List<String>, List<Shipment>> batch;

    PostalService(UpstreamClientFactory clients, UpstreamResources resources) {
        PostalClient client = clients.create(Upstream.POSTAL, PostalClient.class);
        this.batch = resources.create(Upstream.POSTAL, "postal-shipments", client::shipments);
    }

    /**
     * The shipments of these tracking numbers: one call per {@value #BATCH_SIZE} numbers, in parallel, and the
     * same numbers are looked up once per request however many fields ask. Unknown numbers are absent.
     */
    public Mono<Map<String, Shipment>> shipments(RequestMemo memo, Collection<String> trackingNumbers) {
        List<String> numbers = trackingNumbers.stream().distinct().sorted().toList();
        return Flux.fromIterable(Batches.of(numbers, BATCH_SIZE))
                .flatMap(batchOfNumbers -> batch.get(memo, batchOfNumbers))
                .flatMapIterable(Function.identity())
                .filter(shipment -> numbers.contains(shipment.trackingNo()))
                .collect(Collectors.toMap(Shipment::trackingNo, Function.identity(), (a, b) -> a));
    }
}
