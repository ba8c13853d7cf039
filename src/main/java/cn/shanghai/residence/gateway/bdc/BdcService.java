package cn.shanghai.residence.gateway.bdc;

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

/** The gateway's reads from the big-data centre: profiles, e-licenses, photos and service centres. */
@Service
public class BdcService {

    /** bdc answers at most this many ids per {@code elicenses:batchGet}. */
    public static final int LICENSE_BATCH_SIZE = 100;

    private final BdcClient client;
    private final UpstreamResource<String, Profile> profile;
    private final UpstreamResource<String, List<ELicense>> eLicenses;
    private final UpstreamResource<String, List<Photo>> photos;
    private final UpstreamResource<String, List<BdcServiceCenter>> serviceCenters;

    BdcService(UpstreamClientFactory clients, ResourceCaches caches) {
        this.client = clients.create(Upstream.BDC, BdcClient.class);
        this.profile = UpstreamResource.of(Upstream.BDC, "bdc-profile", client::profile, caches);
        this.eLicenses = UpstreamResource.of(Upstream.BDC, "bdc-elicenses", client::eLicenses, caches);
        this.photos = UpstreamResource.of(Upstream.BDC, "bdc-photos", client::photos, caches);
        this.serviceCenters = UpstreamResource.of(Upstream.BDC, "service-centers", all -> client.serviceCenters(),
                caches);
    }

    public Mono<Profile> profile(RequestMemo memo, String personId) {
        return profile.get(memo, personId);
    }

    public Mono<List<ELicense>> eLicenses(RequestMemo memo, String personId) {
        return eLicenses.get(memo, personId).defaultIfEmpty(List.of());
    }

    public Mono<List<Photo>> photos(RequestMemo memo, String personId) {
        return photos.get(memo, personId).defaultIfEmpty(List.of());
    }

    /**
     * Licenses by id, however many: one {@code elicenses:batchGet} per {@value #LICENSE_BATCH_SIZE} ids, run in
     * parallel, instead of one call per license. Ids bdc does not know are absent from the map.
     */
    public Mono<Map<String, ELicense>> eLicensesById(Collection<String> licenseIds) {
        return Flux.fromIterable(Batches.of(licenseIds, LICENSE_BATCH_SIZE))
                .flatMap(batch -> UpstreamResource.call(Upstream.BDC,
                        client.batchGetELicenses(Map.of("licenseIds", batch))))
                .flatMapIterable(Function.identity())
                .filter(license -> licenseIds.contains(license.licenseId()))
                .collect(Collectors.toMap(ELicense::licenseId, Function.identity(), (a, b) -> a));
    }

    /** The whole list of service centres; it changes rarely, so it is cached whole and filtered locally. */
    public Mono<List<BdcServiceCenter>> serviceCenters() {
        return serviceCenters.fetch("all").defaultIfEmpty(List.of());
    }

    /** Forgets cached service centres (tests and operators after a data fix). */
    public void evictServiceCenters() {
        serviceCenters.invalidateAll();
    }
}
