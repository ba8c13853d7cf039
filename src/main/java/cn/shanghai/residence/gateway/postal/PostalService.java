package cn.shanghai.residence.gateway.postal;

import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamBulkResource;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;
import cn.shanghai.residence.gateway.upstream.UpstreamResources;

/** The gateway's tracking look-ups at EMS, always in bulk. */
@Service
public class PostalService {

    /** EMS answers at most this many tracking numbers per call. */
    public static final int BATCH_SIZE = 50;

    private final UpstreamBulkResource<Shipment> shipments;

    PostalService(UpstreamClientFactory clients, UpstreamResources resources) {
        PostalClient client = clients.create(Upstream.POSTAL, PostalClient.class);
        this.shipments = resources.bulk(Upstream.POSTAL, "postal-shipments", BATCH_SIZE, client::shipments,
                Shipment::trackingNo);
    }

    /**
     * The shipments of these tracking numbers: one call per {@value #BATCH_SIZE} numbers, in parallel, each number
     * looked up once per request however many fields ask, and cached by its own number. Unknown numbers are absent.
     */
    public Mono<Map<String, Shipment>> shipments(Collection<String> trackingNumbers) {
        return shipments.getAll(trackingNumbers);
    }
}
