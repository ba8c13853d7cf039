package cn.shanghai.residence.gateway.bdc;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.shanghai.residence.gateway.store.PersonChanges;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamBulkResource;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;
import cn.shanghai.residence.gateway.upstream.UpstreamResource;
import cn.shanghai.residence.gateway.upstream.UpstreamResources;

/** The gateway's reads from the big-data centre (profiles, e-licenses, photos, service centres) and photo uploads. */
@Service
public class BdcService {

    /** bdc answers at most this many ids per {@code elicenses:batchGet}. */
    public static final int LICENSE_BATCH_SIZE = 100;

    private final UpstreamResource<String, Profile> profile;
    private final UpstreamResource<String, List<ELicense>> eLicenses;
    private final UpstreamResource<String, List<Photo>> photos;
    private final UpstreamResource<String, List<BdcServiceCenter>> serviceCenters;
    private final UpstreamBulkResource<ELicense> licensesById;
    private final BdcClient client;
    private final UpstreamResources resources;
    private final PersonChanges changes;

    BdcService(UpstreamClientFactory clients, UpstreamResources resources, PersonChanges changes) {
        this.client = clients.create(Upstream.BDC, BdcClient.class);
        this.resources = resources;
        this.profile = resources.create(Upstream.BDC, "bdc-profile", client::profile);
        this.eLicenses = resources.create(Upstream.BDC, "bdc-elicenses", client::eLicenses);
        this.photos = resources.create(Upstream.BDC, "bdc-photos", client::photos);
        this.serviceCenters = resources.createPublic(Upstream.BDC, "service-centers", all -> client.serviceCenters());
        this.licensesById = resources.bulk(Upstream.BDC, "bdc-elicenses-by-id", LICENSE_BATCH_SIZE,
                ids -> client.batchGetELicenses(Map.of("licenseIds", ids)), ELicense::licenseId);
        this.changes = changes;
        changes.onChange(this::forget);
    }

    public Mono<Profile> profile(String personId) {
        return profile.get(personId);
    }

    public Mono<List<ELicense>> eLicenses(String personId) {
        return eLicenses.get(personId).defaultIfEmpty(List.of());
    }

    public Mono<List<Photo>> photos(String personId) {
        return photos.get(personId).defaultIfEmpty(List.of());
    }

    /**
     * Stores a new portrait of the person once (never retried: a retry could store it twice) and has every replica
     * forget their cached data, so the next {@code photos} read shows it. Errors are passed on unclassified, so the caller can
     * tell bdc's refusal (422 PHOTO_NOT_COMPLIANT) from a failure.
     */
    public Mono<Photo> uploadPhoto(String personId, byte[] jpeg) {
        return resources.write(Upstream.BDC, "bdc-photos-upload", personId, client.uploadPhoto(personId, jpeg))
                .doOnNext(stored -> changes.changed(personId));
    }

    /** Forgets what is cached about a person, after their own action changed it (on any replica). */
    private void forget(String personId) {
        profile.invalidate(personId);
        eLicenses.invalidate(personId);
        photos.invalidate(personId);
    }

    /**
     * Licenses by id, however many, with one {@code elicenses:batchGet} per {@value #LICENSE_BATCH_SIZE} ids
     * instead of one call per license. Ids bdc does not know are absent from the map. The ids always come from the
     * person's own records, never from the client.
     */
    public Mono<Map<String, ELicense>> eLicensesById(Collection<String> licenseIds) {
        return licensesById.getAll(licenseIds);
    }

    /** The whole list of service centres; it changes rarely, so it is cached whole and filtered locally. */
    public Mono<List<BdcServiceCenter>> serviceCenters() {
        return serviceCenters.get("all").defaultIfEmpty(List.of());
    }
}
