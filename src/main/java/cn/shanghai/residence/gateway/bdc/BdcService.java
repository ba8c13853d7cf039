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
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;
import cn.shanghai.residence.gateway.upstream.UpstreamResource;
import cn.shanghai.residence.gateway.upstream.UpstreamResources;

/** The gateway's reads from the big-data centre: profiles, e-licenses, photos and service centres. */
@Service
public class BdcService {

    /** bdc answers at most this many ids per {@code elicenses:batchGet}. */
    public static final int LICENSE_BATCH_SIZE = 100;

    private final BdcClient client;
    private final UpstreamResources resources;
    private final UpstreamResource<String, Profile> profile;
    private final UpstreamResource<String, List<ELicense>> eLicenses;
    private final UpstreamResource<String, List<Photo>> photos;
    private final UpstreamResource<String, List<BdcServiceCenter>> serviceCenters;

    BdcService(UpstreamClientFactory clients, UpstreamResources resources) {
        this.client = clients.create(Upstream.BDC, BdcClient.class);
        this.resources = resources;
        this.profile = resources.create(Upstream.BDC, "bdc-profile", client::profile);
        this.eLicenses = resources.create(Upstream.BDC, "bdc-elicenses", client::eLicenses);
        this.photos = resources.create(Upstream.BDC, "bdc-photos", client::photos);
        this.serviceCenters = resources.create(Upstream.BDC, "service-centers", all -> client.serviceCenters());
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

    /** Forgets what is cached about a person, after their own application changed it. */
    public void forget(String personId) {
        profile.invalidate(personId);
        eLicenses.invalidate(personId);
        photos.invalidate(personId);
    }

    /**
     * Licenses by id, however many: one {@code elicenses:batchGet} per {@value #LICENSE_BATCH_SIZE} ids, run in
     * parallel, instead of one call per license. Ids bdc does not know are absent from the map.
     */
    public Mono<Map<String, ELicense>> eLicensesById(Collection<String> licenseIds) {
        return Flux.fromIterable(Batches.of(licenseIds, LICENSE_BATCH_SIZE))
                .flatMap(batch -> resources.read(Upstream.BDC, "bdc-elicenses-batch",
                        client.batchGetELicenses(Map.of("licenseIds", batch))))
                .flatMapIterable(Function.identity())
                .filter(license -> licenseIds.contains(license.licenseId()))
                .collect(Collectors.toMap(ELicense::licenseId, Function.identity(), (a, b) -> a));
    }

    /** The whole list of service centres; it changes rarely, so it is cached whole and filtered locally. */
    public Mono<List<BdcServiceCenter>> serviceCenters(RequestMemo memo) {
        return serviceCenters.get(memo, "all").defaultIfEmpty(List.of());
    }
}
