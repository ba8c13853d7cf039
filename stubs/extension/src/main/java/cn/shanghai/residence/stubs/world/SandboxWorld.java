package cn.shanghai.residence.stubs.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.extension.Extension;

/**
 * What residents did in the sandbox, on top of the static personas: accepted applications (replayed by their
 * Idempotency-Key), uploaded photos and attachments, and the outcome planned for each person's next application. One world serves
 * all four stubs of a process, so police's approvals show up in bdc's e-licences and EMS's parcels. Persons are
 * handled by id alone: any persona the static files know (or will know) gets the same behaviour.
 */
public final class SandboxWorld {

    private final SandboxClock clock;
    private final Map<String, Submission> byKey = new ConcurrentHashMap<>();
    private final Map<String, Submission> byId = new ConcurrentHashMap<>();
    private final Map<String, Outcome> nextOutcome = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> photos = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> attachments = new ConcurrentHashMap<>();

    public SandboxWorld(SandboxClock clock) {
        this.clock = clock;
    }

    public SandboxClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The WireMock extensions that serve this world: the response overlay and the admin API. */
    public Extension[] extensions() {
        return new Extension[] {new WorldOverlay(this), new WorldAdminApi(this)};
    }

    /** What a submission came to: the application accepted (or replayed), or the open one of its kind refusing it. */
    public record Acceptance(Submission submission, boolean duplicate) {
    }

    /**
     * Records an accepted application, or returns the one first accepted under the same key, or, when the person
     * has an application of the same kind still open at {@code now}, that one as a duplicate. One step under the
     * world's lock, so two submissions racing with different keys cannot both be accepted.
     */
    public synchronized Acceptance accept(String applicationId, String personId, String kind, String key,
            Map<String, Object> payload, Instant now) {
        Submission first = byKey.get(key);
        if (first != null) {
            return new Acceptance(first, false);
        }
        for (Submission earlier : of(personId)) {
            if (earlier.kind().equals(kind) && Records.open(earlier, now)) {
                return new Acceptance(earlier, true);
            }
        }
        Outcome outcome = Optional.ofNullable(nextOutcome.remove(personId)).orElse(Outcome.NORMAL);
        Submission submission = new Submission(applicationId, personId, kind, key,
                now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), payload, outcome);
        byKey.put(key, submission);
        byId.put(applicationId, submission);
        return new Acceptance(submission, false);
    }

    public Optional<Submission> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public Optional<Submission> application(String applicationId) {
        return Optional.ofNullable(byId.get(applicationId));
    }

    /** The person's accepted applications, oldest first. */
    public List<Submission> of(String personId) {
        List<Submission> mine = new ArrayList<>();
        for (Submission submission : byId.values()) {
            if (submission.personId().equals(personId)) {
                mine.add(submission);
            }
        }
        mine.sort(Comparator.comparing(Submission::submittedAt).thenComparing(Submission::applicationId));
        return mine;
    }

    public List<Submission> all() {
        return List.copyOf(byId.values());
    }

    /** Plans how the person's next application ends (NORMAL clears a plan). */
    public void planNext(String personId, Outcome outcome) {
        if (outcome == Outcome.NORMAL) {
            nextOutcome.remove(personId);
        } else {
            nextOutcome.put(personId, outcome);
        }
    }

    public void addPhoto(String personId, Map<String, Object> photo) {
        photos.computeIfAbsent(personId, id -> new CopyOnWriteArrayList<>()).add(photo);
    }

    public List<Map<String, Object>> photos(String personId) {
        return List.copyOf(photos.getOrDefault(personId, List.of()));
    }

    /** Keeps the record police answered for an uploaded attachment, to answer it again by id. */
    public void addAttachment(Map<String, Object> attachment) {
        if (attachment.get("attachmentId") instanceof String id) {
            attachments.put(id, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attachment)));
        }
    }

    public Optional<Map<String, Object>> attachment(String attachmentId) {
        return Optional.ofNullable(attachments.get(attachmentId));
    }

    /** Every persona back to its static state, the clock back to real time. */
    public synchronized void reset() {
        byKey.clear();
        byId.clear();
        nextOutcome.clear();
        photos.clear();
        attachments.clear();
        clock.reset();
    }
}
