package cn.shanghai.residence.gateway.bdc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.shanghai.residence.gateway.upstream.Batches;
import cn.shanghai.residence.gateway.upstream.Fetched;
import cn.shanghai.residence.gateway.upstream.RequestMemo;
import cn.shanghai.residence.gateway.upstream.ResourceCache;
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
    private final ResourceCache<String, ELicense> licensesById;

    BdcService(UpstreamClientFactory clients, UpstreamResources resources) {
        this.client = clients.create(Upstream.BDC, BdcClient.class);
        this.resources = resources;
        this.profile = resources.create(Upstream.BDC, "bdc-profile", client::profile);
        this.eLicenses = resources.create(Upstream.BDC, "bdc-elicenses", client::eLicenses);
        this.photos = resources.create(Upstream.BDC, "bdc-photos", client::photos);
        this.serviceCenters = resources.create(Upstream.BDC, "service-centers", all -> client.serviceCenters());
        this.licensesById = resources.cache("bdc-elicenses-by-id");
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
     * Licenses by id, however many: cached ones from the cache, the rest with one {@code elicenses:batchGet} per
     * {@value #LICENSE_BATCH_SIZE} ids, run in parallel, instead of one call per license. Ids bdc does not know
     * are absent from the map. The ids always come from the person's own records, never from the client.
     */
    public Mono<Map<String, ELicense>> eLicensesById(RequestMemo memo, Collection<String> licenseIds) {
        Map<String, ELicense> found = new ConcurrentHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : licenseIds) {
            licensesById.fresh(id).ifPresentOrElse(cached -> {
                found.put(id, cached.value());
                memo.freshness().record(Upstream.BDC, cached.source(), cached.asOf());
            }, () -> missing.add(id));
        }
        return Flux.fromIterable(Batches.of(missing, LICENSE_BATCH_SIZE))
                .flatMap(batch -> resources.read(Upstream.BDC, "bdc-elicenses-batch",
                        client.batchGetELicenses(Map.of("licenseIds", batch))))
                .flatMapIterable(Function.identity())
                .filter(license -> missing.contains(license.licenseId()))
                .doOnNext(license -> licensesById.put(license.licenseId(), license))
                .doOnComplete(() -> {
                    if (!missing.isEmpty()) {
                        memo.freshness().record(Upstream.BDC, Fetched.Source.LIVE, Instant.now());
                    }
                })
                .collect(() -> found, (map, license) -> map.put(license.licenseId(), license));
    }

    /** The whole list of service centres; it changes rarely, so it is cached whole and filtered locally. */
    public Mono<List<BdcServiceCenter>> serviceCenters(RequestMemo memo) {
        return serviceCenters.get(memo, "all").defaultIfEmpty(List.of());
    }
}
