package cn.shanghai.residence.gateway.police;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import cn.shanghai.residence.gateway.store.PersonChanges;
import cn.shanghai.residence.gateway.upstream.DataOwner;
import cn.shanghai.residence.gateway.upstream.Upstream;
import cn.shanghai.residence.gateway.upstream.UpstreamClientFactory;
import cn.shanghai.residence.gateway.upstream.UpstreamResource;
import cn.shanghai.residence.gateway.upstream.UpstreamResources;

/** The gateway's reads from police (every one through {@link UpstreamResource}) and its two writes. */
@Service
public class PoliceService {

    private final UpstreamResource<String, ResidenceRegistration> registration;
    private final UpstreamResource<String, ResidencePermit> permit;
    private final UpstreamResource<String, List<Application>> applications;
    private final UpstreamResource<AskedApplication, Application> application;
    private final UpstreamResource<String, List<Dependent>> dependents;
    private final UpstreamResource<String, Attachment> attachment;
    private final PoliceClient client;
    private final UpstreamResources resources;

    PoliceService(UpstreamClientFactory clients, UpstreamResources resources, PersonChanges changes) {
        this.client = clients.create(Upstream.POLICE, PoliceClient.class);
        this.resources = resources;
        this.registration = resources.create(Upstream.POLICE, "police-registration", client::registration);
        this.permit = resources.create(Upstream.POLICE, "police-permit", client::permit);
        this.applications = resources.create(Upstream.POLICE, "police-applications",
                personId -> client.applications(personId, "ALL"));
        this.application = resources.createOwned(Upstream.POLICE, "police-application",
                asked -> client.application(asked.applicationId()),
                found -> new DataOwner(found.personId(), found.applicationId()));
        this.dependents = resources.create(Upstream.POLICE, "police-dependents", client::dependents);
        this.attachment = resources.createOwned(Upstream.POLICE, "police-attachment", client::attachment,
                found -> DataOwner.person(found.personId()));
        changes.onChange(this::forget);
    }

    /** Empty when the person was never registered. */
    public Mono<ResidenceRegistration> registration(String personId) {
        return registration.get(personId);
    }

    /** Empty when the person holds no permit. */
    public Mono<ResidencePermit> permit(String personId) {
        return permit.get(personId);
    }

    /** All the person's applications, open and closed; callers filter, so one call serves every scope. */
    public Mono<List<Application>> applications(String personId) {
        return applications.get(personId).defaultIfEmpty(List.of());
    }

    /**
     * Who asked for which application: the key of the {@code police-application} cache. An entry serves only the
     * one who asked for it, so someone else's application that its owner just viewed is not answered from cache
     * (faster) while an unknown id goes to police: both take the same path for a stranger (issue 15, item 6).
     *
     * @param askedBy the person asking, or a poll's own subject key
     */
    record AskedApplication(String askedBy, String applicationId) {
    }

    /**
     * One application by id, whoever owns it, for a live poll after {@link #readableBy} let its watcher in:
     * callers must check {@link Application#personId()}. Cached for the poll ({@code askedBy}) alone.
     */
    public Mono<Application> application(String askedBy, String applicationId) {
        return application.get(new AskedApplication(askedBy, applicationId));
    }

    /**
     * One application the person may read: their own or a dependent's; empty for an unknown id and for anyone
     * else's alike. The dependents are always fetched with the application, whether or not the id exists, so neither
     * timing nor an upstream error tells a foreign id from an unknown one; and the application is cached for this
     * person alone, so a foreign id never hits an entry its owner left, just as an unknown one never does.
     */
    public Mono<Application> readableBy(String personId, String applicationId) {
        return Mono.zip(application(personId, applicationId).map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty()),
                        dependents(personId))
                .flatMap(found -> Mono.justOrEmpty(found.getT1().filter(application ->
                        personId.equals(application.personId())
                                || found.getT2().stream().anyMatch(d -> d.personId().equals(application.personId())))));
    }

    public Mono<List<Dependent>> dependents(String personId) {
        return dependents.get(personId).defaultIfEmpty(List.of());
    }

    /**
     * One attachment's record by id, whoever owns it: callers must check {@link Attachment#personId()}. Empty when
     * police knows no such id. Not cached (no times configured for {@code police-attachment}): it is read when a
     * submission names it, and must not outlive a deletion at police.
     */
    public Mono<Attachment> attachment(String attachmentId) {
        return attachment.get(attachmentId);
    }

    /**
     * Stores a document for the person once: never retried here (a retry could store it twice). Errors are passed
     * on unclassified, so the caller can tell police's refusal (413, 415, 422) from a failure.
     */
    public Mono<Attachment> storeAttachment(String personId, String contentType, byte[] document) {
        return resources.write(Upstream.POLICE, "police-attachments-store", personId,
                client.storeAttachment(personId, contentType, document));
    }

    /**
     * Submits an application once: never retried here. Errors are passed on unclassified, so the caller can
     * tell police's refusal (409, 422) from an outcome it cannot know (a timeout).
     */
    public Mono<SubmittedApplication> submit(String idempotencyKey, ApplicationRequest request) {
        return resources.write(Upstream.POLICE, "police-applications-submit", request.personId(),
                client.submit(idempotencyKey, request));
    }

    /** Forgets what is cached about a person, after their own action changed it (on any replica). */
    private void forget(String personId) {
        registration.invalidate(personId);
        permit.invalidate(personId);
        applications.invalidate(personId);
        dependents.invalidate(personId);
    }
}
